//! Global tables version 2017.11.29 (legacy): CreateGlobalTable, DescribeGlobalTable,
//! ListGlobalTables, UpdateGlobalTable, DescribeGlobalTableSettings and
//! UpdateGlobalTableSettings, with the global table's description and its replicas' settings.

use serde::{Deserialize, Serialize};

use super::wire_enum::wire_enum;
use super::{
    AutoScalingSettingsDescription, AutoScalingSettingsUpdate, BillingMode, BillingModeSummary,
    IndexStatus, ReplicaDescription, ReplicaStatus, TableClass, TableClassSummary,
};

wire_enum! {
    /// The state of a global table (version 2017.11.29).
    GlobalTableStatus {
        /// `CREATING`
        Creating => "CREATING",
        /// `ACTIVE`
        Active => "ACTIVE",
        /// `DELETING`
        Deleting => "DELETING",
        /// `UPDATING`
        Updating => "UPDATING",
    }
}

/// `CreateGlobalTableInput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CreateGlobalTableInput {
    /// The global table name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub global_table_name: Option<String>,
    /// The Regions where the global table needs to be created.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replication_group: Option<Vec<Replica>>,
}

/// `CreateGlobalTableOutput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CreateGlobalTableOutput {
    /// Contains the details of the global table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub global_table_description: Option<GlobalTableDescription>,
}

/// `DescribeGlobalTableInput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeGlobalTableInput {
    /// The name of the global table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub global_table_name: Option<String>,
}

/// `DescribeGlobalTableOutput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeGlobalTableOutput {
    /// Contains the details of the global table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub global_table_description: Option<GlobalTableDescription>,
}

/// `ListGlobalTablesInput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListGlobalTablesInput {
    /// The first global table name that this operation will evaluate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exclusive_start_global_table_name: Option<String>,
    /// The maximum number of table names to return, if the parameter is not specified DynamoDB defaults to 100.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<i32>,
    /// Lists the global tables in a specific Region.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region_name: Option<String>,
}

/// `ListGlobalTablesOutput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListGlobalTablesOutput {
    /// List of global table names.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub global_tables: Option<Vec<GlobalTable>>,
    /// Last evaluated global table name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_evaluated_global_table_name: Option<String>,
}

/// `UpdateGlobalTableInput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UpdateGlobalTableInput {
    /// The global table name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub global_table_name: Option<String>,
    /// A list of Regions that should be added or removed from the global table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replica_updates: Option<Vec<ReplicaUpdate>>,
}

/// `UpdateGlobalTableOutput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UpdateGlobalTableOutput {
    /// Contains the details of the global table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub global_table_description: Option<GlobalTableDescription>,
}

/// `DescribeGlobalTableSettingsInput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeGlobalTableSettingsInput {
    /// The name of the global table to describe.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub global_table_name: Option<String>,
}

/// `DescribeGlobalTableSettingsOutput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeGlobalTableSettingsOutput {
    /// The name of the global table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub global_table_name: Option<String>,
    /// The Region-specific settings for the global table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replica_settings: Option<Vec<ReplicaSettingsDescription>>,
}

/// `UpdateGlobalTableSettingsInput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UpdateGlobalTableSettingsInput {
    /// The name of the global table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub global_table_name: Option<String>,
    /// The billing mode of the global table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub global_table_billing_mode: Option<BillingMode>,
    /// The maximum number of writes consumed per second before DynamoDB returns a `ThrottlingException`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub global_table_provisioned_write_capacity_units: Option<i64>,
    /// Auto scaling settings for managing provisioned write capacity for the global table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub global_table_provisioned_write_capacity_auto_scaling_settings_update:
        Option<AutoScalingSettingsUpdate>,
    /// Represents the settings of a global secondary index for a global table that will be modified.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub global_table_global_secondary_index_settings_update:
        Option<Vec<GlobalTableGlobalSecondaryIndexSettingsUpdate>>,
    /// Represents the settings for a global table in a Region that will be modified.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replica_settings_update: Option<Vec<ReplicaSettingsUpdate>>,
}

/// `UpdateGlobalTableSettingsOutput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UpdateGlobalTableSettingsOutput {
    /// The name of the global table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub global_table_name: Option<String>,
    /// The Region-specific settings for the global table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replica_settings: Option<Vec<ReplicaSettingsDescription>>,
}

/// Represents the properties of a global table.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GlobalTable {
    /// The global table name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub global_table_name: Option<String>,
    /// The Regions where the global table has replicas.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replication_group: Option<Vec<Replica>>,
}

/// Contains details about the global table.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GlobalTableDescription {
    /// The Regions where the global table has replicas.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replication_group: Option<Vec<ReplicaDescription>>,
    /// The unique identifier of the global table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub global_table_arn: Option<String>,
    /// The creation time of the global table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub creation_date_time: Option<f64>,
    /// The current state of the global table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub global_table_status: Option<GlobalTableStatus>,
    /// The global table name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub global_table_name: Option<String>,
}

/// Represents the properties of a replica.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Replica {
    /// The Region where the replica needs to be created.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region_name: Option<String>,
}

/// Represents one of the following: a new replica to be added to an existing global table, or an
/// existing replica to be removed from an existing global table.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ReplicaUpdate {
    /// The parameters required for creating a replica on an existing global table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub create: Option<CreateReplicaAction>,
    /// The name of the existing replica to be removed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delete: Option<DeleteReplicaAction>,
}

/// Represents a replica to be added.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CreateReplicaAction {
    /// The Region of the replica to be added.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region_name: Option<String>,
}

/// Represents a replica to be removed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DeleteReplicaAction {
    /// The Region of the replica to be removed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region_name: Option<String>,
}

/// Represents the properties of a replica.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ReplicaSettingsDescription {
    /// The Region name of the replica.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region_name: Option<String>,
    /// The current state of the Region.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replica_status: Option<ReplicaStatus>,
    /// The read/write capacity mode of the replica.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replica_billing_mode_summary: Option<BillingModeSummary>,
    /// The maximum number of strongly consistent reads consumed per second before DynamoDB returns a `ThrottlingException`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replica_provisioned_read_capacity_units: Option<i64>,
    /// Auto scaling settings for a global table replica's read capacity units.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replica_provisioned_read_capacity_auto_scaling_settings:
        Option<AutoScalingSettingsDescription>,
    /// The maximum number of writes consumed per second before DynamoDB returns a `ThrottlingException`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replica_provisioned_write_capacity_units: Option<i64>,
    /// Auto scaling settings for a global table replica's write capacity units.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replica_provisioned_write_capacity_auto_scaling_settings:
        Option<AutoScalingSettingsDescription>,
    /// Replica global secondary index settings for the global table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replica_global_secondary_index_settings:
        Option<Vec<ReplicaGlobalSecondaryIndexSettingsDescription>>,
    /// Contains details of the table class.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replica_table_class_summary: Option<TableClassSummary>,
}

/// Represents the properties of a global secondary index of a replica.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ReplicaGlobalSecondaryIndexSettingsDescription {
    /// The name of the global secondary index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index_name: Option<String>,
    /// The current status of the global secondary index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index_status: Option<IndexStatus>,
    /// The maximum number of strongly consistent reads consumed per second before DynamoDB returns a `ThrottlingException`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provisioned_read_capacity_units: Option<i64>,
    /// Auto scaling settings for a global secondary index replica's read capacity units.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provisioned_read_capacity_auto_scaling_settings: Option<AutoScalingSettingsDescription>,
    /// The maximum number of writes consumed per second before DynamoDB returns a `ThrottlingException`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provisioned_write_capacity_units: Option<i64>,
    /// Auto scaling settings for a global secondary index replica's write capacity units.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provisioned_write_capacity_auto_scaling_settings: Option<AutoScalingSettingsDescription>,
}

/// Represents the settings of a global secondary index for a global table that will be modified.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GlobalTableGlobalSecondaryIndexSettingsUpdate {
    /// The name of the global secondary index. The name must be unique among all other indexes on this table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index_name: Option<String>,
    /// The maximum number of writes consumed per second before DynamoDB returns a `ThrottlingException`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provisioned_write_capacity_units: Option<i64>,
    /// Auto scaling settings for managing a global secondary index's write capacity units.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provisioned_write_capacity_auto_scaling_settings_update: Option<AutoScalingSettingsUpdate>,
}

/// Represents the settings for a global table in a Region that will be modified.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ReplicaSettingsUpdate {
    /// The Region of the replica to be added.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region_name: Option<String>,
    /// The maximum number of strongly consistent reads consumed per second before DynamoDB returns a `ThrottlingException`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replica_provisioned_read_capacity_units: Option<i64>,
    /// Auto scaling settings for managing a global table replica's read capacity units.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replica_provisioned_read_capacity_auto_scaling_settings_update:
        Option<AutoScalingSettingsUpdate>,
    /// Represents the settings of a global secondary index for a global table that will be modified.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replica_global_secondary_index_settings_update:
        Option<Vec<ReplicaGlobalSecondaryIndexSettingsUpdate>>,
    /// Replica-specific table class. If not specified, uses the source table's table class.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replica_table_class: Option<TableClass>,
}

/// Represents the properties of a global secondary index of a replica that will be modified.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ReplicaGlobalSecondaryIndexSettingsUpdate {
    /// The name of the global secondary index. The name must be unique among all other indexes on this table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index_name: Option<String>,
    /// The maximum number of strongly consistent reads consumed per second before DynamoDB returns a `ThrottlingException`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provisioned_read_capacity_units: Option<i64>,
    /// Auto scaling settings for managing a global secondary index replica's read capacity units.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provisioned_read_capacity_auto_scaling_settings_update: Option<AutoScalingSettingsUpdate>,
}
