//! Key conditions: a condition expression restricted to equality on the partition key and one of
//! `=, <, <=, >, >=, BETWEEN, begins_with` on the sort key, joined by `AND`.

use super::resolved::{CmpOp, Condition, Operand, Path};
use super::value_ops::{compare, equal};
use ddbmock_core::Result;
use ddbmock_core::error::msg;
use ddbmock_core::model::AttributeValue;

/// The operator of one key condition term.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum KeyOp {
    /// `=`
    Eq,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `BETWEEN lo AND hi`
    Between,
    /// `begins_with(key, prefix)`
    BeginsWith,
}

/// One term: a key attribute, an operator, and its values (two for `BETWEEN`, else one).
#[derive(Clone, Debug, PartialEq)]
pub struct KeyTerm {
    /// The key attribute's name.
    pub name: String,
    /// The operator, with the key on its left.
    pub op: KeyOp,
    /// The values compared with.
    pub values: Vec<AttributeValue>,
}

impl KeyTerm {
    /// Whether a key value satisfies this term.
    pub fn matches(&self, key: &AttributeValue) -> bool {
        use std::cmp::Ordering::{Equal, Greater, Less};
        let c = |i: usize| self.values.get(i).and_then(|v| compare(key, v));
        match self.op {
            KeyOp::Eq => self.values.first().is_some_and(|v| equal(key, v)),
            KeyOp::Lt => c(0) == Some(Less),
            KeyOp::Le => matches!(c(0), Some(Less | Equal)),
            KeyOp::Gt => c(0) == Some(Greater),
            KeyOp::Ge => matches!(c(0), Some(Greater | Equal)),
            KeyOp::Between => {
                matches!(c(0), Some(Greater | Equal)) && matches!(c(1), Some(Less | Equal))
            }
            KeyOp::BeginsWith => match (key, self.values.first()) {
                (AttributeValue::S(k), Some(AttributeValue::S(p))) => k.starts_with(p.as_str()),
                (AttributeValue::B(k), Some(AttributeValue::B(p))) => k.starts_with(p),
                _ => false,
            },
        }
    }
}

/// A validated key condition: its terms, at most one per attribute.
#[derive(Clone, Debug, PartialEq)]
pub struct KeyCondition {
    /// The terms, in the order written.
    pub terms: Vec<KeyTerm>,
}

impl KeyCondition {
    /// Checks the terms against a key schema: the partition key's value, and the sort key's term if
    /// any.
    pub fn for_schema(
        &self,
        hash: &str,
        range: Option<&str>,
    ) -> Result<(AttributeValue, Option<KeyTerm>)> {
        let mut hash_value = None;
        let mut range_term = None;
        for t in &self.terms {
            if t.name == hash && t.op == KeyOp::Eq {
                hash_value = t.values.first().cloned();
            } else if Some(t.name.as_str()) == range && t.name != hash {
                range_term = Some(t.clone());
            } else {
                return Err(msg::expr::key_condition_not_supported());
            }
        }
        let hash_value = hash_value.ok_or_else(|| msg::expr::key_condition_missing_key(hash))?;
        Ok((hash_value, range_term))
    }
}

fn key_path(p: &Path) -> Result<String> {
    if p.0.len() > 1 {
        return Err(msg::expr::key_condition_nested_attribute());
    }
    Ok(p.attribute_name().to_owned())
}

fn value(op: &Operand) -> Result<AttributeValue> {
    match op {
        Operand::Value(v) => Ok(v.clone()),
        Operand::Path(_)
        | Operand::Size(_)
        | Operand::IfNotExists(..)
        | Operand::ListAppend(..)
        | Operand::Plus(..)
        | Operand::Minus(..) => Err(msg::expr::key_condition_nested_operation()),
    }
}

fn flip(op: CmpOp) -> CmpOp {
    match op {
        CmpOp::Lt => CmpOp::Gt,
        CmpOp::Le => CmpOp::Ge,
        CmpOp::Gt => CmpOp::Lt,
        CmpOp::Ge => CmpOp::Le,
        CmpOp::Eq => CmpOp::Eq,
        CmpOp::Ne => CmpOp::Ne,
    }
}

fn has_size(op: &Operand) -> bool {
    matches!(op, Operand::Size(_))
}

/// Turns a resolved key condition expression into terms, with DynamoDB's messages for what a key
/// condition cannot say.
pub(crate) fn key_terms(cond: &Condition, out: &mut Vec<KeyTerm>) -> Result<()> {
    let term = match cond {
        Condition::All(cs) => {
            for c in cs {
                key_terms(c, out)?;
            }
            return Ok(());
        }
        Condition::Any(_) => return Err(msg::expr::key_condition_operator("OR")),
        Condition::Not(_) => return Err(msg::expr::key_condition_operator("NOT")),
        Condition::In(..) => return Err(msg::expr::key_condition_operator("IN")),
        Condition::Cmp(_, CmpOp::Ne, _) => return Err(msg::expr::key_condition_operator("<>")),
        Condition::Exists(_) => {
            return Err(msg::expr::key_condition_operator("attribute_exists"));
        }
        Condition::NotExists(_) => {
            return Err(msg::expr::key_condition_operator("attribute_not_exists"));
        }
        Condition::AttributeType(..) => {
            return Err(msg::expr::key_condition_operator("attribute_type"));
        }
        Condition::Contains(..) => return Err(msg::expr::key_condition_operator("contains")),
        Condition::Cmp(a, op, b) => {
            if has_size(a) || has_size(b) {
                return Err(msg::expr::key_condition_nested_operation());
            }
            let (path, other, op) = match (a, b) {
                (Operand::Path(_), Operand::Path(_)) => {
                    return Err(msg::expr::key_condition_two_names());
                }
                (Operand::Path(p), v) => (p, v, *op),
                (v, Operand::Path(p)) => (p, v, flip(*op)),
                // Neither side is a path.
                (
                    Operand::Value(_)
                    | Operand::Size(_)
                    | Operand::IfNotExists(..)
                    | Operand::ListAppend(..)
                    | Operand::Plus(..)
                    | Operand::Minus(..),
                    _,
                ) => return Err(msg::expr::key_condition_no_key()),
            };
            let op = match op {
                CmpOp::Eq => KeyOp::Eq,
                CmpOp::Lt => KeyOp::Lt,
                CmpOp::Le => KeyOp::Le,
                CmpOp::Gt => KeyOp::Gt,
                CmpOp::Ge => KeyOp::Ge,
                // Refused with its own message above, before the operands are looked at.
                CmpOp::Ne => return Err(msg::expr::key_condition_operator("<>")),
            };
            KeyTerm {
                name: key_path(path)?,
                op,
                values: vec![value(other)?],
            }
        }
        Condition::Between(a, lo, hi) => {
            let Operand::Path(p) = a else {
                return Err(msg::expr::key_condition_first_operand("BETWEEN"));
            };
            KeyTerm {
                name: key_path(p)?,
                op: KeyOp::Between,
                values: vec![value(lo)?, value(hi)?],
            }
        }
        Condition::BeginsWith(a, prefix) => {
            let Operand::Path(p) = a else {
                return Err(msg::expr::key_condition_first_operand("begins_with"));
            };
            KeyTerm {
                name: key_path(p)?,
                op: KeyOp::BeginsWith,
                values: vec![value(prefix)?],
            }
        }
    };
    if out.iter().any(|t| t.name == term.name) {
        return Err(msg::expr::key_condition_twice());
    }
    out.push(term);
    Ok(())
}
