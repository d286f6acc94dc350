//! Legacy `AttributeUpdates` (PUT, ADD, DELETE per attribute), as UpdateItem applies them to an
//! item.

use std::collections::HashMap;

use ddbmock_core::error::{Result, msg};
use ddbmock_core::model::{AttributeValue, Item, Number};
use ddbmock_core::operation::{AttributeAction, AttributeValueUpdate};

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
