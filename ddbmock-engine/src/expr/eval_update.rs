//! Applying resolved updates to an item: every `SET` operand is computed from the item as it was,
//! then the writes land; numbers add exactly, sets add and delete as sets, and writes through a path
//! whose parent is missing or of the wrong type fail as DynamoDB's do.

use super::eval_condition::lookup;
use super::resolved::{Action, Operand, Path, PathElem, UpdateExpr, UpdatedPaths};
use super::sets::{set_add, set_delete};
use ddbmock_core::Result;
use ddbmock_core::error::msg;
use ddbmock_core::model::{AttributeValue, Item, Number};

fn number(text: &str) -> Result<Number> {
    Ok(Number::parse(text)?)
}

/// A `SET` operand's value, from the item before the update.
fn compute(op: &Operand, item: &Item) -> Result<AttributeValue> {
    match op {
        Operand::Path(p) => lookup(item, p)
            .cloned()
            .ok_or_else(msg::expr::attribute_not_in_item),
        Operand::Value(v) => Ok(v.clone()),
        Operand::IfNotExists(p, default) => match lookup(item, p) {
            Some(v) => Ok(v.clone()),
            None => compute(default, item),
        },
        Operand::ListAppend(a, b) => match (compute(a, item)?, compute(b, item)?) {
            (AttributeValue::L(mut x), AttributeValue::L(y)) => {
                x.extend(y);
                Ok(AttributeValue::L(x))
            }
            _ => Err(msg::expr::incorrect_data_type()),
        },
        Operand::Plus(a, b) | Operand::Minus(a, b) => {
            match (compute(a, item)?, compute(b, item)?) {
                (AttributeValue::N(x), AttributeValue::N(y)) => {
                    let (x, y) = (number(&x)?, number(&y)?);
                    let r = if matches!(op, Operand::Plus(..)) {
                        x.checked_add(&y)?
                    } else {
                        x.checked_sub(&y)?
                    };
                    Ok(AttributeValue::N(r.to_string()))
                }
                _ => Err(msg::expr::incorrect_data_type()),
            }
        }
        // `size` never appears in a resolved update.
        Operand::Size(_) => Err(msg::expr::incorrect_data_type()),
    }
}

/// The container holding the path's last element, which must exist.
fn parent_mut<'i>(item: &'i mut Item, path: &Path) -> Result<&'i mut AttributeValue> {
    let bad = msg::expr::invalid_update_path;
    let (first, rest) = path.0.split_first().ok_or_else(bad)?;
    let PathElem::Key(k) = first else {
        return Err(bad());
    };
    let mut cur = item.get_mut(k).ok_or_else(bad)?;
    for e in &rest[..rest.len().saturating_sub(1)] {
        cur = match (e, cur) {
            (PathElem::Key(k), AttributeValue::M(m)) => m.get_mut(k).ok_or_else(bad)?,
            (PathElem::Index(i), AttributeValue::L(l)) => l.get_mut(*i).ok_or_else(bad)?,
            (PathElem::Key(_) | PathElem::Index(_), _) => return Err(bad()),
        };
    }
    Ok(cur)
}

/// Writes `value` at `path`; an index past the end of a list appends.
fn set_path(item: &mut Item, path: &Path, value: AttributeValue) -> Result<()> {
    if let [PathElem::Key(k)] = path.0.as_slice() {
        item.insert(k.clone(), value);
        return Ok(());
    }
    let parent = parent_mut(item, path)?;
    match (path.0.last(), parent) {
        (Some(PathElem::Key(k)), AttributeValue::M(m)) => {
            m.insert(k.clone(), value);
        }
        (Some(PathElem::Index(i)), AttributeValue::L(l)) => match l.get_mut(*i) {
            Some(slot) => *slot = value,
            None => l.push(value),
        },
        (Some(PathElem::Key(_) | PathElem::Index(_)) | None, _) => {
            return Err(msg::expr::invalid_update_path());
        }
    }
    Ok(())
}

/// Removes the value at `path`; a missing last element is no error, a missing parent is.
fn remove_path(item: &mut Item, path: &Path) -> Result<()> {
    if let [PathElem::Key(k)] = path.0.as_slice() {
        item.remove(k);
        return Ok(());
    }
    let parent = parent_mut(item, path)?;
    match (path.0.last(), parent) {
        (Some(PathElem::Key(k)), AttributeValue::M(m)) => {
            m.remove(k);
        }
        (Some(PathElem::Index(i)), AttributeValue::L(l)) => {
            if *i < l.len() {
                l.remove(*i);
            }
        }
        (Some(PathElem::Key(_) | PathElem::Index(_)) | None, _) => {
            return Err(msg::expr::invalid_update_path());
        }
    }
    Ok(())
}

fn add(item: &mut Item, path: &Path, value: &AttributeValue) -> Result<()> {
    use AttributeValue as V;
    let new = match (lookup(item, path), value) {
        (None, v) => v.clone(),
        (Some(V::N(x)), V::N(y)) => V::N(number(x)?.checked_add(&number(y)?)?.to_string()),
        (Some(current), v) => set_add(current, v).ok_or_else(msg::expr::incorrect_data_type)??,
    };
    set_path(item, path, new)
}

fn delete(item: &mut Item, path: &Path, value: &AttributeValue) -> Result<()> {
    let Some(current) = lookup(item, path) else {
        return Ok(());
    };
    match set_delete(current, value).ok_or_else(msg::expr::incorrect_data_type)?? {
        Some(v) => set_path(item, path, v),
        None => remove_path(item, path),
    }
}

impl UpdateExpr {
    /// Applies the update to `item` (an empty item when it did not exist). On error the item may be
    /// partly updated: apply to a copy and keep it only on success.
    pub fn apply(&self, item: &mut Item) -> Result<UpdatedPaths> {
        let mut sets = Vec::new();
        for action in &self.actions {
            if let Action::Set(p, op) = action {
                sets.push((p, compute(op, item)?));
            }
        }
        // Several SETs past the end of one list append in the order of their indexes, not of the
        // clauses (`SET l[9] = :x, l[5] = :y` on a list of two gives `[_, _, :y, :x]`), as DynamoDB
        // applies them. The paths of one update never overlap, so the order matters for nothing else.
        sets.sort_by(|a, b| a.0.cmp(b.0));
        for (p, v) in sets {
            set_path(item, p, v)?;
        }
        // Removing higher list indexes first keeps the lower ones pointing where they were written.
        let mut removes: Vec<&Path> = self
            .actions
            .iter()
            .filter_map(|a| match a {
                Action::Remove(p) => Some(p),
                Action::Set(..) | Action::Add(..) | Action::Delete(..) => None,
            })
            .collect();
        removes.sort_by(|a, b| b.cmp(a));
        for p in removes {
            remove_path(item, p)?;
        }
        for action in &self.actions {
            match action {
                Action::Add(p, v) => add(item, p, v)?,
                Action::Delete(p, v) => delete(item, p, v)?,
                Action::Set(..) | Action::Remove(_) => {}
            }
        }
        Ok(UpdatedPaths {
            paths: self.actions.iter().map(|a| a.path().clone()).collect(),
        })
    }

    /// Whether every action is a `REMOVE` or a `DELETE` (and there is one): such an update creates
    /// no item where there was none.
    pub fn only_takes_away(&self) -> bool {
        !self.actions.is_empty()
            && self
                .actions
                .iter()
                .all(|a| matches!(a, Action::Remove(_) | Action::Delete(..)))
    }

    /// Whether any action writes the top-level attribute `attribute` (or inside it).
    pub fn touches(&self, attribute: &str) -> bool {
        self.actions
            .iter()
            .any(|a| a.path().attribute_name() == attribute)
    }

    /// Fails with DynamoDB's message if an action writes one of the key attributes.
    pub fn check_keys(&self, keys: &[&str]) -> Result<()> {
        for a in &self.actions {
            let name = a.path().attribute_name();
            if keys.contains(&name) {
                return Err(msg::expr::cannot_update_key(name));
            }
        }
        Ok(())
    }
}
