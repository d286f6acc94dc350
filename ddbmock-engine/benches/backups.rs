//! The cost of backups and point-in-time recovery: the memory each retained write takes in the
//! change log (counted by the allocator, printed once), and the time to restore a table of
//! 100,000 ~200-byte items from a backup and to a point in time (with 1,000 items changed since),
//! on both stores.

// criterion_group! generates an undocumented public function.
#![allow(missing_docs)]

use std::alloc::System;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use criterion::{Criterion, criterion_group, criterion_main};
use ddbmock_core::model::{AttributeValue, Item};
use ddbmock_core::operation::*;
use ddbmock_engine::storage::SqliteStorage;
use ddbmock_engine::{Clock, DynamoDb, Engine, EngineConfig};
use stats_alloc::{INSTRUMENTED_SYSTEM, Region, StatsAlloc};

#[global_allocator]
static GLOBAL: &StatsAlloc<System> = &INSTRUMENTED_SYSTEM;

const ITEMS: u64 = 100_000;
const CHANGED: u64 = 1_000;

/// How many times smaller the tables are when `cargo test` runs this bench once to check that it
/// works (criterion measures only under `--bench`): loading 400,000 items in a debug build took
/// two minutes of the test command.
fn scale() -> u64 {
    if std::env::args().any(|arg| arg == "--bench") {
        1
    } else {
        100
    }
}

fn wire<T: serde::de::DeserializeOwned>(v: serde_json::Value) -> T {
    serde_json::from_value(v).expect("a valid request")
}

/// Drives the engine's futures directly: they never wait.
fn run<F: std::future::Future>(f: F) -> F::Output {
    let mut f = std::pin::pin!(f);
    let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
    loop {
        if let std::task::Poll::Ready(v) = f.as_mut().poll(&mut cx) {
            return v;
        }
    }
}

/// The harness's item: about 200 bytes by DynamoDB's measure.
fn item(i: u64, n: u64) -> Item {
    Item::from([
        (
            "pk".to_owned(),
            AttributeValue::S(format!("p{:06}", i / 10)),
        ),
        (
            "sk".to_owned(),
            AttributeValue::S(format!("s{:02}", i % 10)),
        ),
        ("data".to_owned(), AttributeValue::S("x".repeat(170))),
        ("n".to_owned(), AttributeValue::N(n.to_string())),
    ])
}

fn put(db: &Engine, i: u64, n: u64) {
    run(db.put_item(PutItemInput {
        table_name: Some("bench".to_owned()),
        item: Some(item(i, n)),
        ..Default::default()
    }))
    .expect("put");
}

/// An engine with table `bench` of `items` items, point-in-time recovery on.
fn loaded(db: Engine, items: u64) -> Engine {
    run(db.create_table(wire(serde_json::json!({
        "TableName": "bench",
        "AttributeDefinitions": [
            {"AttributeName": "pk", "AttributeType": "S"},
            {"AttributeName": "sk", "AttributeType": "S"}
        ],
        "KeySchema": [
            {"AttributeName": "pk", "KeyType": "HASH"},
            {"AttributeName": "sk", "KeyType": "RANGE"}
        ],
        "BillingMode": "PAY_PER_REQUEST"
    }))))
    .expect("create");
    run(db.update_continuous_backups(wire(serde_json::json!({
        "TableName": "bench",
        "PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": true}
    }))))
    .expect("enable");
    for i in 0..items {
        put(&db, i, 0);
    }
    db
}

fn memory() -> (Engine, Clock) {
    let clock = Clock::manual(SystemTime::now());
    (Engine::memory_with_clock(clock.clone()), clock)
}

fn sqlite() -> (Engine, Clock) {
    let clock = Clock::manual(SystemTime::now());
    let storage = Arc::new(SqliteStorage::temp().expect("a temporary database"));
    let db = Engine::with_storage(storage, clock.clone(), EngineConfig::default()).expect("opens");
    (db, clock)
}

/// Live heap bytes per retained write: replacing puts of 10,000 items on a table of 10,000, with
/// recovery on, against the same without the log.
fn memory_per_retained_write() {
    let writes = 10_000 / scale();
    let measure = |pitr: bool| {
        let (db, _clock) = memory();
        let db = loaded(db, writes);
        if !pitr {
            run(db.update_continuous_backups(wire(serde_json::json!({
                "TableName": "bench",
                "PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": false}
            }))))
            .expect("disable");
        }
        let region = Region::new(GLOBAL);
        for i in 0..writes {
            put(&db, i, 1);
        }
        let stats = region.change();
        (stats.bytes_allocated as f64 - stats.bytes_deallocated as f64) / writes as f64
    };
    let with = measure(true);
    let without = measure(false);
    eprintln!(
        "backups/memory_per_retained_write: {:.0} live bytes per write with recovery, {:.0} without: {:.0} bytes per retained write (a ~200-byte item)",
        with,
        without,
        with - without
    );
}

/// Times `restore` on an engine of [`ITEMS`] items, dropping each restored table untimed.
fn bench_restore(
    c: &mut Criterion,
    name: &str,
    (db, clock): (Engine, Clock),
    restore: impl Fn(&Engine, &str, &Source),
) {
    let (items, changed) = (ITEMS / scale(), CHANGED / scale());
    let db = loaded(db, items);
    clock.advance(Duration::from_secs(600));
    let at = run(db.describe_continuous_backups(wire(serde_json::json!({"TableName": "bench"}))))
        .expect("describe")
        .continuous_backups_description
        .and_then(|d| d.point_in_time_recovery_description)
        .and_then(|p| p.latest_restorable_date_time)
        .expect("a latest time");
    for i in 0..changed {
        put(&db, i * (items / changed), 1);
    }
    let backup_arn = run(db.create_backup(CreateBackupInput {
        table_name: Some("bench".to_owned()),
        backup_name: Some("bench-backup".to_owned()),
    }))
    .expect("backup")
    .backup_details
    .and_then(|d| d.backup_arn)
    .expect("an ARN");
    let from = Source { at, backup_arn };
    let mut n = 0u64;
    c.bench_function(name, |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                n += 1;
                let target = format!("restored-{n}");
                let began = Instant::now();
                restore(&db, &target, &from);
                total += began.elapsed();
                run(db.delete_table(wire(serde_json::json!({"TableName": target}))))
                    .expect("delete the restored table");
            }
            total
        })
    });
}

/// Where a restore starts from: a moment for point-in-time recovery, a backup for the other.
struct Source {
    at: f64,
    backup_arn: String,
}

fn restore_from_backup(db: &Engine, target: &str, from: &Source) {
    run(db.restore_table_from_backup(RestoreTableFromBackupInput {
        target_table_name: Some(target.to_owned()),
        backup_arn: Some(from.backup_arn.clone()),
        ..Default::default()
    }))
    .expect("restore");
}

fn restore_to_point(db: &Engine, target: &str, from: &Source) {
    run(
        db.restore_table_to_point_in_time(RestoreTableToPointInTimeInput {
            source_table_name: Some("bench".to_owned()),
            target_table_name: Some(target.to_owned()),
            restore_date_time: Some(from.at),
            ..Default::default()
        }),
    )
    .expect("restore");
}

fn benches(c: &mut Criterion) {
    memory_per_retained_write();
    bench_restore(
        c,
        "backups/restore_from_backup/memory/100000_items",
        memory(),
        restore_from_backup,
    );
    bench_restore(
        c,
        "backups/restore_to_point_in_time/memory/100000_items_1000_changed",
        memory(),
        restore_to_point,
    );
    bench_restore(
        c,
        "backups/restore_from_backup/sqlite/100000_items",
        sqlite(),
        restore_from_backup,
    );
    bench_restore(
        c,
        "backups/restore_to_point_in_time/sqlite/100000_items_1000_changed",
        sqlite(),
        restore_to_point,
    );
}

criterion_group! {
    name = backups;
    config = Criterion::default().sample_size(10).measurement_time(Duration::from_secs(5)).warm_up_time(Duration::from_secs(1));
    targets = benches
}
criterion_main!(backups);
