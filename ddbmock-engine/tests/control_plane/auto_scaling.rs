//! Replica auto scaling: recorded and described, and the requests DynamoDB refuses.

use super::*;

fn scaling(min: i64, max: i64, target: f64) -> serde_json::Value {
    json!({
        "MinimumUnits": min, "MaximumUnits": max,
        "ScalingPolicyUpdate": {"PolicyName": "p", "TargetTrackingScalingPolicyConfiguration": {"TargetValue": target}}
    })
}

async fn describe_scaling(db: &Engine) -> serde_json::Value {
    let out = db
        .describe_table_replica_auto_scaling(wire(json!({"TableName": "tbl"})))
        .await
        .unwrap();
    serde_json::to_value(out).unwrap()
}

#[tokio::test]
async fn replica_auto_scaling_is_recorded_and_described() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("db.sqlite");
    let updated = {
        let db = sqlite(&path);
        create_with_index(&db).await;
        let none = describe_scaling(&db).await;
        assert_eq!(
            none,
            json!({"TableAutoScalingDescription": {"TableName": "tbl", "TableStatus": "ACTIVE", "Replicas": [{
                "RegionName": "us-east-1", "ReplicaStatus": "ACTIVE",
                "GlobalSecondaryIndexes": [{"IndexName": "gsi", "IndexStatus": "ACTIVE"}]
            }]}})
        );
        let out = db
            .update_table_replica_auto_scaling(wire(json!({
                "TableName": "tbl",
                "ProvisionedWriteCapacityAutoScalingUpdate": scaling(5, 50, 70.0),
                "GlobalSecondaryIndexUpdates": [{"IndexName": "gsi", "ProvisionedWriteCapacityAutoScalingUpdate": {"AutoScalingDisabled": true}}],
                "ReplicaUpdates": [{"RegionName": "us-east-1",
                    "ReplicaProvisionedReadCapacityAutoScalingUpdate": scaling(1, 10, 50.0)}]
            })))
            .await
            .unwrap();
        let out = serde_json::to_value(out).unwrap();
        let policy = |target: f64| json!([{"PolicyName": "p", "TargetTrackingScalingPolicyConfiguration": {"TargetValue": target}}]);
        assert_eq!(
            out["TableAutoScalingDescription"]["Replicas"][0],
            json!({
                "RegionName": "us-east-1", "ReplicaStatus": "ACTIVE",
                "ReplicaProvisionedWriteCapacityAutoScalingSettings": {"MinimumUnits": 5, "MaximumUnits": 50, "ScalingPolicies": policy(70.0)},
                "ReplicaProvisionedReadCapacityAutoScalingSettings": {"MinimumUnits": 1, "MaximumUnits": 10, "ScalingPolicies": policy(50.0)},
                "GlobalSecondaryIndexes": [{"IndexName": "gsi", "IndexStatus": "ACTIVE",
                    "ProvisionedWriteCapacityAutoScalingSettings": {"AutoScalingDisabled": true}}]
            })
        );
        assert_eq!(describe_scaling(&db).await, out);
        out
    };
    let db = sqlite(&path);
    assert_eq!(describe_scaling(&db).await, updated, "kept across a reopen");
}

#[tokio::test]
async fn replica_auto_scaling_requests_dynamodb_refuses() {
    let db = engine();
    create_with_index(&db).await;
    let rows = [
        (json!({"TableName": "missing", "ProvisionedWriteCapacityAutoScalingUpdate": {"MinimumUnits": 1, "MaximumUnits": 5}}),
            "ValidationException", "Failed to update settings for global table with name: \u{2018}missing\u{2019}: Parameters 'ScalingPolicyUpdate' are required unless auto scaling is being disabled.".to_owned()),
        (json!({"TableName": "tbl", "ProvisionedWriteCapacityAutoScalingUpdate": {"AutoScalingDisabled": false}}),
            "ValidationException", "Failed to update settings for global table with name: \u{2018}tbl\u{2019}: Parameters 'MaximumUnits', 'ScalingPolicyUpdate', 'MinimumUnits' are required unless auto scaling is being disabled.".to_owned()),
        (json!({"TableName": "tbl", "ProvisionedWriteCapacityAutoScalingUpdate": {"MinimumUnits": 1, "ScalingPolicyUpdate": {"TargetTrackingScalingPolicyConfiguration": {"TargetValue": 70.0}}}}),
            "ValidationException", "Failed to update settings for global table with name: \u{2018}tbl\u{2019}: Parameters 'MaximumUnits' are required unless auto scaling is being disabled.".to_owned()),
        (json!({"TableName": "tbl", "ReplicaUpdates": [{"RegionName": "us-east-1"}]}),
            "ValidationException", "Failed to update settings for global table with name: \u{2018}tbl\u{2019} because at least one update parameter must be specified for region: \u{2018}us-east-1\u{2019}.".to_owned()),
        (json!({"TableName": "missing", "ProvisionedWriteCapacityAutoScalingUpdate": scaling(1, 5, 70.0)}),
            "ResourceNotFoundException", "Global table with name: 'missing' does not exist.".to_owned()),
        (json!({"TableName": "tbl", "ProvisionedWriteCapacityAutoScalingUpdate": scaling(0, 5, 70.0)}),
            "ValidationException", "1 validation error detected: Value '0' at 'minimumUnits' failed to satisfy constraint: Member must have value greater than or equal to 1".to_owned()),
        (json!({"TableName": "tbl", "GlobalSecondaryIndexUpdates": [{"IndexName": "nope", "ProvisionedWriteCapacityAutoScalingUpdate": scaling(1, 5, 70.0)}]}),
            "ResourceNotFoundException", "Requested resource not found: Table: tbl, GSI: nope not found".to_owned()),
        (json!({"TableName": "tbl", "ReplicaUpdates": [{"RegionName": "eu-west-1"}]}),
            "ResourceNotFoundException", "Requested resource not found: The table has no replica in region eu-west-1".to_owned()),
        (json!({}),
            "ValidationException", "1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null".to_owned()),
    ];
    for (request, exception, message) in rows {
        assert_error(
            db.update_table_replica_auto_scaling(wire(request)).await,
            exception,
            &message,
        );
    }
    let settings = &describe_scaling(&db).await["TableAutoScalingDescription"]["Replicas"][0];
    assert_eq!(
        settings.get("ReplicaProvisionedWriteCapacityAutoScalingSettings"),
        None,
        "nothing recorded"
    );
}
