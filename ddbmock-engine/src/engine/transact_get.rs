//! TransactGetItems: up to 100 items over several tables, read as one consistent snapshot.
//!
//! The snapshot comes from taking the stripes of every item read, in stripe order, as a write
//! transaction does (see `locks`): no write to any of them can be half done while they are read.
//! A get that meets an item a write transaction is writing is cancelled with a
//! `TransactionConflict` reason, as DynamoDB cancels it (see `transact_write` for the model).
//!
//! The items read may add up to 4 MB, as for TransactWriteItems. The request carries only keys, so
//! the limit can only be checked on what was read: the stored items' sizes, before any projection
//! (DynamoDB reads, and bills, whole items), and the whole request is refused.

use std::sync::Arc;

use super::capacity::{Consumed, read_units};
use super::keys::validated_storage_key;
use super::table::Table;
use super::transact_write::{MAX_ACTIONS, MAX_AGGREGATE_BYTES};
use super::write::cancel_for_conflicts;
use super::{Engine, expressions, validate};
use crate::expr::Projection;
use ddbmock_core::error::msg::table::ConstraintErrors;
use ddbmock_core::error::{Result, msg};
use ddbmock_core::model::Item;
use ddbmock_core::model::item_size;
use ddbmock_core::operation::*;

/// One validated get.
struct Planned {
    table: Arc<Table>,
    storage_key: Vec<u8>,
    projection: Option<Projection>,
}

impl Engine {
    pub(crate) fn transact_get_items_now(
        &self,
        input: TransactGetItemsInput,
    ) -> Result<TransactGetItemsOutput> {
        if let Some(items) = &input.transact_items {
            if items.is_empty() {
                return Err(msg::transact::no_actions());
            }
            if items.len() > MAX_ACTIONS {
                return Err(msg::transact::too_many_actions(
                    "TransactGetItem",
                    items.len(),
                    MAX_ACTIONS,
                ));
            }
        }
        let mut errors = ConstraintErrors::new();
        validate::required(&mut errors, "transactItems", &input.transact_items);
        validate::return_capacity(&mut errors, input.return_consumed_capacity.as_ref(), None);
        for (i, item) in input.transact_items.iter().flatten().enumerate() {
            let at = format!("transactItems.{}.member.get", i + 1);
            validate::required(&mut errors, &at, &item.get);
            if let Some(get) = &item.get {
                errors.table_name_or_arn(&format!("{at}.tableName"), get.table_name.as_deref());
                validate::required(&mut errors, &format!("{at}.key"), &get.key);
            }
        }
        errors.into_result()?;

        // Every get's checks that need no table, before any table is looked up: a missing table is
        // reported only for a request that breaks no other rule.
        let mut checked = Vec::new();
        for item in input.transact_items.unwrap_or_default() {
            let get = item.get.unwrap_or_default();
            let mut key = get.key.unwrap_or_default();
            validate::values(&mut key)?;
            let projection = expressions::compile_read(
                get.projection_expression.as_deref(),
                None,
                get.expression_attribute_names.as_ref(),
            )?;
            checked.push((get.table_name.unwrap_or_default(), key, projection));
        }

        let mut plan: Vec<Planned> = Vec::new();
        // An empty key cancels the transaction with a ValidationError reason at its position, where
        // a key of the wrong attributes fails the whole request.
        let mut keyless: Vec<usize> = Vec::new();
        for (position, (table_name, key, projection)) in checked.into_iter().enumerate() {
            let table = self.table_for(&table_name, "GetItem")?;
            if key.is_empty() {
                keyless.push(position);
                continue;
            }
            let storage_key = validated_storage_key(&table.key, &key)?;
            if plan
                .iter()
                .any(|p| p.table.space == table.space && p.storage_key == storage_key)
            {
                return Err(msg::transact::multiple_operations_on_one_item());
            }
            plan.push(Planned {
                table,
                storage_key,
                projection,
            });
        }

        if !keyless.is_empty() {
            let reasons = (0..plan.len() + keyless.len())
                .map(|i| {
                    if keyless.contains(&i) {
                        msg::transact::reason_validation(msg::item::key_schema_mismatch().message())
                    } else {
                        msg::transact::reason_none()
                    }
                })
                .collect();
            return Err(msg::transact::transaction_canceled(reasons));
        }

        let ids: Vec<_> = plan
            .iter()
            .map(|p| (p.table.space, p.storage_key.as_slice()))
            .collect();
        let found: Vec<Option<Arc<Item>>> = {
            let _held = self
                .inner
                .locks
                .lock_all(&ids, false)
                .map_err(|c| cancel_for_conflicts(plan.len(), &c.0))?;
            plan.iter()
                .map(|p| self.read(&p.table, &p.storage_key))
                .collect::<Result<_>>()?
        };
        let aggregate: usize = found.iter().flatten().map(|i| item_size(i)).sum();
        if aggregate > MAX_AGGREGATE_BYTES {
            return Err(msg::transact::aggregate_size_exceeded());
        }
        // Transactional reads are billed double, each item rounded up on its own.
        let mut billed: std::collections::BTreeMap<String, Consumed> = Default::default();
        for (item, p) in found.iter().zip(&plan) {
            let name = p.table.name().to_owned();
            billed
                .entry(name.clone())
                .or_insert_with(|| Consumed::new(&name))
                .table_read += 2.0 * read_units(item.as_deref().map_or(0, item_size), true);
        }
        let mode = input.return_consumed_capacity.as_ref();
        let consumed: Vec<_> = billed.values().filter_map(|c| self.bill(c, mode)).collect();
        Ok(TransactGetItemsOutput {
            consumed_capacity: (!consumed.is_empty()).then_some(consumed),
            responses: Some(
                found
                    .into_iter()
                    .zip(&plan)
                    .map(|(item, p)| ItemResponse {
                        item: item.map(|i| match &p.projection {
                            Some(proj) => proj.apply(&i),
                            None => Arc::unwrap_or_clone(i),
                        }),
                    })
                    .collect(),
            ),
        })
    }
}
