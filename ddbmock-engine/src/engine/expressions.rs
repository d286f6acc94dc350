//! The expression parameters of the item operations: DynamoDB's request-level checks (expression and
//! legacy parameters not mixed, names and values only with expressions, every one of them used), the
//! compiled condition/update/projection, and the condition check itself.
//!
//! Operation files call in here and keep their own flow; all expression semantics live in
//! [`crate::expr`].

use std::collections::HashMap;

use crate::expr::{
    self, Condition, ConditionKind, ExprContext, Projection, UpdateExpr, legacy_expected,
};
use ddbmock_core::error::{Error, Result, msg};
use ddbmock_core::model::{AttributeValue, Item, validate_value};
use ddbmock_core::operation::{
    ConditionalOperator, ExpectedAttributeValue, ReturnValuesOnConditionCheckFailure,
};

/// The expression-related parameters of one write request.
pub(crate) struct WriteParams<'a> {
    pub(crate) condition_expression: Option<&'a str>,
    pub(crate) update_expression: Option<&'a str>,
    pub(crate) names: Option<&'a HashMap<String, String>>,
    pub(crate) values: Option<&'a HashMap<String, AttributeValue>>,
    pub(crate) expected: Option<&'a HashMap<String, ExpectedAttributeValue>>,
    pub(crate) conditional_operator: Option<&'a ConditionalOperator>,
    /// Whether legacy `AttributeUpdates` were given (UpdateItem only).
    pub(crate) attribute_updates: bool,
    /// Whether the operation takes an `UpdateExpression` (UpdateItem).
    pub(crate) takes_update: bool,
}

/// The [`WriteParams`] of a PutItem, UpdateItem or DeleteItem input (their expression members have
/// the same names); UpdateItem also names its update expression and whether it has
/// `AttributeUpdates`.
macro_rules! write_params {
    ($input:expr) => {
        $crate::engine::expressions::write_params!($input, None, false, false)
    };
    ($input:expr, $update:expr, $attribute_updates:expr, $takes_update:expr) => {
        $crate::engine::expressions::WriteParams {
            condition_expression: $input.condition_expression.as_deref(),
            update_expression: $update,
            names: $input.expression_attribute_names.as_ref(),
            values: $input.expression_attribute_values.as_ref(),
            expected: $input.expected.as_ref(),
            conditional_operator: $input.conditional_operator.as_ref(),
            attribute_updates: $attribute_updates,
            takes_update: $takes_update,
        }
    };
}
pub(crate) use write_params;

/// A write's compiled condition (expression or `Expected`) and update expression.
pub(crate) struct WriteExprs {
    pub(crate) condition: Option<Condition>,
    pub(crate) update: Option<UpdateExpr>,
}

/// Checks every `ExpressionAttributeValues` entry as a stored value must be, in name order so
/// that the one reported is the same on every run. Shared by the writes and by Query and Scan.
pub(crate) fn check_values(values: Option<&HashMap<String, AttributeValue>>) -> Result<()> {
    let Some(values) = values else {
        return Ok(());
    };
    let mut keys: Vec<&String> = values.keys().collect();
    keys.sort();
    for k in keys {
        let mut v = values[k].clone();
        if let Err(e) = validate_value(&mut v) {
            return Err(msg::expr::invalid_value(&e.message(), k));
        }
    }
    Ok(())
}

/// Validates and compiles a write's expressions, in DynamoDB's order of checks.
pub(crate) fn compile_write(p: &WriteParams<'_>) -> Result<WriteExprs> {
    let mut expr_params = Vec::new();
    if p.update_expression.is_some() {
        expr_params.push("UpdateExpression");
    }
    if p.condition_expression.is_some() {
        expr_params.push("ConditionExpression");
    }
    let mut legacy = Vec::new();
    if p.attribute_updates {
        legacy.push("AttributeUpdates");
    }
    if p.expected.is_some() {
        legacy.push("Expected");
    }
    if p.conditional_operator.is_some() {
        legacy.push("ConditionalOperator");
    }
    if !expr_params.is_empty() && !legacy.is_empty() {
        return Err(msg::expr::mixed_parameters(&legacy, &expr_params));
    }
    if p.names.is_some() && expr_params.is_empty() {
        return Err(msg::expr::names_without_expression());
    }
    if p.values.is_some() && expr_params.is_empty() {
        let could: &[&str] = if p.takes_update {
            &["UpdateExpression", "ConditionExpression"]
        } else {
            &["ConditionExpression"]
        };
        return Err(msg::expr::values_without_expression(could));
    }
    let mut cx = ExprContext::new(p.names, p.values);
    cx.check_maps()?;
    check_values(p.values)?;
    let update = p.update_expression.map(|t| cx.update(t)).transpose()?;
    let mut condition = p
        .condition_expression
        .map(|t| cx.condition(t, ConditionKind::Condition))
        .transpose()?;
    cx.finish()?;
    if let Some(expected) = p.expected {
        condition = Some(legacy_expected(expected, p.conditional_operator)?);
    }
    Ok(WriteExprs { condition, update })
}

/// Checks a write's condition against the item as it is; `ConditionalCheckFailedException` (with the
/// item when asked for) when it does not hold.
pub(crate) fn check_condition(
    condition: Option<&Condition>,
    old: Option<&Item>,
    on_failure: Option<&ReturnValuesOnConditionCheckFailure>,
) -> Result<()> {
    let Some(cond) = condition else {
        return Ok(());
    };
    if cond.evaluate(old)? {
        return Ok(());
    }
    let mut err = msg::conditional_check_failed();
    if let (
        Error::ConditionalCheckFailed { item, .. },
        Some(ReturnValuesOnConditionCheckFailure::AllOld),
    ) = (&mut err, on_failure)
    {
        *item = old.cloned();
    }
    Err(err)
}

/// The first name of `names` that an earlier one repeats.
pub(crate) fn first_duplicate(names: &[String]) -> Option<&str> {
    let mut seen = std::collections::HashSet::with_capacity(names.len());
    names
        .iter()
        .find(|n| !seen.insert(n.as_str()))
        .map(String::as_str)
}

/// GetItem's `ProjectionExpression` or `AttributesToGet`, with the request-level checks.
pub(crate) fn compile_read(
    projection_expression: Option<&str>,
    attributes_to_get: Option<&[String]>,
    names: Option<&HashMap<String, String>>,
) -> Result<Option<Projection>> {
    if projection_expression.is_some() && attributes_to_get.is_some() {
        return Err(msg::expr::mixed_parameters(
            &["AttributesToGet"],
            &["ProjectionExpression"],
        ));
    }
    if names.is_some() && projection_expression.is_none() {
        return Err(msg::expr::names_without_expression());
    }
    if let Some(attrs) = attributes_to_get
        && let Some(dup) = first_duplicate(attrs)
    {
        return Err(msg::query::duplicate_attribute_to_get(dup));
    }
    if let Some(text) = projection_expression {
        let mut cx = ExprContext::new(names, None);
        cx.check_maps()?;
        let p = cx.projection(text)?;
        cx.finish()?;
        return Ok(Some(p));
    }
    attributes_to_get
        .map(expr::legacy_attributes_to_get)
        .transpose()
}
