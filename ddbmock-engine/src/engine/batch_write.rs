//! BatchWriteItem: up to 25 puts and deletes over several tables, each validated as PutItem or
//! DeleteItem validates, all validated before any is applied. A request on an item that a
//! transaction is writing at that moment is not served: it comes back in `UnprocessedItems` for the
//! caller to send again (see `transact_write` for when ddbmock sees such a conflict).

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use super::capacity::Consumed;
use super::keys::{item_storage_key, key_of, validate_item_key, validate_key};
use super::streams::Origin;
use super::table::Table;
use super::write::{Change, check_item};
use super::{Engine, billing, validate};
use crate::storage::SpaceId;
use ddbmock_core::error::msg::table::ConstraintErrors;
use ddbmock_core::error::{Result, msg};
use ddbmock_core::model::Item;
use ddbmock_core::operation::*;

/// DynamoDB's limit of requests in one BatchWriteItem.
const MAX_WRITES: usize = 25;

/// One validated request: its table's name and the request as sent (to hand back unprocessed),
/// the table, the storage key, and what to do.
type Step = (String, WriteRequest, Arc<Table>, Vec<u8>, Planned);

enum Planned {
    Put(Item),
    /// A delete, with the item's key.
    Delete(Item),
}

impl Engine {
    pub(crate) fn batch_write_item_now(
        &self,
        input: BatchWriteItemInput,
    ) -> Result<BatchWriteItemOutput> {
        let mut errors = ConstraintErrors::new();
        validate::required(&mut errors, "requestItems", &input.request_items);
        validate::return_capacity(
            &mut errors,
            input.return_consumed_capacity.as_ref(),
            input.return_item_collection_metrics.as_ref(),
        );
        errors.into_result()?;
        let request_items = input.request_items.unwrap_or_default();
        if request_items.is_empty() {
            return Err(msg::validation(
                "1 validation error detected: Value '{}' at 'requestItems' failed to satisfy constraint: Member must have length greater than or equal to 1",
            ));
        }
        let total: usize = request_items.values().map(Vec::len).sum();
        if total > MAX_WRITES {
            return Err(msg::validation(
                "Too many items requested for the BatchWriteItem call",
            ));
        }

        let mut plan: Vec<Step> = Vec::with_capacity(total);
        for (table_name, requests) in request_items {
            let mut errors = ConstraintErrors::new();
            errors.name("requestItems.key", Some(&table_name));
            errors.into_result()?;
            let table = self.table(&table_name)?;
            let mut seen = HashSet::new();
            for request in requests {
                let original = request.clone();
                let (key, planned) = match (request.put_request, request.delete_request) {
                    (Some(put), None) => {
                        let mut item = put.item.unwrap_or_default();
                        validate::values(&mut item)?;
                        validate_item_key(&table.key, &item)?;
                        check_item(&table, &item)?;
                        (item_storage_key(&table.key, &item)?, Planned::Put(item))
                    }
                    (None, Some(delete)) => {
                        let mut key = delete.key.unwrap_or_default();
                        validate::values(&mut key)?;
                        validate_key(&table.key, &key)?;
                        (item_storage_key(&table.key, &key)?, Planned::Delete(key))
                    }
                    _ => {
                        return Err(msg::validation(
                            "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes",
                        ));
                    }
                };
                if !seen.insert(key.clone()) {
                    return Err(msg::validation(
                        "Provided list of item keys contains duplicates",
                    ));
                }
                plan.push((table_name.clone(), original, table.clone(), key, planned));
            }
        }

        let mut unprocessed: HashMap<String, Vec<WriteRequest>> = HashMap::new();
        let mut billed: std::collections::BTreeMap<String, Consumed> = Default::default();
        let (in_collections, plan): (Vec<Step>, Vec<Step>) = plan
            .into_iter()
            .partition(|step| step.2.has_local_indexes());
        let mut collections_written = Vec::new();
        if !in_collections.is_empty() {
            collections_written =
                self.write_in_collections(in_collections, &mut unprocessed, &mut billed)?;
        }
        // DynamoDB applies each request on its own (a batch is not a transaction); each one is
        // atomic and locked like a single PutItem or DeleteItem.
        for (table_name, original, table, key, planned) in plan {
            let Ok(_lock) = self.inner.locks.lock_single(table.space, &key) else {
                unprocessed.entry(table_name).or_default().push(original);
                continue;
            };
            let old = self.read(&table, &key)?;
            let new = match planned {
                Planned::Put(item) => Some(Arc::new(item)),
                Planned::Delete(_) => None,
            };
            let change = Change::new(table, key, old, new);
            // Deleting a missing item changes nothing but is billed like DeleteItem.
            if change.old.is_some() || change.new.is_some() {
                self.commit(std::slice::from_ref(&change))?;
            }
            billed
                .entry(table_name.clone())
                .or_insert_with(|| Consumed::new(&table_name))
                .add(&billing::change_consumed(&change));
        }
        let mode = input.return_consumed_capacity.as_ref();
        let consumed: Vec<_> = billed.values().filter_map(|c| self.bill(c, mode)).collect();
        Ok(BatchWriteItemOutput {
            unprocessed_items: Some(unprocessed),
            consumed_capacity: (!consumed.is_empty()).then_some(consumed),
            item_collection_metrics: self.collection_metrics_by_table(
                collections_written.iter().map(|(t, k)| (&**t, k)),
                input.return_item_collection_metrics.as_ref(),
            ),
        })
    }

    /// Applies the requests on tables with local secondary indexes together, their items locked at
    /// once, so that their item collections' growth is checked as a whole: a request that would
    /// take a collection over the size limit fails the call with nothing written (DynamoDB lists
    /// `ItemCollectionSizeLimitExceededException` among BatchWriteItem's errors; that the other
    /// requests are then not applied either is not documented). A request on an item a
    /// transaction is writing comes back unprocessed, as in the per-request path. Returns each
    /// request's table and item key, for `ItemCollectionMetrics`.
    fn write_in_collections(
        &self,
        mut steps: Vec<Step>,
        unprocessed: &mut HashMap<String, Vec<WriteRequest>>,
        billed: &mut std::collections::BTreeMap<String, Consumed>,
    ) -> Result<Vec<(Arc<Table>, Item)>> {
        let _held = loop {
            let locked = {
                let ids: Vec<(SpaceId, &[u8])> = steps
                    .iter()
                    .map(|(_, _, table, key, _)| (table.space, key.as_slice()))
                    .collect();
                self.inner.locks.lock_all(&ids, false)
            };
            match locked {
                Ok(held) => break held,
                Err(conflicts) => {
                    let (busy, free): (Vec<_>, Vec<_>) = steps
                        .into_iter()
                        .enumerate()
                        .partition(|(pos, _)| conflicts.0.contains(pos));
                    for (_, (table_name, original, ..)) in busy {
                        unprocessed.entry(table_name).or_default().push(original);
                    }
                    steps = free.into_iter().map(|(_, step)| step).collect();
                }
            }
        };

        let mut names = Vec::with_capacity(steps.len());
        let mut changes = Vec::with_capacity(steps.len());
        let mut missing = Vec::new();
        let mut written = Vec::with_capacity(steps.len());
        for (table_name, _, table, key, planned) in steps {
            let old = self.read(&table, &key)?;
            let (new, item_key) = match planned {
                Planned::Put(item) => (Some(Arc::new(item)), None),
                Planned::Delete(k) => (None, Some(k)),
            };
            let item_key = item_key
                .or_else(|| new.as_deref().map(|i| key_of(&table.key, i)))
                .unwrap_or_default();
            written.push((table.clone(), item_key));
            let change = Change::new(table, key, old, new);
            // Deleting a missing item changes nothing but is billed like DeleteItem.
            if change.old.is_some() || change.new.is_some() {
                names.push(table_name);
                changes.push(change);
            } else {
                missing.push((table_name, change));
            }
        }
        let growth = self.reserve_collections(&changes)?;
        self.commit_reserved(&changes, Origin::Request, growth)?;
        let all = names.iter().zip(&changes);
        for (table_name, change) in all.chain(missing.iter().map(|(n, c)| (n, c))) {
            billed
                .entry(table_name.clone())
                .or_insert_with(|| Consumed::new(table_name))
                .add(&billing::change_consumed(change));
        }
        Ok(written)
    }
}
