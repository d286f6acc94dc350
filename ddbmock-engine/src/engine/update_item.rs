//! UpdateItem: read the item (or start from its key), apply the updates, write it back.

use std::collections::HashMap;
use std::sync::Arc;

use super::keys::{item_storage_key, validate_key};
use super::write::{Change, check_item};
use super::{Engine, billing, expressions, validate};
use ddbmock_core::error::msg::table::ConstraintErrors;
use ddbmock_core::error::{Result, msg};
use ddbmock_core::model::{AttributeValue, Item, Number};
use ddbmock_core::operation::{
    AttributeAction, AttributeValueUpdate, ReturnValue, UpdateItemInput, UpdateItemOutput,
};

impl Engine {
    pub(crate) fn update_item_now(&self, mut input: UpdateItemInput) -> Result<UpdateItemOutput> {
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
        let exprs = expressions::compile_write(&expressions::WriteParams {
            condition_expression: input.condition_expression.as_deref(),
            update_expression: input.update_expression.as_deref(),
            names: input.expression_attribute_names.as_ref(),
            values: input.expression_attribute_values.as_ref(),
            expected: input.expected.as_ref(),
            conditional_operator: input.conditional_operator.as_ref(),
            attribute_updates: input.attribute_updates.is_some(),
            takes_update: true,
        })?;
        let mut updates = input.attribute_updates.take().unwrap_or_default();
        for u in updates.values_mut() {
            if let Some(v) = &mut u.value {
                ddbmock_core::model::validate_value(v)?;
            }
        }

        let table = self.table(input.table_name.as_deref().unwrap_or_default())?;
        self.admit(&table, true)?;
        validate_key(&table.key, &key)?;
        for name in updates.keys() {
            if table.key.is_key(name) {
                return Err(msg::item::cannot_update_key(name));
            }
        }
        if let Some(u) = &exprs.update {
            let mut keys = vec![table.key.hash.name.as_str()];
            keys.extend(table.key.range.as_ref().map(|r| r.name.as_str()));
            u.check_keys(&keys)?;
        }
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
        let mut item: Item = old.as_deref().cloned().unwrap_or_else(|| key.clone());
        let changed = apply_attribute_updates(&mut item, &updates)?;
        let updated = match &exprs.update {
            Some(u) => Some(u.apply(&mut item)?),
            None => None,
        };
        check_item(&table, &item)?;
        let new = Arc::new(item);
        let change = Change::new(table.clone(), storage_key, old.clone(), Some(new.clone()));
        self.commit(std::slice::from_ref(&change))?;
        let consumed_capacity = self.bill(
            &billing::change_consumed(&change),
            input.return_consumed_capacity.as_ref(),
        );

        let pick = |from: Option<&Item>| -> Option<Item> {
            from.map(|i| match &updated {
                Some(paths) => paths.project(i),
                None => i
                    .iter()
                    .filter(|(k, _)| changed.contains(*k))
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect(),
            })
            .filter(|m: &Item| !m.is_empty())
        };
        let attributes = match return_values {
            ReturnValue::AllOld => old.as_deref().cloned(),
            ReturnValue::AllNew => Some((*new).clone()),
            ReturnValue::UpdatedOld => pick(old.as_deref()),
            ReturnValue::UpdatedNew => pick(Some(&new)),
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

/// Applies legacy `AttributeUpdates` (PUT, ADD, DELETE) and returns the names it touched.
fn apply_attribute_updates(
    item: &mut Item,
    updates: &HashMap<String, AttributeValueUpdate>,
) -> Result<Vec<String>> {
    let mut touched = Vec::new();
    for (name, u) in updates {
        let action = u.action.clone().unwrap_or(AttributeAction::Put);
        match (action, &u.value) {
            (AttributeAction::Put, Some(v)) => {
                item.insert(name.clone(), v.clone());
            }
            (AttributeAction::Put | AttributeAction::Add, None) => {
                return Err(msg::table::invalid_parameter(
                    "Only DELETE action is allowed when no attribute value is specified",
                ));
            }
            (AttributeAction::Delete, None) => {
                item.remove(name);
            }
            (AttributeAction::Delete, Some(v)) => {
                let Some(current) = item.get(name) else {
                    continue;
                };
                let remaining = set_difference(current, v)?;
                match remaining {
                    Some(r) => item.insert(name.clone(), r),
                    None => item.remove(name),
                };
            }
            (AttributeAction::Add, Some(v)) => {
                let next = match item.get(name) {
                    None => match v {
                        AttributeValue::N(_)
                        | AttributeValue::Ss(_)
                        | AttributeValue::Ns(_)
                        | AttributeValue::Bs(_) => v.clone(),
                        other => return Err(add_not_supported(other)),
                    },
                    Some(current) => add(current, v)?,
                };
                item.insert(name.clone(), next);
            }
            // Rejected by the request checks before any item is read.
            (_, _) => {}
        }
        touched.push(name.clone());
    }
    Ok(touched)
}

fn add_not_supported(v: &AttributeValue) -> ddbmock_core::Error {
    msg::table::invalid_parameter(format!(
        "ADD action is not supported for the type {}",
        v.attribute_type()
    ))
}

fn type_mismatch() -> ddbmock_core::Error {
    msg::table::invalid_parameter("Type mismatch for attribute to update")
}

fn add(current: &AttributeValue, v: &AttributeValue) -> Result<AttributeValue> {
    Ok(match (current, v) {
        (AttributeValue::N(a), AttributeValue::N(b)) => AttributeValue::N(
            Number::parse(a)?
                .checked_add(&Number::parse(b)?)?
                .to_string(),
        ),
        (AttributeValue::Ss(a), AttributeValue::Ss(b)) => {
            AttributeValue::Ss(union(a, b, |x, y| x == y))
        }
        (AttributeValue::Bs(a), AttributeValue::Bs(b)) => {
            AttributeValue::Bs(union(a, b, |x, y| x == y))
        }
        (AttributeValue::Ns(a), AttributeValue::Ns(b)) => {
            AttributeValue::Ns(union(a, b, |x, y| {
                Number::parse(x).ok() == Number::parse(y).ok()
            }))
        }
        (
            _,
            AttributeValue::N(_)
            | AttributeValue::Ss(_)
            | AttributeValue::Ns(_)
            | AttributeValue::Bs(_),
        ) => {
            return Err(type_mismatch());
        }
        (_, other) => return Err(add_not_supported(other)),
    })
}

fn union<T: Clone>(a: &[T], b: &[T], eq: impl Fn(&T, &T) -> bool) -> Vec<T> {
    let mut out = a.to_vec();
    for x in b {
        if !out.iter().any(|y| eq(x, y)) {
            out.push(x.clone());
        }
    }
    out
}

/// `current` minus the members of `v`; `None` when nothing remains (DynamoDB then removes the
/// attribute, since a set may not be empty).
fn set_difference(current: &AttributeValue, v: &AttributeValue) -> Result<Option<AttributeValue>> {
    fn minus<T: Clone>(a: &[T], b: &[T], eq: impl Fn(&T, &T) -> bool) -> Vec<T> {
        a.iter()
            .filter(|x| !b.iter().any(|y| eq(x, y)))
            .cloned()
            .collect()
    }
    let out = match (current, v) {
        (AttributeValue::Ss(a), AttributeValue::Ss(b)) => {
            AttributeValue::Ss(minus(a, b, |x, y| x == y))
        }
        (AttributeValue::Bs(a), AttributeValue::Bs(b)) => {
            AttributeValue::Bs(minus(a, b, |x, y| x == y))
        }
        (AttributeValue::Ns(a), AttributeValue::Ns(b)) => {
            AttributeValue::Ns(minus(a, b, |x, y| {
                Number::parse(x).ok() == Number::parse(y).ok()
            }))
        }
        (_, AttributeValue::Ss(_) | AttributeValue::Ns(_) | AttributeValue::Bs(_)) => {
            return Err(type_mismatch());
        }
        (_, other) => {
            return Err(msg::table::invalid_parameter(format!(
                "DELETE action with value is not supported for the type {}",
                other.attribute_type()
            )));
        }
    };
    let empty = match &out {
        AttributeValue::Ss(s) | AttributeValue::Ns(s) => s.is_empty(),
        AttributeValue::Bs(s) => s.is_empty(),
        _ => false,
    };
    Ok((!empty).then_some(out))
}
