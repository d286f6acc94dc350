//! Transactions under concurrency, through the `DynamoDb` trait on a multi-thread runtime: money
//! moved between accounts never appears or vanishes, readers only ever see whole transactions, and
//! conditional increments never lose an update.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use ddbmock_core::error::{CancellationReason, Error};
use ddbmock_core::model::{AttributeValue, Item};
use ddbmock_core::operation::*;
use ddbmock_engine::{DynamoDb, Engine};

const ACCOUNTS: usize = 20;
const START_BALANCE: i64 = 5;
const WRITERS: usize = 8;
const READERS: usize = 8;
const TRANSFERS: usize = 1_000;

fn s(v: &str) -> AttributeValue {
    AttributeValue::S(v.to_owned())
}

fn n(v: i64) -> AttributeValue {
    AttributeValue::N(v.to_string())
}

fn key(pk: &str) -> Item {
    HashMap::from([("pk".to_owned(), s(pk))])
}

fn number(item: &Item, name: &str) -> i64 {
    match item.get(name) {
        Some(AttributeValue::N(v)) => v.parse().expect("an integer"),
        other => panic!("{name} is {other:?}"),
    }
}

/// A small deterministic generator (xorshift64*), so each run replays the same choices per task.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        let r = self.0.wrapping_mul(0x2545_F491_4F6C_DD1D);
        (r >> 33) as usize % n
    }
}

async fn create_table(db: &Engine, name: &str) {
    db.create_table(CreateTableInput {
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
    })
    .await
    .expect("create table");
}

fn account(i: usize) -> String {
    format!("acct-{i:02}")
}

fn has_code(reasons: &[CancellationReason], code: &str) -> bool {
    reasons.iter().any(|r| r.code.as_deref() == Some(code))
}

fn transfer(from: &str, to: &str) -> TransactWriteItemsInput {
    let one = HashMap::from([(":one".to_owned(), n(1))]);
    TransactWriteItemsInput {
        transact_items: Some(vec![
            TransactWriteItem {
                update: Some(Update {
                    table_name: Some("accounts".to_owned()),
                    key: Some(key(from)),
                    update_expression: Some("SET balance = balance - :one".to_owned()),
                    condition_expression: Some("balance >= :one".to_owned()),
                    expression_attribute_values: Some(one.clone()),
                    ..Default::default()
                }),
                ..Default::default()
            },
            TransactWriteItem {
                update: Some(Update {
                    table_name: Some("accounts".to_owned()),
                    key: Some(key(to)),
                    update_expression: Some("SET balance = balance + :one".to_owned()),
                    expression_attribute_values: Some(one),
                    ..Default::default()
                }),
                ..Default::default()
            },
        ]),
        ..Default::default()
    }
}

fn snapshot_request() -> TransactGetItemsInput {
    TransactGetItemsInput {
        transact_items: Some(
            (0..ACCOUNTS)
                .map(|i| TransactGetItem {
                    get: Some(Get {
                        table_name: Some("accounts".to_owned()),
                        key: Some(key(&account(i))),
                        ..Default::default()
                    }),
                })
                .collect(),
        ),
        ..Default::default()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 8)]
async fn transfers_keep_the_total_and_readers_see_whole_transactions() {
    let db = Engine::memory();
    create_table(&db, "accounts").await;
    for i in 0..ACCOUNTS {
        db.put_item(PutItemInput {
            table_name: Some("accounts".to_owned()),
            item: Some(HashMap::from([
                ("pk".to_owned(), s(&account(i))),
                ("balance".to_owned(), n(START_BALANCE)),
            ])),
            ..Default::default()
        })
        .await
        .expect("seed");
    }
    let total = START_BALANCE * ACCOUNTS as i64;
    let writing = Arc::new(AtomicBool::new(true));
    let refused = Arc::new(AtomicUsize::new(0));
    let conflicts = Arc::new(AtomicUsize::new(0));

    let mut readers = Vec::new();
    for _ in 0..READERS {
        let (db, writing, conflicts) = (db.clone(), writing.clone(), conflicts.clone());
        readers.push(tokio::spawn(async move {
            let mut snapshots = 0usize;
            // At least one read after the last write, so a reader also checks the final state.
            let mut last = false;
            while !last {
                last = !writing.load(Ordering::SeqCst);
                match db.transact_get_items(snapshot_request()).await {
                    Ok(out) => {
                        let seen: i64 = out
                            .responses
                            .unwrap_or_default()
                            .iter()
                            .map(|r| number(r.item.as_ref().expect("every account"), "balance"))
                            .sum();
                        assert_eq!(seen, total, "a reader saw part of a transaction");
                        snapshots += 1;
                    }
                    Err(Error::TransactionCanceled { reasons, .. })
                        if has_code(&reasons, "TransactionConflict") =>
                    {
                        conflicts.fetch_add(1, Ordering::Relaxed);
                    }
                    Err(e) => panic!("read failed: {e:?}"),
                }
                // A snapshot takes every account's stripe: pausing between them leaves the
                // writers room, as readers polling a real table would.
                tokio::time::sleep(std::time::Duration::from_millis(1)).await;
            }
            snapshots
        }));
    }

    let mut writers = Vec::new();
    for w in 0..WRITERS {
        let (db, refused, conflicts) = (db.clone(), refused.clone(), conflicts.clone());
        writers.push(tokio::spawn(async move {
            let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ (w as u64 + 1));
            for _ in 0..TRANSFERS {
                let from = rng.below(ACCOUNTS);
                let to = (from + 1 + rng.below(ACCOUNTS - 1)) % ACCOUNTS;
                loop {
                    match db
                        .transact_write_items(transfer(&account(from), &account(to)))
                        .await
                    {
                        Ok(_) => break,
                        Err(Error::TransactionCanceled { reasons, .. })
                            if has_code(&reasons, "TransactionConflict") =>
                        {
                            conflicts.fetch_add(1, Ordering::Relaxed);
                            tokio::task::yield_now().await;
                        }
                        Err(Error::TransactionCanceled { reasons, .. }) => {
                            assert_eq!(reasons[0].code.as_deref(), Some("ConditionalCheckFailed"));
                            refused.fetch_add(1, Ordering::Relaxed);
                            break;
                        }
                        Err(e) => panic!("transfer failed: {e:?}"),
                    }
                }
                tokio::task::yield_now().await;
            }
        }));
    }
    for w in writers {
        w.await.expect("writer");
    }
    writing.store(false, Ordering::SeqCst);
    let mut snapshots = 0;
    for r in readers {
        snapshots += r.await.expect("reader");
    }
    assert!(snapshots >= READERS, "every reader read");
    eprintln!(
        "{snapshots} snapshots, {} conflicts, {} transfers refused",
        conflicts.load(Ordering::Relaxed),
        refused.load(Ordering::Relaxed)
    );

    let out = db
        .transact_get_items(snapshot_request())
        .await
        .expect("final read");
    let balances: Vec<i64> = out
        .responses
        .unwrap_or_default()
        .iter()
        .map(|r| number(r.item.as_ref().expect("every account"), "balance"))
        .collect();
    assert_eq!(balances.iter().sum::<i64>(), total);
    assert!(balances.iter().all(|b| *b >= 0), "{balances:?}");
    // With 5 units an account and 8,000 transfers, some transfers must have met an empty account:
    // the condition, not luck, kept the balances non-negative.
    assert!(refused.load(Ordering::Relaxed) > 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 8)]
async fn conditional_increments_lose_no_update() {
    const TASKS: usize = 16;
    const INCREMENTS: usize = 1_000;
    let db = Engine::memory();
    create_table(&db, "counters").await;
    db.put_item(PutItemInput {
        table_name: Some("counters".to_owned()),
        item: Some(HashMap::from([
            ("pk".to_owned(), s("c")),
            ("n".to_owned(), n(0)),
            ("version".to_owned(), n(0)),
        ])),
        ..Default::default()
    })
    .await
    .expect("seed");

    let mut tasks = Vec::new();
    for _ in 0..TASKS {
        let db = db.clone();
        tasks.push(tokio::spawn(async move {
            for _ in 0..INCREMENTS {
                loop {
                    let current = db
                        .get_item(GetItemInput {
                            table_name: Some("counters".to_owned()),
                            key: Some(key("c")),
                            consistent_read: Some(true),
                            ..Default::default()
                        })
                        .await
                        .expect("read")
                        .item
                        .expect("the counter");
                    let version = number(&current, "version");
                    let result = db
                        .update_item(UpdateItemInput {
                            table_name: Some("counters".to_owned()),
                            key: Some(key("c")),
                            update_expression: Some("SET n = n + :one, version = :next".to_owned()),
                            condition_expression: Some("version = :seen".to_owned()),
                            expression_attribute_values: Some(HashMap::from([
                                (":one".to_owned(), n(1)),
                                (":seen".to_owned(), n(version)),
                                (":next".to_owned(), n(version + 1)),
                            ])),
                            ..Default::default()
                        })
                        .await;
                    match result {
                        Ok(_) => break,
                        Err(Error::ConditionalCheckFailed { .. }) => {
                            tokio::task::yield_now().await;
                        }
                        Err(e) => panic!("increment failed: {e:?}"),
                    }
                }
            }
        }));
    }
    for t in tasks {
        t.await.expect("task");
    }
    let counter = db
        .get_item(GetItemInput {
            table_name: Some("counters".to_owned()),
            key: Some(key("c")),
            ..Default::default()
        })
        .await
        .expect("read")
        .item
        .expect("the counter");
    assert_eq!(number(&counter, "n"), (TASKS * INCREMENTS) as i64);
    assert_eq!(number(&counter, "version"), (TASKS * INCREMENTS) as i64);
}
