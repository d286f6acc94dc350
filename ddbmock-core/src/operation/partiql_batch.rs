//! BatchExecuteStatement and ExecuteTransaction: several PartiQL statements in one request, as a
//! batch (each statement on its own, its error in its own response) or as a transaction (all or
//! nothing).

use serde::{Deserialize, Serialize};

use super::wire_enum::wire_enum;
use super::{
    ConsumedCapacity, ItemResponse, ReturnConsumedCapacity, ReturnValuesOnConditionCheckFailure,
};
use crate::model::{AttributeValue, Item};

/// Represents the input of a BatchExecuteStatement operation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct BatchExecuteStatementInput {
    /// The list of PartiQL statements representing the batch to run: all reads or all writes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub statements: Option<Vec<BatchStatementRequest>>,
    /// Determines the level of detail about either provisioned or on-demand throughput consumption that is returned in the response.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_consumed_capacity: Option<ReturnConsumedCapacity>,
}

/// A PartiQL batch statement request.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct BatchStatementRequest {
    /// A valid PartiQL statement.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub statement: Option<String>,
    /// The parameters associated with a PartiQL statement in the batch request.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parameters: Option<Vec<AttributeValue>>,
    /// The read consistency of the PartiQL batch request.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consistent_read: Option<bool>,
    /// An optional parameter that returns the item attributes for a PartiQL batch request operation that failed a condition check.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_values_on_condition_check_failure: Option<ReturnValuesOnConditionCheckFailure>,
}

/// Represents the output of a BatchExecuteStatement operation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct BatchExecuteStatementOutput {
    /// The response to each PartiQL statement in the batch, in the order of the statements.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub responses: Option<Vec<BatchStatementResponse>>,
    /// The capacity units consumed by the entire operation, one entry per table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consumed_capacity: Option<Vec<ConsumedCapacity>>,
}

/// A PartiQL batch statement response.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct BatchStatementResponse {
    /// The error associated with a failed PartiQL batch statement.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<BatchStatementError>,
    /// The table name associated with the PartiQL batch statement.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_name: Option<String>,
    /// A DynamoDB item associated with a BatchStatementResponse.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<Item>,
}

/// An error associated with a statement in a PartiQL batch that was run.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct BatchStatementError {
    /// The error code associated with the failed PartiQL batch statement.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<BatchStatementErrorCode>,
    /// The error message associated with the PartiQL batch response.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// The item which caused the condition check to fail, when `ReturnValuesOnConditionCheckFailure` is `ALL_OLD`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<Item>,
}

wire_enum! {
    /// The code of a failed statement of a batch (`BatchStatementErrorCodeEnum`).
    BatchStatementErrorCode {
        /// `ConditionalCheckFailed`
        ConditionalCheckFailed => "ConditionalCheckFailed",
        /// `ItemCollectionSizeLimitExceeded`
        ItemCollectionSizeLimitExceeded => "ItemCollectionSizeLimitExceeded",
        /// `RequestLimitExceeded`
        RequestLimitExceeded => "RequestLimitExceeded",
        /// `ValidationError`
        ValidationError => "ValidationError",
        /// `ProvisionedThroughputExceeded`
        ProvisionedThroughputExceeded => "ProvisionedThroughputExceeded",
        /// `TransactionConflict`
        TransactionConflict => "TransactionConflict",
        /// `ThrottlingError`
        ThrottlingError => "ThrottlingError",
        /// `InternalServerError`
        InternalServerError => "InternalServerError",
        /// `ResourceNotFound`
        ResourceNotFound => "ResourceNotFound",
        /// `AccessDenied`
        AccessDenied => "AccessDenied",
        /// `DuplicateItem`
        DuplicateItem => "DuplicateItem",
    }
}

/// Represents the input of an ExecuteTransaction operation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ExecuteTransactionInput {
    /// The list of PartiQL statements representing the transaction to run: all reads, or all
    /// writes and `EXISTS` checks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transact_statements: Option<Vec<ParameterizedStatement>>,
    /// Makes the call idempotent: a repeat with the same token and statements within ten minutes
    /// returns the first call's answer without writing again.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_request_token: Option<String>,
    /// Determines the level of detail about either provisioned or on-demand throughput consumption that is returned in the response.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_consumed_capacity: Option<ReturnConsumedCapacity>,
}

/// Represents a PartiQL statement that uses parameters.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ParameterizedStatement {
    /// A PartiQL statement that uses parameters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub statement: Option<String>,
    /// The parameter values.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parameters: Option<Vec<AttributeValue>>,
    /// An optional parameter that returns the item attributes for a PartiQL ParameterizedStatement operation that failed a condition check.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_values_on_condition_check_failure: Option<ReturnValuesOnConditionCheckFailure>,
}

/// Represents the output of an ExecuteTransaction operation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ExecuteTransactionOutput {
    /// The response to a PartiQL transaction: one item response per SELECT of a read transaction.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub responses: Option<Vec<ItemResponse>>,
    /// The capacity units consumed by the entire operation, one entry per table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consumed_capacity: Option<Vec<ConsumedCapacity>>,
}
