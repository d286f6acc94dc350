//! UpdateItem: read the item (or start from its key), apply the updates, write it back.

use super::write::{Action, Applied, Effect, Update};
use super::{Engine, billing, expressions, validate};
use ddbmock_core::error::Result;
use ddbmock_core::error::msg::table::ConstraintErrors;
use ddbmock_core::operation::{AttributeAction, ReturnValue, UpdateItemInput, UpdateItemOutput};

impl Engine {
    pub(crate) fn update_item_now(&self, mut input: UpdateItemInput) -> Result<UpdateItemOutput> {
        let mut errors = ConstraintErrors::new();
        validate::write_members!(&mut errors, input, "key", &input.key);
        for (name, u) in input.attribute_updates.iter().flatten() {
            errors.enum_value(
                &format!("attributeUpdates.{name}.member.action"),
                u.action.as_ref().map(|a| a.as_str()),
                AttributeAction::VALUES,
            );
        }
        errors.into_result()?;
        let return_values = input.return_values.clone().unwrap_or(ReturnValue::None);
        let mut key = input.key.take().unwrap_or_default();
        validate::values(&mut key)?;
        let exprs = expressions::compile_write(&expressions::write_params!(
            input,
            input.update_expression.as_deref(),
            input.attribute_updates.is_some(),
            true
        ))?;
        let mut updates = input.attribute_updates.take().unwrap_or_default();
        for u in updates.values_mut() {
            if let Some(v) = &mut u.value {
                ddbmock_core::model::validate_value(v)?;
            }
        }

        let table = self.table(input.table_name.as_deref().unwrap_or_default())?;
        self.admit(&table, true)?;
        let update = Update {
            expression: exprs.update,
            legacy: updates,
        };
        let action = Action::keyed(table.clone(), key, Effect::Update(update), exprs.condition)?
            .on_failure(input.return_values_on_condition_check_failure.take());
        let Applied {
            key,
            change,
            touched,
        } = self.apply_one(action)?;
        let consumed_capacity = self.bill(
            &billing::change_consumed(&change),
            input.return_consumed_capacity.as_ref(),
        );
        let attributes = match return_values {
            ReturnValue::AllOld => change.old.as_deref().cloned(),
            ReturnValue::AllNew => change.new.as_deref().cloned(),
            ReturnValue::UpdatedOld => touched.pick(change.old.as_deref()),
            ReturnValue::UpdatedNew => touched.pick(change.new.as_deref()),
            _ => None,
        };
        Ok(UpdateItemOutput {
            attributes,
            consumed_capacity,
            item_collection_metrics: self.collection_metrics(
                &table,
                &key,
                input.return_item_collection_metrics.as_ref(),
            ),
        })
    }
}
