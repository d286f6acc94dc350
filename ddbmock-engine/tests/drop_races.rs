//! Requests racing the deletion of the keyspaces they read and write, on both stores: readers,
//! writers and the time-to-live sweeper hammer a table and its global secondary index while
//! UpdateTable deletes and recreates the index and DeleteTable and CreateTable delete and recreate
//! the table. Every request either succeeds or answers what DynamoDB answers one arriving after the
//! deletion, with its exact message; none gets `InternalServerError`; the sweeper passes over a
//! table deleted under it; and once the writers stop, the index holds exactly the table's items that
//! have its key, and both are counted right.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use ddbmock_core::operation::*;
use ddbmock_engine::{DynamoDb, Engine};
use serde_json::{Value, json};

mod race_support;
use race_support::{
    Rng, assert_index_matches, change_index, create_index, delete_index, engines, wire,
};

const READERS: u64 = 2;
const WRITERS: u64 = 2;
const KEYS: u64 = 32;
/// Table deletions, each after `INDEX_CYCLES` deletions and re-creations of the index.
const ROUNDS: usize = 6;
const INDEX_CYCLES: usize = 8;

/// A read or write of the table after DeleteTable.
const TABLE_GONE: (&str, &str) = ("ResourceNotFoundException", "Requested resource not found");
/// A read of the index after UpdateTable deleted it.
const INDEX_GONE: (&str, &str) = (
    "ValidationException",
    "The table does not have the specified index: by_g",
);

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap()
}

impl Rng {
    fn pk(&mut self) -> Value {
        key(self.below(KEYS))
    }
}

fn key(n: u64) -> Value {
    json!({"S": format!("k{n}")})
}

/// What the request threads share with the test: when to stop, and how many of them have had a
/// request succeed (the test stops them only once all have, however the machine schedules them).
#[derive(Default)]
struct Run {
    stop: AtomicBool,
    started: AtomicUsize,
}

/// One thread's successful requests.
struct Tally<'a> {
    run: &'a Run,
    ok: u64,
}

impl<'a> Tally<'a> {
    fn new(run: &'a Run) -> Self {
        Tally { run, ok: 0 }
    }

    /// Counts `result`, which may fail only with one of `allowed`.
    #[track_caller]
    fn count<T>(&mut self, what: &str, result: ddbmock_core::Result<T>, allowed: &[(&str, &str)]) {
        match result {
            Ok(_) => {
                if self.ok == 0 {
                    self.run.started.fetch_add(1, Ordering::Relaxed);
                }
                self.ok += 1;
            }
            Err(e) => {
                let got = (e.type_name(), e.message());
                assert!(
                    allowed.contains(&(got.0, got.1.as_str())),
                    "{what} failed with {got:?}"
                );
            }
        }
    }
}

/// Follows `LastEvaluatedKey` for up to three pages of a query.
async fn query_pages(db: &Engine, mut input: QueryInput) -> ddbmock_core::Result<usize> {
    let mut items = 0;
    for _ in 0..3 {
        let out = db.query(input.clone()).await?;
        items += out.items.map_or(0, |i| i.len());
        match out.last_evaluated_key {
            Some(k) => input.exclusive_start_key = Some(k),
            None => break,
        }
    }
    Ok(items)
}

/// Follows `LastEvaluatedKey` for up to three pages of a scan.
async fn scan_pages(db: &Engine, mut input: ScanInput) -> ddbmock_core::Result<usize> {
    let mut items = 0;
    for _ in 0..3 {
        let out = db.scan(input.clone()).await?;
        items += out.items.map_or(0, |i| i.len());
        match out.last_evaluated_key {
            Some(k) => input.exclusive_start_key = Some(k),
            None => break,
        }
    }
    Ok(items)
}

/// Reads the table and the index until the run stops; the first reader reads only the index, whose
/// deletions are the more frequent and the shorter window.
fn read_until(db: &Engine, seed: u64, run: &Run) -> u64 {
    let rt = runtime();
    let mut rng = Rng(0xD1B5_4A32_D192_ED03 ^ (seed + 1));
    let mut tally = Tally::new(run);
    let both = [TABLE_GONE, INDEX_GONE];
    let kinds = if seed == 0 { 2 } else { 7 };
    while !run.stop.load(Ordering::Relaxed) {
        let g = json!({"S": format!("g{}", rng.below(3))});
        match rng.below(kinds) {
            0 => {
                let input = wire(json!({
                    "TableName": "drops",
                    "IndexName": "by_g",
                    "KeyConditionExpression": "g = :g",
                    "ExpressionAttributeValues": {":g": g},
                    "Limit": 2
                }));
                tally.count("Query by_g", rt.block_on(query_pages(db, input)), &both);
            }
            1 => {
                let input = wire(json!({"TableName": "drops", "IndexName": "by_g", "Limit": 3}));
                tally.count("Scan by_g", rt.block_on(scan_pages(db, input)), &both);
            }
            2 => {
                let input = wire(json!({
                    "TableName": "drops",
                    "KeyConditionExpression": "pk = :p",
                    "ExpressionAttributeValues": {":p": rng.pk()}
                }));
                tally.count("Query", rt.block_on(query_pages(db, input)), &[TABLE_GONE]);
            }
            3 => {
                let input = wire(json!({"TableName": "drops", "Limit": 5}));
                tally.count("Scan", rt.block_on(scan_pages(db, input)), &[TABLE_GONE]);
            }
            4 => {
                let input = wire(json!({"TableName": "drops", "Key": {"pk": rng.pk()}}));
                tally.count("GetItem", rt.block_on(db.get_item(input)), &[TABLE_GONE]);
            }
            5 => {
                let input = wire(json!({"RequestItems": {"drops": {"Keys": [
                    {"pk": {"S": "k0"}}, {"pk": {"S": "k1"}}
                ]}}}));
                tally.count(
                    "BatchGetItem",
                    rt.block_on(db.batch_get_item(input)),
                    &[TABLE_GONE],
                );
            }
            _ => {
                let get = |pk: Value| json!({"Get": {"TableName": "drops", "Key": {"pk": pk}}});
                let input =
                    wire(json!({"TransactItems": [get(rng.pk()), get(json!({"S": "kx"}))]}));
                tally.count(
                    "TransactGetItems",
                    rt.block_on(db.transact_get_items(input)),
                    &[TABLE_GONE],
                );
            }
        }
    }
    tally.ok
}

fn write_until(db: &Engine, seed: u64, run: &Run) -> u64 {
    let rt = runtime();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ (seed + 1));
    let mut tally = Tally::new(run);
    let mut n = 0u64;
    while !run.stop.load(Ordering::Relaxed) {
        n += 1;
        let k = rng.below(KEYS);
        let pk = key(k);
        let g = json!({"S": format!("g{}", rng.below(3))});
        let v = json!({"N": n.to_string()});
        match rng.below(5) {
            0 | 1 => {
                // Every other item expired ten seconds ago, for the sweeper to delete.
                let exp = json!({"N": (epoch_seconds() - 10 * (n % 2)).to_string()});
                let input = wire(json!({
                    "TableName": "drops",
                    "Item": {"pk": pk, "g": g, "v": v, "exp": exp}
                }));
                tally.count("PutItem", rt.block_on(db.put_item(input)), &[TABLE_GONE]);
            }
            2 => {
                let input = wire(json!({
                    "TableName": "drops",
                    "Key": {"pk": pk},
                    "UpdateExpression": "SET g = :g, v = :v",
                    "ExpressionAttributeValues": {":g": g, ":v": v}
                }));
                tally.count(
                    "UpdateItem",
                    rt.block_on(db.update_item(input)),
                    &[TABLE_GONE],
                );
            }
            3 => {
                let input = wire(json!({"TableName": "drops", "Key": {"pk": pk}}));
                tally.count(
                    "DeleteItem",
                    rt.block_on(db.delete_item(input)),
                    &[TABLE_GONE],
                );
            }
            _ => {
                let input = wire(json!({"RequestItems": {"drops": [
                    {"PutRequest": {"Item": {"pk": pk, "g": g, "v": v}}},
                    {"DeleteRequest": {"Key": {"pk": key((k + 1) % KEYS)}}}
                ]}}));
                tally.count(
                    "BatchWriteItem",
                    rt.block_on(db.batch_write_item(input)),
                    &[TABLE_GONE],
                );
            }
        }
    }
    tally.ok
}

/// Sweeps expired items until the run stops: the sweep is no request, and never fails for a deletion.
fn sweep_until(db: &Engine, _seed: u64, run: &Run) -> u64 {
    let mut tally = Tally::new(run);
    while !run.stop.load(Ordering::Relaxed) {
        tally.count("the TTL sweep", db.sweep_expired_items(), &[]);
        std::thread::yield_now();
    }
    tally.ok
}

fn epoch_seconds() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

/// The table, with time to live on `exp`.
async fn create_table(db: &Engine) {
    db.create_table(wire(json!({
        "TableName": "drops",
        "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
        "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
        "BillingMode": "PAY_PER_REQUEST"
    })))
    .await
    .expect("create table");
    db.update_time_to_live(wire(json!({
        "TableName": "drops",
        "TimeToLiveSpecification": {"Enabled": true, "AttributeName": "exp"}
    })))
    .await
    .expect("enable time to live");
}

fn pause() {
    std::thread::sleep(Duration::from_millis(1));
}

#[test]
fn requests_racing_index_and_table_deletion_answer_as_after_it() {
    for (store, db) in engines() {
        let rt = runtime();
        rt.block_on(create_table(&db));
        rt.block_on(change_index(&db, "drops", create_index()));
        let run = Arc::new(Run::default());
        let spawn = |f: fn(&Engine, u64, &Run) -> u64, seed: u64| {
            let (db, run) = (db.clone(), run.clone());
            std::thread::spawn(move || f(&db, seed, &run))
        };
        let threads: Vec<_> = (0..READERS)
            .map(|r| spawn(read_until, r))
            .chain((0..WRITERS).map(|w| spawn(write_until, READERS + w)))
            .chain([spawn(sweep_until, 0)])
            .collect();
        for _ in 0..ROUNDS {
            for _ in 0..INDEX_CYCLES {
                pause();
                rt.block_on(change_index(&db, "drops", delete_index()));
                std::thread::yield_now();
                rt.block_on(change_index(&db, "drops", create_index()));
            }
            pause();
            rt.block_on(db.delete_table(wire(json!({"TableName": "drops"}))))
                .expect("delete table");
            pause();
            rt.block_on(create_table(&db));
            pause();
            rt.block_on(change_index(&db, "drops", create_index()));
        }
        pause();
        let deadline = Instant::now() + Duration::from_secs(60);
        while run.started.load(Ordering::Relaxed) < threads.len() {
            assert!(
                Instant::now() < deadline,
                "{store}: a thread made no request succeed"
            );
            pause();
        }
        run.stop.store(true, Ordering::Relaxed);
        for t in threads {
            assert!(t.join().expect("a request thread panicked") > 0, "{store}");
        }

        rt.block_on(assert_index_matches(&db, "drops", store));
    }
}

#[tokio::test]
async fn a_page_after_its_index_or_table_is_deleted_answers_as_a_first_page_would() {
    for (store, db) in engines() {
        create_table(&db).await;
        change_index(&db, "drops", create_index()).await;
        for pk in ["a", "b", "c"] {
            db.put_item(wire(json!({
                "TableName": "drops",
                "Item": {"pk": {"S": pk}, "g": {"S": "x"}}
            })))
            .await
            .unwrap();
        }
        let query: QueryInput = wire(json!({
            "TableName": "drops",
            "IndexName": "by_g",
            "KeyConditionExpression": "g = :g",
            "ExpressionAttributeValues": {":g": {"S": "x"}},
            "Limit": 1
        }));
        let first = db.query(query.clone()).await.unwrap();
        let next = QueryInput {
            exclusive_start_key: first.last_evaluated_key,
            ..query
        };
        let scan: ScanInput = wire(json!({"TableName": "drops", "Limit": 1}));
        let first = db.scan(scan.clone()).await.unwrap();
        let next_scan = ScanInput {
            exclusive_start_key: first.last_evaluated_key,
            ..scan
        };
        assert!(next.exclusive_start_key.is_some() && next_scan.exclusive_start_key.is_some());

        change_index(&db, "drops", delete_index()).await;
        let err = db.query(next.clone()).await.unwrap_err();
        assert_eq!(
            (err.type_name(), err.message().as_str()),
            INDEX_GONE,
            "{store}"
        );
        assert_eq!(db.scan(next_scan.clone()).await.unwrap().count, Some(1));

        db.delete_table(wire(json!({"TableName": "drops"})))
            .await
            .unwrap();
        for err in [
            db.query(next).await.unwrap_err(),
            db.scan(next_scan).await.unwrap_err(),
        ] {
            assert_eq!(
                (err.type_name(), err.message().as_str()),
                TABLE_GONE,
                "{store}"
            );
        }
    }
}
