//! Evaluating resolved conditions against an item, with DynamoDB's semantics: a missing attribute
//! makes every comparison false except `<>`, and values of different types are never ordered.

use std::borrow::Cow;
use std::cmp::Ordering;

use super::resolved::{CmpOp, Condition, Operand, Path, PathElem};
use super::value_ops::{compare, equal, size};
use ddbmock_core::Result;
use ddbmock_core::model::{AttributeValue, Item};

/// The value at `path` in `item`, if every step exists and has the right type.
pub(crate) fn lookup<'v>(item: &'v Item, path: &Path) -> Option<&'v AttributeValue> {
    let mut elems = path.0.iter();
    let mut cur = match elems.next()? {
        PathElem::Key(k) => item.get(k)?,
        PathElem::Index(_) => return None,
    };
    for e in elems {
        cur = match (e, cur) {
            (PathElem::Key(k), AttributeValue::M(m)) => m.get(k)?,
            (PathElem::Index(i), AttributeValue::L(l)) => l.get(*i)?,
            (PathElem::Key(_) | PathElem::Index(_), _) => return None,
        };
    }
    Some(cur)
}

/// An operand's value in a condition; `None` when the path is missing or `size` does not apply.
pub(crate) fn operand_value<'v>(
    op: &'v Operand,
    item: Option<&'v Item>,
) -> Option<Cow<'v, AttributeValue>> {
    match op {
        Operand::Path(p) => lookup(item?, p).map(Cow::Borrowed),
        Operand::Value(v) => Some(Cow::Borrowed(v)),
        Operand::Size(inner) => {
            let v = operand_value(inner, item)?;
            size(&v).map(|n| Cow::Owned(AttributeValue::N(n.to_string())))
        }
        // Update-only operands never appear in a resolved condition.
        Operand::IfNotExists(..)
        | Operand::ListAppend(..)
        | Operand::Plus(..)
        | Operand::Minus(..) => None,
    }
}

fn contains(haystack: &AttributeValue, needle: &AttributeValue) -> bool {
    use AttributeValue as V;
    match (haystack, needle) {
        (V::S(h), V::S(n)) => h.contains(n.as_str()),
        (V::B(h), V::B(n)) => n.is_empty() || h.windows(n.len()).any(|w| w == n.as_slice()),
        (V::Ss(h), V::S(n)) => h.iter().any(|x| x == n),
        (V::Bs(h), V::B(n)) => h.iter().any(|x| x == n),
        (V::Ns(h), V::N(_)) => h.iter().any(|x| equal(&V::N(x.clone()), needle)),
        (V::L(h), n) => h.iter().any(|x| equal(x, n)),
        _ => false,
    }
}

fn begins_with(value: &AttributeValue, prefix: &AttributeValue) -> bool {
    match (value, prefix) {
        (AttributeValue::S(v), AttributeValue::S(p)) => v.starts_with(p.as_str()),
        (AttributeValue::B(v), AttributeValue::B(p)) => v.starts_with(p),
        _ => false,
    }
}

impl Condition {
    /// Whether the condition holds for `item` (`None`: the item does not exist).
    pub fn evaluate(&self, item: Option<&Item>) -> Result<bool> {
        Ok(self.holds(item))
    }

    fn holds(&self, item: Option<&Item>) -> bool {
        let val = |op| operand_value(op, item);
        match self {
            Condition::Cmp(a, op, b) => match (val(a), val(b)) {
                (Some(x), Some(y)) => match op {
                    CmpOp::Eq => equal(&x, &y),
                    CmpOp::Ne => !equal(&x, &y),
                    CmpOp::Lt => compare(&x, &y) == Some(Ordering::Less),
                    CmpOp::Le => matches!(compare(&x, &y), Some(Ordering::Less | Ordering::Equal)),
                    CmpOp::Gt => compare(&x, &y) == Some(Ordering::Greater),
                    CmpOp::Ge => {
                        matches!(compare(&x, &y), Some(Ordering::Greater | Ordering::Equal))
                    }
                },
                _ => *op == CmpOp::Ne,
            },
            Condition::Between(a, lo, hi) => match (val(a), val(lo), val(hi)) {
                (Some(x), Some(l), Some(h)) => {
                    matches!(compare(&x, &l), Some(Ordering::Greater | Ordering::Equal))
                        && matches!(compare(&x, &h), Some(Ordering::Less | Ordering::Equal))
                }
                _ => false,
            },
            Condition::In(a, list) => {
                val(a).is_some_and(|x| list.iter().any(|o| val(o).is_some_and(|y| equal(&x, &y))))
            }
            Condition::Exists(p) => item.and_then(|i| lookup(i, p)).is_some(),
            Condition::NotExists(p) => item.and_then(|i| lookup(i, p)).is_none(),
            Condition::AttributeType(a, t) => match (val(a), val(t)) {
                (Some(x), Some(t)) => t
                    .as_s()
                    .is_some_and(|d| x.attribute_type().descriptor() == d),
                _ => false,
            },
            Condition::BeginsWith(a, p) => match (val(a), val(p)) {
                (Some(x), Some(p)) => begins_with(&x, &p),
                _ => false,
            },
            Condition::Contains(a, n) => match (val(a), val(n)) {
                (Some(x), Some(n)) => contains(&x, &n),
                _ => false,
            },
            Condition::Not(c) => !c.holds(item),
            Condition::All(cs) => cs.iter().all(|c| c.holds(item)),
            Condition::Any(cs) => cs.iter().any(|c| c.holds(item)),
        }
    }
}
