//! Global secondary indexes with multi-attribute keys (up to four partition and four sort
//! attributes): their creation and its validation, index membership as items change, Query with
//! each condition shape and each error, paging, and the backfill of one added by UpdateTable.

mod lifecycle;
mod membership;
mod queries;
mod schema;

use std::collections::HashMap;

use ddbmock_core::model::{AttributeValue, Item};
use ddbmock_core::operation::*;
use ddbmock_engine::{DynamoDb, Engine};

fn s(v: &str) -> AttributeValue {
    AttributeValue::S(v.into())
}
fn n(v: i64) -> AttributeValue {
    AttributeValue::N(v.to_string())
}
fn def(name: &str, ty: ScalarAttributeType) -> AttributeDefinition {
    AttributeDefinition {
        attribute_name: Some(name.into()),
        attribute_type: Some(ty),
    }
}
fn hash(name: &str) -> KeySchemaElement {
    KeySchemaElement {
        attribute_name: Some(name.into()),
        key_type: Some(KeyType::Hash),
    }
}
fn range(name: &str) -> KeySchemaElement {
    KeySchemaElement {
        attribute_name: Some(name.into()),
        key_type: Some(KeyType::Range),
    }
}
fn all() -> Option<Projection> {
    Some(Projection {
        projection_type: Some(ProjectionType::All),
        non_key_attributes: None,
    })
}

/// The index used throughout: partition `(tenant S, area S)`, sort `(round N, bracket S, seq N)`.
fn gsi_schema() -> Vec<KeySchemaElement> {
    vec![
        hash("tenant"),
        hash("area"),
        range("round"),
        range("bracket"),
        range("seq"),
    ]
}

fn defs() -> Vec<AttributeDefinition> {
    use ScalarAttributeType::{N, S};
    vec![
        def("id", S),
        def("tenant", S),
        def("area", S),
        def("round", N),
        def("bracket", S),
        def("seq", N),
    ]
}

fn create_input(gsi_key: Vec<KeySchemaElement>) -> CreateTableInput {
    CreateTableInput {
        table_name: Some("tbl".into()),
        attribute_definitions: Some(defs()),
        key_schema: Some(vec![hash("id")]),
        billing_mode: Some(BillingMode::PayPerRequest),
        global_secondary_indexes: Some(vec![GlobalSecondaryIndex {
            index_name: Some("gsi".into()),
            key_schema: Some(gsi_key),
            projection: all(),
            ..Default::default()
        }]),
        ..Default::default()
    }
}

async fn table() -> Engine {
    let db = Engine::memory();
    db.create_table(create_input(gsi_schema())).await.unwrap();
    db
}

fn match_item(id: &str, tenant: &str, area: &str, round: i64, bracket: &str, seq: i64) -> Item {
    [
        ("id", s(id)),
        ("tenant", s(tenant)),
        ("area", s(area)),
        ("round", n(round)),
        ("bracket", s(bracket)),
        ("seq", n(seq)),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v))
    .collect()
}

async fn put(db: &Engine, item: Item) {
    db.put_item(PutItemInput {
        table_name: Some("tbl".into()),
        item: Some(item),
        ..Default::default()
    })
    .await
    .unwrap();
}

/// Items of partition `(w, eu)` in index order, and decoys in other partitions.
async fn seed(db: &Engine) {
    // Written out of order, so that the index's order is its own doing.
    let rows = [
        ("m5", 2, "upper", 1),
        ("m1", 1, "lower", 1),
        ("m3", 1, "upper", 1),
        ("m2", 1, "lower", 7),
        ("m6", 10, "final", 1),
        ("m4", 1, "upper2", 0),
    ];
    for (id, round, bracket, seq) in rows {
        put(db, match_item(id, "w", "eu", round, bracket, seq)).await;
    }
    // Same values spread differently: another partition each.
    put(db, match_item("x1", "w", "us", 1, "lower", 1)).await;
    // ("we", "u") concatenates to the same text as ("w", "eu"), and is still another partition.
    put(db, match_item("x2", "we", "u", 1, "lower", 1)).await;
}

struct Q {
    cond: &'static str,
    values: Vec<(&'static str, AttributeValue)>,
    forward: bool,
}

fn q(cond: &'static str, values: Vec<(&'static str, AttributeValue)>) -> Q {
    Q {
        cond,
        values,
        forward: true,
    }
}

fn query_input(query: &Q) -> QueryInput {
    QueryInput {
        table_name: Some("tbl".into()),
        index_name: Some("gsi".into()),
        key_condition_expression: Some(query.cond.into()),
        expression_attribute_values: Some(
            query
                .values
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.clone()))
                .collect(),
        ),
        scan_index_forward: Some(query.forward),
        ..Default::default()
    }
}

async fn ids(db: &Engine, query: &Q) -> Result<Vec<String>, String> {
    db.query(query_input(query))
        .await
        .map(|out| {
            out.items
                .unwrap_or_default()
                .iter()
                .map(|i| match &i["id"] {
                    AttributeValue::S(v) => v.clone(),
                    other => panic!("{other:?}"),
                })
                .collect()
        })
        .map_err(|e| e.message())
}

fn part() -> Vec<(&'static str, AttributeValue)> {
    vec![(":t", s("w")), (":r", s("eu"))]
}
fn with(
    mut v: Vec<(&'static str, AttributeValue)>,
    more: &[(&'static str, AttributeValue)],
) -> Vec<(&'static str, AttributeValue)> {
    v.extend(more.iter().cloned());
    v
}

/// The item count DescribeTable gives the table's one global index.
async fn index_count(db: &Engine) -> i64 {
    db.describe_table(DescribeTableInput {
        table_name: Some("tbl".into()),
    })
    .await
    .unwrap()
    .table
    .unwrap()
    .global_secondary_indexes
    .unwrap()[0]
        .item_count
        .unwrap()
}
