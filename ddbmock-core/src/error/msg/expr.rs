//! Messages of the expression language: parse and resolve errors of every expression parameter,
//! the request-level checks of `ExpressionAttributeNames`/`Values`, and the evaluation errors.
//!
//! `param` is the request parameter in the message's prefix (`ConditionExpression`,
//! `UpdateExpression`, …). Wording comes from DynamoDB as quoted verbatim by emulators that test against
//! it (dynalite, moto, ExtendDB's captured messages); the few not confirmed are marked so.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;

use super::validation;
use crate::error::Error;
use crate::model::AttributeValue;

fn invalid(param: &str, detail: impl std::fmt::Display) -> Error {
    Error::Validation(format!("Invalid {param}: {detail}"))
}

/// An expression that is empty or only whitespace.
pub fn empty(param: &str) -> Error {
    invalid(param, "The expression can not be empty;")
}

/// An expression over 4 KB. DynamoDB appends the size for condition and filter expressions only.
pub fn too_long(param: &str, size: usize, with_size: bool) -> Error {
    if with_size {
        invalid(
            param,
            format_args!(
                "Expression size has exceeded the maximum allowed size; expression size: {size}"
            ),
        )
    } else {
        invalid(
            param,
            "Expression size has exceeded the maximum allowed size;",
        )
    }
}

/// A syntax error at `token` (`<EOF>` at the end), with the text around it.
pub fn syntax(param: &str, token: &str, near: &str) -> Error {
    invalid(
        param,
        format_args!("Syntax error; token: \"{token}\", near: \"{near}\""),
    )
}

/// `((a = b))`.
pub fn redundant_parentheses(param: &str) -> Error {
    invalid(param, "The expression has redundant parentheses;")
}

/// A function DynamoDB does not have (in this kind of expression).
pub fn invalid_function(param: &str, name: &str) -> Error {
    invalid(
        param,
        format_args!("Invalid function name; function: {name}"),
    )
}

/// A function used where its result cannot go (`size(a)` as a condition, `contains(..)` as an operand).
pub fn function_misused(param: &str, name: &str) -> Error {
    invalid(
        param,
        format_args!(
            "The function is not allowed to be used this way in an expression; function: {name}"
        ),
    )
}

/// An attribute name that is a reserved word and was not aliased.
pub fn reserved_keyword(param: &str, word: &str) -> Error {
    invalid(
        param,
        format_args!("Attribute name is a reserved keyword; reserved keyword: {word}"),
    )
}

/// A `#name` not in `ExpressionAttributeNames`.
pub fn name_not_defined(param: &str, name: &str) -> Error {
    invalid(
        param,
        format_args!(
            "An expression attribute name used in the document path is not defined; attribute name: {name}"
        ),
    )
}

/// A `:value` not in `ExpressionAttributeValues`.
pub fn value_not_defined(param: &str, name: &str) -> Error {
    invalid(
        param,
        format_args!(
            "An expression attribute value used in expression is not defined; attribute value: {name}"
        ),
    )
}

/// A function called with the wrong number of arguments.
pub fn operand_count(param: &str, function: &str, count: usize) -> Error {
    invalid(
        param,
        format_args!(
            "Incorrect number of operands for operator or function; operator or function: {function}, number of operands: {count}"
        ),
    )
}

/// A function whose first argument must be a path (`attribute_exists(:v)`).
pub fn requires_path(param: &str, function: &str) -> Error {
    invalid(
        param,
        format_args!(
            "Operator or function requires a document path; operator or function: {function}"
        ),
    )
}

/// An operand whose type the operator or function does not take (`operand type: N`, descriptors).
pub fn operand_type(param: &str, function: &str, ty: &str) -> Error {
    invalid(
        param,
        format_args!(
            "Incorrect operand type for operator or function; operator or function: {function}, operand type: {ty}"
        ),
    )
}

/// An `ADD`/`DELETE` value of a type the action does not take (`operand type: STRING`, long names).
pub fn update_operand_type(action: &str, ty: &str) -> Error {
    invalid(
        "UpdateExpression",
        format_args!(
            "Incorrect operand type for operator or function; operator: {action}, operand type: {ty}"
        ),
    )
}

/// `a = a`, `begins_with(a, a)`: the same path on both sides.
pub fn operands_not_distinct(param: &str, operator: &str, path: &str) -> Error {
    invalid(
        param,
        format_args!(
            "The first operand must be distinct from the remaining operands for this operator or function; operator: {operator}, first operand: {path}"
        ),
    )
}

/// `attribute_type(a, :t)` with `:t` not a type descriptor.
pub fn invalid_type_name(param: &str, name: &str) -> Error {
    invalid(
        param,
        format_args!(
            "Invalid attribute type name found; type: {name}, valid types: {{B,NULL,SS,BOOL,L,BS,N,NS,S,M}}"
        ),
    )
}

/// A value as DynamoDB quotes it in BETWEEN messages: `{N:1}`, `{S:abc}`, binaries in base64. The
/// bounds checked are scalars; other values (not seen quoted by DynamoDB) list their members the
/// same way, `{SS:[a, b]}`, `{L:[{N:1}]}`, `{M:{k={S:v}}}`.
pub fn quote_value(v: &AttributeValue) -> String {
    use AttributeValue as V;
    let d = v.attribute_type().descriptor();
    let inner = match v {
        V::S(s) | V::N(s) => s.clone(),
        V::B(b) => BASE64.encode(b),
        V::Bool(b) | V::Null(b) => b.to_string(),
        V::Ss(m) | V::Ns(m) => format!("[{}]", m.join(", ")),
        V::Bs(m) => {
            let listed: Vec<String> = m.iter().map(|b| BASE64.encode(b)).collect();
            format!("[{}]", listed.join(", "))
        }
        V::L(l) => {
            let listed: Vec<String> = l.iter().map(quote_value).collect();
            format!("[{}]", listed.join(", "))
        }
        V::M(m) => {
            let mut listed: Vec<String> = m
                .iter()
                .map(|(k, v)| format!("{k}={}", quote_value(v)))
                .collect();
            // A map has no order of its own; sorted, the text is the same on every run.
            listed.sort();
            format!("{{{}}}", listed.join(", "))
        }
    };
    format!("{{{d}:{inner}}}")
}

/// `BETWEEN :lo AND :hi` with bounds of different types; bounds as `{N:1}`.
pub fn between_types(param: &str, lower: &AttributeValue, upper: &AttributeValue) -> Error {
    let (lower, upper) = (quote_value(lower), quote_value(upper));
    invalid(
        param,
        format_args!(
            "The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: AttributeValue: {lower}, upper bound operand: AttributeValue: {upper}"
        ),
    )
}

/// `BETWEEN :lo AND :hi` with `lo > hi`; bounds as `{N:1}`.
pub fn between_order(param: &str, lower: &AttributeValue, upper: &AttributeValue) -> Error {
    let (lower, upper) = (quote_value(lower), quote_value(upper));
    invalid(
        param,
        format_args!(
            "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {lower}, upper bound operand: AttributeValue: {upper}"
        ),
    )
}

/// `IN` with more than 100 values. Wording not confirmed against DynamoDB.
pub fn in_too_many(param: &str, count: usize) -> Error {
    invalid(
        param,
        format_args!(
            "The IN operator is provided with too many operands; number of operands: {count}"
        ),
    )
}

/// A document path deeper than 32 levels. Wording not confirmed against DynamoDB.
pub fn path_too_deep(param: &str, levels: usize) -> Error {
    invalid(
        param,
        format_args!("The document path has too many nesting levels; nesting levels: {levels}"),
    )
}

/// Parentheses or function calls nested beyond what ddbmock parses. DynamoDB's own limit and
/// wording were not confirmed; ddbmock reports it as a syntax error at the token that went too deep.
pub fn nested_too_deep(param: &str, token: &str, near: &str) -> Error {
    syntax(param, token, near)
}

/// A clause keyword used twice in one update expression.
pub fn section_twice(section: &str) -> Error {
    invalid(
        "UpdateExpression",
        format_args!("The \"{section}\" section can only be used once in an update expression;"),
    )
}

/// Two paths where one is a prefix of the other (or equal), as `[a, b]`.
pub fn paths_overlap(param: &str, one: &str, two: &str) -> Error {
    invalid(
        param,
        format_args!(
            "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: {one}, path two: {two}"
        ),
    )
}

/// Two paths that use one element both as a map key and as a list index.
pub fn paths_conflict(param: &str, one: &str, two: &str) -> Error {
    invalid(
        param,
        format_args!(
            "Two document paths conflict with each other; must remove or rewrite one of these paths; path one: {one}, path two: {two}"
        ),
    )
}

/// Names defined but used by no expression of the request.
pub fn unused_names(keys: &[&str]) -> Error {
    Error::Validation(format!(
        "Value provided in ExpressionAttributeNames unused in expressions: keys: {{{}}}",
        keys.join(", ")
    ))
}

/// Values defined but used by no expression of the request.
pub fn unused_values(keys: &[&str]) -> Error {
    Error::Validation(format!(
        "Value provided in ExpressionAttributeValues unused in expressions: keys: {{{}}}",
        keys.join(", ")
    ))
}

/// `ExpressionAttributeNames: {}`.
pub fn names_empty() -> Error {
    Error::Validation("ExpressionAttributeNames must not be empty".to_owned())
}

/// `ExpressionAttributeValues: {}`.
pub fn values_empty() -> Error {
    Error::Validation("ExpressionAttributeValues must not be empty".to_owned())
}

/// A names value that is the empty string (DynamoDB's text, as ExtendDB captured it).
pub fn names_empty_value(key: &str) -> Error {
    Error::Validation(format!(
        "ExpressionAttributeNames contains invalid value: Empty attribute name for key {key}"
    ))
}

/// A names key that is not `#` and word characters.
pub fn invalid_name_key(key: &str) -> Error {
    Error::Validation(format!(
        "ExpressionAttributeNames contains invalid key: Syntax error; key: \"{key}\""
    ))
}

/// A values key that is not `:` and word characters.
pub fn invalid_value_key(key: &str) -> Error {
    Error::Validation(format!(
        "ExpressionAttributeValues contains invalid key: Syntax error; key: \"{key}\""
    ))
}

/// An invalid value in `ExpressionAttributeValues`: `detail` is the value's own message.
pub fn invalid_value(detail: &str, key: &str) -> Error {
    Error::Validation(format!(
        "ExpressionAttributeValues contains invalid value: {detail} for key {key}"
    ))
}

/// Names given to a request that has no expression.
pub fn names_without_expression() -> Error {
    Error::Validation(
        "ExpressionAttributeNames can only be specified when using expressions".to_owned(),
    )
}

/// Values given to a request that has no expression taking values; `params` are those it could have
/// (`ConditionExpression`, or `UpdateExpression and ConditionExpression`).
pub fn values_without_expression(params: &[&str]) -> Error {
    let verb = if params.len() > 1 { "are" } else { "is" };
    Error::Validation(format!(
        "ExpressionAttributeValues can only be specified when using expressions: {} {verb} null",
        params.join(" and ")
    ))
}

/// Legacy and expression parameters in one request.
pub fn mixed_parameters(legacy: &[&str], expression: &[&str]) -> Error {
    Error::Validation(format!(
        "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {{{}}} Expression parameters: {{{}}}",
        legacy.join(", "),
        expression.join(", ")
    ))
}

/// An update through a path whose parent does not exist or has the wrong type.
pub fn invalid_update_path() -> Error {
    Error::Validation(
        "The document path provided in the update expression is invalid for update".to_owned(),
    )
}

/// An update operand of the wrong type at run time (`ADD` a number to a string, `a + b` on strings).
pub fn incorrect_data_type() -> Error {
    Error::Validation("An operand in the update expression has an incorrect data type".to_owned())
}

/// An update of a key attribute.
pub fn cannot_update_key(name: &str) -> Error {
    Error::Validation(format!(
        "One or more parameter values were invalid: Cannot update attribute {name}. This attribute is part of the key"
    ))
}

/// An operator other than `=`, `<`, `<=`, `>`, `>=`, `BETWEEN`, `begins_with` and `AND` in a key
/// condition.
pub fn key_condition_operator(op: &str) -> Error {
    invalid(
        "KeyConditionExpression",
        format_args!("Invalid operator used in KeyConditionExpression: {op}"),
    )
}

/// A projection or filter path into a key attribute (`pk.x`, `pk[0]`): `Key: pk` for the table's
/// key, `IndexKey: pk` for an index's.
pub fn key_attribute_not_scalar(name: &str, index: bool) -> Error {
    let which = if index { "IndexKey" } else { "Key" };
    validation(format!(
        "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: {which}: {name}"
    ))
}

/// A key condition nesting functions (`size`). DynamoDB gives this text without the `Invalid
/// KeyConditionExpression: ` prefix of the other key condition errors.
pub fn key_condition_nested_operation() -> Error {
    validation("KeyConditionExpressions cannot contain nested operations")
}

/// A key condition on a nested attribute; like [`key_condition_nested_operation`], unprefixed.
pub fn key_condition_nested_attribute() -> Error {
    validation("KeyConditionExpressions cannot have conditions on nested attributes")
}

/// A key condition whose `BETWEEN` or `begins_with` does not start with the key.
pub fn key_condition_first_operand(op: &str) -> Error {
    invalid(
        "KeyConditionExpression",
        format_args!(
            "Invalid condition in KeyConditionExpression: {op} operator must have the key attribute as its first operand"
        ),
    )
}

/// A key condition comparing two attributes.
pub fn key_condition_two_names() -> Error {
    invalid(
        "KeyConditionExpression",
        "Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition",
    )
}

/// A key condition comparing no attribute.
pub fn key_condition_no_key() -> Error {
    invalid(
        "KeyConditionExpression",
        "Invalid condition in KeyConditionExpression: No key attribute specified",
    )
}

/// Two conditions on one key attribute.
pub fn key_condition_twice() -> Error {
    invalid(
        "KeyConditionExpression",
        "KeyConditionExpressions must only contain one condition per key",
    )
}

/// A key condition without the partition key.
pub fn key_condition_missing_key(name: &str) -> Error {
    Error::Validation(format!("Query condition missed key schema element: {name}"))
}

/// A key condition on a non-key attribute, or a non-equality on the partition key.
pub fn key_condition_not_supported() -> Error {
    Error::Validation("Query key condition not supported".to_owned())
}

/// A `SET` operand path that is not in the item (`SET a = b` without `b`).
pub fn attribute_not_in_item() -> Error {
    Error::Validation(
        "The provided expression refers to an attribute that does not exist in the item".to_owned(),
    )
}

fn invalid_parameter(detail: impl std::fmt::Display) -> Error {
    Error::Validation(format!(
        "One or more parameter values were invalid: {detail}"
    ))
}

/// Legacy `Expected` entry with both `Exists` and `ComparisonOperator`.
pub fn exists_with_operator(attr: &str) -> Error {
    invalid_parameter(format_args!(
        "Exists and ComparisonOperator cannot be used together for Attribute: {attr}"
    ))
}

/// Legacy `Expected` entry with both `Value` and `AttributeValueList`.
pub fn value_with_list(attr: &str) -> Error {
    invalid_parameter(format_args!(
        "Value and AttributeValueList cannot be used together for Attribute: {attr}"
    ))
}

/// Legacy `Expected` entry with `AttributeValueList` but no operator.
pub fn list_without_operator(attr: &str) -> Error {
    invalid_parameter(format_args!(
        "AttributeValueList can only be used with a ComparisonOperator for Attribute: {attr}"
    ))
}

/// Legacy `Expected` entry whose `Exists` (absent: `null`, or `true`) needs a `Value`.
pub fn value_required(exists: &str, attr: &str) -> Error {
    invalid_parameter(format_args!(
        "Value must be provided when Exists is {exists} for Attribute: {attr}"
    ))
}

/// Legacy `Expected` entry with `Exists: false` and a `Value`.
pub fn value_with_exists_false(attr: &str) -> Error {
    invalid_parameter(format_args!(
        "Value cannot be used when Exists is false for Attribute: {attr}"
    ))
}

/// Legacy comparison with the wrong number of values.
pub fn argument_count(op: &str) -> Error {
    invalid_parameter(format_args!(
        "Invalid number of argument(s) for the {op} ComparisonOperator"
    ))
}

/// Legacy comparison whose values have different types.
pub fn list_types_differ() -> Error {
    invalid_parameter("AttributeValues inside AttributeValueList must be of same type")
}

/// Legacy comparison with a value of a type the operator does not take.
pub fn operator_type(op: &str, ty: &str) -> Error {
    invalid_parameter(format_args!(
        "ComparisonOperator {op} is not valid for {ty} AttributeValue type"
    ))
}

/// Legacy `BETWEEN` with bounds in the wrong order.
pub fn legacy_between_order() -> Error {
    Error::Validation(
        "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound"
            .to_owned(),
    )
}

/// A legacy enumeration value DynamoDB does not define (`ComparisonOperator`, `Action`). Wording
/// not confirmed against DynamoDB.
pub fn unknown_enum_value(value: &str, member: &str, allowed: &str) -> Error {
    super::constraint::validation_error(
        &format!("'{value}'"),
        member,
        &super::constraint::enum_value_set(allowed),
    )
}

/// A legacy `ConditionalOperator` other than AND and OR (listed in DynamoDB's order).
pub fn unknown_conditional_operator(value: &str) -> Error {
    unknown_enum_value(value, "conditionalOperator", "OR, AND")
}

/// A legacy `ComparisonOperator` DynamoDB does not define (listed in DynamoDB's order).
pub fn unknown_comparison_operator(value: &str) -> Error {
    unknown_enum_value(
        value,
        "comparisonOperator",
        "IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE, LE, BEGINS_WITH, GE, CONTAINS",
    )
}

/// Legacy `AttributeUpdates` `PUT` (or `ADD`) without a value. Wording not confirmed against DynamoDB.
pub fn update_value_required() -> Error {
    invalid_parameter("Only DELETE action is allowed when no attribute value is specified")
}

/// Legacy `AttributeUpdates` `ADD` of a value type it does not take. Wording not confirmed against
/// DynamoDB.
pub fn update_add_type(ty: &str) -> Error {
    invalid_parameter(format_args!(
        "ADD action is not supported for the type {ty}"
    ))
}

/// Legacy `AttributeUpdates` `ADD` or `DELETE` of a value whose type differs from the attribute's.
/// Wording not confirmed against DynamoDB.
pub fn update_type_mismatch() -> Error {
    invalid_parameter("Type mismatch for attribute to update")
}

/// Legacy `AttributeUpdates` action on a value type it does not take. Wording not confirmed against
/// DynamoDB.
pub fn update_action_type(action: &str, ty: &str) -> Error {
    invalid_parameter(format_args!(
        "{action} action with value is not supported for the type {ty}"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use AttributeValue as V;

    #[test]
    fn values_are_quoted_without_rust_debug_output() {
        assert_eq!(quote_value(&V::N("1".into())), "{N:1}");
        assert_eq!(quote_value(&V::B(b"a".to_vec())), "{B:YQ==}");
        assert_eq!(
            quote_value(&V::Ss(vec!["a".into(), "b".into()])),
            "{SS:[a, b]}"
        );
        assert_eq!(
            quote_value(&V::L(vec![V::N("1".into()), V::Bool(true)])),
            "{L:[{N:1}, {BOOL:true}]}"
        );
    }
}
