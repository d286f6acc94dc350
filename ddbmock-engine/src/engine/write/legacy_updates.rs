//! Legacy `AttributeUpdates` (PUT, ADD, DELETE per attribute), as UpdateItem applies them to an
//! item.

use std::collections::HashMap;

use ddbmock_core::error::{Result, msg};
use ddbmock_core::model::{AttributeValue, Item, Number};
use ddbmock_core::operation::{AttributeAction, AttributeValueUpdate};

use crate::expr::{set_add, set_delete};

/// Applies legacy `AttributeUpdates` (PUT, ADD, DELETE) and returns the names it touched.
pub(crate) fn apply_attribute_updates(
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
                        | AttributeValue::L(_)
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

/// Legacy `ADD` onto an existing value: numbers add, lists append (which UpdateExpression's `ADD`
/// does not do: there it takes `list_append`), sets take the new members (as UpdateExpression's
/// `ADD` does, through [`set_add`]).
fn add(current: &AttributeValue, v: &AttributeValue) -> Result<AttributeValue> {
    use AttributeValue as V;
    match (current, v) {
        (V::N(a), V::N(b)) => Ok(V::N(
            Number::parse(a)?
                .checked_add(&Number::parse(b)?)?
                .to_string(),
        )),
        (V::L(a), V::L(b)) => Ok(V::L(a.iter().chain(b).cloned().collect())),
        _ => set_add(current, v).unwrap_or_else(|| {
            Err(match v {
                V::N(_) | V::L(_) | V::Ss(_) | V::Ns(_) | V::Bs(_) => {
                    msg::expr::update_type_mismatch()
                }
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
