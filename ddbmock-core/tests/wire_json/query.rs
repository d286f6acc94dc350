//! Query and Scan.

use ddbmock_core::model::AttributeValue;
use ddbmock_core::operation::{
    ComparisonOperator, ConditionalOperator, QueryInput, QueryOutput, ScanInput, ScanOutput, Select,
};

use crate::support::{round_trip, s};

#[test]
fn query_a_range_of_items() {
    let input: QueryInput = round_trip(
        r#"{
            "TableName": "Reply",
            "IndexName": "PostedBy-Index",
            "Limit": 3,
            "ConsistentRead": true,
            "ProjectionExpression": "Id, PostedBy, ReplyDateTime",
            "KeyConditionExpression": "Id = :v1 AND PostedBy BETWEEN :v2a AND :v2b",
            "ExpressionAttributeValues": {
                ":v1": {"S": "Amazon DynamoDB#DynamoDB Thread 1"},
                ":v2a": {"S": "User A"},
                ":v2b": {"S": "User C"}
            },
            "ReturnConsumedCapacity": "TOTAL"
        }"#,
    );
    assert_eq!(input.index_name.as_deref(), Some("PostedBy-Index"));
    assert_eq!(input.limit, Some(3));
    assert_eq!(
        input.key_condition_expression.as_deref(),
        Some("Id = :v1 AND PostedBy BETWEEN :v2a AND :v2b")
    );
    let output: QueryOutput = round_trip(
        r#"{
            "ConsumedCapacity": {"CapacityUnits": 1, "TableName": "Reply"},
            "Count": 2,
            "Items": [
                {
                    "ReplyDateTime": {"S": "2015-02-18T20:27:36.165Z"},
                    "PostedBy": {"S": "User A"},
                    "Id": {"S": "Amazon DynamoDB#DynamoDB Thread 1"}
                },
                {
                    "ReplyDateTime": {"S": "2015-02-25T20:27:36.165Z"},
                    "PostedBy": {"S": "User B"},
                    "Id": {"S": "Amazon DynamoDB#DynamoDB Thread 1"}
                }
            ],
            "ScannedCount": 2
        }"#,
    );
    assert_eq!(output.count, Some(2));
    assert_eq!(output.scanned_count, Some(2));
    let items = output.items.expect("Items");
    assert_eq!(s(items[1].get("PostedBy")), "User B");
}

#[test]
fn query_count_items() {
    let input: QueryInput = round_trip(
        r#"{
            "TableName": "Thread",
            "ConsistentRead": true,
            "KeyConditionExpression": "ForumName = :val",
            "ExpressionAttributeValues": {":val": {"S": "Amazon DynamoDB"}}
        }"#,
    );
    assert_eq!(input.consistent_read, Some(true));
    let output: QueryOutput = round_trip(r#"{"Count":2, "ScannedCount":2}"#);
    assert_eq!(output.items, None);
    assert_eq!(output.count, Some(2));
}

#[test]
fn query_legacy_and_paging_members() {
    let input: QueryInput = round_trip(
        r#"{
            "TableName": "Thread",
            "Select": "SPECIFIC_ATTRIBUTES",
            "AttributesToGet": ["Subject"],
            "KeyConditions": {
                "ForumName": {"ComparisonOperator": "EQ", "AttributeValueList": [{"S": "Amazon S3"}]},
                "Subject": {"ComparisonOperator": "BEGINS_WITH", "AttributeValueList": [{"S": "How"}]}
            },
            "QueryFilter": {"Views": {"ComparisonOperator": "NOT_NULL"}},
            "ConditionalOperator": "AND",
            "ScanIndexForward": false,
            "ExclusiveStartKey": {"ForumName": {"S": "Amazon S3"}, "Subject": {"S": "How do I"}}
        }"#,
    );
    assert_eq!(input.select, Some(Select::SpecificAttributes));
    let conditions = input.key_conditions.expect("KeyConditions");
    assert_eq!(
        conditions["Subject"].comparison_operator,
        Some(ComparisonOperator::BeginsWith)
    );
    assert_eq!(
        conditions["ForumName"].attribute_value_list,
        Some(vec![AttributeValue::S("Amazon S3".to_owned())])
    );
    assert_eq!(input.conditional_operator, Some(ConditionalOperator::And));
    assert_eq!(input.scan_index_forward, Some(false));
    assert!(input.exclusive_start_key.is_some());
    let output: QueryOutput = round_trip(
        r#"{"Items": [], "Count": 0, "ScannedCount": 5,
            "LastEvaluatedKey": {"ForumName": {"S": "Amazon S3"}, "Subject": {"S": "z"}}}"#,
    );
    assert_eq!(output.items, Some(Vec::new()));
    assert!(output.last_evaluated_key.is_some());
}

const REPLY_ITEMS: &str = r#"[
    {
        "PostedBy": {"S": "joe@example.com"},
        "ReplyDateTime": {"S": "20130320115336"},
        "Id": {"S": "Amazon DynamoDB#How do I update multiple items?"},
        "Message": {"S": "Have you looked at BatchWriteItem?"}
    },
    {
        "PostedBy": {"S": "fred@example.com"},
        "ReplyDateTime": {"S": "20130320115342"},
        "Id": {"S": "Amazon DynamoDB#How do I update multiple items?"},
        "Message": {"S": "No, I didn't know about that.  Where can I find more information?"}
    },
    {
        "PostedBy": {"S": "joe@example.com"},
        "ReplyDateTime": {"S": "20130320115347"},
        "Id": {"S": "Amazon DynamoDB#How do I update multiple items?"},
        "Message": {"S": "BatchWriteItem is documented in the Amazon DynamoDB API Reference."}
    },
    {
        "PostedBy": {"S": "fred@example.com"},
        "ReplyDateTime": {"S": "20130320115352"},
        "Id": {"S": "Amazon DynamoDB#How do I update multiple items?"},
        "Message": {"S": "OK, I'll take a look at that.  Thanks!"}
    }
]"#;

#[test]
fn scan_all_items() {
    let input: ScanInput =
        round_trip(r#"{"TableName": "Reply", "ReturnConsumedCapacity": "TOTAL"}"#);
    assert_eq!(input.table_name.as_deref(), Some("Reply"));
    let output: ScanOutput = round_trip(&format!(
        r#"{{
            "ConsumedCapacity": {{"CapacityUnits": 0.5, "TableName": "Reply"}},
            "Count": 4,
            "Items": {REPLY_ITEMS},
            "ScannedCount": 4
        }}"#
    ));
    assert_eq!(
        output
            .consumed_capacity
            .expect("ConsumedCapacity")
            .capacity_units,
        Some(0.5)
    );
    let items = output.items.expect("Items");
    assert_eq!(items.len(), 4);
    assert_eq!(
        s(items[3].get("Message")),
        "OK, I'll take a look at that.  Thanks!"
    );
}

#[test]
fn scan_with_a_filter_expression() {
    let input: ScanInput = round_trip(
        r#"{
            "TableName": "Reply",
            "FilterExpression": "PostedBy = :val",
            "ExpressionAttributeValues": {":val": {"S": "joe@example.com"}},
            "ReturnConsumedCapacity": "TOTAL"
        }"#,
    );
    assert_eq!(input.filter_expression.as_deref(), Some("PostedBy = :val"));
    let output: ScanOutput = round_trip(
        r#"{
            "ConsumedCapacity": {"CapacityUnits": 0.5, "TableName": "Reply"},
            "Count": 2,
            "Items": [
                {
                    "PostedBy": {"S": "joe@example.com"},
                    "ReplyDateTime": {"S": "20130320115336"},
                    "Id": {"S": "Amazon DynamoDB#How do I update multiple items?"},
                    "Message": {"S": "Have you looked at BatchWriteItem?"}
                },
                {
                    "PostedBy": {"S": "joe@example.com"},
                    "ReplyDateTime": {"S": "20130320115347"},
                    "Id": {"S": "Amazon DynamoDB#How do I update multiple items?"},
                    "Message": {"S": "BatchWriteItem is documented in the Amazon DynamoDB API Reference."}
                }
            ],
            "ScannedCount": 4
        }"#,
    );
    assert_eq!(output.count, Some(2));
    assert_eq!(output.scanned_count, Some(4));
}

#[test]
fn scan_parallel_segments_and_legacy_filter() {
    let input: ScanInput = round_trip(
        r##"{
            "TableName": "Reply",
            "IndexName": "PostedBy-Index",
            "Segment": 1,
            "TotalSegments": 4,
            "Limit": 10,
            "Select": "COUNT",
            "ScanFilter": {"PostedBy": {"ComparisonOperator": "IN",
                           "AttributeValueList": [{"S": "a"}, {"S": "b"}]}},
            "ConditionalOperator": "OR",
            "ExpressionAttributeNames": {"#p": "PostedBy"},
            "ConsistentRead": false
        }"##,
    );
    assert_eq!(input.segment, Some(1));
    assert_eq!(input.total_segments, Some(4));
    assert_eq!(input.select, Some(Select::Count));
    let filter = input.scan_filter.expect("ScanFilter");
    assert_eq!(
        filter["PostedBy"].comparison_operator,
        Some(ComparisonOperator::In)
    );
}
