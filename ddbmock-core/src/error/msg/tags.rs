//! Messages of TagResource, UntagResource and ListTagsOfResource.

use super::table::invalid_parameter;
use super::validation;
use crate::error::Error;

/// An absent or empty `ResourceArn`.
pub fn missing_table_arn() -> Error {
    validation("Invalid TableArn")
}

/// A `ResourceArn` that names no table of this account and region.
pub fn invalid_resource_arn(arn: &str) -> Error {
    validation(format!(
        "Invalid TableArn: Invalid ResourceArn provided as input {arn}"
    ))
}

/// TagResource with no tags (DynamoDB writes "Atleast").
pub fn no_tags() -> Error {
    validation("Atleast one Tag needs to be provided as Input.")
}

/// A tag key of 0 or more than 128 characters.
pub fn tag_key_length() -> Error {
    invalid_parameter("Tag key must be between 1 and 128 characters")
}

/// A tag value of more than 256 characters.
pub fn tag_value_length() -> Error {
    invalid_parameter("Tag value must be between 0 and 256 characters")
}

/// `LimitExceededException`: a table would have more than `max` tags.
pub fn too_many_tags(max: usize, table: &str) -> Error {
    Error::LimitExceeded(format!(
        "The number of tags exceeds the limit of {max} for table {table}"
    ))
}

/// `ResourceNotFoundException` for a tag operation on a missing table; DynamoDB misspells
/// "ResourceArn".
pub fn resource_not_found(arn: &str) -> Error {
    Error::ResourceNotFound(format!(
        "Requested resource not found: ResourcArn: {arn} not found"
    ))
}

/// `AccessDeniedException`: `action` on `arn`, a table of another account than the engine's
/// (`account`). DynamoDB names the caller; the engine's caller is its account's root.
pub fn access_denied(action: &str, arn: &str, account: &str) -> Error {
    Error::AccessDenied(format!(
        "User: arn:aws:iam::{account}:root is not authorized to perform: dynamodb:{action} on resource: {arn} because no resource-based policy allows the dynamodb:{action} action"
    ))
}
