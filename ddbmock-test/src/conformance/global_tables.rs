//! Global tables (version 2019.11.21) scenarios: a replica made by UpdateTable's `ReplicaUpdates`
//! in a second region, writes converging after the replication lag, conflicts resolved last
//! writer wins, and DynamoDB's refusals of replica misuse.
//!
//! They run through [`conformance_region_tests!`](crate::conformance_region_tests), whose doors
//! give two clients of one account in two regions and a way to move the engines' shared clock.
//! Against DynamoDB itself the clock is time; the scenarios assume ddbmock's default replication
//! lag of one second (EngineConfig::replication_lag).

use std::time::Duration;

use ddbmock_core::DynamoDb;
use ddbmock_core::model::Item;
use ddbmock_core::operation::*;

use super::pitr::AdvanceClock;
use super::support::*;

const LAG: Duration = Duration::from_secs(1);

/// The region a client's requests reach, as its DescribeEndpoints names it.
pub(super) async fn region_of(db: &dyn DynamoDb) -> String {
    let endpoints = db
        .describe_endpoints(DescribeEndpointsInput::default())
        .await
        .expect("describe endpoints")
        .endpoints
        .expect("endpoints");
    let address = endpoints[0].address.clone().expect("an address");
    address
        .strip_prefix("dynamodb.")
        .and_then(|r| r.strip_suffix(".amazonaws.com"))
        .expect("dynamodb.REGION.amazonaws.com")
        .to_owned()
}

/// An on-demand table keyed by `pk` (S), with a global index `by_v` on `v` (S), and `stream` if
/// given; ACTIVE.
pub(super) async fn on_demand_table(
    db: &dyn DynamoDb,
    prefix: &str,
    stream: Option<StreamViewType>,
) -> String {
    let name = unique_name(prefix);
    db.create_table(CreateTableInput {
        table_name: Some(name.clone()),
        attribute_definitions: Some(vec![
            def("pk", ScalarAttributeType::S),
            def("v", ScalarAttributeType::S),
        ]),
        key_schema: Some(vec![key("pk", KeyType::Hash)]),
        billing_mode: Some(BillingMode::PayPerRequest),
        global_secondary_indexes: Some(vec![GlobalSecondaryIndex {
            index_name: Some("by_v".to_owned()),
            key_schema: Some(vec![key("v", KeyType::Hash)]),
            projection: Some(Projection {
                projection_type: Some(ProjectionType::All),
                non_key_attributes: None,
            }),
            ..Default::default()
        }]),
        stream_specification: stream.map(|view| StreamSpecification {
            stream_enabled: Some(true),
            stream_view_type: Some(view),
        }),
        ..Default::default()
    })
    .await
    .expect("create table");
    until_active(db, &name).await;
    name
}

fn replica_update(table: &str, update: ReplicationGroupUpdate) -> UpdateTableInput {
    UpdateTableInput {
        table_name: Some(table.to_owned()),
        replica_updates: Some(vec![update]),
        ..Default::default()
    }
}

fn create_in(region: &str) -> ReplicationGroupUpdate {
    ReplicationGroupUpdate {
        create: Some(CreateReplicationGroupMemberAction {
            region_name: Some(region.to_owned()),
            ..Default::default()
        }),
        ..Default::default()
    }
}

fn delete_in(region: &str) -> ReplicationGroupUpdate {
    ReplicationGroupUpdate {
        delete: Some(DeleteReplicationGroupMemberAction {
            region_name: Some(region.to_owned()),
        }),
        ..Default::default()
    }
}

/// Adds a replica of `table` in `other`'s region and waits until both sides call it ACTIVE.
async fn add_replica(db: &dyn DynamoDb, other: &dyn DynamoDb, table: &str) -> (String, String) {
    let home = region_of(db).await;
    let away = region_of(other).await;
    db.update_table(replica_update(table, create_in(&away)))
        .await
        .expect("create replica");
    loop {
        let d = describe(db, table).await;
        let replicas = d.replicas.unwrap_or_default();
        if replicas.iter().any(|r| {
            r.region_name.as_deref() == Some(away.as_str())
                && r.replica_status == Some(ReplicaStatus::Active)
        }) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    until_active(db, table).await;
    until_active(other, table).await;
    (home, away)
}

fn v_of(item: Option<Item>) -> Option<String> {
    match item?.get("v")? {
        ddbmock_core::model::AttributeValue::S(v) => Some(v.clone()),
        _ => None,
    }
}

pub(super) async fn v_at(db: &dyn DynamoDb, table: &str, pk: &str) -> Option<String> {
    v_of(get(db, table, item(&[("pk", s(pk))])).await)
}

/// A replica has the table's schema, indexes and items, shows in both regions' `Replicas`, and
/// every write in either region reaches the other once the lag has passed, indexes included;
/// deleting the replica makes the table regional again.
pub async fn replicas_converge_after_the_lag(
    db: &dyn DynamoDb,
    other: &dyn DynamoDb,
    clock: &dyn AdvanceClock,
) {
    let t = on_demand_table(db, "global", None).await;
    put(db, &t, item(&[("pk", s("a")), ("v", s("1"))])).await;
    let (home, away) = add_replica(db, other, &t).await;

    let here = describe(db, &t).await;
    assert_eq!(here.global_table_version.as_deref(), Some("2019.11.21"));
    let regions: Vec<_> = here
        .replicas
        .iter()
        .flatten()
        .filter_map(|r| r.region_name.clone())
        .collect();
    assert_eq!(regions, vec![away.clone()]);
    // Replication reads both images: the table now streams them.
    let spec = here.stream_specification.expect("a stream");
    assert_eq!(spec.stream_enabled, Some(true));
    assert_eq!(spec.stream_view_type, Some(StreamViewType::NewAndOldImages));

    let there = describe(other, &t).await;
    assert_eq!(there.global_table_version.as_deref(), Some("2019.11.21"));
    assert_eq!(there.key_schema, here.key_schema);
    assert_eq!(
        there
            .replicas
            .iter()
            .flatten()
            .filter_map(|r| r.region_name.clone())
            .collect::<Vec<_>>(),
        vec![home.clone()]
    );
    let index = there
        .global_secondary_indexes
        .expect("the replica's indexes")
        .into_iter()
        .next()
        .expect("by_v");
    assert_eq!(index.index_name.as_deref(), Some("by_v"));
    assert_eq!(index.key_schema, Some(vec![key("v", KeyType::Hash)]));
    assert!(
        there
            .table_arn
            .as_deref()
            .is_some_and(|a| a.contains(&away))
    );
    // The items the table had are copied.
    assert_eq!(v_at(other, &t, "a").await.as_deref(), Some("1"));

    // A write reaches the other region after the lag, not before.
    put(db, &t, item(&[("pk", s("b")), ("v", s("2"))])).await;
    assert_eq!(v_at(other, &t, "b").await, None);
    clock.advance(LAG);
    assert_eq!(v_at(other, &t, "b").await.as_deref(), Some("2"));
    let by_v = other
        .query(QueryInput {
            table_name: Some(t.clone()),
            index_name: Some("by_v".to_owned()),
            key_condition_expression: Some("v = :v".to_owned()),
            expression_attribute_values: Some(item(&[(":v", s("2"))])),
            ..Default::default()
        })
        .await
        .expect("query the replica's index");
    assert_eq!(by_v.count, Some(1));

    // And back: an update and a delete in the replica reach the table.
    other
        .update_item(UpdateItemInput {
            table_name: Some(t.clone()),
            key: Some(item(&[("pk", s("b"))])),
            update_expression: Some("SET v = :v".to_owned()),
            expression_attribute_values: Some(item(&[(":v", s("3"))])),
            ..Default::default()
        })
        .await
        .expect("update in the replica");
    other
        .delete_item(DeleteItemInput {
            table_name: Some(t.clone()),
            key: Some(item(&[("pk", s("a"))])),
            ..Default::default()
        })
        .await
        .expect("delete in the replica");
    assert_eq!(v_at(db, &t, "b").await.as_deref(), Some("2"));
    assert_eq!(v_at(db, &t, "a").await.as_deref(), Some("1"));
    clock.advance(LAG);
    assert_eq!(v_at(db, &t, "b").await.as_deref(), Some("3"));
    assert_eq!(v_at(db, &t, "a").await, None);

    // Deleting the replica leaves a regional table, and nothing replicates any more.
    let out = db
        .update_table(replica_update(&t, delete_in(&away)))
        .await
        .expect("delete replica")
        .table_description
        .expect("a description");
    assert_eq!(out.replicas, None);
    assert_eq!(out.global_table_version, None);
    put(db, &t, item(&[("pk", s("c")), ("v", s("4"))])).await;
    clock.advance(LAG);
    let gone = other
        .describe_table(DescribeTableInput {
            table_name: Some(t.clone()),
        })
        .await;
    match gone {
        Err(e) => assert_eq!(e.type_name(), "ResourceNotFoundException"),
        Ok(d) => assert_eq!(
            d.table.and_then(|d| d.table_status),
            Some(TableStatus::Deleting)
        ),
    }
    db.delete_table(DeleteTableInput {
        table_name: Some(t),
    })
    .await
    .expect("delete table");
}

/// Two regions writing one item before either write has replicated: both end with the later
/// write, whichever region made it.
pub async fn replica_conflicts_last_writer_wins(
    db: &dyn DynamoDb,
    other: &dyn DynamoDb,
    clock: &dyn AdvanceClock,
) {
    let t = on_demand_table(db, "lww", None).await;
    add_replica(db, other, &t).await;
    let half = LAG / 2;

    // The replica writes last.
    put(db, &t, item(&[("pk", s("k")), ("v", s("home"))])).await;
    clock.advance(half);
    put(other, &t, item(&[("pk", s("k")), ("v", s("away"))])).await;
    assert_eq!(v_at(db, &t, "k").await.as_deref(), Some("home"));
    assert_eq!(v_at(other, &t, "k").await.as_deref(), Some("away"));
    clock.advance(LAG * 2);
    assert_eq!(v_at(db, &t, "k").await.as_deref(), Some("away"));
    assert_eq!(v_at(other, &t, "k").await.as_deref(), Some("away"));

    // The table writes last: a delete wins over the replica's earlier put.
    put(other, &t, item(&[("pk", s("k")), ("v", s("again"))])).await;
    clock.advance(half);
    db.delete_item(DeleteItemInput {
        table_name: Some(t.clone()),
        key: Some(item(&[("pk", s("k"))])),
        ..Default::default()
    })
    .await
    .expect("delete");
    clock.advance(LAG * 2);
    assert_eq!(v_at(db, &t, "k").await, None);
    assert_eq!(v_at(other, &t, "k").await, None);

    db.update_table(replica_update(&t, delete_in(&region_of(other).await)))
        .await
        .expect("delete replica");
    db.delete_table(DeleteTableInput {
        table_name: Some(t),
    })
    .await
    .expect("delete table");
}

/// DynamoDB's refusals: a replica in the table's own region, a second replica in a region, a
/// region holding a table of that name, provisioned writes without auto scaling, a stream
/// without both images, an unknown replica, and malformed updates. None changes anything.
pub async fn replica_misuse_errors(
    db: &dyn DynamoDb,
    other: &dyn DynamoDb,
    _clock: &dyn AdvanceClock,
) {
    let home = region_of(db).await;
    let away = region_of(other).await;
    let prefix = "One or more parameter values were invalid";
    let t = on_demand_table(db, "misuse", None).await;

    assert_error(
        db.update_table(replica_update(&t, create_in(&home))).await,
        "ValidationException",
        &format!("{prefix}: Cannot add or remove a replica in the table's own region: {home}"),
    );
    assert_error(
        db.update_table(replica_update(&t, delete_in(&away))).await,
        "ValidationException",
        &format!("{prefix}: Table {t} has no replica in region {away}"),
    );
    assert_error(
        db.update_table(replica_update(
            &t,
            ReplicationGroupUpdate {
                create: Some(CreateReplicationGroupMemberAction::default()),
                ..Default::default()
            },
        ))
        .await,
        "ValidationException",
        "1 validation error detected: Value null at 'replicaUpdates.1.member.create.regionName' failed to satisfy constraint: Member must not be null",
    );
    assert_error(
        db.update_table(replica_update(
            &t,
            ReplicationGroupUpdate {
                create: create_in(&away).create,
                delete: delete_in(&away).delete,
                ..Default::default()
            },
        ))
        .await,
        "ValidationException",
        &format!("{prefix}: A replica update must have exactly one of Create, Update or Delete"),
    );
    assert_error(
        db.update_table(UpdateTableInput {
            deletion_protection_enabled: Some(false),
            ..replica_update(&t, create_in(&away))
        })
        .await,
        "ValidationException",
        &format!("{prefix}: ReplicaUpdates cannot be combined with other table updates"),
    );
    assert_eq!(describe(db, &t).await.replicas, None);

    // A region that already has a table of the name.
    other
        .create_table(CreateTableInput {
            billing_mode: Some(BillingMode::PayPerRequest),
            provisioned_throughput: None,
            ..table_input(&t, false)
        })
        .await
        .expect("a table of the same name over there");
    until_active(other, &t).await;
    let exists = format!(
        "Failed to create a the new replica of table with name: \u{2018}{t}\u{2019} because one or more replicas already existed as tables."
    );
    assert_error(
        db.update_table(replica_update(&t, create_in(&away))).await,
        "ValidationException",
        &exists,
    );
    other
        .delete_table(DeleteTableInput {
            table_name: Some(t.clone()),
        })
        .await
        .expect("delete the other table");
    // Now it works, and a second replica in the region is refused.
    add_replica(db, other, &t).await;
    assert_error(
        db.update_table(replica_update(&t, create_in(&away))).await,
        "ValidationException",
        &exists,
    );
    db.update_table(replica_update(&t, delete_in(&away)))
        .await
        .expect("delete replica");

    // Provisioned writes need auto scaling.
    let provisioned = new_table(db, "misuse-prov", false).await;
    assert_error(
        db.update_table(replica_update(&provisioned, create_in(&away)))
            .await,
        "ValidationException",
        "Table write capacity should either be Pay-Per-Request or AutoScaled.",
    );
    // A stream must carry both images.
    let keys_only = on_demand_table(db, "misuse-keys", Some(StreamViewType::KeysOnly)).await;
    assert_error(
        db.update_table(replica_update(&keys_only, create_in(&away)))
            .await,
        "ValidationException",
        &format!(
            "{prefix}: Table {keys_only} has a stream of view type KEYS_ONLY; a replica needs NEW_AND_OLD_IMAGES"
        ),
    );
    for name in [t, provisioned, keys_only] {
        assert_eq!(describe(db, &name).await.replicas, None);
        db.delete_table(DeleteTableInput {
            table_name: Some(name),
        })
        .await
        .expect("delete table");
    }
}
