//! TransactGetItems and TransactWriteItems.

use ddbmock_core::operation::{
    ReturnValuesOnConditionCheckFailure, TransactGetItemsInput, TransactGetItemsOutput,
    TransactWriteItemsInput, TransactWriteItemsOutput,
};

use crate::support::{round_trip, s};

#[test]
fn transact_get_items() {
    let input: TransactGetItemsInput = round_trip(
        r##"{
            "TransactItems": [
                {"Get": {"TableName": "Thread", "Key": {"ForumName": {"S": "Amazon DynamoDB"},
                         "Subject": {"S": "Concurrent reads"}},
                         "ProjectionExpression": "#t, Message", "ExpressionAttributeNames": {"#t": "Tags"}}},
                {"Get": {"TableName": "Forum", "Key": {"Name": {"S": "Amazon DynamoDB"}}}}
            ],
            "ReturnConsumedCapacity": "TOTAL"
        }"##,
    );
    let items = input.transact_items.expect("TransactItems");
    let get = items[0].get.as_ref().expect("Get");
    assert_eq!(get.table_name.as_deref(), Some("Thread"));
    assert_eq!(get.projection_expression.as_deref(), Some("#t, Message"));

    let output: TransactGetItemsOutput = round_trip(
        r#"{
            "ConsumedCapacity": [{"TableName": "Thread", "CapacityUnits": 2.0, "ReadCapacityUnits": 2.0},
                                 {"TableName": "Forum", "CapacityUnits": 2.0, "ReadCapacityUnits": 2.0}],
            "Responses": [
                {"Item": {"Message": {"S": "How many users can read a single data item at a time?"}}},
                {}
            ]
        }"#,
    );
    let responses = output.responses.expect("Responses");
    assert!(responses[0].item.is_some());
    assert_eq!(responses[1].item, None);
}

#[test]
fn transact_write_items() {
    let input: TransactWriteItemsInput = round_trip(
        r##"{
            "TransactItems": [
                {"ConditionCheck": {"TableName": "Forum", "Key": {"Name": {"S": "Amazon DynamoDB"}},
                    "ConditionExpression": "attribute_exists(#n)", "ExpressionAttributeNames": {"#n": "Name"},
                    "ReturnValuesOnConditionCheckFailure": "ALL_OLD"}},
                {"Put": {"TableName": "Thread", "Item": {"ForumName": {"S": "Amazon DynamoDB"},
                    "Subject": {"S": "New"}}, "ConditionExpression": "attribute_not_exists(Subject)"}},
                {"Update": {"TableName": "Forum", "Key": {"Name": {"S": "Amazon DynamoDB"}},
                    "UpdateExpression": "ADD Threads :one", "ExpressionAttributeValues": {":one": {"N": "1"}}}},
                {"Delete": {"TableName": "Thread", "Key": {"ForumName": {"S": "Amazon DynamoDB"},
                    "Subject": {"S": "Old"}}, "ReturnValuesOnConditionCheckFailure": "NONE"}}
            ],
            "ReturnConsumedCapacity": "INDEXES",
            "ReturnItemCollectionMetrics": "SIZE",
            "ClientRequestToken": "3c4bf6a0-5f3a-4d6e-9d2f-0b1c2d3e4f5a"
        }"##,
    );
    let items = input.transact_items.expect("TransactItems");
    let check = items[0].condition_check.as_ref().expect("ConditionCheck");
    assert_eq!(
        check.return_values_on_condition_check_failure,
        Some(ReturnValuesOnConditionCheckFailure::AllOld)
    );
    let put = items[1].put.as_ref().expect("Put");
    assert_eq!(
        s(put.item.as_ref().and_then(|item| item.get("Subject"))),
        "New"
    );
    let update = items[2].update.as_ref().expect("Update");
    assert_eq!(
        update.update_expression.as_deref(),
        Some("ADD Threads :one")
    );
    assert!(items[3].delete.is_some());
    assert_eq!(
        input.client_request_token.as_deref(),
        Some("3c4bf6a0-5f3a-4d6e-9d2f-0b1c2d3e4f5a")
    );

    let output: TransactWriteItemsOutput = round_trip(
        r#"{
            "ConsumedCapacity": [{"TableName": "Forum", "CapacityUnits": 4.0, "WriteCapacityUnits": 2.0,
                                  "ReadCapacityUnits": 2.0, "Table": {"CapacityUnits": 4.0}}],
            "ItemCollectionMetrics": {"Thread": [{"ItemCollectionKey": {"ForumName": {"S": "Amazon DynamoDB"}},
                                                  "SizeEstimateRangeGB": [0.0, 1.0]}]}
        }"#,
    );
    let capacity = output.consumed_capacity.expect("ConsumedCapacity");
    assert_eq!(capacity[0].write_capacity_units, Some(2.0));
}
