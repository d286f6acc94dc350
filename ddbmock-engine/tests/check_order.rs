//! Issue #16, part 1: DynamoDB's order of checks, the same for every operation. One row per request
//! that breaks two rules at different steps; the earlier step's exact type and message must win:
//!
//! 1. protocol (`SerializationException`);
//! 2. the request's shape (one `N validation error(s) detected` message, in member order);
//! 3. checks that need no table (expressions, parameter combinations, values, the item size);
//! 4. the table and index lookup;
//! 5. checks against the table's schema (keys, indexes);
//! 6. conditions and transactions.
//!
//! Each row also checks that the refused request changed nothing.

mod texts_support;

use serde_json::{Value, json};
use texts_support::*;

/// A table that does not exist.
const MISSING: &str = "nope";

const NOT_FOUND: &str = "Requested resource not found";
const TOO_LARGE: &str = "Item size has exceeded the maximum allowed size";
const EMPTY_VALUE: &str =
    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";
const KEY_MISMATCH: &str = "The provided key element does not match the schema";

fn key() -> Value {
    json!({"pk": {"S": "a"}, "sk": {"S": "b"}})
}

/// A key with a value of no type: a step-3 error.
fn empty_value_key() -> Value {
    json!({"pk": {}, "sk": {"S": "b"}})
}

/// A key of the wrong attributes: a step-5 error on [`TABLE`].
fn wrong_key() -> Value {
    json!({"pk": {"S": "a"}})
}

/// An item one byte over 400 KB, with [`TABLE`]'s key: a step-3 error.
fn oversized() -> Value {
    // Attribute names count: pk, sk (1 byte values), pad (3 + value bytes).
    let pad = 400 * 1024 - (2 + 1) - (2 + 1) - 3 + 1;
    json!({"pk": {"S": "a"}, "sk": {"S": "b"}, "pad": {"S": "x".repeat(pad)}})
}

/// An item over 400 KB without the table's sort key: a step-3 and a step-5 error.
fn oversized_without_sort_key() -> Value {
    json!({"pk": {"S": "a"}, "pad": {"S": "x".repeat(400 * 1024)}})
}

const SYNTAX: &str = "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"=\"";

fn not_found(case: &'static str, op: &'static str, body: Value) -> Row {
    row(case, op, body, "ResourceNotFoundException", NOT_FOUND)
}

#[tokio::test]
async fn put_item() {
    check(vec![
        row(
            "1 before 2: a number for the table name, and no item",
            "PutItem",
            json!({"TableName": 5}),
            "SerializationException",
            "NUMBER_VALUE cannot be converted to String",
        ),
        invalid(
            "2 before 2: two constraints in member order",
            "PutItem",
            json!({"TableName": "", "ReturnValues": "SOME"}),
            "3 validation errors detected: Value '' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 1; Value null at 'item' failed to satisfy constraint: Member must not be null; Value 'SOME' at 'returnValues' failed to satisfy constraint: Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]",
        ),
        invalid(
            "2 before 3: a constraint and an expression error",
            "PutItem",
            json!({"TableName": MISSING, "Item": key(), "ReturnConsumedCapacity": "ALL",
                   "ConditionExpression": "a ="}),
            "1 validation error detected: Value 'ALL' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]",
        ),
        invalid(
            "2 before 3: a constraint and an oversized item",
            "PutItem",
            json!({"TableName": "", "Item": oversized()}),
            "1 validation error detected: Value '' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 1",
        ),
        invalid(
            "3 before 4: an oversized item for a missing table",
            "PutItem",
            json!({"TableName": MISSING, "Item": oversized()}),
            TOO_LARGE,
        ),
        invalid(
            "3 before 4: a bad expression for a missing table",
            "PutItem",
            json!({"TableName": MISSING, "Item": key(), "ConditionExpression": "a ="}),
            SYNTAX,
        ),
        invalid(
            "3 before 4: an empty value for a missing table",
            "PutItem",
            json!({"TableName": MISSING, "Item": empty_value_key()}),
            EMPTY_VALUE,
        ),
        invalid(
            "3 before 4: expression and legacy parameters mixed, on a missing table",
            "PutItem",
            json!({"TableName": MISSING, "Item": key(), "ConditionExpression": "attribute_exists(pk)",
                   "Expected": {"pk": {"Exists": false}}}),
            "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}",
        ),
        invalid(
            "3 before 4: ReturnValues other than NONE or ALL_OLD, on a missing table",
            "PutItem",
            json!({"TableName": MISSING, "Item": key(), "ReturnValues": "ALL_NEW"}),
            "ReturnValues can only be ALL_OLD or NONE",
        ),
        invalid(
            "3 before 6: an oversized item and a condition that fails",
            "PutItem",
            json!({"TableName": TABLE, "Item": oversized(),
                   "ConditionExpression": "attribute_not_exists(v)"}),
            TOO_LARGE,
        ),
        invalid(
            "3 before 5: an oversized item without the table's sort key",
            "PutItem",
            json!({"TableName": TABLE, "Item": oversized_without_sort_key()}),
            TOO_LARGE,
        ),
        invalid(
            "3 before 5: a bad expression and an item without the sort key",
            "PutItem",
            json!({"TableName": TABLE, "Item": wrong_key(), "ConditionExpression": "a ="}),
            SYNTAX,
        ),
        not_found(
            "4 before 5: a missing table and an item without the sort key",
            "PutItem",
            json!({"TableName": MISSING, "Item": wrong_key()}),
        ),
        invalid(
            "5 before 6: an item without the sort key and a condition that fails",
            "PutItem",
            json!({"TableName": TABLE, "Item": wrong_key(),
                   "ConditionExpression": "attribute_not_exists(v)"}),
            "One or more parameter values were invalid: Missing the key sk in the item",
        ),
    ])
    .await;
}

#[tokio::test]
async fn get_item() {
    check(vec![
        invalid(
            "2 before 3: a constraint and a bad projection",
            "GetItem",
            json!({"TableName": MISSING, "Key": key(), "ReturnConsumedCapacity": "ALL",
                   "ProjectionExpression": "a,"}),
            "1 validation error detected: Value 'ALL' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]",
        ),
        invalid(
            "2 before 2: no table name, no key, in member order",
            "GetItem",
            json!({"AttributesToGet": []}),
            "3 validation errors detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null; Value null at 'key' failed to satisfy constraint: Member must not be null; Value '[]' at 'attributesToGet' failed to satisfy constraint: Member must have length greater than or equal to 1",
        ),
        invalid(
            "3 before 4: an empty key value for a missing table",
            "GetItem",
            json!({"TableName": MISSING, "Key": empty_value_key()}),
            EMPTY_VALUE,
        ),
        invalid(
            "3 before 4: AttributesToGet with a ProjectionExpression, on a missing table",
            "GetItem",
            json!({"TableName": MISSING, "Key": key(), "AttributesToGet": ["a"],
                   "ProjectionExpression": "a"}),
            "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}",
        ),
        invalid(
            "3 before 4: names with no expression, on a missing table",
            "GetItem",
            json!({"TableName": MISSING, "Key": key(), "ExpressionAttributeNames": {"#a": "a"}}),
            "ExpressionAttributeNames can only be specified when using expressions",
        ),
        invalid(
            "3 before 5: an unused name and a key of the wrong attributes",
            "GetItem",
            json!({"TableName": TABLE, "Key": wrong_key(), "ProjectionExpression": "a",
                   "ExpressionAttributeNames": {"#a": "a"}}),
            "Value provided in ExpressionAttributeNames unused in expressions: keys: {#a}",
        ),
        not_found(
            "4 before 5: a missing table and a key of the wrong attributes",
            "GetItem",
            json!({"TableName": MISSING, "Key": wrong_key()}),
        ),
    ])
    .await;
}

#[tokio::test]
async fn update_item() {
    check(vec![
        invalid(
            "2 before 3: a bad ReturnValues and a bad update expression",
            "UpdateItem",
            json!({"TableName": MISSING, "Key": key(), "ReturnValues": "SOME",
                   "UpdateExpression": "SET"}),
            "1 validation error detected: Value 'SOME' at 'returnValues' failed to satisfy constraint: Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]",
        ),
        invalid(
            "3 before 4: a bad update expression for a missing table",
            "UpdateItem",
            json!({"TableName": MISSING, "Key": key(), "UpdateExpression": "SET"}),
            "Invalid UpdateExpression: Syntax error; token: \"<EOF>\", near: \"SET\"",
        ),
        invalid(
            "3 before 4: UpdateExpression with AttributeUpdates, on a missing table",
            "UpdateItem",
            json!({"TableName": MISSING, "Key": key(), "UpdateExpression": "SET a = :a",
                   "ExpressionAttributeValues": {":a": {"S": "x"}},
                   "AttributeUpdates": {"b": {"Action": "PUT", "Value": {"S": "y"}}}}),
            "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {AttributeUpdates} Expression parameters: {UpdateExpression}",
        ),
        invalid(
            "3 before 4: an empty value in AttributeUpdates, on a missing table",
            "UpdateItem",
            json!({"TableName": MISSING, "Key": key(),
                   "AttributeUpdates": {"b": {"Action": "PUT", "Value": {}}}}),
            EMPTY_VALUE,
        ),
        invalid(
            "3 before 5: a bad expression and a key of the wrong attributes",
            "UpdateItem",
            json!({"TableName": TABLE, "Key": wrong_key(), "UpdateExpression": "SET"}),
            "Invalid UpdateExpression: Syntax error; token: \"<EOF>\", near: \"SET\"",
        ),
        not_found(
            "4 before 5: a missing table and an update of a key attribute",
            "UpdateItem",
            json!({"TableName": MISSING, "Key": key(), "UpdateExpression": "SET pk = :a",
                   "ExpressionAttributeValues": {":a": {"S": "x"}}}),
        ),
        invalid(
            "5 before 6: an update of a key attribute and a condition that fails",
            "UpdateItem",
            json!({"TableName": TABLE, "Key": key(), "UpdateExpression": "SET pk = :a",
                   "ConditionExpression": "attribute_not_exists(v)",
                   "ExpressionAttributeValues": {":a": {"S": "x"}}}),
            "One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key",
        ),
    ])
    .await;
}

#[tokio::test]
async fn delete_item() {
    check(vec![
        invalid(
            "2 before 3: no key, and values with no expression",
            "DeleteItem",
            json!({"TableName": MISSING, "ExpressionAttributeValues": {":a": {"S": "x"}}}),
            "1 validation error detected: Value null at 'key' failed to satisfy constraint: Member must not be null",
        ),
        invalid(
            "3 before 4: a bad condition for a missing table",
            "DeleteItem",
            json!({"TableName": MISSING, "Key": key(), "ConditionExpression": "a ="}),
            SYNTAX,
        ),
        invalid(
            "3 before 4: an unused value for a missing table",
            "DeleteItem",
            json!({"TableName": MISSING, "Key": key(), "ConditionExpression": "attribute_exists(a)",
                   "ExpressionAttributeValues": {":a": {"S": "x"}}}),
            "Value provided in ExpressionAttributeValues unused in expressions: keys: {:a}",
        ),
        not_found(
            "4 before 5: a missing table and a key of the wrong attributes",
            "DeleteItem",
            json!({"TableName": MISSING, "Key": wrong_key()}),
        ),
        invalid(
            "5 before 6: a key of the wrong attributes and a condition that fails",
            "DeleteItem",
            json!({"TableName": TABLE, "Key": wrong_key(), "ConditionExpression": "attribute_not_exists(v)"}),
            KEY_MISMATCH,
        ),
    ])
    .await;
}

#[tokio::test]
async fn query() {
    check(vec![
        invalid(
            "2 before 3: Limit 0 and no key condition",
            "Query",
            json!({"TableName": MISSING, "Limit": 0}),
            "1 validation error detected: Value at 'Limit' failed to satisfy constraint: Member must have value greater than or equal to 1",
        ),
        invalid(
            "3 before 4: no key condition, on a missing table",
            "Query",
            json!({"TableName": MISSING}),
            "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.",
        ),
        invalid(
            "3 before 4: a bad filter, on a missing table",
            "Query",
            json!({"TableName": MISSING, "KeyConditionExpression": "pk = :p", "FilterExpression": "a =",
                   "ExpressionAttributeValues": {":p": {"S": "a"}}}),
            "Invalid FilterExpression: Syntax error; token: \"<EOF>\", near: \"=\"",
        ),
        invalid(
            "3 before 4: a bad number in the start key, on a missing table",
            "Query",
            json!({"TableName": MISSING, "KeyConditionExpression": "pk = :p",
                   "ExpressionAttributeValues": {":p": {"S": "a"}},
                   "ExclusiveStartKey": {"pk": {"N": "x"}, "sk": {"S": "b"}}}),
            "The provided starting key is invalid: The parameter cannot be converted to a numeric value: x",
        ),
        invalid(
            "3 before 5: a bad projection and an unknown index",
            "Query",
            json!({"TableName": TABLE, "IndexName": "unknown", "KeyConditionExpression": "pk = :p",
                   "ExpressionAttributeValues": {":p": {"S": "a"}}, "ProjectionExpression": "a,"}),
            "Invalid ProjectionExpression: Syntax error; token: \"<EOF>\", near: \",\"",
        ),
        not_found(
            "4 before 5: a missing table and an index it cannot have",
            "Query",
            json!({"TableName": MISSING, "IndexName": "unknown", "KeyConditionExpression": "pk = :p",
                   "ExpressionAttributeValues": {":p": {"S": "a"}}}),
        ),
    ])
    .await;
}

#[tokio::test]
async fn scan() {
    check(vec![
        invalid(
            "2 before 2: Segment and TotalSegments out of range, in member order",
            "Scan",
            json!({"TableName": MISSING, "Segment": -1, "TotalSegments": 0}),
            "2 validation errors detected: Value '-1' at 'segment' failed to satisfy constraint: Member must have value greater than or equal to 0; Value '0' at 'totalSegments' failed to satisfy constraint: Member must have value greater than or equal to 1",
        ),
        invalid(
            "2 before 3: Limit 0 and a bad filter",
            "Scan",
            json!({"TableName": MISSING, "Limit": 0, "FilterExpression": "a ="}),
            "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1",
        ),
        invalid(
            "3 before 4: Segment without TotalSegments, on a missing table",
            "Scan",
            json!({"TableName": MISSING, "Segment": 0}),
            "The TotalSegments parameter is required but was not present in the request when Segment parameter is present",
        ),
        invalid(
            "3 before 4: a bad filter, on a missing table",
            "Scan",
            json!({"TableName": MISSING, "FilterExpression": "a ="}),
            "Invalid FilterExpression: Syntax error; token: \"<EOF>\", near: \"=\"",
        ),
        not_found(
            "4 before 5: a missing table and an index it cannot have",
            "Scan",
            json!({"TableName": MISSING, "IndexName": "unknown"}),
        ),
        invalid(
            "5: an index the table does not have",
            "Scan",
            json!({"TableName": TABLE, "IndexName": "unknown"}),
            "The table does not have the specified index: unknown",
        ),
    ])
    .await;
}

/// A request of BatchWriteItem putting `item` into `table`.
fn batch_put(table: &str, item: Value) -> Value {
    json!({"RequestItems": {table: [{"PutRequest": {"Item": item}}]}})
}

#[tokio::test]
async fn batch_write_item() {
    check(vec![
        invalid(
            "2 before 3: a bad ReturnConsumedCapacity and an oversized item",
            "BatchWriteItem",
            json!({"RequestItems": {MISSING: [{"PutRequest": {"Item": oversized()}}]},
                   "ReturnConsumedCapacity": "ALL"}),
            "1 validation error detected: Value 'ALL' at 'returnConsumedCapacity' failed to satisfy constraint: Member must satisfy enum value set: [INDEXES, TOTAL, NONE]",
        ),
        invalid(
            "3 before 4: an oversized item for a missing table",
            "BatchWriteItem",
            batch_put(MISSING, oversized()),
            TOO_LARGE,
        ),
        invalid(
            "3 before 4: a bad number for a missing table",
            "BatchWriteItem",
            batch_put(MISSING, json!({"pk": {"S": "a"}, "sk": {"S": "b"}, "n": {"N": "x"}})),
            "The parameter cannot be converted to a numeric value: x",
        ),
        invalid(
            "3 before 4: an oversized item for an existing table after a missing one",
            "BatchWriteItem",
            json!({"RequestItems": {
                MISSING: [{"PutRequest": {"Item": key()}}],
                TABLE: [{"PutRequest": {"Item": oversized()}}]
            }}),
            TOO_LARGE,
        ),
        invalid(
            "3 before 5: an oversized item without the table's sort key",
            "BatchWriteItem",
            batch_put(TABLE, oversized_without_sort_key()),
            TOO_LARGE,
        ),
        not_found(
            "4 before 5: a missing table and an item without the sort key",
            "BatchWriteItem",
            batch_put(MISSING, wrong_key()),
        ),
    ])
    .await;
}

#[tokio::test]
async fn batch_get_item() {
    check(vec![
        invalid(
            "2 before 4: no keys for a missing table",
            "BatchGetItem",
            json!({"RequestItems": {MISSING: {"Keys": []}}}),
            "1 validation error detected: Value '[]' at 'requestItems.nope.member.keys' failed to satisfy constraint: Member must have length greater than or equal to 1",
        ),
        invalid(
            "3 before 4: a bad projection for a missing table",
            "BatchGetItem",
            json!({"RequestItems": {MISSING: {"Keys": [key()], "ProjectionExpression": "a,"}}}),
            "Invalid ProjectionExpression: Syntax error; token: \"<EOF>\", near: \",\"",
        ),
        invalid(
            "3 before 4: a bad number in an existing table's key, another table missing",
            "BatchGetItem",
            json!({"RequestItems": {
                MISSING: {"Keys": [key()]},
                TABLE: {"Keys": [{"pk": {"N": "x"}, "sk": {"S": "b"}}]}
            }}),
            "The parameter cannot be converted to a numeric value: x",
        ),
        not_found(
            "4 before 5: a missing table and a key of the wrong attributes",
            "BatchGetItem",
            json!({"RequestItems": {MISSING: {"Keys": [wrong_key()]}}}),
        ),
        invalid(
            "5: a key of the wrong attributes",
            "BatchGetItem",
            json!({"RequestItems": {TABLE: {"Keys": [wrong_key()]}}}),
            KEY_MISMATCH,
        ),
    ])
    .await;
}

#[tokio::test]
async fn transact_get_items() {
    let get = |table: &str, key: Value| json!({"Get": {"TableName": table, "Key": key}});
    check(vec![
        invalid(
            "2 before 3: no table name and a bad projection",
            "TransactGetItems",
            json!({"TransactItems": [{"Get": {"Key": key(), "ProjectionExpression": "a,"}}]}),
            "1 validation error detected: Value null at 'transactItems.1.member.get.tableName' failed to satisfy constraint: Member must not be null",
        ),
        invalid(
            "3 before 4: a bad number in the second get, the first's table missing",
            "TransactGetItems",
            json!({"TransactItems": [
                get(MISSING, key()),
                get(TABLE, json!({"pk": {"N": "x"}, "sk": {"S": "b"}}))
            ]}),
            "The parameter cannot be converted to a numeric value: x",
        ),
        invalid(
            "3 before 4: a bad projection in the second get, the first's table missing",
            "TransactGetItems",
            json!({"TransactItems": [
                get(MISSING, key()),
                {"Get": {"TableName": TABLE, "Key": key(), "ProjectionExpression": "a,"}}
            ]}),
            "Invalid ProjectionExpression: Syntax error; token: \"<EOF>\", near: \",\"",
        ),
        not_found(
            "4 before 5: a key of the wrong attributes in the second get, the first's table missing",
            "TransactGetItems",
            json!({"TransactItems": [get(MISSING, key()), get(TABLE, wrong_key())]}),
        ),
    ])
    .await;
}

#[tokio::test]
async fn transact_write_items() {
    let put = |table: &str, item: Value| json!({"Put": {"TableName": table, "Item": item}});
    check(vec![
        invalid(
            "2 before 3: no item and an oversized item elsewhere",
            "TransactWriteItems",
            json!({"TransactItems": [{"Put": {"TableName": MISSING}}, put(MISSING, oversized())]}),
            "1 validation error detected: Value null at 'transactItems.1.member.put.item' failed to satisfy constraint: Member must not be null",
        ),
        invalid(
            "3 before 4: an oversized item in the second action, the first's table missing",
            "TransactWriteItems",
            json!({"TransactItems": [put(MISSING, key()), put(TABLE, oversized())]}),
            TOO_LARGE,
        ),
        invalid(
            "3 before 4: a bad condition in the second action, the first's table missing",
            "TransactWriteItems",
            json!({"TransactItems": [
                put(MISSING, key()),
                {"ConditionCheck": {"TableName": TABLE, "Key": key(), "ConditionExpression": "a ="}}
            ]}),
            SYNTAX,
        ),
        invalid(
            "3 before 4: two kinds in the second action, the first's table missing",
            "TransactWriteItems",
            json!({"TransactItems": [
                put(MISSING, key()),
                {"Put": {"TableName": TABLE, "Item": key()},
                 "Delete": {"TableName": TABLE, "Key": key()}}
            ]}),
            "TransactItems can only contain one of Check, Put, Update or Delete",
        ),
        not_found(
            "4 before 5: a key of the wrong attributes in the second action, the first's table missing",
            "TransactWriteItems",
            json!({"TransactItems": [
                put(MISSING, key()),
                {"Delete": {"TableName": TABLE, "Key": wrong_key()}}
            ]}),
        ),
        invalid(
            "5 before 6: a key of the wrong attributes and a condition check that fails",
            "TransactWriteItems",
            json!({"TransactItems": [
                {"ConditionCheck": {"TableName": TABLE, "Key": key(),
                                    "ConditionExpression": "attribute_not_exists(v)"}},
                {"Delete": {"TableName": TABLE, "Key": wrong_key()}}
            ]}),
            KEY_MISMATCH,
        ),
    ])
    .await;
}

#[tokio::test]
async fn create_table() {
    let create = |name: &str, defs: Value, ks: Value| {
        json!({"TableName": name, "AttributeDefinitions": defs, "KeySchema": ks,
               "BillingMode": "PAY_PER_REQUEST"})
    };
    let defs = json!([{"AttributeName": "pk", "AttributeType": "S"}]);
    let hash = json!([{"AttributeName": "pk", "KeyType": "HASH"}]);
    check(vec![
        invalid(
            "2 before 2: two constraints in member order",
            "CreateTable",
            json!({"TableName": "ab", "AttributeDefinitions": defs, "KeySchema": hash,
                   "BillingMode": "FREE"}),
            "2 validation errors detected: Value 'ab' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3; Value 'FREE' at 'billingMode' failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]",
        ),
        invalid(
            "2 before 4: a bad billing mode for a table that exists",
            "CreateTable",
            json!({"TableName": TABLE, "AttributeDefinitions": defs, "KeySchema": hash,
                   "BillingMode": "FREE"}),
            "1 validation error detected: Value 'FREE' at 'billingMode' failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]",
        ),
        invalid(
            "3 before 4: a key attribute not defined, for a table that exists",
            "CreateTable",
            create(TABLE, defs.clone(), json!([{"AttributeName": "x", "KeyType": "HASH"}])),
            "One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [x], AttributeDefinitions: [pk]",
        ),
        invalid(
            "3 before 4: an attribute defined twice, for a table that exists",
            "CreateTable",
            create(
                TABLE,
                json!([{"AttributeName": "pk", "AttributeType": "S"},
                       {"AttributeName": "pk", "AttributeType": "N"}]),
                hash.clone(),
            ),
            "Cannot have two attributes with the same name",
        ),
        row(
            "4: a table that exists",
            "CreateTable",
            create(TABLE, defs.clone(), hash.clone()),
            "ResourceInUseException",
            "Table already exists: tbl",
        ),
    ])
    .await;
}

#[tokio::test]
async fn update_table() {
    check(vec![
        invalid(
            "2 before 4: a bad stream view type for a missing table",
            "UpdateTable",
            json!({"TableName": MISSING,
                   "StreamSpecification": {"StreamEnabled": true, "StreamViewType": "Fisk"}}),
            "1 validation error detected: Value 'Fisk' at 'streamSpecification.streamViewType' failed to satisfy constraint: Member must satisfy enum value set: [OLD_IMAGE, KEYS_ONLY, NEW_AND_OLD_IMAGES, NEW_IMAGE]",
        ),
        invalid(
            "3 before 4: nothing to update, on a missing table",
            "UpdateTable",
            json!({"TableName": MISSING}),
            "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates, SSESpecification, ReplicaUpdates, MultiAccountReplicaReady, ReplicaTransitRoleArn, MultiRegionConsistency, DeletionProtectionEnabled, OnDemandThroughput, WarmThroughput or TableClass is required",
        ),
        invalid(
            "3 before 4: throughput with on-demand billing, on a missing table",
            "UpdateTable",
            json!({"TableName": MISSING, "BillingMode": "PAY_PER_REQUEST",
                   "ProvisionedThroughput": {"ReadCapacityUnits": 1, "WriteCapacityUnits": 1}}),
            "One or more parameter values were invalid: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST",
        ),
        row(
            "4 before 5: a missing table and an index it cannot have",
            "UpdateTable",
            json!({"TableName": MISSING, "GlobalSecondaryIndexUpdates": [{"Delete": {"IndexName": "unknown"}}]}),
            "ResourceNotFoundException",
            "Requested resource not found: Table: nope not found",
        ),
    ])
    .await;
}
