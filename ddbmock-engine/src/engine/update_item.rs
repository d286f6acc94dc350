//! UpdateItem: read the item (or start from its key), apply the updates, write it back.

use std::collections::HashMap;
use std::sync::Arc;

use super::keys::{item_storage_key, validate_key};
use super::write::{Change, check_item};
use super::{Engine, billing, expressions, validate};
use crate::expr::{set_add, set_delete};
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
                return Err(msg::expr::update_value_required());
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
    msg::expr::update_add_type(&v.attribute_type().to_string())
}

/// Legacy `ADD` onto an existing value: numbers add, sets take the new members (as UpdateExpression's
/// `ADD` does, through [`set_add`]).
fn add(current: &AttributeValue, v: &AttributeValue) -> Result<AttributeValue> {
    use AttributeValue as V;
    match (current, v) {
        (V::N(a), V::N(b)) => Ok(V::N(
            Number::parse(a)?
                .checked_add(&Number::parse(b)?)?
                .to_string(),
        )),
        _ => set_add(current, v).unwrap_or_else(|| {
            Err(match v {
                V::N(_) | V::Ss(_) | V::Ns(_) | V::Bs(_) => msg::expr::update_type_mismatch(),
                other => add_not_supported(other),
            })
        }),
    }
}

/// `current` minus the members of `v` (as UpdateExpression's `DELETE` does, through
/// [`set_delete`]); `None` when nothing remains (DynamoDB then removes the attribute, since a set
/// may not be empty).
fn set_difference(current: &AttributeValue, v: &AttributeValue) -> Result<Option<AttributeValue>> {
    use AttributeValue as V;
    set_delete(current, v).unwrap_or_else(|| {
        Err(match v {
            V::Ss(_) | V::Ns(_) | V::Bs(_) => msg::expr::update_type_mismatch(),
            other => msg::expr::update_action_type("DELETE", &other.attribute_type().to_string()),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ns(members: &[&str]) -> AttributeValue {
        AttributeValue::Ns(members.iter().map(|s| (*s).to_owned()).collect())
    }

    fn update(
        action: AttributeAction,
        value: AttributeValue,
    ) -> HashMap<String, AttributeValueUpdate> {
        HashMap::from([(
            "s".to_owned(),
            AttributeValueUpdate {
                action: Some(action),
                value: Some(value),
            },
        )])
    }

    fn item(set: AttributeValue) -> Item {
        Item::from([("s".to_owned(), set)])
    }

    /// The legacy path used to compare number-set members as `Number::parse(x).ok()`, so any two
    /// texts that are no DynamoDB number (here both beyond its range) counted as one member: ADD
    /// dropped the new one and DELETE removed the old one. They now compare as numbers, as
    /// UpdateExpression's ADD and DELETE compare them.
    #[test]
    fn legacy_set_actions_do_not_conflate_distinct_numbers() {
        let mut it = item(ns(&["2E200"]));
        assert!(
            apply_attribute_updates(&mut it, &update(AttributeAction::Add, ns(&["1E200"])))
                .is_err()
        );
        let mut it = item(ns(&["2E200"]));
        assert!(
            apply_attribute_updates(&mut it, &update(AttributeAction::Delete, ns(&["1E200"])))
                .is_err()
        );

        let mut it = item(ns(&["1", "2"]));
        apply_attribute_updates(&mut it, &update(AttributeAction::Add, ns(&["1.0", "3"]))).unwrap();
        assert_eq!(it["s"], ns(&["1", "2", "3"]));
        apply_attribute_updates(&mut it, &update(AttributeAction::Delete, ns(&["2.00"]))).unwrap();
        assert_eq!(it["s"], ns(&["1", "3"]));
    }
}
