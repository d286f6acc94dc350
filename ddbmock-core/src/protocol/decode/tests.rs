//! DynamoDB's texts for bodies it cannot read, one case per member kind (as dynalite's `assertType`
//! tables list them).

use super::*;
use crate::model::InvalidShape;
use crate::operation::{CreateTableInput, ListTablesInput, PutItemInput};

#[track_caller]
fn serialization<T: DeserializeOwned + std::fmt::Debug>(body: &str) -> String {
    match input::<T>(body.as_bytes()) {
        Err(Error::Serialization(text)) => text,
        other => panic!("expected a SerializationException for {body}, got {other:?}"),
    }
}

#[test]
fn bodies_that_are_not_json_get_the_bare_exception() {
    for body in ["hi", "{", "{} x", r#"{"TableName": 5, "#, "\u{0}"] {
        assert_eq!(serialization::<ListTablesInput>(body), "", "{body}");
    }
    assert_eq!(
        input::<ListTablesInput>(&[0xff, 0xfe]).unwrap_err(),
        msg::protocol::malformed_json()
    );
    // Not UTF-8 inside a string of otherwise good JSON: read as bytes, refused as before.
    let mut body = br#"{"ExclusiveStartTableName":"ab"#.to_vec();
    body.extend_from_slice(&[0xc3, 0x28]);
    body.extend_from_slice(br#""}"#);
    assert_eq!(
        input::<ListTablesInput>(&body).unwrap_err(),
        msg::protocol::malformed_json()
    );
    let good: ListTablesInput = input(r#"{"ExclusiveStartTableName":"é"}"#.as_bytes()).unwrap();
    assert_eq!(good.exclusive_start_table_name.as_deref(), Some("é"));
}

#[test]
fn string_members() {
    let cases = [
        ("true", "TRUE_VALUE cannot be converted to String"),
        ("false", "FALSE_VALUE cannot be converted to String"),
        ("23", "NUMBER_VALUE cannot be converted to String"),
        ("-2147483648", "NUMBER_VALUE cannot be converted to String"),
        ("34.56", "DECIMAL_VALUE cannot be converted to String"),
        ("[]", "Unrecognized collection type class java.lang.String"),
        ("{}", "Start of structure or map found where not expected"),
    ];
    for (value, text) in cases {
        let body = format!(r#"{{"ExclusiveStartTableName":{value}}}"#);
        assert_eq!(serialization::<ListTablesInput>(&body), text, "{body}");
    }
}

#[test]
fn integer_and_long_members() {
    let cases = [
        (r#""23""#, "STRING_VALUE cannot be converted to Integer"),
        ("true", "TRUE_VALUE cannot be converted to Integer"),
        ("false", "FALSE_VALUE cannot be converted to Integer"),
        ("[]", "Unrecognized collection type class java.lang.Integer"),
        ("{}", "Start of structure or map found where not expected"),
    ];
    for (value, text) in cases {
        let body = format!(r#"{{"Limit":{value}}}"#);
        assert_eq!(serialization::<ListTablesInput>(&body), text, "{body}");
    }
    let body = r#"{"ProvisionedThroughput":{"ReadCapacityUnits":"5"}}"#;
    assert_eq!(
        serialization::<CreateTableInput>(body),
        "STRING_VALUE cannot be converted to Long"
    );
}

#[test]
fn boolean_members() {
    let cases = [
        (r#""23""#, "Unexpected token received from parser"),
        ("23", "NUMBER_VALUE cannot be converted to Boolean"),
        ("34.56", "DECIMAL_VALUE cannot be converted to Boolean"),
        ("[]", "Unrecognized collection type class java.lang.Boolean"),
        ("{}", "Start of structure or map found where not expected"),
    ];
    for (value, text) in cases {
        let body = format!(r#"{{"DeletionProtectionEnabled":{value}}}"#);
        assert_eq!(serialization::<CreateTableInput>(&body), text, "{body}");
    }
}

#[test]
fn list_structure_and_map_members() {
    assert_eq!(
        serialization::<CreateTableInput>(r#"{"KeySchema":"23"}"#),
        "Unexpected field type"
    );
    assert_eq!(
        serialization::<CreateTableInput>(r#"{"KeySchema":{}}"#),
        "Start of structure or map found where not expected"
    );
    assert_eq!(
        serialization::<CreateTableInput>(r#"{"ProvisionedThroughput":23}"#),
        "Unexpected field type"
    );
    assert_eq!(
        serialization::<CreateTableInput>(r#"{"ProvisionedThroughput":[]}"#),
        "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.ProvisionedThroughput"
    );
    assert_eq!(
        serialization::<PutItemInput>(r#"{"Item":true}"#),
        "Unexpected field type"
    );
    assert_eq!(
        serialization::<PutItemInput>(r#"{"Item":[]}"#),
        "Unrecognized collection type java.util.Map<java.lang.String, com.amazonaws.dynamodb.v20120810.AttributeValue>"
    );
    assert_eq!(
        serialization::<PutItemInput>(r#"{"ExpressionAttributeNames":[]}"#),
        "Unrecognized collection type java.util.Map<java.lang.String, java.lang.String>"
    );
}

#[test]
fn attribute_values() {
    let cases = [
        (r#"{"a":"23"}"#, "Unexpected value type in payload"),
        (
            r#"{"a":[]}"#,
            "Unrecognized collection type class com.amazonaws.dynamodb.v20120810.AttributeValue",
        ),
        (
            r#"{"a":{"S":23}}"#,
            "NUMBER_VALUE cannot be converted to String",
        ),
        (
            r#"{"a":{"N":true}}"#,
            "TRUE_VALUE cannot be converted to String",
        ),
        (
            r#"{"a":{"BOOL":"x"}}"#,
            "Unexpected token received from parser",
        ),
        (r#"{"a":{"SS":"x"}}"#, "Unexpected field type"),
        (
            r#"{"a":{"SS":[1]}}"#,
            "NUMBER_VALUE cannot be converted to String",
        ),
        (r#"{"a":{"L":[1]}}"#, "Unexpected value type in payload"),
        (
            r#"{"a":{"M":{"b":{"S":false}}}}"#,
            "FALSE_VALUE cannot be converted to String",
        ),
        (
            r#"{"a":{"B":true}}"#,
            "only base-64-encoded strings are convertible to bytes",
        ),
        (
            r#"{"a":{"B":23}}"#,
            "only base-64-encoded strings are convertible to bytes",
        ),
        (
            r#"{"a":{"B":[]}}"#,
            "Unrecognized collection type class java.nio.ByteBuffer",
        ),
        (
            r#"{"a":{"BS":[34.56]}}"#,
            "only base-64-encoded strings are convertible to bytes",
        ),
        (
            r#"{"a":{"B":"23456"}}"#,
            "Base64 encoded length is expected a multiple of 4 bytes but found: 5",
        ),
        (
            r#"{"a":{"BS":["+/+="]}}"#,
            "Invalid last non-pad Base64 character dectected",
        ),
    ];
    for (item, text) in cases {
        let body = format!(r#"{{"TableName":"t","Item":{item}}}"#);
        assert_eq!(serialization::<PutItemInput>(&body), text, "{body}");
    }
}

#[test]
fn attribute_values_without_exactly_one_type_decode_for_later_checks() {
    let empty = input::<PutItemInput>(br#"{"Item":{"a":{}}}"#).unwrap();
    let item = empty.item.unwrap();
    assert_eq!(item["a"].invalid_shape(), Some(InvalidShape::Empty));
    let several = input::<PutItemInput>(br#"{"Item":{"a":{"S":"x","N":"1"}}}"#).unwrap();
    let item = several.item.unwrap();
    assert_eq!(item["a"].invalid_shape(), Some(InvalidShape::Several));
}

#[test]
fn unknown_members_and_nulls_are_ignored() {
    let parsed: ListTablesInput =
        input(br#"{"Limit":null,"Whatever":[1,{"x":2}],"ExclusiveStartTableName":"a"}"#).unwrap();
    assert_eq!(parsed.limit, None);
    assert_eq!(parsed.exclusive_start_table_name.as_deref(), Some("a"));
}
