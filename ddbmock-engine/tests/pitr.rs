//! Point-in-time recovery on the engine, beyond the conformance scenarios: the change log stays
//! bounded by the recovery period, every kind of write is recoverable, recovery survives a reopened
//! SQLite file, and deleting the table drops its log.

#[path = "streams_support/mod.rs"]
mod streams_support;

use std::ops::{Bound, ControlFlow};
use std::sync::Arc;
use std::time::Duration;

use ddbmock_engine::storage::SqliteStorage;
use ddbmock_engine::{Clock, DynamoDb, Engine, EngineConfig};
use serde_json::json;
use streams_support::*;

fn wire<T: serde::de::DeserializeOwned>(v: serde_json::Value) -> T {
    serde_json::from_value(v).expect("a valid request")
}

async fn enable(db: &Engine, table: &str, days: i32) {
    db.update_continuous_backups(wire(json!({
        "TableName": table,
        "PointInTimeRecoverySpecification": {
            "PointInTimeRecoveryEnabled": true, "RecoveryPeriodInDays": days
        }
    })))
    .await
    .unwrap();
}

async fn latest(db: &Engine, table: &str) -> f64 {
    db.describe_continuous_backups(wire(json!({ "TableName": table })))
        .await
        .unwrap()
        .continuous_backups_description
        .and_then(|d| d.point_in_time_recovery_description)
        .and_then(|p| p.latest_restorable_date_time)
        .unwrap()
}

async fn restore(db: &Engine, source: &str, target: &str, at: f64) {
    db.restore_table_to_point_in_time(wire(json!({
        "SourceTableName": source, "TargetTableName": target, "RestoreDateTime": at
    })))
    .await
    .unwrap();
}

/// Every entry of every keyspace the store holds (ids up to `max`): the table's items plus the
/// log's entries, for a table without indexes.
fn stored_entries(db: &Engine, max: u64) -> usize {
    let mut count = 0;
    for space in 1..=max {
        let _ = db.storage().scan(
            space,
            Bound::Unbounded,
            Bound::Unbounded,
            false,
            &mut |_, _| {
                count += 1;
                ControlFlow::Continue(())
            },
        );
    }
    count
}

/// The log keeps the writes of the recovery period (and about a minute more), not every write
/// ever made: after the period passes, the next write trims it.
#[tokio::test]
async fn the_log_is_bounded_by_the_recovery_period() {
    let clock = Clock::manual(start());
    let db = Engine::memory_with_clock(clock.clone());
    create(&db, "tbl", None).await;
    enable(&db, "tbl", 1).await;
    for i in 0..200 {
        put(&db, "tbl", item(&[("pk", s("hot")), ("n", n(i))])).await;
    }
    assert_eq!(stored_entries(&db, 10), 1 + 200);
    clock.advance(Duration::from_secs(86_400 + 120));
    put(&db, "tbl", item(&[("pk", s("hot")), ("n", n(200))])).await;
    assert_eq!(
        stored_entries(&db, 10),
        1 + 1,
        "only the write within the period"
    );
    // Recovery still works across the trim.
    clock.advance(Duration::from_secs(600));
    put(&db, "tbl", item(&[("pk", s("hot")), ("n", n(201))])).await;
    let at = latest(&db, "tbl").await - 1.0;
    restore(&db, "tbl", "res", at).await;
    assert_eq!(
        get(&db, "res", "hot").await,
        Some(item(&[("pk", s("hot")), ("n", n(200))]))
    );
}

/// Writes of every kind (batches, transactions, updates, TTL deletions) are undone by a restore
/// to before them; disabling recovery empties the log, and deleting the table drops it.
#[tokio::test]
async fn every_kind_of_write_is_recoverable() {
    let clock = Clock::manual(start());
    let db = Engine::memory_with_clock(clock.clone());
    create(&db, "tbl", None).await;
    put(&db, "tbl", item(&[("pk", s("a")), ("v", n(1))])).await;
    put(&db, "tbl", item(&[("pk", s("gone")), ("exp", n(T0 + 900))])).await;
    enable(&db, "tbl", 7).await;
    clock.advance(Duration::from_secs(600));
    let before = latest(&db, "tbl").await;
    db.batch_write_item(wire(json!({"RequestItems": {"tbl": [
        {"PutRequest": {"Item": {"pk": {"S": "b"}}}},
        {"DeleteRequest": {"Key": {"pk": {"S": "a"}}}}
    ]}})))
    .await
    .unwrap();
    db.transact_write_items(wire(json!({"TransactItems": [
        {"Put": {"TableName": "tbl", "Item": {"pk": {"S": "c"}}}},
        {"Update": {"TableName": "tbl", "Key": {"pk": {"S": "b"}}, "UpdateExpression": "SET v = :v",
                    "ExpressionAttributeValues": {":v": {"N": "2"}}}}
    ]})))
    .await
    .unwrap();
    db.update_time_to_live(wire(json!({"TableName": "tbl",
        "TimeToLiveSpecification": {"Enabled": true, "AttributeName": "exp"}})))
        .await
        .unwrap();
    clock.advance(Duration::from_secs(600));
    assert_eq!(
        get(&db, "tbl", "gone").await,
        None,
        "the TTL sweep deleted it"
    );
    restore(&db, "tbl", "res", before).await;
    assert_eq!(describe(&db, "res").await.item_count, Some(2));
    assert_eq!(
        get(&db, "res", "a").await,
        Some(item(&[("pk", s("a")), ("v", n(1))]))
    );
    assert_eq!(
        get(&db, "res", "gone").await,
        Some(item(&[("pk", s("gone")), ("exp", n(T0 + 900))]))
    );
    assert_eq!(get(&db, "res", "b").await, None);

    let entries = stored_entries(&db, 20);
    db.update_continuous_backups(wire(json!({"TableName": "tbl",
        "PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": false}})))
        .await
        .unwrap();
    let emptied = stored_entries(&db, 20);
    assert_eq!(entries - emptied, 5, "the five changes' entries are gone");
    db.delete_table(wire(json!({"TableName": "tbl"})))
        .await
        .unwrap();
    assert_eq!(stored_entries(&db, 20), emptied - 2);
}

/// On SQLite the log is in the file: a reopened engine restores to a moment before it closed.
#[tokio::test]
async fn recovery_survives_a_reopened_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db.sqlite");
    let clock = Clock::manual(start());
    let open = || {
        let storage = Arc::new(SqliteStorage::open(&path).unwrap());
        Engine::with_storage(storage, clock.clone(), EngineConfig::default()).unwrap()
    };
    let at = {
        let db = open();
        create(&db, "tbl", None).await;
        enable(&db, "tbl", 1).await;
        put(&db, "tbl", item(&[("pk", s("a")), ("v", n(1))])).await;
        clock.advance(Duration::from_secs(600));
        let at = latest(&db, "tbl").await;
        put(&db, "tbl", item(&[("pk", s("a")), ("v", n(2))])).await;
        at
    };
    let db = open();
    put(&db, "tbl", item(&[("pk", s("a")), ("v", n(3))])).await;
    restore(&db, "tbl", "res", at).await;
    assert_eq!(
        get(&db, "res", "a").await,
        Some(item(&[("pk", s("a")), ("v", n(1))]))
    );
    clock.advance(Duration::from_secs(600));
    let now = latest(&db, "tbl").await;
    restore(&db, "tbl", "res2", now).await;
    assert_eq!(
        get(&db, "res2", "a").await,
        Some(item(&[("pk", s("a")), ("v", n(3))]))
    );
}
