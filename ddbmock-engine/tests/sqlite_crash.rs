//! Crash safety of the SQLite store: a child process writes in a loop and reports each acknowledged
//! write; it is killed with SIGKILL at random moments, and after each kill the database must open
//! cleanly, hold every acknowledged write, and show no half-applied one.
//!
//! The child is this test binary itself, re-run with [`CHILD_ENV`] set so that the test becomes
//! the writer. Each of its puts writes the table entry and an index entry
//! in one storage batch, so a torn batch would show as the table and index counts disagreeing.
//!
//! `DDBMOCK_CRASH_SEED` replays a failing run (the seed is printed); `DDBMOCK_CRASH_ROUNDS` changes the
//! number of kills (50 by default).

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Write as _};
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use ddbmock_core::operation::{
    CreateTableInput, DeleteItemInput, DescribeTableInput, GetItemInput, PutItemInput,
    UpdateItemInput,
};
use ddbmock_engine::storage::{SqliteOptions, SqliteStorage};
use ddbmock_engine::{Clock, DynamoDb, Engine, EngineConfig};
use serde_json::json;

mod race_support;
use race_support::Rng;

/// Set to a database path, turns the test into the writer process.
const CHILD_ENV: &str = "DDBMOCK_CRASH_CHILD_DB";
/// The first sequence number the writer uses.
const START_ENV: &str = "DDBMOCK_CRASH_CHILD_START";

const TABLE: &str = "crash";

/// The signal number of SIGKILL on Linux and the BSDs.
const SIGKILL: i32 = 9;

fn wire<T: serde::de::DeserializeOwned>(v: serde_json::Value) -> T {
    serde_json::from_value(v).expect("a valid request")
}

fn key(pk: &str) -> serde_json::Value {
    json!({"pk": {"S": pk}})
}

async fn write_forever(path: &Path, start: u64) {
    // A checkpoint every 20 commits, so that kills also land while the log is being checkpointed.
    let store = SqliteStorage::open_with(path, SqliteOptions::default().commits_per_checkpoint(20))
        .expect("the database opens");
    let db = Engine::with_storage(Arc::new(store), Clock::system(), EngineConfig::default())
        .expect("the database opens");
    let created = db
        .create_table(wire::<CreateTableInput>(json!({
            "TableName": TABLE,
            "AttributeDefinitions": [
                {"AttributeName": "pk", "AttributeType": "S"},
                {"AttributeName": "status", "AttributeType": "S"}
            ],
            "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
            "GlobalSecondaryIndexes": [{
                "IndexName": "by-status",
                "KeySchema": [{"AttributeName": "status", "KeyType": "HASH"}],
                "Projection": {"ProjectionType": "ALL"}
            }],
            "BillingMode": "PAY_PER_REQUEST"
        })))
        .await;
    if let Err(e) = created {
        assert_eq!(e.type_name(), "ResourceInUseException", "{e:?}");
    }
    let mut out = std::io::stdout().lock();
    writeln!(out, "ready").expect("stdout");
    out.flush().expect("stdout");
    for i in start.. {
        db.put_item(wire::<PutItemInput>(json!({
            "TableName": TABLE,
            "Item": {
                "pk": {"S": format!("p{i}")},
                "seq": {"N": i.to_string()},
                "status": {"S": format!("s{}", i % 7)},
                "pad": {"S": "x".repeat(150)}
            }
        })))
        .await
        .expect("put item");
        writeln!(out, "put {i}").expect("stdout");
        out.flush().expect("stdout");

        let updated = db
            .update_item(wire::<UpdateItemInput>(json!({
                "TableName": TABLE,
                "Key": key("counter"),
                "AttributeUpdates": {"n": {"Action": "ADD", "Value": {"N": "1"}}},
                "ReturnValues": "UPDATED_NEW"
            })))
            .await
            .expect("update item");
        let n = updated
            .attributes
            .and_then(|a| serde_json::to_value(a).ok())
            .and_then(|a| a["n"]["N"].as_str().map(str::to_owned))
            .expect("the new counter");
        writeln!(out, "counter {n}").expect("stdout");
        out.flush().expect("stdout");

        if i % 5 == 0 && i >= 3 {
            let victim = i - 3;
            db.delete_item(wire::<DeleteItemInput>(json!({
                "TableName": TABLE,
                "Key": key(&format!("p{victim}"))
            })))
            .await
            .expect("delete item");
            writeln!(out, "del {victim}").expect("stdout");
            out.flush().expect("stdout");
        }
    }
}

/// What the writers acknowledged, across all rounds.
#[derive(Default)]
struct Acked {
    present: BTreeSet<u64>,
    deleted: BTreeSet<u64>,
    counter: u64,
    next: u64,
}

impl Acked {
    fn record(&mut self, line: &str) {
        let mut words = line.split_whitespace();
        let (Some(what), Some(n)) = (words.next(), words.next().and_then(|n| n.parse().ok()))
        else {
            return;
        };
        match what {
            "put" => {
                self.present.insert(n);
                self.deleted.remove(&n);
                self.next = self.next.max(n + 1);
            }
            "del" => {
                self.present.remove(&n);
                self.deleted.insert(n);
            }
            "counter" => self.counter = n,
            _ => {}
        }
    }
}

fn env_u64(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}

/// Runs the writer until a random moment, kills it, and returns the lines it completed.
fn run_and_kill(path: &Path, start: u64, delay: Duration) -> Vec<String> {
    let mut child = Command::new(std::env::current_exe().expect("the test binary"))
        .args([
            "--exact",
            "killing_the_writer_never_loses_an_acknowledged_write",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_ENV, path)
        .env(START_ENV, start.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the writer starts");
    let stdout = child.stdout.take().expect("piped stdout");
    let lines = Arc::new(Mutex::new(Vec::new()));
    let reader = {
        let lines = lines.clone();
        std::thread::spawn(move || {
            let mut stdout = BufReader::new(stdout);
            let mut line = String::new();
            // A line without its newline was cut by the kill: its write is not acknowledged.
            while stdout.read_line(&mut line).unwrap_or(0) > 0 && line.ends_with('\n') {
                lines
                    .lock()
                    .expect("lines")
                    .push(line.trim_end().to_owned());
                line.clear();
            }
        })
    };
    std::thread::sleep(delay);
    child.kill().expect("kill the writer");
    let status = child.wait().expect("the writer is reaped");
    reader.join().expect("the reader thread");
    if status.signal() != Some(SIGKILL) {
        let mut err = String::new();
        if let Some(mut e) = child.stderr.take() {
            let _ = std::io::Read::read_to_string(&mut e, &mut err);
        }
        panic!("the writer stopped by itself ({status}):\n{err}");
    }
    Arc::try_unwrap(lines)
        .map(|m| m.into_inner().expect("lines"))
        .unwrap_or_default()
}

async fn check(path: &Path, acked: &mut Acked, round: u32) {
    let db = Engine::sqlite(path)
        .unwrap_or_else(|e| panic!("round {round}: the database does not open: {e}"));
    let Ok(described) = db
        .describe_table(DescribeTableInput {
            table_name: Some(TABLE.to_owned()),
        })
        .await
    else {
        assert!(acked.present.is_empty(), "round {round}: the table is gone");
        return;
    };
    let table = described.table.expect("a description");
    let get = |pk: String| {
        let db = db.clone();
        async move {
            db.get_item(wire::<GetItemInput>(json!({
                "TableName": TABLE,
                "Key": key(&pk),
                "ConsistentRead": true
            })))
            .await
            .expect("get item")
            .item
            .and_then(|i| serde_json::to_value(i).ok())
        }
    };
    // The kill may land after a delete was applied but before it was reported: the writer deletes
    // p(i-3) right after acknowledging counter update i when i % 5 == 0, so that one victim may be
    // gone without an acknowledgement (applied but unacknowledged writes may or may not persist).
    let last_put = acked.next.checked_sub(1);
    let in_flight_victim = last_put.filter(|i| i % 5 == 0 && *i >= 3).map(|i| i - 3);
    let mut vanished = None;
    for n in &acked.present {
        let Some(item) = get(format!("p{n}")).await else {
            if Some(*n) == in_flight_victim {
                vanished = Some(*n);
                continue;
            }
            panic!("round {round}: acknowledged put p{n} is missing");
        };
        assert_eq!(item["seq"]["N"], n.to_string(), "round {round}: p{n}");
    }
    if let Some(n) = vanished {
        acked.present.remove(&n);
        acked.deleted.insert(n);
    }
    for n in &acked.deleted {
        assert_eq!(
            get(format!("p{n}")).await,
            None,
            "round {round}: acknowledged delete of p{n} is undone"
        );
    }
    let counter: u64 = get("counter".to_owned())
        .await
        .and_then(|c| c["n"]["N"].as_str().and_then(|n| n.parse().ok()))
        .unwrap_or(0);
    assert!(
        (acked.counter..=acked.counter + 1).contains(&counter),
        "round {round}: counter {counter}, acknowledged {}",
        acked.counter
    );
    // An update killed after its commit and before its acknowledgement is durable now: the next
    // round counts from it, or two such rounds in a row would look like a lost acknowledgement.
    acked.counter = counter;
    // Every item but the counter has an index entry, written in the same batch as the item.
    let items = table.item_count.expect("an item count");
    let indexed = table
        .global_secondary_indexes
        .as_deref()
        .and_then(|g| g.first())
        .and_then(|g| g.item_count)
        .expect("an index item count");
    let counters = i64::from(counter > 0);
    assert_eq!(
        indexed,
        items - counters,
        "round {round}: a torn write between table and index"
    );
}

#[test]
fn killing_the_writer_never_loses_an_acknowledged_write() {
    // Re-run by itself with CHILD_ENV set, this test is the writer process instead.
    if let (Some(path), Some(start)) = (std::env::var_os(CHILD_ENV), std::env::var_os(START_ENV)) {
        let start: u64 = start
            .to_str()
            .and_then(|s| s.parse().ok())
            .expect("a start number");
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .expect("a runtime");
        rt.block_on(write_forever(Path::new(&path), start));
        return;
    }
    let seed = env_u64("DDBMOCK_CRASH_SEED").unwrap_or_else(|| {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(1, |d| d.as_nanos() as u64)
            | 1
    });
    let rounds = env_u64("DDBMOCK_CRASH_ROUNDS").unwrap_or(50) as u32;
    println!("DDBMOCK_CRASH_SEED={seed}");
    let mut rng = Rng(seed);
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("crash.sqlite");
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a runtime");
    let mut acked = Acked::default();
    let began = Instant::now();
    let mut acks = 0;
    for round in 0..rounds {
        // Most kills land mid-write; a few land while the writer opens and recovers the file.
        let delay = Duration::from_millis(5 + rng.below(150));
        let lines = run_and_kill(&path, acked.next, delay);
        acks += lines.len();
        for line in &lines {
            acked.record(line);
        }
        rt.block_on(check(&path, &mut acked, round));
        let conn = rusqlite::Connection::open(&path).expect("a plain SQLite connection");
        let integrity: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .expect("an integrity check");
        assert_eq!(integrity, "ok", "round {round}");
    }
    println!(
        "{rounds} kills, {acks} acknowledged writes checked, in {:?}",
        began.elapsed()
    );
    assert!(acked.present.len() > 10, "the writer barely wrote anything");
}
