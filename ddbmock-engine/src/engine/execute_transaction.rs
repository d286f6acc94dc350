//! ExecuteTransaction: up to 100 PartiQL statements run all together or not at all. Reads (SELECTs
//! of one full key each) run as TransactGetItems; writes (INSERT, UPDATE, DELETE, and
//! `EXISTS(SELECT …)` checks) run as TransactWriteItems, through the same transaction code, so
//! locking, conflicts, billing at double cost, stream records, `ClientRequestToken` idempotency
//! and `CancellationReasons` are those of the two operations.

use super::{Engine, validate};
use crate::partiql::ast::Statement;
use crate::partiql::exists;
use crate::partiql::keyed::point_get;
use crate::partiql::parse;
use crate::partiql::plan::{Plan, Request, plan};
use ddbmock_core::error::msg::constraint::{max_length, min_length};
use ddbmock_core::error::msg::table::ConstraintErrors;
use ddbmock_core::error::{Error, Result, msg};
use ddbmock_core::model::AttributeValue;
use ddbmock_core::operation::*;

/// The longest `ClientRequestToken` DynamoDB accepts.
use ddbmock_core::limits::MAX_CLIENT_REQUEST_TOKEN_CHARS as MAX_TOKEN_CHARS;
/// The API's bound on the statements of one transaction.
use ddbmock_core::limits::MAX_TRANSACTION_ACTIONS as MAX_STATEMENTS;
/// The API's bound on one statement, in characters.
const MAX_STATEMENT: usize = 8192;

/// One parsed statement of the transaction.
struct Member {
    kind: Kind,
    /// How many `?` the statement holds.
    wanted: usize,
    params: Vec<AttributeValue>,
    on_failure: Option<ReturnValuesOnConditionCheckFailure>,
}

enum Kind {
    Read(crate::partiql::ast::Select),
    Exists(crate::partiql::ast::Select),
    Write(Statement),
}

impl Engine {
    pub(crate) fn execute_transaction_now(
        &self,
        input: ExecuteTransactionInput,
    ) -> Result<ExecuteTransactionOutput> {
        check_members(&input)?;
        let members = input
            .transact_statements
            .unwrap_or_default()
            .into_iter()
            .map(parse_member)
            .collect::<Result<Vec<_>>>()?;
        let reads = members
            .iter()
            .filter(|m| matches!(m.kind, Kind::Read(_)))
            .count();
        if reads > 0 && reads < members.len() {
            return Err(msg::partiql_ops::mixed_transaction());
        }
        let mode = input.return_consumed_capacity;
        if reads > 0 {
            let n = members.len();
            let gets = members
                .iter()
                .enumerate()
                .map(|(i, m)| self.plan_get(m).map_err(|e| in_statement(i, n, e)))
                .collect::<Result<Vec<_>>>()?;
            let out = self.transact_get_items_now(TransactGetItemsInput {
                transact_items: Some(gets),
                return_consumed_capacity: mode,
            })?;
            return Ok(ExecuteTransactionOutput {
                responses: out.responses,
                consumed_capacity: out.consumed_capacity,
            });
        }

        let n = members.len();
        let actions = members
            .iter()
            .enumerate()
            .map(|(i, m)| self.plan_action(m).map_err(|e| in_statement(i, n, e)))
            .collect::<Result<Vec<_>>>()?;
        let inserts: Vec<bool> = actions.iter().map(|a| a.put.is_some()).collect();
        let out = self
            .transact_write_items_now(TransactWriteItemsInput {
                transact_items: Some(actions),
                return_consumed_capacity: mode,
                return_item_collection_metrics: None,
                client_request_token: input.client_request_token,
            })
            .map_err(|e| duplicates_of_inserts(e, &inserts))?;
        Ok(ExecuteTransactionOutput {
            // A write transaction returns no items: DynamoDB Local answers an empty list.
            // *Unconfirmed* against DynamoDB, whose guide says only that writes return no values.
            responses: Some(Vec::new()),
            consumed_capacity: out.consumed_capacity,
        })
    }

    /// The get of a SELECT of a read transaction.
    fn plan_get(&self, m: &Member) -> Result<TransactGetItem> {
        let select = match &m.kind {
            Kind::Read(select) => select,
            Kind::Exists(_) | Kind::Write(_) => return Err(msg::partiql_ops::mixed_transaction()),
        };
        if select.from.index.is_some() {
            return Err(msg::partiql_ops::index_read_in_transaction());
        }
        check_parameters(m)?;
        match point_get(select, &m.params, |src| self.keys_of(src))? {
            Some(get) => Ok(TransactGetItem { get: Some(get) }),
            None => Err(msg::partiql_ops::select_without_key_in_transaction()),
        }
    }

    /// The action of a statement of a write transaction.
    fn plan_action(&self, m: &Member) -> Result<TransactWriteItem> {
        check_parameters(m)?;
        let keys = |src: &_| self.keys_of(src);
        let statement = match &m.kind {
            Kind::Exists(select) => {
                let check = exists::check(select, &m.params, keys)?;
                return Ok(TransactWriteItem {
                    condition_check: Some(ConditionCheck {
                        return_values_on_condition_check_failure: m.on_failure.clone(),
                        ..check
                    }),
                    ..Default::default()
                });
            }
            Kind::Write(statement) => statement,
            Kind::Read(_) => return Err(msg::partiql_ops::mixed_transaction()),
        };
        let request = Request {
            params: &m.params,
            consistent_read: None,
            limit: None,
            start_key: None,
            capacity: None,
            on_failure: m.on_failure.clone(),
        };
        let planned = plan(statement, request, keys)?;
        let action = match planned {
            Plan::Insert(p) => TransactWriteItem {
                put: Some(Put {
                    table_name: p.table_name,
                    item: p.item,
                    condition_expression: p.condition_expression,
                    expression_attribute_names: p.expression_attribute_names,
                    expression_attribute_values: p.expression_attribute_values,
                    return_values_on_condition_check_failure: m.on_failure.clone(),
                }),
                ..Default::default()
            },
            Plan::Update(u) => {
                if u.return_values.is_some() {
                    return Err(msg::partiql_ops::returning_in_transaction());
                }
                TransactWriteItem {
                    update: Some(Update {
                        table_name: u.table_name,
                        key: u.key,
                        update_expression: u.update_expression,
                        condition_expression: u.condition_expression,
                        expression_attribute_names: u.expression_attribute_names,
                        expression_attribute_values: u.expression_attribute_values,
                        return_values_on_condition_check_failure: u
                            .return_values_on_condition_check_failure,
                    }),
                    ..Default::default()
                }
            }
            Plan::Delete(d) => {
                if d.return_values.is_some() {
                    return Err(msg::partiql_ops::returning_in_transaction());
                }
                TransactWriteItem {
                    delete: Some(Delete {
                        table_name: d.table_name,
                        key: d.key,
                        condition_expression: d.condition_expression,
                        expression_attribute_names: d.expression_attribute_names,
                        expression_attribute_values: d.expression_attribute_values,
                        return_values_on_condition_check_failure: d
                            .return_values_on_condition_check_failure,
                    }),
                    ..Default::default()
                }
            }
            // A write never plans as a read.
            Plan::Get(_) | Plan::Query(_) | Plan::Queries(_) | Plan::Scan(_) => {
                return Err(msg::partiql_ops::mixed_transaction());
            }
        };
        Ok(action)
    }
}

fn parse_member(s: ParameterizedStatement) -> Result<Member> {
    let parsed = parse(s.statement.as_deref().unwrap_or_default())?;
    let kind = match parsed.statement {
        Statement::Select(select) => Kind::Read(select),
        Statement::Exists(select) => Kind::Exists(select),
        other @ (Statement::Insert(_) | Statement::Update(_) | Statement::Delete(_)) => {
            Kind::Write(other)
        }
    };
    Ok(Member {
        kind,
        wanted: parsed.parameters,
        params: s.parameters.unwrap_or_default(),
        on_failure: s.return_values_on_condition_check_failure,
    })
}

/// Extra parameters go unused, as in ExecuteStatement; missing ones are an error.
fn check_parameters(m: &Member) -> Result<()> {
    if m.wanted > m.params.len() {
        return Err(msg::partiql::parameter_count());
    }
    Ok(())
}

/// The error of the `i`th of `n` statements as the transaction reports it: a missing table as
/// itself, a WHERE clause that does not name the key as a cancellation with a `ValidationError`
/// reason for the statement (DynamoDB Local's handling; the reasons' shape is *unconfirmed*), any
/// other validation error named by the statement's place.
fn in_statement(i: usize, n: usize, e: Error) -> Error {
    match e {
        Error::Validation(_) if e == msg::partiql::incomplete_key() => {
            let reasons = (0..n)
                .map(|at| {
                    if at == i {
                        msg::transact::reason_validation(e.message())
                    } else {
                        msg::transact::reason_none()
                    }
                })
                .collect();
            msg::transact::transaction_canceled(reasons)
        }
        Error::Validation(_) => msg::partiql_ops::in_transaction(i, &e),
        other => other,
    }
}

/// An INSERT whose key exists fails the condition ddbmock gives it; DynamoDB reports it as a
/// duplicate item, not as a failed condition.
fn duplicates_of_inserts(e: Error, inserts: &[bool]) -> Error {
    let Error::TransactionCanceled { reasons, .. } = e else {
        return e;
    };
    let reasons = reasons
        .into_iter()
        .zip(inserts.iter().copied().chain(std::iter::repeat(false)))
        .map(|(r, insert)| {
            if insert && r.code.as_deref() == Some("ConditionalCheckFailed") {
                msg::partiql_ops::reason_duplicate_item()
            } else {
                r
            }
        })
        .collect();
    msg::transact::transaction_canceled(reasons)
}

/// Checks the members of the request, all reported together.
fn check_members(input: &ExecuteTransactionInput) -> Result<()> {
    let mut errors = ConstraintErrors::new();
    validate::required(
        &mut errors,
        "transactStatements",
        &input.transact_statements,
    );
    if let Some(list) = &input.transact_statements {
        if list.is_empty() {
            errors.push("'[]'", "transactStatements", &min_length(1));
        }
        if list.len() > MAX_STATEMENTS {
            let quoted = msg::partiql_ops::quoted_statements("ParameterizedStatement", list.len());
            errors.push(&quoted, "transactStatements", &max_length(MAX_STATEMENTS));
        }
        for (i, s) in list.iter().enumerate() {
            let at = format!("transactStatements.{}.member", i + 1);
            let member = format!("{at}.statement");
            validate::required(&mut errors, &member, &s.statement);
            if let Some(text) = &s.statement {
                errors.length(&member, text, text.chars().count(), 1, MAX_STATEMENT);
            }
            validate::return_on_failure_at(
                &mut errors,
                &format!("{at}.returnValuesOnConditionCheckFailure"),
                s.return_values_on_condition_check_failure.as_ref(),
            );
        }
    }
    if let Some(token) = &input.client_request_token {
        let n = token.chars().count();
        errors.length("clientRequestToken", token, n, 1, MAX_TOKEN_CHARS);
    }
    validate::return_capacity(&mut errors, input.return_consumed_capacity.as_ref(), None);
    errors.into_result()
}
