//! UpdateItem: read the item (or start from its key), apply the updates, write it back.

use std::collections::HashMap;

use super::validate::SingleWrite;
use super::write::{Action, Applied, Effect, Update};
use super::{Engine, billing, expressions, validate};
use ddbmock_core::error::Result;
use ddbmock_core::error::msg::table::ConstraintErrors;
use ddbmock_core::operation::{
    AttributeAction, AttributeValueUpdate, ReturnValue, UpdateItemInput, UpdateItemOutput,
};

/// An UpdateItem whose members hold: the write, and its legacy `AttributeUpdates`, checked in
/// DynamoDB's order (the members' constraints, the key's values, the expressions, the update values).
fn validate(mut input: UpdateItemInput) -> Result<(SingleWrite, Legacy)> {
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
    let returns = validate::returns!(input);
    let mut key = input.key.take().unwrap_or_default();
    validate::values(&mut key)?;
    let exprs = expressions::compile_write(&expressions::write_params!(
        input,
        input.update_expression.as_deref(),
        input.attribute_updates.is_some(),
        true
    ))?;
    let mut updates = input.attribute_updates.take().unwrap_or_default();
    // Checked here too, not only on the item written: a DELETE writes no name, yet names one.
    let mut names: Vec<&String> = updates.keys().collect();
    names.sort();
    for name in names {
        ddbmock_core::model::validate_attribute_name(name)?;
    }
    for u in updates.values_mut() {
        if let Some(v) = &mut u.value {
            ddbmock_core::model::validate_value(v)?;
        }
    }
    let write = SingleWrite {
        table_name: input.table_name.take().unwrap_or_default(),
        item: key,
        condition: exprs.condition,
        update: exprs.update,
        returns,
    };
    Ok((write, updates))
}

/// Legacy `AttributeUpdates`, by attribute name.
type Legacy = HashMap<String, AttributeValueUpdate>;

impl Engine {
    pub(crate) fn update_item_now(&self, input: UpdateItemInput) -> Result<UpdateItemOutput> {
        let (write, legacy) = validate(input)?;
        let SingleWrite {
            table_name,
            item: key,
            condition,
            update,
            returns,
        } = write;
        let table = self.table_for(&table_name, "UpdateItem")?;
        self.admit(&table, true)?;
        let update = Update {
            expression: update,
            legacy,
        };
        let action = Action::keyed(
            table.clone(),
            key,
            Effect::Update(Box::new(update)),
            condition,
        )?
        .on_failure(returns.on_failure);
        let Applied {
            key,
            change,
            touched,
        } = self.apply_one(action)?;
        let consumed_capacity = self.bill(
            &billing::change_consumed(&change),
            returns.capacity.as_ref(),
        );
        let attributes = match returns.values {
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
                returns.metrics.as_ref(),
            ),
        })
    }
}
