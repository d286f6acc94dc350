//! GetItem.

use std::sync::Arc;

use super::keys::{item_storage_key, validate_key};
use super::{Engine, billing, expressions, validate};
use ddbmock_core::error::Result;
use ddbmock_core::error::msg::table::ConstraintErrors;
use ddbmock_core::model::item_size;
use ddbmock_core::operation::{GetItemInput, GetItemOutput};

impl Engine {
    pub(crate) fn get_item_now(&self, mut input: GetItemInput) -> Result<GetItemOutput> {
        let mut errors = ConstraintErrors::new();
        let table_name = validate::item_table_name(&mut errors, &input.table_name);
        validate::required(&mut errors, "key", &input.key);
        validate::return_capacity(&mut errors, input.return_consumed_capacity.as_ref(), None);
        validate::attributes_to_get(
            &mut errors,
            "attributesToGet",
            input.attributes_to_get.as_deref(),
        );
        errors.into_result()?;
        let mut key = input.key.take().unwrap_or_default();
        validate::values(&mut key)?;
        let projection = expressions::compile_read(
            input.projection_expression.as_deref(),
            input.attributes_to_get.as_deref(),
            input.expression_attribute_names.as_ref(),
        )?;

        let table = self.table_for(table_name, "GetItem")?;
        self.admit(&table, false)?;
        super::key_paths::check(&table, projection.as_ref(), None)?;
        validate_key(&table.key, &key)?;
        let storage_key = item_storage_key(&table.key, &key)?;
        // A single-item read needs no item lock: the store publishes each write atomically.
        let view = self.view(input.consistent_read == Some(true));
        let stored = self.read_in(view, &table, &storage_key)?;
        let (item, size) = match (stored, &projection) {
            (None, _) => (None, 0),
            (Some(stored), Some(p)) => (Some(p.apply(&stored)), item_size(&stored)),
            // Copy first, then size the copy, which the copy has brought into the cache. A store
            // that decodes items (SQLite) hands out a fresh one, which moves instead.
            (Some(stored), None) => {
                let item = Arc::unwrap_or_clone(stored);
                let size = item_size(&item);
                (Some(item), size)
            }
        };
        let consumed_capacity = self.bill(
            &billing::read_consumed(&table, None, size, input.consistent_read == Some(true)),
            input.return_consumed_capacity.as_ref(),
        );
        Ok(GetItemOutput {
            item,
            consumed_capacity,
        })
    }
}
