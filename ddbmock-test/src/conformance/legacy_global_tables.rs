//! Global tables version 2017.11.29 (legacy) scenarios: CreateGlobalTable joining identical empty
//! tables of two regions, writes replicating between them after the lag, DescribeGlobalTable and
//! ListGlobalTables from either region, UpdateGlobalTable removing a region, the settings
//! operations, and the refusals. Run by [`conformance_region_tests!`](crate::conformance_region_tests)
//! like the version 2019.11.21 scenarios, with the same lag.

use std::time::Duration;

use ddbmock_core::DynamoDb;
use ddbmock_core::operation::*;

use super::global_tables::{on_demand_table, region_of, v_at};
use super::pitr::AdvanceClock;
use super::support::*;

const LAG: Duration = Duration::from_secs(1);
const INVALID: &str = "One or more parameter values were invalid";

fn group(regions: &[&str]) -> Vec<Replica> {
    regions
        .iter()
        .map(|r| Replica {
            region_name: Some((*r).to_owned()),
        })
        .collect()
}

async fn create_global(
    db: &dyn DynamoDb,
    name: &str,
    regions: &[&str],
) -> Result<CreateGlobalTableOutput, ddbmock_core::Error> {
    db.create_global_table(CreateGlobalTableInput {
        global_table_name: Some(name.to_owned()),
        replication_group: Some(group(regions)),
    })
    .await
}

async fn describe_global(
    db: &dyn DynamoDb,
    name: &str,
) -> Result<GlobalTableDescription, ddbmock_core::Error> {
    db.describe_global_table(DescribeGlobalTableInput {
        global_table_name: Some(name.to_owned()),
    })
    .await
    .map(|o| o.global_table_description.expect("a description"))
}

/// Waits until the global table is ACTIVE.
async fn until_global_active(db: &dyn DynamoDb, name: &str) {
    loop {
        let d = describe_global(db, name)
            .await
            .expect("describe global table");
        if d.global_table_status == Some(GlobalTableStatus::Active) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

fn regions_of(d: &GlobalTableDescription) -> Vec<String> {
    d.replication_group
        .iter()
        .flatten()
        .filter_map(|r| r.region_name.clone())
        .collect()
}

fn update(name: &str, u: ReplicaUpdate) -> UpdateGlobalTableInput {
    UpdateGlobalTableInput {
        global_table_name: Some(name.to_owned()),
        replica_updates: Some(vec![u]),
    }
}

fn add(region: &str) -> ReplicaUpdate {
    ReplicaUpdate {
        create: Some(CreateReplicaAction {
            region_name: Some(region.to_owned()),
        }),
        delete: None,
    }
}

fn remove(region: &str) -> ReplicaUpdate {
    ReplicaUpdate {
        create: None,
        delete: Some(DeleteReplicaAction {
            region_name: Some(region.to_owned()),
        }),
    }
}

async fn delete_table(db: &dyn DynamoDb, name: &str) {
    db.delete_table(DeleteTableInput {
        table_name: Some(name.to_owned()),
    })
    .await
    .expect("delete table");
}

/// Two identical empty tables with both images streamed become one global table: both regions
/// describe and list it, DescribeTable shows no 2019 version, writes in either region reach the
/// other after the lag, and a region removed by UpdateGlobalTable keeps its table but no longer
/// replicates.
pub async fn legacy_global_table_replicates(
    db: &dyn DynamoDb,
    other: &dyn DynamoDb,
    clock: &dyn AdvanceClock,
) {
    let home = region_of(db).await;
    let away = region_of(other).await;
    let t = on_demand_table(db, "legacy", Some(StreamViewType::NewAndOldImages)).await;
    other
        .create_table(CreateTableInput {
            table_name: Some(t.clone()),
            ..describe_as_input(&describe(db, &t).await)
        })
        .await
        .expect("the same table over there");
    until_active(other, &t).await;

    let created = create_global(db, &t, &[&away, &home])
        .await
        .expect("create global table")
        .global_table_description
        .expect("a description");
    assert_eq!(created.global_table_name.as_deref(), Some(t.as_str()));
    let mut both = vec![home.clone(), away.clone()];
    both.sort();
    assert_eq!(regions_of(&created), both);
    let arn = created.global_table_arn.clone().expect("an ARN");
    assert!(
        arn.starts_with("arn:aws:dynamodb::") && arn.ends_with(&format!(":global-table/{t}")),
        "{arn}"
    );
    assert!(created.creation_date_time.is_some());
    until_global_active(db, &t).await;

    let there = describe_global(other, &t)
        .await
        .expect("describe over there");
    assert_eq!(regions_of(&there), both);
    assert_eq!(there.global_table_arn.as_deref(), Some(arn.as_str()));
    let table = describe(db, &t).await;
    assert_eq!(table.global_table_version, None);
    assert_eq!(table.replicas, None);

    for (client, filter) in [(db, None), (other, Some(away.clone()))] {
        let listed = client
            .list_global_tables(ListGlobalTablesInput {
                region_name: filter,
                ..Default::default()
            })
            .await
            .expect("list global tables")
            .global_tables
            .unwrap_or_default();
        let mine = listed
            .iter()
            .find(|g| g.global_table_name.as_deref() == Some(t.as_str()))
            .expect("listed");
        let regions: Vec<_> = mine
            .replication_group
            .iter()
            .flatten()
            .filter_map(|r| r.region_name.clone())
            .collect();
        assert_eq!(regions, both);
    }

    put(db, &t, item(&[("pk", s("a")), ("v", s("1"))])).await;
    assert_eq!(v_at(other, &t, "a").await, None);
    clock.advance(LAG);
    assert_eq!(v_at(other, &t, "a").await.as_deref(), Some("1"));
    put(other, &t, item(&[("pk", s("b")), ("v", s("2"))])).await;
    clock.advance(LAG);
    assert_eq!(v_at(db, &t, "b").await.as_deref(), Some("2"));

    let updated = db
        .update_global_table(update(&t, remove(&away)))
        .await
        .expect("remove a region")
        .global_table_description
        .expect("a description");
    assert_eq!(regions_of(&updated), vec![home.clone()]);
    assert_eq!(
        regions_of(&describe_global(other, &t).await.expect("still described")),
        vec![home.clone()]
    );
    put(db, &t, item(&[("pk", s("c")), ("v", s("3"))])).await;
    clock.advance(LAG * 2);
    assert_eq!(v_at(other, &t, "c").await, None);
    assert_eq!(v_at(other, &t, "a").await.as_deref(), Some("1"));

    delete_table(other, &t).await;
    delete_table(db, &t).await;
}

/// A CreateTable request for the table `d` describes (keys, indexes, billing, stream).
fn describe_as_input(d: &TableDescription) -> CreateTableInput {
    CreateTableInput {
        attribute_definitions: d.attribute_definitions.clone(),
        key_schema: d.key_schema.clone(),
        billing_mode: Some(BillingMode::PayPerRequest),
        global_secondary_indexes: d.global_secondary_indexes.as_ref().map(|gs| {
            gs.iter()
                .map(|g| GlobalSecondaryIndex {
                    index_name: g.index_name.clone(),
                    key_schema: g.key_schema.clone(),
                    projection: g.projection.clone(),
                    ..Default::default()
                })
                .collect()
        }),
        stream_specification: d.stream_specification.clone(),
        ..Default::default()
    }
}

/// The refusals of the legacy operations, each leaving everything as it was.
pub async fn legacy_global_table_errors(
    db: &dyn DynamoDb,
    other: &dyn DynamoDb,
    _clock: &dyn AdvanceClock,
) {
    let home = region_of(db).await;
    let away = region_of(other).await;
    let nowhere = unique_name("nowhere");

    assert_error(
        describe_global(db, &nowhere).await,
        "GlobalTableNotFoundException",
        &format!("The specified global table does not exist: {nowhere}"),
    );
    assert_error(
        db.update_global_table(update(&nowhere, add(&away))).await,
        "GlobalTableNotFoundException",
        &format!("The specified global table does not exist: {nowhere}"),
    );
    assert_error(
        describe_global(db, "a").await,
        "ValidationException",
        "1 validation error detected: Value 'a' at 'globalTableName' failed to satisfy constraint: Member must have length greater than or equal to 3",
    );
    assert_error(
        db.create_global_table(CreateGlobalTableInput::default())
            .await,
        "ValidationException",
        "2 validation errors detected: Value null at 'globalTableName' failed to satisfy constraint: Member must not be null; Value null at 'replicationGroup' failed to satisfy constraint: Member must not be null",
    );
    assert_error(
        db.list_global_tables(ListGlobalTablesInput {
            limit: Some(0),
            ..Default::default()
        })
        .await,
        "ValidationException",
        "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );

    let t = on_demand_table(db, "legacy-err", Some(StreamViewType::NewAndOldImages)).await;
    assert_error(
        create_global(db, &t, &[&home, &away]).await,
        "TableNotFoundException",
        &format!("Table not found: Table: '{t}' not found in region: '{away}'."),
    );
    assert_error(
        create_global(db, &t, &[&home, &home]).await,
        "ValidationException",
        &format!("{INVALID}: Region {home} is named more than once"),
    );
    // Over there: first without a stream, then with one but not empty.
    other
        .create_table(CreateTableInput {
            table_name: Some(t.clone()),
            stream_specification: None,
            ..describe_as_input(&describe(db, &t).await)
        })
        .await
        .expect("a table without a stream");
    until_active(other, &t).await;
    assert_error(
        create_global(db, &t, &[&home, &away]).await,
        "ValidationException",
        &format!(
            "{INVALID}: Table {t} in region {away} must have DynamoDB Streams enabled with view type NEW_AND_OLD_IMAGES"
        ),
    );
    other
        .update_table(UpdateTableInput {
            table_name: Some(t.clone()),
            stream_specification: Some(StreamSpecification {
                stream_enabled: Some(true),
                stream_view_type: Some(StreamViewType::NewAndOldImages),
            }),
            ..Default::default()
        })
        .await
        .expect("enable the stream");
    until_active(other, &t).await;
    put(other, &t, item(&[("pk", s("x")), ("v", s("1"))])).await;
    assert_error(
        create_global(db, &t, &[&home, &away]).await,
        "ValidationException",
        &format!("{INVALID}: Table {t} in region {away} is not empty"),
    );
    assert_error(
        describe_global(db, &t).await,
        "GlobalTableNotFoundException",
        &format!("The specified global table does not exist: {t}"),
    );

    // A global table of the home region alone; the other table cannot join while not empty.
    create_global(db, &t, &[&home])
        .await
        .expect("a global table of one region");
    until_global_active(db, &t).await;
    assert_error(
        create_global(db, &t, &[&home]).await,
        "GlobalTableAlreadyExistsException",
        &format!("The specified global table already exists: {t}"),
    );
    assert_error(
        db.update_global_table(update(&t, add(&home))).await,
        "ReplicaAlreadyExistsException",
        &format!("The specified replica is already part of the global table: {home}"),
    );
    assert_error(
        db.update_global_table(update(&t, remove(&away))).await,
        "ReplicaNotFoundException",
        &format!("The specified replica is no longer part of the global table: {away}"),
    );
    assert_error(
        db.update_global_table(update(&t, add(&away))).await,
        "ValidationException",
        &format!("{INVALID}: Table {t} in region {away} is not empty"),
    );
    assert_error(
        db.update_global_table(update(
            &t,
            ReplicaUpdate {
                create: None,
                delete: None,
            },
        ))
        .await,
        "ValidationException",
        &format!("{INVALID}: A replica update must have exactly one of Create or Delete"),
    );
    assert_error(
        db.update_table(UpdateTableInput {
            table_name: Some(t.clone()),
            replica_updates: Some(vec![ReplicationGroupUpdate {
                create: Some(CreateReplicationGroupMemberAction {
                    region_name: Some(away.clone()),
                    ..Default::default()
                }),
                ..Default::default()
            }]),
            ..Default::default()
        })
        .await,
        "ValidationException",
        &format!(
            "{INVALID}: Table {t} belongs to a version 2017.11.29 global table; use UpdateGlobalTable"
        ),
    );
    // Emptied, it joins.
    other
        .delete_item(DeleteItemInput {
            table_name: Some(t.clone()),
            key: Some(item(&[("pk", s("x"))])),
            ..Default::default()
        })
        .await
        .expect("empty it");
    let joined = db
        .update_global_table(update(&t, add(&away)))
        .await
        .expect("join")
        .global_table_description
        .expect("a description");
    assert_eq!(regions_of(&joined).len(), 2);

    delete_table(other, &t).await;
    delete_table(db, &t).await;
}

/// DescribeGlobalTableSettings reports each region's billing mode and capacity;
/// UpdateGlobalTableSettings sets the global write capacity on every region, a region's own read
/// capacity and read auto scaling, and refuses unknown regions and malformed lists.
pub async fn legacy_global_table_settings(
    db: &dyn DynamoDb,
    other: &dyn DynamoDb,
    _clock: &dyn AdvanceClock,
) {
    let home = region_of(db).await;
    let away = region_of(other).await;
    let t = unique_name("legacy-settings");
    let input = CreateTableInput {
        stream_specification: Some(StreamSpecification {
            stream_enabled: Some(true),
            stream_view_type: Some(StreamViewType::NewAndOldImages),
        }),
        ..table_input(&t, false)
    };
    for client in [db, other] {
        client
            .create_table(input.clone())
            .await
            .expect("create table");
        until_active(client, &t).await;
    }
    create_global(db, &t, &[&home, &away])
        .await
        .expect("create global table");
    until_global_active(db, &t).await;

    let settings = db
        .describe_global_table_settings(DescribeGlobalTableSettingsInput {
            global_table_name: Some(t.clone()),
        })
        .await
        .expect("describe settings");
    assert_eq!(settings.global_table_name.as_deref(), Some(t.as_str()));
    let replicas = settings.replica_settings.expect("settings");
    assert_eq!(replicas.len(), 2);
    for r in &replicas {
        assert_eq!(
            r.replica_billing_mode_summary
                .as_ref()
                .and_then(|b| b.billing_mode.clone()),
            Some(BillingMode::Provisioned)
        );
        assert_eq!(r.replica_provisioned_read_capacity_units, Some(5));
        assert_eq!(r.replica_provisioned_write_capacity_units, Some(5));
        assert_eq!(r.replica_status, Some(ReplicaStatus::Active));
    }

    let scaling = AutoScalingSettingsUpdate {
        minimum_units: Some(2),
        maximum_units: Some(20),
        scaling_policy_update: Some(AutoScalingPolicyUpdate {
            policy_name: Some("reads".to_owned()),
            target_tracking_scaling_policy_configuration: Some(
                AutoScalingTargetTrackingScalingPolicyConfiguration {
                    target_value: Some(70.0),
                    ..Default::default()
                },
            ),
        }),
        ..Default::default()
    };
    let updated = db
        .update_global_table_settings(UpdateGlobalTableSettingsInput {
            global_table_name: Some(t.clone()),
            global_table_provisioned_write_capacity_units: Some(10),
            replica_settings_update: Some(vec![ReplicaSettingsUpdate {
                region_name: Some(away.clone()),
                replica_provisioned_read_capacity_units: Some(7),
                replica_provisioned_read_capacity_auto_scaling_settings_update: Some(scaling),
                ..Default::default()
            }]),
            ..Default::default()
        })
        .await
        .expect("update settings")
        .replica_settings
        .expect("settings");
    for r in &updated {
        assert_eq!(r.replica_provisioned_write_capacity_units, Some(10));
        let mine = r.region_name.as_deref() == Some(away.as_str());
        assert_eq!(
            r.replica_provisioned_read_capacity_units,
            Some(if mine { 7 } else { 5 })
        );
        let reads = r
            .replica_provisioned_read_capacity_auto_scaling_settings
            .as_ref();
        assert_eq!(
            reads.and_then(|a| a.maximum_units),
            if mine { Some(20) } else { None }
        );
    }
    let table = describe(other, &t).await;
    let p = table.provisioned_throughput.expect("throughput");
    assert_eq!(
        (p.read_capacity_units, p.write_capacity_units),
        (Some(7), Some(10))
    );

    assert_error(
        db.update_global_table_settings(UpdateGlobalTableSettingsInput {
            global_table_name: Some(t.clone()),
            replica_settings_update: Some(vec![ReplicaSettingsUpdate {
                region_name: Some("ap-nowhere-1".to_owned()),
                replica_provisioned_read_capacity_units: Some(3),
                ..Default::default()
            }]),
            ..Default::default()
        })
        .await,
        "ReplicaNotFoundException",
        "The specified replica is no longer part of the global table: ap-nowhere-1",
    );
    assert_error(
        db.update_global_table_settings(UpdateGlobalTableSettingsInput {
            global_table_name: Some(t.clone()),
            global_table_provisioned_write_capacity_units: Some(0),
            replica_settings_update: Some(vec![]),
            ..Default::default()
        })
        .await,
        "ValidationException",
        "2 validation errors detected: Value '0' at 'globalTableProvisionedWriteCapacityUnits' failed to satisfy constraint: Member must have value greater than or equal to 1; Value at 'replicaSettingsUpdate' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );

    delete_table(other, &t).await;
    delete_table(db, &t).await;
}
