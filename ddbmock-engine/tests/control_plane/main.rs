//! The control-plane operations beyond tables, items and TTL: resource policies, contributor
//! insights, Kinesis streaming destinations and replica auto scaling. Each happy path is checked
//! through the operation that reads the state back, on both stores (the SQLite one reopened), and
//! each error by its exact type and text.

#[path = "../streams_support/mod.rs"]
mod streams_support;

mod auto_scaling;
mod insights;
mod kinesis;
mod policy;
mod table_settings;

use ddbmock_core::operation::*;
use ddbmock_engine::storage::SqliteStorage;
use ddbmock_engine::{Clock, DynamoDb, Engine, EngineConfig};
use serde_json::json;
use std::sync::Arc;
use streams_support::*;

fn wire<T: serde::de::DeserializeOwned>(v: serde_json::Value) -> T {
    serde_json::from_value(v).expect("a valid request")
}

const ARN: &str = "arn:aws:dynamodb:us-east-1:000000000000:table/tbl";

/// An engine on a manual clock over the SQLite file `path`.
fn sqlite(path: &std::path::Path) -> Engine {
    let storage = Arc::new(SqliteStorage::open(path).expect("the database opens"));
    Engine::with_storage(storage, Clock::manual(start()), EngineConfig::default())
        .expect("the engine opens")
}

/// Runs `check` on a memory engine and on an SQLite one, each with table `tbl` (a stream on).
async fn on_both_stores<F, Fut>(check: F)
where
    F: Fn(Engine) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let dir = tempfile::tempdir().expect("a temporary directory");
    for db in [engine(), sqlite(&dir.path().join("db.sqlite"))] {
        create(&db, "tbl", Some(StreamViewType::KeysOnly)).await;
        check(db).await;
    }
}

/// Creates `tbl` keyed by `pk` and `sk`, with the global index `gsi` keyed by `g`.
async fn create_with_index(db: &Engine) {
    db.create_table(wire(json!({
        "TableName": "tbl",
        "AttributeDefinitions": [
            {"AttributeName": "pk", "AttributeType": "S"},
            {"AttributeName": "sk", "AttributeType": "S"},
            {"AttributeName": "g", "AttributeType": "S"}
        ],
        "KeySchema": [
            {"AttributeName": "pk", "KeyType": "HASH"},
            {"AttributeName": "sk", "KeyType": "RANGE"}
        ],
        "GlobalSecondaryIndexes": [{
            "IndexName": "gsi",
            "KeySchema": [{"AttributeName": "g", "KeyType": "HASH"}],
            "Projection": {"ProjectionType": "ALL"}
        }],
        "BillingMode": "PAY_PER_REQUEST"
    })))
    .await
    .unwrap();
}
