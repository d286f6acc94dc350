//! The whole codec over the memory engine: dispatch, the order of checks, and response framing.

use ddbmock_core::error::msg;
use ddbmock_core::protocol::*;
use ddbmock_engine::Engine;

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

mod never_panics {
    //! Any body, for any operation, gets a 200 or a 400: never a panic, never a 500.

    use proptest::prelude::*;
    use serde_json::{Map, Value};

    use super::*;

    const MEMBERS: &[&str] = &[
        "TableName",
        "Key",
        "Item",
        "KeySchema",
        "AttributeDefinitions",
        "AttributeName",
        "AttributeType",
        "KeyType",
        "Limit",
        "BillingMode",
        "ProvisionedThroughput",
        "ReadCapacityUnits",
        "RequestItems",
        "PutRequest",
        "DeleteRequest",
        "Keys",
        "AttributeUpdates",
        "Action",
        "Value",
        "ReturnValues",
        "ExpressionAttributeNames",
        "ExpressionAttributeValues",
        "ConditionExpression",
        "UpdateExpression",
        "TransactItems",
        "ResourceArn",
        "Tags",
        "TimeToLiveSpecification",
        "pk",
        "S",
        "N",
        "B",
        "SS",
        "NS",
        "BS",
        "M",
        "L",
        "NULL",
        "BOOL",
        "",
    ];

    fn json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<f64>().prop_map(Value::from),
            prop_oneof![
                Just("tab".to_owned()),
                Just("1".to_owned()),
                Just("HASH".to_owned()),
                ".{0,8}"
            ]
            .prop_map(Value::String),
        ];
        leaf.prop_recursive(5, 48, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                prop::collection::vec((prop::sample::select(MEMBERS), inner), 0..5).prop_map(
                    |pairs| Value::Object(
                        pairs
                            .into_iter()
                            .map(|(k, v)| (k.to_owned(), v))
                            .collect::<Map<_, _>>()
                    )
                ),
            ]
        })
    }

    /// A request-shaped body: an object of known member names.
    fn request() -> impl Strategy<Value = Value> {
        prop::collection::vec((prop::sample::select(MEMBERS), json()), 0..6).prop_map(|pairs| {
            Value::Object(pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect())
        })
    }

    fn answer(operation: usize, body: &[u8]) -> Response {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        runtime.block_on(async {
            let db = Engine::memory();
            let table = br#"{"TableName":"tab","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"BillingMode":"PAY_PER_REQUEST"}"#;
            let created = handle(&db, Some("DynamoDB_20120810.CreateTable"), table).await;
            assert_eq!(created.status, 200);
            let target = format!("DynamoDB_20120810.{}", Operation::ALL[operation].name());
            handle(&db, Some(&target), body).await
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn json_bodies(operation in 0..Operation::ALL.len(), body in prop_oneof![json(), request()]) {
            let response = answer(operation, body.to_string().as_bytes());
            prop_assert!(
                response.status == 200 || response.status == 400,
                "{body} -> {}", String::from_utf8_lossy(&response.body)
            );
        }

        #[test]
        fn byte_bodies(operation in 0..Operation::ALL.len(), body in prop::collection::vec(any::<u8>(), 0..64)) {
            let response = answer(operation, &body);
            prop_assert_eq!(response.status, 400);
        }
    }
}
