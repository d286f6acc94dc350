//! Messages of TagResource, UntagResource and ListTagsOfResource.

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

/// UntagResource with an empty `TagKeys` list (DynamoDB writes "Atleast").
pub fn no_tag_keys() -> Error {
    validation("Atleast one Tag Key needs to be provided as Input.")
}

/// A tag key that is absent, empty, longer than 128 characters or holds a character tags do not
/// take; an absent key is quoted as `null`.
pub fn invalid_tag_key(key: Option<&str>) -> Error {
    validation(format!(
        "The Tag Key provided is invalid, Key: {}",
        key.unwrap_or("null")
    ))
}

/// A tag value that is absent, longer than 256 characters or holds a character tags do not take;
/// an absent value is quoted as `null`.
pub fn invalid_tag_value(value: Option<&str>) -> Error {
    validation(format!(
        "The Tag Value provided is invalid, Value: {}",
        value.unwrap_or("null")
    ))
}

/// A tag key starting with the reserved `aws:` prefix.
pub fn tag_key_reserved_prefix(key: &str) -> Error {
    validation(format!("Tag Key cannot be prefixed with aws:, Key: {key}"))
}

/// Two tags of one request with the same key.
pub fn duplicate_tag_key(key: &str) -> Error {
    validation(format!(
        "Duplicate Tag Keys provided as input: Duplicate Tag Key found {key}"
    ))
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
