//! BatchExecuteStatement and ExecuteTransaction over HTTP: the wire JSON of a batch's responses
//! (a statement's error among them) and of a transaction's cancellation reasons.

mod common;

use common::Server;

#[tokio::test]
async fn batches_and_transactions_over_the_wire() {
    let server = Server::start().await;
    let reply = server
        .call(
            "CreateTable",
            r#"{"TableName":"tab","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"BillingMode":"PAY_PER_REQUEST"}"#,
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text());

    let writes = r#"{"Statements":[
        {"Statement":"INSERT INTO \"tab\" VALUE {'pk': ?, 'n': 1}","Parameters":[{"S":"a"}]},
        {"Statement":"INSERT INTO \"tab\" VALUE {'pk': 'b'}"}
    ],"ReturnConsumedCapacity":"TOTAL"}"#;
    let reply = server.call("BatchExecuteStatement", writes).await;
    assert_eq!(
        (reply.status, reply.text()),
        (
            200,
            r#"{"Responses":[{"TableName":"tab"},{"TableName":"tab"}],"ConsumedCapacity":[{"TableName":"tab","CapacityUnits":2.0,"WriteCapacityUnits":2.0}]}"#
        )
    );
    reply.assert_framed();
    let reply = server.call("BatchExecuteStatement", writes).await;
    assert_eq!(
        (reply.status, reply.text()),
        (
            200,
            r#"{"Responses":[{"Error":{"Code":"DuplicateItem","Message":"Duplicate primary key exists in table"},"TableName":"tab"},{"Error":{"Code":"DuplicateItem","Message":"Duplicate primary key exists in table"},"TableName":"tab"}]}"#
        )
    );
    let reply = server
        .call(
            "BatchExecuteStatement",
            r#"{"Statements":[{"Statement":"SELECT n FROM tab WHERE pk = 'a'"}]}"#,
        )
        .await;
    assert_eq!(
        (reply.status, reply.text()),
        (
            200,
            r#"{"Responses":[{"TableName":"tab","Item":{"n":{"N":"1"}}}]}"#
        )
    );

    let reply = server
        .call(
            "ExecuteTransaction",
            r#"{"TransactStatements":[
                {"Statement":"UPDATE tab SET n = 2 WHERE pk = 'b'"},
                {"Statement":"EXISTS(SELECT * FROM tab WHERE pk = 'a' AND n = 5)","ReturnValuesOnConditionCheckFailure":"ALL_OLD"}
            ]}"#,
        )
        .await;
    assert_eq!(reply.status, 400);
    let body: serde_json::Value = serde_json::from_slice(&reply.body).unwrap();
    assert_eq!(
        body,
        serde_json::json!({
            "__type": "com.amazonaws.dynamodb.v20120810#TransactionCanceledException",
            "Message": "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]",
            "CancellationReasons": [
                {"Code": "None"},
                {"Code": "ConditionalCheckFailed", "Message": "The conditional request failed",
                 "Item": {"pk": {"S": "a"}, "n": {"N": "1"}}}
            ]
        })
    );
    let reply = server
        .call(
            "ExecuteTransaction",
            r#"{"TransactStatements":[{"Statement":"UPDATE tab SET n = 2 WHERE pk = 'b'"}]}"#,
        )
        .await;
    assert_eq!((reply.status, reply.text()), (200, r#"{"Responses":[]}"#));
}
