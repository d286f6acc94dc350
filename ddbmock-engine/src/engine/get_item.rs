//! GetItem, answered as a typed output or, for the wire protocol, as JSON written straight from
//! the stored encoding (see `DynamoDb::get_item_json`).

use std::sync::Arc;

use super::consistency::View;
use super::json_page::member;
use super::keys::validated_storage_key;
use super::table::Table;
use super::{Engine, billing, expressions, validate};
use crate::expr::Projection;
use crate::storage::{StorageError, codec};
use ddbmock_core::api::output_json;
use ddbmock_core::error::Result;
use ddbmock_core::error::msg::table::ConstraintErrors;
use ddbmock_core::model::item_size;
use ddbmock_core::operation::{ConsumedCapacity, GetItemInput, GetItemOutput};

/// A validated GetItem: what to read, how, and what to bill.
struct Read {
    table: Arc<Table>,
    storage_key: Vec<u8>,
    projection: Option<Projection>,
    view: View,
    input: GetItemInput,
}

impl Engine {
    pub(crate) fn get_item_now(&self, input: GetItemInput) -> Result<GetItemOutput> {
        let read = self.validate_get(input)?;
        self.get_typed(read)
    }

    /// GetItem's JSON body. A read of the whole item as it is now is written from the stored
    /// encoding; a projection, or an eventually consistent read of the simulated replicas, goes
    /// through the typed output.
    pub(crate) fn get_item_json_now(&self, input: GetItemInput) -> Result<Vec<u8>> {
        let read = self.validate_get(input)?;
        if read.projection.is_some() || !matches!(read.view, View::Latest) {
            return output_json(&self.get_typed(read)?);
        }
        let mut out = Vec::with_capacity(512);
        out.push(b'{');
        let mut size = Ok(0);
        let found = self
            .inner
            .storage
            .get_encoded(read.table.space, &read.storage_key, &mut |encoded| {
                out.extend_from_slice(b"\"Item\":");
                size = codec::write_json(encoded, &mut out);
            })
            .and_then(|found| Ok(found.then_some(size?)))
            .map_err(|e: StorageError| self.dropped([&*read.table], e))?;
        if let Some(consumed) = self.bill_get(&read, found.unwrap_or(0)) {
            member(&mut out, found.is_none(), "ConsumedCapacity", &consumed)?;
        }
        out.push(b'}');
        Ok(out)
    }

    /// The checks GetItem makes before it reads, in DynamoDB's order.
    fn validate_get(&self, mut input: GetItemInput) -> Result<Read> {
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
        let storage_key = validated_storage_key(&table.key, &key)?;
        let view = self.view(input.consistent_read == Some(true));
        Ok(Read {
            table,
            storage_key,
            projection,
            view,
            input,
        })
    }

    fn get_typed(&self, read: Read) -> Result<GetItemOutput> {
        // A single-item read needs no item lock: the store publishes each write atomically.
        let stored = self.read_in(read.view, &read.table, &read.storage_key)?;
        let (item, size) = match (stored, &read.projection) {
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
        let consumed_capacity = self.bill_get(&read, size);
        Ok(GetItemOutput {
            item,
            consumed_capacity,
        })
    }

    /// Bills a read of an item of `size` bytes (0: none was found).
    fn bill_get(&self, read: &Read, size: usize) -> Option<ConsumedCapacity> {
        let consistent = read.input.consistent_read == Some(true);
        self.bill(
            &billing::read_consumed(&read.table, None, size, consistent),
            read.input.return_consumed_capacity.as_ref(),
        )
    }
}
