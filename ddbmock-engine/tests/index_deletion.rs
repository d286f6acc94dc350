//! A global secondary index deleted by UpdateTable is described `DELETING` while the table is
//! `UPDATING` (`table_status_delay`, on a manual clock), and is gone at once for reads and writes;
//! with no delay it is gone from the description at once too.

use std::time::{Duration, SystemTime};

use ddbmock_core::operation::*;
use ddbmock_engine::{Clock, DynamoDb, Engine, EngineConfig};
use serde_json::{Value, json};

fn wire<T: serde::de::DeserializeOwned>(v: Value) -> T {
    serde_json::from_value(v).expect("a valid request")
}

/// The table `tbl` (`pk`) with the global secondary index `by_h` (on `h`) and two items in it.
async fn with_index(db: &Engine) {
    db.create_table(wire(json!({
        "TableName": "tbl",
        "AttributeDefinitions": [
            {"AttributeName": "pk", "AttributeType": "S"},
            {"AttributeName": "h", "AttributeType": "S"}
        ],
        "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
        "GlobalSecondaryIndexes": [{
            "IndexName": "by_h",
            "KeySchema": [{"AttributeName": "h", "KeyType": "HASH"}],
            "Projection": {"ProjectionType": "KEYS_ONLY"}
        }],
        "BillingMode": "PAY_PER_REQUEST"
    })))
    .await
    .unwrap();
}

async fn put(db: &Engine, pk: &str) -> ddbmock_core::Result<PutItemOutput> {
    db.put_item(wire(json!({
        "TableName": "tbl",
        "Item": {"pk": {"S": pk}, "h": {"S": "x"}}
    })))
    .await
}

fn delete_by_h() -> UpdateTableInput {
    wire(json!({
        "TableName": "tbl",
        "GlobalSecondaryIndexUpdates": [{"Delete": {"IndexName": "by_h"}}]
    }))
}

fn query_by_h() -> QueryInput {
    wire(json!({
        "TableName": "tbl",
        "IndexName": "by_h",
        "KeyConditionExpression": "h = :h",
        "ExpressionAttributeValues": {":h": {"S": "x"}}
    }))
}

fn scan_by_h() -> ScanInput {
    wire(json!({"TableName": "tbl", "IndexName": "by_h"}))
}

async fn describe(db: &Engine) -> TableDescription {
    db.describe_table(wire(json!({"TableName": "tbl"})))
        .await
        .unwrap()
        .table
        .unwrap()
}

/// The table's status, and the status, `Backfilling` and item count of its index `by_h`, if shown.
type Phase = (
    TableStatus,
    Option<(IndexStatus, Option<bool>, Option<i64>)>,
);

fn phase(d: &TableDescription) -> Phase {
    let index = d
        .global_secondary_indexes
        .iter()
        .flatten()
        .find(|g| g.index_name.as_deref() == Some("by_h"))
        .map(|g| (g.index_status.clone().unwrap(), g.backfilling, g.item_count));
    (d.table_status.clone().unwrap(), index)
}

#[track_caller]
fn assert_error<T: std::fmt::Debug>(result: ddbmock_core::Result<T>, exception: &str, text: &str) {
    let err = result.expect_err("refused");
    assert_eq!((err.type_name(), err.message().as_str()), (exception, text));
}

const VALIDATION: &str = "ValidationException";
const NO_INDEX: &str = "The table does not have the specified index: by_h";

#[tokio::test]
async fn a_deleted_index_is_deleting_while_the_table_updates() {
    let clock = Clock::manual(SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000));
    let config = EngineConfig {
        table_status_delay: Duration::from_secs(5),
        ..Default::default()
    };
    let db = Engine::memory_with_config(clock.clone(), config);
    with_index(&db).await;
    clock.advance(Duration::from_secs(5));
    put(&db, "a").await.unwrap();
    put(&db, "b").await.unwrap();

    let out = db.update_table(delete_by_h()).await.unwrap();
    let deleting = (
        TableStatus::Updating,
        Some((IndexStatus::Deleting, None, Some(2))),
    );
    assert_eq!(phase(&out.table_description.unwrap()), deleting);
    let d = describe(&db).await;
    assert_eq!(phase(&d), deleting);
    let g = &d.global_secondary_indexes.unwrap()[0];
    assert_eq!(
        g.index_arn.as_deref(),
        Some("arn:aws:dynamodb:us-east-1:000000000000:table/tbl/index/by_h")
    );

    // Reads of the index fail at once; writes to the table go on without it.
    assert_error(db.query(query_by_h()).await, VALIDATION, NO_INDEX);
    assert_error(db.scan(scan_by_h()).await, VALIDATION, NO_INDEX);
    put(&db, "c").await.unwrap();
    assert_eq!(phase(&describe(&db).await), deleting);
    assert_error(
        db.update_table(delete_by_h()).await,
        "ResourceInUseException",
        "Attempt to change a resource which is still in use: Table is being updated: tbl",
    );

    clock.advance(Duration::from_secs(5));
    let d = describe(&db).await;
    assert_eq!(phase(&d), (TableStatus::Active, None));
    assert_eq!(d.global_secondary_indexes, None);
    assert_eq!(d.item_count, Some(3));
    assert_error(db.query(query_by_h()).await, VALIDATION, NO_INDEX);
    assert_error(
        db.update_table(delete_by_h()).await,
        "ResourceNotFoundException",
        "Requested resource not found: Table: tbl, GSI: by_h not found",
    );
}

#[tokio::test]
async fn with_no_delay_a_deleted_index_is_gone_at_once() {
    let db = Engine::memory();
    with_index(&db).await;
    put(&db, "a").await.unwrap();
    let d = db
        .update_table(delete_by_h())
        .await
        .unwrap()
        .table_description
        .unwrap();
    assert_eq!(phase(&d), (TableStatus::Active, None));
    assert_eq!(d.global_secondary_indexes, None);
    assert_eq!(describe(&db).await.global_secondary_indexes, None);
    assert_error(db.query(query_by_h()).await, VALIDATION, NO_INDEX);
}
