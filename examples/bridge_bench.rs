//! GetItem and PutItem per second through the SDK bridge (`aws_sdk_dynamodb::Client` on an
//! in-memory engine), and where each call's time goes:
//!
//! - **bridge**: `aws::client(&engine)`, one task; then N concurrent tasks on a multi-thread runtime;
//! - **SDK alone**: the same client configuration on an HTTP client that replays the bridge's
//!   response bytes, so the row is the SDK's own work per call (serialise, endpoint, interceptors,
//!   retry bookkeeping, deserialise) without ddbmock's;
//! - **codec** and **engine**: the same requests through the protocol codec alone, and the same
//!   calls on the engine directly.
//!
//! Each row also gives the CPU time per call (the thread's for one task, the process's for N, from
//! `/proc/.../schedstat`), which holds steady when other processes share the machine, where calls
//! per second do not.
//!
//! `cargo run --release --example bridge_bench --features aws [-- SECONDS]`

use std::future::Future;
use std::time::{Duration, Instant};

use aws_sdk_dynamodb::types::{
    AttributeDefinition, AttributeValue, BillingMode, KeySchemaElement, KeyType,
    ScalarAttributeType,
};
use aws_smithy_runtime_api::client::connector_metadata::ConnectorMetadata;
use aws_smithy_runtime_api::client::http::{
    HttpClient, HttpConnector, HttpConnectorFuture, HttpConnectorSettings, SharedHttpConnector,
};
use aws_smithy_runtime_api::client::orchestrator::{HttpRequest, HttpResponse};
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_runtime_api::http::StatusCode;
use aws_smithy_types::body::SdkBody;
use ddbmock::operation::{GetItemInput, PutItemInput};
use ddbmock::{DynamoDb, Engine};

const TABLE: &str = "bench";

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Calls per second, and CPU microseconds per call when the platform tells them.
struct Rate {
    per_second: f64,
    cpu_micros: Option<f64>,
}

impl Rate {
    /// The rate of `calls` made since `start`, by CPU time `cpu` read again with `read`.
    fn since(calls: u64, start: Instant, cpu: Option<u64>, read: fn() -> Option<u64>) -> Rate {
        let elapsed = start.elapsed().as_secs_f64();
        let cpu_micros = cpu
            .zip(read())
            .map(|(before, after)| (after - before) as f64 / 1e3 / calls as f64);
        Rate {
            per_second: calls as f64 / elapsed,
            cpu_micros,
        }
    }
}

impl std::fmt::Display for Rate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:>9.0}/s", self.per_second)?;
        match self.cpu_micros {
            Some(micros) => write!(f, " {micros:>6.2} µs CPU/call"),
            None => Ok(()),
        }
    }
}

/// The CPU time a thread has run, in nanoseconds, from its `schedstat` file (Linux).
fn cpu_nanos(schedstat: impl AsRef<std::path::Path>) -> Option<u64> {
    std::fs::read_to_string(schedstat)
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

/// The CPU time this thread has run, in nanoseconds (Linux).
fn thread_cpu_nanos() -> Option<u64> {
    cpu_nanos("/proc/thread-self/schedstat")
}

/// The CPU time the process's live threads have run, in nanoseconds (Linux).
fn process_cpu_nanos() -> Option<u64> {
    let mut total = 0;
    for task in std::fs::read_dir("/proc/self/task").ok()? {
        total += cpu_nanos(task.ok()?.path().join("schedstat"))?;
    }
    Some(total)
}

/// Calls `f` for `seconds`, one call at a time.
async fn rate<F, Fut>(seconds: f64, mut f: F) -> Rate
where
    F: FnMut(u64) -> Fut,
    Fut: Future<Output = ()>,
{
    let budget = Duration::from_secs_f64(seconds);
    let cpu = thread_cpu_nanos();
    let start = Instant::now();
    let mut calls = 0u64;
    while start.elapsed() < budget {
        for _ in 0..100 {
            f(calls).await;
            calls += 1;
        }
    }
    Rate::since(calls, start, cpu, thread_cpu_nanos)
}

fn key(i: u64) -> String {
    format!("k{}", i % 1000)
}

async fn sdk_put(client: &aws_sdk_dynamodb::Client, i: u64) {
    let result = client
        .put_item()
        .table_name(TABLE)
        .item("id", AttributeValue::S(key(i)))
        .item("v", AttributeValue::N(i.to_string()))
        .send()
        .await;
    if let Err(e) = result {
        eprintln!("PutItem failed: {e}");
    }
}

async fn sdk_get(client: &aws_sdk_dynamodb::Client, i: u64) {
    let result = client
        .get_item()
        .table_name(TABLE)
        .key("id", AttributeValue::S(key(i)))
        .send()
        .await;
    if let Err(e) = result {
        eprintln!("GetItem failed: {e}");
    }
}

fn put_body(i: u64) -> String {
    format!(
        r#"{{"TableName":"{TABLE}","Item":{{"id":{{"S":"{}"}},"v":{{"N":"{i}"}}}}}}"#,
        key(i)
    )
}

fn get_body(i: u64) -> String {
    format!(
        r#"{{"TableName":"{TABLE}","Key":{{"id":{{"S":"{}"}}}}}}"#,
        key(i)
    )
}

/// An HTTP client that answers every request of a target with the same recorded response, and
/// names itself as the bridge does, so the client's pipeline is the bridge's without ddbmock.
#[derive(Clone, Debug)]
struct Replay {
    put: protocol::Response,
    get: protocol::Response,
}

use ddbmock::protocol;

impl HttpConnector for Replay {
    fn call(&self, request: HttpRequest) -> HttpConnectorFuture {
        let answer = match request.headers().get("x-amz-target") {
            Some("DynamoDB_20120810.PutItem") => &self.put,
            _ => &self.get,
        };
        let mut response = HttpResponse::new(
            StatusCode::try_from(answer.status).expect("a recorded status"),
            SdkBody::from(answer.body.clone()),
        );
        let headers = response.headers_mut();
        headers.insert("content-type", answer.content_type());
        headers.insert("x-amz-crc32", answer.crc32.to_string());
        headers.insert("x-amzn-requestid", answer.request_id.clone());
        HttpConnectorFuture::ready(Ok(response))
    }
}

impl HttpClient for Replay {
    fn http_connector(
        &self,
        _: &HttpConnectorSettings,
        _: &RuntimeComponents,
    ) -> SharedHttpConnector {
        SharedHttpConnector::new(self.clone())
    }

    fn connector_metadata(&self) -> Option<ConnectorMetadata> {
        // The bridge's name: the bridge's signer then skips the signature here too.
        Some(ConnectorMetadata::new("ddbmock", None))
    }
}

async fn create_table(engine: &Engine) -> Result<(), BoxError> {
    ddbmock::aws::client(engine)
        .create_table()
        .table_name(TABLE)
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
    Ok(())
}

/// The single-task rows: (bridge, SDK alone, codec, engine), each as (PutItem, GetItem).
async fn single_task(seconds: f64, engine: &Engine) -> [(Rate, Rate); 4] {
    let client = ddbmock::aws::client(engine);
    let bridge = (
        rate(seconds, |i| sdk_put(&client, i)).await,
        rate(seconds, |i| sdk_get(&client, i)).await,
    );

    let replay = Replay {
        put: protocol::handle(
            engine,
            Some("DynamoDB_20120810.PutItem"),
            put_body(1).as_bytes(),
        )
        .await,
        get: protocol::handle(
            engine,
            Some("DynamoDB_20120810.GetItem"),
            get_body(1).as_bytes(),
        )
        .await,
    };
    let sdk_alone = aws_sdk_dynamodb::Client::from_conf(
        ddbmock::aws::config(engine)
            .to_builder()
            .http_client(replay)
            .build(),
    );
    let sdk = (
        rate(seconds, |i| sdk_put(&sdk_alone, i)).await,
        rate(seconds, |i| sdk_get(&sdk_alone, i)).await,
    );

    let codec_call = |target: &'static str, body: String| async move {
        let response = protocol::handle(engine, Some(target), body.as_bytes()).await;
        if response.status != 200 {
            eprintln!(
                "{target} failed: {}",
                String::from_utf8_lossy(&response.body)
            );
        }
    };
    let codec = (
        rate(seconds, |i| {
            codec_call("DynamoDB_20120810.PutItem", put_body(i))
        })
        .await,
        rate(seconds, |i| {
            codec_call("DynamoDB_20120810.GetItem", get_body(i))
        })
        .await,
    );

    let engine_key = |i: u64| ("id".to_owned(), ddbmock::model::AttributeValue::S(key(i)));
    let direct = (
        rate(seconds, |i| async move {
            let item = [
                engine_key(i),
                (
                    "v".to_owned(),
                    ddbmock::model::AttributeValue::N(i.to_string()),
                ),
            ];
            let input = PutItemInput {
                table_name: Some(TABLE.into()),
                item: Some(item.into_iter().collect()),
                ..Default::default()
            };
            if let Err(e) = engine.put_item(input).await {
                eprintln!("PutItem failed: {e}");
            }
        })
        .await,
        rate(seconds, |i| async move {
            let input = GetItemInput {
                table_name: Some(TABLE.into()),
                key: Some([engine_key(i)].into_iter().collect()),
                ..Default::default()
            };
            if let Err(e) = engine.get_item(input).await {
                eprintln!("GetItem failed: {e}");
            }
        })
        .await,
    );
    [bridge, sdk, codec, direct]
}

/// Calls through the bridge with `tasks` concurrent tasks, each calling `put` or get; the CPU
/// time is the whole process's.
async fn concurrent(seconds: f64, engine: &Engine, tasks: u64, put: bool) -> Rate {
    let client = ddbmock::aws::client(engine);
    let budget = Duration::from_secs_f64(seconds);
    let cpu = process_cpu_nanos();
    let start = Instant::now();
    let handles: Vec<_> = (0..tasks)
        .map(|task| {
            let client = client.clone();
            tokio::spawn(async move {
                let mut calls = 0u64;
                while start.elapsed() < budget {
                    for _ in 0..50 {
                        let i = task * 1_000_003 + calls;
                        if put {
                            sdk_put(&client, i).await;
                        } else {
                            sdk_get(&client, i).await;
                        }
                        calls += 1;
                    }
                }
                calls
            })
        })
        .collect();
    let mut calls = 0;
    for handle in handles {
        calls += handle.await.unwrap_or(0);
    }
    Rate::since(calls, start, cpu, process_cpu_nanos)
}

fn main() -> Result<(), BoxError> {
    let seconds: f64 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(2.0);
    let engine = Engine::memory();
    let single = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    single.block_on(create_table(&engine))?;
    let [bridge, sdk, codec, direct] = single.block_on(single_task(seconds, &engine));

    println!("one task, current-thread runtime:");
    for (name, (put, get)) in [
        ("through the SDK bridge:", &bridge),
        ("SDK alone (replayed):", &sdk),
        ("codec only (no SDK):", &codec),
        ("engine directly:", &direct),
    ] {
        println!("  {name:<24} PutItem {put}   GetItem {get}");
    }
    for (name, bridge, sdk) in [
        ("PutItem", &bridge.0, &sdk.0),
        ("GetItem", &bridge.1, &sdk.1),
    ] {
        if let (Some(total), Some(sdk)) = (bridge.cpu_micros, sdk.cpu_micros) {
            println!(
                "  {name}: the SDK's own work is {:.0}% of a bridge call's CPU time, ddbmock's {:.0}%",
                100.0 * sdk / total,
                100.0 * (total - sdk) / total
            );
        }
    }

    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let multi = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(threads)
        .enable_all()
        .build()?;
    println!("concurrent tasks through the SDK bridge, multi-thread runtime ({threads} workers):");
    for tasks in [1, 2, 8] {
        let put = multi.block_on(concurrent(seconds, &engine, tasks, true));
        let get = multi.block_on(concurrent(seconds, &engine, tasks, false));
        println!("  {tasks} task(s): PutItem {put}   GetItem {get}");
    }
    Ok(())
}
