//! DescribeTableReplicaAutoScaling and UpdateTableReplicaAutoScaling, by their request and
//! response syntax, every member filled.

use ddbmock_core::operation::{
    DescribeTableReplicaAutoScalingInput, DescribeTableReplicaAutoScalingOutput, IndexStatus,
    ReplicaStatus, TableStatus, UpdateTableReplicaAutoScalingInput,
    UpdateTableReplicaAutoScalingOutput,
};

use crate::support::round_trip;

const ROLE: &str = "arn:aws:iam::123456789012:role/aws-service-role/dynamodb.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_DynamoDBTable";

/// An `AutoScalingSettingsUpdate` or `AutoScalingSettingsDescription`: the update has one
/// `ScalingPolicyUpdate`, the description a list of `ScalingPolicies`.
fn settings(policy_member: &str, min: i64, max: i64) -> String {
    let policy = r#"{"PolicyName": "DynamoDBWriteCapacityUtilization",
        "TargetTrackingScalingPolicyConfiguration": {"DisableScaleIn": false,
            "ScaleInCooldown": 60, "ScaleOutCooldown": 30, "TargetValue": 70.5}}"#;
    let policy = if policy_member == "ScalingPolicies" {
        format!("[{policy}]")
    } else {
        policy.to_owned()
    };
    format!(
        r#"{{"MinimumUnits": {min}, "MaximumUnits": {max}, "AutoScalingDisabled": false,
            "AutoScalingRoleArn": "{ROLE}", "{policy_member}": {policy}}}"#
    )
}

/// A `TableAutoScalingDescription` with one replica and one index, every setting present.
fn description() -> String {
    let d = |min, max| settings("ScalingPolicies", min, max);
    format!(
        r#"{{"TableAutoScalingDescription": {{"TableName": "Music", "TableStatus": "UPDATING",
            "Replicas": [{{"RegionName": "us-west-2", "ReplicaStatus": "ACTIVE",
                "ReplicaProvisionedReadCapacityAutoScalingSettings": {},
                "ReplicaProvisionedWriteCapacityAutoScalingSettings": {},
                "GlobalSecondaryIndexes": [{{"IndexName": "AlbumTitleIndex", "IndexStatus": "ACTIVE",
                    "ProvisionedReadCapacityAutoScalingSettings": {},
                    "ProvisionedWriteCapacityAutoScalingSettings": {}}}]}}]}}}}"#,
        d(1, 10),
        d(5, 50),
        d(2, 20),
        d(3, 30)
    )
}

#[test]
fn describe_table_replica_auto_scaling() {
    let input: DescribeTableReplicaAutoScalingInput = round_trip(r#"{"TableName": "Music"}"#);
    assert_eq!(input.table_name.as_deref(), Some("Music"));
    let output: DescribeTableReplicaAutoScalingOutput = round_trip(&description());
    let table = output
        .table_auto_scaling_description
        .expect("a description");
    assert_eq!(
        (table.table_name.as_deref(), table.table_status),
        (Some("Music"), Some(TableStatus::Updating))
    );
    let replica = &table.replicas.expect("replicas")[0];
    assert_eq!(replica.replica_status, Some(ReplicaStatus::Active));
    let read = replica
        .replica_provisioned_read_capacity_auto_scaling_settings
        .as_ref()
        .expect("read settings");
    assert_eq!(
        (
            read.minimum_units,
            read.maximum_units,
            read.auto_scaling_disabled
        ),
        (Some(1), Some(10), Some(false))
    );
    assert_eq!(read.auto_scaling_role_arn.as_deref(), Some(ROLE));
    let policy = read.scaling_policies.as_ref().expect("policies")[0]
        .target_tracking_scaling_policy_configuration
        .clone()
        .expect("a target tracking configuration");
    assert_eq!(
        (
            policy.disable_scale_in,
            policy.scale_in_cooldown,
            policy.scale_out_cooldown,
            policy.target_value
        ),
        (Some(false), Some(60), Some(30), Some(70.5))
    );
    let index = &replica.global_secondary_indexes.as_ref().expect("indexes")[0];
    assert_eq!(index.index_status, Some(IndexStatus::Active));
    assert_eq!(
        index
            .provisioned_write_capacity_auto_scaling_settings
            .as_ref()
            .and_then(|s| s.maximum_units),
        Some(30)
    );
}

#[test]
fn update_table_replica_auto_scaling() {
    let u = |min, max| settings("ScalingPolicyUpdate", min, max);
    let input: UpdateTableReplicaAutoScalingInput = round_trip(&format!(
        r#"{{"TableName": "Music",
            "GlobalSecondaryIndexUpdates": [{{"IndexName": "AlbumTitleIndex",
                "ProvisionedWriteCapacityAutoScalingUpdate": {}}}],
            "ProvisionedWriteCapacityAutoScalingUpdate": {},
            "ReplicaUpdates": [{{"RegionName": "us-west-2",
                "ReplicaGlobalSecondaryIndexUpdates": [{{"IndexName": "AlbumTitleIndex",
                    "ProvisionedReadCapacityAutoScalingUpdate": {}}}],
                "ReplicaProvisionedReadCapacityAutoScalingUpdate": {}}}]}}"#,
        u(3, 30),
        u(5, 50),
        u(2, 20),
        u(1, 10)
    ));
    let write = input
        .provisioned_write_capacity_auto_scaling_update
        .expect("write settings");
    assert_eq!(
        (write.minimum_units, write.maximum_units),
        (Some(5), Some(50))
    );
    assert_eq!(
        write
            .scaling_policy_update
            .and_then(|p| p.policy_name)
            .as_deref(),
        Some("DynamoDBWriteCapacityUtilization")
    );
    let index = &input.global_secondary_index_updates.expect("index updates")[0];
    assert_eq!(index.index_name.as_deref(), Some("AlbumTitleIndex"));
    let replica = &input.replica_updates.expect("replica updates")[0];
    assert_eq!(replica.region_name.as_deref(), Some("us-west-2"));
    assert_eq!(
        replica
            .replica_global_secondary_index_updates
            .as_ref()
            .expect("replica index updates")[0]
            .provisioned_read_capacity_auto_scaling_update
            .as_ref()
            .and_then(|s| s.minimum_units),
        Some(2)
    );
    let output: UpdateTableReplicaAutoScalingOutput = round_trip(&description());
    assert!(output.table_auto_scaling_description.is_some());
}
