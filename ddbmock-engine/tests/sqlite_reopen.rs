//! An engine on an SQLite file gives back, after reopening, exactly the tables and items it acknowledged.

use ddbmock_core::operation::{
    CreateTableInput, DescribeTableInput, GetItemInput, PutItemInput, TableDescription,
};
use ddbmock_engine::storage::StorageError;
use ddbmock_engine::{DynamoDb, Engine};
use serde_json::json;

fn wire<T: serde::de::DeserializeOwned>(v: serde_json::Value) -> T {
    serde_json::from_value(v).expect("a valid request")
}

async fn describe(db: &Engine, table: &str) -> TableDescription {
    db.describe_table(DescribeTableInput {
        table_name: Some(table.to_owned()),
    })
    .await
    .expect("describe table")
    .table
    .expect("a description")
}

async fn get(db: &Engine, pk: &str) -> Option<serde_json::Value> {
    let out = db
        .get_item(wire::<GetItemInput>(json!({
            "TableName": "orders",
            "Key": {"pk": {"S": pk}, "sk": {"N": "1"}},
            "ConsistentRead": true
        })))
        .await
        .expect("get item");
    out.item
        .map(|i| serde_json::to_value(i).expect("an item serializes"))
}

#[tokio::test]
async fn reopening_a_file_restores_tables_indexes_and_items() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("db.sqlite");
    let before = {
        let db = Engine::sqlite(&path).expect("a new database");
        db.create_table(wire::<CreateTableInput>(json!({
            "TableName": "orders",
            "AttributeDefinitions": [
                {"AttributeName": "pk", "AttributeType": "S"},
                {"AttributeName": "sk", "AttributeType": "N"},
                {"AttributeName": "status", "AttributeType": "S"}
            ],
            "KeySchema": [
                {"AttributeName": "pk", "KeyType": "HASH"},
                {"AttributeName": "sk", "KeyType": "RANGE"}
            ],
            "GlobalSecondaryIndexes": [{
                "IndexName": "by-status",
                "KeySchema": [{"AttributeName": "status", "KeyType": "HASH"}],
                "Projection": {"ProjectionType": "ALL"}
            }],
            "BillingMode": "PAY_PER_REQUEST",
            "DeletionProtectionEnabled": true,
            "Tags": [{"Key": "team", "Value": "billing"}]
        })))
        .await
        .expect("create table");
        for n in 0..20 {
            db.put_item(wire::<PutItemInput>(json!({
                "TableName": "orders",
                "Item": {
                    "pk": {"S": format!("order-{n}")},
                    "sk": {"N": "1"},
                    "status": {"S": if n % 2 == 0 { "open" } else { "shipped" }},
                    "lines": {"L": [{"M": {"sku": {"S": "x"}, "qty": {"N": "2"}}}]},
                    "blob": {"B": "AAEC"}
                }
            })))
            .await
            .expect("put item");
        }
        describe(&db, "orders").await
    };

    let db = Engine::sqlite(&path).expect("the database reopens");
    let after = describe(&db, "orders").await;
    assert_eq!(
        serde_json::to_value(&after).expect("a description serializes"),
        serde_json::to_value(&before).expect("a description serializes"),
    );
    assert_eq!(after.item_count, Some(20));
    assert_eq!(
        get(&db, "order-7").await,
        Some(json!({
            "pk": {"S": "order-7"},
            "sk": {"N": "1"},
            "status": {"S": "shipped"},
            "lines": {"L": [{"M": {"sku": {"S": "x"}, "qty": {"N": "2"}}}]},
            "blob": {"B": "AAEC"}
        }))
    );
    assert_eq!(get(&db, "order-20").await, None);
}

#[test]
fn a_file_of_another_application_is_refused() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("notes.txt");
    std::fs::write(
        &path,
        "these are not the tables you are looking for".repeat(100),
    )
    .expect("a file");
    let err = Engine::sqlite(&path).expect_err("not a database");
    assert!(
        matches!(err, StorageError::NotADdbmockDatabase { .. }),
        "{err}"
    );
}
