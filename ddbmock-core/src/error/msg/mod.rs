//! Every message text ddbmock shows a user, one function per DynamoDB message, verbatim.
//!
//! Submodules group messages by area; each function returns the complete [`Error`].

pub mod auto_scaling;
pub mod backup;
pub mod batch;
pub mod constraint;
pub mod export;
pub mod expr;
pub mod global_tables;
pub mod legacy_global_tables;
pub mod number;
pub mod partiql;
pub mod partiql_ops;
pub mod value;

use super::Error;

/// `ResourceNotFoundException` for a table that does not exist.
pub fn table_not_found() -> Error {
    Error::ResourceNotFound("Requested resource not found".to_owned())
}

/// `ConditionalCheckFailedException` of a write whose condition was false.
pub fn conditional_check_failed() -> Error {
    Error::ConditionalCheckFailed {
        message: "The conditional request failed".to_owned(),
        item: None,
    }
}

/// `ProvisionedThroughputExceededException`: a request beyond the table's provisioned capacity.
pub fn throughput_exceeded() -> Error {
    Error::ProvisionedThroughputExceeded(
        "The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.".to_owned(),
    )
}

/// `InternalServerError` of a failure of the store, with its description.
pub fn internal_error(detail: impl std::fmt::Display) -> Error {
    Error::InternalServerError(format!("Internal server error: {detail}"))
}

/// A `ValidationException` with the given text.
pub fn validation(text: impl Into<String>) -> Error {
    Error::Validation(text.into())
}

/// The prefix DynamoDB puts before most parameter-value errors.
pub const INVALID_PARAMETER_VALUES: &str = "One or more parameter values were invalid";

pub mod insights;
pub mod item;
pub mod kinesis;
pub mod policy;
pub mod protocol;
pub mod query;
pub mod streams;
pub mod table;
pub mod tags;
pub mod transact;
