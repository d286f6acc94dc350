//! Replica auto scaling: DescribeTableReplicaAutoScaling and UpdateTableReplicaAutoScaling.

use serde::{Deserialize, Serialize};

use super::{IndexStatus, ReplicaStatus, TableStatus};

/// `DescribeTableReplicaAutoScalingInput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeTableReplicaAutoScalingInput {
    /// The name of the table. You can also provide the Amazon Resource Name (ARN) of the table in this parameter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_name: Option<String>,
}

/// `DescribeTableReplicaAutoScalingOutput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeTableReplicaAutoScalingOutput {
    /// Represents the auto scaling properties of the table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_auto_scaling_description: Option<TableAutoScalingDescription>,
}

/// `UpdateTableReplicaAutoScalingInput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UpdateTableReplicaAutoScalingInput {
    /// Represents the auto scaling settings of the global secondary indexes of the replica to be updated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub global_secondary_index_updates: Option<Vec<GlobalSecondaryIndexAutoScalingUpdate>>,
    /// The name of the global table to be updated. You can also provide the Amazon Resource Name (ARN) of the table in this parameter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_name: Option<String>,
    /// Represents the auto scaling settings to be modified for a global table or global secondary index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provisioned_write_capacity_auto_scaling_update: Option<AutoScalingSettingsUpdate>,
    /// Represents the auto scaling settings of replicas of the table that will be modified.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replica_updates: Option<Vec<ReplicaAutoScalingUpdate>>,
}

/// `UpdateTableReplicaAutoScalingOutput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UpdateTableReplicaAutoScalingOutput {
    /// Returns information about the auto scaling settings of a table with replicas.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_auto_scaling_description: Option<TableAutoScalingDescription>,
}

/// Represents the auto scaling configuration for a global table.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct TableAutoScalingDescription {
    /// The name of the table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_name: Option<String>,
    /// The current state of the table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_status: Option<TableStatus>,
    /// Represents replicas of the global table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replicas: Option<Vec<ReplicaAutoScalingDescription>>,
}

/// Represents the auto scaling settings of the replica.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ReplicaAutoScalingDescription {
    /// The Region where the replica exists.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region_name: Option<String>,
    /// Replica-specific global secondary index auto scaling settings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub global_secondary_indexes: Option<Vec<ReplicaGlobalSecondaryIndexAutoScalingDescription>>,
    /// Represents the auto scaling settings for a global table or global secondary index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replica_provisioned_read_capacity_auto_scaling_settings:
        Option<AutoScalingSettingsDescription>,
    /// Represents the auto scaling settings for a global table or global secondary index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replica_provisioned_write_capacity_auto_scaling_settings:
        Option<AutoScalingSettingsDescription>,
    /// The current state of the replica.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replica_status: Option<ReplicaStatus>,
}

/// Represents the auto scaling configuration for a replica global secondary index.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ReplicaGlobalSecondaryIndexAutoScalingDescription {
    /// The name of the global secondary index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index_name: Option<String>,
    /// The current state of the replica global secondary index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index_status: Option<IndexStatus>,
    /// Represents the auto scaling settings for a global table or global secondary index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provisioned_read_capacity_auto_scaling_settings: Option<AutoScalingSettingsDescription>,
    /// Represents the auto scaling settings for a global table or global secondary index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provisioned_write_capacity_auto_scaling_settings: Option<AutoScalingSettingsDescription>,
}

/// Represents the auto scaling settings for a global table or global secondary index.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AutoScalingSettingsDescription {
    /// The minimum capacity units that a global table or global secondary index should be scaled down to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minimum_units: Option<i64>,
    /// The maximum capacity units that a global table or global secondary index should be scaled up to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub maximum_units: Option<i64>,
    /// Disabled auto scaling for this global table or global secondary index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auto_scaling_disabled: Option<bool>,
    /// Role ARN used for configuring the auto scaling policy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auto_scaling_role_arn: Option<String>,
    /// Information about the scaling policies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scaling_policies: Option<Vec<AutoScalingPolicyDescription>>,
}

/// Represents the properties of the scaling policy.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AutoScalingPolicyDescription {
    /// The name of the scaling policy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy_name: Option<String>,
    /// Represents a target tracking scaling policy configuration.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_tracking_scaling_policy_configuration:
        Option<AutoScalingTargetTrackingScalingPolicyConfiguration>,
}

/// Represents the settings of a target tracking scaling policy (description and update alike).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AutoScalingTargetTrackingScalingPolicyConfiguration {
    /// Indicates whether scale in by the target tracking policy is disabled.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub disable_scale_in: Option<bool>,
    /// The amount of time, in seconds, after a scale in activity completes before another scale in activity can start.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scale_in_cooldown: Option<i32>,
    /// The amount of time, in seconds, after a scale out activity completes before another scale out activity can start.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scale_out_cooldown: Option<i32>,
    /// The target value for the metric, between 20 and 90 (a percentage).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_value: Option<f64>,
}

/// Represents the auto scaling settings to be modified for a global table or global secondary index.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AutoScalingSettingsUpdate {
    /// The minimum capacity units that a global table or global secondary index should be scaled down to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minimum_units: Option<i64>,
    /// The maximum capacity units that a global table or global secondary index should be scaled up to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub maximum_units: Option<i64>,
    /// Disabled auto scaling for this global table or global secondary index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auto_scaling_disabled: Option<bool>,
    /// Role ARN used for configuring auto scaling policy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auto_scaling_role_arn: Option<String>,
    /// The scaling policy to apply for scaling target global table or global secondary index capacity units.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scaling_policy_update: Option<AutoScalingPolicyUpdate>,
}

/// Represents the auto scaling policy to be modified.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AutoScalingPolicyUpdate {
    /// The name of the scaling policy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy_name: Option<String>,
    /// Represents a target tracking scaling policy configuration.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_tracking_scaling_policy_configuration:
        Option<AutoScalingTargetTrackingScalingPolicyConfiguration>,
}

/// Represents the auto scaling settings of a global secondary index for a global table that will be modified.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GlobalSecondaryIndexAutoScalingUpdate {
    /// The name of the global secondary index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index_name: Option<String>,
    /// Represents the auto scaling settings to be modified for a global table or global secondary index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provisioned_write_capacity_auto_scaling_update: Option<AutoScalingSettingsUpdate>,
}

/// Represents the auto scaling settings of a replica that will be modified.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ReplicaAutoScalingUpdate {
    /// The Region where the replica exists.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region_name: Option<String>,
    /// Represents the auto scaling settings of global secondary indexes that will be modified.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replica_global_secondary_index_updates:
        Option<Vec<ReplicaGlobalSecondaryIndexAutoScalingUpdate>>,
    /// Represents the auto scaling settings to be modified for a global table or global secondary index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replica_provisioned_read_capacity_auto_scaling_update: Option<AutoScalingSettingsUpdate>,
}

/// Represents the auto scaling settings of a global secondary index for a replica that will be modified.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ReplicaGlobalSecondaryIndexAutoScalingUpdate {
    /// The name of the global secondary index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index_name: Option<String>,
    /// Represents the auto scaling settings to be modified for a global table or global secondary index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provisioned_read_capacity_auto_scaling_update: Option<AutoScalingSettingsUpdate>,
}
