//! What the text tables share: an engine with a seeded table, requests sent as DynamoDB's wire
//! JSON through the codec, and a snapshot of everything a refused request must leave unchanged.

// Each test file includes this module and uses a part of it.
#![allow(dead_code)]

use ddbmock_core::protocol::handle;
use ddbmock_engine::Engine;
use serde_json::{Value, json};

/// The table every row addresses: `pk`/`sk` strings, a global index on `g` and a local index on
/// `l`, one item.
pub(crate) const TABLE: &str = "tbl";

/// One row: a request, and the error type and exact message DynamoDB answers it with.
pub(crate) struct Row {
    /// What the row checks, printed when it fails.
    pub(crate) case: &'static str,
    /// The operation (`PutItem`).
    pub(crate) op: &'static str,
    /// The request body.
    pub(crate) body: Value,
    /// The error type after the `#` of `__type`.
    pub(crate) error: &'static str,
    /// The exact message.
    pub(crate) message: String,
}

/// A row; `message` is anything that turns into the exact text.
pub(crate) fn row(
    case: &'static str,
    op: &'static str,
    body: Value,
    error: &'static str,
    message: impl Into<String>,
) -> Row {
    Row {
        case,
        op,
        body,
        error,
        message: message.into(),
    }
}

/// A `ValidationException` row.
pub(crate) fn invalid(
    case: &'static str,
    op: &'static str,
    body: Value,
    message: impl Into<String>,
) -> Row {
    row(case, op, body, "ValidationException", message)
}

/// Sends `body` as `op` and returns the status and the parsed answer.
pub(crate) async fn call(db: &Engine, op: &str, body: &Value) -> (u16, Value) {
    let target = format!("DynamoDB_20120810.{op}");
    let response = handle(db, Some(&target), body.to_string().as_bytes()).await;
    let parsed = serde_json::from_slice(&response.body).expect("the answer is JSON");
    (response.status, parsed)
}

/// Sends `body` and panics unless it succeeds.
pub(crate) async fn ok(db: &Engine, op: &str, body: Value) -> Value {
    let (status, answer) = call(db, op, &body).await;
    assert_eq!(status, 200, "{op} {body}: {answer}");
    answer
}

/// The engine with [`TABLE`] and its item.
pub(crate) async fn engine() -> Engine {
    let db = Engine::memory();
    ok(
        &db,
        "CreateTable",
        json!({
            "TableName": TABLE,
            "AttributeDefinitions": [
                {"AttributeName": "pk", "AttributeType": "S"},
                {"AttributeName": "sk", "AttributeType": "S"},
                {"AttributeName": "g", "AttributeType": "S"},
                {"AttributeName": "l", "AttributeType": "S"}
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
            "LocalSecondaryIndexes": [{
                "IndexName": "lsi",
                "KeySchema": [
                    {"AttributeName": "pk", "KeyType": "HASH"},
                    {"AttributeName": "l", "KeyType": "RANGE"}
                ],
                "Projection": {"ProjectionType": "KEYS_ONLY"}
            }],
            "BillingMode": "PAY_PER_REQUEST",
            "Tags": [{"Key": "team", "Value": "core"}]
        }),
    )
    .await;
    ok(
        &db,
        "PutItem",
        json!({"TableName": TABLE, "Item": {
            "pk": {"S": "a"}, "sk": {"S": "b"}, "g": {"S": "g1"}, "l": {"S": "l1"}, "v": {"N": "1"}
        }}),
    )
    .await;
    db
}

/// Everything a request could change: the tables and their descriptions (less the clock's
/// fields), their tags, and the items of each table and index.
pub(crate) async fn snapshot(db: &Engine) -> Value {
    let names = ok(db, "ListTables", json!({})).await["TableNames"].clone();
    let mut tables = Vec::new();
    for name in names.as_array().into_iter().flatten() {
        let name = name.as_str().unwrap();
        let mut described = ok(db, "DescribeTable", json!({"TableName": name})).await;
        let table = &mut described["Table"];
        let arn = table["TableArn"].clone();
        let tags = ok(db, "ListTagsOfResource", json!({"ResourceArn": arn})).await;
        let items = ok(db, "Scan", json!({"TableName": name})).await["Items"].clone();
        let mut indexed = Vec::new();
        for kind in ["GlobalSecondaryIndexes", "LocalSecondaryIndexes"] {
            for index in table[kind].as_array().into_iter().flatten() {
                let index = index["IndexName"].clone();
                let scan = json!({"TableName": name, "IndexName": index});
                indexed.push(ok(db, "Scan", scan).await["Items"].clone());
            }
        }
        tables.push(json!({
            "table": table.clone(), "tags": tags, "items": items, "indexed": indexed
        }));
    }
    Value::Array(tables)
}

/// Runs every row on a fresh engine: the exact type and message, and nothing changed.
pub(crate) async fn check(rows: Vec<Row>) {
    let db = engine().await;
    let before = snapshot(&db).await;
    let mut failures = Vec::new();
    for r in &rows {
        let (status, answer) = call(&db, r.op, &r.body).await;
        let error = answer["__type"]
            .as_str()
            .and_then(|t| t.rsplit('#').next())
            .unwrap_or("");
        // SerializationException carries its text as `Message`, the others as `message`.
        let message = answer["message"]
            .as_str()
            .or(answer["Message"].as_str())
            .unwrap_or("");
        if status != 400 || error != r.error || message != r.message {
            failures.push(format!(
                "{}: expected {} {:?}\n    got {status} {error} {message:?}",
                r.case, r.error, r.message
            ));
        }
        let after = snapshot(&db).await;
        if after != before {
            failures.push(format!("{}: the refused request changed the store", r.case));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
