//! ExecuteStatement over HTTP: the wire JSON of a write, a read and DynamoDB's
//! `DuplicateItemException`.

mod common;

use common::Server;

#[tokio::test]
async fn execute_statement_over_the_wire() {
    let server = Server::start().await;
    let reply = server
        .call(
            "CreateTable",
            r#"{"TableName":"tab","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"BillingMode":"PAY_PER_REQUEST"}"#,
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    let insert =
        r#"{"Statement":"INSERT INTO \"tab\" VALUE {'pk': ?, 'n': 1}","Parameters":[{"S":"a"}]}"#;
    let reply = server.call("ExecuteStatement", insert).await;
    assert_eq!((reply.status, reply.text()), (200, r#"{"Items":[]}"#));
    reply.assert_framed();
    let reply = server
        .call(
            "ExecuteStatement",
            r#"{"Statement":"SELECT n FROM tab WHERE pk = 'a'"}"#,
        )
        .await;
    assert_eq!(
        (reply.status, reply.text()),
        (200, r#"{"Items":[{"n":{"N":"1"}}]}"#)
    );
    let reply = server.call("ExecuteStatement", insert).await;
    assert_eq!(reply.status, 400);
    let body: serde_json::Value = serde_json::from_slice(&reply.body).unwrap();
    assert_eq!(
        body["__type"],
        "com.amazonaws.dynamodb.v20120810#DuplicateItemException"
    );
    assert_eq!(body["message"], "Duplicate primary key exists in table");
}
