//! Issue #16, part 1, as a property: a request breaking one rule of steps 1 to 3 (protocol, the
//! request's shape, a check that needs no table) never answers `ResourceNotFoundException` when its
//! table is missing, and never changes the store when its table exists.

mod texts_support;

use proptest::prelude::*;
use serde_json::{Value, json};
use texts_support::*;

/// The rule a drawn request breaks.
#[derive(Debug, Clone)]
enum Broken {
    /// Step 1: a number where `ReturnConsumedCapacity`'s string belongs.
    NumberForString(i32),
    /// Step 2: a `ReturnConsumedCapacity` outside its enum.
    UnknownEnum(String),
    /// Step 3: a number DynamoDB cannot read, in the request's key, item or values.
    BadNumber(String),
    /// Step 3: an expression that does not parse.
    BadExpression(String),
    /// Step 3: an item over 400 KB (a write of an item), else a bad number.
    Oversized(usize),
    /// Step 3: an attribute value with no data type (`true`) or two, where the bad number would
    /// go, at the top or inside a list (`nested`).
    InvalidValue { empty: bool, nested: bool },
}

const OPS: [&str; 10] = [
    "PutItem",
    "GetItem",
    "UpdateItem",
    "DeleteItem",
    "Query",
    "Scan",
    "BatchGetItem",
    "BatchWriteItem",
    "TransactGetItems",
    "TransactWriteItems",
];

fn broken() -> impl Strategy<Value = Broken> {
    prop_oneof![
        any::<i32>().prop_map(Broken::NumberForString),
        "[A-Z_]{1,12}"
            .prop_filter("outside the enum", |s| !["INDEXES", "TOTAL", "NONE"]
                .contains(&s.as_str()))
            .prop_map(Broken::UnknownEnum),
        prop_oneof![
            Just(String::new()),
            Just("1e126".to_owned()),
            Just("1e-131".to_owned()),
            Just("1.2.3".to_owned()),
            Just("1".repeat(39)),
            "[a-z]{1,5}",
        ]
        .prop_map(Broken::BadNumber),
        prop_oneof![
            Just("a ="),
            Just("(a"),
            Just("a AND"),
            Just("= a"),
            Just("a,,b"),
            Just("a BETWEEN"),
        ]
        .prop_map(|s| Broken::BadExpression(s.to_owned())),
        (1usize..2000).prop_map(Broken::Oversized),
        (any::<bool>(), any::<bool>())
            .prop_map(|(empty, nested)| Broken::InvalidValue { empty, nested }),
    ]
}

/// The value the rule puts where a number goes.
fn number_value(rule: &Broken) -> Value {
    match rule {
        Broken::BadNumber(n) => json!({"N": n}),
        Broken::InvalidValue { empty, nested } => {
            let value = if *empty {
                json!({})
            } else {
                json!({"S": "x", "N": "1"})
            };
            if *nested {
                json!({"L": [{"S": "first"}, value]})
            } else {
                value
            }
        }
        _ => json!({"N": "1"}),
    }
}

/// `op` on `table`, breaking `rule`.
fn request(op: &str, table: &str, rule: &Broken) -> Value {
    let number = number_value(rule);
    let key = json!({"pk": {"S": "a"}, "sk": {"S": "b"}});
    let pad = match rule {
        Broken::Oversized(over) => 400 * 1024 + over,
        _ => 1,
    };
    let item =
        json!({"pk": {"S": "a"}, "sk": {"S": "b"}, "n": number, "pad": {"S": "x".repeat(pad)}});
    let number_key = json!({"pk": {"S": "a"}, "sk": {"S": "b"}, "n": number});
    let expression = match rule {
        Broken::BadExpression(e) => e.clone(),
        _ => "attribute_exists(a)".to_owned(),
    };
    let projection = match rule {
        Broken::BadExpression(e) => e.clone(),
        _ => "a".to_owned(),
    };
    let mut body = match op {
        "PutItem" => json!({"TableName": table, "Item": item, "ConditionExpression": expression}),
        "GetItem" => {
            json!({"TableName": table, "Key": number_key, "ProjectionExpression": projection})
        }
        "UpdateItem" => json!({"TableName": table, "Key": key, "ConditionExpression": expression,
            "UpdateExpression": "SET v = :v", "ExpressionAttributeValues": {":v": number}}),
        "DeleteItem" => {
            json!({"TableName": table, "Key": number_key, "ConditionExpression": expression})
        }
        "Query" => json!({"TableName": table, "KeyConditionExpression": "pk = :p",
            "FilterExpression": expression, "ExpressionAttributeValues": {":p": {"S": "a"}, ":n": number}}),
        "Scan" => json!({"TableName": table, "FilterExpression": expression,
            "ExpressionAttributeValues": {":n": number}}),
        "BatchGetItem" => {
            json!({"RequestItems": {table: {"Keys": [number_key], "ProjectionExpression": projection}}})
        }
        "BatchWriteItem" => json!({"RequestItems": {table: [{"PutRequest": {"Item": item}}]}}),
        "TransactGetItems" => {
            json!({"TransactItems": [{"Get": {"TableName": table, "Key": number_key,
            "ProjectionExpression": projection}}]})
        }
        "TransactWriteItems" => json!({"TransactItems": [{"Put": {"TableName": table, "Item": item,
            "ConditionExpression": expression}}]}),
        _ => unreachable!("an operation of OPS"),
    };
    // The Query and Scan values name `:n`, which their filter must use, unless the filter is the
    // broken part.
    if matches!(op, "Query" | "Scan") && !matches!(rule, Broken::BadExpression(_)) {
        body["FilterExpression"] = json!("a = :n");
    }
    match rule {
        Broken::NumberForString(n) => body["ReturnConsumedCapacity"] = json!(n),
        Broken::UnknownEnum(s) => body["ReturnConsumedCapacity"] = json!(s),
        _ => {}
    }
    body
}

/// Whether `rule` is broken by `op`'s request at all: an item over the size limit only where an
/// item is written, an expression only where the request has one (BatchWriteItem has none).
fn breaks(op: &str, rule: &Broken) -> bool {
    match rule {
        Broken::Oversized(_) => matches!(op, "PutItem" | "BatchWriteItem" | "TransactWriteItems"),
        Broken::BadExpression(_) => op != "BatchWriteItem",
        _ => true,
    }
}

#[test]
fn broken_requests_never_reach_the_table() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let db = runtime.block_on(engine());
    let before = runtime.block_on(snapshot(&db));
    let config = ProptestConfig {
        cases: 128,
        failure_persistence: None,
        ..ProptestConfig::default()
    };
    proptest!(config, |(op in proptest::sample::select(&OPS[..]), rule in broken())| {
        prop_assume!(breaks(op, &rule));
        for table in ["nope", TABLE] {
            let body = request(op, table, &rule);
            let (status, answer) = runtime.block_on(call(&db, op, &body));
            let error = answer["__type"].as_str().unwrap_or("");
            prop_assert_eq!(status, 400, "{} {:?} on {}: {}", op, rule, table, answer);
            prop_assert!(
                !error.ends_with("#ResourceNotFoundException"),
                "{} {:?} on {}: {}", op, rule, table, answer
            );
            let expected = match rule {
                Broken::NumberForString(_) => "#SerializationException",
                _ => "#ValidationException",
            };
            prop_assert!(error.ends_with(expected), "{} {:?} on {}: {}", op, rule, table, answer);
            if let Broken::InvalidValue { empty, .. } = rule {
                let text = if empty {
                    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes"
                } else {
                    "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes"
                };
                // Bare, or inside DynamoDB's wrapper for expression attribute values
                // (`ExpressionAttributeValues contains invalid value: … for key :v`).
                let message = answer["message"].as_str().unwrap_or("");
                prop_assert!(
                    message == text
                        || message == format!("ExpressionAttributeValues contains invalid value: {text} for key :v")
                        || message == format!("ExpressionAttributeValues contains invalid value: {text} for key :n"),
                    "{} on {}: {}", op, table, message
                );
            }
        }
        prop_assert_eq!(runtime.block_on(snapshot(&db)), before.clone(), "{} {:?}", op, rule);
    });
}
