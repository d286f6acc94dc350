//! Messages of BatchGetItem and BatchWriteItem.

use super::constraint::{min_length, validation_error};
use super::validation;
use crate::error::Error;
use crate::model::MULTIPLE_DATATYPES;

/// An empty `RequestItems` map; DynamoDB quotes it as Java prints an empty map.
pub fn no_request_items() -> Error {
    validation_error("'{}'", "requestItems", &min_length(1))
}

/// A table of BatchGetItem with an empty `Keys` list.
pub fn no_keys(table: &str) -> Error {
    validation_error(
        "'[]'",
        &format!("requestItems.{table}.member.keys"),
        &min_length(1),
    )
}

/// More requests than the operation takes (`operation` is `BatchGetItem` or `BatchWriteItem`).
pub fn too_many_items(operation: &str) -> Error {
    validation(format!("Too many items requested for the {operation} call"))
}

/// Two requests of one batch on one item.
pub fn duplicate_keys() -> Error {
    validation("Provided list of item keys contains duplicates")
}

/// A `WriteRequest` with both or neither of `PutRequest` and `DeleteRequest`: DynamoDB answers with
/// its text for an attribute value with several data types.
pub fn write_request_members() -> Error {
    validation(MULTIPLE_DATATYPES)
}
