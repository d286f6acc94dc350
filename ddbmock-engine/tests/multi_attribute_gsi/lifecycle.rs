//! An index added by UpdateTable and backfilled, kept by a reopened SQLite file, and walked by parallel Scan.

use super::*;

#[tokio::test]
async fn update_table_backfills_a_multi_attribute_index() {
    let db = Engine::memory();
    db.create_table(CreateTableInput {
        table_name: Some("tbl".into()),
        attribute_definitions: Some(vec![def("id", ScalarAttributeType::S)]),
        key_schema: Some(vec![hash("id")]),
        billing_mode: Some(BillingMode::PayPerRequest),
        ..Default::default()
    })
    .await
    .unwrap();
    seed(&db).await;
    let mut partial = match_item("p", "w", "eu", 1, "lower", 1);
    partial.remove("seq");
    put(&db, partial).await;
    db.update_table(UpdateTableInput {
        table_name: Some("tbl".into()),
        attribute_definitions: Some(defs()),
        global_secondary_index_updates: Some(vec![GlobalSecondaryIndexUpdate {
            create: Some(CreateGlobalSecondaryIndexAction {
                index_name: Some("gsi".into()),
                key_schema: Some(gsi_schema()),
                projection: all(),
                ..Default::default()
            }),
            ..Default::default()
        }]),
        ..Default::default()
    })
    .await
    .unwrap();
    assert_eq!(
        ids(&db, &q("tenant = :t AND area = :r", part()))
            .await
            .unwrap(),
        ["m1", "m2", "m3", "m4", "m5", "m6"]
    );
    // With the two decoys of other partitions; without the item lacking `seq`.
    assert_eq!(index_count(&db).await, 8);

    // UpdateTable checks a new index's key schema as CreateTable does.
    let err = db
        .update_table(UpdateTableInput {
            table_name: Some("tbl".into()),
            attribute_definitions: Some(defs()),
            global_secondary_index_updates: Some(vec![GlobalSecondaryIndexUpdate {
                create: Some(CreateGlobalSecondaryIndexAction {
                    index_name: Some("gsi2".into()),
                    key_schema: Some(vec![hash("tenant"), range("round"), hash("area")]),
                    projection: all(),
                    ..Default::default()
                }),
                ..Default::default()
            }]),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(
        err.message(),
        "Invalid KeySchema: A HASH KeySchemaElement follows a RANGE KeySchemaElement"
    );
}

#[tokio::test]
async fn a_reopened_file_keeps_the_index_key_and_its_entries() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("db.sqlite");
    {
        let db = Engine::sqlite(&path).expect("a new database");
        db.create_table(create_input(gsi_schema())).await.unwrap();
        seed(&db).await;
    }
    let db = Engine::sqlite(&path).expect("the database reopens");
    let d = db
        .describe_table(DescribeTableInput {
            table_name: Some("tbl".into()),
        })
        .await
        .unwrap()
        .table
        .unwrap();
    let g = &d.global_secondary_indexes.unwrap()[0];
    assert_eq!(g.key_schema.as_deref(), Some(&gsi_schema()[..]));
    assert_eq!(g.item_count, Some(8));
    assert_eq!(
        ids(
            &db,
            &q(
                "tenant = :t AND area = :r AND round = :a AND bracket > :b",
                with(part(), &[(":a", n(1)), (":b", s("lower"))]),
            )
        )
        .await
        .unwrap(),
        ["m3", "m4"]
    );
    // Writes after reopening maintain the index with the same key.
    put(&db, match_item("m0", "w", "eu", 0, "a", 0)).await;
    assert_eq!(
        ids(&db, &q("tenant = :t AND area = :r", part()))
            .await
            .unwrap()[0],
        "m0"
    );
}

#[tokio::test]
async fn parallel_scan_pages_visit_every_entry_once() {
    let db = table().await;
    seed(&db).await;
    for total in [1, 3] {
        let mut seen = Vec::new();
        for segment in 0..total {
            let mut start = None;
            loop {
                let out = db
                    .scan(ScanInput {
                        table_name: Some("tbl".into()),
                        index_name: Some("gsi".into()),
                        limit: Some(1),
                        segment: Some(segment),
                        total_segments: Some(total),
                        exclusive_start_key: start.take(),
                        ..Default::default()
                    })
                    .await
                    .unwrap();
                for item in out.items.unwrap_or_default() {
                    seen.push(match &item["id"] {
                        AttributeValue::S(v) => v.clone(),
                        other => panic!("{other:?}"),
                    });
                }
                match out.last_evaluated_key {
                    Some(k) => start = Some(k),
                    None => break,
                }
            }
        }
        seen.sort();
        assert_eq!(
            seen,
            ["m1", "m2", "m3", "m4", "m5", "m6", "x1", "x2"],
            "{total} segments"
        );
    }
}
