//! BatchExecuteStatement and ExecuteTransaction, following the operations' request and response
//! syntax (the API Reference gives no example).

use ddbmock_core::operation::{
    BatchExecuteStatementInput, BatchExecuteStatementOutput, BatchStatementErrorCode,
    ExecuteTransactionInput, ExecuteTransactionOutput, ReturnConsumedCapacity,
    ReturnValuesOnConditionCheckFailure,
};

use crate::support::{round_trip, s};

#[test]
fn batch_execute_statement() {
    let input: BatchExecuteStatementInput = round_trip(
        r#"{
            "Statements": [
                {"Statement": "SELECT * FROM \"Music\" WHERE Artist = ? AND SongTitle = ?",
                 "Parameters": [{"S": "Acme Band"}, {"S": "PartiQL Rocks"}], "ConsistentRead": true},
                {"Statement": "UPDATE \"Music\" SET AwardsWon = 1 WHERE Artist = 'Acme Band' AND SongTitle = 'Happy Day'",
                 "ReturnValuesOnConditionCheckFailure": "ALL_OLD"}
            ],
            "ReturnConsumedCapacity": "TOTAL"
        }"#,
    );
    let statements = input.statements.expect("Statements");
    assert_eq!(statements[0].consistent_read, Some(true));
    assert_eq!(
        s(statements[0].parameters.as_ref().and_then(|p| p.first())),
        "Acme Band"
    );
    assert_eq!(
        statements[1].return_values_on_condition_check_failure,
        Some(ReturnValuesOnConditionCheckFailure::AllOld)
    );
    assert_eq!(
        input.return_consumed_capacity,
        Some(ReturnConsumedCapacity::Total)
    );

    let output: BatchExecuteStatementOutput = round_trip(
        r#"{
            "Responses": [
                {"TableName": "Music", "Item": {"Artist": {"S": "Acme Band"}, "AwardsWon": {"N": "1"}}},
                {"TableName": "Music", "Error": {"Code": "ConditionalCheckFailed",
                    "Message": "The conditional request failed", "Item": {"Artist": {"S": "Acme Band"}}}},
                {"Error": {"Code": "ValidationError",
                    "Message": "Statement wasn't well formed, can't be processed: Expected data manipulation"}}
            ],
            "ConsumedCapacity": [{"TableName": "Music", "CapacityUnits": 1.5, "ReadCapacityUnits": 1.5}]
        }"#,
    );
    let responses = output.responses.expect("Responses");
    let error = responses[1].error.as_ref().expect("Error");
    assert_eq!(
        error.code,
        Some(BatchStatementErrorCode::ConditionalCheckFailed)
    );
    assert!(error.item.is_some());
    assert_eq!(responses[2].table_name, None);
}

#[test]
fn execute_transaction() {
    let input: ExecuteTransactionInput = round_trip(
        r#"{
            "TransactStatements": [
                {"Statement": "EXISTS(SELECT * FROM \"Music\" WHERE Artist = 'No One You Know' AND SongTitle = 'Call Me Today' AND Awards IS MISSING)",
                 "ReturnValuesOnConditionCheckFailure": "ALL_OLD"},
                {"Statement": "INSERT INTO \"Music\" VALUE {'Artist': ?, 'SongTitle': ?}",
                 "Parameters": [{"S": "Acme Band"}, {"S": "Best Song"}]}
            ],
            "ClientRequestToken": "3c4bf6a0-5f3a-4d6e-9d2f-0b1c2d3e4f5a",
            "ReturnConsumedCapacity": "INDEXES"
        }"#,
    );
    assert_eq!(input.transact_statements.map(|t| t.len()), Some(2));
    assert_eq!(
        input.client_request_token.as_deref(),
        Some("3c4bf6a0-5f3a-4d6e-9d2f-0b1c2d3e4f5a")
    );

    let output: ExecuteTransactionOutput = round_trip(
        r#"{
            "Responses": [{"Item": {"Artist": {"S": "Acme Band"}}}, {}],
            "ConsumedCapacity": [{"TableName": "Music", "CapacityUnits": 4.0, "ReadCapacityUnits": 4.0}]
        }"#,
    );
    let responses = output.responses.expect("Responses");
    assert_eq!(responses[1].item, None);
    let unknown: BatchStatementErrorCode = "SomethingNew".into();
    assert!(!unknown.is_known());
}
