//! BatchGetItem and BatchWriteItem.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::{
    ConsumedCapacity, ItemCollectionMetrics, ReturnConsumedCapacity, ReturnItemCollectionMetrics,
};
use crate::model::Item;

/// Represents the input of a BatchGetItem operation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct BatchGetItemInput {
    /// A map of one or more table names or table ARNs and, for each table, a map that describes one or more items to retrieve from that table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_items: Option<HashMap<String, KeysAndAttributes>>,
    /// Determines the level of detail about either provisioned or on-demand throughput consumption that is returned in the response.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_consumed_capacity: Option<ReturnConsumedCapacity>,
}

/// Represents the output of a BatchGetItem operation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct BatchGetItemOutput {
    /// A map of table name or table ARN to a list of items.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub responses: Option<HashMap<String, Vec<Item>>>,
    /// A map of tables and their respective keys that were not processed with the current response.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unprocessed_keys: Option<HashMap<String, KeysAndAttributes>>,
    /// The read capacity units consumed by the entire BatchGetItem operation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consumed_capacity: Option<Vec<ConsumedCapacity>>,
}

/// Represents a set of primary keys and, for each key, the attributes to retrieve from the table.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct KeysAndAttributes {
    /// The primary key attribute values that define the items and the attributes associated with the items.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub keys: Option<Vec<Item>>,
    /// This is a legacy parameter. Use ProjectionExpression instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attributes_to_get: Option<Vec<String>>,
    /// The consistency of a read operation. If set to true, then a strongly consistent read is used; otherwise, an eventually consistent read is used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consistent_read: Option<bool>,
    /// A string that identifies one or more attributes to retrieve from the table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub projection_expression: Option<String>,
    /// One or more substitution tokens for attribute names in an expression.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expression_attribute_names: Option<HashMap<String, String>>,
}

/// Represents the input of a BatchWriteItem operation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct BatchWriteItemInput {
    /// A map of one or more table names or table ARNs and, for each table, a list of operations to be performed (DeleteRequest or PutRequest).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request_items: Option<HashMap<String, Vec<WriteRequest>>>,
    /// Determines the level of detail about either provisioned or on-demand throughput consumption that is returned in the response.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_consumed_capacity: Option<ReturnConsumedCapacity>,
    /// Determines whether item collection metrics are returned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_item_collection_metrics: Option<ReturnItemCollectionMetrics>,
}

/// Represents the output of a BatchWriteItem operation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct BatchWriteItemOutput {
    /// A map of tables and requests against those tables that were not processed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unprocessed_items: Option<HashMap<String, Vec<WriteRequest>>>,
    /// A list of tables that were processed by BatchWriteItem and, for each table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item_collection_metrics: Option<HashMap<String, Vec<ItemCollectionMetrics>>>,
    /// The capacity units consumed by the entire BatchWriteItem operation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consumed_capacity: Option<Vec<ConsumedCapacity>>,
}

/// Represents an operation to perform - either DeleteItem or PutItem.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct WriteRequest {
    /// A request to perform a PutItem operation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub put_request: Option<PutRequest>,
    /// A request to perform a DeleteItem operation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delete_request: Option<DeleteRequest>,
}

/// Represents a request to perform a PutItem operation on an item.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct PutRequest {
    /// A map of attribute name to attribute values, representing the primary key of an item to be processed by PutItem.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<Item>,
}

/// Represents a request to perform a DeleteItem operation on an item.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DeleteRequest {
    /// A map of attribute name to attribute values, representing the primary key of the item to delete.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<Item>,
}
