//! Issue #16, part 3: requests ddbmock accepted and DynamoDB refuses, one row per request, each
//! asserting the exact type and message and that the refused request changed nothing.

mod texts_support;

use serde_json::{Value, json};
use texts_support::*;

fn item(extra: Value) -> Value {
    let mut it = json!({"pk": {"S": "n"}, "sk": {"S": "1"}});
    it.as_object_mut()
        .unwrap()
        .extend(extra.as_object().unwrap().clone());
    it
}

fn put(extra: Value) -> Value {
    json!({"TableName": TABLE, "Item": item(extra)})
}

fn key() -> Value {
    json!({"pk": {"S": "a"}, "sk": {"S": "b"}})
}

const HASH_TOO_LARGE: &str = "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes";
const RANGE_TOO_LARGE: &str = "One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes";

#[tokio::test]
async fn index_key_values_over_the_key_limits() {
    let big_hash = "g".repeat(2049);
    let big_range = "l".repeat(1025);
    check(vec![
        invalid(
            "PutItem: a GSI partition key over 2048 bytes",
            "PutItem",
            put(json!({"g": {"S": &big_hash}})),
            HASH_TOO_LARGE,
        ),
        invalid(
            "PutItem: an LSI sort key over 1024 bytes",
            "PutItem",
            put(json!({"l": {"S": &big_range}})),
            RANGE_TOO_LARGE,
        ),
        invalid(
            "UpdateItem: setting a GSI key over the limit on the seeded item",
            "UpdateItem",
            json!({"TableName": TABLE, "Key": key(), "UpdateExpression": "SET g = :g",
                "ExpressionAttributeValues": {":g": {"S": &big_hash}}}),
            HASH_TOO_LARGE,
        ),
        invalid(
            "BatchWriteItem: a put whose LSI key is over the limit",
            "BatchWriteItem",
            json!({"RequestItems": {TABLE: [{"PutRequest": {"Item": item(json!({"l": {"S": &big_range}}))}}]}}),
            RANGE_TOO_LARGE,
        ),
    ])
    .await;
}

#[tokio::test]
async fn index_key_values_at_the_limits_are_indexed() {
    let db = engine().await;
    let g = "g".repeat(2048);
    ok(
        &db,
        "PutItem",
        put(json!({"g": {"S": g}, "l": {"S": "l".repeat(1024)}})),
    )
    .await;
    let found = ok(
        &db,
        "Query",
        json!({"TableName": TABLE, "IndexName": "gsi", "KeyConditionExpression": "g = :g",
            "ExpressionAttributeValues": {":g": {"S": g}}}),
    )
    .await;
    assert_eq!(found["Count"], 1);
}

#[tokio::test]
async fn attribute_names_and_attributes_to_get() {
    let long = "n".repeat(65536);
    let min_1 = "Member must have length greater than or equal to 1";
    check(vec![
        invalid(
            "PutItem: an attribute name of 65536 bytes",
            "PutItem",
            put(json!({long: {"S": "x"}})),
            "1 validation error detected: Attribute name is too large, must be less than 65536 bytes",
        ),
        invalid(
            "GetItem: an empty AttributesToGet",
            "GetItem",
            json!({"TableName": TABLE, "Key": key(), "AttributesToGet": []}),
            format!("1 validation error detected: Value '[]' at 'attributesToGet' failed to satisfy constraint: {min_1}"),
        ),
        invalid(
            "Scan: an empty AttributesToGet",
            "Scan",
            json!({"TableName": TABLE, "AttributesToGet": []}),
            format!("1 validation error detected: Value '[]' at 'attributesToGet' failed to satisfy constraint: {min_1}"),
        ),
        invalid(
            "Query: an empty AttributesToGet",
            "Query",
            json!({"TableName": TABLE, "KeyConditions": {"pk": {"ComparisonOperator": "EQ",
                "AttributeValueList": [{"S": "a"}]}}, "AttributesToGet": []}),
            format!("1 validation error detected: Value '[]' at 'attributesToGet' failed to satisfy constraint: {min_1}"),
        ),
        invalid(
            "BatchGetItem: an empty AttributesToGet",
            "BatchGetItem",
            json!({"RequestItems": {TABLE: {"Keys": [key()], "AttributesToGet": []}}}),
            format!("1 validation error detected: Value '[]' at 'requestItems.tbl.member.attributesToGet' failed to satisfy constraint: {min_1}"),
        ),
        invalid(
            "GetItem: a name twice in AttributesToGet",
            "GetItem",
            json!({"TableName": TABLE, "Key": key(), "AttributesToGet": ["v", "w", "v"]}),
            "One or more parameter values were invalid: Duplicate value in attribute name: v",
        ),
        invalid(
            "BatchGetItem: a name twice in AttributesToGet",
            "BatchGetItem",
            json!({"RequestItems": {TABLE: {"Keys": [key()], "AttributesToGet": ["v", "v"]}}}),
            "One or more parameter values were invalid: Duplicate value in attribute name: v",
        ),
        invalid(
            "Scan: a name twice in AttributesToGet",
            "Scan",
            json!({"TableName": TABLE, "AttributesToGet": ["v", "v"]}),
            "One or more parameter values were invalid: Duplicate value in attribute name: v",
        ),
        invalid(
            "CreateTable: one attribute defined twice with one type",
            "CreateTable",
            json!({"TableName": "new", "BillingMode": "PAY_PER_REQUEST",
                "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"},
                    {"AttributeName": "pk", "AttributeType": "S"}],
                "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}]}),
            "Cannot have two attributes with the same name",
        ),
        invalid(
            "CreateTable: one attribute defined twice with two types",
            "CreateTable",
            json!({"TableName": "new", "BillingMode": "PAY_PER_REQUEST",
                "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"},
                    {"AttributeName": "sk", "AttributeType": "S"},
                    {"AttributeName": "pk", "AttributeType": "N"}],
                "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"},
                    {"AttributeName": "sk", "KeyType": "RANGE"}]}),
            "Cannot have two attributes with the same name",
        ),
        invalid(
            "UpdateTable: one attribute defined twice",
            "UpdateTable",
            json!({"TableName": TABLE,
                "AttributeDefinitions": [{"AttributeName": "h", "AttributeType": "S"},
                    {"AttributeName": "h", "AttributeType": "S"}],
                "GlobalSecondaryIndexUpdates": [{"Create": {"IndexName": "new_gsi",
                    "KeySchema": [{"AttributeName": "h", "KeyType": "HASH"}],
                    "Projection": {"ProjectionType": "ALL"}}}]}),
            "Cannot have two attributes with the same name",
        ),
    ])
    .await;
}

fn not_scalar(which: &str, name: &str) -> String {
    format!(
        "Key attributes must be scalars; list random access '[]' and map lookup '.' are not allowed: {which}: {name}"
    )
}

#[tokio::test]
async fn paths_into_key_attributes() {
    let v = json!({":v": {"S": "x"}});
    check(vec![
        invalid(
            "GetItem: a projection into the partition key",
            "GetItem",
            json!({"TableName": TABLE, "Key": key(), "ProjectionExpression": "v, pk.x"}),
            not_scalar("Key", "pk"),
        ),
        invalid(
            "GetItem: a list index on the sort key through a name",
            "GetItem",
            json!({"TableName": TABLE, "Key": key(), "ProjectionExpression": "#s[0]",
                "ExpressionAttributeNames": {"#s": "sk"}}),
            not_scalar("Key", "sk"),
        ),
        invalid(
            "Scan: a projection into a GSI key",
            "Scan",
            json!({"TableName": TABLE, "ProjectionExpression": "g.x"}),
            not_scalar("IndexKey", "g"),
        ),
        invalid(
            "Scan: a filter into the partition key",
            "Scan",
            json!({"TableName": TABLE, "FilterExpression": "pk[0] = :v", "ExpressionAttributeValues": v}),
            not_scalar("Key", "pk"),
        ),
        invalid(
            "Scan: the table's key is named before an index's",
            "Scan",
            json!({"TableName": TABLE, "FilterExpression": "l.a = :v AND sk.b = :v",
                "ExpressionAttributeValues": v}),
            not_scalar("Key", "sk"),
        ),
        invalid(
            "Query: a filter into an LSI key",
            "Query",
            json!({"TableName": TABLE, "KeyConditionExpression": "pk = :v",
                "FilterExpression": "attribute_exists(l.y)", "ExpressionAttributeValues": v}),
            not_scalar("IndexKey", "l"),
        ),
        invalid(
            "BatchGetItem: a projection into the sort key",
            "BatchGetItem",
            json!({"RequestItems": {TABLE: {"Keys": [key()], "ProjectionExpression": "sk.z"}}}),
            not_scalar("Key", "sk"),
        ),
    ])
    .await;
}

fn tag(body: Value) -> Value {
    json!({"ResourceArn": "arn:aws:dynamodb:us-east-1:000000000000:table/tbl", "Tags": [body]})
}

#[tokio::test]
async fn tag_keys_and_values() {
    let arn = "arn:aws:dynamodb:us-east-1:000000000000:table/tbl";
    let key_129 = "k".repeat(129);
    let value_257 = "v".repeat(257);
    check(vec![
        invalid(
            "TagResource: a tag without Value",
            "TagResource",
            tag(json!({"Key": "a"})),
            "The Tag Value provided is invalid, Value: null",
        ),
        invalid(
            "TagResource: a tag without Key",
            "TagResource",
            tag(json!({"Value": "a"})),
            "The Tag Key provided is invalid, Key: null",
        ),
        invalid(
            "TagResource: an empty key",
            "TagResource",
            tag(json!({"Key": "", "Value": "a"})),
            "The Tag Key provided is invalid, Key: ",
        ),
        invalid(
            "TagResource: a key of 129 characters",
            "TagResource",
            tag(json!({"Key": key_129, "Value": "a"})),
            format!("The Tag Key provided is invalid, Key: {key_129}"),
        ),
        invalid(
            "TagResource: a value of 257 characters",
            "TagResource",
            tag(json!({"Key": "a", "Value": value_257})),
            format!("The Tag Value provided is invalid, Value: {value_257}"),
        ),
        invalid(
            "TagResource: a key with a character tags do not take",
            "TagResource",
            tag(json!({"Key": "a#b", "Value": "a"})),
            "The Tag Key provided is invalid, Key: a#b",
        ),
        invalid(
            "TagResource: a value with a comma",
            "TagResource",
            tag(json!({"Key": "a", "Value": "x, y"})),
            "The Tag Value provided is invalid, Value: x, y",
        ),
        invalid(
            "TagResource: a value with a tab",
            "TagResource",
            tag(json!({"Key": "a", "Value": "x\ty"})),
            "The Tag Value provided is invalid, Value: x\ty",
        ),
        invalid(
            "TagResource: the reserved aws: prefix",
            "TagResource",
            tag(json!({"Key": "aws:x", "Value": "a"})),
            "Tag Key cannot be prefixed with aws:, Key: aws:x",
        ),
        invalid(
            "TagResource: one key twice",
            "TagResource",
            json!({"ResourceArn": arn, "Tags": [{"Key": "a", "Value": "1"}, {"Key": "a", "Value": "2"}]}),
            "Duplicate Tag Keys provided as input: Duplicate Tag Key found a",
        ),
        invalid(
            "UntagResource: no keys",
            "UntagResource",
            json!({"ResourceArn": arn, "TagKeys": []}),
            "Atleast one Tag Key needs to be provided as Input.",
        ),
        invalid(
            "UntagResource: an empty key",
            "UntagResource",
            json!({"ResourceArn": arn, "TagKeys": ["team", ""]}),
            "The Tag Key provided is invalid, Key: ",
        ),
        invalid(
            "CreateTable: a tag without Value creates no table",
            "CreateTable",
            json!({"TableName": "new", "BillingMode": "PAY_PER_REQUEST",
                "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
                "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
                "Tags": [{"Key": "a"}]}),
            "The Tag Value provided is invalid, Value: null",
        ),
    ])
    .await;
}

#[tokio::test]
async fn tags_in_every_script_are_taken() {
    let db = engine().await;
    let arn = "arn:aws:dynamodb:us-east-1:000000000000:table/tbl";
    let tags = json!([{"Key": "Ünïcode ключ 1", "Value": "a_b.c:d/e=f+g-h@i"}, {"Key": "empty", "Value": ""}]);
    ok(
        &db,
        "TagResource",
        json!({"ResourceArn": arn, "Tags": tags}),
    )
    .await;
    let listed = ok(&db, "ListTagsOfResource", json!({"ResourceArn": arn})).await;
    assert_eq!(listed["Tags"].as_array().unwrap().len(), 3);
}

fn update_table(extra: Value) -> Value {
    let mut body = json!({"TableName": TABLE});
    body.as_object_mut()
        .unwrap()
        .extend(extra.as_object().unwrap().clone());
    body
}

fn gsi_create(projection: Value) -> Value {
    update_table(json!({
        "AttributeDefinitions": [{"AttributeName": "h", "AttributeType": "S"}],
        "GlobalSecondaryIndexUpdates": [{"Create": {
            "IndexName": "new_gsi",
            "KeySchema": [{"AttributeName": "h", "KeyType": "HASH"}],
            "Projection": projection
        }}]
    }))
}

fn names(prefix: &str, n: usize) -> Vec<String> {
    (0..n).map(|i| format!("{prefix}{i}")).collect()
}

fn create_with_gsis(projections: Vec<Value>) -> Value {
    let gsis: Vec<Value> = projections
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            json!({"IndexName": format!("gsi{i}"),
                "KeySchema": [{"AttributeName": "h", "KeyType": "HASH"}], "Projection": p})
        })
        .collect();
    json!({"TableName": "new", "BillingMode": "PAY_PER_REQUEST",
        "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"},
            {"AttributeName": "h", "AttributeType": "S"}],
        "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
        "GlobalSecondaryIndexes": gsis})
}

#[tokio::test]
async fn update_table_enums_and_index_projections() {
    let twenty_one = names("a", 21);
    let quoted_21 = format!("'[{}]'", twenty_one.join(", "));
    let long = "n".repeat(256);
    check(vec![
        invalid(
            "UpdateTable: an unknown StreamViewType is refused, not stored",
            "UpdateTable",
            update_table(json!({"StreamSpecification": {"StreamEnabled": true, "StreamViewType": "Fisk"}})),
            "1 validation error detected: Value 'Fisk' at 'streamSpecification.streamViewType' failed to satisfy constraint: Member must satisfy enum value set: [OLD_IMAGE, KEYS_ONLY, NEW_AND_OLD_IMAGES, NEW_IMAGE]",
        ),
        invalid(
            "UpdateTable: an unknown AttributeType",
            "UpdateTable",
            update_table(json!({"AttributeDefinitions": [{"AttributeName": "h", "AttributeType": "X"}],
                "BillingMode": "PAY_PER_REQUEST"})),
            "1 validation error detected: Value 'X' at 'attributeDefinitions.1.member.attributeType' failed to satisfy constraint: Member must satisfy enum value set: [B, N, S]",
        ),
        invalid(
            "UpdateTable: an unknown KeyType and ProjectionType in an index Create",
            "UpdateTable",
            update_table(json!({
                "AttributeDefinitions": [{"AttributeName": "h", "AttributeType": "S"}],
                "GlobalSecondaryIndexUpdates": [{"Create": {
                    "IndexName": "new_gsi",
                    "KeySchema": [{"AttributeName": "h", "KeyType": "PRIMARY"}],
                    "Projection": {"ProjectionType": "SOME"}
                }}]
            })),
            "2 validation errors detected: Value 'PRIMARY' at 'globalSecondaryIndexUpdates.1.member.create.keySchema.1.member.keyType' failed to satisfy constraint: Member must satisfy enum value set: [HASH, RANGE]; Value 'SOME' at 'globalSecondaryIndexUpdates.1.member.create.projection.projectionType' failed to satisfy constraint: Member must satisfy enum value set: [ALL, INCLUDE, KEYS_ONLY]",
        ),
        invalid(
            "UpdateTable: NonKeyAttributes with ALL",
            "UpdateTable",
            gsi_create(json!({"ProjectionType": "ALL", "NonKeyAttributes": ["a"]})),
            "One or more parameter values were invalid: ProjectionType is ALL, but NonKeyAttributes is specified",
        ),
        invalid(
            "UpdateTable: 21 NonKeyAttributes in one index",
            "UpdateTable",
            gsi_create(json!({"ProjectionType": "INCLUDE", "NonKeyAttributes": twenty_one})),
            format!("1 validation error detected: Value {quoted_21} at 'globalSecondaryIndexUpdates.1.member.create.projection.nonKeyAttributes' failed to satisfy constraint: Member must have length less than or equal to 20"),
        ),
        invalid(
            "CreateTable: NonKeyAttributes with ALL",
            "CreateTable",
            create_with_gsis(vec![json!({"ProjectionType": "ALL", "NonKeyAttributes": ["a"]})]),
            "One or more parameter values were invalid: ProjectionType is ALL, but NonKeyAttributes is specified",
        ),
        invalid(
            "CreateTable: NonKeyAttributes with KEYS_ONLY",
            "CreateTable",
            create_with_gsis(vec![json!({"ProjectionType": "KEYS_ONLY", "NonKeyAttributes": ["a"]})]),
            "One or more parameter values were invalid: ProjectionType is KEYS_ONLY, but NonKeyAttributes is specified",
        ),
        invalid(
            "CreateTable: an empty NonKeyAttributes",
            "CreateTable",
            create_with_gsis(vec![json!({"ProjectionType": "INCLUDE", "NonKeyAttributes": []})]),
            "1 validation error detected: Value '[]' at 'globalSecondaryIndexes.1.member.projection.nonKeyAttributes' failed to satisfy constraint: Member must have length greater than or equal to 1",
        ),
        invalid(
            "CreateTable: a projected name of 256 characters",
            "CreateTable",
            create_with_gsis(vec![json!({"ProjectionType": "INCLUDE", "NonKeyAttributes": ["a", long]})]),
            format!("1 validation error detected: Value '[a, {long}]' at 'globalSecondaryIndexes.1.member.projection.nonKeyAttributes' failed to satisfy constraint: Member must satisfy constraint: [Member must have length less than or equal to 255, Member must have length greater than or equal to 1]"),
        ),
        invalid(
            "CreateTable: 101 projected attributes over all indexes",
            "CreateTable",
            create_with_gsis(
                (0..6)
                    .map(|i| {
                        let n = if i == 5 { 1 } else { 20 };
                        json!({"ProjectionType": "INCLUDE", "NonKeyAttributes": names(&format!("i{i}_"), n)})
                    })
                    .collect(),
            ),
            "One or more parameter values were invalid: The number of projected attributes in all indexes exceeds the limit of 100",
        ),
    ])
    .await;
}

#[tokio::test]
async fn a_valid_stream_view_type_is_still_taken() {
    let db = engine().await;
    let updated = ok(
        &db,
        "UpdateTable",
        update_table(
            json!({"StreamSpecification": {"StreamEnabled": true, "StreamViewType": "NEW_IMAGE"}}),
        ),
    )
    .await;
    assert_eq!(
        updated["TableDescription"]["StreamSpecification"]["StreamViewType"],
        "NEW_IMAGE"
    );
}

fn update(expression: &str) -> Value {
    json!({"TableName": TABLE, "Key": key(), "UpdateExpression": expression,
        "ExpressionAttributeValues": {":v": {"S": "x"}, ":nsc": {"N": "1"}},
        "ExpressionAttributeNames": {"#nsla": "n"}})
}

fn syntax(token: &str, near: &str) -> String {
    format!("Invalid UpdateExpression: Syntax error; token: \"{token}\", near: \"{near}\"")
}

#[tokio::test]
async fn tokens_in_update_expressions() {
    check(vec![
        invalid(
            "a number where a path goes, the spacing kept",
            "UpdateItem",
            update("set  0 = :v"),
            syntax("0", "set  0 ="),
        ),
        invalid(
            "a word after an operand",
            "UpdateItem",
            update("SET a = VALUE 1"),
            syntax("1", "VALUE 1"),
        ),
        invalid(
            "characters no token starts with",
            "UpdateItem",
            update("!!"),
            syntax("!", "!!"),
        ),
        invalid(
            "a word that is no clause",
            "UpdateItem",
            update("INVALID SYNTAX HERE"),
            syntax("INVALID", "INVALID SYNTAX"),
        ),
        invalid(
            "a SET assignment after an ADD clause",
            "UpdateItem",
            update("SET a = :v ADD c :nsc, #nsla = :nsc"),
            syntax("=", "#nsla = :nsc"),
        ),
        invalid(
            "a semicolon between actions",
            "UpdateItem",
            update("SET a = :v ; b = :v"),
            syntax(";", ":v ; b"),
        ),
    ])
    .await;
}
