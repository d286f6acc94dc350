//! DeleteItem.

use super::keys::{item_storage_key, validate_key};
use super::write::Change;
use super::{Engine, billing, expressions, validate};
use ddbmock_core::error::msg::table::ConstraintErrors;
use ddbmock_core::error::{Result, msg};
use ddbmock_core::operation::{DeleteItemInput, DeleteItemOutput, ReturnValue};

impl Engine {
    pub(crate) fn delete_item_now(&self, mut input: DeleteItemInput) -> Result<DeleteItemOutput> {
        let mut errors = ConstraintErrors::new();
        validate::write_request(
            &mut errors,
            &input.table_name,
            "key",
            &input.key,
            (
                input.return_values.as_ref(),
                input.return_consumed_capacity.as_ref(),
                input.return_item_collection_metrics.as_ref(),
                input.return_values_on_condition_check_failure.as_ref(),
            ),
        );
        errors.into_result()?;
        let return_values = input.return_values.clone().unwrap_or(ReturnValue::None);
        if !matches!(return_values, ReturnValue::None | ReturnValue::AllOld) {
            return Err(msg::item::return_values_put_delete());
        }
        let mut key = input.key.take().unwrap_or_default();
        validate::values(&mut key)?;
        let exprs = expressions::compile_write(&expressions::WriteParams {
            condition_expression: input.condition_expression.as_deref(),
            update_expression: None,
            names: input.expression_attribute_names.as_ref(),
            values: input.expression_attribute_values.as_ref(),
            expected: input.expected.as_ref(),
            conditional_operator: input.conditional_operator.as_ref(),
            attribute_updates: false,
            takes_update: false,
        })?;

        let table = self.table(input.table_name.as_deref().unwrap_or_default())?;
        self.admit(&table, true)?;
        validate_key(&table.key, &key)?;
        let storage_key = item_storage_key(&table.key, &key)?;

        let _lock = self.lock_item(table.space, &storage_key)?;
        let old = self.read(&table, &storage_key)?;
        if let Err(e) = expressions::check_condition(
            exprs.condition.as_ref(),
            old.as_deref(),
            input.return_values_on_condition_check_failure.as_ref(),
        ) {
            // A write whose condition fails still consumes write capacity.
            self.bill(
                &billing::failed_write_consumed(&table, old.as_deref()),
                None,
            );
            return Err(e);
        }
        let change = Change::new(table.clone(), storage_key, old.clone(), None);
        if old.is_some() {
            self.commit(std::slice::from_ref(&change))?;
        }
        // Deleting a missing item still costs one write unit.
        let consumed_capacity = self.bill(
            &billing::change_consumed(&change),
            input.return_consumed_capacity.as_ref(),
        );
        Ok(DeleteItemOutput {
            attributes: match return_values {
                ReturnValue::AllOld => old.as_deref().cloned(),
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
