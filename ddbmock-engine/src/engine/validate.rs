//! Request-level checks shared by the operations: required members, names, enum values.

use crate::expr::{Condition, UpdateExpr};
use ddbmock_core::error::Result;
use ddbmock_core::error::msg::table::ConstraintErrors;
use ddbmock_core::model::{Item, MAX_KEY_ATTRIBUTE_NAME_BYTES, validate_value};
use ddbmock_core::operation::*;

/// Checks a required table name of a table operation (CreateTable, DescribeTable, UpdateTable,
/// DeleteTable, the TTL operations): the pattern and 3 to 255 characters. Returns it.
pub(crate) fn table_name<'a>(errors: &mut ConstraintErrors, name: &'a Option<String>) -> &'a str {
    errors.name("tableName", name.as_deref());
    name.as_deref().unwrap_or_default()
}

/// Checks a required table name of an item operation, which takes a table's ARN as well as its
/// name: 1 to 1024 characters and no pattern. Returns it.
pub(crate) fn item_table_name<'a>(
    errors: &mut ConstraintErrors,
    name: &'a Option<String>,
) -> &'a str {
    errors.table_name_or_arn("tableName", name.as_deref());
    name.as_deref().unwrap_or_default()
}

/// Records an unknown `ReturnValues`.
pub(crate) fn return_values(errors: &mut ConstraintErrors, v: Option<&ReturnValue>) {
    errors.enum_value("returnValues", v.map(|v| v.as_str()), ReturnValue::VALUES);
}

/// Records unknown `ReturnConsumedCapacity` and `ReturnItemCollectionMetrics`.
pub(crate) fn return_capacity(
    errors: &mut ConstraintErrors,
    capacity: Option<&ReturnConsumedCapacity>,
    metrics: Option<&ReturnItemCollectionMetrics>,
) {
    errors.enum_value(
        "returnConsumedCapacity",
        capacity.map(|v| v.as_str()),
        ReturnConsumedCapacity::VALUES,
    );
    errors.enum_value(
        "returnItemCollectionMetrics",
        metrics.map(|v| v.as_str()),
        ReturnItemCollectionMetrics::VALUES,
    );
}

/// Records an unknown `ReturnValuesOnConditionCheckFailure`.
pub(crate) fn return_on_failure(
    errors: &mut ConstraintErrors,
    v: Option<&ReturnValuesOnConditionCheckFailure>,
) {
    errors.enum_value(
        "returnValuesOnConditionCheckFailure",
        v.map(|v| v.as_str()),
        ReturnValuesOnConditionCheckFailure::VALUES,
    );
}

/// Records an unknown `ReturnValuesOnConditionCheckFailure` at a nested member path.
pub(crate) fn return_on_failure_at(
    errors: &mut ConstraintErrors,
    member: &str,
    v: Option<&ReturnValuesOnConditionCheckFailure>,
) {
    errors.enum_value(
        member,
        v.map(|v| v.as_str()),
        ReturnValuesOnConditionCheckFailure::VALUES,
    );
}

/// Records a required member that is absent.
pub(crate) fn required<T>(errors: &mut ConstraintErrors, member: &str, v: &Option<T>) {
    if v.is_none() {
        errors.null(member);
    }
}

/// Records the bad members of an index definition (CreateTable's indexes, UpdateTable's index
/// Create) at `at` (`globalSecondaryIndexes.1.member`, say): its name, and the key schema and
/// projection it must have.
pub(crate) fn index_definition(
    errors: &mut ConstraintErrors,
    at: &str,
    name: Option<&str>,
    key_schema: &Option<Vec<KeySchemaElement>>,
    projection: &Option<Projection>,
) {
    errors.name(&format!("{at}.indexName"), name);
    required(errors, &format!("{at}.keySchema"), key_schema);
    key_schema_names(errors, &format!("{at}.keySchema"), key_schema.as_deref());
    required(errors, &format!("{at}.projection"), projection);
    if let Some(attrs) = projection
        .as_ref()
        .and_then(|p| p.non_key_attributes.as_ref())
    {
        non_key_attributes(errors, &format!("{at}.projection.nonKeyAttributes"), attrs);
    }
}

/// Records a `NonKeyAttributes` list outside the API model's bounds: 1 to 20 names per index, each
/// of 1 to 255 characters. A bad name is reported on the whole list, as DynamoDB reports the
/// constraint of a list's members.
fn non_key_attributes(errors: &mut ConstraintErrors, member: &str, attrs: &[String]) {
    use ddbmock_core::error::msg::constraint as c;
    let quoted = format!("'[{}]'", attrs.join(", "));
    if attrs.is_empty() {
        errors.push(&quoted, member, &c::min_length(1));
    }
    if attrs.len() > MAX_NON_KEY_ATTRIBUTES {
        errors.push(&quoted, member, &c::max_length(MAX_NON_KEY_ATTRIBUTES));
    }
    let bad_name = attrs
        .iter()
        .map(|a| a.chars().count())
        .any(|n| !(1..=MAX_KEY_ATTRIBUTE_NAME_BYTES).contains(&n));
    if bad_name {
        errors.push(
            &quoted,
            member,
            &c::member_constraints(&[
                c::max_length(MAX_KEY_ATTRIBUTE_NAME_BYTES),
                c::min_length(1),
            ]),
        );
    }
}

/// The API model's bound on one index's `NonKeyAttributes`.
const MAX_NON_KEY_ATTRIBUTES: usize = 20;

/// Records a key attribute name outside 1 to 255 characters, at `{at}.N.member.attributeName`. The
/// bound is the API model's (`KeySchemaAttributeName`), so it is a shape constraint, counted as the
/// model counts string lengths: in characters (Unicode scalar values), not bytes.
fn key_name(errors: &mut ConstraintErrors, at: &str, i: usize, name: Option<&str>) {
    if let Some(name) = name {
        let member = format!("{at}.{}.member.attributeName", i + 1);
        let len = name.chars().count();
        errors.length(&member, name, len, 1, MAX_KEY_ATTRIBUTE_NAME_BYTES);
    }
}

/// Records the names of a key schema (`keySchema`, or an index's) that break [`key_name`]'s bounds.
pub(crate) fn key_schema_names(
    errors: &mut ConstraintErrors,
    at: &str,
    key_schema: Option<&[KeySchemaElement]>,
) {
    for (i, k) in key_schema.into_iter().flatten().enumerate() {
        key_name(errors, at, i, k.attribute_name.as_deref());
    }
}

/// Records the names of `AttributeDefinitions` that break [`key_name`]'s bounds: every definition
/// names a key attribute.
pub(crate) fn definition_names(
    errors: &mut ConstraintErrors,
    defs: Option<&[AttributeDefinition]>,
) {
    for (i, d) in defs.into_iter().flatten().enumerate() {
        key_name(
            errors,
            "attributeDefinitions",
            i,
            d.attribute_name.as_deref(),
        );
    }
}

/// Refuses `AttributeDefinitions` defining one attribute twice, with the same type or another.
pub(crate) fn distinct_definitions(defs: Option<&[AttributeDefinition]>) -> Result<()> {
    let names: Vec<Option<&str>> = defs
        .into_iter()
        .flatten()
        .map(|d| d.attribute_name.as_deref())
        .collect();
    if names
        .iter()
        .enumerate()
        .any(|(i, n)| names[..i].contains(n))
    {
        return Err(ddbmock_core::error::msg::table::duplicate_attribute_definition());
    }
    Ok(())
}

/// Records unknown `AttributeType`s of `AttributeDefinitions`.
pub(crate) fn attribute_types(errors: &mut ConstraintErrors, defs: Option<&[AttributeDefinition]>) {
    for (i, d) in defs.into_iter().flatten().enumerate() {
        errors.enum_value(
            &format!("attributeDefinitions.{}.member.attributeType", i + 1),
            d.attribute_type.as_ref().map(|v| v.as_str()),
            ScalarAttributeType::VALUES,
        );
    }
}

/// Records unknown `KeyType`s of a key schema at `at` (`…create.keySchema`, say).
pub(crate) fn key_types(errors: &mut ConstraintErrors, at: &str, ks: Option<&[KeySchemaElement]>) {
    for (i, k) in ks.into_iter().flatten().enumerate() {
        errors.enum_value(
            &format!("{at}.{}.member.keyType", i + 1),
            k.key_type.as_ref().map(|v| v.as_str()),
            KeyType::VALUES,
        );
    }
}

/// Records an unknown `ProjectionType` of a projection at `at`.
pub(crate) fn projection_type(errors: &mut ConstraintErrors, at: &str, p: Option<&Projection>) {
    errors.enum_value(
        &format!("{at}.projectionType"),
        p.and_then(|p| p.projection_type.as_ref())
            .map(|v| v.as_str()),
        ProjectionType::VALUES,
    );
}

/// Records an unknown `StreamViewType` of a `StreamSpecification`: it is refused before anything
/// is stored, on UpdateTable as on CreateTable.
pub(crate) fn stream_view_type(errors: &mut ConstraintErrors, spec: Option<&StreamSpecification>) {
    errors.enum_value(
        "streamSpecification.streamViewType",
        spec.and_then(|s| s.stream_view_type.as_ref())
            .map(|v| v.as_str()),
        StreamViewType::VALUES,
    );
}

/// Validates and normalizes every value of an item or key map (numbers to canonical text).
pub(crate) fn values(item: &mut Item) -> Result<()> {
    for v in item.values_mut() {
        validate_value(v)?;
    }
    Ok(())
}

/// Validates and normalizes the values of an item to put (PutItem, a batch put, a transaction's
/// Put), then checks what needs no table: its names and its size. Every put runs it before its
/// table is looked up, as DynamoDB does; [`Action::put`](super::write::Action::put) then checks
/// only what needs the table.
pub(crate) fn put_values(item: &mut Item) -> Result<()> {
    values(item)?;
    super::change::check_unplaced(item)
}

/// A batch's `RequestItems` in the order its tables are checked: by table name.
///
/// When several tables of one BatchGetItem or BatchWriteItem break rules, the table checked first
/// decides the answer, and a `HashMap`'s order would make that change from run to run. DynamoDB
/// does not document its order (unconfirmed). dynalite checks in the request's order, but the
/// request's order does not survive every door: `aws-sdk-dynamodb` and ddbmock's trait take
/// `RequestItems` as a `HashMap`, so a client of either sends or passes no order at all. The name
/// order is the one order every door can keep, so a request gets the same answer through each.
pub(crate) fn by_table_name<V>(
    request_items: std::collections::HashMap<String, V>,
) -> Vec<(String, V)> {
    let mut tables: Vec<(String, V)> = request_items.into_iter().collect();
    tables.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    tables
}

/// The members Query and Scan check alike, borrowed from either request.
pub(crate) struct ReadMembers<'a> {
    pub(crate) table_name: &'a Option<String>,
    pub(crate) index_name: Option<&'a str>,
    pub(crate) select: Option<&'a Select>,
    pub(crate) limit: Option<i32>,
    pub(crate) conditional_operator: Option<&'a ConditionalOperator>,
    pub(crate) return_consumed_capacity: Option<&'a ReturnConsumedCapacity>,
    pub(crate) exclusive_start_key: Option<&'a Item>,
    pub(crate) attributes_to_get: Option<&'a [String]>,
}

/// [`ReadMembers`] of a `QueryInput` or a `ScanInput`, whose members have the same names.
macro_rules! read_members {
    ($input:expr) => {
        $crate::engine::validate::ReadMembers {
            table_name: &$input.table_name,
            index_name: $input.index_name.as_deref(),
            select: $input.select.as_ref(),
            limit: $input.limit,
            conditional_operator: $input.conditional_operator.as_ref(),
            return_consumed_capacity: $input.return_consumed_capacity.as_ref(),
            exclusive_start_key: $input.exclusive_start_key.as_ref(),
            attributes_to_get: $input.attributes_to_get.as_deref(),
        }
    };
}
pub(crate) use read_members;

/// Which of the two reads [`read_request`] checks: their `Limit` is worded differently.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum ReadOp {
    Query,
    Scan,
}

/// Records bad members shared by Query and Scan (`TableName`, `IndexName`, `Select`, `Limit`,
/// `ConditionalOperator`, `ReturnConsumedCapacity`), and returns the table name.
pub(crate) fn read_request<'a>(
    errors: &mut ConstraintErrors,
    m: &ReadMembers<'a>,
    op: ReadOp,
) -> &'a str {
    let name = item_table_name(errors, m.table_name);
    if m.index_name.is_some() {
        errors.name("indexName", m.index_name);
    }
    errors.enum_value("select", m.select.map(|v| v.as_str()), Select::VALUES);
    match (op, m.limit) {
        // Query's Limit moved to DynamoDB's newer validation, which quotes no value and names the
        // member as the wire does; Scan's still answers `Value '0' at 'limit'`.
        (ReadOp::Query, Some(limit)) if limit < 1 => {
            errors.unquoted("Limit", &ddbmock_core::error::msg::constraint::min_value(1));
        }
        (ReadOp::Query, _) => {}
        (ReadOp::Scan, limit) => errors.at_least("limit", limit.map(i64::from), 1),
    }
    errors.enum_value(
        "conditionalOperator",
        m.conditional_operator.map(|v| v.as_str()),
        ConditionalOperator::VALUES,
    );
    return_capacity(errors, m.return_consumed_capacity, None);
    attributes_to_get(errors, "attributesToGet", m.attributes_to_get);
    name
}

/// Records an empty `AttributesToGet` (the list takes at least one name) at `member`.
pub(crate) fn attributes_to_get(errors: &mut ConstraintErrors, member: &str, v: Option<&[String]>) {
    if v.is_some_and(<[String]>::is_empty) {
        errors.push(
            "'[]'",
            member,
            &ddbmock_core::error::msg::constraint::min_length(1),
        );
    }
}

/// The request's `ExclusiveStartKey`, its values validated and normalized.
pub(crate) fn start_key(m: &ReadMembers<'_>) -> Result<Option<Item>> {
    let mut esk = m.exclusive_start_key.cloned();
    if let Some(k) = esk.as_mut() {
        start_key_values(k)?;
    }
    Ok(esk)
}

/// Validates and normalizes an `ExclusiveStartKey`'s values, with DynamoDB's prefix on errors.
pub(crate) fn start_key_values(key: &mut Item) -> Result<()> {
    values(key).map_err(|e| ddbmock_core::error::msg::query::start_key_schema(&e.message()))
}

/// [`write_request`] of a PutItem, UpdateItem or DeleteItem input, whose members have the same
/// names, with its required `member` (`"item"` or `"key"`) and that member's value.
macro_rules! write_members {
    ($errors:expr, $input:expr, $member:expr, $value:expr) => {
        $crate::engine::validate::write_request(
            $errors,
            &$input.table_name,
            $member,
            $value,
            (
                $input.return_values.as_ref(),
                $input.return_consumed_capacity.as_ref(),
                $input.return_item_collection_metrics.as_ref(),
                $input.return_values_on_condition_check_failure.as_ref(),
            ),
        )
    };
}
pub(crate) use write_members;

/// A PutItem, UpdateItem or DeleteItem whose members hold, as the engine applies it: checked once,
/// so that nothing below looks at the wire input again.
pub(crate) struct SingleWrite {
    pub(crate) table_name: String,
    /// The item (PutItem) or its key (UpdateItem, DeleteItem), its values validated.
    pub(crate) item: Item,
    pub(crate) condition: Option<Condition>,
    pub(crate) update: Option<UpdateExpr>,
    pub(crate) returns: Returns,
}

/// The [`SingleWrite`] of a PutItem (`item`) or DeleteItem (`key`) input, checked in DynamoDB's
/// order, all before the table is looked up: the members' constraints, `ReturnValues` (`NONE` or
/// `ALL_OLD` only), the values (with `$values`: [`put_values`] or [`values`]), the expressions.
/// Expands to a `Result`.
macro_rules! put_or_delete {
    ($input:ident, $member:ident, $values:path) => {
        (|| {
            let mut errors = ddbmock_core::error::msg::table::ConstraintErrors::new();
            $crate::engine::validate::write_members!(
                &mut errors,
                $input,
                stringify!($member),
                &$input.$member
            );
            errors.into_result()?;
            let returns = $crate::engine::validate::returns!($input);
            if !matches!(
                returns.values,
                ddbmock_core::operation::ReturnValue::None
                    | ddbmock_core::operation::ReturnValue::AllOld
            ) {
                return Err(ddbmock_core::error::msg::item::return_values_put_delete());
            }
            let mut item = $input.$member.take().unwrap_or_default();
            $values(&mut item)?;
            let exprs = $crate::engine::expressions::compile_write(
                &$crate::engine::expressions::write_params!($input),
            )?;
            Ok($crate::engine::validate::SingleWrite {
                table_name: $input.table_name.take().unwrap_or_default(),
                item,
                condition: exprs.condition,
                update: exprs.update,
                returns,
            })
        })()
    };
}
pub(crate) use put_or_delete;

/// What a single-item write (PutItem, UpdateItem, DeleteItem) asks to have returned, its members
/// checked.
pub(crate) struct Returns {
    pub(crate) values: ReturnValue,
    pub(crate) on_failure: Option<ReturnValuesOnConditionCheckFailure>,
    pub(crate) capacity: Option<ReturnConsumedCapacity>,
    pub(crate) metrics: Option<ReturnItemCollectionMetrics>,
}

/// The [`Returns`] of a PutItem, UpdateItem or DeleteItem input whose members [`write_members!`]
/// checked.
macro_rules! returns {
    ($input:expr) => {
        $crate::engine::validate::Returns {
            values: $input
                .return_values
                .take()
                .unwrap_or(ddbmock_core::operation::ReturnValue::None),
            on_failure: $input.return_values_on_condition_check_failure.take(),
            capacity: $input.return_consumed_capacity.take(),
            metrics: $input.return_item_collection_metrics.take(),
        }
    };
}
pub(crate) use returns;

/// The members every single-item write (PutItem, UpdateItem, DeleteItem) checks alike: the table
/// name, the required `member` (`item` or `key`), and the four return-what enums.
pub(crate) fn write_request<T>(
    errors: &mut ConstraintErrors,
    table: &Option<String>,
    member: &str,
    value: &Option<T>,
    returns: (
        Option<&ReturnValue>,
        Option<&ReturnConsumedCapacity>,
        Option<&ReturnItemCollectionMetrics>,
        Option<&ReturnValuesOnConditionCheckFailure>,
    ),
) {
    item_table_name(errors, table);
    required(errors, member, value);
    return_values(errors, returns.0);
    return_capacity(errors, returns.1, returns.2);
    return_on_failure(errors, returns.3);
}
