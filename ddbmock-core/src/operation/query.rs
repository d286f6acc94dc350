//! Query and Scan.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::{Condition, ConditionalOperator, ConsumedCapacity, ReturnConsumedCapacity, Select};
use crate::model::Item;

/// Represents the input of a Query operation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct QueryInput {
    /// The name of the table containing the requested items.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_name: Option<String>,
    /// The name of an index to query. This index can be any local secondary index or global secondary index on the table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index_name: Option<String>,
    /// The attributes to be returned in the result.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub select: Option<Select>,
    /// This is a legacy parameter. Use ProjectionExpression instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attributes_to_get: Option<Vec<String>>,
    /// The maximum number of items to evaluate (not necessarily the number of matching items).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<i32>,
    /// Determines the read consistency model.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consistent_read: Option<bool>,
    /// This is a legacy parameter. Use KeyConditionExpression instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_conditions: Option<HashMap<String, Condition>>,
    /// This is a legacy parameter. Use FilterExpression instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub query_filter: Option<HashMap<String, Condition>>,
    /// This is a legacy parameter. Use FilterExpression instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conditional_operator: Option<ConditionalOperator>,
    /// Specifies the order for index traversal.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scan_index_forward: Option<bool>,
    /// The primary key of the first item that this operation will evaluate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exclusive_start_key: Option<Item>,
    /// Determines the level of detail about either provisioned or on-demand throughput consumption that is returned in the response.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_consumed_capacity: Option<ReturnConsumedCapacity>,
    /// A string that identifies one or more attributes to retrieve from the table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub projection_expression: Option<String>,
    /// A string that contains conditions that DynamoDB applies after the Query operation, but before the data is returned to you.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filter_expression: Option<String>,
    /// The condition that specifies the key values for items to be retrieved by the Query action.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_condition_expression: Option<String>,
    /// One or more substitution tokens for attribute names in an expression.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expression_attribute_names: Option<HashMap<String, String>>,
    /// One or more values that can be substituted in an expression.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expression_attribute_values: Option<Item>,
}

/// Represents the output of a Query operation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct QueryOutput {
    /// An array of item attributes that match the query criteria.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<Item>>,
    /// The number of items in the response. If you used a QueryFilter in the request, then Count is the number of items returned after the filter was applied.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<i32>,
    /// The number of items evaluated, before any QueryFilter is applied.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scanned_count: Option<i32>,
    /// The primary key of the item where the operation stopped, inclusive of the previous result set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_evaluated_key: Option<Item>,
    /// The capacity units consumed by the Query operation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consumed_capacity: Option<ConsumedCapacity>,
}

/// Represents the input of a Scan operation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ScanInput {
    /// The name of the table containing the requested items or if you provide IndexName, the name of the table to which that index belongs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_name: Option<String>,
    /// The name of a secondary index to scan. This index can be any local secondary index or global secondary index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index_name: Option<String>,
    /// This is a legacy parameter. Use ProjectionExpression instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attributes_to_get: Option<Vec<String>>,
    /// The maximum number of items to evaluate (not necessarily the number of matching items).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<i32>,
    /// The attributes to be returned in the result.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub select: Option<Select>,
    /// This is a legacy parameter. Use FilterExpression instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scan_filter: Option<HashMap<String, Condition>>,
    /// This is a legacy parameter. Use FilterExpression instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conditional_operator: Option<ConditionalOperator>,
    /// The primary key of the first item that this operation will evaluate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exclusive_start_key: Option<Item>,
    /// Determines the level of detail about either provisioned or on-demand throughput consumption that is returned in the response.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_consumed_capacity: Option<ReturnConsumedCapacity>,
    /// For a parallel Scan request, TotalSegments represents the total number of segments into which the Scan operation will be divided.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_segments: Option<i32>,
    /// For a parallel Scan request, Segment identifies an individual segment to be scanned by an application worker.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub segment: Option<i32>,
    /// A string that identifies one or more attributes to retrieve from the specified table or index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub projection_expression: Option<String>,
    /// A string that contains conditions that DynamoDB applies after the Scan operation, but before the data is returned to you.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub filter_expression: Option<String>,
    /// One or more substitution tokens for attribute names in an expression.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expression_attribute_names: Option<HashMap<String, String>>,
    /// One or more values that can be substituted in an expression.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expression_attribute_values: Option<Item>,
    /// A Boolean value that determines the read consistency model during the scan.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consistent_read: Option<bool>,
}

/// Represents the output of a Scan operation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ScanOutput {
    /// An array of item attributes that match the scan criteria.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<Item>>,
    /// The number of items in the response. If you set ScanFilter in the request, then Count is the number of items returned after the filter was applied.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub count: Option<i32>,
    /// The number of items evaluated, before any ScanFilter is applied.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scanned_count: Option<i32>,
    /// The primary key of the item where the operation stopped, inclusive of the previous result set.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_evaluated_key: Option<Item>,
    /// The capacity units consumed by the Scan operation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consumed_capacity: Option<ConsumedCapacity>,
}
