//! ExecuteStatement: one PartiQL statement.

use serde::{Deserialize, Serialize};

use super::{ConsumedCapacity, ReturnConsumedCapacity, ReturnValuesOnConditionCheckFailure};
use crate::model::{AttributeValue, Item};

/// Represents the input of an ExecuteStatement operation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ExecuteStatementInput {
    /// The PartiQL statement representing the operation to run.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub statement: Option<String>,
    /// The parameters for the PartiQL statement, if any: one per `?`, in order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parameters: Option<Vec<AttributeValue>>,
    /// The consistency of a read operation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consistent_read: Option<bool>,
    /// Set this value to get remaining results, if `NextToken` was returned in the statement response.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    /// Determines the level of detail about either provisioned or on-demand throughput consumption that is returned in the response.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_consumed_capacity: Option<ReturnConsumedCapacity>,
    /// The maximum number of items to evaluate (not necessarily the number of matching items).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<i32>,
    /// An optional parameter that returns the item attributes for an ExecuteStatement operation that failed a condition check.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_values_on_condition_check_failure: Option<ReturnValuesOnConditionCheckFailure>,
}

/// Represents the output of an ExecuteStatement operation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ExecuteStatementOutput {
    /// If a read operation was used, this property will contain the result of the read operation; a
    /// write returns no items, or the item its `RETURNING` clause asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<Item>>,
    /// If the response of a read request exceeds the response payload limit, DynamoDB sets this value in the response.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    /// The capacity units consumed by an entire operation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consumed_capacity: Option<ConsumedCapacity>,
    /// The primary key of the item where the operation stopped, inclusive of the previous result set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_evaluated_key: Option<Item>,
}
