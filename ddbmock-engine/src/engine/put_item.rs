//! PutItem: validate the item, then replace whatever was at its key.

use std::sync::Arc;

use super::keys::{item_storage_key, validate_item_key};
use super::write::{Change, check_item};
use super::{Engine, billing, expressions, validate};
use ddbmock_core::error::msg::table::ConstraintErrors;
use ddbmock_core::error::{Result, msg};
use ddbmock_core::operation::{PutItemInput, PutItemOutput, ReturnValue};

impl Engine {
    pub(crate) fn put_item_now(&self, mut input: PutItemInput) -> Result<PutItemOutput> {
        let mut errors = ConstraintErrors::new();
        validate::write_request(
            &mut errors,
            &input.table_name,
            "item",
            &input.item,
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
        let mut item = input.item.take().unwrap_or_default();
        validate::values(&mut item)?;
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
        validate_item_key(&table.key, &item)?;
        check_item(&table, &item)?;
        let key = item_storage_key(&table.key, &item)?;

        let _lock = self.lock_item(table.space, &key)?;
        let old = self.read(&table, &key)?;
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
        let change = Change::new(table.clone(), key, old, Some(Arc::new(item)));
        self.commit(std::slice::from_ref(&change))?;
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
