//! BatchGetItem and BatchWriteItem.

use ddbmock_core::model::AttributeValue;
use ddbmock_core::operation::{
    BatchGetItemInput, BatchGetItemOutput, BatchWriteItemInput, BatchWriteItemOutput,
    ReturnConsumedCapacity, ReturnItemCollectionMetrics,
};

use crate::support::{round_trip, s};

#[test]
fn batch_get_item_from_two_tables() {
    let input: BatchGetItemInput = round_trip(
        r#"{
            "RequestItems": {
                "Forum": {
                    "Keys": [
                        {"Name":{"S":"Amazon DynamoDB"}},
                        {"Name":{"S":"Amazon RDS"}},
                        {"Name":{"S":"Amazon Redshift"}}
                    ],
                    "ProjectionExpression":"Name, Threads, Messages, Views"
                },
                "Thread": {
                    "Keys": [
                        {
                            "ForumName":{"S":"Amazon DynamoDB"},
                            "Subject":{"S":"Concurrent reads"}
                        }
                    ],
                    "ProjectionExpression":"Tags, Message"
                }
            },
            "ReturnConsumedCapacity": "TOTAL"
        }"#,
    );
    let requests = input.request_items.expect("RequestItems");
    let forum = &requests["Forum"];
    assert_eq!(forum.keys.as_ref().map(Vec::len), Some(3));
    assert_eq!(
        forum.projection_expression.as_deref(),
        Some("Name, Threads, Messages, Views")
    );
    assert_eq!(
        input.return_consumed_capacity,
        Some(ReturnConsumedCapacity::Total)
    );

    // The API Reference's example lacks the comma between the two tables' responses; it is added here.
    let output: BatchGetItemOutput = round_trip(
        r#"{
            "Responses": {
                "Forum": [
                    {"Name":{"S":"Amazon DynamoDB"}, "Threads":{"N":"5"}, "Messages":{"N":"19"},
                     "Views":{"N":"35"}},
                    {"Name":{"S":"Amazon RDS"}, "Threads":{"N":"8"}, "Messages":{"N":"32"},
                     "Views":{"N":"38"}},
                    {"Name":{"S":"Amazon Redshift"}, "Threads":{"N":"12"}, "Messages":{"N":"55"},
                     "Views":{"N":"47"}}
                ],
                "Thread": [
                    {
                        "Tags":{"SS":["Reads","MultipleUsers"]},
                        "Message":{"S":"How many users can read a single data item at a time? Are there any limits?"}
                    }
                ]
            },
            "UnprocessedKeys": {},
            "ConsumedCapacity": [
                {"TableName": "Forum", "CapacityUnits": 3},
                {"TableName": "Thread", "CapacityUnits": 1}
            ]
        }"#,
    );
    let responses = output.responses.expect("Responses");
    assert_eq!(responses["Forum"].len(), 3);
    assert_eq!(
        responses["Forum"][2].get("Views"),
        Some(&AttributeValue::N("47".to_owned()))
    );
    assert_eq!(output.unprocessed_keys.map(|keys| keys.len()), Some(0));
    let capacity = output.consumed_capacity.expect("ConsumedCapacity");
    assert_eq!(capacity[0].capacity_units, Some(3.0));
}

#[test]
fn batch_get_item_unprocessed_keys_keep_their_options() {
    let output: BatchGetItemOutput = round_trip(
        r##"{
            "Responses": {},
            "UnprocessedKeys": {"Forum": {"Keys": [{"Name": {"S": "x"}}], "ConsistentRead": true,
                                "AttributesToGet": ["Name"], "ExpressionAttributeNames": {"#n": "Name"}}}
        }"##,
    );
    let unprocessed = output.unprocessed_keys.expect("UnprocessedKeys");
    assert_eq!(unprocessed["Forum"].consistent_read, Some(true));
}

#[test]
fn batch_write_item_with_unprocessed_items() {
    let input: BatchWriteItemInput = round_trip(
        r#"{
            "RequestItems": {
                "Forum": [
                    {"PutRequest": {"Item": {"Name": {"S": "Amazon DynamoDB"},
                                             "Category": {"S": "Amazon Web Services"}}}},
                    {"PutRequest": {"Item": {"Name": {"S": "Amazon RDS"},
                                             "Category": {"S": "Amazon Web Services"}}}},
                    {"PutRequest": {"Item": {"Name": {"S": "Amazon Redshift"},
                                             "Category": {"S": "Amazon Web Services"}}}},
                    {"PutRequest": {"Item": {"Name": {"S": "Amazon ElastiCache"},
                                             "Category": {"S": "Amazon Web Services"}}}}
                ]
            },
            "ReturnConsumedCapacity": "TOTAL"
        }"#,
    );
    let requests = input.request_items.expect("RequestItems");
    assert_eq!(requests["Forum"].len(), 4);
    let put = requests["Forum"][3]
        .put_request
        .as_ref()
        .expect("PutRequest");
    assert_eq!(
        s(put.item.as_ref().and_then(|item| item.get("Name"))),
        "Amazon ElastiCache"
    );

    let output: BatchWriteItemOutput = round_trip(
        r#"{
            "UnprocessedItems": {
                "Forum": [
                    {"PutRequest": {"Item": {"Name": {"S": "Amazon ElastiCache"},
                                             "Category": {"S": "Amazon Web Services"}}}}
                ]
            },
            "ConsumedCapacity": [{"TableName": "Forum", "CapacityUnits": 3}]
        }"#,
    );
    let unprocessed = output.unprocessed_items.expect("UnprocessedItems");
    assert!(unprocessed["Forum"][0].put_request.is_some());
}

#[test]
fn batch_write_item_deletes_and_metrics() {
    let input: BatchWriteItemInput = round_trip(
        r#"{
            "RequestItems": {"Forum": [{"DeleteRequest": {"Key": {"Name": {"S": "Amazon RDS"}}}}]},
            "ReturnItemCollectionMetrics": "SIZE"
        }"#,
    );
    let requests = input.request_items.expect("RequestItems");
    let delete = requests["Forum"][0]
        .delete_request
        .as_ref()
        .expect("DeleteRequest");
    assert_eq!(
        s(delete.key.as_ref().and_then(|key| key.get("Name"))),
        "Amazon RDS"
    );
    assert_eq!(
        input.return_item_collection_metrics,
        Some(ReturnItemCollectionMetrics::Size)
    );
    let output: BatchWriteItemOutput = round_trip(
        r#"{
            "UnprocessedItems": {},
            "ItemCollectionMetrics": {"Forum": [{"ItemCollectionKey": {"Name": {"S": "a"}},
                                                 "SizeEstimateRangeGB": [0.0, 1.0]}]}
        }"#,
    );
    let metrics = output
        .item_collection_metrics
        .expect("ItemCollectionMetrics");
    assert_eq!(
        metrics["Forum"][0].size_estimate_range_gb,
        Some(vec![0.0, 1.0])
    );
}
