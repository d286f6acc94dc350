//! Messages of the item operations: keys, sizes, parameters.

use super::{INVALID_PARAMETER_VALUES, validation};
use crate::error::Error;
use crate::model::AttributeType;

/// DynamoDB's text for a key that does not have exactly the schema's attributes and types.
pub const KEY_SCHEMA_MISMATCH: &str = "The provided key element does not match the schema";

/// A `Key` that does not have exactly the schema's attributes and types.
pub fn key_schema_mismatch() -> Error {
    validation(KEY_SCHEMA_MISMATCH)
}

/// PutItem of an item without one of the key attributes.
pub fn missing_key(name: &str) -> Error {
    validation(format!(
        "{INVALID_PARAMETER_VALUES}: Missing the key {name} in the item"
    ))
}

/// PutItem of an item whose key attribute has the wrong type.
pub fn key_type_mismatch(name: &str, expected: AttributeType, actual: AttributeType) -> Error {
    validation(format!(
        "{INVALID_PARAMETER_VALUES}: Type mismatch for key {name} expected: {expected} actual: {actual}"
    ))
}

/// An attribute name longer than 65,535 bytes, in an item (at any depth), an update, an
/// `ExpressionAttributeNames` value or `AttributesToGet`. Measured against DynamoDB for PutItem and
/// UpdateItem (ExtendDB issue #365, 2026-09-16); the number is the first size refused.
pub fn attribute_name_too_large() -> Error {
    validation(
        "1 validation error detected: Attribute name is too large, must be less than 65536 bytes",
    )
}

/// An empty attribute name in an item or `AttributesToGet`. Not documented: DynamoDB Local names
/// this error `Empty attribute name`, and DynamoDB wraps its sibling
/// ([`attribute_name_too_large`]) as one validation error, so this is worded the same way.
pub fn empty_attribute_name() -> Error {
    validation("1 validation error detected: Empty attribute name")
}

/// An empty string or binary as a key attribute.
pub fn empty_key(name: &str, ty: AttributeType) -> Error {
    let kind = if ty == AttributeType::B {
        "binary"
    } else {
        "string"
    };
    validation(format!(
        "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty {kind} value. Key: {name}"
    ))
}

/// A partition key over 2048 bytes (DynamoDB's text has no space before the number).
pub fn hash_key_too_large() -> Error {
    validation(format!(
        "{INVALID_PARAMETER_VALUES}: Size of hashkey has exceeded the maximum size limit of2048 bytes"
    ))
}

/// A sort key over 1024 bytes.
pub fn range_key_too_large() -> Error {
    validation(format!(
        "{INVALID_PARAMETER_VALUES}: Aggregated size of all range keys has exceeded the size limit of 1024 bytes"
    ))
}

/// An item over 400 KB.
pub fn item_too_large() -> Error {
    validation("Item size has exceeded the maximum allowed size")
}

/// An index key attribute of the wrong type in a written item.
pub fn index_key_type_mismatch(
    name: &str,
    expected: AttributeType,
    actual: AttributeType,
    index: &str,
) -> Error {
    validation(format!(
        "{INVALID_PARAMETER_VALUES}: Type mismatch for Index Key {name} Expected: {expected} Actual: {actual} IndexName: {index}"
    ))
}

/// An empty string or binary as an index key attribute in a written item.
pub fn empty_index_key(name: &str, ty: AttributeType, index: &str) -> Error {
    let kind = if ty == AttributeType::B {
        "binary"
    } else {
        "string"
    };
    validation(format!(
        "One or more parameter values are not valid. A value specified for a secondary index key is not supported. The AttributeValue for a key attribute cannot contain an empty {kind} value. IndexName: {index}, IndexKey: {name}"
    ))
}

/// `ReturnValues` other than NONE and ALL_OLD on PutItem or DeleteItem.
pub fn return_values_put_delete() -> Error {
    validation("ReturnValues can only be ALL_OLD or NONE")
}

/// An UpdateItem (legacy `AttributeUpdates`) that would change a key attribute.
pub fn cannot_update_key(name: &str) -> Error {
    validation(format!(
        "{INVALID_PARAMETER_VALUES}: Cannot update attribute {name}. This attribute is part of the key"
    ))
}

/// `ItemCollectionSizeLimitExceededException`: a write that would take an item collection (of a
/// table with local secondary indexes) over its size limit.
///
/// The text is the one the Developer Guide lists for this exception ("Error handling with
/// DynamoDB": `Message: Collection size exceeded.`), without the trailing period, as the guide's
/// listed texts of `ConditionalCheckFailedException` and of transaction conflicts also appear on
/// the wire. Not confirmed against a live DynamoDB response.
pub fn collection_size_exceeded() -> Error {
    Error::ItemCollectionSizeLimitExceeded("Collection size exceeded".to_owned())
}
