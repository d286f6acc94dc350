//! Global table members (replicas and witnesses) as table descriptions report them and UpdateTable changes them; ddbmock emulates one region, so these only travel on the wire.

use serde::{Deserialize, Serialize};

use super::{
    GlobalSecondaryIndexWarmThroughputDescription, GlobalTableSettingsReplicationMode,
    OnDemandThroughputOverride, ProvisionedThroughputOverride, ReplicaStatus, TableClass,
    TableClassSummary, TableWarmThroughputDescription, WitnessStatus,
};

/// Contains the details of the replica.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ReplicaDescription {
    /// The name of the Region.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region_name: Option<String>,
    /// The current state of the replica.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replica_status: Option<ReplicaStatus>,
    /// The Amazon Resource Name (ARN) of the global table replica.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replica_arn: Option<String>,
    /// Detailed information about the replica status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replica_status_description: Option<String>,
    /// Specifies the progress of a Create, Update, or Delete action on the replica as a percentage.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replica_status_percent_progress: Option<String>,
    /// The KMS key of the replica that will be used for KMS encryption.
    #[serde(rename = "KMSMasterKeyId", skip_serializing_if = "Option::is_none")]
    pub kms_master_key_id: Option<String>,
    /// Replica-specific provisioned throughput.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provisioned_throughput_override: Option<ProvisionedThroughputOverride>,
    /// Overrides the maximum on-demand throughput settings for the specified replica table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_demand_throughput_override: Option<OnDemandThroughputOverride>,
    /// Represents the warm throughput value for this replica.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warm_throughput: Option<TableWarmThroughputDescription>,
    /// Replica-specific global secondary index settings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub global_secondary_indexes: Option<Vec<ReplicaGlobalSecondaryIndexDescription>>,
    /// The time at which the replica was first detected as inaccessible.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replica_inaccessible_date_time: Option<f64>,
    /// Contains details of the table class.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replica_table_class_summary: Option<TableClassSummary>,
    /// Indicates one of the settings synchronization modes for the global table replica.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub global_table_settings_replication_mode: Option<GlobalTableSettingsReplicationMode>,
}

/// Represents the properties of a replica global secondary index.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ReplicaGlobalSecondaryIndexDescription {
    /// The name of the global secondary index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index_name: Option<String>,
    /// If not described, uses the source table GSI's read capacity settings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provisioned_throughput_override: Option<ProvisionedThroughputOverride>,
    /// Overrides the maximum on-demand throughput for the specified global secondary index in the specified replica table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_demand_throughput_override: Option<OnDemandThroughputOverride>,
    /// Represents the warm throughput of the global secondary index for this replica.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warm_throughput: Option<GlobalSecondaryIndexWarmThroughputDescription>,
}

/// Represents one of the following: A new replica to be added to an existing regional table or global table.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ReplicationGroupUpdate {
    /// The parameters required for creating a replica for the table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub create: Option<CreateReplicationGroupMemberAction>,
    /// The parameters required for updating a replica for the table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub update: Option<UpdateReplicationGroupMemberAction>,
    /// The parameters required for deleting a replica for the table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delete: Option<DeleteReplicationGroupMemberAction>,
}

/// Represents a replica to be created.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CreateReplicationGroupMemberAction {
    /// The Region where the new replica will be created.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region_name: Option<String>,
    /// The KMS key that should be used for KMS encryption in the new replica.
    #[serde(rename = "KMSMasterKeyId", skip_serializing_if = "Option::is_none")]
    pub kms_master_key_id: Option<String>,
    /// Replica-specific provisioned throughput.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provisioned_throughput_override: Option<ProvisionedThroughputOverride>,
    /// The maximum on-demand throughput settings for the specified replica table being created.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_demand_throughput_override: Option<OnDemandThroughputOverride>,
    /// Replica-specific global secondary index settings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub global_secondary_indexes: Option<Vec<ReplicaGlobalSecondaryIndex>>,
    /// Replica-specific table class. If not specified, uses the source table's table class.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_class_override: Option<TableClass>,
}

/// Represents a replica to be modified.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UpdateReplicationGroupMemberAction {
    /// The Region where the replica exists.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region_name: Option<String>,
    /// The KMS key of the replica that should be used for KMS encryption.
    #[serde(rename = "KMSMasterKeyId", skip_serializing_if = "Option::is_none")]
    pub kms_master_key_id: Option<String>,
    /// Replica-specific provisioned throughput.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provisioned_throughput_override: Option<ProvisionedThroughputOverride>,
    /// Overrides the maximum on-demand throughput for the replica table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_demand_throughput_override: Option<OnDemandThroughputOverride>,
    /// Replica-specific global secondary index settings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub global_secondary_indexes: Option<Vec<ReplicaGlobalSecondaryIndex>>,
    /// Replica-specific table class. If not specified, uses the source table's table class.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_class_override: Option<TableClass>,
}

/// Represents a replica to be deleted.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DeleteReplicationGroupMemberAction {
    /// The Region where the replica exists.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region_name: Option<String>,
}

/// Represents the properties of a replica global secondary index.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ReplicaGlobalSecondaryIndex {
    /// The name of the global secondary index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index_name: Option<String>,
    /// Replica table GSI-specific provisioned throughput.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provisioned_throughput_override: Option<ProvisionedThroughputOverride>,
    /// Overrides the maximum on-demand throughput settings for the specified global secondary index in the specified replica table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_demand_throughput_override: Option<OnDemandThroughputOverride>,
}

/// Represents the properties of a witness Region in a MRSC global table.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GlobalTableWitnessDescription {
    /// The name of the Amazon Web Services Region that serves as a witness for the MRSC global table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region_name: Option<String>,
    /// The current status of the witness Region in the MRSC global table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub witness_status: Option<WitnessStatus>,
}

/// Represents one of the following: A new witness to be added to a new global table.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GlobalTableWitnessGroupUpdate {
    /// Specifies a witness Region to be added to a new MRSC global table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub create: Option<CreateGlobalTableWitnessGroupMemberAction>,
    /// Specifies a witness Region to be removed from an existing global table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delete: Option<DeleteGlobalTableWitnessGroupMemberAction>,
}

/// Specifies the action to add a new witness Region to a MRSC global table.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CreateGlobalTableWitnessGroupMemberAction {
    /// The Amazon Web Services Region name to be added as a witness Region for the MRSC global table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region_name: Option<String>,
}

/// Specifies the action to remove a witness Region from a MRSC global table.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DeleteGlobalTableWitnessGroupMemberAction {
    /// The witness Region name to be removed from the MRSC global table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region_name: Option<String>,
}
