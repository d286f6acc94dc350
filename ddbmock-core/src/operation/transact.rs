//! TransactGetItems and TransactWriteItems.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::{
    ConsumedCapacity, ItemCollectionMetrics, ReturnConsumedCapacity, ReturnItemCollectionMetrics,
    ReturnValuesOnConditionCheckFailure,
};
use crate::model::Item;

/// `TransactGetItemsInput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct TransactGetItemsInput {
    /// An ordered array of up to 100 TransactGetItem objects, each of which contains a Get structure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transact_items: Option<Vec<TransactGetItem>>,
    /// A value of TOTAL causes consumed capacity information to be returned, and a value of NONE prevents that information from being returned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_consumed_capacity: Option<ReturnConsumedCapacity>,
}

/// `TransactGetItemsOutput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct TransactGetItemsOutput {
    /// If the ReturnConsumedCapacity value was TOTAL, this is an array of ConsumedCapacity objects.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consumed_capacity: Option<Vec<ConsumedCapacity>>,
    /// An ordered array of up to 100 ItemResponse objects, each of which corresponds to the TransactGetItem object in the same position in the TransactItems array.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub responses: Option<Vec<ItemResponse>>,
}

/// Specifies an item to be retrieved as part of the transaction.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct TransactGetItem {
    /// Contains the primary key that identifies the item to get, together with the name of the table that contains the item.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub get: Option<Get>,
}

/// Specifies an item and related attribute values to retrieve in a TransactGetItem object.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Get {
    /// A map of attribute names to AttributeValue objects that specifies the primary key of the item to retrieve.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<Item>,
    /// The name of the table from which to retrieve the specified item.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_name: Option<String>,
    /// A string that identifies one or more attributes of the specified item to retrieve from the table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub projection_expression: Option<String>,
    /// One or more substitution tokens for attribute names in the ProjectionExpression parameter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expression_attribute_names: Option<HashMap<String, String>>,
}

/// Details for the requested item.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ItemResponse {
    /// Map of attribute data consisting of the data type and attribute value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<Item>,
}

/// `TransactWriteItemsInput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct TransactWriteItemsInput {
    /// An ordered array of up to 100 TransactWriteItem objects, each of which contains a ConditionCheck, Put, Update, or Delete object.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transact_items: Option<Vec<TransactWriteItem>>,
    /// Determines the level of detail about either provisioned or on-demand throughput consumption that is returned in the response.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_consumed_capacity: Option<ReturnConsumedCapacity>,
    /// Determines whether item collection metrics are returned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_item_collection_metrics: Option<ReturnItemCollectionMetrics>,
    /// Providing a ClientRequestToken makes the call to TransactWriteItems idempotent, meaning that multiple identical calls have the same effect as one single call.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_request_token: Option<String>,
}

/// `TransactWriteItemsOutput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct TransactWriteItemsOutput {
    /// The capacity units consumed by the entire TransactWriteItems operation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub consumed_capacity: Option<Vec<ConsumedCapacity>>,
    /// A list of tables that were processed by TransactWriteItems and, for each table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item_collection_metrics: Option<HashMap<String, Vec<ItemCollectionMetrics>>>,
}

/// A list of requests that can perform update, put, delete, or check operations on multiple items in one or more tables atomically.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct TransactWriteItem {
    /// A request to perform a check item operation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub condition_check: Option<ConditionCheck>,
    /// A request to perform a PutItem operation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub put: Option<Put>,
    /// A request to perform a DeleteItem operation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delete: Option<Delete>,
    /// A request to perform an UpdateItem operation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub update: Option<Update>,
}

/// Represents a request to perform a check that an item exists or to check the condition of specific attributes of the item.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ConditionCheck {
    /// The primary key of the item to be checked.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<Item>,
    /// Name of the table for the check item request.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_name: Option<String>,
    /// A condition that must be satisfied in order for a conditional update to succeed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub condition_expression: Option<String>,
    /// One or more substitution tokens for attribute names in an expression.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expression_attribute_names: Option<HashMap<String, String>>,
    /// One or more values that can be substituted in an expression.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expression_attribute_values: Option<Item>,
    /// Use ReturnValuesOnConditionCheckFailure to get the item attributes if the ConditionCheck condition fails.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_values_on_condition_check_failure: Option<ReturnValuesOnConditionCheckFailure>,
}

/// Represents a request to perform a PutItem operation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Put {
    /// A map of attribute name to attribute values, representing the primary key of the item to be written by PutItem.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<Item>,
    /// Name of the table in which to write the item.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_name: Option<String>,
    /// A condition that must be satisfied in order for a conditional update to succeed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub condition_expression: Option<String>,
    /// One or more substitution tokens for attribute names in an expression.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expression_attribute_names: Option<HashMap<String, String>>,
    /// One or more values that can be substituted in an expression.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expression_attribute_values: Option<Item>,
    /// Use ReturnValuesOnConditionCheckFailure to get the item attributes if the Put condition fails.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_values_on_condition_check_failure: Option<ReturnValuesOnConditionCheckFailure>,
}

/// Represents a request to perform an UpdateItem operation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Update {
    /// The primary key of the item to be updated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<Item>,
    /// An expression that defines one or more attributes to be updated, the action to be performed on them, and new value(s) for them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub update_expression: Option<String>,
    /// Name of the table for the UpdateItem request.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_name: Option<String>,
    /// A condition that must be satisfied in order for a conditional update to succeed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub condition_expression: Option<String>,
    /// One or more substitution tokens for attribute names in an expression.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expression_attribute_names: Option<HashMap<String, String>>,
    /// One or more values that can be substituted in an expression.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expression_attribute_values: Option<Item>,
    /// Use ReturnValuesOnConditionCheckFailure to get the item attributes if the Update condition fails.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_values_on_condition_check_failure: Option<ReturnValuesOnConditionCheckFailure>,
}

/// Represents a request to perform a DeleteItem operation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Delete {
    /// The primary key of the item to be deleted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<Item>,
    /// Name of the table in which the item to be deleted resides.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_name: Option<String>,
    /// A condition that must be satisfied in order for a conditional delete to succeed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub condition_expression: Option<String>,
    /// One or more substitution tokens for attribute names in an expression.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expression_attribute_names: Option<HashMap<String, String>>,
    /// One or more values that can be substituted in an expression.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expression_attribute_values: Option<Item>,
    /// Use ReturnValuesOnConditionCheckFailure to get the item attributes if the Delete condition fails.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub return_values_on_condition_check_failure: Option<ReturnValuesOnConditionCheckFailure>,
}
