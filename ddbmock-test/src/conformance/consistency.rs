//! Eventual consistency scenarios, with ddbmock's simulation on in its worst case: eventually
//! consistent reads, and every read of a global secondary index, see the items as they were
//! [`CONSISTENCY_LAG`] ago, as DynamoDB's can at any moment ("the responses may not reflect the
//! results of a recently completed write operation"); strongly consistent reads, transactions,
//! conditions and writes see the latest state.
//!
//! They run through [`conformance_consistency_tests!`](crate::conformance_consistency_tests),
//! whose doors build the engine with `Consistency::oldest(CONSISTENCY_LAG)` on a manual clock
//! and hand the scenario a way to move it. DynamoDB itself may show the latest state at once, so
//! the stale reads here are the worst case it allows, not what it always answers.

use std::collections::HashMap;
use std::time::Duration;

use ddbmock_core::DynamoDb;
use ddbmock_core::model::Item;
use ddbmock_core::operation::*;

use super::global_tables::on_demand_table;
use super::pitr::AdvanceClock;
use super::support::*;

/// The lag the doors of these scenarios give the simulation.
pub const CONSISTENCY_LAG: Duration = Duration::from_secs(1);

const MILLI: Duration = Duration::from_millis(1);

/// The items of a Query of index `by_v` for `v`.
async fn by_v(db: &dyn DynamoDb, table: &str, v: &str) -> Vec<Item> {
    db.query(QueryInput {
        table_name: Some(table.to_owned()),
        index_name: Some("by_v".to_owned()),
        key_condition_expression: Some("v = :v".to_owned()),
        expression_attribute_values: Some([(":v".to_owned(), s(v))].into()),
        ..Default::default()
    })
    .await
    .expect("query the index")
    .items
    .expect("items")
}

/// A read-your-write through a global index: the index misses a new item, then shows an updated
/// item under its old key, then a deleted item, each until the lag has passed; the table read
/// consistently shows the latest state throughout.
pub async fn gsi_read_your_write_lags(db: &dyn DynamoDb, clock: &dyn AdvanceClock) {
    let table = on_demand_table(db, "eventual-gsi", None).await;
    let a = item(&[("pk", s("a")), ("v", s("x"))]);
    put(db, &table, a.clone()).await;
    // The write is done, and a consistent read sees it; the index does not yet.
    assert_eq!(
        get(db, &table, item(&[("pk", s("a"))])).await,
        Some(a.clone())
    );
    assert_eq!(by_v(db, &table, "x").await, Vec::<Item>::new());
    clock.advance(CONSISTENCY_LAG - MILLI);
    assert_eq!(by_v(db, &table, "x").await, Vec::<Item>::new());
    clock.advance(MILLI);
    assert_eq!(by_v(db, &table, "x").await, vec![a.clone()]);

    let moved = item(&[("pk", s("a")), ("v", s("y"))]);
    put(db, &table, moved.clone()).await;
    assert_eq!(by_v(db, &table, "x").await, vec![a.clone()]);
    assert_eq!(by_v(db, &table, "y").await, Vec::<Item>::new());
    clock.advance(CONSISTENCY_LAG);
    assert_eq!(by_v(db, &table, "x").await, Vec::<Item>::new());
    assert_eq!(by_v(db, &table, "y").await, vec![moved.clone()]);

    db.delete_item(DeleteItemInput {
        table_name: Some(table.clone()),
        key: Some(item(&[("pk", s("a"))])),
        ..Default::default()
    })
    .await
    .expect("delete");
    assert_eq!(get(db, &table, item(&[("pk", s("a"))])).await, None);
    assert_eq!(by_v(db, &table, "y").await, vec![moved]);
    // A global index refuses consistent reads, as ever.
    assert_error(
        db.query(QueryInput {
            table_name: Some(table.clone()),
            index_name: Some("by_v".to_owned()),
            key_condition_expression: Some("v = :v".to_owned()),
            expression_attribute_values: Some([(":v".to_owned(), s("y"))].into()),
            consistent_read: Some(true),
            ..Default::default()
        })
        .await,
        "ValidationException",
        "Consistent reads are not supported on global secondary indexes",
    );
    clock.advance(CONSISTENCY_LAG);
    assert_eq!(by_v(db, &table, "y").await, Vec::<Item>::new());
}

fn row(sk: &str, extra: &[(&str, &str)]) -> Item {
    let mut it = item(&[("pk", s("p")), ("sk", n(sk))]);
    for (k, v) in extra {
        it.insert((*k).to_owned(), s(v));
    }
    it
}

fn row_key(sk: &str) -> Item {
    item(&[("pk", s("p")), ("sk", n(sk))])
}

async fn get_item(db: &dyn DynamoDb, table: &str, sk: &str, consistent: bool) -> Option<Item> {
    db.get_item(GetItemInput {
        table_name: Some(table.to_owned()),
        key: Some(row_key(sk)),
        consistent_read: Some(consistent),
        ..Default::default()
    })
    .await
    .expect("get item")
    .item
}

/// The items of partition `p`, `limit` at a time, following `LastEvaluatedKey`: the pages.
async fn query_pages(
    db: &dyn DynamoDb,
    table: &str,
    consistent: Option<bool>,
    limit: Option<i32>,
) -> Vec<Vec<Item>> {
    let mut pages = Vec::new();
    let mut start = None;
    loop {
        let out = db
            .query(QueryInput {
                table_name: Some(table.to_owned()),
                key_condition_expression: Some("pk = :p".to_owned()),
                expression_attribute_values: Some([(":p".to_owned(), s("p"))].into()),
                consistent_read: consistent,
                limit,
                exclusive_start_key: start.take(),
                ..Default::default()
            })
            .await
            .expect("query");
        pages.push(out.items.expect("items"));
        match out.last_evaluated_key {
            Some(last) => start = Some(last),
            None => return pages,
        }
    }
}

async fn scan_items(db: &dyn DynamoDb, table: &str, consistent: bool) -> Vec<Item> {
    db.scan(ScanInput {
        table_name: Some(table.to_owned()),
        consistent_read: Some(consistent),
        ..Default::default()
    })
    .await
    .expect("scan")
    .items
    .expect("items")
}

async fn batch_get(db: &dyn DynamoDb, table: &str, sks: &[&str], consistent: bool) -> Vec<Item> {
    let out = db
        .batch_get_item(BatchGetItemInput {
            request_items: Some(HashMap::from([(
                table.to_owned(),
                KeysAndAttributes {
                    keys: Some(sks.iter().map(|sk| row_key(sk)).collect()),
                    consistent_read: Some(consistent),
                    ..Default::default()
                },
            )])),
            ..Default::default()
        })
        .await
        .expect("batch get");
    let mut items = out
        .responses
        .and_then(|mut r| r.remove(table))
        .unwrap_or_default();
    items.sort_by_key(|i| format!("{:?}", i.get("sk")));
    items
}

async fn transact_get(db: &dyn DynamoDb, table: &str, sk: &str) -> Option<Item> {
    db.transact_get_items(TransactGetItemsInput {
        transact_items: Some(vec![TransactGetItem {
            get: Some(Get {
                key: Some(row_key(sk)),
                table_name: Some(table.to_owned()),
                ..Default::default()
            }),
        }]),
        ..Default::default()
    })
    .await
    .expect("transact get")
    .responses
    .expect("responses")
    .remove(0)
    .item
}

/// Eventually consistent GetItem, BatchGetItem, Query (paged too), Scan and PartiQL SELECT see
/// the items as they were the lag ago; their consistent forms, TransactGetItems and conditions
/// see the latest.
pub async fn eventual_reads_lag_writes(db: &dyn DynamoDb, clock: &dyn AdvanceClock) {
    let table = new_table(db, "eventual-reads", true).await;
    for sk in ["1", "2", "3"] {
        put(db, &table, row(sk, &[])).await;
    }
    assert_eq!(get_item(db, &table, "1", false).await, None);
    assert_eq!(get_item(db, &table, "1", true).await, Some(row("1", &[])));
    assert_eq!(
        batch_get(db, &table, &["1", "2"], false).await,
        Vec::<Item>::new()
    );
    assert_eq!(
        batch_get(db, &table, &["1", "2"], true).await,
        vec![row("1", &[]), row("2", &[])]
    );
    assert_eq!(query_pages(db, &table, None, None).await, vec![vec![]]);
    assert_eq!(scan_items(db, &table, false).await, Vec::<Item>::new());
    assert_eq!(scan_items(db, &table, true).await.len(), 3);
    clock.advance(CONSISTENCY_LAG);
    let first = vec![row("1", &[]), row("2", &[]), row("3", &[])];
    assert_eq!(
        query_pages(db, &table, Some(false), None).await,
        vec![first.clone()]
    );

    // Item 2 updated, 3 deleted, 4 new: the older states keep their places in key order.
    db.update_item(UpdateItemInput {
        table_name: Some(table.clone()),
        key: Some(row_key("2")),
        update_expression: Some("SET x = :x".to_owned()),
        expression_attribute_values: Some([(":x".to_owned(), s("new"))].into()),
        ..Default::default()
    })
    .await
    .expect("update");
    db.delete_item(DeleteItemInput {
        table_name: Some(table.clone()),
        key: Some(row_key("3")),
        ..Default::default()
    })
    .await
    .expect("delete");
    put(db, &table, row("4", &[])).await;
    let latest = vec![row("1", &[]), row("2", &[("x", "new")]), row("4", &[])];
    assert_eq!(
        query_pages(db, &table, None, None).await,
        vec![first.clone()]
    );
    assert_eq!(
        query_pages(db, &table, None, Some(2)).await,
        vec![first[..2].to_vec(), first[2..].to_vec()]
    );
    assert_eq!(scan_items(db, &table, false).await, first);
    assert_eq!(
        query_pages(db, &table, Some(true), None).await,
        vec![latest.clone()]
    );
    assert_eq!(
        query_pages(db, &table, Some(true), Some(2)).await,
        vec![latest[..2].to_vec(), latest[2..].to_vec()]
    );
    assert_eq!(get_item(db, &table, "3", false).await, Some(row("3", &[])));
    assert_eq!(transact_get(db, &table, "3").await, None);
    assert_eq!(
        transact_get(db, &table, "2").await,
        Some(row("2", &[("x", "new")]))
    );
    let select = |consistent| ExecuteStatementInput {
        statement: Some(format!(
            r#"SELECT * FROM "{table}" WHERE pk = 'p' AND sk = 2"#
        )),
        consistent_read: Some(consistent),
        ..Default::default()
    };
    let stale = db.execute_statement(select(false)).await.expect("select");
    assert_eq!(stale.items, Some(vec![row("2", &[])]));
    let fresh = db.execute_statement(select(true)).await.expect("select");
    assert_eq!(fresh.items, Some(vec![row("2", &[("x", "new")])]));

    // A condition sees the latest state: item 3 is gone, though a stale read still shows it.
    db.put_item(PutItemInput {
        table_name: Some(table.clone()),
        item: Some(row("3", &[("x", "again")])),
        condition_expression: Some("attribute_not_exists(pk)".to_owned()),
        ..Default::default()
    })
    .await
    .expect("the condition sees item 3 deleted");
    assert_eq!(get_item(db, &table, "3", false).await, Some(row("3", &[])));
    assert_eq!(
        get_item(db, &table, "3", true).await,
        Some(row("3", &[("x", "again")]))
    );

    clock.advance(CONSISTENCY_LAG);
    let settled = vec![
        row("1", &[]),
        row("2", &[("x", "new")]),
        row("3", &[("x", "again")]),
        row("4", &[]),
    ];
    assert_eq!(
        query_pages(db, &table, None, None).await,
        vec![settled.clone()]
    );
    assert_eq!(scan_items(db, &table, false).await, settled);
    assert_eq!(
        batch_get(db, &table, &["2", "4"], false).await,
        vec![row("2", &[("x", "new")]), row("4", &[])]
    );
}
