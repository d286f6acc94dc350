//! BatchGetItem: up to 100 keys over several tables; responses beyond 16 MB are left in
//! `UnprocessedKeys` for the caller to ask again.

use std::collections::{HashMap, HashSet};

use super::capacity::{Consumed, read_units};
use super::keys::validated_storage_key;
use super::{Engine, expressions, validate};
use ddbmock_core::error::msg::table::ConstraintErrors;
use ddbmock_core::error::{Result, msg};
use ddbmock_core::model::{Item, item_size};
use ddbmock_core::operation::*;

/// DynamoDB's limit of keys in one BatchGetItem.
use ddbmock_core::limits::MAX_BATCH_GET_KEYS as MAX_KEYS;
/// DynamoDB's limit of one BatchGetItem response.
use ddbmock_core::limits::MAX_BATCH_GET_RESPONSE_BYTES as MAX_RESPONSE_BYTES;

impl Engine {
    pub(crate) fn batch_get_item_now(
        &self,
        input: BatchGetItemInput,
    ) -> Result<BatchGetItemOutput> {
        let mut errors = ConstraintErrors::new();
        validate::required(&mut errors, "requestItems", &input.request_items);
        validate::return_capacity(&mut errors, input.return_consumed_capacity.as_ref(), None);
        let mut tables: Vec<_> = input.request_items.iter().flatten().collect();
        tables.sort_unstable_by(|a, b| a.0.cmp(b.0));
        for (table, request) in tables {
            validate::attributes_to_get(
                &mut errors,
                &format!("requestItems.{table}.member.attributesToGet"),
                request.attributes_to_get.as_deref(),
            );
        }
        errors.into_result()?;
        let request_items = validate::by_table_name(input.request_items.unwrap_or_default());
        if request_items.is_empty() {
            return Err(msg::batch::no_request_items());
        }
        // A table's own key list is a constraint of the request's shape, checked before the total.
        for (table_name, request) in &request_items {
            if request.keys.as_ref().is_some_and(|k| k.len() > MAX_KEYS) {
                return Err(msg::batch::too_many_keys(table_name, MAX_KEYS));
            }
        }
        let total: usize = request_items
            .iter()
            .map(|(_, k)| k.keys.as_ref().map_or(0, Vec::len))
            .sum();
        if total > MAX_KEYS {
            return Err(msg::batch::too_many_items("BatchGetItem"));
        }

        // Every check that needs no table, over every table's request, before any table is looked
        // up: a missing table is reported only for a request that breaks no other rule.
        let mut checked = Vec::with_capacity(request_items.len());
        for (table_name, mut request) in request_items {
            let mut keys = request.keys.take().unwrap_or_default();
            if keys.is_empty() {
                return Err(msg::batch::no_keys(&table_name));
            }
            let projection = expressions::compile_read(
                request.projection_expression.as_deref(),
                request.attributes_to_get.as_deref(),
                request.expression_attribute_names.as_ref(),
            )?;
            for key in &mut keys {
                validate::values(key)?;
            }
            checked.push((table_name, request, projection, keys));
        }

        let mut plan = Vec::with_capacity(checked.len());
        for (table_name, request, projection, keys) in checked {
            let table = self.table_for(&table_name, "BatchGetItem")?;
            super::key_paths::check(&table, projection.as_ref(), None)?;
            let mut seen = HashSet::new();
            let mut storage_keys = Vec::with_capacity(keys.len());
            for key in &keys {
                let sk = validated_storage_key(&table.key, key)?;
                if !seen.insert(sk.clone()) {
                    return Err(msg::batch::duplicate_keys());
                }
                storage_keys.push(sk);
            }
            plan.push((table_name, table, request, projection, keys, storage_keys));
        }

        let mut responses: HashMap<String, Vec<Item>> = HashMap::new();
        let mut unprocessed: HashMap<String, KeysAndAttributes> = HashMap::new();
        let mut bytes = 0;
        let mode = input.return_consumed_capacity.as_ref();
        let mut consumed = Vec::new();
        for (name, table, request, projection, keys, storage_keys) in plan {
            let found = responses.entry(name.clone()).or_default();
            let consistent = request.consistent_read == Some(true);
            let view = self.view(consistent);
            // Each item is rounded up on its own, as separate GetItems would be.
            let mut billed = Consumed::new(&name);
            for (key, sk) in keys.into_iter().zip(storage_keys) {
                if bytes >= MAX_RESPONSE_BYTES {
                    unprocessed
                        .entry(name.clone())
                        .or_insert_with(|| KeysAndAttributes {
                            keys: Some(Vec::new()),
                            ..request.clone()
                        })
                        .keys
                        .get_or_insert_with(Vec::new)
                        .push(key);
                    continue;
                }
                let item = self.read_in(view, &table, &sk)?;
                billed.table_read += read_units(item.as_deref().map_or(0, item_size), consistent);
                if let Some(item) = item {
                    bytes += item_size(&item);
                    found.push(match &projection {
                        Some(p) => p.apply(&item),
                        None => std::sync::Arc::unwrap_or_clone(item),
                    });
                }
            }
            consumed.extend(self.bill(&billed, mode));
        }
        Ok(BatchGetItemOutput {
            responses: Some(responses),
            unprocessed_keys: Some(unprocessed),
            consumed_capacity: (!consumed.is_empty()).then_some(consumed),
        })
    }
}
