//! The legacy conditional parameters (`Expected`, `AttributeUpdates`, `KeyConditions`, `QueryFilter`, `ScanFilter`), superseded by expressions but still accepted by DynamoDB.

use serde::{Deserialize, Serialize};

use super::{AttributeAction, ComparisonOperator};
use crate::model::AttributeValue;

/// Represents a condition to be compared with an attribute value.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ExpectedAttributeValue {
    /// Represents the data for the expected attribute.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<AttributeValue>,
    /// Causes DynamoDB to evaluate the value before attempting a conditional operation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exists: Option<bool>,
    /// A comparator for evaluating attributes in the AttributeValueList.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comparison_operator: Option<ComparisonOperator>,
    /// One or more values to evaluate against the supplied attribute.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribute_value_list: Option<Vec<AttributeValue>>,
}

/// For the UpdateItem operation, represents the attributes to be modified, the action to perform on each, and the new value for each.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AttributeValueUpdate {
    /// Represents the data for an attribute. Each attribute value is described as a name-value pair.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<AttributeValue>,
    /// Specifies how to perform the update. Valid values are PUT (default), DELETE, and ADD.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<AttributeAction>,
}

/// Represents the selection criteria for a Query or Scan operation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Condition {
    /// One or more values to evaluate against the supplied attribute.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribute_value_list: Option<Vec<AttributeValue>>,
    /// A comparator for evaluating attributes. For example, equals, greater than, less than, etc.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comparison_operator: Option<ComparisonOperator>,
}
