//! Issue #16, part 1, the pairs `check_order.rs` leaves out: an attribute value with no data type
//! or several, which DynamoDB decodes and refuses among the checks that need no table (step 3),
//! after the request's shape (step 2), in every place a request carries values; and which of
//! several tables' errors a batch reports.
//!
//! Each row checks the exact type and message, and that the refused request changed nothing.

mod texts_support;

use serde_json::{Value, json};
use texts_support::*;

const MISSING: &str = "nope";
const EMPTY: &str =
    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";
const SEVERAL: &str = "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes";

/// An expression attribute value's error names its key (dynalite, from DynamoDB's answers).
fn in_values(text: &str, key: &str) -> String {
    format!("ExpressionAttributeValues contains invalid value: {text} for key {key}")
}

fn key() -> Value {
    json!({"pk": {"S": "a"}, "sk": {"S": "b"}})
}

/// A value of no type.
fn empty() -> Value {
    json!({})
}

/// A value of two types.
fn several() -> Value {
    json!({"S": "a", "N": "1"})
}

/// [`TABLE`]'s key with `v` as one more attribute.
fn key_with(v: Value) -> Value {
    json!({"pk": {"S": "a"}, "sk": {"S": "b"}, "v": v})
}

#[tokio::test]
async fn invalid_values_everywhere_a_request_carries_values() {
    check(vec![
        invalid(
            "PutItem: an item attribute of no type",
            "PutItem",
            json!({"TableName": MISSING, "Item": key_with(empty())}),
            EMPTY,
        ),
        invalid(
            "PutItem: an item attribute of two types",
            "PutItem",
            json!({"TableName": MISSING, "Item": key_with(several())}),
            SEVERAL,
        ),
        invalid(
            "PutItem: a value of no type inside a list inside a map",
            "PutItem",
            json!({"TableName": TABLE, "Item": key_with(json!({"M": {"x": {"L": [{"S": "a"}, {}]}}}))}),
            EMPTY,
        ),
        invalid(
            "PutItem: a legacy Expected value of no type",
            "PutItem",
            json!({"TableName": MISSING, "Item": key(), "Expected": {"v": {"Value": {}}}}),
            EMPTY,
        ),
        invalid(
            "PutItem: a legacy AttributeValueList member of two types",
            "PutItem",
            json!({"TableName": MISSING, "Item": key(), "Expected": {"v": {
                "ComparisonOperator": "EQ", "AttributeValueList": [several()]}}}),
            SEVERAL,
        ),
        invalid(
            "GetItem: a key value of two types",
            "GetItem",
            json!({"TableName": MISSING, "Key": {"pk": several(), "sk": {"S": "b"}}}),
            SEVERAL,
        ),
        invalid(
            "DeleteItem: a key value of no type",
            "DeleteItem",
            json!({"TableName": MISSING, "Key": {"pk": {"S": "a"}, "sk": {}}}),
            EMPTY,
        ),
        invalid(
            "DeleteItem: an expression value of no type",
            "DeleteItem",
            json!({"TableName": MISSING, "Key": key(), "ConditionExpression": "v = :v",
                   "ExpressionAttributeValues": {":v": {}}}),
            in_values(EMPTY, ":v"),
        ),
        invalid(
            "UpdateItem: an expression value of two types",
            "UpdateItem",
            json!({"TableName": MISSING, "Key": key(), "UpdateExpression": "SET v = :v",
                   "ExpressionAttributeValues": {":v": several()}}),
            in_values(SEVERAL, ":v"),
        ),
        invalid(
            "UpdateItem: an AttributeUpdates value of two types",
            "UpdateItem",
            json!({"TableName": MISSING, "Key": key(),
                   "AttributeUpdates": {"v": {"Action": "PUT", "Value": several()}}}),
            SEVERAL,
        ),
        invalid(
            "Query: a KeyConditions value of no type",
            "Query",
            json!({"TableName": MISSING, "KeyConditions": {"pk": {
                "ComparisonOperator": "EQ", "AttributeValueList": [{}]}}}),
            EMPTY,
        ),
        invalid(
            "Query: an ExclusiveStartKey value of no type",
            "Query",
            json!({"TableName": MISSING, "KeyConditionExpression": "pk = :p",
                   "ExpressionAttributeValues": {":p": {"S": "a"}},
                   "ExclusiveStartKey": {"pk": {"S": "a"}, "sk": {}}}),
            format!("The provided starting key is invalid: {EMPTY}"),
        ),
        invalid(
            "Scan: a ScanFilter value of two types",
            "Scan",
            json!({"TableName": MISSING, "ScanFilter": {"v": {
                "ComparisonOperator": "EQ", "AttributeValueList": [several()]}}}),
            SEVERAL,
        ),
        invalid(
            "BatchGetItem: a key value of no type",
            "BatchGetItem",
            json!({"RequestItems": {MISSING: {"Keys": [{"pk": {}, "sk": {"S": "b"}}]}}}),
            EMPTY,
        ),
        invalid(
            "BatchWriteItem: a put attribute of two types",
            "BatchWriteItem",
            json!({"RequestItems": {MISSING: [{"PutRequest": {"Item": key_with(several())}}]}}),
            SEVERAL,
        ),
        invalid(
            "BatchWriteItem: a delete key value of no type",
            "BatchWriteItem",
            json!({"RequestItems": {MISSING: [{"DeleteRequest": {"Key": {"pk": {}, "sk": {"S": "b"}}}}]}}),
            EMPTY,
        ),
        invalid(
            "TransactWriteItems: a condition check's value of no type",
            "TransactWriteItems",
            json!({"TransactItems": [{"ConditionCheck": {"TableName": MISSING, "Key": key(),
                "ConditionExpression": "v = :v", "ExpressionAttributeValues": {":v": {}}}}]}),
            in_values(EMPTY, ":v"),
        ),
        invalid(
            "ExecuteStatement: a parameter of no type",
            "ExecuteStatement",
            json!({"Statement": "SELECT * FROM \"nope\" WHERE pk = ?", "Parameters": [{}]}),
            EMPTY,
        ),
        invalid(
            "ExecuteStatement: a parameter of two types, on an existing table",
            "ExecuteStatement",
            json!({"Statement": "INSERT INTO \"tbl\" VALUE {'pk': ?, 'sk': 'b'}", "Parameters": [several()]}),
            SEVERAL,
        ),
        invalid(
            "TransactGetItems: a key value of two types",
            "TransactGetItems",
            json!({"TransactItems": [{"Get": {"TableName": MISSING,
                "Key": {"pk": several(), "sk": {"S": "b"}}}}]}),
            SEVERAL,
        ),
    ])
    .await;
}

#[tokio::test]
async fn invalid_values_against_each_other_step() {
    check(vec![
        row(
            "1 before 3: a number for the table name, and a value of no type",
            "PutItem",
            json!({"TableName": 5, "Item": key_with(empty())}),
            "SerializationException",
            "NUMBER_VALUE cannot be converted to String",
        ),
        row(
            "1 before 3: a value of no type, and a list where the key's map belongs later on",
            "DeleteItem",
            json!({"TableName": MISSING, "Key": {"pk": {}, "sk": [1]}}),
            "SerializationException",
            "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.AttributeValue",
        ),
        invalid(
            "2 before 3: no table name, and a value of no type",
            "PutItem",
            json!({"Item": key_with(empty())}),
            "1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null",
        ),
        invalid(
            "2 before 3: an enum outside its set, and a key value of two types",
            "GetItem",
            json!({"TableName": MISSING, "Key": {"pk": several(), "sk": {"S": "b"}},
                   "ReturnConsumedCapacity": "ALL"}),
            "1 validation error detected: Value 'ALL' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]",
        ),
        invalid(
            "2 before 3: an empty table name, and an update value of no type",
            "UpdateItem",
            json!({"TableName": "", "Key": key(), "UpdateExpression": "SET v = :v",
                   "ExpressionAttributeValues": {":v": {}}}),
            "1 validation error detected: Value '' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 1",
        ),
        invalid(
            "2 before 3: an enum outside its set, and a batch put with a value of no type",
            "BatchWriteItem",
            json!({"RequestItems": {MISSING: [{"PutRequest": {"Item": key_with(empty())}}]},
                   "ReturnItemCollectionMetrics": "ALL"}),
            "1 validation error detected: Value 'ALL' at 'returnItemCollectionMetrics' failed to satisfy constraint: Member must satisfy enum value set: [SIZE, NONE]",
        ),
        invalid(
            "2 before 3: a Query limit of 0, and a start key value of no type",
            "Query",
            json!({"TableName": MISSING, "Limit": 0, "KeyConditionExpression": "pk = :p",
                   "ExpressionAttributeValues": {":p": {}}}),
            "1 validation error detected: Value at 'Limit' failed to satisfy constraint: Member must have value greater than or equal to 1",
        ),
        invalid(
            "3 before 4: a value of no type on a missing table",
            "PutItem",
            json!({"TableName": MISSING, "Item": key_with(empty())}),
            EMPTY,
        ),
        invalid(
            "3 before 5: a value of two types in an item without the sort key",
            "PutItem",
            json!({"TableName": TABLE, "Item": {"pk": {"S": "a"}, "v": several()}}),
            SEVERAL,
        ),
        invalid(
            "3 before 5: a key value of no type for an index the table does not have",
            "Query",
            json!({"TableName": TABLE, "IndexName": "nope", "KeyConditionExpression": "pk = :p",
                   "ExpressionAttributeValues": {":p": {}}}),
            in_values(EMPTY, ":p"),
        ),
        invalid(
            "3 before 6: a value of no type, and a condition that fails",
            "PutItem",
            json!({"TableName": TABLE, "Item": key_with(empty()),
                   "ConditionExpression": "attribute_not_exists(v)"}),
            EMPTY,
        ),
        invalid(
            "3 before 6: a transaction's value of two types, and a condition that fails",
            "TransactWriteItems",
            json!({"TransactItems": [{"Put": {"TableName": TABLE, "Item": key_with(several()),
                "ConditionExpression": "attribute_not_exists(pk)"}}]}),
            SEVERAL,
        ),
    ])
    .await;
}

/// BatchWriteItem of six missing tables, `first` (the first by name) holding `first_value` and
/// the others `other_value`; a `HashMap`'s order would pick any of the six.
fn six_table_writes(first_value: Value, other_value: Value) -> Value {
    let mut tables = serde_json::Map::new();
    for name in [
        "f_missing",
        "c_missing",
        "a_missing",
        "e_missing",
        "b_missing",
        "d_missing",
    ] {
        let value = if name == "a_missing" {
            first_value.clone()
        } else {
            other_value.clone()
        };
        tables.insert(
            name.to_owned(),
            json!([{"PutRequest": {"Item": key_with(value)}}]),
        );
    }
    json!({"RequestItems": tables})
}

/// BatchGetItem of six missing tables, as [`six_table_writes`].
fn six_table_gets(first_value: Value, other_value: Value) -> Value {
    let mut tables = serde_json::Map::new();
    for name in [
        "f_missing",
        "c_missing",
        "a_missing",
        "e_missing",
        "b_missing",
        "d_missing",
    ] {
        let value = if name == "a_missing" {
            first_value.clone()
        } else {
            other_value.clone()
        };
        tables.insert(name.to_owned(), json!({"Keys": [key_with(value)]}));
    }
    json!({"RequestItems": tables})
}

#[tokio::test]
async fn batches_check_their_tables_in_name_order() {
    check(vec![
        invalid(
            "BatchWriteItem: the first table by name has the value of no type",
            "BatchWriteItem",
            six_table_writes(empty(), several()),
            EMPTY,
        ),
        invalid(
            "BatchWriteItem: the first table by name has the value of two types",
            "BatchWriteItem",
            six_table_writes(several(), empty()),
            SEVERAL,
        ),
        invalid(
            "BatchGetItem: the first table by name has the value of no type",
            "BatchGetItem",
            six_table_gets(empty(), several()),
            EMPTY,
        ),
        invalid(
            "BatchGetItem: the first table by name has the value of two types",
            "BatchGetItem",
            six_table_gets(several(), empty()),
            SEVERAL,
        ),
        invalid(
            "BatchGetItem: every table's empty AttributesToGet, in name order",
            "BatchGetItem",
            json!({"RequestItems": {
                "c_missing": {"Keys": [key()], "AttributesToGet": []},
                "a_missing": {"Keys": [key()], "AttributesToGet": []},
                "b_missing": {"Keys": [key()], "AttributesToGet": []}}}),
            "3 validation errors detected: Value '[]' at 'requestItems.a_missing.member.attributesToGet' failed to satisfy constraint: Member must have length greater than or equal to 1; Value '[]' at 'requestItems.b_missing.member.attributesToGet' failed to satisfy constraint: Member must have length greater than or equal to 1; Value '[]' at 'requestItems.c_missing.member.attributesToGet' failed to satisfy constraint: Member must have length greater than or equal to 1",
        ),
        invalid(
            "BatchWriteItem: a table name's constraint (step 2) before another table's value (step 3)",
            "BatchWriteItem",
            json!({"RequestItems": {
                "a_missing": [{"PutRequest": {"Item": key_with(empty())}}],
                long_name(): [{"PutRequest": {"Item": key()}}]}}),
            format!("1 validation error detected: Value '{}' at 'requestItems.key' failed to satisfy constraint: Member must have length less than or equal to 1024", long_name()),
        ),
        not_found_row(
            "BatchWriteItem: a missing table first by name, before the next table's key error",
            "BatchWriteItem",
            json!({"RequestItems": {
                TABLE: [{"PutRequest": {"Item": {"pk": {"S": "a"}}}}],
                "a_missing": [{"PutRequest": {"Item": key()}}]}}),
        ),
        invalid(
            "BatchWriteItem: a key error on the first table by name, before a later missing table",
            "BatchWriteItem",
            json!({"RequestItems": {
                TABLE: [{"PutRequest": {"Item": {"pk": {"S": "a"}}}}],
                "z_missing": [{"PutRequest": {"Item": key()}}]}}),
            "One or more parameter values were invalid: Missing the key sk in the item",
        ),
        not_found_row(
            "BatchGetItem: a missing table first by name, before the next table's key error",
            "BatchGetItem",
            json!({"RequestItems": {
                TABLE: {"Keys": [{"pk": {"S": "a"}}]},
                "a_missing": {"Keys": [key()]}}}),
        ),
        invalid(
            "BatchGetItem: a key error on the first table by name, before a later missing table",
            "BatchGetItem",
            json!({"RequestItems": {
                TABLE: {"Keys": [{"pk": {"S": "a"}}]},
                "z_missing": {"Keys": [key()]}}}),
            "The provided key element does not match the schema",
        ),
    ])
    .await;
}

/// A table name one character over the limit of a name or ARN, after `a_missing` by name.
fn long_name() -> String {
    "z".repeat(1025)
}

fn not_found_row(case: &'static str, op: &'static str, body: Value) -> Row {
    row(
        case,
        op,
        body,
        "ResourceNotFoundException",
        "Requested resource not found",
    )
}

/// [`TABLE`]'s ARN in another region of the engine's own account (the engine is in us-east-1).
const OTHER_REGION: &str = "arn:aws:dynamodb:eu-west-1:000000000000:table/tbl";

/// A table ARN of another region names no table of the engine's region, whatever its name: it is
/// looked up (step 4) and not found, and a table of the same name here is not used. DynamoDB's
/// documentation says only that `TableName` takes a table ARN; its answer for another region's
/// ARN is unconfirmed. `ResourceNotFoundException` is what a table missing from the region the
/// request was sent to gets, and an ARN of another account keeps its `AccessDeniedException`
/// (the account is checked first, as IAM authorizes before the table is looked up).
#[tokio::test]
async fn a_table_arn_of_another_region_is_not_found() {
    let other = OTHER_REGION;
    check(vec![
        not_found_row(
            "PutItem",
            "PutItem",
            json!({"TableName": other, "Item": key()}),
        ),
        not_found_row(
            "GetItem",
            "GetItem",
            json!({"TableName": other, "Key": key()}),
        ),
        not_found_row(
            "UpdateItem",
            "UpdateItem",
            json!({"TableName": other, "Key": key(), "UpdateExpression": "SET v = :v",
                   "ExpressionAttributeValues": {":v": {"S": "x"}}}),
        ),
        not_found_row(
            "DeleteItem",
            "DeleteItem",
            json!({"TableName": other, "Key": key()}),
        ),
        not_found_row(
            "Query",
            "Query",
            json!({"TableName": other, "KeyConditionExpression": "pk = :p",
                   "ExpressionAttributeValues": {":p": {"S": "a"}}}),
        ),
        not_found_row("Scan", "Scan", json!({"TableName": other})),
        not_found_row(
            "BatchGetItem",
            "BatchGetItem",
            json!({"RequestItems": {other: {"Keys": [key()]}}}),
        ),
        not_found_row(
            "BatchWriteItem",
            "BatchWriteItem",
            json!({"RequestItems": {other: [{"PutRequest": {"Item": key()}}]}}),
        ),
        not_found_row(
            "TransactGetItems",
            "TransactGetItems",
            json!({"TransactItems": [{"Get": {"TableName": other, "Key": key()}}]}),
        ),
        not_found_row(
            "TransactWriteItems",
            "TransactWriteItems",
            json!({"TransactItems": [{"Put": {"TableName": other, "Item": key()}}]}),
        ),
        invalid(
            "3 before 4: a value of no type, for another region's table",
            "PutItem",
            json!({"TableName": other, "Item": key_with(empty())}),
            EMPTY,
        ),
        row(
            "another account in another region: access denied, as for any other account",
            "GetItem",
            json!({"TableName": "arn:aws:dynamodb:eu-west-1:111122223333:table/tbl", "Key": key()}),
            "AccessDeniedException",
            "User: arn:aws:iam::000000000000:root is not authorized to perform: dynamodb:GetItem on resource: arn:aws:dynamodb:eu-west-1:111122223333:table/tbl because no resource-based policy allows the dynamodb:GetItem action",
        ),
    ])
    .await;
}
