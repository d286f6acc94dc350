//! The expression parameters of Query and Scan: DynamoDB's request-level checks (expression and legacy
//! parameters not mixed, names and values only with expressions, every one of them used), compiled
//! into a filter, a projection and, for Query, the key condition terms.

use std::collections::HashMap;

use super::expressions::check_values;
use super::key_conditions::legacy_key_terms;
use crate::expr::{
    self, Condition, ConditionKind, ExprContext, KeyTerm, Operand, Projection, legacy_conditions,
};
use ddbmock_core::error::msg::query as m;
use ddbmock_core::error::{Result, msg};
use ddbmock_core::model::AttributeValue;
use ddbmock_core::operation::{self, ConditionalOperator};

/// The expression-related parameters of one Query or Scan.
pub(crate) struct ReadParams<'a> {
    pub(crate) key_condition_expression: Option<&'a str>,
    pub(crate) filter_expression: Option<&'a str>,
    pub(crate) projection_expression: Option<&'a str>,
    pub(crate) names: Option<&'a HashMap<String, String>>,
    pub(crate) values: Option<&'a HashMap<String, AttributeValue>>,
    pub(crate) key_conditions: Option<&'a HashMap<String, operation::Condition>>,
    pub(crate) filter: Option<&'a HashMap<String, operation::Condition>>,
    pub(crate) conditional_operator: Option<&'a ConditionalOperator>,
    pub(crate) attributes_to_get: Option<&'a [String]>,
    /// `QueryFilter` or `ScanFilter`, as messages name it.
    pub(crate) filter_name: &'static str,
    /// Query (with key conditions) rather than Scan.
    pub(crate) is_query: bool,
}

/// Where the filter came from: the key-attribute check words its message after it.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum FilterSource {
    Expression,
    Legacy,
}

/// The compiled parameters.
pub(crate) struct ReadExprs {
    /// Query only: the key condition's terms by attribute; `None` for a legacy operator that
    /// selects no key range.
    pub(crate) key_terms: Vec<(String, Option<KeyTerm>)>,
    pub(crate) filter: Option<(Condition, FilterSource)>,
    pub(crate) projection: Option<Projection>,
    /// `ProjectionExpression` or `AttributesToGet`, as the Select messages name it.
    pub(crate) projection_param: Option<&'static str>,
}

/// Validates and compiles a Query's or Scan's expression parameters, in DynamoDB's order of checks.
pub(crate) fn compile_read(p: &ReadParams<'_>) -> Result<ReadExprs> {
    let mut expr_params = Vec::new();
    if p.projection_expression.is_some() {
        expr_params.push("ProjectionExpression");
    }
    if p.filter_expression.is_some() {
        expr_params.push("FilterExpression");
    }
    if p.key_condition_expression.is_some() {
        expr_params.push("KeyConditionExpression");
    }
    let mut legacy = Vec::new();
    if p.attributes_to_get.is_some() {
        legacy.push("AttributesToGet");
    }
    if p.filter.is_some() {
        legacy.push(p.filter_name);
    }
    if p.conditional_operator.is_some() {
        legacy.push("ConditionalOperator");
    }
    // KeyConditions mixes with expressions only when it stands in for KeyConditionExpression.
    if p.key_conditions.is_some() && p.key_condition_expression.is_some() {
        legacy.push("KeyConditions");
    }
    if !expr_params.is_empty() && !legacy.is_empty() {
        return Err(msg::expr::mixed_parameters(&legacy, &expr_params));
    }
    if p.names.is_some() && expr_params.is_empty() {
        return Err(msg::expr::names_without_expression());
    }
    let value_params: &[&str] = if p.is_query {
        &["FilterExpression", "KeyConditionExpression"]
    } else {
        &["FilterExpression"]
    };
    if p.values.is_some() && p.filter_expression.is_none() && p.key_condition_expression.is_none() {
        return Err(msg::expr::values_without_expression(value_params));
    }
    if let Some(attrs) = p.attributes_to_get {
        let mut seen: Vec<&String> = Vec::with_capacity(attrs.len());
        for a in attrs {
            if seen.contains(&a) {
                return Err(m::duplicate_attribute_to_get(a));
            }
            seen.push(a);
        }
    }
    if p.conditional_operator.is_some() && p.filter.is_none() {
        return Err(m::conditional_operator_without_filter());
    }
    let legacy_filter = p
        .filter
        .map(|f| legacy_conditions(f, p.conditional_operator))
        .transpose()?;
    if p.is_query && p.key_conditions.is_none() && p.key_condition_expression.is_none() {
        return Err(m::key_conditions_missing());
    }

    let mut cx = ExprContext::new(p.names, p.values);
    cx.check_maps()?;
    check_values(p.values)?;
    let key_terms = match p.key_condition_expression {
        Some(text) => cx
            .key_condition(text)?
            .terms
            .into_iter()
            .map(|t| (t.name.clone(), Some(t)))
            .collect(),
        None => Vec::new(),
    };
    let filter = p
        .filter_expression
        .map(|t| cx.condition(t, ConditionKind::Filter))
        .transpose()?;
    let projection = p
        .projection_expression
        .map(|t| cx.projection(t))
        .transpose()?;
    cx.finish()?;

    let key_terms = match (p.key_conditions, p.key_condition_expression) {
        (Some(kc), None) => legacy_key_terms(kc)?,
        _ => key_terms,
    };
    let (projection, projection_param) = match (projection, p.attributes_to_get) {
        (Some(pr), _) => (Some(pr), Some("ProjectionExpression")),
        (None, Some(attrs)) => (
            Some(expr::legacy_attributes_to_get(attrs)?),
            Some("AttributesToGet"),
        ),
        (None, None) => (None, None),
    };
    let filter = match (filter, legacy_filter) {
        (Some(f), _) => Some((f, FilterSource::Expression)),
        (None, Some(f)) => Some((f, FilterSource::Legacy)),
        (None, None) => None,
    };
    Ok(ReadExprs {
        key_terms,
        filter,
        projection,
        projection_param,
    })
}

/// The top-level attributes a condition reads, in first-use order.
pub(crate) fn condition_attributes(c: &Condition, out: &mut Vec<String>) {
    let mut push = |name: &str| {
        if !out.iter().any(|n| n == name) {
            out.push(name.to_owned());
        }
    };
    let mut operands: Vec<&Operand> = Vec::new();
    match c {
        Condition::Cmp(a, _, b)
        | Condition::AttributeType(a, b)
        | Condition::BeginsWith(a, b)
        | Condition::Contains(a, b) => operands.extend([a, b]),
        Condition::Between(a, b, c) => operands.extend([a, b, c]),
        Condition::In(a, list) => {
            operands.push(a);
            operands.extend(list);
        }
        Condition::Exists(p) | Condition::NotExists(p) => push(p.attribute_name()),
        Condition::Not(inner) => condition_attributes(inner, out),
        Condition::All(cs) | Condition::Any(cs) => {
            for c in cs {
                condition_attributes(c, out);
            }
        }
    }
    for o in operands {
        operand_attributes(o, out);
    }
}

fn operand_attributes(o: &Operand, out: &mut Vec<String>) {
    let push = |name: &str, out: &mut Vec<String>| {
        if !out.iter().any(|n| n == name) {
            out.push(name.to_owned());
        }
    };
    match o {
        Operand::Path(p) => push(p.attribute_name(), out),
        Operand::Size(inner) => operand_attributes(inner, out),
        Operand::IfNotExists(p, inner) => {
            push(p.attribute_name(), out);
            operand_attributes(inner, out);
        }
        Operand::ListAppend(a, b) | Operand::Plus(a, b) | Operand::Minus(a, b) => {
            operand_attributes(a, out);
            operand_attributes(b, out);
        }
        Operand::Value(_) => {}
    }
}
