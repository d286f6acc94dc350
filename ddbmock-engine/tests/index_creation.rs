//! A global secondary index added by UpdateTable stays `CREATING` for the engine's configured delay,
//! refusing reads meanwhile, then turns `ACTIVE` with its backfilled items.

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use ddbmock_core::model::AttributeValue;
use ddbmock_core::operation::*;
use ddbmock_engine::storage::MemoryStorage;
use ddbmock_engine::{Clock, DynamoDb, Engine, EngineConfig};

#[tokio::test]
async fn creating_then_active_after_the_delay() {
    let clock = Clock::manual(SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000));
    let config = EngineConfig {
        index_creation_delay: Duration::from_secs(30),
        ..Default::default()
    };
    let db = Engine::with_storage(Arc::new(MemoryStorage::new()), clock.clone(), config).unwrap();
    let def = |n: &str, t| AttributeDefinition {
        attribute_name: Some(n.into()),
        attribute_type: Some(t),
    };
    let key = |n: &str, t| KeySchemaElement {
        attribute_name: Some(n.into()),
        key_type: Some(t),
    };
    db.create_table(CreateTableInput {
        table_name: Some("tbl".into()),
        attribute_definitions: Some(vec![def("pk", ScalarAttributeType::S)]),
        key_schema: Some(vec![key("pk", KeyType::Hash)]),
        billing_mode: Some(BillingMode::PayPerRequest),
        ..Default::default()
    })
    .await
    .unwrap();
    for i in 0..3 {
        db.put_item(PutItemInput {
            table_name: Some("tbl".into()),
            item: Some(
                [
                    ("pk".to_owned(), AttributeValue::S(format!("k{i}"))),
                    ("g".to_owned(), AttributeValue::S("x".into())),
                ]
                .into(),
            ),
            ..Default::default()
        })
        .await
        .unwrap();
    }
    db.update_table(UpdateTableInput {
        table_name: Some("tbl".into()),
        attribute_definitions: Some(vec![def("g", ScalarAttributeType::S)]),
        global_secondary_index_updates: Some(vec![GlobalSecondaryIndexUpdate {
            create: Some(CreateGlobalSecondaryIndexAction {
                index_name: Some("by_g".into()),
                key_schema: Some(vec![key("g", KeyType::Hash)]),
                projection: Some(Projection {
                    projection_type: Some(ProjectionType::KeysOnly),
                    non_key_attributes: None,
                }),
                ..Default::default()
            }),
            ..Default::default()
        }]),
        ..Default::default()
    })
    .await
    .unwrap();
    let status = || async {
        let d = db
            .describe_table(DescribeTableInput {
                table_name: Some("tbl".into()),
            })
            .await
            .unwrap()
            .table
            .unwrap();
        let g = d.global_secondary_indexes.unwrap().remove(0);
        (g.index_status.unwrap(), g.backfilling, g.item_count)
    };
    assert_eq!(status().await, (IndexStatus::Creating, Some(true), Some(3)));
    let query = QueryInput {
        table_name: Some("tbl".into()),
        index_name: Some("by_g".into()),
        key_condition_expression: Some("g = :g".into()),
        expression_attribute_values: Some(
            [(":g".to_owned(), AttributeValue::S("x".into()))].into(),
        ),
        ..Default::default()
    };
    let err = db.query(query.clone()).await.unwrap_err();
    assert_eq!(
        err.message(),
        "Cannot read from backfilling global secondary index: by_g"
    );
    clock.advance(Duration::from_secs(30));
    assert_eq!(status().await, (IndexStatus::Active, None, Some(3)));
    assert_eq!(db.query(query).await.unwrap().count, Some(3));
}

fn wire<T: serde::de::DeserializeOwned>(v: serde_json::Value) -> T {
    serde_json::from_value(v).expect("a valid request")
}

/// An engine on a manual clock whose table changes take 5 s and index backfills 30 s, with the
/// table `tbl` (`pk`) and its global secondary index `by_h` (on `h`).
async fn slow_engine() -> (Engine, Clock) {
    let clock = Clock::manual(SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000));
    let config = EngineConfig {
        table_status_delay: Duration::from_secs(5),
        index_creation_delay: Duration::from_secs(30),
        ..Default::default()
    };
    let db = Engine::with_storage(Arc::new(MemoryStorage::new()), clock.clone(), config).unwrap();
    db.create_table(wire(serde_json::json!({
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
    clock.advance(Duration::from_secs(5));
    (db, clock)
}

fn create_gsi(name: &str) -> UpdateTableInput {
    wire(serde_json::json!({
        "TableName": "tbl",
        "AttributeDefinitions": [{"AttributeName": "g", "AttributeType": "S"}],
        "GlobalSecondaryIndexUpdates": [{"Create": {
            "IndexName": name,
            "KeySchema": [{"AttributeName": "g", "KeyType": "HASH"}],
            "Projection": {"ProjectionType": "KEYS_ONLY"}
        }}]
    }))
}

fn delete_gsi(name: &str) -> UpdateTableInput {
    wire(serde_json::json!({
        "TableName": "tbl",
        "GlobalSecondaryIndexUpdates": [{"Delete": {"IndexName": name}}]
    }))
}

fn protect(on: bool) -> UpdateTableInput {
    wire(serde_json::json!({"TableName": "tbl", "DeletionProtectionEnabled": on}))
}

/// The table's status, and the status and `Backfilling` of its index `name` (if it has one).
fn phase(d: &TableDescription, name: &str) -> (TableStatus, Option<(IndexStatus, Option<bool>)>) {
    let index = d
        .global_secondary_indexes
        .iter()
        .flatten()
        .find(|g| g.index_name.as_deref() == Some(name))
        .map(|g| (g.index_status.clone().unwrap(), g.backfilling));
    (d.table_status.clone().unwrap(), index)
}

async fn describe(db: &Engine) -> TableDescription {
    db.describe_table(DescribeTableInput {
        table_name: Some("tbl".into()),
    })
    .await
    .unwrap()
    .table
    .unwrap()
}

#[track_caller]
fn assert_error<T: std::fmt::Debug>(result: ddbmock_core::Result<T>, exception: &str, text: &str) {
    let err = result.expect_err("refused");
    assert_eq!((err.type_name(), err.message().as_str()), (exception, text));
}

const IN_USE: &str = "ResourceInUseException";
const TABLE_UPDATING: &str =
    "Attempt to change a resource which is still in use: Table is being updated: tbl";
const LIMIT: &str = "LimitExceededException";
const ONE_INDEX: &str = "Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table";

#[tokio::test]
async fn an_added_index_allocates_while_the_table_updates_then_backfills() {
    let (db, clock) = slow_engine().await;
    let out = db.update_table(create_gsi("by_g")).await.unwrap();
    let creating = Some((IndexStatus::Creating, Some(false)));
    let d = out.table_description.unwrap();
    assert_eq!(phase(&d, "by_g"), (TableStatus::Updating, creating.clone()));
    assert_eq!(
        phase(&describe(&db).await, "by_g"),
        (TableStatus::Updating, creating)
    );
    // Resource allocation: the table is UPDATING, and refuses every change.
    assert_error(db.update_table(protect(true)).await, IN_USE, TABLE_UPDATING);
    assert_error(
        db.update_table(delete_gsi("by_g")).await,
        IN_USE,
        TABLE_UPDATING,
    );

    clock.advance(Duration::from_secs(5));
    let backfilling = Some((IndexStatus::Creating, Some(true)));
    assert_eq!(
        phase(&describe(&db).await, "by_g"),
        (TableStatus::Active, backfilling.clone())
    );
    // Backfilling: no other index may be added or deleted, but other settings may change.
    assert_error(db.update_table(create_gsi("by_g2")).await, LIMIT, ONE_INDEX);
    assert_error(db.update_table(delete_gsi("by_h")).await, LIMIT, ONE_INDEX);
    db.update_table(protect(true)).await.unwrap();
    assert_eq!(
        phase(&describe(&db).await, "by_g"),
        (TableStatus::Updating, backfilling.clone())
    );
    clock.advance(Duration::from_secs(5));
    assert_eq!(
        phase(&describe(&db).await, "by_g"),
        (TableStatus::Active, backfilling)
    );

    clock.advance(Duration::from_secs(25));
    let d = describe(&db).await;
    assert_eq!(
        phase(&d, "by_g"),
        (TableStatus::Active, Some((IndexStatus::Active, None)))
    );
    db.update_table(create_gsi("by_g2")).await.unwrap();
}

#[tokio::test]
async fn the_index_being_built_may_be_deleted_while_it_backfills() {
    let (db, clock) = slow_engine().await;
    db.update_table(create_gsi("by_g")).await.unwrap();
    clock.advance(Duration::from_secs(5));
    let d = db
        .update_table(delete_gsi("by_g"))
        .await
        .unwrap()
        .table_description
        .unwrap();
    assert_eq!(
        phase(&d, "by_g"),
        (TableStatus::Updating, Some((IndexStatus::Deleting, None)))
    );
    // Deleting takes the table's transition; meanwhile nothing else changes.
    assert_error(
        db.update_table(create_gsi("by_g")).await,
        IN_USE,
        TABLE_UPDATING,
    );
    clock.advance(Duration::from_secs(5));
    assert_eq!(
        phase(&describe(&db).await, "by_g"),
        (TableStatus::Active, None)
    );
    db.update_table(create_gsi("by_g")).await.unwrap();
}

/// The `by_g` index's item count.
async fn by_g_count(db: &Engine) -> Option<i64> {
    describe(db)
        .await
        .global_secondary_indexes
        .iter()
        .flatten()
        .find(|g| g.index_name.as_deref() == Some("by_g"))
        .and_then(|g| g.item_count)
}

#[tokio::test]
async fn items_whose_new_index_key_has_another_type_stay_out_of_the_index_through_later_writes() {
    let (db, clock) = slow_engine().await;
    let put = |pk: &str, g: serde_json::Value| -> PutItemInput {
        wire(serde_json::json!({"TableName": "tbl", "Item": {"pk": {"S": pk}, "g": g}}))
    };
    let delete = |pk: &str| -> DeleteItemInput {
        wire(serde_json::json!({"TableName": "tbl", "Key": {"pk": {"S": pk}}}))
    };
    // Written before the index on `g` (a string) exists: `a` has a number there, `b` an empty string.
    db.put_item(put("a", serde_json::json!({"N": "5"})))
        .await
        .unwrap();
    db.put_item(put("b", serde_json::json!({"S": ""})))
        .await
        .unwrap();
    db.put_item(put("c", serde_json::json!({"S": "x"})))
        .await
        .unwrap();
    db.update_table(create_gsi("by_g")).await.unwrap();
    clock.advance(Duration::from_secs(35));
    assert_eq!(by_g_count(&db).await, Some(1));

    // Deleting or replacing the items left out removes no entry they never had.
    db.delete_item(delete("a")).await.unwrap();
    db.put_item(put("b", serde_json::json!({"S": "y"})))
        .await
        .unwrap();
    assert_eq!(by_g_count(&db).await, Some(2));
    let query: QueryInput = wire(serde_json::json!({
        "TableName": "tbl",
        "IndexName": "by_g",
        "KeyConditionExpression": "g = :g",
        "ExpressionAttributeValues": {":g": {"S": "y"}}
    }));
    assert_eq!(db.query(query).await.unwrap().count, Some(1));
    db.delete_item(delete("c")).await.unwrap();
    db.delete_item(delete("b")).await.unwrap();
    assert_eq!(by_g_count(&db).await, Some(0));
}
