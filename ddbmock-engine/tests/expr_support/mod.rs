//! Shared helpers of the expression integration tests: a fresh engine with one table, items written
//! and read through the `DynamoDb` trait.

#![allow(dead_code)]

use std::collections::HashMap;

use ddbmock_core::model::{AttributeValue, Item};
use ddbmock_core::operation::*;
use ddbmock_engine::{DynamoDb, Engine};

/// A string value.
pub(crate) fn s(v: &str) -> AttributeValue {
    AttributeValue::S(v.to_owned())
}

/// A number value.
pub(crate) fn n(v: &str) -> AttributeValue {
    AttributeValue::N(v.to_owned())
}

/// An item from pairs.
pub(crate) fn item(pairs: &[(&str, AttributeValue)]) -> Item {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect()
}

/// `ExpressionAttributeNames` from pairs.
pub(crate) fn names(pairs: &[(&str, &str)]) -> Option<HashMap<String, String>> {
    Some(
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect(),
    )
}

/// An engine with table `tbl` (hash key `pk`, S) holding `base`.
pub(crate) async fn engine_with(base: Item) -> Engine {
    let db = Engine::memory();
    db.create_table(CreateTableInput {
        table_name: Some("tbl".into()),
        attribute_definitions: Some(vec![AttributeDefinition {
            attribute_name: Some("pk".into()),
            attribute_type: Some(ScalarAttributeType::S),
        }]),
        key_schema: Some(vec![KeySchemaElement {
            attribute_name: Some("pk".into()),
            key_type: Some(KeyType::Hash),
        }]),
        billing_mode: Some(BillingMode::PayPerRequest),
        ..Default::default()
    })
    .await
    .expect("create table");
    db.put_item(PutItemInput {
        table_name: Some("tbl".into()),
        item: Some(base),
        ..Default::default()
    })
    .await
    .expect("put base item");
    db
}

/// The item at `pk = k`.
pub(crate) async fn get(db: &Engine, k: &str) -> Option<Item> {
    db.get_item(GetItemInput {
        table_name: Some("tbl".into()),
        key: Some(item(&[("pk", s(k))])),
        ..Default::default()
    })
    .await
    .expect("get item")
    .item
}
