//! Item collection scenarios: `ReturnItemCollectionMetrics` on every write operation, for tables
//! with local secondary indexes (and nothing for tables without).

use std::collections::HashMap;

use ddbmock_core::DynamoDb;
use ddbmock_core::model::Item;
use ddbmock_core::operation::*;

use super::support::*;

/// A table `pk` (S) / `sk` (N) with the LSI `by_l` (`pk`, `l` S, KEYS_ONLY).
async fn lsi_table(db: &dyn DynamoDb) -> String {
    let name = unique_name("collections");
    let mut input = table_input(&name, true);
    input
        .attribute_definitions
        .get_or_insert_with(Vec::new)
        .push(def("l", ScalarAttributeType::S));
    input.local_secondary_indexes = Some(vec![LocalSecondaryIndex {
        index_name: Some("by_l".into()),
        key_schema: Some(vec![key("pk", KeyType::Hash), key("l", KeyType::Range)]),
        projection: Some(Projection {
            projection_type: Some(ProjectionType::KeysOnly),
            non_key_attributes: None,
        }),
    }]);
    db.create_table(input).await.expect("create table");
    until_active(db, &name).await;
    name
}

/// What DynamoDB reports for the small collection `pk`: between 0 and 1 GB (the Developer Guide's
/// example).
fn small(pk: &str) -> ItemCollectionMetrics {
    ItemCollectionMetrics {
        item_collection_key: Some(item(&[("pk", s(pk))])),
        size_estimate_range_gb: Some(vec![0.0, 1.0]),
    }
}

fn size() -> Option<ReturnItemCollectionMetrics> {
    Some(ReturnItemCollectionMetrics::Size)
}

/// A per-table metrics map with each table's entries in key order, to compare without relying on
/// the order DynamoDB lists collections in.
fn sorted(
    mut m: HashMap<String, Vec<ItemCollectionMetrics>>,
) -> HashMap<String, Vec<ItemCollectionMetrics>> {
    for list in m.values_mut() {
        list.sort_by_key(|x| format!("{:?}", x.item_collection_key));
    }
    m
}

fn lsi_item(pk: &str, sk: &str) -> Item {
    item(&[("pk", s(pk)), ("sk", n(sk)), ("l", s("x"))])
}

/// `ReturnItemCollectionMetrics: SIZE` returns the written item's collection on PutItem,
/// UpdateItem, DeleteItem, and per table on BatchWriteItem and TransactWriteItems; `NONE`, no
/// value, or a table without local secondary indexes return none.
pub async fn item_collection_metrics(db: &dyn DynamoDb) {
    let t = lsi_table(db).await;
    let plain = new_table(db, "collections-plain", false).await;

    let out = db
        .put_item(PutItemInput {
            table_name: Some(t.clone()),
            item: Some(lsi_item("a", "1")),
            return_item_collection_metrics: size(),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(out.item_collection_metrics, Some(small("a")), "PutItem");

    let out = db
        .update_item(UpdateItemInput {
            table_name: Some(t.clone()),
            key: Some(item(&[("pk", s("a")), ("sk", n("1"))])),
            update_expression: Some("SET v = :v".into()),
            expression_attribute_values: Some(item(&[(":v", n("1"))])),
            return_item_collection_metrics: size(),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(out.item_collection_metrics, Some(small("a")), "UpdateItem");

    let out = db
        .delete_item(DeleteItemInput {
            table_name: Some(t.clone()),
            key: Some(item(&[("pk", s("a")), ("sk", n("1"))])),
            return_item_collection_metrics: size(),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(out.item_collection_metrics, Some(small("a")), "DeleteItem");

    for mode in [Some(ReturnItemCollectionMetrics::None), None] {
        let out = db
            .put_item(PutItemInput {
                table_name: Some(t.clone()),
                item: Some(lsi_item("a", "2")),
                return_item_collection_metrics: mode.clone(),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(out.item_collection_metrics, None, "{mode:?}");
    }
    let out = db
        .put_item(PutItemInput {
            table_name: Some(plain.clone()),
            item: Some(item(&[("pk", s("a"))])),
            return_item_collection_metrics: size(),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(
        out.item_collection_metrics, None,
        "a table without local secondary indexes"
    );

    let put_request = |it: Item| WriteRequest {
        put_request: Some(PutRequest { item: Some(it) }),
        delete_request: None,
    };
    let out = db
        .batch_write_item(BatchWriteItemInput {
            request_items: Some(
                [
                    (
                        t.clone(),
                        vec![
                            put_request(lsi_item("b", "1")),
                            put_request(lsi_item("c", "1")),
                        ],
                    ),
                    (plain.clone(), vec![put_request(item(&[("pk", s("b"))]))]),
                ]
                .into(),
            ),
            return_item_collection_metrics: size(),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(
        out.item_collection_metrics.map(sorted),
        Some([(t.clone(), vec![small("b"), small("c")])].into()),
        "BatchWriteItem"
    );

    let out = db
        .transact_write_items(TransactWriteItemsInput {
            transact_items: Some(vec![
                TransactWriteItem {
                    put: Some(Put {
                        table_name: Some(t.clone()),
                        item: Some(lsi_item("d", "1")),
                        ..Default::default()
                    }),
                    ..Default::default()
                },
                TransactWriteItem {
                    delete: Some(Delete {
                        table_name: Some(t.clone()),
                        key: Some(item(&[("pk", s("b")), ("sk", n("1"))])),
                        ..Default::default()
                    }),
                    ..Default::default()
                },
                TransactWriteItem {
                    put: Some(Put {
                        table_name: Some(plain.clone()),
                        item: Some(item(&[("pk", s("d"))])),
                        ..Default::default()
                    }),
                    ..Default::default()
                },
            ]),
            return_item_collection_metrics: size(),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(
        out.item_collection_metrics.map(sorted),
        Some([(t.clone(), vec![small("b"), small("d")])].into()),
        "TransactWriteItems"
    );
}
