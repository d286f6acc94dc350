//! A deterministic workload for instruction counts, which stay comparable on a busy machine where
//! timings do not: a table of 1,000 items of ~150 bytes, then N operations of one kind on random
//! keys (`setup` runs none, to subtract):
//!
//! ```sh
//! cargo build --release -p ddbmock-engine --example icount
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null target/release/examples/icount put 10000
//! ```
//!
//! Modes: setup, get, put, update, delete (and put back), transact (a Put and an Update), batch
//! (25 puts).
use std::collections::HashMap;

use ddbmock_core::model::AttributeValue;
use ddbmock_core::operation::*;
use ddbmock_engine::{DynamoDb, Engine};

fn item(i: u64) -> HashMap<String, AttributeValue> {
    let mut m = HashMap::new();
    m.insert("pk".to_owned(), AttributeValue::S(format!("user#{i:06}")));
    m.insert("name".to_owned(), AttributeValue::S("x".repeat(120)));
    m.insert("n".to_owned(), AttributeValue::N(i.to_string()));
    m
}

fn key(i: u64) -> HashMap<String, AttributeValue> {
    [("pk".to_owned(), AttributeValue::S(format!("user#{i:06}")))].into()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mode = args[1].clone();
    let n: u64 = args[2].parse().unwrap();
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    rt.block_on(async move {
        let db = Engine::memory();
        db.create_table(serde_json::from_value(serde_json::json!({
            "TableName": "bench",
            "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
            "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
            "BillingMode": "PAY_PER_REQUEST"
        })).unwrap()).await.unwrap();
        for i in 0..1000 {
            db.put_item(PutItemInput { table_name: Some("bench".into()), item: Some(item(i)), ..Default::default() }).await.unwrap();
        }
        let mut x: u64 = 12345;
        let mut next = || { x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407); (x >> 33) % 1000 };
        for _ in 0..n {
            let i = next();
            match mode.as_str() {
                "setup" => {}
                "get" => { db.get_item(GetItemInput { table_name: Some("bench".into()), key: Some(key(i)), ..Default::default() }).await.unwrap(); }
                "put" => { db.put_item(PutItemInput { table_name: Some("bench".into()), item: Some(item(i)), ..Default::default() }).await.unwrap(); }
                "update" => { db.update_item(serde_json::from_value(serde_json::json!({
                    "TableName": "bench", "Key": {"pk": {"S": format!("user#{i:06}")}},
                    "UpdateExpression": "SET #n = #n + :one", "ExpressionAttributeNames": {"#n": "n"},
                    "ExpressionAttributeValues": {":one": {"N": "1"}}, "ReturnValues": "UPDATED_NEW"
                })).unwrap()).await.unwrap(); }
                "delete" => {
                    db.delete_item(DeleteItemInput { table_name: Some("bench".into()), key: Some(key(i)), ..Default::default() }).await.unwrap();
                    db.put_item(PutItemInput { table_name: Some("bench".into()), item: Some(item(i)), ..Default::default() }).await.unwrap();
                }
                "transact" => { db.transact_write_items(serde_json::from_value(serde_json::json!({
                    "TransactItems": [
                        {"Put": {"TableName": "bench", "Item": {"pk": {"S": format!("user#{i:06}")}, "n": {"N": "1"}}}},
                        {"Update": {"TableName": "bench", "Key": {"pk": {"S": format!("user#{:06}", (i + 1) % 1000)}},
                            "UpdateExpression": "SET v = :v", "ExpressionAttributeValues": {":v": {"S": "v"}}}}
                    ]
                })).unwrap()).await.unwrap(); }
                "batch" => {
                    let reqs: Vec<serde_json::Value> = (0..25).map(|k| serde_json::json!({"PutRequest": {"Item": {"pk": {"S": format!("user#{:06}", (i + k) % 1000)}, "n": {"N": "2"}}}})).collect();
                    db.batch_write_item(serde_json::from_value(serde_json::json!({"RequestItems": {"bench": reqs}})).unwrap()).await.unwrap();
                }
                _ => panic!("mode"),
            }
        }
    });
}
