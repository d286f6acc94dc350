//! A property test over raw request bytes against the HTTP front: whatever arrives on the socket —
//! garbage, or requests assembled from DynamoDB's methods, paths, headers, signatures, targets and
//! bodies (JSON of every operation's shape with bytes flipped, gzip, chunked, lying lengths) — the
//! server answers without a 500 (but DynamoDB's own, for a body its `Content-Encoding` does not
//! decode) and without a panic, under `--auth` and without, and keeps
//! serving. 256 cases per run (`PROPTEST_CASES` overrides), each sent to both servers; a few
//! seconds in the normal test run.

mod common;

use std::io::Write;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use ddbmock_core::protocol::Operation;
use ddbmock_server::{Auth, Limits, Options};
use proptest::prelude::*;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// DynamoDB's answer to a body that does not decode in its `Content-Encoding`: the one 500.
const UNDECODABLE: &str = r#"{"__type":"com.amazonaws.dynamodb.v20120810#InternalServerError","message":"Internal server error"}"#;

/// Panics anywhere in the process since the hook was installed (the server's tasks included).
static PANICS: AtomicUsize = AtomicUsize::new(0);

struct Servers {
    runtime: tokio::runtime::Runtime,
    /// Any key, and verifying.
    addresses: [std::net::SocketAddr; 2],
}

fn servers() -> &'static Servers {
    static SERVERS: OnceLock<Servers> = OnceLock::new();
    SERVERS.get_or_init(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            PANICS.fetch_add(1, Ordering::SeqCst);
            previous(info);
        }));
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .unwrap();
        let mut limits = Limits::default();
        limits.body_timeout = Duration::from_secs(2);
        limits.budget_wait = Duration::from_millis(100);
        let verifying = Options::default()
            .with_auth(
                Auth::verify([("AKIDEXAMPLE".to_owned(), "secret".to_owned())]).with_token("tok"),
            )
            .with_limits(limits.clone());
        let any_key = Options::default().with_limits(limits);
        let addresses = [any_key, verifying].map(|options| {
            runtime.block_on(async {
                let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
                let address = listener.local_addr().unwrap();
                let engine = ddbmock_engine::Engine::memory();
                tokio::spawn(ddbmock_server::run_with(
                    listener,
                    engine,
                    options,
                    std::future::pending(),
                ));
                address
            })
        });
        Servers { runtime, addresses }
    })
}

/// Sends `request` and reads what comes back until the server closes, or is quiet for a moment;
/// then closes the write side (ending a request left incomplete) and reads the rest.
///
/// The write side stays open at first because hyper drops a connection whose client half-closes
/// while a request is being answered.
async fn exchange(address: std::net::SocketAddr, request: &[u8]) -> Vec<u8> {
    let mut stream = TcpStream::connect(address).await.unwrap();
    // The server may answer and close before reading everything: a failed write is not a finding.
    let _ = stream.write_all(request).await;
    let mut answer = Vec::new();
    let mut buf = [0u8; 8192];
    loop {
        match tokio::time::timeout(Duration::from_millis(150), stream.read(&mut buf)).await {
            Ok(Ok(0) | Err(_)) => return answer,
            Ok(Ok(n)) => answer.extend_from_slice(&buf[..n]),
            Err(_) => break,
        }
    }
    let _ = stream.shutdown().await;
    let read = tokio::time::timeout(Duration::from_secs(10), stream.read_to_end(&mut answer)).await;
    assert!(read.is_ok(), "no answer and no close within 10 s");
    answer
}

fn targets() -> impl Strategy<Value = String> {
    let names: Vec<String> = Operation::ALL
        .iter()
        .map(|op| format!("{}{}", op.prefix(), op.name()))
        .chain(
            [
                "DynamoDB_20120810.",
                "DynamoDB_20111205.Scan",
                "DynamoDB_20120810.Nope",
                "",
                ".",
            ]
            .map(str::to_owned),
        )
        .collect();
    prop_oneof![
        4 => proptest::sample::select(names),
        1 => "[ -~]{0,40}",
    ]
}

fn header() -> impl Strategy<Value = (String, String)> {
    let auth = common::AUTH.to_owned();
    prop_oneof![
        (
            Just("Content-Type".to_owned()),
            prop_oneof![
                Just("application/x-amz-json-1.0".to_owned()),
                Just("application/json; charset=utf-8".to_owned()),
                "[ -~]{0,30}",
            ]
        ),
        (Just("X-Amz-Target".to_owned()), targets()),
        (
            Just("Authorization".to_owned()),
            prop_oneof![
                Just(auth.clone()),
                (0..auth.len()).prop_map(move |n| auth[..n].to_owned()),
                Just("Bearer tok".to_owned()),
                Just("Bearer nope".to_owned()),
                "[ -~]{0,60}",
            ]
        ),
        (
            Just("X-Amz-Date".to_owned()),
            prop_oneof![Just("20260101T000000Z".to_owned()), "[0-9TZ]{0,20}",]
        ),
        (
            Just("Content-Encoding".to_owned()),
            prop_oneof![Just("gzip".to_owned()), "[a-z]{0,8}"]
        ),
        (Just("X-Amz-Content-Sha256".to_owned()), "[0-9a-fA-F]{0,64}"),
        (
            Just("Origin".to_owned()),
            Just("http://localhost".to_owned())
        ),
        (Just("Expect".to_owned()), Just("100-continue".to_owned())),
        ("[A-Za-z-]{1,20}", "[ -~]{0,40}"),
    ]
}

/// Bodies of the operations' shapes, to get past the JSON reader into the codec.
const SHAPES: &[&str] = &[
    r#"{}"#,
    r#"{"TableName":"tab","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"BillingMode":"PAY_PER_REQUEST"}"#,
    r#"{"TableName":"tab","Item":{"pk":{"S":"a"},"n":{"N":"1.5"},"l":{"L":[{"B":"AAEC"},{"NULL":true}]},"m":{"M":{"s":{"SS":["x","y"]}}}}}"#,
    r##"{"TableName":"tab","KeyConditionExpression":"#k = :v","ExpressionAttributeNames":{"#k":"pk"},"ExpressionAttributeValues":{":v":{"S":"a"}},"Limit":5}"##,
    r#"{"RequestItems":{"tab":[{"PutRequest":{"Item":{"pk":{"S":"b"}}}}]}}"#,
    r#"{"TransactItems":[{"Update":{"TableName":"tab","Key":{"pk":{"S":"a"}},"UpdateExpression":"SET n = n + :one","ExpressionAttributeValues":{":one":{"N":"1"}}}}]}"#,
];

fn body() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        2 => (proptest::sample::select(SHAPES), proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..4))
            .prop_map(|(shape, flips)| {
                let mut bytes = shape.as_bytes().to_vec();
                for (at, byte) in flips {
                    let i = at.index(bytes.len());
                    bytes[i] = byte;
                }
                bytes
            }),
        1 => proptest::collection::vec(any::<u8>(), 0..200),
        1 => proptest::sample::select(SHAPES).prop_map(|shape| {
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            gz.write_all(shape.as_bytes()).unwrap();
            gz.finish().unwrap()
        }),
    ]
}

#[derive(Clone, Debug)]
enum Framing {
    Length,
    WrongLength(u32),
    NoLength,
    Chunked(usize),
}

fn request() -> impl Strategy<Value = Vec<u8>> {
    let structured = (
        prop_oneof![
            4 => Just("POST".to_owned()),
            1 => proptest::sample::select(vec!["GET", "OPTIONS", "PUT", "DELETE", "HEAD"]).prop_map(str::to_owned),
            1 => "[A-Z]{1,8}",
        ],
        prop_oneof![
            4 => Just("/".to_owned()),
            1 => proptest::sample::select(vec![
                "/ddbmock/capacity",
                "/ddbmock/nothing",
                "/?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=a%2Fb%2Fc%2Fd%2Fe",
                "/%ff%00",
                "*",
            ])
            .prop_map(str::to_owned),
        ],
        proptest::collection::vec(header(), 0..8),
        body(),
        prop_oneof![
            4 => Just(Framing::Length),
            1 => (0u32..100_000).prop_map(Framing::WrongLength),
            1 => Just(Framing::NoLength),
            1 => (1usize..64).prop_map(Framing::Chunked),
        ],
    )
        .prop_map(|(method, path, headers, body, framing)| {
            // `Connection: close`, so that an answered request ends its case at once.
            let mut out = format!("{method} {path} HTTP/1.1\r\nHost: fuzz\r\nConnection: close\r\n").into_bytes();
            for (name, value) in headers {
                out.extend_from_slice(format!("{name}: {value}\r\n").as_bytes());
            }
            match framing {
                Framing::Length => out.extend_from_slice(format!("Content-Length: {}\r\n\r\n", body.len()).as_bytes()),
                Framing::WrongLength(n) => out.extend_from_slice(format!("Content-Length: {n}\r\n\r\n").as_bytes()),
                Framing::NoLength => out.extend_from_slice(b"\r\n"),
                Framing::Chunked(size) => {
                    out.extend_from_slice(b"Transfer-Encoding: chunked\r\n\r\n");
                    for chunk in body.chunks(size) {
                        out.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
                        out.extend_from_slice(chunk);
                        out.extend_from_slice(b"\r\n");
                    }
                    out.extend_from_slice(b"0\r\n\r\n");
                    return out;
                }
            }
            out.extend_from_slice(&body);
            out
        });
    prop_oneof![
        1 => proptest::collection::vec(any::<u8>(), 0..300),
        6 => structured,
    ]
}

proptest! {
    #![proptest_config(ProptestConfig {
        // 256 unless PROPTEST_CASES says otherwise (an explicit count would ignore it).
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(256),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_bytes_get_an_answer_never_a_500_or_a_panic(request in request()) {
        let servers = servers();
        for address in servers.addresses {
            let answer = servers.runtime.block_on(exchange(address, &request));
            // Nothing at all is allowed (hyper closes on some malformed heads); anything else is
            // a status line, never 5xx but DynamoDB's 500 for a body its `Content-Encoding` does
            // not decode.
            if !answer.is_empty() {
                let line = String::from_utf8_lossy(&answer[..answer.len().min(12)]).into_owned();
                prop_assert!(line.starts_with("HTTP/1.1 "), "{line:?}");
                let text = String::from_utf8_lossy(&answer);
                prop_assert!(
                    !line[9..].starts_with('5') || text.ends_with(UNDECODABLE),
                    "{text}"
                );
            }
            prop_assert_eq!(PANICS.load(Ordering::SeqCst), 0);
        }
    }
}

#[test]
fn still_serving_after_the_fuzzing() {
    // Runs alone or after the property test; either way each server answers its health check.
    let servers = servers();
    for address in servers.addresses {
        let answer = servers
            .runtime
            .block_on(exchange(address, b"GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
        assert!(
            answer.starts_with(b"HTTP/1.1 200"),
            "{}",
            String::from_utf8_lossy(&answer)
        );
    }
}
