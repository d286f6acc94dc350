//! PutItem, GetItem, UpdateItem, DeleteItem.

use ddbmock_core::model::AttributeValue;
use ddbmock_core::operation::{
    AttributeAction, ComparisonOperator, ConditionalOperator, DeleteItemInput, DeleteItemOutput,
    GetItemInput, GetItemOutput, PutItemInput, PutItemOutput, ReturnConsumedCapacity,
    ReturnItemCollectionMetrics, ReturnValue, ReturnValuesOnConditionCheckFailure, UpdateItemInput,
    UpdateItemOutput,
};

use crate::support::{round_trip, s};

#[test]
fn put_item() {
    let input: PutItemInput = round_trip(
        r#"{
            "TableName": "Thread",
            "Item": {
                "LastPostDateTime": {"S": "201303190422"},
                "Tags": {"SS": ["Update","Multiple Items","HelpMe"]},
                "ForumName": {"S": "Amazon DynamoDB"},
                "Message": {"S": "I want to update multiple items in a single call. What's the best way to do that?"},
                "Subject": {"S": "How do I update multiple items?"},
                "LastPostedBy": {"S": "fred@example.com"}
            },
            "ConditionExpression": "ForumName <> :f and Subject <> :s",
            "ExpressionAttributeValues": {
                ":f": {"S": "Amazon DynamoDB"},
                ":s": {"S": "How do I update multiple items?"}
            }
        }"#,
    );
    let item = input.item.expect("Item");
    assert_eq!(s(item.get("ForumName")), "Amazon DynamoDB");
    assert_eq!(
        item.get("Tags"),
        Some(&AttributeValue::Ss(vec![
            "Update".to_owned(),
            "Multiple Items".to_owned(),
            "HelpMe".to_owned()
        ]))
    );
    assert_eq!(
        input.condition_expression.as_deref(),
        Some("ForumName <> :f and Subject <> :s")
    );
    let values = input
        .expression_attribute_values
        .expect("ExpressionAttributeValues");
    assert_eq!(s(values.get(":s")), "How do I update multiple items?");
    let output: PutItemOutput = round_trip("{}");
    assert_eq!(output, PutItemOutput::default());
}

#[test]
fn put_item_with_every_option() {
    let input: PutItemInput = round_trip(
        r##"{
            "TableName": "Thread",
            "Item": {"ForumName": {"S": "f"}},
            "Expected": {"ForumName": {"Exists": false}, "Views": {"ComparisonOperator": "GT",
                         "AttributeValueList": [{"N": "3"}]}, "Old": {"Value": {"BOOL": true}}},
            "ConditionalOperator": "OR",
            "ReturnValues": "ALL_OLD",
            "ReturnConsumedCapacity": "INDEXES",
            "ReturnItemCollectionMetrics": "SIZE",
            "ExpressionAttributeNames": {"#n": "Name"},
            "ReturnValuesOnConditionCheckFailure": "ALL_OLD"
        }"##,
    );
    let expected = input.expected.expect("Expected");
    assert_eq!(expected["ForumName"].exists, Some(false));
    assert_eq!(
        expected["Views"].comparison_operator,
        Some(ComparisonOperator::Gt)
    );
    assert_eq!(expected["Old"].value, Some(AttributeValue::Bool(true)));
    assert_eq!(input.conditional_operator, Some(ConditionalOperator::Or));
    assert_eq!(input.return_values, Some(ReturnValue::AllOld));
    assert_eq!(
        input.return_consumed_capacity,
        Some(ReturnConsumedCapacity::Indexes)
    );
    assert_eq!(
        input.return_item_collection_metrics,
        Some(ReturnItemCollectionMetrics::Size)
    );
    assert_eq!(
        input.return_values_on_condition_check_failure,
        Some(ReturnValuesOnConditionCheckFailure::AllOld)
    );
    let names = input
        .expression_attribute_names
        .expect("ExpressionAttributeNames");
    assert_eq!(names.get("#n").map(String::as_str), Some("Name"));

    let output: PutItemOutput = round_trip(
        r#"{
            "Attributes": {"ForumName": {"S": "f"}},
            "ConsumedCapacity": {"TableName": "Thread", "CapacityUnits": 2.0,
                "Table": {"CapacityUnits": 1.0},
                "LocalSecondaryIndexes": {"LastPostIndex": {"CapacityUnits": 1.0}}},
            "ItemCollectionMetrics": {"ItemCollectionKey": {"ForumName": {"S": "f"}},
                "SizeEstimateRangeGB": [0.0, 1.0]}
        }"#,
    );
    let capacity = output.consumed_capacity.expect("ConsumedCapacity");
    assert_eq!(capacity.capacity_units, Some(2.0));
    let lsis = capacity
        .local_secondary_indexes
        .expect("LocalSecondaryIndexes");
    assert_eq!(lsis["LastPostIndex"].capacity_units, Some(1.0));
    let metrics = output
        .item_collection_metrics
        .expect("ItemCollectionMetrics");
    assert_eq!(metrics.size_estimate_range_gb, Some(vec![0.0, 1.0]));
}

#[test]
fn get_item() {
    let input: GetItemInput = round_trip(
        r#"{
            "TableName": "Thread",
            "Key": {
                "ForumName": {"S": "Amazon DynamoDB"},
                "Subject": {"S": "How do I update multiple items?"}
            },
            "ProjectionExpression":"LastPostDateTime, Message, Tags",
            "ConsistentRead": true,
            "ReturnConsumedCapacity": "TOTAL"
        }"#,
    );
    let key = input.key.expect("Key");
    assert_eq!(s(key.get("Subject")), "How do I update multiple items?");
    assert_eq!(
        input.projection_expression.as_deref(),
        Some("LastPostDateTime, Message, Tags")
    );
    assert_eq!(input.consistent_read, Some(true));
    assert_eq!(
        input.return_consumed_capacity,
        Some(ReturnConsumedCapacity::Total)
    );

    let output: GetItemOutput = round_trip(
        r#"{
            "ConsumedCapacity": {"CapacityUnits": 1, "TableName": "Thread"},
            "Item": {
                "Tags": {"SS": ["Update","Multiple Items","HelpMe"]},
                "LastPostDateTime": {"S": "201303190436"},
                "Message": {"S": "I want to update multiple items in a single call. What's the best way to do that?"}
            }
        }"#,
    );
    let capacity = output.consumed_capacity.expect("ConsumedCapacity");
    assert_eq!(capacity.capacity_units, Some(1.0));
    assert_eq!(capacity.table_name.as_deref(), Some("Thread"));
    assert_eq!(
        s(output.item.expect("Item").get("LastPostDateTime")),
        "201303190436"
    );
}

#[test]
fn get_item_legacy_attributes_to_get() {
    let input: GetItemInput = round_trip(
        r##"{"TableName": "t", "Key": {"pk": {"N": "1"}}, "AttributesToGet": ["a", "b"],
             "ExpressionAttributeNames": {"#a": "a"}}"##,
    );
    assert_eq!(
        input.attributes_to_get,
        Some(vec!["a".to_owned(), "b".to_owned()])
    );
}

#[test]
fn update_item() {
    let input: UpdateItemInput = round_trip(
        r#"{
            "TableName": "Thread",
            "Key": {
                "ForumName": {"S": "Amazon DynamoDB"},
                "Subject": {"S": "Maximum number of items?"}
            },
            "UpdateExpression": "set LastPostedBy = :val1",
            "ConditionExpression": "LastPostedBy = :val2",
            "ExpressionAttributeValues": {
                ":val1": {"S": "alice@example.com"},
                ":val2": {"S": "fred@example.com"}
            },
            "ReturnValues": "ALL_NEW"
        }"#,
    );
    assert_eq!(
        input.update_expression.as_deref(),
        Some("set LastPostedBy = :val1")
    );
    assert_eq!(
        input.condition_expression.as_deref(),
        Some("LastPostedBy = :val2")
    );
    assert_eq!(input.return_values, Some(ReturnValue::AllNew));

    let output: UpdateItemOutput = round_trip(
        r#"{
            "Attributes": {
                "LastPostedBy": {"S": "alice@example.com"},
                "ForumName": {"S": "Amazon DynamoDB"},
                "LastPostDateTime": {"S": "20130320010350"},
                "Tags": {"SS": ["Update","Multiple Items","HelpMe"]},
                "Subject": {"S": "Maximum number of items?"},
                "Views": {"N": "5"},
                "Message": {"S": "I want to put 10 million data items to an Amazon DynamoDB table.  Is there an upper limit?"}
            }
        }"#,
    );
    let attributes = output.attributes.expect("Attributes");
    assert_eq!(
        attributes.get("Views"),
        Some(&AttributeValue::N("5".to_owned()))
    );
}

#[test]
fn update_item_atomic_counter() {
    let input: UpdateItemInput = round_trip(
        r#"{
            "TableName": "Thread",
            "Key": {
                "ForumName": {"S": "Amazon DynamoDB"},
                "Subject": {"S": "A question about updates"}
            },
            "UpdateExpression": "set Replies = Replies + :num",
            "ExpressionAttributeValues": {":num": {"N": "1"}},
            "ReturnValues" : "NONE"
        }"#,
    );
    assert_eq!(input.return_values, Some(ReturnValue::None));
    let output: UpdateItemOutput = round_trip("{}");
    assert_eq!(output, UpdateItemOutput::default());
}

#[test]
fn update_item_legacy_attribute_updates() {
    let input: UpdateItemInput = round_trip(
        r#"{
            "TableName": "t",
            "Key": {"pk": {"S": "a"}},
            "AttributeUpdates": {
                "Views": {"Action": "ADD", "Value": {"N": "1"}},
                "Gone": {"Action": "DELETE"}
            },
            "Expected": {"Views": {"ComparisonOperator": "NOT_NULL"}},
            "ConditionalOperator": "AND"
        }"#,
    );
    let updates = input.attribute_updates.expect("AttributeUpdates");
    assert_eq!(updates["Views"].action, Some(AttributeAction::Add));
    assert_eq!(updates["Gone"].value, None);
}

#[test]
fn delete_item() {
    let input: DeleteItemInput = round_trip(
        r#"{
            "TableName": "Thread",
            "Key": {
                "ForumName": {"S": "Amazon DynamoDB"},
                "Subject": {"S": "How do I update multiple items?"}
            },
            "ConditionExpression": "attribute_not_exists(Replies)",
            "ReturnValues": "ALL_OLD"
        }"#,
    );
    assert_eq!(
        input.condition_expression.as_deref(),
        Some("attribute_not_exists(Replies)")
    );
    let output: DeleteItemOutput = round_trip(
        r#"{
            "Attributes": {
                "LastPostedBy": {"S": "fred@example.com"},
                "ForumName": {"S": "Amazon DynamoDB"},
                "LastPostDateTime": {"S": "201303201023"},
                "Tags": {"SS": ["Update","Multiple Items","HelpMe"]},
                "Subject": {"S": "How do I update multiple items?"},
                "Message": {"S": "I want to update multiple items in a single call. What's the best way to do that?"}
            }
        }"#,
    );
    assert_eq!(
        s(output.attributes.expect("Attributes").get("LastPostedBy")),
        "fred@example.com"
    );
}
