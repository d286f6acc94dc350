//! Behaviour where ddbmock used to differ from DynamoDB (issue #16, part 4), one row per case: the
//! request as JSON through the codec, and the exact answer (type and message, or the items after
//! and the capacity consumed).

use ddbmock_core::protocol::handle;
use ddbmock_engine::Engine;
use serde_json::{Value, json};

/// A memory engine spoken to in DynamoDB's JSON.
struct Db(Engine);

impl Db {
    fn new() -> Self {
        Db(Engine::memory())
    }

    /// The response body, or the error's short type name and message.
    async fn call(&self, op: &str, body: Value) -> Result<Value, (String, String)> {
        let target = format!("DynamoDB_20120810.{op}");
        let response = handle(&self.0, Some(&target), body.to_string().as_bytes()).await;
        let body: Value = serde_json::from_slice(&response.body).unwrap();
        if response.status == 200 {
            return Ok(body);
        }
        let ty = body["__type"].as_str().unwrap_or_default();
        let ty = ty.rsplit('#').next().unwrap_or_default().to_owned();
        let message = body["message"]
            .as_str()
            .or_else(|| body["Message"].as_str())
            .unwrap_or_default()
            .to_owned();
        Err((ty, message))
    }

    async fn ok(&self, op: &str, body: Value) -> Value {
        match self.call(op, body.clone()).await {
            Ok(v) => v,
            Err(e) => panic!("{op} {body}: {e:?}"),
        }
    }

    /// A table `tbl` keyed by `pk` (S), provisioned at 5/5.
    async fn hash_table(&self) {
        self.ok(
            "CreateTable",
            json!({
                "TableName": "tbl",
                "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
                "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
                "ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5}
            }),
        )
        .await;
    }

    async fn put(&self, item: Value) {
        self.ok("PutItem", json!({"TableName": "tbl", "Item": item}))
            .await;
    }

    /// The item at `key` in table `tbl`, or `Null`.
    async fn get(&self, key: Value) -> Value {
        let out = self
            .ok(
                "GetItem",
                json!({"TableName": "tbl", "Key": key, "ConsistentRead": true}),
            )
            .await;
        out.get("Item").cloned().unwrap_or(Value::Null)
    }
}

/// What a request answered: nothing to compare, or the error's type and message.
type Answer = Result<(), (String, String)>;

fn validation(message: &str) -> Answer {
    Err(("ValidationException".to_owned(), message.to_owned()))
}

fn outcome(r: Result<Value, (String, String)>) -> Answer {
    r.map(|_| ())
}

#[tokio::test]
async fn an_update_that_only_removes_creates_no_item() {
    // (members besides TableName and Key, the item after: Null when none was created).
    let cases: Vec<(Value, Value)> = vec![
        (json!({"UpdateExpression": "REMOVE a"}), Value::Null),
        (json!({"UpdateExpression": "REMOVE a, b.c"}), Value::Null),
        (
            json!({"UpdateExpression": "DELETE s :s", "ExpressionAttributeValues": {":s": {"SS": ["x"]}}}),
            Value::Null,
        ),
        (
            json!({"UpdateExpression": "REMOVE a DELETE s :s", "ExpressionAttributeValues": {":s": {"SS": ["x"]}}}),
            Value::Null,
        ),
        (
            json!({"AttributeUpdates": {"a": {"Action": "DELETE"}}}),
            Value::Null,
        ),
        (
            json!({"AttributeUpdates": {"a": {"Action": "DELETE"}, "s": {"Action": "DELETE", "Value": {"SS": ["x"]}}}}),
            Value::Null,
        ),
        (
            json!({"UpdateExpression": "REMOVE a", "ConditionExpression": "attribute_not_exists(pk)"}),
            Value::Null,
        ),
        // Any action that writes a value creates the item; so does an update with no action at all.
        (
            json!({"UpdateExpression": "REMOVE a SET b = :b", "ExpressionAttributeValues": {":b": {"S": "v"}}}),
            json!({"pk": {"S": "k"}, "b": {"S": "v"}}),
        ),
        (
            json!({"AttributeUpdates": {"a": {"Action": "DELETE"}, "n": {"Action": "ADD", "Value": {"N": "5"}}}}),
            json!({"pk": {"S": "k"}, "n": {"N": "5"}}),
        ),
        (json!({}), json!({"pk": {"S": "k"}})),
        (json!({"AttributeUpdates": {}}), json!({"pk": {"S": "k"}})),
    ];
    for (members, after) in cases {
        let db = Db::new();
        db.hash_table().await;
        let mut request = members.clone();
        request["TableName"] = json!("tbl");
        request["Key"] = json!({"pk": {"S": "k"}});
        request["ReturnValues"] = json!("ALL_NEW");
        request["ReturnConsumedCapacity"] = json!("TOTAL");
        let out = db.ok("UpdateItem", request).await;
        assert_eq!(db.get(json!({"pk": {"S": "k"}})).await, after, "{members}");
        assert_eq!(
            out.get("Attributes").cloned().unwrap_or(Value::Null),
            after,
            "{members}"
        );
        // Billed as a write either way.
        assert_eq!(
            out["ConsumedCapacity"],
            json!({"TableName": "tbl", "CapacityUnits": 1.0, "WriteCapacityUnits": 1.0}),
            "{members}"
        );
    }
}

#[tokio::test]
async fn legacy_eq_and_ne_take_every_type() {
    let stored = json!({
        "pk": {"S": "k"},
        "l": {"L": [{"S": "a"}, {"N": "1"}]},
        "m": {"M": {"x": {"BOOL": true}}},
        "b": {"BOOL": false},
        "z": {"NULL": true}
    });
    // (attribute, operator, value, whether the condition holds).
    let cases: Vec<(&str, &str, Value, bool)> = vec![
        ("l", "EQ", json!({"L": [{"S": "a"}, {"N": "1"}]}), true),
        ("l", "EQ", json!({"L": [{"N": "1"}, {"S": "a"}]}), false),
        ("l", "NE", json!({"L": [{"S": "a"}]}), true),
        ("l", "NE", json!({"L": [{"S": "a"}, {"N": "1"}]}), false),
        ("m", "EQ", json!({"M": {"x": {"BOOL": true}}}), true),
        ("m", "EQ", json!({"M": {"x": {"BOOL": false}}}), false),
        ("m", "NE", json!({"M": {}}), true),
        ("b", "EQ", json!({"BOOL": false}), true),
        ("b", "EQ", json!({"BOOL": true}), false),
        ("b", "NE", json!({"BOOL": true}), true),
        ("z", "EQ", json!({"NULL": true}), true),
        ("missing", "EQ", json!({"BOOL": true}), false),
        ("missing", "NE", json!({"L": []}), true),
    ];
    for (attr, op, value, holds) in cases {
        let db = Db::new();
        db.hash_table().await;
        db.put(stored.clone()).await;
        for (param, request) in [
            (
                "Expected",
                json!({"TableName": "tbl", "Item": stored, "Expected": {attr: {"ComparisonOperator": op, "AttributeValueList": [value]}}}),
            ),
            (
                "Expected.Value",
                json!({"TableName": "tbl", "Item": stored, "Expected": {attr: {"ComparisonOperator": op, "Value": value}}}),
            ),
        ] {
            let got = outcome(db.call("PutItem", request).await);
            let want = if holds {
                Ok(())
            } else {
                Err((
                    "ConditionalCheckFailedException".to_owned(),
                    "The conditional request failed".to_owned(),
                ))
            };
            assert_eq!(got, want, "{param} {attr} {op} {value}");
        }
        let scanned = db
            .ok(
                "Scan",
                json!({"TableName": "tbl", "ScanFilter": {attr: {"ComparisonOperator": op, "AttributeValueList": [value]}}}),
            )
            .await;
        assert_eq!(
            scanned["Count"],
            json!(u8::from(holds)),
            "ScanFilter {attr} {op} {value}"
        );
    }
    // The other operators still refuse those types.
    let db = Db::new();
    db.hash_table().await;
    assert_eq!(
        outcome(
            db.call(
                "Scan",
                json!({"TableName": "tbl", "ScanFilter": {"l": {"ComparisonOperator": "GT", "AttributeValueList": [{"L": []}]}}}),
            )
            .await
        ),
        validation(
            "One or more parameter values were invalid: ComparisonOperator GT is not valid for L AttributeValue type"
        )
    );
}

#[tokio::test]
async fn legacy_add_appends_to_a_list() {
    // (the item before, the ADD's value, the attribute after).
    let cases: Vec<(Value, Value, Value)> = vec![
        (
            json!({"pk": {"S": "k"}, "l": {"L": [{"S": "a"}, {"N": "1"}]}}),
            json!({"L": [{"S": "b"}, {"N": "1"}]}),
            json!({"L": [{"S": "a"}, {"N": "1"}, {"S": "b"}, {"N": "1"}]}),
        ),
        (
            json!({"pk": {"S": "k"}, "l": {"L": []}}),
            json!({"L": [{"M": {}}]}),
            json!({"L": [{"M": {}}]}),
        ),
        // On a missing attribute, and on a missing item, ADD writes the list.
        (
            json!({"pk": {"S": "k"}}),
            json!({"L": [{"S": "a"}]}),
            json!({"L": [{"S": "a"}]}),
        ),
        (Value::Null, json!({"L": []}), json!({"L": []})),
    ];
    for (before, value, after) in cases {
        let db = Db::new();
        db.hash_table().await;
        if !before.is_null() {
            db.put(before.clone()).await;
        }
        let out = db
            .ok(
                "UpdateItem",
                json!({
                    "TableName": "tbl",
                    "Key": {"pk": {"S": "k"}},
                    "AttributeUpdates": {"l": {"Action": "ADD", "Value": value}},
                    "ReturnValues": "UPDATED_NEW"
                }),
            )
            .await;
        assert_eq!(
            out["Attributes"],
            json!({ "l": after }),
            "{before} + {value}"
        );
        assert_eq!(
            db.get(json!({"pk": {"S": "k"}})).await["l"],
            after,
            "{before} + {value}"
        );
    }
    // ADD onto a value of another type is refused, the item unchanged.
    let db = Db::new();
    db.hash_table().await;
    db.put(json!({"pk": {"S": "k"}, "l": {"S": "x"}})).await;
    assert_eq!(
        outcome(
            db.call(
                "UpdateItem",
                json!({"TableName": "tbl", "Key": {"pk": {"S": "k"}}, "AttributeUpdates": {"l": {"Action": "ADD", "Value": {"L": []}}}}),
            )
            .await
        ),
        validation("One or more parameter values were invalid: Type mismatch for attribute to update")
    );
    assert_eq!(
        db.get(json!({"pk": {"S": "k"}})).await["l"],
        json!({"S": "x"})
    );
}

#[tokio::test]
async fn sets_beyond_a_lists_end_append_in_the_order_of_their_indexes() {
    let list = |xs: &[&str]| json!({"L": xs.iter().map(|x| json!({"S": x})).collect::<Vec<_>>()});
    // (the update on `l` = [a, b], the list after).
    let cases: Vec<(&str, Value)> = vec![
        ("SET l[5] = :x", list(&["a", "b", "x"])),
        ("SET l[9] = :x, l[5] = :y", list(&["a", "b", "y", "x"])),
        ("SET l[5] = :y, l[9] = :x", list(&["a", "b", "y", "x"])),
        ("SET l[2] = :x, l[3] = :y", list(&["a", "b", "x", "y"])),
        ("SET l[3] = :y, l[2] = :x", list(&["a", "b", "x", "y"])),
        ("SET l[0] = :x, l[7] = :y", list(&["x", "b", "y"])),
        (
            "SET l[8] = :x, l[1] = :y, l[4] = :z",
            list(&["a", "y", "z", "x"]),
        ),
    ];
    for (expression, after) in cases {
        let db = Db::new();
        db.hash_table().await;
        db.put(json!({"pk": {"S": "k"}, "l": list(&["a", "b"])}))
            .await;
        let values: serde_json::Map<String, Value> = [":x", ":y", ":z"]
            .into_iter()
            .filter(|v| expression.contains(v))
            .map(|v| (v.to_owned(), json!({"S": &v[1..]})))
            .collect();
        db.ok(
            "UpdateItem",
            json!({
                "TableName": "tbl",
                "Key": {"pk": {"S": "k"}},
                "UpdateExpression": expression,
                "ExpressionAttributeValues": values
            }),
        )
        .await;
        assert_eq!(
            db.get(json!({"pk": {"S": "k"}})).await["l"],
            after,
            "{expression}"
        );
    }
}

#[tokio::test]
async fn update_table_that_changes_nothing_is_refused() {
    let db = Db::new();
    db.hash_table().await;
    let cases: Vec<(Value, Answer)> = vec![(
        json!({"ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5}}),
        validation(
            "The provisioned throughput for the table will not change. The requested value equals the current value. Current ReadCapacityUnits provisioned for the table: 5. Requested ReadCapacityUnits: 5. Current WriteCapacityUnits provisioned for the table: 5. Requested WriteCapacityUnits: 5. Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.",
        ),
    )];
    for (members, want) in cases {
        let mut request = members.clone();
        request["TableName"] = json!("tbl");
        assert_eq!(
            outcome(db.call("UpdateTable", request).await),
            want,
            "{members}"
        );
    }
    let described = db.ok("DescribeTable", json!({"TableName": "tbl"})).await;
    assert_eq!(described["Table"]["TableStatus"], json!("ACTIVE"));
}

#[tokio::test]
async fn scan_segment_needs_total_segments() {
    let db = Db::new();
    db.hash_table().await;
    let missing_total = validation(
        "The TotalSegments parameter is required but was not present in the request when Segment parameter is present",
    );
    let cases: Vec<(Value, Answer)> = vec![
        (json!({"Segment": 0}), missing_total.clone()),
        (json!({"Segment": 1}), missing_total),
        (
            json!({"TotalSegments": 2}),
            validation(
                "The Segment parameter is required but was not present in the request when parameter TotalSegments is present",
            ),
        ),
        (json!({"Segment": 0, "TotalSegments": 1}), Ok(())),
    ];
    for (members, want) in cases {
        let mut request = members.clone();
        request["TableName"] = json!("tbl");
        assert_eq!(outcome(db.call("Scan", request).await), want, "{members}");
    }
}

#[tokio::test]
async fn transact_get_with_an_empty_key_is_cancelled() {
    let db = Db::new();
    db.hash_table().await;
    db.put(json!({"pk": {"S": "k"}})).await;
    let got = db
        .call(
            "TransactGetItems",
            json!({"TransactItems": [
                {"Get": {"TableName": "tbl", "Key": {"pk": {"S": "k"}}}},
                {"Get": {"TableName": "tbl", "Key": {}}}
            ]}),
        )
        .await;
    assert_eq!(
        outcome(got),
        Err((
            "TransactionCanceledException".to_owned(),
            "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ValidationError]".to_owned()
        ))
    );
    let response = handle(
        &db.0,
        Some("DynamoDB_20120810.TransactGetItems"),
        json!({"TransactItems": [{"Get": {"TableName": "tbl", "Key": {}}}]})
            .to_string()
            .as_bytes(),
    )
    .await;
    let body: Value = serde_json::from_slice(&response.body).unwrap();
    assert_eq!(
        body["CancellationReasons"],
        json!([{"Code": "ValidationError", "Message": "The provided key element does not match the schema"}])
    );
    // A key of other attributes is no cancellation.
    assert_eq!(
        outcome(
            db.call(
                "TransactGetItems",
                json!({"TransactItems": [{"Get": {"TableName": "tbl", "Key": {"x": {"S": "k"}}}}]}),
            )
            .await
        ),
        validation("The provided key element does not match the schema")
    );
}

#[tokio::test]
async fn a_local_index_query_that_fetches_from_the_table_bills_the_table() {
    let db = Db::new();
    db.ok(
        "CreateTable",
        json!({
            "TableName": "tbl",
            "AttributeDefinitions": [
                {"AttributeName": "pk", "AttributeType": "S"},
                {"AttributeName": "sk", "AttributeType": "S"},
                {"AttributeName": "lsk", "AttributeType": "S"}
            ],
            "KeySchema": [
                {"AttributeName": "pk", "KeyType": "HASH"},
                {"AttributeName": "sk", "KeyType": "RANGE"}
            ],
            "LocalSecondaryIndexes": [{
                "IndexName": "by_lsk",
                "KeySchema": [
                    {"AttributeName": "pk", "KeyType": "HASH"},
                    {"AttributeName": "lsk", "KeyType": "RANGE"}
                ],
                "Projection": {"ProjectionType": "KEYS_ONLY"}
            }],
            "ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5}
        }),
    )
    .await;
    // Three items of about 3 KB each (pk, sk, lsk: 3 + 3 + 4 bytes; "big": 3 + 3000 bytes), whose
    // index entries are 10 bytes each.
    for n in 0..3 {
        db.put(json!({
            "pk": {"S": "p"},
            "sk": {"S": format!("s{n}")},
            "lsk": {"S": format!("l{n}")},
            "big": {"S": "x".repeat(3000)}
        }))
        .await;
    }
    let query = |select: &str, consistent: bool| {
        json!({
            "TableName": "tbl",
            "IndexName": "by_lsk",
            "KeyConditionExpression": "pk = :p",
            "ExpressionAttributeValues": {":p": {"S": "p"}},
            "Select": select,
            "ConsistentRead": consistent,
            "ReturnConsumedCapacity": "INDEXES"
        })
    };
    // (Select, ConsistentRead, units on the table, units on the index). The index entries (30
    // bytes) round up to one unit; the items fetched from the table (9,057 bytes) to three.
    let cases: Vec<(&str, bool, f64, f64)> = vec![
        ("ALL_ATTRIBUTES", true, 3.0, 1.0),
        ("ALL_ATTRIBUTES", false, 1.5, 0.5),
        ("ALL_PROJECTED_ATTRIBUTES", true, 0.0, 1.0),
        ("COUNT", false, 0.0, 0.5),
    ];
    for (select, consistent, table, index) in cases {
        let out = db.ok("Query", query(select, consistent)).await;
        assert_eq!(out["Count"], json!(3), "{select}");
        let total = table + index;
        let on_table = if table > 0.0 {
            json!({"CapacityUnits": table, "ReadCapacityUnits": table})
        } else {
            json!({"CapacityUnits": 0.0})
        };
        assert_eq!(
            out["ConsumedCapacity"],
            json!({
                "TableName": "tbl",
                "CapacityUnits": total,
                "ReadCapacityUnits": total,
                "Table": on_table,
                "LocalSecondaryIndexes": {"by_lsk": {"CapacityUnits": index, "ReadCapacityUnits": index}}
            }),
            "{select} consistent: {consistent}"
        );
    }
}

#[tokio::test]
async fn an_arn_of_another_account_is_access_denied() {
    let db = Db::new();
    db.hash_table().await;
    let ours = "arn:aws:dynamodb:us-east-1:000000000000:table/tbl";
    let theirs = "arn:aws:dynamodb:us-east-1:111122223333:table/tbl";
    let denied = |action: &str| {
        Err((
            "AccessDeniedException".to_owned(),
            format!(
                "User: arn:aws:iam::000000000000:root is not authorized to perform: dynamodb:{action} on resource: {theirs} because no resource-based policy allows the dynamodb:{action} action"
            ),
        ))
    };
    let tags = json!([{"Key": "k", "Value": "v"}]);
    let cases: Vec<(&str, Value, Answer)> = vec![
        (
            "TagResource",
            json!({"ResourceArn": theirs, "Tags": tags}),
            denied("TagResource"),
        ),
        (
            "UntagResource",
            json!({"ResourceArn": theirs, "TagKeys": ["k"]}),
            denied("UntagResource"),
        ),
        (
            "ListTagsOfResource",
            json!({"ResourceArn": theirs}),
            denied("ListTagsOfResource"),
        ),
        // Item operations take a table ARN as `TableName`: another account's is denied for the
        // operation's IAM action (a transaction's for each action's own).
        (
            "PutItem",
            json!({"TableName": theirs, "Item": {"pk": {"S": "a"}}}),
            denied("PutItem"),
        ),
        (
            "GetItem",
            json!({"TableName": theirs, "Key": {"pk": {"S": "a"}}}),
            denied("GetItem"),
        ),
        (
            "UpdateItem",
            json!({"TableName": theirs, "Key": {"pk": {"S": "a"}}}),
            denied("UpdateItem"),
        ),
        (
            "DeleteItem",
            json!({"TableName": theirs, "Key": {"pk": {"S": "a"}}}),
            denied("DeleteItem"),
        ),
        (
            "Query",
            json!({"TableName": theirs, "KeyConditionExpression": "pk = :a",
                   "ExpressionAttributeValues": {":a": {"S": "a"}}}),
            denied("Query"),
        ),
        ("Scan", json!({"TableName": theirs}), denied("Scan")),
        (
            "BatchGetItem",
            json!({"RequestItems": {theirs: {"Keys": [{"pk": {"S": "a"}}]}}}),
            denied("BatchGetItem"),
        ),
        (
            "BatchWriteItem",
            json!({"RequestItems": {theirs: [{"PutRequest": {"Item": {"pk": {"S": "a"}}}}]}}),
            denied("BatchWriteItem"),
        ),
        (
            "TransactGetItems",
            json!({"TransactItems": [{"Get": {"TableName": theirs, "Key": {"pk": {"S": "a"}}}}]}),
            denied("GetItem"),
        ),
        (
            "TransactWriteItems",
            json!({"TransactItems": [{"ConditionCheck": {"TableName": theirs,
                   "Key": {"pk": {"S": "a"}}, "ConditionExpression": "attribute_exists(pk)"}}]}),
            denied("ConditionCheckItem"),
        ),
        // Our own ARN is our table.
        (
            "PutItem",
            json!({"TableName": ours, "Item": {"pk": {"S": "ours"}}}),
            Ok(()),
        ),
        // Ours is found; an ARN that is no table's is refused as before.
        ("ListTagsOfResource", json!({"ResourceArn": ours}), Ok(())),
        (
            "ListTagsOfResource",
            json!({"ResourceArn": "arn:aws:dynamodb:us-east-1:111122223333:nope"}),
            validation(
                "Invalid TableArn: Invalid ResourceArn provided as input arn:aws:dynamodb:us-east-1:111122223333:nope",
            ),
        ),
    ];
    for (op, request, want) in cases {
        assert_eq!(
            outcome(db.call(op, request.clone()).await),
            want,
            "{op} {request}"
        );
    }
    let listed = db
        .ok("ListTagsOfResource", json!({"ResourceArn": ours}))
        .await;
    assert_eq!(listed["Tags"], json!([]));
    // Nothing denied was written: the one item is the one put through our own ARN.
    let scanned = db.ok("Scan", json!({"TableName": "tbl"})).await;
    assert_eq!(scanned["Items"], json!([{"pk": {"S": "ours"}}]));
}
