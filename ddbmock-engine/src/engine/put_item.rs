//! PutItem: validate the item, then replace whatever was at its key.

use super::write::{Action, Applied};
use super::{Engine, billing, expressions, validate};
use ddbmock_core::error::msg::table::ConstraintErrors;
use ddbmock_core::error::{Result, msg};
use ddbmock_core::operation::{PutItemInput, PutItemOutput, ReturnValue};

impl Engine {
    pub(crate) fn put_item_now(&self, mut input: PutItemInput) -> Result<PutItemOutput> {
        let mut errors = ConstraintErrors::new();
        validate::write_members!(&mut errors, input, "item", &input.item);
        errors.into_result()?;
        let return_values = input.return_values.clone().unwrap_or(ReturnValue::None);
        if !matches!(return_values, ReturnValue::None | ReturnValue::AllOld) {
            return Err(msg::item::return_values_put_delete());
        }
        let mut item = input.item.take().unwrap_or_default();
        validate::values(&mut item)?;
        let exprs = expressions::compile_write(&expressions::write_params!(input))?;

        let table = self.table(input.table_name.as_deref().unwrap_or_default())?;
        self.admit(&table, true)?;
        let action = Action::put(table.clone(), item, exprs.condition)?
            .on_failure(input.return_values_on_condition_check_failure.take());
        let Applied { change, .. } = self.apply_one(action)?;
        let consumed_capacity = self.bill(
            &billing::change_consumed(&change),
            input.return_consumed_capacity.as_ref(),
        );
        Ok(PutItemOutput {
            attributes: match return_values {
                ReturnValue::AllOld => change.old.as_deref().cloned(),
                _ => None,
            },
            consumed_capacity,
            item_collection_metrics: change.new.as_deref().and_then(|item| {
                self.collection_metrics(&table, item, input.return_item_collection_metrics.as_ref())
            }),
        })
    }
}
