//! The legacy parameters (`Expected`, `QueryFilter`/`ScanFilter`/`KeyConditions`,
//! `AttributeUpdates`, `AttributesToGet`), translated into the resolved forms the evaluators run,
//! with DynamoDB's validation messages for each.

use std::collections::HashMap;

use super::resolved::{CmpOp, Condition, Operand, Path, Projection};
use super::value_ops::compare;
use ddbmock_core::Result;
use ddbmock_core::error::msg;
use ddbmock_core::model::{AttributeType, AttributeValue, validate_attribute_name, validate_value};
use ddbmock_core::operation::{ComparisonOperator, ConditionalOperator, ExpectedAttributeValue};

fn sorted<T>(map: &HashMap<String, T>) -> Vec<(&String, &T)> {
    let mut v: Vec<_> = map.iter().collect();
    v.sort_by(|a, b| a.0.cmp(b.0));
    v
}

fn combine(conds: Vec<Condition>, op: Option<&ConditionalOperator>) -> Result<Condition> {
    match op {
        None | Some(ConditionalOperator::And) => Ok(Condition::All(conds)),
        Some(ConditionalOperator::Or) => Ok(Condition::Any(conds)),
        Some(other) => Err(msg::expr::unknown_conditional_operator(other.as_str())),
    }
}

/// The types each operator takes, or `None` for any.
fn allowed_types(op: &ComparisonOperator) -> Option<&'static [AttributeType]> {
    use AttributeType as T;
    use ComparisonOperator as C;
    const SCALAR: &[AttributeType] = &[T::S, T::N, T::B];
    match op {
        // "EQ is supported for all data types, including lists and maps" (API Reference, Condition).
        C::Eq | C::Ne | C::Null | C::NotNull => None,
        C::BeginsWith => Some(&[T::S, T::B]),
        _ => Some(SCALAR),
    }
}

/// `values` checked as every attribute value a request carries is checked (numbers, sets, the
/// invalid form of a value with no type or several), with numbers in canonical text, before their
/// types are compared: DynamoDB reports a bad value before an operator's type mismatch
/// (dynalite's `validateAttributeConditions` runs `validateAttributeValue` on each; unconfirmed
/// against DynamoDB's documentation, which gives no order).
pub(crate) fn checked_values(values: &[AttributeValue]) -> Result<Vec<AttributeValue>> {
    values
        .iter()
        .map(|v| {
            let mut v = v.clone();
            validate_value(&mut v)?;
            Ok(v)
        })
        .collect()
}

/// One legacy comparison of attribute `attr` against `values`.
fn comparison(attr: &str, op: &ComparisonOperator, values: &[AttributeValue]) -> Result<Condition> {
    use ComparisonOperator as C;
    let count_ok = match op {
        C::Null | C::NotNull => values.is_empty(),
        C::In => !values.is_empty(),
        C::Between => values.len() == 2,
        _ => values.len() == 1,
    };
    if !op.is_known() {
        return Err(msg::expr::unknown_comparison_operator(op.as_str()));
    }
    if !count_ok {
        return Err(msg::expr::argument_count(op.as_str()));
    }
    let values = checked_values(values)?;
    let values = values.as_slice();
    if let Some(first) = values.first()
        && values
            .iter()
            .any(|v| v.attribute_type() != first.attribute_type())
    {
        return Err(msg::expr::list_types_differ());
    }
    if let Some(allowed) = allowed_types(op) {
        for v in values {
            if !allowed.contains(&v.attribute_type()) {
                return Err(msg::expr::operator_type(
                    op.as_str(),
                    v.attribute_type().descriptor(),
                ));
            }
        }
    }
    if *op == C::Between && compare(&values[0], &values[1]) == Some(std::cmp::Ordering::Greater) {
        return Err(msg::expr::legacy_between_order());
    }
    let path = || Operand::Path(Path::attribute(attr));
    let val = |i: usize| Operand::Value(values[i].clone());
    let cmp = |o: CmpOp| Condition::Cmp(path(), o, val(0));
    Ok(match op {
        C::Eq => cmp(CmpOp::Eq),
        C::Ne => cmp(CmpOp::Ne),
        C::Lt => cmp(CmpOp::Lt),
        C::Le => cmp(CmpOp::Le),
        C::Gt => cmp(CmpOp::Gt),
        C::Ge => cmp(CmpOp::Ge),
        C::Null => Condition::NotExists(Path::attribute(attr)),
        C::NotNull => Condition::Exists(Path::attribute(attr)),
        C::Contains => Condition::Contains(path(), val(0)),
        C::NotContains => Condition::Not(Box::new(Condition::Contains(path(), val(0)))),
        C::BeginsWith => Condition::BeginsWith(path(), val(0)),
        C::In => Condition::In(path(), (0..values.len()).map(val).collect()),
        _ => Condition::Between(path(), val(0), val(1)),
    })
}

/// `Expected` with its `ConditionalOperator`; each attribute's name of 1 to 65,535 bytes.
pub fn legacy_expected(
    expected: &HashMap<String, ExpectedAttributeValue>,
    op: Option<&ConditionalOperator>,
) -> Result<Condition> {
    let mut conds = Vec::with_capacity(expected.len());
    for (attr, e) in sorted(expected) {
        validate_attribute_name(attr)?;
        if e.value.is_some() && e.attribute_value_list.is_some() {
            return Err(msg::expr::value_with_list(attr));
        }
        if let Some(cmp) = &e.comparison_operator {
            if e.exists.is_some() {
                return Err(msg::expr::exists_with_operator(attr));
            }
            let values = match (&e.attribute_value_list, &e.value) {
                (Some(list), _) => list.clone(),
                (None, Some(v)) => vec![v.clone()],
                (None, None) => Vec::new(),
            };
            conds.push(comparison(attr, cmp, &values)?);
        } else if e.attribute_value_list.is_some() {
            return Err(msg::expr::list_without_operator(attr));
        } else {
            match (e.exists, &e.value) {
                (Some(false), Some(_)) => return Err(msg::expr::value_with_exists_false(attr)),
                (Some(false), None) => conds.push(Condition::NotExists(Path::attribute(attr))),
                (_, Some(v)) => {
                    let mut v = v.clone();
                    validate_value(&mut v)?;
                    conds.push(Condition::Cmp(
                        Operand::Path(Path::attribute(attr)),
                        CmpOp::Eq,
                        Operand::Value(v),
                    ));
                }
                (exists, None) => {
                    let shown = if exists.is_some() { "true" } else { "null" };
                    return Err(msg::expr::value_required(shown, attr));
                }
            }
        }
    }
    combine(conds, op)
}

/// `QueryFilter`, `ScanFilter` or `KeyConditions` with its `ConditionalOperator`; each attribute's
/// name of 1 to 65,535 bytes.
pub fn legacy_conditions(
    conditions: &HashMap<String, ddbmock_core::operation::Condition>,
    op: Option<&ConditionalOperator>,
) -> Result<Condition> {
    let mut conds = Vec::with_capacity(conditions.len());
    for (attr, c) in sorted(conditions) {
        validate_attribute_name(attr)?;
        let cmp = c
            .comparison_operator
            .clone()
            .unwrap_or_else(|| ComparisonOperator::Unknown("null".to_owned()));
        let values = c.attribute_value_list.clone().unwrap_or_default();
        conds.push(comparison(attr, &cmp, &values)?);
    }
    combine(conds, op)
}

/// `AttributesToGet`: top-level attributes, each name of 1 to 65,535 bytes.
pub fn legacy_attributes_to_get(names: &[String]) -> Result<Projection> {
    for name in names {
        validate_attribute_name(name)?;
    }
    Ok(Projection {
        paths: names.iter().map(|n| Path::attribute(n.clone())).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ddbmock_core::model::{AttributeValue as V, Item};

    fn item() -> Item {
        HashMap::from([("a".to_owned(), V::N("5".into()))])
    }

    #[test]
    fn expected_forms() {
        let e = |exists, value: Option<V>| ExpectedAttributeValue {
            exists,
            value,
            ..Default::default()
        };
        let c = legacy_expected(
            &HashMap::from([("a".to_owned(), e(None, Some(V::N("5.0".into()))))]),
            None,
        )
        .unwrap();
        assert!(c.evaluate(Some(&item())).unwrap());
        let c = legacy_expected(
            &HashMap::from([("b".to_owned(), e(Some(false), None))]),
            None,
        )
        .unwrap();
        assert!(c.evaluate(Some(&item())).unwrap());
        let err = legacy_expected(&HashMap::from([("b".to_owned(), e(None, None))]), None)
            .unwrap_err()
            .message();
        assert_eq!(
            err,
            "One or more parameter values were invalid: Value must be provided when Exists is null for Attribute: b"
        );
        let op = ExpectedAttributeValue {
            comparison_operator: Some(ComparisonOperator::Between),
            attribute_value_list: Some(vec![V::N("1".into()), V::N("9".into())]),
            ..Default::default()
        };
        let c = legacy_expected(&HashMap::from([("a".to_owned(), op)]), None).unwrap();
        assert!(c.evaluate(Some(&item())).unwrap());
        let op = ExpectedAttributeValue {
            comparison_operator: Some(ComparisonOperator::Eq),
            ..Default::default()
        };
        assert_eq!(
            legacy_expected(&HashMap::from([("a".to_owned(), op)]), None)
                .unwrap_err()
                .message(),
            "One or more parameter values were invalid: Invalid number of argument(s) for the EQ ComparisonOperator"
        );
    }
}
