//! Item collections of tables with local secondary indexes, on both stores: their size (items plus
//! LSI entries with 100 bytes of overhead each), the size limit and how each write operation reports
//! it, `ReturnItemCollectionMetrics`, and sizes surviving a reopened SQLite file.
//!
//! The table `threads` (`forum` S, `subject` S, LSI `by_last` on `last`, KEYS_ONLY) holds items
//! `{forum: "f", subject: "sN", last: "x"}`: 20 bytes, plus an LSI entry of the same 20 bytes and
//! 100 of overhead, so 140 bytes of collection each; without `last` an item is 15 bytes and has no
//! entry. The engines get a limit of a few such items.

use std::sync::Arc;

use ddbmock_core::model::Item;
use ddbmock_core::operation::*;
use ddbmock_engine::storage::{MemoryStorage, SqliteStorage, Storage};
use ddbmock_engine::{Clock, DynamoDb, Engine, EngineConfig, Error};
use serde_json::{Value, json};

/// One item with `last`, in bytes of its collection.
const ITEM: u64 = 140;

fn wire<T: serde::de::DeserializeOwned>(v: Value) -> T {
    serde_json::from_value(v).expect("a valid request")
}

fn config(limit: u64) -> EngineConfig {
    EngineConfig {
        item_collection_size_limit: limit,
        ..Default::default()
    }
}

fn on(storage: Arc<dyn Storage>, limit: u64) -> Engine {
    Engine::with_storage(storage, Clock::system(), config(limit)).expect("an engine")
}

/// A fresh engine on each store, with the given collection size limit.
fn engines(limit: u64) -> Vec<(&'static str, Engine)> {
    vec![
        ("memory", on(Arc::new(MemoryStorage::new()), limit)),
        (
            "sqlite",
            on(Arc::new(SqliteStorage::temp().expect("a database")), limit),
        ),
    ]
}

async fn create_tables(db: &Engine) {
    db.create_table(wire(json!({
        "TableName": "threads",
        "AttributeDefinitions": [
            {"AttributeName": "forum", "AttributeType": "S"},
            {"AttributeName": "subject", "AttributeType": "S"},
            {"AttributeName": "last", "AttributeType": "S"}
        ],
        "KeySchema": [
            {"AttributeName": "forum", "KeyType": "HASH"},
            {"AttributeName": "subject", "KeyType": "RANGE"}
        ],
        "LocalSecondaryIndexes": [{
            "IndexName": "by_last",
            "KeySchema": [
                {"AttributeName": "forum", "KeyType": "HASH"},
                {"AttributeName": "last", "KeyType": "RANGE"}
            ],
            "Projection": {"ProjectionType": "KEYS_ONLY"}
        }],
        "BillingMode": "PAY_PER_REQUEST"
    })))
    .await
    .expect("create threads");
    db.create_table(wire(json!({
        "TableName": "plain",
        "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
        "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
        "BillingMode": "PAY_PER_REQUEST"
    })))
    .await
    .expect("create plain");
}

fn thread(subject: &str) -> Value {
    json!({"forum": {"S": "f"}, "subject": {"S": subject}, "last": {"S": "x"}})
}

fn put(subject: &str) -> PutItemInput {
    wire(json!({"TableName": "threads", "Item": thread(subject)}))
}

fn key(subject: &str) -> Value {
    json!({"forum": {"S": "f"}, "subject": {"S": subject}})
}

async fn get(db: &Engine, subject: &str) -> Option<Item> {
    db.get_item(wire(json!({
        "TableName": "threads",
        "Key": key(subject),
        "ConsistentRead": true
    })))
    .await
    .expect("get")
    .item
}

async fn counts(db: &Engine) -> (Option<i64>, Option<i64>) {
    let d = db
        .describe_table(wire(json!({"TableName": "threads"})))
        .await
        .expect("describe")
        .table
        .expect("a table");
    let lsi = d.local_secondary_indexes.expect("the LSI")[0].item_count;
    (d.item_count, lsi)
}

#[track_caller]
fn assert_full<T: std::fmt::Debug>(store: &str, result: Result<T, Error>) {
    let err = result.expect_err("over the limit");
    assert_eq!(
        (err.type_name(), err.message().as_str()),
        (
            "ItemCollectionSizeLimitExceededException",
            "Collection size exceeded"
        ),
        "{store}"
    );
}

fn metrics() -> ItemCollectionMetrics {
    wire(json!({"ItemCollectionKey": {"forum": {"S": "f"}}, "SizeEstimateRangeGB": [0.0, 1.0]}))
}

#[tokio::test]
async fn writes_report_their_item_collection_when_asked() {
    for (store, db) in engines(EngineConfig::default().item_collection_size_limit) {
        create_tables(&db).await;
        let mut p = put("s1");
        p.return_item_collection_metrics = Some(ReturnItemCollectionMetrics::Size);
        let out = db.put_item(p).await.unwrap();
        assert_eq!(out.item_collection_metrics, Some(metrics()), "{store}");

        let out = db
            .update_item(wire(json!({
                "TableName": "threads",
                "Key": key("s1"),
                "UpdateExpression": "SET n = :n",
                "ExpressionAttributeValues": {":n": {"N": "1"}},
                "ReturnItemCollectionMetrics": "SIZE"
            })))
            .await
            .unwrap();
        assert_eq!(out.item_collection_metrics, Some(metrics()), "{store}");

        let out = db
            .delete_item(wire(json!({
                "TableName": "threads",
                "Key": key("s1"),
                "ReturnItemCollectionMetrics": "SIZE"
            })))
            .await
            .unwrap();
        assert_eq!(out.item_collection_metrics, Some(metrics()), "{store}");

        // NONE, or nothing, asks for nothing.
        let mut p = put("s2");
        p.return_item_collection_metrics = Some(ReturnItemCollectionMetrics::None);
        assert_eq!(db.put_item(p).await.unwrap().item_collection_metrics, None);
        assert_eq!(
            db.put_item(put("s3"))
                .await
                .unwrap()
                .item_collection_metrics,
            None
        );
        // A table without local secondary indexes has no item collections to report.
        let out = db
            .put_item(wire(json!({
                "TableName": "plain",
                "Item": {"pk": {"S": "a"}},
                "ReturnItemCollectionMetrics": "SIZE"
            })))
            .await
            .unwrap();
        assert_eq!(out.item_collection_metrics, None, "{store}");
    }
}

#[tokio::test]
async fn lsi_entries_and_their_overhead_count_toward_the_limit() {
    // One item with its LSI entry (140) and one without `last` (15) fill 155 bytes exactly.
    for (store, db) in engines(ITEM + 15) {
        create_tables(&db).await;
        db.put_item(put("s1")).await.expect("exactly the limit");
        let sparse: PutItemInput = wire(json!({
            "TableName": "threads",
            "Item": {"forum": {"S": "f"}, "subject": {"S": "s2"}}
        }));
        db.put_item(sparse)
            .await
            .expect("a sparse item has no entry");
        let one_more: PutItemInput = wire(json!({
            "TableName": "threads",
            "Item": {"forum": {"S": "f"}, "subject": {"S": "s3"}}
        }));
        assert_full(store, db.put_item(one_more).await);
        // Another partition key is another collection.
        let other: PutItemInput = wire(json!({
            "TableName": "threads",
            "Item": {"forum": {"S": "g"}, "subject": {"S": "s1"}, "last": {"S": "x"}}
        }));
        db.put_item(other).await.expect("another collection");
    }
}

#[tokio::test]
async fn single_writes_over_the_limit_change_nothing_and_shrinking_writes_pass() {
    for (store, db) in engines(3 * ITEM) {
        create_tables(&db).await;
        for s in ["s1", "s2", "s3"] {
            db.put_item(put(s)).await.expect("within the limit");
        }
        assert_full(store, db.put_item(put("s4")).await);
        assert_eq!(get(&db, "s4").await, None, "{store}");
        assert_eq!(counts(&db).await, (Some(3), Some(3)), "{store}");

        let grow: UpdateItemInput = wire(json!({
            "TableName": "threads",
            "Key": key("s1"),
            "UpdateExpression": "SET body = :b",
            "ExpressionAttributeValues": {":b": {"S": "more"}}
        }));
        assert_full(store, db.update_item(grow).await);
        assert_eq!(
            get(&db, "s1").await,
            Some(wire(thread("s1"))),
            "{store}: the item is unchanged"
        );

        // Removing `last` shrinks s1 to 15 bytes and takes its entry out: 295 bytes.
        let shrink: UpdateItemInput = wire(json!({
            "TableName": "threads",
            "Key": key("s1"),
            "UpdateExpression": "REMOVE #l",
            "ExpressionAttributeNames": {"#l": "last"}
        }));
        db.update_item(shrink).await.expect("shrinking is allowed");
        assert_full(store, db.put_item(put("s4")).await);
        db.delete_item(wire(json!({"TableName": "threads", "Key": key("s2")})))
            .await
            .expect("deleting is allowed");
        db.put_item(put("s4")).await.expect("room again");
        assert_eq!(counts(&db).await, (Some(3), Some(2)), "{store}");
    }
}

fn batch_put(table: &str, item: Value) -> Value {
    json!({"PutRequest": {"Item": item}, "_table": table})
}

fn batch(requests: &[Value]) -> BatchWriteItemInput {
    let mut map = serde_json::Map::new();
    for r in requests {
        let table = r["_table"].as_str().unwrap().to_owned();
        let mut r = r.clone();
        r.as_object_mut().unwrap().remove("_table");
        map.entry(table)
            .or_insert_with(|| json!([]))
            .as_array_mut()
            .unwrap()
            .push(r);
    }
    wire(json!({"RequestItems": map, "ReturnItemCollectionMetrics": "SIZE"}))
}

#[tokio::test]
async fn a_batch_over_the_limit_writes_nothing() {
    for (store, db) in engines(3 * ITEM) {
        create_tables(&db).await;
        let mut requests = vec![batch_put("plain", json!({"pk": {"S": "a"}}))];
        for s in ["s1", "s2", "s3", "s4"] {
            requests.push(batch_put("threads", thread(s)));
        }
        assert_full(store, db.batch_write_item(batch(&requests)).await);
        assert_eq!(counts(&db).await, (Some(0), Some(0)), "{store}");
        let plain = db
            .get_item(wire(
                json!({"TableName": "plain", "Key": {"pk": {"S": "a"}}}),
            ))
            .await
            .unwrap();
        assert_eq!(
            plain.item, None,
            "{store}: no request of the batch is applied"
        );

        requests.pop();
        let out = db.batch_write_item(batch(&requests)).await.unwrap();
        assert_eq!(counts(&db).await, (Some(3), Some(3)), "{store}");
        // One entry per item collection written, for the tables with local secondary indexes.
        let expected = [("threads".to_owned(), vec![metrics()])].into();
        assert_eq!(out.item_collection_metrics, Some(expected), "{store}");
    }
}

fn tx_put(table: &str, item: Value) -> Value {
    json!({"Put": {"TableName": table, "Item": item}})
}

#[tokio::test]
async fn a_transaction_over_the_limit_is_cancelled_with_its_reason() {
    for (store, db) in engines(3 * ITEM) {
        create_tables(&db).await;
        for s in ["s1", "s2"] {
            db.put_item(put(s)).await.unwrap();
        }
        let over: TransactWriteItemsInput = wire(json!({
            "TransactItems": [
                tx_put("plain", json!({"pk": {"S": "a"}})),
                tx_put("threads", thread("s3")),
                tx_put("threads", thread("s4"))
            ]
        }));
        let err = db.transact_write_items(over).await.unwrap_err();
        assert_eq!(
            (err.type_name(), err.message().as_str()),
            (
                "TransactionCanceledException",
                "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ItemCollectionSizeLimitExceeded, ItemCollectionSizeLimitExceeded]"
            ),
            "{store}"
        );
        let Error::TransactionCanceled { reasons, .. } = err else {
            unreachable!()
        };
        assert_eq!(
            reasons[1],
            wire(
                json!({"Code": "ItemCollectionSizeLimitExceeded", "Message": "Collection size exceeded"})
            )
        );
        assert_eq!(get(&db, "s3").await, None, "{store}");
        assert_eq!(counts(&db).await, (Some(2), Some(2)), "{store}");

        let fits: TransactWriteItemsInput = wire(json!({
            "TransactItems": [
                tx_put("plain", json!({"pk": {"S": "a"}})),
                tx_put("threads", thread("s3")),
                {"Delete": {"TableName": "threads", "Key": key("s1")}}
            ],
            "ReturnItemCollectionMetrics": "SIZE"
        }));
        let out = db.transact_write_items(fits).await.unwrap();
        let expected = [("threads".to_owned(), vec![metrics()])].into();
        assert_eq!(out.item_collection_metrics, Some(expected), "{store}");
        assert_eq!(counts(&db).await, (Some(2), Some(2)), "{store}");
    }
}

#[test]
fn concurrent_writers_never_overfill_a_collection() {
    const LIMIT_ITEMS: u64 = 25;
    // Subjects of 5 characters: items of 23 bytes, and entries of 23 + 100.
    for (store, db) in engines(LIMIT_ITEMS * (23 + 23 + 100)) {
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        rt.block_on(create_tables(&db));
        let writers: Vec<_> = (0..4)
            .map(|w| {
                let db = db.clone();
                std::thread::spawn(move || {
                    let rt = tokio::runtime::Builder::new_current_thread()
                        .build()
                        .unwrap();
                    let mut written = 0;
                    for i in 0..20 {
                        match rt.block_on(db.put_item(put(&format!("w{w}-{i:02}")))) {
                            Ok(_) => written += 1,
                            Err(Error::ItemCollectionSizeLimitExceeded(_)) => {}
                            Err(e) => panic!("{e}"),
                        }
                    }
                    written
                })
            })
            .collect();
        let written: u64 = writers.into_iter().map(|w| w.join().unwrap()).sum();
        assert_eq!(written, LIMIT_ITEMS, "{store}: exactly as many as fit");
        let (items, _) = rt.block_on(counts(&db));
        assert_eq!(items, Some(25), "{store}");
    }
}

#[tokio::test]
async fn sizes_are_recounted_when_a_store_is_reopened() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db.sqlite");
    let open = |limit| on(Arc::new(SqliteStorage::open(&path).unwrap()), limit);
    {
        let db = open(3 * ITEM);
        create_tables(&db).await;
        for s in ["s1", "s2", "s3"] {
            db.put_item(put(s)).await.unwrap();
        }
    }
    {
        let db = open(3 * ITEM);
        assert_full("reopened", db.put_item(put("s4")).await);
    }
    // Under a lower limit the collection is over it: writes may shrink it, not grow it.
    let db = open(2 * ITEM + 15);
    let grow: UpdateItemInput = wire(json!({
        "TableName": "threads",
        "Key": key("s1"),
        "UpdateExpression": "SET body = :b",
        "ExpressionAttributeValues": {":b": {"S": "more"}}
    }));
    assert_full("over the limit", db.update_item(grow).await);
    let shrink: UpdateItemInput = wire(json!({
        "TableName": "threads",
        "Key": key("s1"),
        "UpdateExpression": "REMOVE #l",
        "ExpressionAttributeNames": {"#l": "last"}
    }));
    db.update_item(shrink).await.expect("shrinking");
    db.delete_item(wire(json!({"TableName": "threads", "Key": key("s2")})))
        .await
        .expect("deleting");
    // s1 (15) and s3 (140): one more item (140) fits exactly.
    db.put_item(put("s4")).await.expect("room again");
    assert_full("full again", db.put_item(put("s5")).await);
}
