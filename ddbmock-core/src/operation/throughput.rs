//! Throughput settings: provisioned, on-demand and warm throughput, and the billing mode summary.

use serde::{Deserialize, Serialize};

use super::{BillingMode, IndexStatus, TableStatus};

/// Represents the provisioned throughput settings for the specified global secondary index.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ProvisionedThroughput {
    /// The maximum number of strongly consistent reads consumed per second before DynamoDB returns a ThrottlingException.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub read_capacity_units: Option<i64>,
    /// The maximum number of writes consumed per second before DynamoDB returns a ThrottlingException.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub write_capacity_units: Option<i64>,
}

/// Represents the provisioned throughput settings for the table, consisting of read and write capacity units, along with data about increases and decreases.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ProvisionedThroughputDescription {
    /// The date and time of the last provisioned throughput increase for this table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_increase_date_time: Option<f64>,
    /// The date and time of the last provisioned throughput decrease for this table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_decrease_date_time: Option<f64>,
    /// The number of provisioned throughput decreases for this table during this UTC calendar day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number_of_decreases_today: Option<i64>,
    /// The maximum number of strongly consistent reads consumed per second before DynamoDB returns a ThrottlingException.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub read_capacity_units: Option<i64>,
    /// The maximum number of writes consumed per second before DynamoDB returns a ThrottlingException.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub write_capacity_units: Option<i64>,
}

/// Sets the maximum number of read and write units for the specified on-demand table.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct OnDemandThroughput {
    /// Maximum number of read request units for the specified table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_read_request_units: Option<i64>,
    /// Maximum number of write request units for the specified table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_write_request_units: Option<i64>,
}

/// Provides visibility into the number of read and write operations your table or secondary index can instantaneously support.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct WarmThroughput {
    /// Represents the number of read operations your base table can instantaneously support.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub read_units_per_second: Option<i64>,
    /// Represents the number of write operations your base table can instantaneously support.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub write_units_per_second: Option<i64>,
}

/// Represents the warm throughput value (in read units per second and write units per second) of the table.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct TableWarmThroughputDescription {
    /// Represents the base table's warm throughput value in read units per second.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub read_units_per_second: Option<i64>,
    /// Represents the base table's warm throughput value in write units per second.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub write_units_per_second: Option<i64>,
    /// Represents warm throughput value of the base table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<TableStatus>,
}

/// The description of the warm throughput value on a global secondary index.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GlobalSecondaryIndexWarmThroughputDescription {
    /// Represents warm throughput read units per second value for a global secondary index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub read_units_per_second: Option<i64>,
    /// Represents warm throughput write units per second value for a global secondary index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub write_units_per_second: Option<i64>,
    /// Represents the warm throughput status being created or updated on a global secondary index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<IndexStatus>,
}

/// Contains the details for the read/write capacity mode.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct BillingModeSummary {
    /// Controls how you are charged for read and write throughput and how you manage capacity.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub billing_mode: Option<BillingMode>,
    /// Represents the time when PAY_PER_REQUEST was last set as the read/write capacity mode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_update_to_pay_per_request_date_time: Option<f64>,
}

/// Replica-specific provisioned throughput settings.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ProvisionedThroughputOverride {
    /// Replica-specific read capacity units. If not specified, uses the source table's read capacity settings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub read_capacity_units: Option<i64>,
}

/// Overrides the on-demand throughput settings for this replica table.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct OnDemandThroughputOverride {
    /// Maximum number of read request units for the specified replica table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_read_request_units: Option<i64>,
}
