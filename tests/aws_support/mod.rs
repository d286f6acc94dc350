//! Helpers shared by the SDK bridge's tests: attribute values and a table made through the SDK.

#![allow(dead_code, unreachable_pub)]

use aws_sdk_dynamodb::types::{
    AttributeDefinition, AttributeValue, BillingMode, KeySchemaElement, KeyType,
    ScalarAttributeType, StreamSpecification, StreamViewType,
};

pub fn s(v: &str) -> AttributeValue {
    AttributeValue::S(v.to_owned())
}

pub fn n(v: &str) -> AttributeValue {
    AttributeValue::N(v.to_owned())
}

/// Creates table `name`, keyed by `pk` (S) and `sk` (N), on demand, with a stream of `stream`
/// when given, and returns its description.
pub async fn create_table(
    client: &aws_sdk_dynamodb::Client,
    name: &str,
    stream: Option<StreamViewType>,
) -> aws_sdk_dynamodb::types::TableDescription {
    let attribute = |name: &str, kind| {
        AttributeDefinition::builder()
            .attribute_name(name)
            .attribute_type(kind)
            .build()
            .unwrap()
    };
    let key = |name: &str, kind| {
        KeySchemaElement::builder()
            .attribute_name(name)
            .key_type(kind)
            .build()
            .unwrap()
    };
    let stream = stream.map(|view| {
        StreamSpecification::builder()
            .stream_enabled(true)
            .stream_view_type(view)
            .build()
            .unwrap()
    });
    client
        .create_table()
        .table_name(name)
        .attribute_definitions(attribute("pk", ScalarAttributeType::S))
        .attribute_definitions(attribute("sk", ScalarAttributeType::N))
        .key_schema(key("pk", KeyType::Hash))
        .key_schema(key("sk", KeyType::Range))
        .billing_mode(BillingMode::PayPerRequest)
        .set_stream_specification(stream)
        .send()
        .await
        .unwrap()
        .table_description
        .unwrap()
}
