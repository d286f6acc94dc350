//! TransactWriteItems: up to 100 Put, Update, Delete and ConditionCheck actions over several tables,
//! applied all together or not at all.
//!
//! The request is validated whole first (shape, tables, keys, expressions, one action per item, the
//! 4 MB aggregate), then the items' stripes are taken in order (`locks::lock_all`), every action is
//! checked against the items as they are, and either every change goes to the store as one storage
//! batch (`Engine::commit`) or none does and `TransactionCanceledException` lists one reason per
//! action, in order.
//!
//! # Conflicts: how ddbmock models them
//!
//! DynamoDB reports a conflict when requests overlap in time on one item: a single-item write to an
//! item a transaction is writing fails with `TransactionConflictException`, and a transaction that
//! meets an item another transaction is writing is cancelled with a `TransactionConflict` reason
//! for that action (TransactGetItems likewise). ddbmock's locks already serialize every pair of
//! requests, so it needs conflicts only to be faithful, not to be correct. It reports one exactly
//! when such an overlap really happens in-process: a request that finds the stripe of an item taken
//! *and* that very item registered as written by an in-flight transaction (see `locks`). It never
//! reports one otherwise: not for a single-item write holding the stripe (it is waited for, as it
//! finishes in microseconds), not for another item sharing the stripe, and not for a transaction
//! still acquiring its stripes (it has not started). So a program that does not race requests on
//! one item never sees a conflict, and one that does sees them as it would on DynamoDB, which is
//! what its retry logic needs to be tested against. The holder always completes, so conflicting
//! requests that retry always make progress.

use super::capacity::Consumed;
use super::expressions::{self, WriteParams};
use super::idempotency::{Claim, Fingerprint};
use super::write::{Action, Effect, Outcome, Together, Update};
use super::{Engine, billing, validate};
use ddbmock_core::error::msg::table::ConstraintErrors;
use ddbmock_core::error::{Result, msg};
use ddbmock_core::model::Item;
use ddbmock_core::operation::*;

/// The longest `ClientRequestToken` DynamoDB accepts.
use ddbmock_core::limits::MAX_CLIENT_REQUEST_TOKEN_CHARS as MAX_TOKEN_CHARS;
/// DynamoDB's limit of actions in one TransactWriteItems.
pub(crate) use ddbmock_core::limits::MAX_TRANSACTION_ACTIONS as MAX_ACTIONS;
/// DynamoDB's limit of the aggregate size of a transaction's items.
pub(crate) use ddbmock_core::limits::MAX_TRANSACTION_BYTES as MAX_AGGREGATE_BYTES;

/// Which action is being planned.
enum KeyedKind {
    Put,
    Update,
    Delete,
    Check,
}

impl KeyedKind {
    /// The IAM action a transaction's action of this kind is authorized as.
    fn action(&self) -> &'static str {
        match self {
            KeyedKind::Put => "PutItem",
            KeyedKind::Update => "UpdateItem",
            KeyedKind::Delete => "DeleteItem",
            KeyedKind::Check => "ConditionCheckItem",
        }
    }
}

/// The members of an action, borrowed out of its kind's struct.
struct Keyed {
    kind: KeyedKind,
    table_name: Option<String>,
    /// The item to put, or the key.
    key: Option<Item>,
    condition_expression: Option<String>,
    update_expression: Option<String>,
    names: Option<std::collections::HashMap<String, String>>,
    values: Option<Item>,
    on_failure: Option<ReturnValuesOnConditionCheckFailure>,
}

/// The members every action kind shares, borrowed for validation.
struct Common<'a> {
    kind: &'static str,
    table_name: &'a Option<String>,
    condition: &'a Option<String>,
    return_on_failure: Option<&'a ReturnValuesOnConditionCheckFailure>,
}

fn common(item: &TransactWriteItem) -> Vec<Common<'_>> {
    let mut out = Vec::new();
    if let Some(c) = &item.condition_check {
        out.push(Common {
            kind: "conditionCheck",
            table_name: &c.table_name,
            condition: &c.condition_expression,
            return_on_failure: c.return_values_on_condition_check_failure.as_ref(),
        });
    }
    if let Some(p) = &item.put {
        out.push(Common {
            kind: "put",
            table_name: &p.table_name,
            condition: &p.condition_expression,
            return_on_failure: p.return_values_on_condition_check_failure.as_ref(),
        });
    }
    if let Some(d) = &item.delete {
        out.push(Common {
            kind: "delete",
            table_name: &d.table_name,
            condition: &d.condition_expression,
            return_on_failure: d.return_values_on_condition_check_failure.as_ref(),
        });
    }
    if let Some(u) = &item.update {
        out.push(Common {
            kind: "update",
            table_name: &u.table_name,
            condition: &u.condition_expression,
            return_on_failure: u.return_values_on_condition_check_failure.as_ref(),
        });
    }
    out
}

/// Checks the members of the request the way DynamoDB's front end does, all reported together.
fn check_members(input: &TransactWriteItemsInput) -> Result<()> {
    let mut errors = ConstraintErrors::new();
    validate::required(&mut errors, "transactItems", &input.transact_items);
    validate::return_capacity(
        &mut errors,
        input.return_consumed_capacity.as_ref(),
        input.return_item_collection_metrics.as_ref(),
    );
    if let Some(token) = &input.client_request_token {
        let n = token.chars().count();
        errors.length("clientRequestToken", token, n, 1, MAX_TOKEN_CHARS);
    }
    for (i, item) in input.transact_items.iter().flatten().enumerate() {
        for c in common(item) {
            let at = format!("transactItems.{}.member.{}", i + 1, c.kind);
            errors.table_name_or_arn(&format!("{at}.tableName"), c.table_name.as_deref());
            validate::return_on_failure_at(
                &mut errors,
                &format!("{at}.returnValuesOnConditionCheckFailure"),
                c.return_on_failure,
            );
            if c.kind == "conditionCheck" {
                validate::required(
                    &mut errors,
                    &format!("{at}.conditionExpression"),
                    c.condition,
                );
            }
        }
        if let Some(p) = &item.put {
            validate::required(
                &mut errors,
                &format!("transactItems.{}.member.put.item", i + 1),
                &p.item,
            );
        }
        for (kind, key) in [
            (
                "conditionCheck",
                item.condition_check.as_ref().map(|c| &c.key),
            ),
            ("delete", item.delete.as_ref().map(|d| &d.key)),
            ("update", item.update.as_ref().map(|u| &u.key)),
        ] {
            if let Some(key) = key {
                validate::required(
                    &mut errors,
                    &format!("transactItems.{}.member.{kind}.key", i + 1),
                    key,
                );
            }
        }
        if let Some(u) = &item.update {
            validate::required(
                &mut errors,
                &format!("transactItems.{}.member.update.updateExpression", i + 1),
                &u.update_expression,
            );
        }
    }
    errors.into_result()
}

/// One action whose checks that need no table passed.
struct Unplaced {
    kind: KeyedKind,
    table_name: String,
    /// The item to put, or the key of the item to update, delete or check.
    item: Item,
    exprs: expressions::WriteExprs,
    on_failure: Option<ReturnValuesOnConditionCheckFailure>,
}

/// Checks one action as far as it can be without its table: exactly one kind of action, its
/// values (and a put item's names and size), its expressions.
fn check_action(item: TransactWriteItem) -> Result<Unplaced> {
    let keyed = match item {
        TransactWriteItem {
            condition_check: None,
            put: None,
            delete: None,
            update: None,
        } => return Err(msg::transact::empty_write_action()),
        TransactWriteItem {
            put: Some(p),
            condition_check: None,
            delete: None,
            update: None,
        } => Keyed {
            kind: KeyedKind::Put,
            table_name: p.table_name,
            key: p.item,
            condition_expression: p.condition_expression,
            update_expression: None,
            names: p.expression_attribute_names,
            values: p.expression_attribute_values,
            on_failure: p.return_values_on_condition_check_failure,
        },
        TransactWriteItem {
            update: Some(u),
            condition_check: None,
            put: None,
            delete: None,
        } => Keyed {
            kind: KeyedKind::Update,
            table_name: u.table_name,
            key: u.key,
            condition_expression: u.condition_expression,
            update_expression: u.update_expression,
            names: u.expression_attribute_names,
            values: u.expression_attribute_values,
            on_failure: u.return_values_on_condition_check_failure,
        },
        TransactWriteItem {
            delete: Some(d),
            condition_check: None,
            put: None,
            update: None,
        } => Keyed {
            kind: KeyedKind::Delete,
            table_name: d.table_name,
            key: d.key,
            condition_expression: d.condition_expression,
            update_expression: None,
            names: d.expression_attribute_names,
            values: d.expression_attribute_values,
            on_failure: d.return_values_on_condition_check_failure,
        },
        TransactWriteItem {
            condition_check: Some(c),
            put: None,
            delete: None,
            update: None,
        } => Keyed {
            kind: KeyedKind::Check,
            table_name: c.table_name,
            key: c.key,
            condition_expression: c.condition_expression,
            update_expression: None,
            names: c.expression_attribute_names,
            values: c.expression_attribute_values,
            on_failure: c.return_values_on_condition_check_failure,
        },
        _ => return Err(msg::transact::one_action_per_item()),
    };
    let mut item = keyed.key.unwrap_or_default();
    match keyed.kind {
        KeyedKind::Put => validate::put_values(&mut item)?,
        _ => validate::values(&mut item)?,
    }
    let exprs = expressions::compile_write(&WriteParams {
        condition_expression: keyed.condition_expression.as_deref(),
        update_expression: keyed.update_expression.as_deref(),
        names: keyed.names.as_ref(),
        values: keyed.values.as_ref(),
        expected: None,
        conditional_operator: None,
        attribute_updates: false,
        takes_update: keyed.update_expression.is_some(),
    })?;
    Ok(Unplaced {
        kind: keyed.kind,
        table_name: keyed.table_name.unwrap_or_default(),
        item,
        exprs,
        on_failure: keyed.on_failure,
    })
}

impl Engine {
    pub(crate) fn transact_write_items_now(
        &self,
        input: TransactWriteItemsInput,
    ) -> Result<TransactWriteItemsOutput> {
        if let Some(items) = &input.transact_items {
            if items.is_empty() {
                return Err(msg::transact::no_actions());
            }
            if items.len() > MAX_ACTIONS {
                return Err(msg::transact::too_many_actions(
                    "TransactWriteItem",
                    items.len(),
                    MAX_ACTIONS,
                ));
            }
        }
        check_members(&input)?;
        let items = input.transact_items.clone().unwrap_or_default();
        let actions = self.plan_actions(items)?;

        let mode = input.return_consumed_capacity.as_ref();
        let metrics = input.return_item_collection_metrics.as_ref();
        let Some(token) = input.client_request_token.as_deref() else {
            return self.apply_actions(&actions, mode, metrics);
        };
        let fingerprint = Fingerprint {
            items: input.transact_items.clone().unwrap_or_default(),
            metrics: input.return_item_collection_metrics.clone(),
        };
        let clock = &self.inner.clock;
        match self.inner.tokens.claim(token, &fingerprint, clock.now())? {
            Claim::Replay(output) => Ok(output),
            Claim::Run => {
                let result = self.apply_actions(&actions, mode, metrics);
                self.inner
                    .tokens
                    .finish(token, result.as_ref().ok(), clock.now());
                result
            }
        }
    }

    /// Validates every action, and the request as a whole: first every check that needs no table
    /// (so a missing table is reported only for a request that breaks no other rule), then each
    /// action against its table.
    fn plan_actions(&self, items: Vec<TransactWriteItem>) -> Result<Vec<Action>> {
        let unplaced = items
            .into_iter()
            .map(check_action)
            .collect::<Result<Vec<_>>>()?;
        let mut actions: Vec<Action> = Vec::with_capacity(unplaced.len());
        let mut aggregate = 0;
        for u in unplaced {
            let table = self.table_for(&u.table_name, u.kind.action())?;
            let condition = u.exprs.condition;
            let action = match (u.kind, u.exprs.update) {
                (KeyedKind::Put, _) => Action::put(table, u.item, condition)?,
                (KeyedKind::Update, Some(expression)) => {
                    let update = Update {
                        expression: Some(expression),
                        legacy: Default::default(),
                    };
                    Action::keyed(table, u.item, Effect::Update(Box::new(update)), condition)?
                }
                (KeyedKind::Delete, _) => Action::keyed(table, u.item, Effect::Delete, condition)?,
                // An Update without its expression was rejected with the other member checks.
                (KeyedKind::Check | KeyedKind::Update, _) => {
                    Action::keyed(table, u.item, Effect::Check, condition)?
                }
            }
            .on_failure(u.on_failure);
            aggregate += action.aggregate_size();
            if actions
                .iter()
                .any(|a| a.table.space == action.table.space && a.storage_key == action.storage_key)
            {
                return Err(msg::transact::multiple_operations_on_one_item());
            }
            actions.push(action);
        }
        if aggregate > MAX_AGGREGATE_BYTES {
            return Err(msg::transact::aggregate_size_exceeded());
        }
        Ok(actions)
    }

    /// Locks the actions' items, checks each action, and commits them all or none.
    fn apply_actions(
        &self,
        actions: &[Action],
        mode: Option<&ReturnConsumedCapacity>,
        metrics: Option<&ReturnItemCollectionMetrics>,
    ) -> Result<TransactWriteItemsOutput> {
        let outcomes = self.apply_together(actions, Together::Transaction)?;
        // Transactional writes are billed double, per table.
        let mut billed: std::collections::BTreeMap<String, Consumed> = Default::default();
        for Outcome { change, .. } in outcomes.iter().flatten().filter(|o| o.stored) {
            let name = change.table.name().to_owned();
            billed
                .entry(name.clone())
                .or_insert_with(|| Consumed::new(&name))
                .add(&billing::change_consumed(change).doubled());
        }
        let consumed: Vec<_> = billed.values().filter_map(|c| self.bill(c, mode)).collect();
        let written = actions
            .iter()
            .filter(|a| a.writes())
            .map(|a| (&*a.table, a.named()));
        Ok(TransactWriteItemsOutput {
            consumed_capacity: (!consumed.is_empty()).then_some(consumed),
            item_collection_metrics: self.collection_metrics_by_table(written, metrics),
        })
    }
}
