//! DeleteItem.

use super::validate::{self, SingleWrite};
use super::write::{Action, Applied, Effect};
use super::{Engine, billing};
use ddbmock_core::error::Result;
use ddbmock_core::operation::{DeleteItemInput, DeleteItemOutput, ReturnValue};

impl Engine {
    pub(crate) fn delete_item_now(&self, mut input: DeleteItemInput) -> Result<DeleteItemOutput> {
        let SingleWrite {
            table_name,
            item: key,
            condition,
            returns,
            ..
        } = validate::put_or_delete!(input, key, validate::values)?;
        let table = self.table_for(&table_name, "DeleteItem")?;
        self.admit(&table, true)?;
        let action = Action::keyed(table.clone(), key, Effect::Delete, condition)?
            .on_failure(returns.on_failure);
        let Applied { key, change, .. } = self.apply_one(action)?;
        // Deleting a missing item still costs one write unit.
        let consumed_capacity = self.bill(
            &billing::change_consumed(&change),
            returns.capacity.as_ref(),
        );
        Ok(DeleteItemOutput {
            attributes: match returns.values {
                ReturnValue::AllOld => change.old.as_deref().cloned(),
                _ => None,
            },
            consumed_capacity,
            item_collection_metrics: self.collection_metrics(
                &table,
                &key,
                returns.metrics.as_ref(),
            ),
        })
    }
}
