//! Helpers of the Query, Scan and index scenarios: tables keyed by any scalar types, request
//! builders, and draining every page of a read.

use ddbmock_core::DynamoDb;
use ddbmock_core::model::{AttributeValue, Item};
use ddbmock_core::operation::*;

use super::support::*;

/// A scalar type's `ScalarAttributeType`.
pub(crate) fn scalar(ty: &str) -> ScalarAttributeType {
    match ty {
        "N" => ScalarAttributeType::N,
        "B" => ScalarAttributeType::B,
        _ => ScalarAttributeType::S,
    }
}

/// Creates a table keyed `pk` of `hash` and, when given, `sk` of `range`, on demand.
pub(crate) async fn keyed_table(
    db: &dyn DynamoDb,
    prefix: &str,
    hash: &str,
    range: Option<&str>,
) -> String {
    let name = unique_name(prefix);
    let mut defs = vec![def("pk", scalar(hash))];
    let mut keys = vec![key("pk", KeyType::Hash)];
    if let Some(r) = range {
        defs.push(def("sk", scalar(r)));
        keys.push(key("sk", KeyType::Range));
    }
    db.create_table(CreateTableInput {
        table_name: Some(name.clone()),
        attribute_definitions: Some(defs),
        key_schema: Some(keys),
        billing_mode: Some(BillingMode::PayPerRequest),
        ..Default::default()
    })
    .await
    .expect("create table");
    until_active(db, &name).await;
    name
}

/// A Query of `table` for partition `pk` with `KeyConditionExpression` `cond` over `values`.
pub(crate) fn query_input(
    table: &str,
    cond: &str,
    values: &[(&str, AttributeValue)],
) -> QueryInput {
    QueryInput {
        table_name: Some(table.to_owned()),
        key_condition_expression: Some(cond.to_owned()),
        expression_attribute_values: Some(item(values)),
        ..Default::default()
    }
}

/// A legacy key condition on one attribute.
pub(crate) fn legacy(op: ComparisonOperator, values: &[AttributeValue]) -> Condition {
    Condition {
        attribute_value_list: Some(values.to_vec()),
        comparison_operator: Some(op),
    }
}

/// The values of attribute `attr` in `items`, in order.
pub(crate) fn column(items: &[Item], attr: &str) -> Vec<AttributeValue> {
    items.iter().filter_map(|i| i.get(attr).cloned()).collect()
}

/// Every item of a Query, following `LastEvaluatedKey` page by page; also the number of pages.
pub(crate) async fn query_all(db: &dyn DynamoDb, mut input: QueryInput) -> (Vec<Item>, usize) {
    let mut items = Vec::new();
    let mut pages = 0;
    loop {
        let out = db.query(input.clone()).await.expect("query");
        pages += 1;
        items.extend(out.items.unwrap_or_default());
        match out.last_evaluated_key {
            Some(k) => input.exclusive_start_key = Some(k),
            None => return (items, pages),
        }
        assert!(pages < 10_000, "paging does not end");
    }
}

/// Every item of a Scan, following `LastEvaluatedKey` page by page; also the number of pages.
pub(crate) async fn scan_all(db: &dyn DynamoDb, mut input: ScanInput) -> (Vec<Item>, usize) {
    let mut items = Vec::new();
    let mut pages = 0;
    loop {
        let out = db.scan(input.clone()).await.expect("scan");
        pages += 1;
        items.extend(out.items.unwrap_or_default());
        match out.last_evaluated_key {
            Some(k) => input.exclusive_start_key = Some(k),
            None => return (items, pages),
        }
        assert!(pages < 10_000, "paging does not end");
    }
}

/// A Scan of `table`.
pub(crate) fn scan_input(table: &str) -> ScanInput {
    ScanInput {
        table_name: Some(table.to_owned()),
        ..Default::default()
    }
}

pub(crate) fn b(bytes: &[u8]) -> AttributeValue {
    AttributeValue::B(bytes.to_vec())
}
