//! The protocol over HTTP: dispatch, framing (CRC32, request id), gzip, content types, and DynamoDB's
//! answers to bodies and targets it cannot use.

mod common;

use std::io::Write;

use common::{AUTH, Server};

const JSON: (&str, &str) = ("Content-Type", "application/x-amz-json-1.0");
const DATE: (&str, &str) = ("X-Amz-Date", "20260101T000000Z");
const LIST_TABLES: (&str, &str) = ("X-Amz-Target", "DynamoDB_20120810.ListTables");

#[tokio::test]
async fn operations_answer_with_crc_and_request_id() {
    let server = Server::start().await;
    let reply = server
        .call(
            "CreateTable",
            r#"{"TableName":"tab","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"BillingMode":"PAY_PER_REQUEST"}"#,
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    reply.assert_framed();
    assert_eq!(
        reply.header("content-type"),
        Some("application/x-amz-json-1.0")
    );
    let reply = server
        .call(
            "PutItem",
            r#"{"TableName":"tab","Item":{"pk":{"S":"a"},"n":{"N":"1.50"}}}"#,
        )
        .await;
    assert_eq!((reply.status, reply.text()), (200, "{}"));
    let reply = server
        .call("GetItem", r#"{"TableName":"tab","Key":{"pk":{"S":"a"}}}"#)
        .await;
    reply.assert_framed();
    let body: serde_json::Value = serde_json::from_slice(&reply.body).unwrap();
    assert_eq!(body["Item"]["n"], serde_json::json!({"N": "1.5"}));
    let reply = server.call("ListTables", "{}").await;
    assert_eq!(reply.text(), r#"{"TableNames":["tab"]}"#);
}

#[tokio::test]
async fn engine_errors_keep_their_type_and_status() {
    let server = Server::start().await;
    let reply = server
        .call("DescribeTable", r#"{"TableName":"missing"}"#)
        .await;
    assert_eq!(reply.status, 400);
    reply.assert_framed();
    let body: serde_json::Value = serde_json::from_slice(&reply.body).unwrap();
    assert_eq!(
        body["__type"],
        "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException"
    );
}

#[tokio::test]
async fn bad_json_is_a_serialization_exception() {
    let server = Server::start().await;
    let reply = server.call("ListTables", "hi").await;
    assert_eq!(reply.status, 400);
    reply.assert_framed();
    assert_eq!(
        reply.text(),
        r#"{"__type":"com.amazon.coral.service#SerializationException"}"#
    );
    // dynalite's recording of DynamoDB gives this CRC for that body.
    assert_eq!(reply.header("x-amz-crc32"), Some("3948637019"));

    let reply = server.call("ListTables", r#"{"Limit":"5"}"#).await;
    assert_eq!(
        reply.text(),
        r#"{"__type":"com.amazon.coral.service#SerializationException","Message":"STRING_VALUE cannot be converted to Integer"}"#
    );
    let reply = server
        .call("PutItem", r#"{"TableName":"tab","Item":{"a":{}}}"#)
        .await;
    assert_eq!(
        reply.text(),
        r#"{"__type":"com.amazon.coral.validate#ValidationException","message":"Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"}"#
    );
    // Not JSON is reported before a missing signature.
    let reply = server.send("POST", &[JSON, LIST_TABLES], b"{").await;
    assert_eq!(
        reply.text(),
        r#"{"__type":"com.amazon.coral.service#SerializationException"}"#
    );
    // An empty body, once signed, is not JSON either.
    let reply = server
        .send(
            "POST",
            &[JSON, LIST_TABLES, DATE, ("Authorization", AUTH)],
            b"",
        )
        .await;
    assert_eq!(
        reply.text(),
        r#"{"__type":"com.amazon.coral.service#SerializationException"}"#
    );
}

#[tokio::test]
async fn unknown_targets_are_unknown_operations() {
    let server = Server::start().await;
    let unknown = r#"{"__type":"com.amazon.coral.service#UnknownOperationException"}"#;
    for target in [
        "DynamoDB_20120810.ListTable",
        "whatever",
        "DynamoDB_20111205.ListTables",
    ] {
        let reply = server
            .send("POST", &[JSON, ("X-Amz-Target", target)], b"{}")
            .await;
        assert_eq!((reply.status, reply.text()), (400, unknown), "{target}");
        reply.assert_framed();
    }
    let reply = server.send("POST", &[JSON], b"{}").await;
    assert_eq!((reply.status, reply.text()), (400, unknown));
    assert_eq!(reply.header("x-amz-crc32"), Some("1368724161"));
}

#[tokio::test]
async fn gzip_bodies_are_inflated() {
    let server = Server::start().await;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(br#"{"Limit":5}"#).unwrap();
    let body = encoder.finish().unwrap();
    let gzip = ("Content-Encoding", "gzip");
    let reply = server
        .send(
            "POST",
            &[JSON, LIST_TABLES, DATE, ("Authorization", AUTH), gzip],
            &body,
        )
        .await;
    assert_eq!((reply.status, reply.text()), (200, r#"{"TableNames":[]}"#));
    reply.assert_framed();
    let reply = server
        .send(
            "POST",
            &[JSON, LIST_TABLES, DATE, ("Authorization", AUTH), gzip],
            b"{}",
        )
        .await;
    // Not gzip at all: DynamoDB's 500 (the other encodings' cases are in `http.rs`).
    assert_eq!(
        (reply.status, reply.text()),
        (
            500,
            r#"{"__type":"com.amazonaws.dynamodb.v20120810#InternalServerError","message":"Internal server error"}"#
        )
    );
}

#[tokio::test]
async fn content_types_other_than_json_get_dynamodbs_404() {
    let server = Server::start().await;
    for content_type in ["text/plain", "whatever"] {
        let reply = server
            .send(
                "POST",
                &[("Content-Type", content_type), LIST_TABLES],
                b"{}",
            )
            .await;
        assert_eq!(
            (reply.status, reply.text()),
            (404, "<UnknownOperationException/>\n")
        );
        assert_eq!(reply.header("x-amz-crc32"), Some("3552371480"));
    }
    // Plain JSON is answered in kind.
    let reply = server
        .send(
            "POST",
            &[("Content-Type", "application/json"), LIST_TABLES],
            b"hi",
        )
        .await;
    assert_eq!(reply.status, 400);
    assert_eq!(reply.header("content-type"), Some("application/json"));
}

#[tokio::test]
async fn keep_alive_connections_serve_many_requests() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let server = Server::start().await;
    let mut stream = tokio::net::TcpStream::connect(server.addr).await.unwrap();
    let request = format!(
        "POST / HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-amz-json-1.0\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\nX-Amz-Date: 20260101T000000Z\r\nAuthorization: {AUTH}\r\nContent-Length: 2\r\n\r\n{{}}"
    );
    // Three pipelined requests on one connection, three answers.
    stream
        .write_all(request.repeat(3).as_bytes())
        .await
        .unwrap();
    let mut seen = Vec::new();
    let mut buf = [0u8; 4096];
    while seen
        .windows(17)
        .filter(|w| w == b"{\"TableNames\":[]}")
        .count()
        < 3
    {
        let n = stream.read(&mut buf).await.unwrap();
        assert!(n > 0, "connection closed early");
        seen.extend_from_slice(&buf[..n]);
    }
}
