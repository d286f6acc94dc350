//! Global tables (version 2019.11.21) in the engine: the replica status on the engine clock,
//! each region's stream showing replicated writes once, batches and transactions replicating
//! through the one write pipeline, replica lists surviving a SQLite reopen, and engines without
//! other regions refusing replicas; and global tables version 2017.11.29 (CreateGlobalTable and
//! the rest): persistence, status, listing from any region, settings. The conformance suite
//! (`global_tables.rs` and `legacy_global_tables.rs` there) covers convergence, last writer wins
//! and the misuse errors on every door.

mod streams_support;

use std::time::{Duration, SystemTime};

use ddbmock_core::operation::*;
use ddbmock_engine::{Clock, DynamoDb, Engine, Scopes};
use streams_support::{assert_error, events, get, item, put, read_all, s};

const ACCOUNT: &str = "000000000000";

fn scopes(clock: &Clock) -> Scopes {
    Engine::builder().clock(clock.clone()).scopes().unwrap()
}

/// CreateTable of an on-demand table keyed by the string `pk`.
fn table_input(name: &str) -> CreateTableInput {
    CreateTableInput {
        table_name: Some(name.to_owned()),
        attribute_definitions: Some(vec![AttributeDefinition {
            attribute_name: Some("pk".to_owned()),
            attribute_type: Some(ScalarAttributeType::S),
        }]),
        key_schema: Some(vec![KeySchemaElement {
            attribute_name: Some("pk".to_owned()),
            key_type: Some(KeyType::Hash),
        }]),
        billing_mode: Some(BillingMode::PayPerRequest),
        ..Default::default()
    }
}

async fn create(db: &Engine, name: &str) {
    db.create_table(table_input(name)).await.unwrap();
}

async fn add_replica(
    db: &Engine,
    name: &str,
    region: &str,
) -> Result<UpdateTableOutput, ddbmock_core::Error> {
    db.update_table(UpdateTableInput {
        table_name: Some(name.to_owned()),
        replica_updates: Some(vec![ReplicationGroupUpdate {
            create: Some(CreateReplicationGroupMemberAction {
                region_name: Some(region.to_owned()),
                ..Default::default()
            }),
            ..Default::default()
        }]),
        ..Default::default()
    })
    .await
}

async fn describe(db: &Engine, name: &str) -> TableDescription {
    streams_support::describe(db, name).await
}

fn replica_status(d: &TableDescription, region: &str) -> Option<ReplicaStatus> {
    d.replicas
        .iter()
        .flatten()
        .find(|r| r.region_name.as_deref() == Some(region))
        .and_then(|r| r.replica_status.clone())
}

#[tokio::test]
async fn a_new_replica_is_creating_until_the_status_delay_has_passed() {
    let clock = Clock::manual(SystemTime::now());
    let scopes = Engine::builder()
        .clock(clock.clone())
        .table_status_delay(Duration::from_secs(10))
        .scopes()
        .unwrap();
    let us = scopes.home().clone();
    let eu = scopes.engine(ACCOUNT, "eu-west-1").unwrap();
    create(&us, "tbl").await;
    clock.advance(Duration::from_secs(10));
    let out = add_replica(&us, "tbl", "eu-west-1").await.unwrap();
    let d = out.table_description.unwrap();
    assert_eq!(
        replica_status(&d, "eu-west-1"),
        Some(ReplicaStatus::Creating)
    );
    assert_eq!(d.table_status, Some(TableStatus::Updating));
    assert_eq!(
        describe(&eu, "tbl").await.table_status,
        Some(TableStatus::Creating)
    );
    clock.advance(Duration::from_secs(9));
    assert_eq!(
        replica_status(&describe(&us, "tbl").await, "eu-west-1"),
        Some(ReplicaStatus::Creating)
    );
    clock.advance(Duration::from_secs(1));
    let d = describe(&us, "tbl").await;
    assert_eq!(replica_status(&d, "eu-west-1"), Some(ReplicaStatus::Active));
    assert_eq!(d.table_status, Some(TableStatus::Active));
    let d = describe(&eu, "tbl").await;
    assert_eq!(d.table_status, Some(TableStatus::Active));
    assert_eq!(replica_status(&d, "us-east-1"), Some(ReplicaStatus::Active));
}

#[tokio::test]
async fn each_regions_stream_shows_replicated_writes_once() {
    let clock = Clock::manual(SystemTime::now());
    let scopes = scopes(&clock);
    let us = scopes.home().clone();
    let eu = scopes.engine(ACCOUNT, "eu-west-1").unwrap();
    create(&us, "tbl").await;
    add_replica(&us, "tbl", "eu-west-1").await.unwrap();
    put(&us, "tbl", item(&[("pk", s("a")), ("v", s("1"))])).await;
    put(&eu, "tbl", item(&[("pk", s("b")), ("v", s("2"))])).await;
    clock.advance(Duration::from_secs(1));
    let us_arn = describe(&us, "tbl").await.latest_stream_arn.unwrap();
    let eu_arn = describe(&eu, "tbl").await.latest_stream_arn.unwrap();
    assert!(eu_arn.contains(":eu-west-1:"), "{eu_arn}");
    let pairs = |v: &[(&str, &str)]| -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect()
    };
    let here = read_all(&us, &us_arn).await;
    let there = read_all(&eu, &eu_arn).await;
    assert_eq!(events(&here), pairs(&[("INSERT", "a"), ("INSERT", "b")]));
    assert_eq!(events(&there), pairs(&[("INSERT", "b"), ("INSERT", "a")]));
    // Version 2019.11.21 adds no aws:rep:* attributes (those are the 2017 version's), and each
    // record names its own region.
    for r in here.iter().chain(&there) {
        let image = r.dynamodb.as_ref().unwrap().new_image.as_ref().unwrap();
        assert!(
            image.keys().all(|k| !k.starts_with("aws:rep:")),
            "{image:?}"
        );
    }
    assert!(
        there
            .iter()
            .all(|r| r.aws_region.as_deref() == Some("eu-west-1"))
    );
}

#[tokio::test]
async fn batches_and_transactions_replicate() {
    let clock = Clock::manual(SystemTime::now());
    let scopes = scopes(&clock);
    let us = scopes.home().clone();
    let eu = scopes.engine(ACCOUNT, "eu-west-1").unwrap();
    create(&us, "tbl").await;
    add_replica(&us, "tbl", "eu-west-1").await.unwrap();
    let put_request = |pk: &str| WriteRequest {
        put_request: Some(PutRequest {
            item: Some(item(&[("pk", s(pk))])),
        }),
        delete_request: None,
    };
    us.batch_write_item(BatchWriteItemInput {
        request_items: Some(
            [("tbl".to_owned(), vec![put_request("b1"), put_request("b2")])]
                .into_iter()
                .collect(),
        ),
        ..Default::default()
    })
    .await
    .unwrap();
    us.transact_write_items(TransactWriteItemsInput {
        transact_items: Some(vec![TransactWriteItem {
            put: Some(Put {
                table_name: Some("tbl".to_owned()),
                item: Some(item(&[("pk", s("x1"))])),
                ..Default::default()
            }),
            ..Default::default()
        }]),
        ..Default::default()
    })
    .await
    .unwrap();
    assert!(get(&eu, "tbl", "b1").await.is_none());
    clock.advance(Duration::from_secs(1));
    for pk in ["b1", "b2", "x1"] {
        assert!(get(&eu, "tbl", pk).await.is_some(), "{pk}");
    }
}

#[tokio::test]
async fn the_lag_is_configurable() {
    let clock = Clock::manual(SystemTime::now());
    let scopes = Engine::builder()
        .clock(clock.clone())
        .replication_lag(Duration::from_secs(30))
        .scopes()
        .unwrap();
    let us = scopes.home().clone();
    let eu = scopes.engine(ACCOUNT, "eu-west-1").unwrap();
    create(&us, "tbl").await;
    add_replica(&us, "tbl", "eu-west-1").await.unwrap();
    put(&us, "tbl", item(&[("pk", s("a"))])).await;
    clock.advance(Duration::from_secs(29));
    assert!(get(&eu, "tbl", "a").await.is_none());
    clock.advance(Duration::from_secs(1));
    assert!(get(&eu, "tbl", "a").await.is_some());
}

#[tokio::test]
async fn replicas_survive_a_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("tables.db");
    let clock = Clock::manual(SystemTime::now());
    {
        let scopes = Engine::builder()
            .clock(clock.clone())
            .sqlite(&file)
            .scopes()
            .unwrap();
        create(scopes.home(), "tbl").await;
        add_replica(scopes.home(), "tbl", "eu-west-1")
            .await
            .unwrap();
    }
    let scopes = Engine::builder()
        .clock(clock.clone())
        .sqlite(&file)
        .scopes()
        .unwrap();
    let us = scopes.home().clone();
    let eu = scopes.engine(ACCOUNT, "eu-west-1").unwrap();
    assert_eq!(
        replica_status(&describe(&us, "tbl").await, "eu-west-1"),
        Some(ReplicaStatus::Active)
    );
    put(&eu, "tbl", item(&[("pk", s("a"))])).await;
    clock.advance(Duration::from_secs(1));
    assert!(get(&us, "tbl", "a").await.is_some());
}

#[tokio::test]
async fn one_engine_for_every_region_has_nowhere_to_put_a_replica() {
    let text = "One or more parameter values were invalid: Replicas need separate regions; this ddbmock serves every region with one set of tables";
    let shared = Scopes::shared(Engine::memory());
    for db in [
        Engine::memory(),
        shared.engine(ACCOUNT, "eu-west-1").unwrap(),
    ] {
        create(&db, "tbl").await;
        assert_error(
            add_replica(&db, "tbl", "eu-west-1").await,
            "ValidationException",
            text,
        );
        assert_eq!(describe(&db, "tbl").await.replicas, None);
    }
}

#[tokio::test]
async fn a_replica_update_changes_the_replica_only() {
    let clock = Clock::manual(SystemTime::now());
    let scopes = scopes(&clock);
    let us = scopes.home().clone();
    let eu = scopes.engine(ACCOUNT, "eu-west-1").unwrap();
    create(&us, "tbl").await;
    let update = |region: &str, class: Option<TableClass>| UpdateTableInput {
        table_name: Some("tbl".to_owned()),
        replica_updates: Some(vec![ReplicationGroupUpdate {
            update: Some(UpdateReplicationGroupMemberAction {
                region_name: Some(region.to_owned()),
                table_class_override: class,
                ..Default::default()
            }),
            ..Default::default()
        }]),
        ..Default::default()
    };
    assert_error(
        us.update_table(update(
            "eu-west-1",
            Some(TableClass::StandardInfrequentAccess),
        ))
        .await,
        "ValidationException",
        "One or more parameter values were invalid: Table tbl has no replica in region eu-west-1",
    );
    add_replica(&us, "tbl", "eu-west-1").await.unwrap();
    assert_error(
        us.update_table(update("eu-west-1", None)).await,
        "ValidationException",
        "One or more parameter values were invalid: The replica update for region eu-west-1 changes nothing",
    );
    us.update_table(update(
        "eu-west-1",
        Some(TableClass::StandardInfrequentAccess),
    ))
    .await
    .unwrap();
    let class = |d: TableDescription| d.table_class_summary.and_then(|c| c.table_class);
    assert_eq!(
        class(describe(&eu, "tbl").await),
        Some(TableClass::StandardInfrequentAccess)
    );
    assert_ne!(
        class(describe(&us, "tbl").await),
        Some(TableClass::StandardInfrequentAccess)
    );
}

#[tokio::test]
async fn deleting_a_replica_table_takes_it_out_of_the_group() {
    let clock = Clock::manual(SystemTime::now());
    let scopes = scopes(&clock);
    let us = scopes.home().clone();
    let eu = scopes.engine(ACCOUNT, "eu-west-1").unwrap();
    let ap = scopes.engine(ACCOUNT, "ap-south-1").unwrap();
    create(&us, "tbl").await;
    add_replica(&us, "tbl", "eu-west-1").await.unwrap();
    add_replica(&us, "tbl", "ap-south-1").await.unwrap();
    let regions = |d: TableDescription| -> Vec<String> {
        d.replicas
            .into_iter()
            .flatten()
            .filter_map(|r| r.region_name)
            .collect()
    };
    assert_eq!(
        regions(describe(&eu, "tbl").await),
        ["us-east-1", "ap-south-1"]
    );
    assert_eq!(
        regions(describe(&ap, "tbl").await),
        ["eu-west-1", "us-east-1"]
    );
    eu.delete_table(DeleteTableInput {
        table_name: Some("tbl".to_owned()),
    })
    .await
    .unwrap();
    assert_eq!(regions(describe(&us, "tbl").await), ["ap-south-1"]);
    assert_eq!(regions(describe(&ap, "tbl").await), ["us-east-1"]);
    // The two left still replicate to each other.
    put(&ap, "tbl", item(&[("pk", s("a"))])).await;
    clock.advance(Duration::from_secs(1));
    assert!(get(&us, "tbl", "a").await.is_some());
}

// Global tables version 2017.11.29 (legacy): CreateGlobalTable and the rest. The conformance
// suite (`legacy_global_tables.rs` there) covers replication and the refusals on every door.

/// An on-demand table keyed by `pk` with a stream of both images, as a legacy member needs.
async fn create_streamed(db: &Engine, name: &str) {
    db.create_table(CreateTableInput {
        stream_specification: Some(StreamSpecification {
            stream_enabled: Some(true),
            stream_view_type: Some(StreamViewType::NewAndOldImages),
        }),
        ..table_input(name)
    })
    .await
    .unwrap();
}

async fn create_global(
    db: &Engine,
    name: &str,
    regions: &[&str],
) -> Result<CreateGlobalTableOutput, ddbmock_core::Error> {
    db.create_global_table(CreateGlobalTableInput {
        global_table_name: Some(name.to_owned()),
        replication_group: Some(
            regions
                .iter()
                .map(|r| Replica {
                    region_name: Some((*r).to_owned()),
                })
                .collect(),
        ),
    })
    .await
}

async fn global_status(db: &Engine, name: &str) -> Option<GlobalTableStatus> {
    db.describe_global_table(DescribeGlobalTableInput {
        global_table_name: Some(name.to_owned()),
    })
    .await
    .unwrap()
    .global_table_description
    .and_then(|d| d.global_table_status)
}

#[tokio::test]
async fn a_legacy_global_table_survives_a_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("tables.db");
    let clock = Clock::manual(SystemTime::now());
    {
        let scopes = Engine::builder()
            .clock(clock.clone())
            .sqlite(&file)
            .scopes()
            .unwrap();
        let eu = scopes.engine(ACCOUNT, "eu-west-1").unwrap();
        create_streamed(scopes.home(), "tbl").await;
        create_streamed(&eu, "tbl").await;
        create_global(scopes.home(), "tbl", &["us-east-1", "eu-west-1"])
            .await
            .unwrap();
    }
    let scopes = Engine::builder()
        .clock(clock.clone())
        .sqlite(&file)
        .scopes()
        .unwrap();
    let us = scopes.home().clone();
    assert_eq!(
        global_status(&us, "tbl").await,
        Some(GlobalTableStatus::Active)
    );
    let eu = scopes.engine(ACCOUNT, "eu-west-1").unwrap();
    put(&eu, "tbl", item(&[("pk", s("a"))])).await;
    assert!(get(&us, "tbl", "a").await.is_none());
    clock.advance(Duration::from_secs(1));
    assert!(get(&us, "tbl", "a").await.is_some());
    // Still the legacy version: DescribeTable shows no 2019 replicas.
    assert_eq!(describe(&us, "tbl").await.global_table_version, None);
}

#[tokio::test]
async fn a_legacy_global_table_is_creating_until_the_status_delay_has_passed() {
    let clock = Clock::manual(SystemTime::now());
    let scopes = Engine::builder()
        .clock(clock.clone())
        .table_status_delay(Duration::from_secs(10))
        .scopes()
        .unwrap();
    let us = scopes.home().clone();
    create_streamed(&us, "tbl").await;
    clock.advance(Duration::from_secs(10));
    let created = create_global(&us, "tbl", &["us-east-1"]).await.unwrap();
    assert_eq!(
        created
            .global_table_description
            .and_then(|d| d.global_table_status),
        Some(GlobalTableStatus::Creating)
    );
    clock.advance(Duration::from_secs(10));
    assert_eq!(
        global_status(&us, "tbl").await,
        Some(GlobalTableStatus::Active)
    );
}

#[tokio::test]
async fn legacy_global_tables_are_listed_from_any_region_a_page_at_a_time() {
    let clock = Clock::manual(SystemTime::now());
    let scopes = scopes(&clock);
    let us = scopes.home().clone();
    let eu = scopes.engine(ACCOUNT, "eu-west-1").unwrap();
    let ap = scopes.engine(ACCOUNT, "ap-south-1").unwrap();
    for name in ["gta", "gtb"] {
        create_streamed(&us, name).await;
        create_streamed(&eu, name).await;
    }
    create_global(&us, "gta", &["us-east-1", "eu-west-1"])
        .await
        .unwrap();
    create_global(&eu, "gtb", &["eu-west-1"]).await.unwrap();

    // A region outside the group describes it too: a global table is the account's.
    assert_eq!(
        global_status(&ap, "gta").await,
        Some(GlobalTableStatus::Active)
    );
    let page = |start: Option<&str>, limit: i32, region: Option<&str>| ListGlobalTablesInput {
        exclusive_start_global_table_name: start.map(str::to_owned),
        limit: Some(limit),
        region_name: region.map(str::to_owned),
    };
    let first = ap.list_global_tables(page(None, 1, None)).await.unwrap();
    let names = |o: &ListGlobalTablesOutput| {
        o.global_tables
            .iter()
            .flatten()
            .filter_map(|g| g.global_table_name.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&first), vec!["gta"]);
    assert_eq!(
        first.last_evaluated_global_table_name.as_deref(),
        Some("gta")
    );
    let second = ap
        .list_global_tables(page(Some("gta"), 1, None))
        .await
        .unwrap();
    assert_eq!(names(&second), vec!["gtb"]);
    assert_eq!(second.last_evaluated_global_table_name, None);
    let in_us = us
        .list_global_tables(page(None, 10, Some("us-east-1")))
        .await
        .unwrap();
    assert_eq!(names(&in_us), vec!["gta"]);
    let in_ap = us
        .list_global_tables(page(None, 10, Some("ap-south-1")))
        .await
        .unwrap();
    assert_eq!(names(&in_ap), Vec::<String>::new());
}

#[tokio::test]
async fn one_engine_for_every_region_makes_a_legacy_global_table_of_its_own_region_only() {
    let db = Engine::memory();
    create_streamed(&db, "tbl").await;
    assert_error(
        create_global(&db, "tbl", &["us-east-1", "eu-west-1"]).await,
        "ValidationException",
        "One or more parameter values were invalid: Replicas need separate regions; this ddbmock serves every region with one set of tables",
    );
    create_global(&db, "tbl", &["us-east-1"]).await.unwrap();
    assert_eq!(
        global_status(&db, "tbl").await,
        Some(GlobalTableStatus::Active)
    );
}

#[tokio::test]
async fn legacy_global_table_settings_switch_the_billing_mode_of_every_region() {
    let clock = Clock::manual(SystemTime::now());
    let scopes = scopes(&clock);
    let us = scopes.home().clone();
    let eu = scopes.engine(ACCOUNT, "eu-west-1").unwrap();
    create_streamed(&us, "tbl").await;
    create_streamed(&eu, "tbl").await;
    create_global(&us, "tbl", &["us-east-1", "eu-west-1"])
        .await
        .unwrap();
    let write_units = |n| UpdateGlobalTableSettingsInput {
        global_table_name: Some("tbl".to_owned()),
        global_table_provisioned_write_capacity_units: Some(n),
        ..Default::default()
    };
    assert_error(
        us.update_global_table_settings(write_units(4)).await,
        "ValidationException",
        "One or more parameter values were invalid: Global table tbl is billed PAY_PER_REQUEST and has no provisioned capacity to update",
    );
    let reads = |region: &str, n| ReplicaSettingsUpdate {
        region_name: Some(region.to_owned()),
        replica_provisioned_read_capacity_units: Some(n),
        ..Default::default()
    };
    let out = us
        .update_global_table_settings(UpdateGlobalTableSettingsInput {
            global_table_billing_mode: Some(BillingMode::Provisioned),
            replica_settings_update: Some(vec![reads("us-east-1", 3), reads("eu-west-1", 6)]),
            ..write_units(4)
        })
        .await
        .unwrap();
    let settings = out.replica_settings.unwrap();
    let summary: Vec<_> = settings
        .iter()
        .map(|r| {
            (
                r.region_name.clone().unwrap(),
                r.replica_billing_mode_summary
                    .as_ref()
                    .and_then(|b| b.billing_mode.clone()),
                r.replica_provisioned_read_capacity_units,
                r.replica_provisioned_write_capacity_units,
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            (
                "eu-west-1".to_owned(),
                Some(BillingMode::Provisioned),
                Some(6),
                Some(4)
            ),
            (
                "us-east-1".to_owned(),
                Some(BillingMode::Provisioned),
                Some(3),
                Some(4)
            ),
        ]
    );
    let p = describe(&eu, "tbl").await.provisioned_throughput.unwrap();
    assert_eq!(
        (p.read_capacity_units, p.write_capacity_units),
        (Some(6), Some(4))
    );
}
