//! Issue #16, part 2: where DynamoDB's answer is worded today, one row per request, each asserting
//! the exact type and message and that the refused request changed nothing. Also the table ARN,
//! which item operations take in place of the name.

mod texts_support;

use serde_json::{Value, json};
use texts_support::*;

fn key() -> Value {
    json!({"pk": {"S": "a"}, "sk": {"S": "b"}})
}

fn definitions(names: &[(&str, &str)]) -> Value {
    names
        .iter()
        .map(|(n, t)| json!({"AttributeName": n, "AttributeType": t}))
        .collect()
}

fn key_schema(names: &[(&str, &str)]) -> Value {
    names
        .iter()
        .map(|(n, t)| json!({"AttributeName": n, "KeyType": t}))
        .collect()
}

fn create(name: &str, defs: Value, ks: Value) -> Value {
    json!({
        "TableName": name,
        "AttributeDefinitions": defs,
        "KeySchema": ks,
        "BillingMode": "PAY_PER_REQUEST"
    })
}

fn query(condition: &str) -> Value {
    json!({
        "TableName": TABLE,
        "KeyConditionExpression": condition,
        "ExpressionAttributeValues": {":p": {"S": "a"}}
    })
}

const LIMIT_1024: &str = "Member must have length less than or equal to 1024";

#[tokio::test]
async fn texts_are_todays() {
    let long_name = "t".repeat(1025);
    let many_keys: Vec<Value> = (0..101)
        .map(|i| json!({"pk": {"S": format!("k{i}")}, "sk": {"S": "b"}}))
        .collect();
    check(vec![
        invalid(
            "CreateTable with three key schema elements",
            "CreateTable",
            create(
                "new",
                definitions(&[("pk", "S"), ("sk", "S"), ("x", "S")]),
                key_schema(&[("pk", "HASH"), ("sk", "RANGE"), ("x", "RANGE")]),
            ),
            "1 validation error detected: Value '[KeySchemaElement(attributeName=pk, keyType=HASH), KeySchemaElement(attributeName=sk, keyType=RANGE), KeySchemaElement(attributeName=x, keyType=RANGE)]' at 'keySchema' failed to satisfy constraint: Member must have length less than or equal to 2",
        ),
        invalid(
            "Query with Limit 0: no value quoted, the wire's member name",
            "Query",
            json!({
                "TableName": TABLE,
                "KeyConditionExpression": "pk = :p",
                "ExpressionAttributeValues": {":p": {"S": "a"}},
                "Limit": 0
            }),
            "1 validation error detected: Value at 'Limit' failed to satisfy constraint: Member must have value greater than or equal to 1",
        ),
        invalid(
            "Scan with Limit 0 keeps the older wording",
            "Scan",
            json!({"TableName": TABLE, "Limit": 0}),
            "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1",
        ),
        invalid(
            "BatchGetItem with 101 keys for one table",
            "BatchGetItem",
            json!({"RequestItems": {TABLE: {"Keys": many_keys}}}),
            "1 validation error detected: Value at 'RequestItems.tbl.member.Keys' failed to satisfy constraint: Member must have length less than or equal to 100",
        ),
        invalid(
            "GetItem: a table name over 1024 characters",
            "GetItem",
            json!({"TableName": long_name, "Key": key()}),
            format!(
                "1 validation error detected: Value '{long_name}' at 'tableName' failed to satisfy constraint: {LIMIT_1024}"
            ),
        ),
        invalid(
            "PutItem: an empty table name",
            "PutItem",
            json!({"TableName": "", "Item": key()}),
            "1 validation error detected: Value '' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 1",
        ),
        row(
            "GetItem: a one-character name breaks no constraint, the table is missing",
            "GetItem",
            json!({"TableName": "t", "Key": key()}),
            "ResourceNotFoundException",
            "Requested resource not found",
        ),
        row(
            "DeleteItem: a name outside the pattern breaks no constraint either",
            "DeleteItem",
            json!({"TableName": "a$b", "Key": key()}),
            "ResourceNotFoundException",
            "Requested resource not found",
        ),
        row(
            "Query: the ARN of a missing table",
            "Query",
            json!({
                "TableName": "arn:aws:dynamodb:us-east-1:000000000000:table/nope",
                "KeyConditionExpression": "pk = :p",
                "ExpressionAttributeValues": {":p": {"S": "a"}}
            }),
            "ResourceNotFoundException",
            "Requested resource not found",
        ),
        invalid(
            "TransactWriteItems: an empty table name",
            "TransactWriteItems",
            json!({"TransactItems": [{"Put": {"TableName": "", "Item": key()}}]}),
            "1 validation error detected: Value '' at 'transactItems.1.member.put.tableName' failed to satisfy constraint: Member must have length greater than or equal to 1",
        ),
        invalid(
            "CreateTable keeps 3 to 255 characters",
            "CreateTable",
            create("ab", definitions(&[("pk", "S")]), key_schema(&[("pk", "HASH")])),
            "1 validation error detected: Value 'ab' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3",
        ),
        invalid(
            "CreateTable keeps the pattern",
            "CreateTable",
            create("a$bc", definitions(&[("pk", "S")]), key_schema(&[("pk", "HASH")])),
            "1 validation error detected: Value 'a$bc' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+",
        ),
        invalid(
            "CreateTable naming one attribute as both keys",
            "CreateTable",
            create(
                "new",
                definitions(&[("pk", "S")]),
                key_schema(&[("pk", "HASH"), ("pk", "RANGE")]),
            ),
            "Both the Hash Key and the Range Key element in the KeySchema have the same name",
        ),
        invalid(
            "KeyConditionExpression on a nested attribute: no prefix",
            "Query",
            query("pk.x = :p"),
            "KeyConditionExpressions cannot have conditions on nested attributes",
        ),
        invalid(
            "KeyConditionExpression nesting an operation: no prefix",
            "Query",
            query("size(pk) = :p"),
            "KeyConditionExpressions cannot contain nested operations",
        ),
        invalid(
            "KeyConditionExpression with another operator keeps the prefix",
            "Query",
            query("pk = :p OR sk = :p"),
            "Invalid KeyConditionExpression: Invalid operator used in KeyConditionExpression: OR",
        ),
    ])
    .await;
}

#[tokio::test]
async fn batch_write_over_25_for_one_table_quotes_the_map() {
    let db = engine().await;
    let before = snapshot(&db).await;
    let requests: Vec<Value> = (0..26)
        .map(|i| json!({"PutRequest": {"Item": {"pk": {"S": format!("k{i}")}, "sk": {"S": "b"}}}}))
        .collect();
    let (status, answer) = call(
        &db,
        "BatchWriteItem",
        &json!({"RequestItems": {TABLE: requests}}),
    )
    .await;
    assert_eq!(status, 400);
    assert_eq!(
        answer["__type"],
        "com.amazon.coral.validate#ValidationException"
    );
    let message = answer["message"].as_str().unwrap();
    // Java prints each attribute value as its class and identity hash, which differ per request:
    // the rest of the text is exact, and each request is quoted in order.
    let request = |n: usize| {
        format!(
            "WriteRequest(putRequest=PutRequest(item={{pk=com.amazonaws.dynamodb.v20120810.AttributeValue@{h1:x}, sk=com.amazonaws.dynamodb.v20120810.AttributeValue@{h2:x}}}, workloadProfileName=null), deleteRequest=null)",
            h1 = hash_of(message, n, 0),
            h2 = hash_of(message, n, 1),
        )
    };
    let quoted: Vec<String> = (0..26).map(request).collect();
    assert_eq!(
        message,
        format!(
            "1 validation error detected: Value '{{tbl=[{}]}}' at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]",
            quoted.join(", ")
        )
    );
    assert_eq!(snapshot(&db).await, before);
}

/// The `k`-th identity hash of the `n`-th quoted request in `message`.
fn hash_of(message: &str, n: usize, k: usize) -> u32 {
    let marker = "AttributeValue@";
    let hex = message.split(marker).nth(1 + n * 2 + k).unwrap();
    let end = hex.find(|c: char| !c.is_ascii_hexdigit()).unwrap();
    u32::from_str_radix(&hex[..end], 16).unwrap()
}

#[tokio::test]
async fn a_table_arn_works_in_every_data_plane_operation() {
    let db = engine().await;
    let arn = "arn:aws:dynamodb:us-east-1:000000000000:table/tbl";
    let item = json!({"pk": {"S": "arn"}, "sk": {"S": "1"}, "v": {"S": "x"}});
    let arn_key = json!({"pk": {"S": "arn"}, "sk": {"S": "1"}});
    ok(&db, "PutItem", json!({"TableName": arn, "Item": item})).await;
    let got = ok(&db, "GetItem", json!({"TableName": TABLE, "Key": arn_key})).await;
    assert_eq!(got["Item"], item, "written by ARN, read by name");
    let got = ok(&db, "GetItem", json!({"TableName": arn, "Key": arn_key})).await;
    assert_eq!(got["Item"], item);
    ok(
        &db,
        "UpdateItem",
        json!({"TableName": arn, "Key": arn_key, "UpdateExpression": "SET v = :v",
            "ExpressionAttributeValues": {":v": {"S": "y"}}}),
    )
    .await;
    let queried = ok(
        &db,
        "Query",
        json!({"TableName": arn, "KeyConditionExpression": "pk = :p",
            "ExpressionAttributeValues": {":p": {"S": "arn"}}}),
    )
    .await;
    assert_eq!(queried["Items"][0]["v"], json!({"S": "y"}));
    let scanned = ok(&db, "Scan", json!({"TableName": arn})).await;
    assert_eq!(scanned["Count"], 2);
    let got = ok(
        &db,
        "BatchGetItem",
        json!({"RequestItems": {arn: {"Keys": [arn_key]}}}),
    )
    .await;
    assert_eq!(got["Responses"][arn][0]["v"], json!({"S": "y"}));
    ok(
        &db,
        "BatchWriteItem",
        json!({"RequestItems": {arn: [{"PutRequest": {"Item": {"pk": {"S": "arn"}, "sk": {"S": "2"}}}}]}}),
    )
    .await;
    let got = ok(
        &db,
        "TransactGetItems",
        json!({"TransactItems": [{"Get": {"TableName": arn, "Key": {"pk": {"S": "arn"}, "sk": {"S": "2"}}}}]}),
    )
    .await;
    assert_eq!(got["Responses"][0]["Item"]["sk"], json!({"S": "2"}));
    ok(
        &db,
        "TransactWriteItems",
        json!({"TransactItems": [{"Delete": {"TableName": arn, "Key": {"pk": {"S": "arn"}, "sk": {"S": "2"}}}}]}),
    )
    .await;
    ok(&db, "DeleteItem", json!({"TableName": arn, "Key": arn_key})).await;
    let scanned = ok(&db, "Scan", json!({"TableName": TABLE})).await;
    assert_eq!(scanned["Count"], 1, "only the seeded item is left");
}
