//! Secondary index scenarios: LSI and GSI maintenance, sparse indexes, projections, queries and scans
//! on indexes, UpdateTable's `GlobalSecondaryIndexUpdates`, and DescribeTable's index counts.

use ddbmock_core::DynamoDb;
use ddbmock_core::model::{AttributeValue, Item};
use ddbmock_core::operation::*;

use super::reads::*;
use super::support::*;

const VALIDATION: &str = "ValidationException";

fn projection(ty: ProjectionType, attrs: &[&str]) -> Projection {
    Projection {
        projection_type: Some(ty),
        non_key_attributes: (!attrs.is_empty())
            .then(|| attrs.iter().map(|a| (*a).to_owned()).collect()),
    }
}

fn gsi(name: &str, hash: &str, range: Option<&str>, p: Projection) -> GlobalSecondaryIndex {
    let mut ks = vec![key(hash, KeyType::Hash)];
    if let Some(r) = range {
        ks.push(key(r, KeyType::Range));
    }
    GlobalSecondaryIndex {
        index_name: Some(name.to_owned()),
        key_schema: Some(ks),
        projection: Some(p),
        ..Default::default()
    }
}

/// A table `pk` (S) / `sk` (N) with LSIs `by_l` (KEYS_ONLY on `l`, S) and `by_l_all` (ALL on `l`),
/// and GSIs `by_g` (INCLUDE `x` on `g` S / `gs` N) and `by_h` (KEYS_ONLY on `h`, B).
async fn indexed_table(db: &dyn DynamoDb, prefix: &str) -> String {
    let name = unique_name(prefix);
    let lsi = |n: &str, p: Projection| LocalSecondaryIndex {
        index_name: Some(n.to_owned()),
        key_schema: Some(vec![key("pk", KeyType::Hash), key("l", KeyType::Range)]),
        projection: Some(p),
    };
    db.create_table(CreateTableInput {
        table_name: Some(name.clone()),
        attribute_definitions: Some(vec![
            def("pk", ScalarAttributeType::S),
            def("sk", ScalarAttributeType::N),
            def("l", ScalarAttributeType::S),
            def("g", ScalarAttributeType::S),
            def("gs", ScalarAttributeType::N),
            def("h", ScalarAttributeType::B),
        ]),
        key_schema: Some(vec![key("pk", KeyType::Hash), key("sk", KeyType::Range)]),
        local_secondary_indexes: Some(vec![
            lsi("by_l", projection(ProjectionType::KeysOnly, &[])),
            lsi("by_l_all", projection(ProjectionType::All, &[])),
        ]),
        global_secondary_indexes: Some(vec![
            gsi(
                "by_g",
                "g",
                Some("gs"),
                projection(ProjectionType::Include, &["x"]),
            ),
            gsi("by_h", "h", None, projection(ProjectionType::KeysOnly, &[])),
        ]),
        billing_mode: Some(BillingMode::PayPerRequest),
        ..Default::default()
    })
    .await
    .expect("create table");
    until_active(db, &name).await;
    name
}

fn index_query(
    table: &str,
    index: &str,
    cond: &str,
    values: &[(&str, AttributeValue)],
) -> QueryInput {
    QueryInput {
        index_name: Some(index.to_owned()),
        ..query_input(table, cond, values)
    }
}

/// A local index keeps the items that have its sort key, in its order; by default a query returns
/// what it projects, and it fetches the rest from the table when asked for.
pub async fn lsi_queries(db: &dyn DynamoDb) {
    let t = indexed_table(db, "lsi").await;
    for i in 0..6 {
        let mut it = item(&[
            ("pk", s("p")),
            ("sk", n(&i.to_string())),
            ("x", n("1")),
            ("y", n("2")),
        ]);
        if i != 3 {
            // Reverse order on the index: `l` descends as `sk` ascends.
            it.insert("l".into(), s(&format!("l{}", 9 - i)));
        }
        put(db, &t, it).await;
    }
    let q = index_query(&t, "by_l", "pk = :p", &[(":p", s("p"))]);
    let out = db.query(q.clone()).await.unwrap();
    let items = out.items.unwrap();
    assert_eq!(
        column(&items, "sk"),
        vec![n("5"), n("4"), n("2"), n("1"), n("0")],
        "sparse, in index order"
    );
    assert_eq!(
        items[0],
        item(&[("pk", s("p")), ("sk", n("5")), ("l", s("l4"))]),
        "KEYS_ONLY: the table's and the index's keys"
    );
    let out = db
        .query(QueryInput {
            select: Some(Select::AllAttributes),
            limit: Some(1),
            ..q.clone()
        })
        .await
        .unwrap();
    assert_eq!(
        out.items.unwrap()[0],
        item(&[
            ("pk", s("p")),
            ("sk", n("5")),
            ("l", s("l4")),
            ("x", n("1")),
            ("y", n("2"))
        ]),
        "ALL_ATTRIBUTES fetches from the table"
    );
    assert_eq!(
        out.last_evaluated_key,
        Some(item(&[("pk", s("p")), ("sk", n("5")), ("l", s("l4"))])),
        "the table's keys and the index's"
    );
    let out = db
        .query(QueryInput {
            projection_expression: Some("y, l".into()),
            filter_expression: Some("x = :one".into()),
            expression_attribute_values: Some(item(&[(":p", s("p")), (":one", n("1"))])),
            ..q.clone()
        })
        .await
        .unwrap();
    assert_eq!(out.count, Some(5));
    assert_eq!(
        out.items.unwrap()[0],
        item(&[("y", n("2")), ("l", s("l4"))])
    );
    let out = db
        .query(QueryInput {
            scan_index_forward: Some(false),
            ..index_query(
                &t,
                "by_l_all",
                "pk = :p AND l BETWEEN :a AND :b",
                &[(":p", s("p")), (":a", s("l5")), (":b", s("l8"))],
            )
        })
        .await
        .unwrap();
    assert_eq!(
        column(&out.items.unwrap(), "sk"),
        vec![n("1"), n("2"), n("4")]
    );
    let (all, pages) = query_all(
        db,
        QueryInput {
            limit: Some(2),
            ..q.clone()
        },
    )
    .await;
    assert_eq!((all.len(), pages), (5, 3));
    let (scanned, _) = scan_all(
        db,
        ScanInput {
            index_name: Some("by_l".into()),
            limit: Some(2),
            consistent_read: Some(true),
            ..scan_input(&t)
        },
    )
    .await;
    assert_eq!(scanned.len(), 5);

    // Moving an item's index key moves its entry; deleting it removes it.
    put(
        db,
        &t,
        item(&[("pk", s("p")), ("sk", n("0")), ("l", s("l0"))]),
    )
    .await;
    db.delete_item(DeleteItemInput {
        table_name: Some(t.clone()),
        key: Some(item(&[("pk", s("p")), ("sk", n("5"))])),
        ..Default::default()
    })
    .await
    .unwrap();
    let out = db.query(q.clone()).await.unwrap();
    assert_eq!(
        column(&out.items.unwrap(), "l"),
        vec![s("l0"), s("l5"), s("l7"), s("l8")]
    );
}

/// A global index: sparse, projected, queried and scanned with its own rules and messages.
pub async fn gsi_queries(db: &dyn DynamoDb) {
    let t = indexed_table(db, "gsi").await;
    for i in 0..8 {
        let mut it = item(&[
            ("pk", s(&format!("p{i}"))),
            ("sk", n("1")),
            ("x", n(&i.to_string())),
            ("y", n("0")),
        ]);
        if i % 4 != 0 {
            it.insert("g".into(), s(if i % 2 == 0 { "even" } else { "odd" }));
            it.insert("gs".into(), n(&(-i).to_string()));
        }
        if i < 3 {
            it.insert("h".into(), b(&[i as u8]));
        }
        put(db, &t, it).await;
    }
    let q = index_query(&t, "by_g", "g = :g", &[(":g", s("odd"))]);
    let out = db.query(q.clone()).await.unwrap();
    let items = out.items.unwrap();
    assert_eq!(
        column(&items, "gs"),
        vec![n("-7"), n("-5"), n("-3"), n("-1")]
    );
    assert_eq!(
        items[0],
        item(&[
            ("pk", s("p7")),
            ("sk", n("1")),
            ("g", s("odd")),
            ("gs", n("-7")),
            ("x", n("7"))
        ]),
        "INCLUDE: keys and x, not y"
    );
    let out = db
        .query(QueryInput {
            limit: Some(1),
            ..q.clone()
        })
        .await
        .unwrap();
    assert_eq!(
        out.last_evaluated_key,
        Some(item(&[
            ("pk", s("p7")),
            ("sk", n("1")),
            ("g", s("odd")),
            ("gs", n("-7"))
        ]))
    );
    let (all, pages) = query_all(
        db,
        QueryInput {
            limit: Some(3),
            ..q.clone()
        },
    )
    .await;
    assert_eq!((all.len(), pages), (4, 2));
    let out = db
        .query(index_query(
            &t,
            "by_g",
            "g = :g AND gs > :m",
            &[(":g", s("even")), (":m", n("-3"))],
        ))
        .await
        .unwrap();
    assert_eq!(column(&out.items.unwrap(), "pk"), vec![s("p2")]);
    let out = db
        .query(QueryInput {
            filter_expression: Some("x > :three".into()),
            expression_attribute_values: Some(item(&[(":g", s("odd")), (":three", n("3"))])),
            ..q.clone()
        })
        .await
        .unwrap();
    assert_eq!((out.count, out.scanned_count), (Some(2), Some(4)));

    let (h_items, _) = scan_all(
        db,
        ScanInput {
            index_name: Some("by_h".into()),
            ..scan_input(&t)
        },
    )
    .await;
    assert_eq!(h_items.len(), 3, "sparse: only items with h");
    assert!(h_items.iter().all(|i| i.len() == 3), "KEYS_ONLY: pk, sk, h");
    let out = db
        .query(index_query(&t, "by_h", "h = :h", &[(":h", b(&[1]))]))
        .await
        .unwrap();
    assert_eq!(column(&out.items.unwrap(), "pk"), vec![s("p1")]);

    // Describe counts the index's entries.
    let d = describe(db, &t).await;
    let by_g = d
        .global_secondary_indexes
        .unwrap()
        .into_iter()
        .find(|g| g.index_name.as_deref() == Some("by_g"))
        .unwrap();
    assert_eq!(by_g.item_count, Some(6));
    assert!(by_g.index_size_bytes.unwrap() > 0);
    assert_eq!(by_g.index_status, Some(IndexStatus::Active));

    // Index keys of the wrong type are refused on write.
    assert_error(
        db.put_item(PutItemInput {
            table_name: Some(t.clone()),
            item: Some(item(&[("pk", s("z")), ("sk", n("1")), ("g", n("1"))])),
            ..Default::default()
        })
        .await,
        VALIDATION,
        "One or more parameter values were invalid: Type mismatch for Index Key g Expected: S Actual: N IndexName: by_g",
    );

    let cases: Vec<(QueryInput, &str)> = vec![
        (
            QueryInput {
                consistent_read: Some(true),
                ..q.clone()
            },
            "Consistent reads are not supported on global secondary indexes",
        ),
        (
            QueryInput {
                select: Some(Select::AllAttributes),
                ..q.clone()
            },
            "One or more parameter values were invalid: Select type ALL_ATTRIBUTES is not supported for global secondary index by_g because its projection type is not ALL",
        ),
        (
            QueryInput {
                projection_expression: Some("x, y".into()),
                ..q.clone()
            },
            "One or more parameter values were invalid: Global secondary index by_g does not project [y]",
        ),
        (
            QueryInput {
                filter_expression: Some("y = :z".into()),
                expression_attribute_values: Some(item(&[(":g", s("odd")), (":z", n("0"))])),
                ..q.clone()
            },
            "One or more parameter values were invalid: Secondary index by_g does not project one or more filter attributes: [y]",
        ),
        (
            QueryInput {
                select: Some(Select::AllProjectedAttributes),
                projection_expression: Some("x".into()),
                ..q.clone()
            },
            "Cannot specify the ProjectionExpression when choosing to get ALL_PROJECTED_ATTRIBUTES",
        ),
        (
            index_query(&t, "by_g", "pk = :g", &[(":g", s("odd"))]),
            "Query condition missed key schema element: g",
        ),
        (
            QueryInput {
                exclusive_start_key: Some(item(&[("pk", s("p7")), ("sk", n("1"))])),
                ..q.clone()
            },
            "The provided starting key is invalid",
        ),
        (
            QueryInput {
                filter_expression: Some("gs > :z".into()),
                expression_attribute_values: Some(item(&[(":g", s("odd")), (":z", n("0"))])),
                ..q.clone()
            },
            "Filter Expression can only contain non-primary key attributes: Primary key attribute: gs",
        ),
    ];
    for (input, message) in cases {
        assert_error(db.query(input).await, VALIDATION, message);
    }
    assert_error(
        db.scan(ScanInput {
            index_name: Some("by_g".into()),
            consistent_read: Some(true),
            ..scan_input(&t)
        })
        .await,
        VALIDATION,
        "Consistent reads are not supported on global secondary indexes",
    );
}

fn find_gsi(d: &TableDescription, name: &str) -> Option<GlobalSecondaryIndexDescription> {
    d.global_secondary_indexes
        .iter()
        .flatten()
        .find(|g| g.index_name.as_deref() == Some(name))
        .cloned()
}

/// UpdateTable adds a global index over the items already there (backfill), updates its throughput,
/// and deletes it; each with DynamoDB's errors.
pub async fn gsi_update_table(db: &dyn DynamoDb) {
    let t = new_table(db, "gsiupd", true).await;
    for i in 0..10 {
        let mut it: Item = item(&[
            ("pk", s(&format!("p{i}"))),
            ("sk", n("1")),
            ("v", n(&(i % 3).to_string())),
        ]);
        if i == 9 {
            it.insert("v".into(), s("not a number"));
        }
        put(db, &t, it).await;
    }
    let create = |name: &str| GlobalSecondaryIndexUpdate {
        create: Some(CreateGlobalSecondaryIndexAction {
            index_name: Some(name.to_owned()),
            key_schema: Some(vec![key("v", KeyType::Hash), key("pk", KeyType::Range)]),
            projection: Some(projection(ProjectionType::All, &[])),
            provisioned_throughput: Some(throughput(1, 1)),
            ..Default::default()
        }),
        ..Default::default()
    };
    let update = |updates: Vec<GlobalSecondaryIndexUpdate>,
                  defs: Option<Vec<AttributeDefinition>>| UpdateTableInput {
        table_name: Some(t.clone()),
        attribute_definitions: defs,
        global_secondary_index_updates: Some(updates),
        ..Default::default()
    };
    let v_def = Some(vec![def("v", ScalarAttributeType::N)]);
    let out = db
        .update_table(update(vec![create("by_v")], v_def.clone()))
        .await
        .unwrap();
    let d = out.table_description.unwrap();
    assert_eq!(
        d.attribute_definitions.as_ref().map(Vec::len),
        Some(3),
        "attribute definitions merged"
    );
    let g = find_gsi(&d, "by_v").expect("the new index");
    assert_eq!(g.index_status, Some(IndexStatus::Active));
    assert_eq!(
        g.item_count,
        Some(9),
        "backfilled; the item whose v is not a number is left out"
    );

    let out = db
        .query(index_query(&t, "by_v", "v = :v", &[(":v", n("1"))]))
        .await
        .unwrap();
    assert_eq!(
        column(&out.items.unwrap(), "pk"),
        vec![s("p1"), s("p4"), s("p7")]
    );
    put(
        db,
        &t,
        item(&[("pk", s("p0")), ("sk", n("1")), ("v", n("1"))]),
    )
    .await;
    let out = db
        .query(index_query(&t, "by_v", "v = :v", &[(":v", n("1"))]))
        .await
        .unwrap();
    assert_eq!(
        out.count,
        Some(4),
        "writes after the backfill maintain the index"
    );

    let errors: Vec<(UpdateTableInput, &str, &str)> = vec![
        (
            update(vec![create("by_v")], v_def.clone()),
            VALIDATION,
            "One or more parameter values were invalid: Index with the name by_v already exists",
        ),
        (
            update(vec![create("a_one"), create("a_two")], v_def.clone()),
            "LimitExceededException",
            "Subscriber limit exceeded: Only 1 online index can be created or deleted simultaneously per table",
        ),
        (
            update(vec![GlobalSecondaryIndexUpdate::default()], None),
            VALIDATION,
            "One or more parameter values were invalid: One of GlobalSecondaryIndexUpdate.Update, GlobalSecondaryIndexUpdate.Create, GlobalSecondaryIndexUpdate.Delete must not be null",
        ),
        (
            update(
                vec![GlobalSecondaryIndexUpdate {
                    delete: Some(DeleteGlobalSecondaryIndexAction {
                        index_name: Some("nope".into()),
                    }),
                    ..Default::default()
                }],
                None,
            ),
            "ResourceNotFoundException",
            "",
        ),
    ];
    for (input, exception, message) in errors {
        if message.is_empty() {
            let e = db.update_table(input).await.unwrap_err();
            assert_eq!(e.type_name(), exception);
        } else {
            assert_error(db.update_table(input).await, exception, message);
        }
    }

    let out = db
        .update_table(update(
            vec![GlobalSecondaryIndexUpdate {
                update: Some(UpdateGlobalSecondaryIndexAction {
                    index_name: Some("by_v".into()),
                    provisioned_throughput: Some(throughput(7, 8)),
                    ..Default::default()
                }),
                ..Default::default()
            }],
            None,
        ))
        .await
        .unwrap();
    let g = find_gsi(&out.table_description.unwrap(), "by_v").unwrap();
    let pt = g.provisioned_throughput.unwrap();
    assert_eq!(
        (pt.read_capacity_units, pt.write_capacity_units),
        (Some(7), Some(8))
    );

    let out = db
        .update_table(update(
            vec![GlobalSecondaryIndexUpdate {
                delete: Some(DeleteGlobalSecondaryIndexAction {
                    index_name: Some("by_v".into()),
                }),
                ..Default::default()
            }],
            None,
        ))
        .await
        .unwrap();
    let d = out.table_description.unwrap();
    assert!(find_gsi(&d, "by_v").is_none());
    assert_eq!(
        d.attribute_definitions.as_ref().map(Vec::len),
        Some(2),
        "v's definition goes with its index"
    );
    assert_error(
        db.query(index_query(&t, "by_v", "v = :v", &[(":v", n("1"))]))
            .await,
        VALIDATION,
        "The table does not have the specified index: by_v",
    );
    // Items are untouched, and the index can come back.
    assert_eq!(describe(db, &t).await.item_count, Some(10));
    db.update_table(update(vec![create("by_v")], v_def))
        .await
        .unwrap();
    let out = db
        .query(index_query(&t, "by_v", "v = :v", &[(":v", n("1"))]))
        .await
        .unwrap();
    assert_eq!(out.count, Some(4));
}
