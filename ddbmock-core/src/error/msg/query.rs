//! Messages of Query, Scan and secondary-index management (UpdateTable's `GlobalSecondaryIndexUpdates`).
//!
//! Texts are DynamoDB's, as DynamoDB Local and dynalite's live-verified tests quote them.

use super::{INVALID_PARAMETER_VALUES, validation};
use crate::error::Error;

/// `IndexName` names no index of the table; also the answer for a global secondary index being
/// deleted (`DELETING`), and for one deleted while the request was reading it. DynamoDB's
/// documentation does not say what a read of a `DELETING` index gets (its `IndexStatus` reference
/// says only "The index is being deleted"); answering as for an index already gone is not confirmed
/// against DynamoDB.
pub fn no_such_index(index: &str) -> Error {
    validation(format!(
        "The table does not have the specified index: {index}"
    ))
}

/// `ConsistentRead: true` on a global secondary index.
pub fn consistent_read_on_gsi() -> Error {
    validation("Consistent reads are not supported on global secondary indexes")
}

/// A read of a global secondary index still being backfilled.
pub fn index_backfilling(index: &str) -> Error {
    validation(format!(
        "Cannot read from backfilling global secondary index: {index}"
    ))
}

/// Query without `KeyConditions` or `KeyConditionExpression`.
pub fn key_conditions_missing() -> Error {
    validation(
        "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.",
    )
}

/// `KeyConditions` with no entry or more than two.
pub fn key_conditions_size() -> Error {
    validation("Conditions can be of length 1 or 2 only")
}

/// A key condition the key schema cannot serve (a range operator on the partition key, a
/// condition on a non-key attribute, two conditions on a hash-only schema).
pub fn key_condition_not_supported() -> Error {
    validation("Query key condition not supported")
}

/// The key condition lacks the partition key (or, with two conditions, the sort key).
pub fn key_condition_missing_key(name: &str) -> Error {
    validation(format!("Query condition missed key schema element: {name}"))
}

/// A legacy key condition whose operator cannot select a key range (`NE`, `IN`, `NULL`, …).
pub fn non_indexable_condition() -> Error {
    validation("Attempted conditional constraint is not an indexable operation")
}

/// A legacy key condition with the wrong number of values for its operator.
pub fn key_condition_argument_count() -> Error {
    validation(
        "The attempted filter operation is not supported for the provided filter argument count",
    )
}

/// A key condition value whose type differs from the key attribute's.
pub fn key_condition_type_mismatch() -> Error {
    validation(format!(
        "{INVALID_PARAMETER_VALUES}: Condition parameter type does not match schema type"
    ))
}

/// `BETWEEN` whose lower bound exceeds its upper bound.
pub fn between_bounds() -> Error {
    validation(
        "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound",
    )
}

/// `begins_with` on a number sort key.
pub fn begins_with_on_number() -> Error {
    validation(format!(
        "{INVALID_PARAMETER_VALUES}: ComparisonOperator BEGINS_WITH is not valid for N AttributeValue type"
    ))
}

/// A `QueryFilter` on a key attribute of the queried table or index.
pub fn query_filter_on_key(name: &str) -> Error {
    validation(format!(
        "QueryFilter can only contain non-primary key attributes: Primary key attribute: {name}"
    ))
}

/// A query `FilterExpression` on a key attribute of the queried table or index.
pub fn filter_expression_on_key(name: &str) -> Error {
    validation(format!(
        "Filter Expression can only contain non-primary key attributes: Primary key attribute: {name}"
    ))
}

/// A filter on attributes a non-`ALL` global secondary index does not project.
pub fn filter_not_projected(index: &str, names: &[String]) -> Error {
    validation(format!(
        "{INVALID_PARAMETER_VALUES}: Secondary index {index} does not project one or more filter attributes: [{}]",
        names.join(", ")
    ))
}

/// A projection of attributes a non-`ALL` global secondary index does not project.
pub fn projection_not_projected(index: &str, names: &[String]) -> Error {
    validation(format!(
        "{INVALID_PARAMETER_VALUES}: Global secondary index {index} does not project [{}]",
        names.join(", ")
    ))
}

/// `Select: ALL_ATTRIBUTES` on a global secondary index that does not project everything.
pub fn select_all_on_gsi(index: &str) -> Error {
    validation(format!(
        "{INVALID_PARAMETER_VALUES}: Select type ALL_ATTRIBUTES is not supported for global secondary index {index} because its projection type is not ALL"
    ))
}

/// `Select: ALL_PROJECTED_ATTRIBUTES` without `IndexName`.
pub fn select_projected_without_index() -> Error {
    validation("ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName")
}

/// `Select: COUNT` with `AttributesToGet` (`param` = `AttributesToGet`) or `ProjectionExpression`.
pub fn select_count_with(param: &str) -> Error {
    validation(format!(
        "Cannot specify the {param} when choosing to get only the Count"
    ))
}

/// `Select: ALL_ATTRIBUTES` or `ALL_PROJECTED_ATTRIBUTES` with a projection parameter.
pub fn select_all_with(param: &str, select: &str) -> Error {
    validation(format!(
        "Cannot specify the {param} when choosing to get {select}"
    ))
}

/// `Select: SPECIFIC_ATTRIBUTES` without a projection.
pub fn select_specific_without_projection() -> Error {
    validation(
        "Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES",
    )
}

/// `AttributesToGet` naming an attribute twice.
pub fn duplicate_attribute_to_get(name: &str) -> Error {
    validation(format!(
        "{INVALID_PARAMETER_VALUES}: Duplicate value in attribute name: {name}"
    ))
}

/// An `ExclusiveStartKey` that does not have the key attributes of the table or index.
pub fn start_key_invalid() -> Error {
    validation("The provided starting key is invalid")
}

/// An `ExclusiveStartKey` whose table key fails the table's schema.
pub fn start_key_schema(detail: &str) -> Error {
    validation(format!("The provided starting key is invalid: {detail}"))
}

/// An `ExclusiveStartKey` without exactly the key attributes, or of the wrong types.
pub fn start_key_mismatch() -> Error {
    start_key_schema(super::item::KEY_SCHEMA_MISMATCH)
}

/// An `ExclusiveStartKey` outside the queried partition.
pub fn start_key_outside_query() -> Error {
    validation("The provided starting key is outside query boundaries based on provided conditions")
}

/// An `ExclusiveStartKey` whose sort key fails the sort key condition.
pub fn start_key_range_predicate() -> Error {
    validation("The provided starting key does not match the range key predicate")
}

/// An `ExclusiveStartKey` on a query of a hash-only table, which can return at most one item.
pub fn start_key_single_row() -> Error {
    validation("The query can return at most one row and cannot be restarted")
}

/// An `ExclusiveStartKey` of a parallel scan outside the segment's hash range.
pub fn start_key_wrong_segment(total: i64, segment: i64) -> Error {
    validation(format!(
        "The provided starting key is invalid: Invalid ExclusiveStartKey. Please use ExclusiveStartKey with correct Segment. TotalSegments: {total} Segment: {segment}"
    ))
}

/// `Segment` without `TotalSegments`.
pub fn total_segments_missing() -> Error {
    validation(
        "The TotalSegments parameter is required but was not present in the request when Segment parameter is present",
    )
}

/// `TotalSegments` without `Segment`.
pub fn segment_missing() -> Error {
    validation(
        "The Segment parameter is required but was not present in the request when parameter TotalSegments is present",
    )
}

/// `Segment` not below `TotalSegments`.
pub fn segment_out_of_range(segment: i64, total: i64) -> Error {
    validation(format!(
        "The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: {segment} is not less than TotalSegments: {total}"
    ))
}

/// `ConditionalOperator` without a filter map.
pub fn conditional_operator_without_filter() -> Error {
    validation("ConditionalOperator cannot be used without Filter or Expected")
}

/// UpdateTable naming a global secondary index that does not exist (Update or Delete).
pub fn gsi_not_found(table: &str, index: &str) -> Error {
    Error::ResourceNotFound(format!(
        "Requested resource not found: Table: {table}, GSI: {index} not found"
    ))
}

/// UpdateTable creating an index whose name is taken.
pub fn gsi_exists(index: &str) -> Error {
    validation(format!(
        "{INVALID_PARAMETER_VALUES}: Index with the name {index} already exists"
    ))
}

/// UpdateTable with more than one index creation or deletion, or creating or deleting an index while
/// another one is still being created. DynamoDB answers the latter with this very text (reported
/// from DynamoDB in architect/architect#334 and #268: a second index "won't succeed until the index
/// is completed").
pub fn one_index_at_a_time() -> Error {
    Error::LimitExceeded(
        "Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table"
            .to_owned(),
    )
}

/// A `GlobalSecondaryIndexUpdates` entry with no action.
pub fn gsi_update_one_action() -> Error {
    validation(format!(
        "{INVALID_PARAMETER_VALUES}: One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Delete must not be null"
    ))
}

/// Two `GlobalSecondaryIndexUpdates` entries on one index.
pub fn gsi_update_twice(index: &str) -> Error {
    validation(format!(
        "{INVALID_PARAMETER_VALUES}: Only one global secondary index update per index is allowed simultaneously. Index: {index}"
    ))
}

/// An attribute definition that conflicts with the table's definition of the same attribute.
pub fn attribute_redefined(name: &str) -> Error {
    validation(format!(
        "{INVALID_PARAMETER_VALUES}: Cannot update attribute {name}. This attribute is part of a index key schema and its type cannot be changed"
    ))
}
