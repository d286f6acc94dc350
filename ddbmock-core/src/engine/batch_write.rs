//! BatchWriteItem: up to 25 puts and deletes over several tables, each validated as PutItem or
//! DeleteItem validates, all validated before any is applied.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use super::keys::{item_storage_key, validate_item_key, validate_key};
use super::table::Table;
use super::write::{Change, check_item};
use super::{Engine, validate};
use crate::error::msg::table::ConstraintErrors;
use crate::error::{Result, msg};
use crate::model::Item;
use crate::operation::*;

/// DynamoDB's limit of requests in one BatchWriteItem.
const MAX_WRITES: usize = 25;

enum Planned {
    Put(Item),
    Delete,
}

impl Engine {
    pub(crate) fn batch_write_now(
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

        let mut plan: Vec<(Arc<Table>, Vec<u8>, Planned)> = Vec::with_capacity(total);
        for (table_name, requests) in request_items {
            let mut errors = ConstraintErrors::new();
            errors.name("requestItems.key", Some(&table_name));
            errors.into_result()?;
            let table = self.table(&table_name)?;
            let mut seen = HashSet::new();
            for request in requests {
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
                        (item_storage_key(&table.key, &key)?, Planned::Delete)
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
                plan.push((table.clone(), key, planned));
            }
        }

        // DynamoDB applies each request on its own (a batch is not a transaction); each one is
        // atomic and locked like a single PutItem or DeleteItem.
        for (table, key, planned) in plan {
            let _lock = self.inner.locks.lock(table.space, &key);
            let old = self.read(&table, &key)?;
            let new = match planned {
                Planned::Put(item) => Some(Arc::new(item)),
                Planned::Delete if old.is_none() => continue,
                Planned::Delete => None,
            };
            self.commit(&[Change {
                table,
                key,
                old,
                new,
            }])?;
        }
        Ok(BatchWriteItemOutput {
            unprocessed_items: Some(HashMap::new()),
            ..Default::default()
        })
    }
}
