//! A Query's key condition, checked against the key schema of the table or index queried, and turned
//! into the storage range it selects.
//!
//! Both forms arrive as [`KeyTerm`]s: `KeyConditionExpression` through the expression compiler, legacy
//! `KeyConditions` through [`legacy_key_terms`]. The checks follow DynamoDB's order: number of
//! conditions, the partition key's (present, right type, equality), then the sort key's.
//!
//! On a global secondary index with a multi-attribute key, the condition has an equality on every
//! partition attribute, then conditions on the sort attributes from the first on, none skipped,
//! every one an equality but the last, which may be any sort key condition.

use std::collections::HashMap;
use std::ops::Bound;

use super::keys::{self, KeyAttr, KeySchema};
use super::paging::{Range, SortBounds};
use crate::expr::{KeyOp, KeyTerm};
use ddbmock_core::error::Result;
use ddbmock_core::error::msg::query as m;
use ddbmock_core::error::msg::table::ConstraintErrors;
use ddbmock_core::model::{AttributeType, AttributeValue};
use ddbmock_core::operation::{ComparisonOperator, Condition};

/// A validated key condition: the partition to read and the sort key condition within it.
#[derive(Clone, Debug)]
pub(crate) struct KeyPlan {
    /// The partition attributes' values, in key order (one but for a multi-attribute key).
    pub(crate) hash: Vec<AttributeValue>,
    /// The values of the leading sort attributes the condition fixes by equality before the one
    /// `range` is on (always empty but for a multi-attribute key).
    pub(crate) sort_eq: Vec<AttributeValue>,
    /// The condition on the sort attribute after those of `sort_eq`.
    pub(crate) range: Option<KeyTerm>,
}

/// Translates legacy `KeyConditions` into terms. Operators that select no key range are kept apart
/// (as `None`) so that the schema check can word its error by which key they are on.
pub(crate) fn legacy_key_terms(
    conditions: &HashMap<String, Condition>,
) -> Result<Vec<(String, Option<KeyTerm>)>> {
    let mut errors = ConstraintErrors::new();
    let mut names: Vec<&String> = conditions.keys().collect();
    names.sort();
    for name in &names {
        let op = conditions[*name].comparison_operator.as_ref();
        match op {
            None => errors.null(&format!("keyConditions.{name}.member.comparisonOperator")),
            Some(op) => errors.enum_value(
                &format!("keyConditions.{name}.member.comparisonOperator"),
                Some(op.as_str()),
                ComparisonOperator::VALUES,
            ),
        }
    }
    errors.into_result()?;
    let mut out = Vec::with_capacity(names.len());
    for name in names {
        let c = &conditions[name];
        let values =
            crate::expr::checked_values(c.attribute_value_list.as_deref().unwrap_or_default())?;
        let op = match c.comparison_operator.as_ref() {
            Some(ComparisonOperator::Eq) => Some(KeyOp::Eq),
            Some(ComparisonOperator::Lt) => Some(KeyOp::Lt),
            Some(ComparisonOperator::Le) => Some(KeyOp::Le),
            Some(ComparisonOperator::Gt) => Some(KeyOp::Gt),
            Some(ComparisonOperator::Ge) => Some(KeyOp::Ge),
            Some(ComparisonOperator::Between) => Some(KeyOp::Between),
            Some(ComparisonOperator::BeginsWith) => Some(KeyOp::BeginsWith),
            _ => None,
        };
        out.push((
            name.clone(),
            op.map(|op| KeyTerm {
                name: name.clone(),
                op,
                values,
            }),
        ));
    }
    Ok(out)
}

/// The number of values each operator takes.
fn arity(op: KeyOp) -> usize {
    if op == KeyOp::Between { 2 } else { 1 }
}

fn check_values(attr: &KeyAttr, term: &KeyTerm) -> Result<()> {
    for v in &term.values {
        if v.attribute_type() != attr.ty {
            return Err(m::key_condition_type_mismatch());
        }
    }
    if term.values.len() != arity(term.op) {
        return Err(m::key_condition_argument_count());
    }
    Ok(())
}

/// Checks `terms` against the key schema of the keyspace queried, in DynamoDB's order.
pub(crate) fn plan(schema: &KeySchema, terms: &[(String, Option<KeyTerm>)]) -> Result<KeyPlan> {
    if schema.is_multi() {
        return plan_multi(schema, terms);
    }
    if terms.is_empty() || terms.len() > 2 {
        return Err(m::key_conditions_size());
    }
    let size = 1 + usize::from(schema.range.is_some());
    if terms.len() > size {
        return Err(m::key_condition_not_supported());
    }
    let find = |name: &str| terms.iter().find(|(n, _)| n == name);
    let Some((_, hash_term)) = find(&schema.hash.name) else {
        return Err(m::key_condition_missing_key(&schema.hash.name));
    };
    let Some(hash_term) = hash_term else {
        return Err(m::key_condition_not_supported());
    };
    if hash_term
        .values
        .first()
        .is_some_and(|v| v.attribute_type() != schema.hash.ty)
    {
        return Err(m::key_condition_type_mismatch());
    }
    if hash_term.op != KeyOp::Eq {
        return Err(m::key_condition_not_supported());
    }
    check_values(&schema.hash, hash_term)?;
    let hash = hash_term.values[0].clone();
    check_key_value(&schema.hash, &hash, true)?;

    let range = match &schema.range {
        None => None,
        Some(r) => match find(&r.name) {
            None if terms.len() > 1 => return Err(m::key_condition_missing_key(&r.name)),
            None => None,
            Some((_, None)) => return Err(m::non_indexable_condition()),
            Some((_, Some(term))) => Some(check_sort_term(r, term)?),
        },
    };
    Ok(KeyPlan {
        hash: vec![hash],
        sort_eq: Vec::new(),
        range,
    })
}

/// Checks a sort attribute's condition: its values' types, number and key limits, no
/// `begins_with` on a number, and a `BETWEEN` whose bounds are in order.
fn check_sort_term(r: &KeyAttr, term: &KeyTerm) -> Result<KeyTerm> {
    check_values(r, term)?;
    for v in &term.values {
        check_key_value(r, v, false)?;
    }
    if term.op == KeyOp::BeginsWith && r.ty == AttributeType::N {
        return Err(m::begins_with_on_number());
    }
    if term.op == KeyOp::Between
        && !(KeyTerm {
            name: r.name.clone(),
            op: KeyOp::Le,
            values: vec![term.values[1].clone()],
        })
        .matches(&term.values[0])
    {
        return Err(m::between_bounds());
    }
    Ok(term.clone())
}

/// [`plan`] for a multi-attribute key: every partition attribute by equality, in key order, then
/// the sort attributes' conditions from the first on, none skipped and only the last not an
/// equality. A condition on an attribute outside the key is reported as the first key attribute
/// it leaves without a condition, as [`plan`] reports it on a one-or-two-attribute key.
fn plan_multi(schema: &KeySchema, terms: &[(String, Option<KeyTerm>)]) -> Result<KeyPlan> {
    if terms.is_empty() {
        return Err(m::key_conditions_size());
    }
    let find = |name: &str| terms.iter().find(|(n, _)| n == name).map(|(_, t)| t);
    if terms.iter().any(|(n, _)| !schema.is_key(n)) {
        return Err(match schema.attrs().find(|a| find(&a.name).is_none()) {
            Some(a) => m::key_condition_missing_key(&a.name),
            None => m::key_condition_not_supported(),
        });
    }
    let mut hash = Vec::new();
    for a in schema.hash_attrs() {
        let Some(term) = find(&a.name) else {
            return Err(m::key_condition_missing_key(&a.name));
        };
        let Some(term) = term else {
            return Err(m::key_condition_not_supported());
        };
        if term
            .values
            .first()
            .is_some_and(|v| v.attribute_type() != a.ty)
        {
            return Err(m::key_condition_type_mismatch());
        }
        if term.op != KeyOp::Eq {
            return Err(m::key_condition_not_supported());
        }
        check_values(a, term)?;
        check_key_value(a, &term.values[0], true)?;
        hash.push(term.values[0].clone());
    }
    let sorts: Vec<&KeyAttr> = schema.range_attrs().collect();
    // The sort attributes with a condition must be a leading run of the sort key.
    let given = sorts.iter().take_while(|a| find(&a.name).is_some()).count();
    if sorts[given..].iter().any(|a| find(&a.name).is_some()) {
        return Err(m::key_condition_missing_key(&sorts[given].name));
    }
    let mut sort_eq = Vec::new();
    let mut range = None;
    for (i, a) in sorts[..given].iter().enumerate() {
        let Some(Some(term)) = find(&a.name) else {
            return Err(m::non_indexable_condition());
        };
        let term = check_sort_term(a, term)?;
        if i + 1 < given {
            if term.op != KeyOp::Eq {
                return Err(m::key_condition_not_supported());
            }
            sort_eq.push(term.values[0].clone());
        } else {
            range = Some(term);
        }
    }
    Ok(KeyPlan {
        hash,
        sort_eq,
        range,
    })
}

/// Key values in a condition obey the key limits: non-empty strings and binaries, size caps.
fn check_key_value(attr: &KeyAttr, v: &AttributeValue, is_hash: bool) -> Result<()> {
    let len = match v {
        AttributeValue::S(s) => s.len(),
        AttributeValue::B(b) => b.len(),
        _ => return Ok(()),
    };
    if len == 0 {
        return Err(ddbmock_core::error::msg::item::empty_key(
            &attr.name, attr.ty,
        ));
    }
    if is_hash && len > keys::MAX_HASH_KEY_BYTES {
        return Err(ddbmock_core::error::msg::item::hash_key_too_large());
    }
    if !is_hash && len > keys::MAX_RANGE_KEY_BYTES {
        return Err(ddbmock_core::error::msg::item::range_key_too_large());
    }
    Ok(())
}

impl KeyPlan {
    /// The storage range the condition selects within the partition's keys.
    pub(crate) fn range(&self, bounds: &SortBounds) -> Result<Range> {
        let mut r = bounds.partition();
        let Some(term) = &self.range else {
            return Ok(r);
        };
        let v = &term.values[0];
        match term.op {
            KeyOp::Eq => {
                r.start = bounds.from(v, true)?;
                r.end = bounds.to(v, true)?;
            }
            KeyOp::Lt => r.end = bounds.to(v, false)?,
            KeyOp::Le => r.end = bounds.to(v, true)?,
            KeyOp::Gt => r.start = bounds.from(v, false)?,
            KeyOp::Ge => r.start = bounds.from(v, true)?,
            KeyOp::Between => {
                r.start = bounds.from(v, true)?;
                r.end = bounds.to(&term.values[1], true)?;
            }
            KeyOp::BeginsWith => {
                let b = bounds.begins_with(v)?;
                r.start = b.start;
                if !matches!(b.end, Bound::Unbounded) {
                    r.end = b.end;
                }
            }
        }
        Ok(r)
    }

    /// Whether an `ExclusiveStartKey`'s sort key may resume this query: it satisfies the condition,
    /// or sits on an exclusive bound (`>` or `<`) of it.
    pub(crate) fn admits_start(&self, sort: &AttributeValue) -> bool {
        let Some(term) = &self.range else {
            return true;
        };
        if term.matches(sort) {
            return true;
        }
        matches!(term.op, KeyOp::Lt | KeyOp::Gt)
            && (KeyTerm {
                name: term.name.clone(),
                op: KeyOp::Eq,
                values: term.values.clone(),
            })
            .matches(sort)
    }
}
