//! GetItem and PutItem per second through the SDK bridge (`aws_sdk_dynamodb::Client` on an
//! in-memory engine), against the same requests through the protocol codec alone and the same calls
//! on the engine directly, to show the SDK's share.
//!
//! `cargo run --release --example bridge_bench --features aws [-- SECONDS]`

use std::time::{Duration, Instant};

use aws_sdk_dynamodb::types::{
    AttributeDefinition, AttributeValue, BillingMode, KeySchemaElement, KeyType,
    ScalarAttributeType,
};
use ddbmock::DynamoDb;
use ddbmock::operation::{GetItemInput, PutItemInput};

/// Calls `f` for `seconds` and returns the calls per second.
async fn rate<F, Fut>(seconds: f64, mut f: F) -> f64
where
    F: FnMut(u64) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let budget = Duration::from_secs_f64(seconds);
    let start = Instant::now();
    let mut calls = 0u64;
    while start.elapsed() < budget {
        for _ in 0..100 {
            f(calls).await;
            calls += 1;
        }
    }
    calls as f64 / start.elapsed().as_secs_f64()
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let seconds: f64 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(2.0);
    let engine = ddbmock::Engine::memory();
    let client = ddbmock::aws::client(&engine);
    client
        .create_table()
        .table_name("bench")
        .attribute_definitions(
            AttributeDefinition::builder()
                .attribute_name("id")
                .attribute_type(ScalarAttributeType::S)
                .build()?,
        )
        .key_schema(
            KeySchemaElement::builder()
                .attribute_name("id")
                .key_type(KeyType::Hash)
                .build()?,
        )
        .billing_mode(BillingMode::PayPerRequest)
        .send()
        .await?;
    let key = |i: u64| format!("k{}", i % 1000);

    let put = rate(seconds, |i| {
        let request = client
            .put_item()
            .table_name("bench")
            .item("id", AttributeValue::S(key(i)))
            .item("v", AttributeValue::N(i.to_string()));
        async move {
            if let Err(e) = request.send().await {
                eprintln!("PutItem failed: {e}");
            }
        }
    })
    .await;
    let get = rate(seconds, |i| {
        let request = client
            .get_item()
            .table_name("bench")
            .key("id", AttributeValue::S(key(i)));
        async move {
            if let Err(e) = request.send().await {
                eprintln!("GetItem failed: {e}");
            }
        }
    })
    .await;

    let engine_item = |i: u64| {
        [
            ("id".to_owned(), ddbmock::model::AttributeValue::S(key(i))),
            (
                "v".to_owned(),
                ddbmock::model::AttributeValue::N(i.to_string()),
            ),
        ]
        .into_iter()
        .collect()
    };
    let direct_put = rate(seconds, |i| {
        let input = PutItemInput {
            table_name: Some("bench".into()),
            item: Some(engine_item(i)),
            ..Default::default()
        };
        let engine = &engine;
        async move {
            if let Err(e) = engine.put_item(input).await {
                eprintln!("PutItem failed: {e}");
            }
        }
    })
    .await;
    let direct_get = rate(seconds, |i| {
        let input = GetItemInput {
            table_name: Some("bench".into()),
            key: Some(
                [("id".to_owned(), ddbmock::model::AttributeValue::S(key(i)))]
                    .into_iter()
                    .collect(),
            ),
            ..Default::default()
        };
        let engine = &engine;
        async move {
            if let Err(e) = engine.get_item(input).await {
                eprintln!("GetItem failed: {e}");
            }
        }
    })
    .await;

    // The codec alone: the part of the bridge that is ddbmock's, without the SDK.
    let codec_put = rate(seconds, |i| {
        let body = format!(
            r#"{{"TableName":"bench","Item":{{"id":{{"S":"{}"}},"v":{{"N":"{i}"}}}}}}"#,
            key(i)
        );
        let engine = &engine;
        async move {
            let response = ddbmock::protocol::handle(
                engine,
                Some("DynamoDB_20120810.PutItem"),
                body.as_bytes(),
            )
            .await;
            if response.status != 200 {
                eprintln!(
                    "PutItem failed: {}",
                    String::from_utf8_lossy(&response.body)
                );
            }
        }
    })
    .await;
    let codec_get = rate(seconds, |i| {
        let body = format!(
            r#"{{"TableName":"bench","Key":{{"id":{{"S":"{}"}}}}}}"#,
            key(i)
        );
        let engine = &engine;
        async move {
            let response = ddbmock::protocol::handle(
                engine,
                Some("DynamoDB_20120810.GetItem"),
                body.as_bytes(),
            )
            .await;
            if response.status != 200 {
                eprintln!(
                    "GetItem failed: {}",
                    String::from_utf8_lossy(&response.body)
                );
            }
        }
    })
    .await;

    println!("through the SDK bridge: PutItem {put:>9.0}/s  GetItem {get:>9.0}/s");
    println!("codec only (no SDK):    PutItem {codec_put:>9.0}/s  GetItem {codec_get:>9.0}/s");
    println!("engine directly:        PutItem {direct_put:>9.0}/s  GetItem {direct_get:>9.0}/s");
    Ok(())
}
