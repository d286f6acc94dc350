//! Helpers shared by the round-trip tests.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// Parses `json` into `T`, checks that serializing it gives back the same JSON, and returns it.
///
/// Numbers compare by value (`5` equals `5.0`), since DynamoDB writes doubles such as `CapacityUnits` either
/// way and serde_json keeps the distinction.
#[track_caller]
pub(crate) fn round_trip<T: Serialize + DeserializeOwned>(json: &str) -> T {
    let parsed: T = serde_json::from_str(json).expect("the example parses");
    let expected: Value = serde_json::from_str(json).expect("the example is JSON");
    let actual = serde_json::to_value(&parsed).expect("the struct serializes");
    assert_eq!(normalize(actual), normalize(expected));
    parsed
}

fn normalize(value: Value) -> Value {
    match value {
        Value::Number(n) => n
            .as_f64()
            .and_then(serde_json::Number::from_f64)
            .map_or(Value::Number(n), Value::Number),
        Value::Array(items) => Value::Array(items.into_iter().map(normalize).collect()),
        Value::Object(map) => {
            Value::Object(map.into_iter().map(|(k, v)| (k, normalize(v))).collect())
        }
        other => other,
    }
}

/// The string inside an `S` attribute value.
#[track_caller]
pub(crate) fn s(value: Option<&ddbmock_core::model::AttributeValue>) -> &str {
    value.and_then(|v| v.as_s()).expect("an S attribute value")
}
