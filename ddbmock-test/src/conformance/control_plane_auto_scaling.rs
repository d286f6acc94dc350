//! Replica auto scaling scenarios: UpdateTableReplicaAutoScaling recorded for the table, its
//! replica and its global index, DescribeTableReplicaAutoScaling reading it back, and the requests
//! DynamoDB refuses.

use ddbmock_core::DynamoDb;
use ddbmock_core::operation::*;

use super::control_plane_support::*;
use super::support::*;

const VALIDATION: &str = "ValidationException";

/// Creates a provisioned table keyed by `pk` (S) with the provisioned global index `gsi` keyed by
/// `g` (S), waits until it is ACTIVE, and returns its name and region.
async fn provisioned_table(db: &dyn DynamoDb) -> (String, String) {
    let name = unique_name("scaling");
    let mut input = table_input(&name, false);
    input
        .attribute_definitions
        .get_or_insert_default()
        .push(def("g", ScalarAttributeType::S));
    input.global_secondary_indexes = Some(vec![GlobalSecondaryIndex {
        index_name: Some("gsi".into()),
        key_schema: Some(vec![key("g", KeyType::Hash)]),
        projection: Some(Projection {
            projection_type: Some(ProjectionType::All),
            non_key_attributes: None,
        }),
        provisioned_throughput: Some(throughput(5, 5)),
        ..Default::default()
    }]);
    db.create_table(input).await.expect("create table");
    until_active(db, &name).await;
    let arn = describe(db, &name).await.table_arn.expect("a table ARN");
    let region = Arn::parse(&arn).region.to_owned();
    (name, region)
}

fn scaling(min: i64, max: i64, target: f64) -> AutoScalingSettingsUpdate {
    AutoScalingSettingsUpdate {
        minimum_units: Some(min),
        maximum_units: Some(max),
        scaling_policy_update: Some(AutoScalingPolicyUpdate {
            policy_name: Some("p".into()),
            target_tracking_scaling_policy_configuration: Some(target_value(target)),
        }),
        ..Default::default()
    }
}

fn target_value(target: f64) -> AutoScalingTargetTrackingScalingPolicyConfiguration {
    AutoScalingTargetTrackingScalingPolicyConfiguration {
        target_value: Some(target),
        ..Default::default()
    }
}

fn settings(min: i64, max: i64, target: f64) -> AutoScalingSettingsDescription {
    AutoScalingSettingsDescription {
        minimum_units: Some(min),
        maximum_units: Some(max),
        scaling_policies: Some(vec![AutoScalingPolicyDescription {
            policy_name: Some("p".into()),
            target_tracking_scaling_policy_configuration: Some(target_value(target)),
        }]),
        ..Default::default()
    }
}

async fn describe_scaling(db: &dyn DynamoDb, table: &str) -> TableAutoScalingDescription {
    db.describe_table_replica_auto_scaling(DescribeTableReplicaAutoScalingInput {
        table_name: Some(table.to_owned()),
    })
    .await
    .unwrap()
    .table_auto_scaling_description
    .expect("an auto scaling description")
}

/// The description of `table` in `region` with the replica settings `read` and `write` and the
/// index's write settings `index_write`.
fn description(
    table: &str,
    region: &str,
    read: Option<AutoScalingSettingsDescription>,
    write: Option<AutoScalingSettingsDescription>,
    index_write: Option<AutoScalingSettingsDescription>,
) -> TableAutoScalingDescription {
    TableAutoScalingDescription {
        table_name: Some(table.to_owned()),
        table_status: Some(TableStatus::Active),
        replicas: Some(vec![ReplicaAutoScalingDescription {
            region_name: Some(region.to_owned()),
            replica_status: Some(ReplicaStatus::Active),
            replica_provisioned_read_capacity_auto_scaling_settings: read,
            replica_provisioned_write_capacity_auto_scaling_settings: write,
            global_secondary_indexes: Some(vec![
                ReplicaGlobalSecondaryIndexAutoScalingDescription {
                    index_name: Some("gsi".into()),
                    index_status: Some(IndexStatus::Active),
                    provisioned_read_capacity_auto_scaling_settings: None,
                    provisioned_write_capacity_auto_scaling_settings: index_write,
                },
            ]),
        }]),
    }
}

/// Settings for the table's writes, its replica's reads and its index's writes are recorded,
/// answered by the update and described after it; a later update keeps what it leaves out.
pub async fn replica_auto_scaling_settings(db: &dyn DynamoDb) {
    let (name, region) = provisioned_table(db).await;
    assert_eq!(
        describe_scaling(db, &name).await,
        description(&name, &region, None, None, None)
    );

    let out = db
        .update_table_replica_auto_scaling(UpdateTableReplicaAutoScalingInput {
            table_name: Some(name.clone()),
            provisioned_write_capacity_auto_scaling_update: Some(scaling(5, 50, 70.0)),
            global_secondary_index_updates: Some(vec![GlobalSecondaryIndexAutoScalingUpdate {
                index_name: Some("gsi".into()),
                provisioned_write_capacity_auto_scaling_update: Some(AutoScalingSettingsUpdate {
                    auto_scaling_disabled: Some(true),
                    ..Default::default()
                }),
            }]),
            replica_updates: Some(vec![ReplicaAutoScalingUpdate {
                region_name: Some(region.clone()),
                replica_provisioned_read_capacity_auto_scaling_update: Some(scaling(1, 10, 50.0)),
                replica_global_secondary_index_updates: None,
            }]),
        })
        .await
        .unwrap()
        .table_auto_scaling_description
        .expect("an auto scaling description");
    let disabled = AutoScalingSettingsDescription {
        auto_scaling_disabled: Some(true),
        ..Default::default()
    };
    let expected = description(
        &name,
        &region,
        Some(settings(1, 10, 50.0)),
        Some(settings(5, 50, 70.0)),
        Some(disabled.clone()),
    );
    assert_eq!(out, expected);
    assert_eq!(describe_scaling(db, &name).await, expected);

    // A later update of the table's writes replaces them; the replica's and index's settings stay.
    db.update_table_replica_auto_scaling(UpdateTableReplicaAutoScalingInput {
        table_name: Some(name.clone()),
        provisioned_write_capacity_auto_scaling_update: Some(scaling(5, 80, 60.0)),
        ..Default::default()
    })
    .await
    .unwrap();
    assert_eq!(
        describe_scaling(db, &name).await,
        description(
            &name,
            &region,
            Some(settings(1, 10, 50.0)),
            Some(settings(5, 80, 60.0)),
            Some(disabled),
        )
    );
}

/// The updates UpdateTableReplicaAutoScaling refuses, checked in DynamoDB's order (the shape of
/// every update before the table), each leaving nothing recorded. The texts are DynamoDB's as
/// observed on the service (the API Reference gives none), but for the region without a replica,
/// whose `ResourceNotFoundException` text is ddbmock's own.
pub async fn replica_auto_scaling_validation(db: &dyn DynamoDb) {
    let (name, region) = provisioned_table(db).await;
    let missing = unique_name("scaling-missing");
    let other_region = if region == "eu-west-1" {
        "us-west-2"
    } else {
        "eu-west-1"
    };
    let table_update =
        |table: &str, u: AutoScalingSettingsUpdate| UpdateTableReplicaAutoScalingInput {
            table_name: Some(table.to_owned()),
            provisioned_write_capacity_auto_scaling_update: Some(u),
            ..Default::default()
        };
    let rows = [
        (
            table_update(
                &missing,
                AutoScalingSettingsUpdate {
                    minimum_units: Some(1),
                    maximum_units: Some(5),
                    ..Default::default()
                },
            ),
            VALIDATION,
            format!("Failed to update settings for global table with name: \u{2018}{missing}\u{2019}: Parameters 'ScalingPolicyUpdate' are required unless auto scaling is being disabled."),
        ),
        (
            table_update(
                &name,
                AutoScalingSettingsUpdate {
                    auto_scaling_disabled: Some(false),
                    ..Default::default()
                },
            ),
            VALIDATION,
            format!("Failed to update settings for global table with name: \u{2018}{name}\u{2019}: Parameters 'MaximumUnits', 'ScalingPolicyUpdate', 'MinimumUnits' are required unless auto scaling is being disabled."),
        ),
        (
            table_update(
                &name,
                AutoScalingSettingsUpdate {
                    maximum_units: None,
                    ..scaling(1, 5, 70.0)
                },
            ),
            VALIDATION,
            format!("Failed to update settings for global table with name: \u{2018}{name}\u{2019}: Parameters 'MaximumUnits' are required unless auto scaling is being disabled."),
        ),
        (
            UpdateTableReplicaAutoScalingInput {
                table_name: Some(name.clone()),
                replica_updates: Some(vec![ReplicaAutoScalingUpdate {
                    region_name: Some(region.clone()),
                    ..Default::default()
                }]),
                ..Default::default()
            },
            VALIDATION,
            format!("Failed to update settings for global table with name: \u{2018}{name}\u{2019} because at least one update parameter must be specified for region: \u{2018}{region}\u{2019}."),
        ),
        (
            table_update(&missing, scaling(1, 5, 70.0)),
            "ResourceNotFoundException",
            format!("Global table with name: '{missing}' does not exist."),
        ),
        (
            table_update(&name, scaling(0, 5, 70.0)),
            VALIDATION,
            "1 validation error detected: Value '0' at 'minimumUnits' failed to satisfy constraint: Member must have value greater than or equal to 1".to_owned(),
        ),
        (
            UpdateTableReplicaAutoScalingInput {
                table_name: Some(name.clone()),
                global_secondary_index_updates: Some(vec![GlobalSecondaryIndexAutoScalingUpdate {
                    index_name: Some("nope".into()),
                    provisioned_write_capacity_auto_scaling_update: Some(scaling(1, 5, 70.0)),
                }]),
                ..Default::default()
            },
            "ResourceNotFoundException",
            format!("Requested resource not found: Table: {name}, GSI: nope not found"),
        ),
        (
            UpdateTableReplicaAutoScalingInput {
                table_name: Some(name.clone()),
                replica_updates: Some(vec![ReplicaAutoScalingUpdate {
                    region_name: Some(other_region.to_owned()),
                    ..Default::default()
                }]),
                ..Default::default()
            },
            "ResourceNotFoundException",
            format!("Requested resource not found: The table has no replica in region {other_region}"),
        ),
        (
            UpdateTableReplicaAutoScalingInput::default(),
            VALIDATION,
            "1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null".to_owned(),
        ),
    ];
    for (request, exception, message) in rows {
        assert_error(
            db.update_table_replica_auto_scaling(request).await,
            exception,
            &message,
        );
    }
    assert_error(
        db.describe_table_replica_auto_scaling(DescribeTableReplicaAutoScalingInput {
            table_name: Some(missing.clone()),
        })
        .await,
        "ResourceNotFoundException",
        &format!("Requested resource not found: Table: {missing} not found"),
    );
    assert_eq!(
        describe_scaling(db, &name).await,
        description(&name, &region, None, None, None),
        "nothing recorded"
    );
}
