//! Consumed capacity scenarios: units as DynamoDB bills them, at the 1 KB and 4 KB boundaries.

use ddbmock_core::DynamoDb;
use ddbmock_core::model::Item;
use ddbmock_core::operation::*;

use super::support::*;

/// An item of exactly `size` bytes by DynamoDB's formula: "pk" + "a" + "v" + the string.
fn sized(pk: &str, size: usize) -> Item {
    item(&[("pk", s(pk)), ("v", s(&"x".repeat(size - 3 - pk.len())))])
}

fn units(c: Option<ConsumedCapacity>) -> f64 {
    c.and_then(|c| c.capacity_units)
        .expect("consumed capacity reported")
}

/// PutItem, GetItem, UpdateItem, DeleteItem and Query report what DynamoDB bills.
pub async fn consumed_capacity_of_items(db: &dyn DynamoDb) {
    let t = new_table(db, "cap", false).await;
    let put = |it: Item| PutItemInput {
        table_name: Some(t.clone()),
        item: Some(it),
        return_consumed_capacity: Some(ReturnConsumedCapacity::Total),
        ..Default::default()
    };
    let out = db.put_item(put(sized("a", 1024))).await.unwrap();
    let c = out.consumed_capacity.clone().unwrap();
    assert_eq!(c.table_name.as_deref(), Some(t.as_str()));
    assert_eq!(units(out.consumed_capacity), 1.0);
    // Replacing a 1024-byte item with a 1025-byte one bills the larger: 2 units.
    assert_eq!(
        units(
            db.put_item(put(sized("a", 1025)))
                .await
                .unwrap()
                .consumed_capacity
        ),
        2.0
    );
    let none = db
        .put_item(PutItemInput {
            return_consumed_capacity: Some(ReturnConsumedCapacity::None),
            ..put(sized("b", 10))
        })
        .await
        .unwrap();
    assert!(none.consumed_capacity.is_none());

    let get = |pk: &str, consistent: bool| GetItemInput {
        table_name: Some(t.clone()),
        key: Some(item(&[("pk", s(pk))])),
        consistent_read: Some(consistent),
        return_consumed_capacity: Some(ReturnConsumedCapacity::Total),
        ..Default::default()
    };
    assert_eq!(
        units(
            db.get_item(get("a", false))
                .await
                .unwrap()
                .consumed_capacity
        ),
        0.5
    );
    assert_eq!(
        units(db.get_item(get("a", true)).await.unwrap().consumed_capacity),
        1.0
    );
    assert_eq!(
        units(
            db.get_item(get("missing", true))
                .await
                .unwrap()
                .consumed_capacity
        ),
        1.0
    );
    db.put_item(put(sized("big", 4097))).await.unwrap();
    assert_eq!(
        units(
            db.get_item(get("big", true))
                .await
                .unwrap()
                .consumed_capacity
        ),
        2.0
    );
    assert_eq!(
        units(
            db.get_item(get("big", false))
                .await
                .unwrap()
                .consumed_capacity
        ),
        1.0
    );

    let del = DeleteItemInput {
        table_name: Some(t.clone()),
        key: Some(item(&[("pk", s("big"))])),
        return_consumed_capacity: Some(ReturnConsumedCapacity::Total),
        ..Default::default()
    };
    // Deleting a 4097-byte item: 5 write units; deleting it again (missing): 1.
    assert_eq!(
        units(db.delete_item(del.clone()).await.unwrap().consumed_capacity),
        5.0
    );
    assert_eq!(
        units(db.delete_item(del).await.unwrap().consumed_capacity),
        1.0
    );

    // Query reads the partition's one 1025-byte item: rounded up to one 4 KB unit, halved.
    let q = db
        .query(QueryInput {
            table_name: Some(t.clone()),
            key_condition_expression: Some("pk = :p".into()),
            expression_attribute_values: Some(item(&[(":p", s("a"))])),
            return_consumed_capacity: Some(ReturnConsumedCapacity::Total),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(units(q.consumed_capacity), 0.5);
}

/// `INDEXES` breaks a write down into the table and each global secondary index it touches.
pub async fn consumed_capacity_by_index(db: &dyn DynamoDb) {
    let t = unique_name("capidx");
    let mut input = table_input(&t, false);
    input
        .attribute_definitions
        .as_mut()
        .unwrap()
        .push(def("g", ScalarAttributeType::S));
    input.global_secondary_indexes = Some(vec![GlobalSecondaryIndex {
        index_name: Some("by_g".into()),
        key_schema: Some(vec![key("g", KeyType::Hash)]),
        projection: Some(Projection {
            projection_type: Some(ProjectionType::KeysOnly),
            non_key_attributes: None,
        }),
        provisioned_throughput: Some(throughput(1, 1)),
        ..Default::default()
    }]);
    db.create_table(input).await.unwrap();
    until_active(db, &t).await;
    let put = |g: &str| PutItemInput {
        table_name: Some(t.clone()),
        item: Some(item(&[("pk", s("a")), ("g", s(g))])),
        return_consumed_capacity: Some(ReturnConsumedCapacity::Indexes),
        ..Default::default()
    };
    let c = db
        .put_item(put("x"))
        .await
        .unwrap()
        .consumed_capacity
        .unwrap();
    assert_eq!(c.capacity_units, Some(2.0));
    assert_eq!(c.table.unwrap().capacity_units, Some(1.0));
    assert_eq!(
        c.global_secondary_indexes.unwrap()["by_g"].capacity_units,
        Some(1.0)
    );
    // Changing the index key deletes the old entry and writes the new one: 2 index units.
    let c = db
        .put_item(put("y"))
        .await
        .unwrap()
        .consumed_capacity
        .unwrap();
    assert_eq!(
        c.global_secondary_indexes.unwrap()["by_g"].capacity_units,
        Some(2.0)
    );
    assert_eq!(c.capacity_units, Some(3.0));
}

/// Batches report per table; transactions cost double.
pub async fn consumed_capacity_of_batches_and_transactions(db: &dyn DynamoDb) {
    use std::collections::HashMap;
    let t = new_table(db, "capbt", false).await;
    let put = |pk: &str| WriteRequest {
        put_request: Some(PutRequest {
            item: Some(sized(pk, 100)),
        }),
        delete_request: None,
    };
    let out = db
        .batch_write_item(BatchWriteItemInput {
            request_items: Some(HashMap::from([(t.clone(), vec![put("a"), put("b")])])),
            return_consumed_capacity: Some(ReturnConsumedCapacity::Total),
            ..Default::default()
        })
        .await
        .unwrap();
    let c = out.consumed_capacity.unwrap();
    assert_eq!(
        (c.len(), c[0].table_name.as_deref(), c[0].capacity_units),
        (1, Some(t.as_str()), Some(2.0))
    );

    let got = db
        .batch_get_item(BatchGetItemInput {
            request_items: Some(HashMap::from([(
                t.clone(),
                KeysAndAttributes {
                    keys: Some(vec![item(&[("pk", s("a"))]), item(&[("pk", s("b"))])]),
                    ..Default::default()
                },
            )])),
            return_consumed_capacity: Some(ReturnConsumedCapacity::Total),
        })
        .await
        .unwrap();
    assert_eq!(got.consumed_capacity.unwrap()[0].capacity_units, Some(1.0));

    let tx = db
        .transact_write_items(TransactWriteItemsInput {
            transact_items: Some(vec![TransactWriteItem {
                put: Some(Put {
                    table_name: Some(t.clone()),
                    item: Some(sized("c", 100)),
                    ..Default::default()
                }),
                ..Default::default()
            }]),
            return_consumed_capacity: Some(ReturnConsumedCapacity::Total),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(tx.consumed_capacity.unwrap()[0].capacity_units, Some(2.0));

    let tg = db
        .transact_get_items(TransactGetItemsInput {
            transact_items: Some(vec![TransactGetItem {
                get: Some(Get {
                    table_name: Some(t.clone()),
                    key: Some(item(&[("pk", s("c"))])),
                    ..Default::default()
                }),
            }]),
            return_consumed_capacity: Some(ReturnConsumedCapacity::Total),
        })
        .await
        .unwrap();
    assert_eq!(tg.consumed_capacity.unwrap()[0].capacity_units, Some(2.0));
}
