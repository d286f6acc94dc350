//! Helpers of the scenarios: unique names, key-schema shorthands, exact error assertions.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use ddbmock_core::model::{AttributeValue, Item};
use ddbmock_core::operation::*;
use ddbmock_core::{DynamoDb, Error};

static COUNTER: AtomicU64 = AtomicU64::new(0);

/// A table name no other scenario (or earlier run against a shared endpoint) uses.
pub fn unique_name(prefix: &str) -> String {
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let t = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    format!("{prefix}-{t:x}-{n}")
}

/// Asserts that `result` failed with exactly this exception and message.
#[track_caller]
pub fn assert_error<T: std::fmt::Debug>(result: Result<T, Error>, exception: &str, message: &str) {
    match result {
        Ok(v) => panic!("expected {exception}: {message}\n   got success: {v:?}"),
        Err(e) => {
            assert_eq!(
                (e.type_name(), e.message().as_str()),
                (exception, message),
                "error differs"
            );
        }
    }
}

pub(crate) fn s(v: &str) -> AttributeValue {
    AttributeValue::S(v.to_owned())
}

pub(crate) fn n(v: &str) -> AttributeValue {
    AttributeValue::N(v.to_owned())
}

pub(crate) fn item(pairs: &[(&str, AttributeValue)]) -> Item {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect()
}

pub(crate) fn def(name: &str, ty: ScalarAttributeType) -> AttributeDefinition {
    AttributeDefinition {
        attribute_name: Some(name.to_owned()),
        attribute_type: Some(ty),
    }
}

pub(crate) fn key(name: &str, ty: KeyType) -> KeySchemaElement {
    KeySchemaElement {
        attribute_name: Some(name.to_owned()),
        key_type: Some(ty),
    }
}

pub(crate) fn throughput(r: i64, w: i64) -> ProvisionedThroughput {
    ProvisionedThroughput {
        read_capacity_units: Some(r),
        write_capacity_units: Some(w),
    }
}

/// A CreateTable request for `pk` (S) and, when `sorted`, `sk` (N), provisioned 5/5.
pub(crate) fn table_input(name: &str, sorted: bool) -> CreateTableInput {
    let mut defs = vec![def("pk", ScalarAttributeType::S)];
    let mut keys = vec![key("pk", KeyType::Hash)];
    if sorted {
        defs.push(def("sk", ScalarAttributeType::N));
        keys.push(key("sk", KeyType::Range));
    }
    CreateTableInput {
        table_name: Some(name.to_owned()),
        attribute_definitions: Some(defs),
        key_schema: Some(keys),
        provisioned_throughput: Some(throughput(5, 5)),
        ..Default::default()
    }
}

/// Creates a fresh table (see [`table_input`]), waits until it is ACTIVE, and returns its name.
pub(crate) async fn new_table(db: &dyn DynamoDb, prefix: &str, sorted: bool) -> String {
    let name = unique_name(prefix);
    db.create_table(table_input(&name, sorted))
        .await
        .expect("create table");
    until_active(db, &name).await;
    name
}

/// Waits until table `table` and its global secondary indexes are ACTIVE. ddbmock's are at once (the
/// first DescribeTable says so); DynamoDB, and emulators that imitate its delays, take a while.
pub(crate) async fn until_active(db: &dyn DynamoDb, table: &str) {
    const PATIENCE: std::time::Duration = std::time::Duration::from_secs(300);
    let began = std::time::Instant::now();
    loop {
        let d = describe(db, table).await;
        let indexes_active = d
            .global_secondary_indexes
            .iter()
            .flatten()
            .all(|g| g.index_status == Some(IndexStatus::Active));
        if d.table_status == Some(TableStatus::Active) && indexes_active {
            return;
        }
        assert!(
            began.elapsed() < PATIENCE,
            "table {table} not ACTIVE after {PATIENCE:?}: {:?}",
            d.table_status
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
}

pub(crate) async fn put(db: &dyn DynamoDb, table: &str, it: Item) {
    db.put_item(PutItemInput {
        table_name: Some(table.to_owned()),
        item: Some(it),
        ..Default::default()
    })
    .await
    .expect("put item");
}

pub(crate) async fn get(db: &dyn DynamoDb, table: &str, k: Item) -> Option<Item> {
    db.get_item(GetItemInput {
        table_name: Some(table.to_owned()),
        key: Some(k),
        consistent_read: Some(true),
        ..Default::default()
    })
    .await
    .expect("get item")
    .item
}

pub(crate) async fn describe(db: &dyn DynamoDb, table: &str) -> TableDescription {
    db.describe_table(DescribeTableInput {
        table_name: Some(table.to_owned()),
    })
    .await
    .expect("describe table")
    .table
    .expect("a table description")
}
