//! DeleteItem.

use super::write::{Action, Applied, Effect};
use super::{Engine, billing, expressions, validate};
use ddbmock_core::error::msg::table::ConstraintErrors;
use ddbmock_core::error::{Result, msg};
use ddbmock_core::operation::{DeleteItemInput, DeleteItemOutput, ReturnValue};

impl Engine {
    pub(crate) fn delete_item_now(&self, mut input: DeleteItemInput) -> Result<DeleteItemOutput> {
        let mut errors = ConstraintErrors::new();
        validate::write_members!(&mut errors, input, "key", &input.key);
        errors.into_result()?;
        let return_values = input.return_values.clone().unwrap_or(ReturnValue::None);
        if !matches!(return_values, ReturnValue::None | ReturnValue::AllOld) {
            return Err(msg::item::return_values_put_delete());
        }
        let mut key = input.key.take().unwrap_or_default();
        validate::values(&mut key)?;
        let exprs = expressions::compile_write(&expressions::write_params!(input))?;

        let table = self.table(input.table_name.as_deref().unwrap_or_default())?;
        self.admit(&table, true)?;
        let action = Action::keyed(table.clone(), key, Effect::Delete, exprs.condition)?
            .on_failure(input.return_values_on_condition_check_failure.take());
        let Applied { key, change, .. } = self.apply_one(action)?;
        // Deleting a missing item still costs one write unit.
        let consumed_capacity = self.bill(
            &billing::change_consumed(&change),
            input.return_consumed_capacity.as_ref(),
        );
        Ok(DeleteItemOutput {
            attributes: match return_values {
                ReturnValue::AllOld => change.old.as_deref().cloned(),
                _ => None,
            },
            consumed_capacity,
            item_collection_metrics: self.collection_metrics(
                &table,
                &key,
                input.return_item_collection_metrics.as_ref(),
            ),
        })
    }
}
