//! The in-process handler answers exactly as the server does on a socket: the same requests, sent
//! to a server and to an `InProcess` handler (each on its own engine, on clocks stopped at the same
//! time), get the same status, headers and body, apart from the request id and what only a
//! connection has (`date`).

mod common;

use std::time::{Duration, UNIX_EPOCH};

use common::{AUTH, Reply, Server};
use ddbmock_engine::{Clock, Engine};
use ddbmock_server::{InProcess, RequestError};

fn engine() -> Engine {
    Engine::memory_with_clock(Clock::manual(
        UNIX_EPOCH + Duration::from_secs(1_780_000_000),
    ))
}

async fn server() -> Server {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let task = tokio::spawn(ddbmock_server::run(listener, engine(), async {
        let _ = stopped.await;
    }));
    Server {
        addr,
        stop: Some(stop),
        task,
    }
}

/// A DynamoDB call's headers, as an SDK sends them.
fn api(target: &str) -> Vec<(&'static str, String)> {
    vec![
        ("Content-Type", "application/x-amz-json-1.0".to_owned()),
        ("X-Amz-Target", format!("DynamoDB_20120810.{target}")),
        ("X-Amz-Date", "20260101T000000Z".to_owned()),
        ("Authorization", AUTH.to_owned()),
    ]
}

/// Method, headers, body.
type Case<'a> = (&'a str, Vec<(&'a str, String)>, &'a [u8]);

/// The headers both doors must agree on: all but the request id and the connection's own.
fn comparable(headers: &[(String, String)]) -> Vec<(String, String)> {
    let mut kept: Vec<_> = headers
        .iter()
        .filter(|(n, _)| !matches!(n.as_str(), "x-amzn-requestid" | "date" | "connection"))
        .cloned()
        .collect();
    kept.sort();
    kept
}

#[tokio::test]
async fn answers_equal_the_servers() {
    let server = server().await;
    let handler = InProcess::new(engine());
    let create = r#"{"TableName":"t","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"BillingMode":"PAY_PER_REQUEST"}"#;
    let cases: Vec<Case<'_>> = vec![
        ("POST", api("CreateTable"), create.as_bytes()),
        (
            "POST",
            api("PutItem"),
            br#"{"TableName":"t","Item":{"pk":{"S":"a"},"n":{"N":"1.50"}}}"#,
        ),
        (
            "POST",
            api("GetItem"),
            br#"{"TableName":"t","Key":{"pk":{"S":"a"}}}"#,
        ),
        (
            "POST",
            api("GetItem"),
            br#"{"TableName":"missing","Key":{"pk":{"S":"a"}}}"#,
        ),
        ("POST", api("GetItem"), b"{not json"),
        ("POST", api("Frobnicate"), b"{}"),
        ("GET", vec![], b""),
        ("PUT", vec![], b""),
        (
            "POST",
            vec![
                ("Content-Type", "text/plain".to_owned()),
                ("X-Amz-Target", "DynamoDB_20120810.ListTables".to_owned()),
            ],
            b"{}",
        ),
    ];
    for (method, headers, body) in cases {
        let sent: Vec<(&str, &str)> = headers.iter().map(|(n, v)| (*n, v.as_str())).collect();
        let network = server.send(method, &sent, body).await;
        let raw: Vec<(&str, &[u8])> = headers.iter().map(|(n, v)| (*n, v.as_bytes())).collect();
        let local = handler
            .handle(method, "/", &raw, body.to_vec())
            .await
            .unwrap();
        let local = Reply {
            status: local.status,
            headers: local
                .headers
                .iter()
                .map(|(n, v)| (n.clone(), String::from_utf8(v.clone()).unwrap()))
                .collect(),
            body: local.body.to_vec(),
        };
        let what = format!("{method} {headers:?}");
        assert_eq!(local.status, network.status, "{what}");
        assert_eq!(local.text(), network.text(), "{what}");
        assert_eq!(
            comparable(&local.headers),
            comparable(&network.headers),
            "{what}"
        );
        local.assert_framed();
    }
}

#[tokio::test]
async fn a_request_that_is_not_http_is_refused_with_its_reason() {
    let handler = InProcess::new(Engine::memory());
    let refused = |r: Result<ddbmock_server::Reply, RequestError>| r.unwrap_err().to_string();
    assert_eq!(
        refused(handler.handle("PO ST", "/", &[], Vec::new()).await),
        "invalid HTTP method \"PO ST\""
    );
    assert_eq!(
        refused(handler.handle("POST", "no path", &[], Vec::new()).await),
        "invalid HTTP request path \"no path\""
    );
    assert_eq!(
        refused(
            handler
                .handle("POST", "/", &[("bad name", b"v")], Vec::new())
                .await
        ),
        "invalid HTTP header \"bad name\""
    );
    assert_eq!(
        refused(
            handler
                .handle("POST", "/", &[("x-ok", b"line\nbreak")], Vec::new())
                .await
        ),
        "invalid HTTP header \"x-ok\""
    );
}
