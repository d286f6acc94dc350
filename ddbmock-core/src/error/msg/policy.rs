//! Messages of PutResourcePolicy, GetResourcePolicy and DeleteResourcePolicy, as DynamoDB answers
//! them (observed on the service; the API Reference gives no texts).

use super::{INVALID_PARAMETER_VALUES, validation};
use crate::error::Error;

/// A `ResourceArn` that is not an ARN at all (a bare table name).
pub fn arn_without_prefix(arn: &str) -> Error {
    validation(format!(
        "{INVALID_PARAMETER_VALUES}: ARNs must start with 'arn:': {arn}"
    ))
}

/// A `ResourceArn` of another region or partition, or otherwise not this service's.
pub fn invalid_resource_arn(arn: &str) -> Error {
    validation(format!(
        "{INVALID_PARAMETER_VALUES}: Invalid resource Arn: {arn}"
    ))
}

/// A `ResourceArn` of another account.
pub fn other_account() -> Error {
    validation(
        "This action is only supported by accounts that match the resource owner\u{2019}s account.",
    )
}

/// A `ResourceArn` of an index: policies attach to tables and streams only.
pub fn not_table_or_stream(arn: &str) -> Error {
    validation(format!(
        "{INVALID_PARAMETER_VALUES}: Invalid resource arn provided, only table or stream is accepted. Provided resource arn: {arn}"
    ))
}

/// A `ResourceArn` naming some other resource under a table (a backup).
pub fn not_a_resource_arn(arn: &str) -> Error {
    validation(format!(
        "{INVALID_PARAMETER_VALUES}: Provided Arn is not a DynamoDB resource arn: {arn}"
    ))
}

/// A stream ARN whose label is not a stream of the table.
pub fn stream_not_found(label: &str, table: &str) -> Error {
    Error::ResourceNotFound(format!(
        "Requested resource not found: Stream: {label} not found for Table: {table}"
    ))
}

/// A policy document above 20480 bytes, whitespace included.
pub fn policy_too_large(max: usize) -> Error {
    validation(format!(
        "{INVALID_PARAMETER_VALUES}: Maximum policy size of {max} bytes exceeded"
    ))
}

/// A policy document that is not JSON (an empty one included).
pub fn policy_not_json() -> Error {
    invalid_document("This policy contains invalid Json")
}

/// A policy document with an empty `Statement` list.
pub fn empty_statement() -> Error {
    invalid_document("Could not parse the policy: Statement is empty!")
}

/// A policy statement without `Resource`.
pub fn missing_resource() -> Error {
    invalid_document("Missing required field Resource")
}

fn invalid_document(detail: &str) -> Error {
    validation(format!(
        "{INVALID_PARAMETER_VALUES}: Invalid policy document: {detail}"
    ))
}

/// `PolicyNotFoundException`: no policy on `arn`.
pub fn policy_not_found(arn: &str) -> Error {
    Error::PolicyNotFound(format!(
        "Resource-based policy not found for the provided ResourceArn: {arn}"
    ))
}

/// `PolicyNotFoundException`: `ExpectedRevisionId` is not the revision in place.
pub fn revision_mismatch(expected: &str, table: &str, current: &str) -> Error {
    Error::PolicyNotFound(format!(
        "Resource-based policy not found for the provided ResourceArn: Requested update for policy with revision id {expected}, but the policy associated to target table {table} has revision id {current}."
    ))
}

/// `PolicyNotFoundException`: `ExpectedRevisionId` is `NO_POLICY` and a policy is in place.
pub fn policy_exists(table: &str, current: &str) -> Error {
    Error::PolicyNotFound(format!(
        "Resource-based policy not found for the provided ResourceArn: Requested policy update expecting none to be present for table {table}, but a policy exists with revision id {current}."
    ))
}
