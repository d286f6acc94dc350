//! Messages of TransactWriteItems and TransactGetItems, and of the conflicts transactions cause.

use super::constraint::{max_length, min_length, validation_error};
use super::validation;
use crate::error::{CancellationReason, Error};

/// An action of TransactWriteItems with none, or more than one, of its four members.
pub fn one_action_per_item() -> Error {
    validation("TransactItems can only contain one of Check, Put, Update or Delete")
}

/// An action of TransactWriteItems with none of its four members set.
pub fn empty_write_action() -> Error {
    validation(
        "Invalid Request: TransactWriteRequest should contain Delete or Put or Update request",
    )
}

/// Two actions (or two gets) on one item.
pub fn multiple_operations_on_one_item() -> Error {
    validation("Transaction request cannot include multiple operations on one item")
}

/// A transaction whose items add up to more than 4 MB: the items written by TransactWriteItems, or
/// read by TransactGetItems. The API Reference documents the limit for both but gives no text; this
/// is the one DynamoDB returns for TransactWriteItems, used for TransactGetItems too.
pub fn aggregate_size_exceeded() -> Error {
    validation(
        "Collection size of items exceeded, which can also be caused by the aggregate size of the items in the transaction exceeding the 4MB limit",
    )
}

/// More than 100 actions or gets. DynamoDB quotes the list as Java prints it: each member as
/// `com.amazonaws.dynamodb.v20120810.<Shape>@<identity hash>`; ddbmock numbers them instead.
pub fn too_many_actions(shape: &str, count: usize, max: usize) -> Error {
    let members: Vec<String> = (0..count)
        .map(|i| {
            format!(
                "com.amazonaws.dynamodb.v20120810.{shape}@{:x}",
                0x1000_0000 + i
            )
        })
        .collect();
    validation_error(
        &format!("'[{}]'", members.join(", ")),
        "transactItems",
        &max_length(max),
    )
}

/// An empty `TransactItems`.
pub fn no_actions() -> Error {
    validation_error("'[]'", "transactItems", &min_length(1))
}

/// The same `ClientRequestToken` with different parameters within the idempotency window.
pub fn idempotent_parameter_mismatch() -> Error {
    Error::IdempotentParameterMismatch(
        "The request uses the same client token as a previous, but non-identical request."
            .to_owned(),
    )
}

/// The same `ClientRequestToken` while the first request is still being applied.
pub fn transaction_in_progress() -> Error {
    Error::TransactionInProgress(
        "Transaction with the given request token is already in progress".to_owned(),
    )
}

/// `TransactionConflictException`: a single-item write to an item that a transaction is writing.
pub fn transaction_conflict() -> Error {
    Error::TransactionConflict("Transaction is ongoing for the item".to_owned())
}

/// The reason of an action that was fine but cancelled with the others.
pub fn reason_none() -> CancellationReason {
    CancellationReason {
        code: Some("None".to_owned()),
        message: None,
        item: None,
    }
}

/// The reason of an action whose condition was false, with the item when asked for.
pub fn reason_condition_failed(item: Option<crate::model::Item>) -> CancellationReason {
    CancellationReason {
        code: Some("ConditionalCheckFailed".to_owned()),
        message: Some("The conditional request failed".to_owned()),
        item,
    }
}

/// The reason of an action on an item that another transaction is writing.
pub fn reason_conflict() -> CancellationReason {
    CancellationReason {
        code: Some("TransactionConflict".to_owned()),
        message: Some("Transaction is ongoing for the item".to_owned()),
        item: None,
    }
}

/// The reason of an action that would take its item collection over the size limit. Code and
/// text as the API Reference lists them for `TransactionCanceledException` (`Code:
/// ItemCollectionSizeLimitExceeded`, `Message: Collection size exceeded.`), without the trailing
/// period as with the other reasons; not confirmed against a live DynamoDB response.
pub fn reason_collection_size_exceeded() -> CancellationReason {
    CancellationReason {
        code: Some("ItemCollectionSizeLimitExceeded".to_owned()),
        message: Some("Collection size exceeded".to_owned()),
        item: None,
    }
}

/// The reason of an action whose result would break a rule (item size, index key type, …).
pub fn reason_validation(message: String) -> CancellationReason {
    CancellationReason {
        code: Some("ValidationError".to_owned()),
        message: Some(message),
        item: None,
    }
}

/// `TransactionCanceledException` with DynamoDB's message listing every reason's code in order:
/// `Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]`.
pub fn transaction_canceled(reasons: Vec<CancellationReason>) -> Error {
    let codes: Vec<&str> = reasons
        .iter()
        .map(|r| r.code.as_deref().unwrap_or("None"))
        .collect();
    Error::TransactionCanceled {
        message: format!(
            "Transaction cancelled, please refer cancellation reasons for specific reasons [{}]",
            codes.join(", ")
        ),
        reasons,
    }
}
