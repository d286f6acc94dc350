//! Ready-made DynamoDB errors for [`Mock`](super::Mock)'s faults, each with DynamoDB's exception
//! type and DynamoDB's own message, so a test need not invent either.
//!
//! ```
//! use ddbmock::mock::{Mock, errors, ops};
//! use ddbmock::operation::ListTablesInput;
//! use ddbmock::{DynamoDb, Engine};
//!
//! # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
//! let mock = Mock::new(Engine::memory()).fail_nth_of::<ops::ListTables>(1, errors::throttling());
//! let error = mock.list_tables(ListTablesInput::default()).await.unwrap_err();
//! assert_eq!(error.type_name(), "ThrottlingException");
//! assert!(error.to_string().starts_with("Throughput exceeds the current capacity"));
//! # });
//! ```
//!
//! Where ddbmock's engine can raise the same error, the text comes from
//! [`ddbmock_core::error::msg`], the one place the engine's texts live, so both stay the same.
//! The others are errors only DynamoDB's fleet raises (throttling of on-demand tables, account
//! limits, internal failures), whose texts are as DynamoDB sends them.

use ddbmock_core::error::msg;

use crate::Error;

/// `ThrottlingException`, as DynamoDB answers a data-plane request when an on-demand table or
/// index grows faster than it scales. The SDKs retry it.
///
/// ```
/// let error = ddbmock::mock::errors::throttling();
/// assert_eq!(error.type_name(), "ThrottlingException");
/// ```
pub fn throttling() -> Error {
    Error::Throttling(
        "Throughput exceeds the current capacity of your table or index. DynamoDB is automatically scaling your table or index so please try again shortly. If exceptions persist, check if you have a hot key: https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/bp-partition-key-design.html".to_owned(),
    )
}

/// `ProvisionedThroughputExceededException`: a request beyond a provisioned table's capacity, the
/// same error (and text) the engine gives when its throughput limits are enforced. The SDKs retry
/// it.
///
/// ```
/// let error = ddbmock::mock::errors::provisioned_throughput_exceeded();
/// assert_eq!(error.type_name(), "ProvisionedThroughputExceededException");
/// assert_eq!(
///     error.to_string(),
///     "The level of configured provisioned throughput for the table was exceeded. \
///      Consider increasing your provisioning level with the UpdateTable API."
/// );
/// ```
pub fn provisioned_throughput_exceeded() -> Error {
    msg::throughput_exceeded()
}

/// `ConditionalCheckFailedException`: a write whose condition expression was false (without the
/// item, as when `ReturnValuesOnConditionCheckFailure` is not `ALL_OLD`).
///
/// ```
/// let error = ddbmock::mock::errors::conditional_check_failed();
/// assert_eq!(error.type_name(), "ConditionalCheckFailedException");
/// assert_eq!(error.to_string(), "The conditional request failed");
/// ```
pub fn conditional_check_failed() -> Error {
    msg::conditional_check_failed()
}

/// `TransactionConflictException`: a single-item write to an item that a transaction is writing.
///
/// ```
/// let error = ddbmock::mock::errors::transaction_conflict();
/// assert_eq!(error.type_name(), "TransactionConflictException");
/// assert_eq!(error.to_string(), "Transaction is ongoing for the item");
/// ```
pub fn transaction_conflict() -> Error {
    msg::transact::transaction_conflict()
}

/// `InternalServerError` (HTTP 500), as DynamoDB reports a failure on its side. The SDKs retry it.
///
/// Not [`msg::internal_error`], which describes a failure of ddbmock's own store after the text.
///
/// ```
/// let error = ddbmock::mock::errors::internal_server_error();
/// assert_eq!(error.type_name(), "InternalServerError");
/// assert_eq!(error.to_string(), "Internal server error");
/// ```
pub fn internal_server_error() -> Error {
    Error::InternalServerError("Internal server error".to_owned())
}

/// `RequestLimitExceeded`: the account's throughput quota is exceeded. The SDKs retry it.
///
/// ```
/// let error = ddbmock::mock::errors::request_limit_exceeded();
/// assert_eq!(error.type_name(), "RequestLimitExceeded");
/// ```
pub fn request_limit_exceeded() -> Error {
    Error::RequestLimitExceeded(
        "Throughput exceeds the current throughput limit for your account. Please contact AWS Support at https://aws.amazon.com/support request a limit increase".to_owned(),
    )
}
