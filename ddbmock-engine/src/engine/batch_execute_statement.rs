//! BatchExecuteStatement: up to 25 PartiQL statements, all reads or all writes, each run on its own
//! as the single-item operation it stands for (a SELECT of one full key as GetItem, INSERT as
//! PutItem, UPDATE as UpdateItem, DELETE as DeleteItem), so that billing, streams and conditions
//! are those of the operation. A statement that fails answers with its error in its own response;
//! only a malformed request, a batch mixing reads and writes, or two statements on one item fail
//! the whole call.

use super::capacity::Consumed;
use super::{Engine, validate};
use crate::partiql::ast::{Source, Statement};
use crate::partiql::keyed::point_get;
use crate::partiql::parse;
use crate::partiql::plan::{Plan, Request, plan};
use ddbmock_core::error::msg::constraint::{max_length, min_length};
use ddbmock_core::error::msg::table::ConstraintErrors;
use ddbmock_core::error::{Error, Result, msg};
use ddbmock_core::model::{AttributeValue, Item};
use ddbmock_core::operation::*;

/// The API's bound on the statements of one batch.
const MAX_STATEMENTS: usize = 25;
/// The API's bound on one statement, in characters.
const MAX_STATEMENT: usize = 8192;

/// One statement of the batch, as far as it got before running.
enum Member {
    /// Failed on its own: the response is its error (with the table once it is known).
    Failed(BatchStatementResponse),
    /// A SELECT of one item, and its consistency.
    Read(Get, Option<bool>),
    /// A write (boxed: the write inputs are large beside a failed statement's response).
    Write(Box<Write>),
}

/// A planned write, as the single-item operation that runs it.
enum Write {
    Insert(PutItemInput),
    Update(UpdateItemInput),
    Delete(DeleteItemInput),
}

impl Engine {
    pub(crate) fn batch_execute_statement_now(
        &self,
        input: BatchExecuteStatementInput,
    ) -> Result<BatchExecuteStatementOutput> {
        check_members(&input)?;
        let statements = input.statements.unwrap_or_default();
        let mode = input.return_consumed_capacity;

        let parsed: Vec<_> = statements.into_iter().map(parse_member).collect();
        // Only statements that can run in a batch say which kind it is (as DynamoDB Local: an
        // `EXISTS` fails alone, like a statement that does not parse).
        let kinds = parsed
            .iter()
            .filter_map(|p| p.as_ref().ok())
            .filter(|p| !p.exists)
            .map(|p| p.read);
        let (mut reads, mut writes) = (false, false);
        for read in kinds {
            reads |= read;
            writes |= !read;
        }
        if reads && writes {
            return Err(msg::partiql_ops::mixed_batch());
        }

        let members: Vec<Member> = parsed
            .into_iter()
            .map(|p| match p {
                Ok(p) => self.plan_member(p),
                Err(e) => Member::Failed(failed(None, e)),
            })
            .collect();
        self.check_distinct(&members)?;

        // Each statement reports its consumption in full; the batch sums it per table.
        let detail = reports(mode.as_ref()).then_some(ReturnConsumedCapacity::Indexes);
        let mut consumed: Vec<Consumed> = Vec::new();
        let responses = members
            .into_iter()
            .map(|m| self.run_member(m, detail.as_ref(), &mut consumed))
            .collect();
        let consumed: Vec<_> = consumed
            .iter()
            .filter_map(|c| c.report(mode.as_ref()))
            .collect();
        Ok(BatchExecuteStatementOutput {
            responses: Some(responses),
            consumed_capacity: (!consumed.is_empty()).then_some(consumed),
        })
    }

    /// Plans a parsed statement; a statement that cannot run fails alone.
    fn plan_member(&self, p: Parsed) -> Member {
        let table = p.table.clone();
        let planned = (|| {
            if p.exists {
                return Err(msg::partiql::exists_outside_transaction());
            }
            if p.statement.parameters > p.params.len() {
                return Err(msg::partiql::parameter_count());
            }
            match &p.statement.statement {
                Statement::Select(s) | Statement::Exists(s) => {
                    match point_get(s, &p.params, |src| self.keys_of(src))? {
                        Some(get) => Ok(Member::Read(get, p.consistent_read)),
                        None => Err(msg::partiql_ops::only_single_item_select()),
                    }
                }
                Statement::Insert(_) | Statement::Update(_) | Statement::Delete(_) => {
                    let request = Request {
                        params: &p.params,
                        consistent_read: None,
                        limit: None,
                        start_key: None,
                        capacity: None,
                        on_failure: p.on_failure.clone(),
                    };
                    match plan(&p.statement.statement, request, |src| self.keys_of(src))? {
                        Plan::Insert(i) => Ok(Member::Write(Box::new(Write::Insert(i)))),
                        Plan::Update(u) => Ok(Member::Write(Box::new(Write::Update(u)))),
                        Plan::Delete(d) => Ok(Member::Write(Box::new(Write::Delete(d)))),
                        // A write never plans as a read.
                        Plan::Get(_) | Plan::Query(_) | Plan::Queries(_) | Plan::Scan(_) => {
                            Err(msg::partiql_ops::mixed_batch())
                        }
                    }
                }
            }
        })();
        planned.unwrap_or_else(|e| Member::Failed(failed(Some(table), e)))
    }

    /// Refuses a batch with two statements on one item, as BatchGetItem and BatchWriteItem do.
    fn check_distinct(&self, members: &[Member]) -> Result<()> {
        let mut seen: Vec<(&str, Item)> = Vec::new();
        for m in members {
            let (table, key) = match m {
                Member::Failed(_) => continue,
                Member::Read(get, _) => (get.table_name.as_deref(), get.key.clone()),
                Member::Write(w) => match &**w {
                    Write::Insert(p) => {
                        let table = p.table_name.as_deref().unwrap_or_default();
                        let source = Source {
                            table: table.to_owned(),
                            index: None,
                        };
                        let key = match (self.keys_of(&source), &p.item) {
                            (Ok(Some(k)), Some(item)) => Some(
                                std::iter::once(&k.hash)
                                    .chain(k.range.as_ref())
                                    .filter_map(|n| item.get(n).map(|v| (n.clone(), v.clone())))
                                    .collect(),
                            ),
                            _ => None,
                        };
                        (Some(table), key)
                    }
                    Write::Update(u) => (u.table_name.as_deref(), u.key.clone()),
                    Write::Delete(d) => (d.table_name.as_deref(), d.key.clone()),
                },
            };
            let (Some(table), Some(key)) = (table, key) else {
                continue;
            };
            if seen.iter().any(|(t, k)| *t == table && *k == key) {
                return Err(msg::batch::duplicate_keys());
            }
            seen.push((table, key));
        }
        Ok(())
    }

    /// Runs one statement, adding what it consumed to its table's entry.
    fn run_member(
        &self,
        member: Member,
        detail: Option<&ReturnConsumedCapacity>,
        consumed: &mut Vec<Consumed>,
    ) -> BatchStatementResponse {
        let (table, result) = match member {
            Member::Failed(response) => return response,
            Member::Read(get, consistent_read) => {
                let table = get.table_name.clone().unwrap_or_default();
                let result = self
                    .get_item_now(GetItemInput {
                        table_name: get.table_name,
                        key: get.key,
                        projection_expression: get.projection_expression,
                        expression_attribute_names: get.expression_attribute_names,
                        consistent_read,
                        return_consumed_capacity: detail.cloned(),
                        ..Default::default()
                    })
                    .map(|out| (out.item, out.consumed_capacity));
                (table, result)
            }
            Member::Write(w) => match *w {
                Write::Insert(mut p) => {
                    p.return_consumed_capacity = detail.cloned();
                    let table = p.table_name.clone().unwrap_or_default();
                    let result = match self.put_item_now(p) {
                        Ok(out) => Ok((None, out.consumed_capacity)),
                        Err(Error::ConditionalCheckFailed { .. }) => {
                            Err(msg::partiql::duplicate_item())
                        }
                        Err(e) => Err(e),
                    };
                    (table, result)
                }
                Write::Update(mut u) => {
                    u.return_consumed_capacity = detail.cloned();
                    let table = u.table_name.clone().unwrap_or_default();
                    let result = self
                        .update_item_now(u)
                        .map(|out| (out.attributes, out.consumed_capacity));
                    (table, result)
                }
                Write::Delete(mut d) => {
                    d.return_consumed_capacity = detail.cloned();
                    let table = d.table_name.clone().unwrap_or_default();
                    let result = self
                        .delete_item_now(d)
                        .map(|out| (out.attributes, out.consumed_capacity));
                    (table, result)
                }
            },
        };
        match result {
            Ok((item, capacity)) => {
                if let Some(c) = capacity {
                    add_consumed(consumed, &c);
                }
                BatchStatementResponse {
                    error: None,
                    table_name: Some(table),
                    item,
                }
            }
            Err(e) => failed(Some(table), e),
        }
    }
}

/// A statement that parsed, with what it came with.
struct Parsed {
    statement: crate::partiql::Parsed,
    /// Whether it was `EXISTS( … )`, which only a transaction takes.
    exists: bool,
    /// Whether it is a SELECT (inside `EXISTS` or not).
    read: bool,
    table: String,
    params: Vec<AttributeValue>,
    consistent_read: Option<bool>,
    on_failure: Option<ReturnValuesOnConditionCheckFailure>,
}

fn parse_member(request: BatchStatementRequest) -> Result<Parsed> {
    let statement = parse(request.statement.as_deref().unwrap_or_default())?;
    let (read, exists, table) = match &statement.statement {
        Statement::Select(s) => (true, false, &s.from.table),
        Statement::Exists(s) => (true, true, &s.from.table),
        Statement::Insert(i) => (false, false, &i.into.table),
        Statement::Update(u) => (false, false, &u.table.table),
        Statement::Delete(d) => (false, false, &d.from.table),
    };
    Ok(Parsed {
        table: table.clone(),
        read,
        exists,
        statement,
        params: request.parameters.unwrap_or_default(),
        consistent_read: request.consistent_read,
        on_failure: request.return_values_on_condition_check_failure,
    })
}

/// Checks the members of the request, all reported together.
fn check_members(input: &BatchExecuteStatementInput) -> Result<()> {
    let mut errors = ConstraintErrors::new();
    validate::required(&mut errors, "statements", &input.statements);
    if let Some(list) = &input.statements {
        if list.is_empty() {
            errors.push("'[]'", "statements", &min_length(1));
        }
        if list.len() > MAX_STATEMENTS {
            let quoted = msg::partiql_ops::quoted_statements("BatchStatementRequest", list.len());
            errors.push(&quoted, "statements", &max_length(MAX_STATEMENTS));
        }
        for (i, s) in list.iter().enumerate() {
            let at = format!("statements.{}.member", i + 1);
            validate::required(&mut errors, &format!("{at}.statement"), &s.statement);
            if let Some(text) = &s.statement {
                let member = format!("{at}.statement");
                errors.length(&member, text, text.chars().count(), 1, MAX_STATEMENT);
            }
            validate::return_on_failure_at(
                &mut errors,
                &format!("{at}.returnValuesOnConditionCheckFailure"),
                s.return_values_on_condition_check_failure.as_ref(),
            );
        }
    }
    validate::return_capacity(&mut errors, input.return_consumed_capacity.as_ref(), None);
    errors.into_result()
}

/// Whether `mode` asks for a report at all.
fn reports(mode: Option<&ReturnConsumedCapacity>) -> bool {
    matches!(
        mode,
        Some(ReturnConsumedCapacity::Total | ReturnConsumedCapacity::Indexes)
    )
}

/// A statement's error as its response: DynamoDB's exception as the batch's error code. The table
/// is named once the statement parsed (`BatchStatementResponse.TableName`: "the table name
/// associated with a failed PartiQL batch statement"), as DynamoDB Local does.
fn failed(table: Option<String>, e: Error) -> BatchStatementResponse {
    let code = match &e {
        Error::ConditionalCheckFailed { .. } => BatchStatementErrorCode::ConditionalCheckFailed,
        Error::DuplicateItem(_) => BatchStatementErrorCode::DuplicateItem,
        Error::Validation(_) => BatchStatementErrorCode::ValidationError,
        Error::ResourceNotFound(_) => BatchStatementErrorCode::ResourceNotFound,
        Error::ProvisionedThroughputExceeded(_) => {
            BatchStatementErrorCode::ProvisionedThroughputExceeded
        }
        Error::Throttling(_) => BatchStatementErrorCode::ThrottlingError,
        Error::RequestLimitExceeded(_) => BatchStatementErrorCode::RequestLimitExceeded,
        Error::ItemCollectionSizeLimitExceeded(_) => {
            BatchStatementErrorCode::ItemCollectionSizeLimitExceeded
        }
        Error::TransactionConflict(_) => BatchStatementErrorCode::TransactionConflict,
        Error::AccessDenied(_) => BatchStatementErrorCode::AccessDenied,
        _ => BatchStatementErrorCode::InternalServerError,
    };
    let message = e.message();
    let item = match e {
        Error::ConditionalCheckFailed { item, .. } => item,
        _ => None,
    };
    BatchStatementResponse {
        error: Some(BatchStatementError {
            code: Some(code),
            message: Some(message),
            item,
        }),
        table_name: table,
        item: None,
    }
}

/// Adds a statement's `INDEXES` report to its table's entry, kept in the order tables first appear.
fn add_consumed(all: &mut Vec<Consumed>, report: &ConsumedCapacity) {
    let name = report.table_name.clone().unwrap_or_default();
    let mut part = Consumed::new(&name);
    if let Some(t) = &report.table {
        part.table_read = t.read_capacity_units.unwrap_or(0.0);
        part.table_write = t.write_capacity_units.unwrap_or(0.0);
    }
    let units = |c: &Capacity| {
        (
            c.read_capacity_units.unwrap_or(0.0),
            c.write_capacity_units.unwrap_or(0.0),
        )
    };
    for (index, c) in report.local_secondary_indexes.iter().flatten() {
        part.local.insert(index.clone(), units(c));
    }
    for (index, c) in report.global_secondary_indexes.iter().flatten() {
        part.global.insert(index.clone(), units(c));
    }
    match all.iter_mut().find(|c| c.table == name) {
        Some(entry) => entry.add(&part),
        None => all.push(part),
    }
}
