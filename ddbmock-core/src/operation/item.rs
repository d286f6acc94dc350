//! Single-item operations: PutItem, GetItem, UpdateItem, DeleteItem.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::{
    AttributeValueUpdate, ConditionalOperator, ConsumedCapacity, ExpectedAttributeValue,
    ItemCollectionMetrics, ReturnConsumedCapacity, ReturnItemCollectionMetrics, ReturnValue,
    ReturnValuesOnConditionCheckFailure,
};
use crate::model::Item;

/// Represents the input of a PutItem operation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct PutItemInput {
    /// The name of the table to contain the item.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_name: Option<String>,
    /// A map of attribute name/value pairs, one for each attribute.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<Item>,
    /// This is a legacy parameter. Use ConditionExpression instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<HashMap<String, ExpectedAttributeValue>>,
    /// Use ReturnValues if you want to get the item attributes as they appeared before they were updated with the PutItem request.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_values: Option<ReturnValue>,
    /// Determines the level of detail about either provisioned or on-demand throughput consumption that is returned in the response.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_consumed_capacity: Option<ReturnConsumedCapacity>,
    /// Determines whether item collection metrics are returned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_item_collection_metrics: Option<ReturnItemCollectionMetrics>,
    /// This is a legacy parameter. Use ConditionExpression instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conditional_operator: Option<ConditionalOperator>,
    /// A condition that must be satisfied in order for a conditional PutItem operation to succeed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub condition_expression: Option<String>,
    /// One or more substitution tokens for attribute names in an expression.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expression_attribute_names: Option<HashMap<String, String>>,
    /// One or more values that can be substituted in an expression.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expression_attribute_values: Option<Item>,
    /// An optional parameter that returns the item attributes for a PutItem operation that failed a condition check.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_values_on_condition_check_failure: Option<ReturnValuesOnConditionCheckFailure>,
}

/// Represents the output of a PutItem operation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct PutItemOutput {
    /// The attribute values as they appeared before the PutItem operation, but only if ReturnValues is specified as ALL_OLD in the request.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attributes: Option<Item>,
    /// The capacity units consumed by the PutItem operation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consumed_capacity: Option<ConsumedCapacity>,
    /// Information about item collections, if any, that were affected by the PutItem operation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item_collection_metrics: Option<ItemCollectionMetrics>,
}

/// Represents the input of a GetItem operation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetItemInput {
    /// The name of the table containing the requested item.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_name: Option<String>,
    /// A map of attribute names to AttributeValue objects, representing the primary key of the item to retrieve.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<Item>,
    /// This is a legacy parameter. Use ProjectionExpression instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attributes_to_get: Option<Vec<String>>,
    /// Determines the read consistency model.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consistent_read: Option<bool>,
    /// Determines the level of detail about either provisioned or on-demand throughput consumption that is returned in the response.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_consumed_capacity: Option<ReturnConsumedCapacity>,
    /// A string that identifies one or more attributes to retrieve from the table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub projection_expression: Option<String>,
    /// One or more substitution tokens for attribute names in an expression.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expression_attribute_names: Option<HashMap<String, String>>,
}

/// Represents the output of a GetItem operation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetItemOutput {
    /// A map of attribute names to AttributeValue objects, as specified by ProjectionExpression.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<Item>,
    /// The capacity units consumed by the GetItem operation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consumed_capacity: Option<ConsumedCapacity>,
}

/// Represents the input of an UpdateItem operation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UpdateItemInput {
    /// The name of the table containing the item to update.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_name: Option<String>,
    /// The primary key of the item to be updated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<Item>,
    /// This is a legacy parameter. Use UpdateExpression instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribute_updates: Option<HashMap<String, AttributeValueUpdate>>,
    /// This is a legacy parameter. Use ConditionExpression instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<HashMap<String, ExpectedAttributeValue>>,
    /// This is a legacy parameter. Use ConditionExpression instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conditional_operator: Option<ConditionalOperator>,
    /// Use ReturnValues if you want to get the item attributes as they appear before or after they are successfully updated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_values: Option<ReturnValue>,
    /// Determines the level of detail about either provisioned or on-demand throughput consumption that is returned in the response.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_consumed_capacity: Option<ReturnConsumedCapacity>,
    /// Determines whether item collection metrics are returned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_item_collection_metrics: Option<ReturnItemCollectionMetrics>,
    /// An expression that defines one or more attributes to be updated, the action to be performed on them, and new values for them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub update_expression: Option<String>,
    /// A condition that must be satisfied in order for a conditional update to succeed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub condition_expression: Option<String>,
    /// One or more substitution tokens for attribute names in an expression.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expression_attribute_names: Option<HashMap<String, String>>,
    /// One or more values that can be substituted in an expression.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expression_attribute_values: Option<Item>,
    /// An optional parameter that returns the item attributes for an UpdateItem operation that failed a condition check.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_values_on_condition_check_failure: Option<ReturnValuesOnConditionCheckFailure>,
}

/// Represents the output of an UpdateItem operation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UpdateItemOutput {
    /// A map of attribute values as they appear before or after the UpdateItem operation, as determined by the ReturnValues parameter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attributes: Option<Item>,
    /// The capacity units consumed by the UpdateItem operation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consumed_capacity: Option<ConsumedCapacity>,
    /// Information about item collections, if any, that were affected by the UpdateItem operation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item_collection_metrics: Option<ItemCollectionMetrics>,
}

/// Represents the input of a DeleteItem operation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DeleteItemInput {
    /// The name of the table from which to delete the item.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_name: Option<String>,
    /// A map of attribute names to AttributeValue objects, representing the primary key of the item to delete.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<Item>,
    /// This is a legacy parameter. Use ConditionExpression instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<HashMap<String, ExpectedAttributeValue>>,
    /// This is a legacy parameter. Use ConditionExpression instead.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conditional_operator: Option<ConditionalOperator>,
    /// Use ReturnValues if you want to get the item attributes as they appeared before they were deleted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_values: Option<ReturnValue>,
    /// Determines the level of detail about either provisioned or on-demand throughput consumption that is returned in the response.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_consumed_capacity: Option<ReturnConsumedCapacity>,
    /// Determines whether item collection metrics are returned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_item_collection_metrics: Option<ReturnItemCollectionMetrics>,
    /// A condition that must be satisfied in order for a conditional DeleteItem to succeed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub condition_expression: Option<String>,
    /// One or more substitution tokens for attribute names in an expression.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expression_attribute_names: Option<HashMap<String, String>>,
    /// One or more values that can be substituted in an expression.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expression_attribute_values: Option<Item>,
    /// An optional parameter that returns the item attributes for a DeleteItem operation that failed a condition check.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_values_on_condition_check_failure: Option<ReturnValuesOnConditionCheckFailure>,
}

/// Represents the output of a DeleteItem operation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DeleteItemOutput {
    /// A map of attribute names to AttributeValue objects, representing the item as it appeared before the DeleteItem operation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attributes: Option<Item>,
    /// The capacity units consumed by the DeleteItem operation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consumed_capacity: Option<ConsumedCapacity>,
    /// Information about item collections, if any, that were affected by the DeleteItem operation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item_collection_metrics: Option<ItemCollectionMetrics>,
}
