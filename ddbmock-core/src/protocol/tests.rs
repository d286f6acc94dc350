//! The whole codec over the memory engine: dispatch, the order of checks, and response framing.

use super::*;
use crate::Engine;

async fn call(target: Option<&str>, body: &str) -> (u16, String) {
    let db = Engine::memory();
    let response = handle(&db, target, body.as_bytes()).await;
    assert_eq!(response.crc32, crc32fast::hash(&response.body));
    assert_eq!(response.request_id.len(), 52);
    (response.status, String::from_utf8(response.body).unwrap())
}

const SERIALIZATION: &str = r#"{"__type":"com.amazon.coral.service#SerializationException"}"#;
const UNKNOWN: &str = r#"{"__type":"com.amazon.coral.service#UnknownOperationException"}"#;

#[tokio::test]
async fn dispatches_to_the_named_operation() {
    let (status, body) = call(Some("DynamoDB_20120810.ListTables"), "{}").await;
    assert_eq!((status, body.as_str()), (200, r#"{"TableNames":[]}"#));
    let (status, body) = call(
        Some("DynamoDB_20120810.DescribeTable"),
        r#"{"TableName":"nope"}"#,
    )
    .await;
    assert_eq!(status, 400);
    assert!(
        body.starts_with(
            r#"{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"#
        ),
        "{body}"
    );
}

#[tokio::test]
async fn checks_run_in_dynamodbs_order() {
    // Not JSON beats an unknown target, which beats an empty body.
    assert_eq!(call(None, "hi").await, (400, SERIALIZATION.to_owned()));
    assert_eq!(
        call(Some("nope"), "hi").await,
        (400, SERIALIZATION.to_owned())
    );
    assert_eq!(call(None, "").await, (400, UNKNOWN.to_owned()));
    assert_eq!(
        call(Some("DynamoDB_20120810.Nope"), "{}").await,
        (400, UNKNOWN.to_owned())
    );
    assert_eq!(
        call(Some("DynamoDB_20120810.ListTables"), "").await,
        (400, SERIALIZATION.to_owned())
    );
}

#[tokio::test]
async fn authorization_runs_after_the_target_and_before_the_members() {
    let db = Engine::memory();
    let deny = |_| Err(msg::protocol::missing_authentication_token());
    let missing = r#"{"__type":"com.amazon.coral.service#MissingAuthenticationTokenException","message":"Request is missing Authentication Token"}"#;
    let response = handle_authorized(
        &db,
        Some("DynamoDB_20120810.ListTables"),
        br#"{"Limit":"x"}"#,
        deny,
    )
    .await;
    assert_eq!(response.body, missing.as_bytes());
    let response = handle_authorized(&db, Some("DynamoDB_20120810.ListTables"), b"", deny).await;
    assert_eq!(response.body, missing.as_bytes());
    let response = handle_authorized(&db, Some("DynamoDB_20120810.ListTables"), b"{", deny).await;
    assert_eq!(response.body, SERIALIZATION.as_bytes());
    let response = handle_authorized(&db, Some("x"), b"{}", deny).await;
    assert_eq!(response.body, UNKNOWN.as_bytes());
    let mut seen = None;
    let response = handle_authorized(&db, Some("DynamoDB_20120810.ListTables"), b"{}", |op| {
        seen = Some(op);
        Ok(())
    })
    .await;
    assert_eq!(response.status, 200);
    assert_eq!(seen, Some(Operation::ListTables));
}
