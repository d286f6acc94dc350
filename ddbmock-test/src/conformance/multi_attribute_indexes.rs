//! Global secondary indexes with multi-attribute keys: creation, entries appearing and vanishing as
//! key attributes change, Query with each condition shape and each error, paging across pages and
//! partitions, and the backfill of such an index added by UpdateTable.

use ddbmock_core::DynamoDb;
use ddbmock_core::model::{AttributeValue, Item};
use ddbmock_core::operation::*;

use super::reads::*;
use super::support::*;

const VALIDATION: &str = "ValidationException";

/// The index's key: partition `(team S, lane N)`, sort `(stage N, label S)`.
fn multi_key() -> Vec<KeySchemaElement> {
    vec![
        key("team", KeyType::Hash),
        key("lane", KeyType::Hash),
        key("stage", KeyType::Range),
        key("label", KeyType::Range),
    ]
}

fn multi_defs() -> Vec<AttributeDefinition> {
    vec![
        def("team", ScalarAttributeType::S),
        def("lane", ScalarAttributeType::N),
        def("stage", ScalarAttributeType::N),
        def("label", ScalarAttributeType::S),
    ]
}

fn all() -> Option<Projection> {
    Some(Projection {
        projection_type: Some(ProjectionType::All),
        non_key_attributes: None,
    })
}

fn row(pk: &str, team: &str, lane: &str, stage: &str, label: &str) -> Item {
    item(&[
        ("pk", s(pk)),
        ("team", s(team)),
        ("lane", n(lane)),
        ("stage", n(stage)),
        ("label", s(label)),
    ])
}

/// Rows of partition `(red, 1)` and of two other partitions, written out of index order.
async fn seed(db: &dyn DynamoDb, t: &str) {
    for (pk, stage, label) in [
        ("r4", "10", "a"),
        ("r2", "2", "b"),
        ("r1", "2", "a"),
        ("r3", "3", "ab"),
        ("r5", "10", "b"),
    ] {
        put(db, t, row(pk, "red", "1", stage, label)).await;
    }
    put(db, t, row("o1", "red", "2", "2", "a")).await;
    put(db, t, row("o2", "blue", "1", "2", "a")).await;
}

fn pks(items: &[Item]) -> Vec<String> {
    column(items, "pk")
        .into_iter()
        .map(|v| match v {
            AttributeValue::S(s) => s,
            other => panic!("pk {other:?}"),
        })
        .collect()
}

/// A sort condition after the partition's, its values, and the rows it selects in index order.
type Shape = (
    &'static str,
    Vec<(&'static str, AttributeValue)>,
    Vec<&'static str>,
);

fn mq(t: &str, cond: &str, values: &[(&str, AttributeValue)]) -> QueryInput {
    let mut values = values.to_vec();
    values.push((":t", s("red")));
    values.push((":z", n("1")));
    QueryInput {
        index_name: Some("multi".to_owned()),
        ..query_input(t, &format!("team = :t AND lane = :z{cond}"), &values)
    }
}

/// A multi-attribute index created with its table: DescribeTable lists its key as sent, items
/// have an entry only while they have every key attribute, and Query takes equality on every
/// partition attribute and conditions on the sort attributes from the first on.
pub async fn multi_attribute_gsi(db: &dyn DynamoDb) {
    let t = unique_name("multikey");
    let mut defs = vec![def("pk", ScalarAttributeType::S)];
    defs.extend(multi_defs());
    db.create_table(CreateTableInput {
        table_name: Some(t.clone()),
        attribute_definitions: Some(defs),
        key_schema: Some(vec![key("pk", KeyType::Hash)]),
        global_secondary_indexes: Some(vec![GlobalSecondaryIndex {
            index_name: Some("multi".to_owned()),
            key_schema: Some(multi_key()),
            projection: all(),
            ..Default::default()
        }]),
        billing_mode: Some(BillingMode::PayPerRequest),
        ..Default::default()
    })
    .await
    .expect("create table");
    until_active(db, &t).await;
    let d = describe(db, &t).await;
    let g = &d.global_secondary_indexes.expect("indexes")[0];
    assert_eq!(g.key_schema.as_deref(), Some(&multi_key()[..]));

    seed(db, &t).await;
    let shapes: Vec<Shape> = vec![
        ("", vec![], vec!["r1", "r2", "r3", "r4", "r5"]),
        (" AND stage = :a", vec![(":a", n("2"))], vec!["r1", "r2"]),
        (
            " AND stage >= :a",
            vec![(":a", n("3"))],
            vec!["r3", "r4", "r5"],
        ),
        (
            " AND stage BETWEEN :a AND :b",
            vec![(":a", n("3")), (":b", n("9"))],
            vec!["r3"],
        ),
        (
            " AND stage = :a AND label > :b",
            vec![(":a", n("2")), (":b", s("a"))],
            vec!["r2"],
        ),
        (
            " AND stage = :a AND begins_with(label, :b)",
            vec![(":a", n("3")), (":b", s("a"))],
            vec!["r3"],
        ),
        (
            " AND stage = :a AND label = :b",
            vec![(":a", n("10")), (":b", s("b"))],
            vec!["r5"],
        ),
    ];
    for (cond, values, want) in shapes {
        let (items, _) = query_all(db, mq(&t, cond, &values)).await;
        assert_eq!(pks(&items), want, "{cond}");
        let mut page = mq(&t, cond, &values);
        page.limit = Some(1);
        page.scan_index_forward = Some(false);
        let (items, pages) = query_all(db, page).await;
        let mut back = want.clone();
        back.reverse();
        assert_eq!(pks(&items), back, "{cond}, backward one at a time");
        assert!(pages >= want.len(), "{cond}: one item a page");
    }

    let mut first = mq(&t, "", &[]);
    first.limit = Some(2);
    let out = db.query(first).await.expect("query");
    let lek = out.last_evaluated_key.expect("a next page");
    let mut names: Vec<&str> = lek.keys().map(String::as_str).collect();
    names.sort_unstable();
    assert_eq!(names, ["label", "lane", "pk", "stage", "team"]);

    let errors: Vec<(QueryInput, &str)> = vec![
        (
            QueryInput {
                index_name: Some("multi".to_owned()),
                ..query_input(&t, "team = :t", &[(":t", s("red"))])
            },
            "Query condition missed key schema element: lane",
        ),
        (
            mq(&t, " AND label = :b", &[(":b", s("a"))]),
            "Query condition missed key schema element: stage",
        ),
        (
            mq(
                &t,
                " AND stage > :a AND label = :b",
                &[(":a", n("1")), (":b", s("a"))],
            ),
            "Query key condition not supported",
        ),
    ];
    for (input, text) in errors {
        assert_error(db.query(input).await, VALIDATION, text);
    }

    // The entry vanishes with a key attribute and comes back with it.
    db.update_item(UpdateItemInput {
        table_name: Some(t.clone()),
        key: Some(item(&[("pk", s("r3"))])),
        update_expression: Some("REMOVE label".to_owned()),
        ..Default::default()
    })
    .await
    .expect("update");
    let (items, _) = query_all(db, mq(&t, "", &[])).await;
    assert_eq!(pks(&items), ["r1", "r2", "r4", "r5"]);
    put(db, &t, row("r3", "red", "1", "3", "ab")).await;
    let (items, _) = query_all(db, mq(&t, "", &[])).await;
    assert_eq!(pks(&items), ["r1", "r2", "r3", "r4", "r5"]);
}

/// UpdateTable adds a multi-attribute index, backfilled with the items that have every key
/// attribute, and checks its key schema as CreateTable does.
pub async fn multi_attribute_gsi_backfill(db: &dyn DynamoDb) {
    let t = new_table(db, "multifill", false).await;
    seed(db, &t).await;
    put(db, &t, item(&[("pk", s("lacking")), ("team", s("red"))])).await;
    let create = |name: &str, key_schema: Vec<KeySchemaElement>| UpdateTableInput {
        table_name: Some(t.clone()),
        attribute_definitions: Some(multi_defs()),
        global_secondary_index_updates: Some(vec![GlobalSecondaryIndexUpdate {
            create: Some(CreateGlobalSecondaryIndexAction {
                index_name: Some(name.to_owned()),
                key_schema: Some(key_schema),
                projection: all(),
                provisioned_throughput: Some(throughput(1, 1)),
                ..Default::default()
            }),
            ..Default::default()
        }]),
        ..Default::default()
    };
    let mut bad = multi_key();
    bad.swap(1, 2);
    assert_error(
        db.update_table(create("multi", bad)).await,
        VALIDATION,
        "Invalid KeySchema: A HASH KeySchemaElement follows a RANGE KeySchemaElement",
    );
    db.update_table(create("multi", multi_key()))
        .await
        .expect("update table");
    until_active(db, &t).await;
    let (items, _) = query_all(db, mq(&t, "", &[])).await;
    assert_eq!(pks(&items), ["r1", "r2", "r3", "r4", "r5"]);
    let d = describe(db, &t).await;
    let g = &d.global_secondary_indexes.expect("indexes")[0];
    assert_eq!(
        g.item_count,
        Some(7),
        "every seeded row, not the one lacking keys"
    );
}
