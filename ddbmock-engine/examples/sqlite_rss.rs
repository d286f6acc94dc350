//! Loads items of ~200 bytes into an engine on a temporary SQLite database, then prints the process's
//! resident memory: the SQLite store keeps items on disk, so it should stay near the page caches' size.
//! Then it closes the database and opens it again, timing the reopen (which recounts each table's
//! items and sizes from disk).
//!
//! `cargo run --release -p ddbmock-core --example sqlite_rss [ITEMS]` (1,000,000 by default).

use std::time::Instant;

use ddbmock_core::model::{AttributeValue, Item};
use ddbmock_core::operation::{CreateTableInput, DescribeTableInput, PutItemInput};
use ddbmock_engine::{DynamoDb, Engine};

fn status(field: &str) -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(field))
                .map(|l| l[field.len()..].trim().to_owned())
        })
        .unwrap_or_else(|| "unknown".to_owned())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let items: u64 = std::env::args()
        .nth(1)
        .map(|a| a.parse())
        .transpose()?
        .unwrap_or(1_000_000);
    let rt = tokio::runtime::Builder::new_current_thread().build()?;
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("load.db");
    let db = Engine::sqlite(&path)?;
    let create: CreateTableInput = serde_json::from_value(serde_json::json!({
        "TableName": "load",
        "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
        "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
        "BillingMode": "PAY_PER_REQUEST"
    }))?;
    rt.block_on(db.create_table(create))?;
    let began = Instant::now();
    for n in 0..items {
        let item = Item::from([
            ("pk".to_owned(), AttributeValue::S(format!("user#{n:010}"))),
            (
                "name".to_owned(),
                AttributeValue::S(format!("User number {n}")),
            ),
            (
                "score".to_owned(),
                AttributeValue::N((n * 7 % 1000).to_string()),
            ),
            (
                "active".to_owned(),
                AttributeValue::Bool(n.is_multiple_of(2)),
            ),
            ("bio".to_owned(), AttributeValue::S("x".repeat(140))),
        ]);
        rt.block_on(db.put_item(PutItemInput {
            table_name: Some("load".to_owned()),
            item: Some(item),
            ..Default::default()
        }))?;
    }
    let elapsed = began.elapsed();
    println!(
        "{items} items in {elapsed:.1?} ({:.0} PutItem/s); VmRSS {}, VmHWM {}",
        items as f64 / elapsed.as_secs_f64(),
        status("VmRSS:"),
        status("VmHWM:")
    );
    drop(db);
    let began = Instant::now();
    let db = Engine::sqlite(&path)?;
    let reopened = began.elapsed();
    let described = rt.block_on(db.describe_table(DescribeTableInput {
        table_name: Some("load".to_owned()),
    }))?;
    let count = described.table.and_then(|t| t.item_count).unwrap_or(0);
    println!(
        "reopened in {reopened:.1?} with ItemCount {count}; VmRSS {}, VmHWM {}",
        status("VmRSS:"),
        status("VmHWM:")
    );
    Ok(())
}
