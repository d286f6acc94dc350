//! Messages of BatchExecuteStatement and ExecuteTransaction: a batch or transaction mixing reads and
//! writes, statements those operations do not take, and the wrapping of a statement's error in a
//! transaction.
//!
//! Sources: the API Reference gives the operations' constraints (1 to 25 statements in a batch, 1
//! to 100 in a transaction, statements of 1 to 8192 characters, tokens of 1 to 36) and the codes
//! of `BatchStatementError`, but quotes no text. The texts here are those of DynamoDB Local's
//! PartiQL functions (AWS's own emulator), which emulators tested against DynamoDB report word for
//! word; where no second source agrees, the function says *unconfirmed*.

use super::validation;
use crate::error::{CancellationReason, Error};

/// A batch holding both SELECT statements and writes.
pub fn mixed_batch() -> Error {
    validation("Read and write requests together in the same batch is not supported.")
}

/// A transaction holding both SELECT statements and writes (or `EXISTS` checks).
pub fn mixed_transaction() -> Error {
    validation(
        "ExecuteTransaction API does not support both read and write operations in the same request.",
    )
}

/// A SELECT of a batch whose WHERE clause is not exactly one equality per key attribute, or
/// which reads an index. *Unconfirmed* for the index case: DynamoDB Local reads the table there.
pub fn only_single_item_select() -> Error {
    validation("Only single item select is supported")
}

/// A statement of a transaction that fails a check before the transaction runs: `index` counts
/// from 0, `cause` is the statement's own error.
pub fn in_transaction(index: usize, cause: &Error) -> Error {
    validation(format!(
        "Validation failed in TransactStatements[{index}]: {}",
        cause.message()
    ))
}

/// A RETURNING clause on a statement of a transaction (wrapped by [`in_transaction`]).
pub fn returning_in_transaction() -> Error {
    validation("RETURNING clause is not supported in ExecuteTransaction.")
}

/// A SELECT of a transaction on an index (wrapped by [`in_transaction`]). *Unconfirmed*: DynamoDB
/// Local's text only.
pub fn index_read_in_transaction() -> Error {
    validation("Reads on indices are not supported within transactions.")
}

/// A SELECT of a transaction whose WHERE clause is not exactly the primary key (wrapped by
/// [`in_transaction`]). *Unconfirmed*: DynamoDB Local's text only.
pub fn select_without_key_in_transaction() -> Error {
    validation(
        "Select statements within ExecuteTransaction must specify the primary key in the where clause.",
    )
}

/// The cancellation reason of a transaction's INSERT of a key that exists: DynamoDB Local reports
/// `DuplicateItemException`'s text as a `ValidationError` reason. *Unconfirmed* against DynamoDB.
pub fn reason_duplicate_item() -> CancellationReason {
    CancellationReason {
        code: Some("ValidationError".to_owned()),
        message: Some("Duplicate primary key exists in table".to_owned()),
        item: None,
    }
}

/// A list member of `count` statements quoted as DynamoDB's Java model prints it in a constraint
/// message (`'[com.amazonaws.dynamodb.v20120810.BatchStatementRequest@1a2b3c, …]'`); Java prints
/// each member's identity hash, which no client can predict, so ddbmock numbers them.
pub fn quoted_statements(shape: &str, count: usize) -> String {
    let members: Vec<String> = (0..count)
        .map(|i| {
            format!(
                "com.amazonaws.dynamodb.v20120810.{shape}@{:x}",
                0x1000_0000 + i
            )
        })
        .collect();
    format!("'[{}]'", members.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transaction_errors_name_the_statement() {
        assert_eq!(
            in_transaction(2, &returning_in_transaction()).message(),
            "Validation failed in TransactStatements[2]: RETURNING clause is not supported in ExecuteTransaction."
        );
    }

    #[test]
    fn lists_are_quoted_as_java_prints_them() {
        assert_eq!(
            quoted_statements("ParameterizedStatement", 2),
            "'[com.amazonaws.dynamodb.v20120810.ParameterizedStatement@10000000, com.amazonaws.dynamodb.v20120810.ParameterizedStatement@10000001]'"
        );
    }
}
