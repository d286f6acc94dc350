//! Authentication over HTTP: DynamoDB's errors for missing and incomplete signatures, and verified
//! signatures with `--auth`.

mod common;

use common::Server;
use ddbmock_server::{Auth, Options};

const JSON: (&str, &str) = ("Content-Type", "application/x-amz-json-1.0");
const LIST_TABLES: (&str, &str) = ("X-Amz-Target", "DynamoDB_20120810.ListTables");

#[tokio::test]
async fn a_request_without_a_signature_is_refused() {
    let server = Server::start().await;
    let reply = server.send("POST", &[JSON, LIST_TABLES], b"{}").await;
    assert_eq!(reply.status, 400);
    reply.assert_framed();
    assert_eq!(
        reply.text(),
        r#"{"__type":"com.amazon.coral.service#MissingAuthenticationTokenException","message":"Request is missing Authentication Token"}"#
    );
    let reply = server
        .send(
            "POST",
            &[JSON, LIST_TABLES, ("Authorization", "AWS4-")],
            b"{}",
        )
        .await;
    assert_eq!(
        reply.text(),
        r#"{"__type":"com.amazon.coral.service#IncompleteSignatureException","message":"Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=AWS4-"}"#
    );
    // dynalite's recording of DynamoDB gives this CRC for that body.
    assert_eq!(reply.header("x-amz-crc32"), Some("1828866742"));
}

#[tokio::test]
async fn verified_keys_refuse_wrong_signatures_and_unknown_keys() {
    let server = Server::start_with(Options::default().with_auth(Auth::verify([(
        "AKIDEXAMPLE".to_owned(),
        "secret".to_owned(),
    )])))
    .await;
    // The harness's fixed date is long past for a verifying server.
    let reply = server.call("ListTables", "{}").await;
    assert_eq!(reply.status, 400);
    let body: serde_json::Value = serde_json::from_slice(&reply.body).unwrap();
    assert_eq!(
        body["__type"],
        "com.amazon.coral.service#InvalidSignatureException"
    );
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .starts_with("Signature expired: 20260101T000000Z is now earlier than ")
    );
}
