//! Time to live: UpdateTimeToLive and DescribeTimeToLive.

use serde::{Deserialize, Serialize};

use super::TimeToLiveStatus;

/// Represents the input of an UpdateTimeToLive operation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UpdateTimeToLiveInput {
    /// The name of the table to be configured. You can also provide the Amazon Resource Name (ARN) of the table in this parameter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_name: Option<String>,
    /// Represents the settings used to enable or disable Time to Live for the specified table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_to_live_specification: Option<TimeToLiveSpecification>,
}

/// `UpdateTimeToLiveOutput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UpdateTimeToLiveOutput {
    /// Represents the output of an UpdateTimeToLive operation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_to_live_specification: Option<TimeToLiveSpecification>,
}

/// `DescribeTimeToLiveInput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeTimeToLiveInput {
    /// The name of the table to be described. You can also provide the Amazon Resource Name (ARN) of the table in this parameter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_name: Option<String>,
}

/// `DescribeTimeToLiveOutput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeTimeToLiveOutput {
    /// The description of the Time to Live (TTL) status on the specified table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_to_live_description: Option<TimeToLiveDescription>,
}

/// Represents the settings used to enable or disable Time to Live (TTL) for the specified table.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct TimeToLiveSpecification {
    /// Indicates whether TTL is to be enabled (true) or disabled (false) on the table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// The name of the TTL attribute used to store the expiration time for items in the table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribute_name: Option<String>,
}

/// The description of the Time to Live (TTL) status on the specified table.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct TimeToLiveDescription {
    /// The TTL status for the table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_to_live_status: Option<TimeToLiveStatus>,
    /// The name of the TTL attribute for items in the table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribute_name: Option<String>,
}
