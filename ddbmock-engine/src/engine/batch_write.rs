//! BatchWriteItem: up to 25 puts and deletes over several tables, each validated as PutItem or
//! DeleteItem validates, all validated before any is applied. A request on an item that a
//! transaction is writing at that moment is not served: it comes back in `UnprocessedItems` for the
//! caller to send again (see `transact_write` for when ddbmock sees such a conflict).

use std::collections::{BTreeMap, HashMap, HashSet};

use super::capacity::Consumed;
use super::keys::key_of;
use super::write::{Action, Change, Effect, Outcome, Together};
use super::{Engine, billing, validate};
use ddbmock_core::error::msg::table::ConstraintErrors;
use ddbmock_core::error::{Result, msg};
use ddbmock_core::operation::*;

/// DynamoDB's limit of requests in one BatchWriteItem.
use ddbmock_core::limits::MAX_BATCH_WRITE_ITEMS as MAX_WRITES;

/// One validated request: its table's name and the request as sent (to hand back unprocessed),
/// and the write.
struct Request {
    table_name: String,
    original: WriteRequest,
    action: Action,
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
            return Err(msg::batch::no_request_items());
        }
        let quoted = || quoted_requests(&request_items);
        // A table's own request list is a constraint of the request's shape (a map value's
        // length), checked before the total and quoting the whole map.
        if request_items.values().any(|r| r.len() > MAX_WRITES) {
            return Err(msg::batch::too_many_writes(&quoted(), MAX_WRITES));
        }
        let total: usize = request_items.values().map(Vec::len).sum();
        if total > MAX_WRITES {
            return Err(msg::batch::too_many_items("BatchWriteItem"));
        }
        let request_items = validate::by_table_name(request_items);
        // Every table's name is a constraint of the request's shape (step 2), before any table's
        // requests are checked (step 3).
        let mut errors = ConstraintErrors::new();
        for (table_name, _) in &request_items {
            errors.table_name_or_arn("requestItems.key", Some(table_name));
        }
        errors.into_result()?;

        // Every check that needs no table, over every table's requests, before any table is
        // looked up: a missing table is reported only for a request that breaks no other rule.
        let mut checked: Vec<(String, Vec<(WriteRequest, Checked)>)> = Vec::new();
        for (table_name, requests) in request_items {
            let requests = requests
                .into_iter()
                .map(|r| Ok((r.clone(), check_request(r)?)))
                .collect::<Result<_>>()?;
            checked.push((table_name, requests));
        }

        let mut plan: Vec<Request> = Vec::with_capacity(total);
        for (table_name, requests) in checked {
            let table = self.table_for(&table_name, "BatchWriteItem")?;
            let mut seen = HashSet::new();
            for (original, request) in requests {
                let action = match request {
                    Checked::Put(item) => Action::put(table.clone(), item, None)?,
                    Checked::Delete(key) => {
                        Action::keyed(table.clone(), key, Effect::Delete, None)?
                    }
                };
                if !seen.insert(action.storage_key.clone()) {
                    return Err(msg::batch::duplicate_keys());
                }
                plan.push(Request {
                    table_name: table_name.clone(),
                    original,
                    action,
                });
            }
        }

        let mut unprocessed: HashMap<String, Vec<WriteRequest>> = HashMap::new();
        let mut billed: BTreeMap<String, Consumed> = Default::default();
        let mut bill = |table_name: &str, change: &Change| {
            billed
                .entry(table_name.to_owned())
                .or_insert_with(|| Consumed::new(table_name))
                .add(&billing::change_consumed(change));
        };
        // Every request is applied in one storage batch: each still stands alone (a request on an
        // item a transaction is writing comes back unprocessed while the others are applied), but
        // a batch costs one commit rather than one per request, which is what makes bulk loads
        // fast on SQLite. Items in item collections (tables with local secondary indexes) have
        // their collections' growth checked as a whole: a request that would take a collection
        // over the size limit fails the call with nothing written (DynamoDB lists
        // `ItemCollectionSizeLimitExceededException` among BatchWriteItem's errors; that the other
        // requests are then not applied either is not documented).
        let mut collections_written = Vec::new();
        let (requests, actions): (Vec<_>, Vec<_>) = plan
            .into_iter()
            .map(|r| ((r.table_name, r.original), r.action))
            .unzip();
        let outcomes = self.apply_together(&actions, Together::Batch)?;
        for (((table_name, original), action), outcome) in
            requests.into_iter().zip(actions).zip(outcomes)
        {
            match outcome {
                // Deleting a missing item changes nothing but is billed like DeleteItem.
                Some(Outcome { change, .. }) => {
                    bill(&table_name, &change);
                    if action.table.has_local_indexes() {
                        let key = key_of(&action.table.key, action.named());
                        collections_written.push((action.table, key));
                    }
                }
                None => unprocessed.entry(table_name).or_default().push(original),
            }
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
}

/// One request whose checks that need no table passed: the item to put, or the key to delete.
enum Checked {
    Put(ddbmock_core::model::Item),
    Delete(ddbmock_core::model::Item),
}

/// Checks one request as far as it can be without its table: one of `PutRequest` and
/// `DeleteRequest`, its values, and a put item's names and size.
fn check_request(request: WriteRequest) -> Result<Checked> {
    match (request.put_request, request.delete_request) {
        (Some(put), None) => {
            let mut item = put.item.unwrap_or_default();
            validate::put_values(&mut item)?;
            Ok(Checked::Put(item))
        }
        (None, Some(delete)) => {
            let mut key = delete.key.unwrap_or_default();
            validate::values(&mut key)?;
            Ok(Checked::Delete(key))
        }
        _ => Err(msg::batch::write_request_members()),
    }
}

/// The attribute names of a request's item or key, in name order: the order ddbmock quotes them in.
fn attribute_names(item: &Option<ddbmock_core::model::Item>) -> Vec<&str> {
    let mut names: Vec<&str> = item.iter().flatten().map(|(k, _)| k.as_str()).collect();
    names.sort_unstable();
    names
}

/// `RequestItems` as DynamoDB quotes it in a constraint message (see
/// [`msg::batch::quoted_write_requests`]).
fn quoted_requests(request_items: &HashMap<String, Vec<WriteRequest>>) -> String {
    use msg::batch::WriteRequestShape as Shape;
    let tables: Vec<(&str, Vec<Shape<'_>>)> = request_items
        .iter()
        .map(|(table, requests)| {
            let shapes = requests
                .iter()
                .map(|r| match (&r.put_request, &r.delete_request) {
                    (Some(put), None) => Shape::Put(attribute_names(&put.item)),
                    (None, Some(delete)) => Shape::Delete(attribute_names(&delete.key)),
                    _ => Shape::Other,
                })
                .collect();
            (table.as_str(), shapes)
        })
        .collect();
    msg::batch::quoted_write_requests(&tables)
}
