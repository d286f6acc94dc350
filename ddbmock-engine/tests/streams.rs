//! DynamoDB Streams on the engine, with a manual clock: stream settings, the record of every write
//! kind per view type, iterators, retention, shard rollover, disabling, and the Rust subscription.

mod streams_support;

use std::time::Duration;

use ddbmock_core::DynamoDb;
use ddbmock_core::DynamoDbStreams;
use ddbmock_core::model::AttributeValue;
use ddbmock_core::operation::*;
use streams_support::*;

const HOUR: Duration = Duration::from_secs(3600);

#[tokio::test]
async fn create_table_opens_a_stream_described_everywhere() {
    let db = engine();
    let d = create(&db, "orders", Some(StreamViewType::NewAndOldImages)).await;
    let arn = d.latest_stream_arn.clone().unwrap();
    let label = d.latest_stream_label.clone().unwrap();
    assert_eq!(label, "2023-11-14T22:13:20.000");
    assert_eq!(
        arn,
        format!("arn:aws:dynamodb:us-east-1:000000000000:table/orders/stream/{label}")
    );
    let described = describe(&db, "orders").await;
    assert_eq!(described.latest_stream_arn.as_deref(), Some(arn.as_str()));
    assert_eq!(
        described.stream_specification,
        Some(stream_spec(Some(StreamViewType::NewAndOldImages)))
    );
    let plain = create(&db, "plain", None).await;
    assert_eq!(plain.latest_stream_arn, None);
    assert_eq!(plain.stream_specification, None);

    let listed = db.list_streams(ListStreamsInput::default()).await.unwrap();
    assert_eq!(
        listed.streams.unwrap(),
        vec![Stream {
            stream_arn: Some(arn.clone()),
            table_name: Some("orders".into()),
            stream_label: Some(label.clone()),
        }]
    );
    let s = stream_description(&db, &arn).await;
    assert_eq!(s.stream_status, Some(StreamStatus::Enabled));
    assert_eq!(s.stream_view_type, Some(StreamViewType::NewAndOldImages));
    assert_eq!(s.table_name.as_deref(), Some("orders"));
    assert_eq!(s.key_schema, d.key_schema);
    assert_eq!(s.creation_request_date_time, Some(T0 as f64));
    let shards = s.shards.unwrap();
    assert_eq!(shards.len(), 1);
    let id = shards[0].shard_id.as_deref().unwrap();
    assert!(id.starts_with("shardId-00000001700000000000-"), "{id}");
    assert_eq!(id.len(), "shardId-00000001700000000000-0000abcd".len());
    assert_eq!(shards[0].parent_shard_id, None);
    let range = shards[0].sequence_number_range.as_ref().unwrap();
    assert_eq!(range.ending_sequence_number, None);
    assert_eq!(range.starting_sequence_number.as_ref().unwrap().len(), 21);
}

#[tokio::test]
async fn every_write_kind_records_what_the_view_type_asks_for() {
    for view in [
        StreamViewType::KeysOnly,
        StreamViewType::NewImage,
        StreamViewType::OldImage,
        StreamViewType::NewAndOldImages,
    ] {
        let db = engine();
        let arn = create(&db, "tbl", Some(view.clone()))
            .await
            .latest_stream_arn
            .unwrap();
        let v = |pk: &str, v: i64| item(&[("pk", s(pk)), ("v", n(v))]);
        put(&db, "tbl", v("a", 1)).await; // INSERT
        put(&db, "tbl", v("a", 2)).await; // MODIFY (replace)
        put(&db, "tbl", v("a", 2)).await; // nothing changed: no record
        db.update_item(UpdateItemInput {
            table_name: Some("tbl".into()),
            key: Some(item(&[("pk", s("a"))])),
            attribute_updates: Some(
                [(
                    "v".to_owned(),
                    AttributeValueUpdate {
                        value: Some(n(3)),
                        action: Some(AttributeAction::Put),
                    },
                )]
                .into(),
            ),
            ..Default::default()
        })
        .await
        .unwrap(); // MODIFY
        delete(&db, "tbl", "a").await; // REMOVE
        delete(&db, "tbl", "a").await; // nothing there: no record
        db.batch_write_item(BatchWriteItemInput {
            request_items: Some(
                [(
                    "tbl".to_owned(),
                    vec![
                        WriteRequest {
                            put_request: Some(PutRequest {
                                item: Some(v("b", 1)),
                            }),
                            delete_request: None,
                        },
                        WriteRequest {
                            put_request: None,
                            delete_request: Some(DeleteRequest {
                                key: Some(item(&[("pk", s("zz"))])),
                            }),
                        },
                    ],
                )]
                .into(),
            ),
            ..Default::default()
        })
        .await
        .unwrap(); // INSERT b; the delete of a missing item records nothing
        delete(&db, "tbl", "b").await; // REMOVE

        let got = read_all(&db, &arn).await;
        let ev = |e: &str, pk: &str| (e.to_owned(), pk.to_owned());
        assert_eq!(
            events(&got),
            vec![
                ev("INSERT", "a"),
                ev("MODIFY", "a"),
                ev("MODIFY", "a"),
                ev("REMOVE", "a"),
                ev("INSERT", "b"),
                ev("REMOVE", "b"),
            ],
            "{view:?}"
        );
        let images: Vec<_> = got
            .iter()
            .map(|r| {
                let d = r.dynamodb.as_ref().unwrap();
                (d.new_image.clone(), d.old_image.clone())
            })
            .collect();
        let (new, old) = match view {
            StreamViewType::KeysOnly => (false, false),
            StreamViewType::NewImage => (true, false),
            StreamViewType::OldImage => (false, true),
            _ => (true, true),
        };
        let want = |new_v: Option<(&str, i64)>, old_v: Option<(&str, i64)>| {
            (
                new_v.filter(|_| new).map(|(p, x)| v(p, x)),
                old_v.filter(|_| old).map(|(p, x)| v(p, x)),
            )
        };
        assert_eq!(
            images,
            vec![
                want(Some(("a", 1)), None),
                want(Some(("a", 2)), Some(("a", 1))),
                want(Some(("a", 3)), Some(("a", 2))),
                want(None, Some(("a", 3))),
                want(Some(("b", 1)), None),
                want(None, Some(("b", 1))),
            ],
            "{view:?}"
        );
        let mut last = 0u128;
        for r in &got {
            assert_eq!(r.event_version.as_deref(), Some("1.1"));
            assert_eq!(r.event_source.as_deref(), Some("aws:dynamodb"));
            assert_eq!(r.aws_region.as_deref(), Some("us-east-1"));
            assert_eq!(r.user_identity, None);
            let d = r.dynamodb.as_ref().unwrap();
            assert_eq!(d.stream_view_type.as_ref(), Some(&view));
            assert_eq!(d.approximate_creation_date_time, Some(T0 as f64));
            assert!(d.size_bytes.unwrap() > 0);
            let seq: u128 = d.sequence_number.as_ref().unwrap().parse().unwrap();
            assert!(seq > last, "sequence numbers grow");
            last = seq;
        }
        let ids: std::collections::HashSet<_> = got.iter().map(|r| r.event_id.clone()).collect();
        assert_eq!(ids.len(), got.len(), "event ids are unique");
    }
}

#[tokio::test]
async fn iterator_types_and_paging() {
    let db = engine();
    let arn = create(&db, "tbl", Some(StreamViewType::KeysOnly))
        .await
        .latest_stream_arn
        .unwrap();
    for pk in ["a", "b", "c"] {
        put(&db, "tbl", item(&[("pk", s(pk))])).await;
    }
    let shard = stream_description(&db, &arn).await.shards.unwrap()[0]
        .shard_id
        .clone()
        .unwrap();
    let latest = iterator(&db, &arn, &shard, ShardIteratorType::Latest, None)
        .await
        .unwrap();
    put(&db, "tbl", item(&[("pk", s("d"))])).await;

    let horizon = iterator(&db, &arn, &shard, ShardIteratorType::TrimHorizon, None)
        .await
        .unwrap();
    let page = records(&db, &horizon, Some(2)).await.unwrap();
    let first = page.records.unwrap();
    assert_eq!(events(&first).len(), 2);
    let rest = records(&db, &page.next_shard_iterator.unwrap(), None)
        .await
        .unwrap();
    let rest_records = rest.records.unwrap();
    assert_eq!(
        events(&rest_records)
            .iter()
            .map(|e| e.1.as_str())
            .collect::<Vec<_>>(),
        ["c", "d"]
    );
    // An open shard always has a next iterator, even when there is nothing new.
    let empty = records(&db, &rest.next_shard_iterator.unwrap(), None)
        .await
        .unwrap();
    assert_eq!(empty.records, Some(vec![]));
    assert!(empty.next_shard_iterator.is_some());

    let from_latest = records(&db, &latest, None).await.unwrap().records.unwrap();
    assert_eq!(events(&from_latest)[0].1, "d");
    assert_eq!(from_latest.len(), 1);

    let seq_b = first[1].dynamodb.as_ref().unwrap().sequence_number.clone();
    let at = iterator(
        &db,
        &arn,
        &shard,
        ShardIteratorType::AtSequenceNumber,
        seq_b.as_deref(),
    )
    .await
    .unwrap();
    let got = records(&db, &at, Some(1)).await.unwrap().records.unwrap();
    assert_eq!(events(&got)[0].1, "b");
    let after = iterator(
        &db,
        &arn,
        &shard,
        ShardIteratorType::AfterSequenceNumber,
        seq_b.as_deref(),
    )
    .await
    .unwrap();
    let got = records(&db, &after, Some(1))
        .await
        .unwrap()
        .records
        .unwrap();
    assert_eq!(events(&got)[0].1, "c");
}

#[tokio::test]
async fn iterators_expire_after_fifteen_minutes() {
    let db = engine();
    let arn = create(&db, "tbl", Some(StreamViewType::KeysOnly))
        .await
        .latest_stream_arn
        .unwrap();
    let shard = stream_description(&db, &arn).await.shards.unwrap()[0]
        .shard_id
        .clone()
        .unwrap();
    let it = iterator(&db, &arn, &shard, ShardIteratorType::TrimHorizon, None)
        .await
        .unwrap();
    db.clock().advance(Duration::from_secs(15 * 60));
    let next = records(&db, &it, None)
        .await
        .unwrap()
        .next_shard_iterator
        .unwrap();
    db.clock().advance(Duration::from_secs(1));
    assert_error(
        records(&db, &it, None).await,
        "ExpiredIteratorException",
        "Iterator expired. The iterator was created at time Tue Nov 14 22:13:20 UTC 2023 while \
         right now it is Tue Nov 14 22:28:21 UTC 2023 which is further in the future than the \
         tolerated delay of 900000 milliseconds.",
    );
    // The next iterator was handed out later, so it lives on.
    records(&db, &next, None).await.unwrap();
}

#[tokio::test]
async fn records_older_than_a_day_are_trimmed() {
    let db = engine();
    let arn = create(&db, "tbl", Some(StreamViewType::KeysOnly))
        .await
        .latest_stream_arn
        .unwrap();
    put(&db, "tbl", item(&[("pk", s("old"))])).await;
    let shard = stream_description(&db, &arn).await.shards.unwrap()[0]
        .shard_id
        .clone()
        .unwrap();
    let old_seq = read_all(&db, &arn).await[0]
        .dynamodb
        .as_ref()
        .unwrap()
        .sequence_number
        .clone()
        .unwrap();
    db.clock().advance(Duration::from_secs(23 * 3600 + 55 * 60));
    let before_trim = iterator(&db, &arn, &shard, ShardIteratorType::TrimHorizon, None)
        .await
        .unwrap();
    db.clock().advance(Duration::from_secs(10 * 60));
    put(&db, "tbl", item(&[("pk", s("new"))])).await;
    // Still within its 15 minutes, but the record it points at is gone.
    assert_error(
        records(&db, &before_trim, None).await,
        "TrimmedDataAccessException",
        "The data you are trying to access has been trimmed.",
    );
    assert_error(
        iterator(
            &db,
            &arn,
            &shard,
            ShardIteratorType::AtSequenceNumber,
            Some(&old_seq),
        )
        .await,
        "TrimmedDataAccessException",
        "The data you are trying to access has been trimmed.",
    );
    let remaining = read_all(&db, &arn).await;
    assert_eq!(events(&remaining), vec![("INSERT".into(), "new".into())]);
}

#[tokio::test]
async fn shards_roll_over_every_four_hours() {
    let db = engine();
    let arn = create(&db, "tbl", Some(StreamViewType::KeysOnly))
        .await
        .latest_stream_arn
        .unwrap();
    put(&db, "tbl", item(&[("pk", s("a"))])).await;
    db.clock().advance(4 * HOUR);
    put(&db, "tbl", item(&[("pk", s("b"))])).await;
    let shards = stream_description(&db, &arn).await.shards.unwrap();
    assert_eq!(shards.len(), 2);
    let (parent, child) = (&shards[0], &shards[1]);
    assert_eq!(child.parent_shard_id, parent.shard_id);
    let end = parent
        .sequence_number_range
        .as_ref()
        .unwrap()
        .ending_sequence_number
        .clone()
        .unwrap();
    let child_start = child
        .sequence_number_range
        .as_ref()
        .unwrap()
        .starting_sequence_number
        .clone()
        .unwrap();
    assert!(end.parse::<u128>().unwrap() < child_start.parse::<u128>().unwrap());

    // A closed shard read to its end has no next iterator.
    let pid = parent.shard_id.clone().unwrap();
    let it = iterator(&db, &arn, &pid, ShardIteratorType::TrimHorizon, None)
        .await
        .unwrap();
    let page = records(&db, &it, None).await.unwrap();
    assert_eq!(events(&page.records.unwrap())[0].1, "a");
    assert_eq!(page.next_shard_iterator, None);
    assert_eq!(
        events(&read_all(&db, &arn).await)
            .into_iter()
            .map(|e| e.1)
            .collect::<Vec<_>>(),
        ["a", "b"]
    );

    let children = db
        .describe_stream(DescribeStreamInput {
            stream_arn: Some(arn.clone()),
            shard_filter: Some(ShardFilter {
                r#type: Some(ShardFilterType::ChildShards),
                shard_id: Some(pid.clone()),
            }),
            ..Default::default()
        })
        .await
        .unwrap()
        .stream_description
        .unwrap();
    assert_eq!(children.shards.unwrap(), vec![child.clone()]);
    let page = db
        .describe_stream(DescribeStreamInput {
            stream_arn: Some(arn.clone()),
            limit: Some(1),
            ..Default::default()
        })
        .await
        .unwrap()
        .stream_description
        .unwrap();
    assert_eq!(page.shards.unwrap(), vec![parent.clone()]);
    assert_eq!(page.last_evaluated_shard_id, Some(pid.clone()));
    let page = db
        .describe_stream(DescribeStreamInput {
            stream_arn: Some(arn.clone()),
            exclusive_start_shard_id: Some(pid),
            ..Default::default()
        })
        .await
        .unwrap()
        .stream_description
        .unwrap();
    assert_eq!(page.shards.unwrap(), vec![child.clone()]);
    assert_eq!(page.last_evaluated_shard_id, None);

    // A day after it closed, the parent shard is gone.
    db.clock().advance(24 * HOUR);
    let shards = stream_description(&db, &arn).await.shards.unwrap();
    assert!(shards.iter().all(|s| s.shard_id != parent.shard_id));
}

#[tokio::test]
async fn disabling_closes_the_stream_and_enabling_makes_a_new_one() {
    let db = engine();
    let first = create(&db, "tbl", Some(StreamViewType::NewImage))
        .await
        .latest_stream_arn
        .unwrap();
    put(&db, "tbl", item(&[("pk", s("a"))])).await;
    assert_error(
        set_stream(&db, "tbl", Some(StreamViewType::NewImage)).await,
        "ValidationException",
        "Table already has an enabled stream: TableName: tbl",
    );
    assert_error(
        set_stream(&db, "tbl", Some(StreamViewType::KeysOnly)).await,
        "ValidationException",
        "Table already has an enabled stream: TableName: tbl",
    );
    let out = set_stream(&db, "tbl", None).await.unwrap();
    let d = out.table_description.unwrap();
    assert_eq!(d.stream_specification, None);
    assert_eq!(d.latest_stream_arn.as_deref(), Some(first.as_str()));
    assert_error(
        set_stream(&db, "tbl", None).await,
        "ValidationException",
        "Table has no stream to disable: TableName: tbl",
    );
    put(&db, "tbl", item(&[("pk", s("not recorded"))])).await;

    let s1 = stream_description(&db, &first).await;
    assert_eq!(s1.stream_status, Some(StreamStatus::Disabled));
    let shard = &s1.shards.unwrap()[0];
    assert!(
        shard
            .sequence_number_range
            .as_ref()
            .unwrap()
            .ending_sequence_number
            .is_some()
    );
    assert_eq!(
        events(&read_all(&db, &first).await),
        vec![("INSERT".into(), "a".into())]
    );

    let second = set_stream(&db, "tbl", Some(StreamViewType::KeysOnly))
        .await
        .unwrap()
        .table_description
        .unwrap()
        .latest_stream_arn
        .unwrap();
    assert_ne!(first, second);
    put(&db, "tbl", item(&[("pk", s("b"))])).await;
    assert_eq!(
        events(&read_all(&db, &second).await),
        vec![("INSERT".into(), "b".into())]
    );
    let listed = db
        .list_streams(ListStreamsInput {
            table_name: Some("tbl".into()),
            ..Default::default()
        })
        .await
        .unwrap()
        .streams
        .unwrap();
    assert_eq!(listed.len(), 2);
    let page = db
        .list_streams(ListStreamsInput {
            limit: Some(1),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(page.streams.unwrap().len(), 1);
    let start = page.last_evaluated_stream_arn.unwrap();
    let rest = db
        .list_streams(ListStreamsInput {
            exclusive_start_stream_arn: Some(start),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(rest.streams.unwrap().len(), 1);
    assert_eq!(rest.last_evaluated_stream_arn, None);

    // A disabled stream is readable for 24 hours, then gone.
    db.clock().advance(24 * HOUR);
    assert_error(
        db.describe_stream(DescribeStreamInput {
            stream_arn: Some(first.clone()),
            ..Default::default()
        })
        .await,
        "ResourceNotFoundException",
        &format!("Requested resource not found: Stream: {first} not found"),
    );
}

#[tokio::test]
async fn deleting_the_table_disables_its_stream() {
    let db = engine();
    let arn = create(&db, "tbl", Some(StreamViewType::KeysOnly))
        .await
        .latest_stream_arn
        .unwrap();
    put(&db, "tbl", item(&[("pk", s("a"))])).await;
    db.delete_table(DeleteTableInput {
        table_name: Some("tbl".into()),
    })
    .await
    .unwrap();
    let d = stream_description(&db, &arn).await;
    assert_eq!(d.stream_status, Some(StreamStatus::Disabled));
    assert_eq!(read_all(&db, &arn).await.len(), 1);
    // A new table of the same name, in the same millisecond, gets a stream of its own.
    let again = create(&db, "tbl", Some(StreamViewType::KeysOnly))
        .await
        .latest_stream_arn
        .unwrap();
    assert_ne!(again, arn);
}

#[tokio::test]
async fn stream_setting_errors() {
    let db = engine();
    create(&db, "tbl", None).await;
    assert_error(
        db.update_table(UpdateTableInput {
            table_name: Some("tbl".into()),
            stream_specification: Some(StreamSpecification {
                stream_enabled: Some(true),
                stream_view_type: None,
            }),
            ..Default::default()
        })
        .await,
        "ValidationException",
        "One or more parameter values were invalid: If stream is being enabled then UpdateViewType is required",
    );
    assert_error(
        db.update_table(UpdateTableInput {
            table_name: Some("tbl".into()),
            stream_specification: Some(StreamSpecification {
                stream_enabled: Some(false),
                stream_view_type: Some(StreamViewType::KeysOnly),
            }),
            ..Default::default()
        })
        .await,
        "ValidationException",
        "One or more parameter values were invalid: If stream is being disabled, then UpdateViewType must not be specified",
    );
    let mut input = CreateTableInput {
        table_name: Some("uuu".into()),
        attribute_definitions: Some(vec![AttributeDefinition {
            attribute_name: Some("pk".into()),
            attribute_type: Some(ScalarAttributeType::S),
        }]),
        key_schema: Some(vec![KeySchemaElement {
            attribute_name: Some("pk".into()),
            key_type: Some(KeyType::Hash),
        }]),
        billing_mode: Some(BillingMode::PayPerRequest),
        stream_specification: Some(StreamSpecification {
            stream_enabled: Some(true),
            stream_view_type: None,
        }),
        ..Default::default()
    };
    assert_error(
        db.create_table(input.clone()).await,
        "ValidationException",
        "One or more parameter values were invalid: Table is being created with a stream enabled, UpdateViewType is required",
    );
    input.stream_specification = Some(StreamSpecification {
        stream_enabled: Some(false),
        stream_view_type: Some(StreamViewType::NewImage),
    });
    assert_error(
        db.create_table(input).await,
        "ValidationException",
        "One or more parameter values were invalid: Table is being created with a stream disabled, UpdateViewType should not be specified",
    );
}

#[tokio::test]
async fn streams_api_errors() {
    let db = engine();
    let arn = create(&db, "tbl", Some(StreamViewType::KeysOnly))
        .await
        .latest_stream_arn
        .unwrap();
    let missing = "arn:aws:dynamodb:us-east-1:000000000000:table/x/stream/2023-11-14T22:13:20.000";
    assert_error(
        db.describe_stream(DescribeStreamInput {
            stream_arn: Some(missing.into()),
            ..Default::default()
        })
        .await,
        "ResourceNotFoundException",
        &format!("Requested resource not found: Stream: {missing} not found"),
    );
    assert_error(
        iterator(
            &db,
            &arn,
            "shardId-00000000000000000000-00000000",
            ShardIteratorType::Latest,
            None,
        )
        .await,
        "ResourceNotFoundException",
        "Requested resource not found: Shard does not exist",
    );
    assert_error(
        records(&db, "nonsense", None).await,
        "ValidationException",
        "Invalid ShardIterator",
    );
    assert_error(
        records(&db, "x", Some(1001)).await,
        "ValidationException",
        "1 validation error detected: Value '1001' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 1000",
    );
    assert_error(
        db.get_records(GetRecordsInput::default()).await,
        "ValidationException",
        "1 validation error detected: Value null at 'shardIterator' failed to satisfy constraint: Member must not be null",
    );
    assert_error(
        db.get_shard_iterator(GetShardIteratorInput {
            stream_arn: Some(arn.clone()),
            shard_id: Some("short".into()),
            shard_iterator_type: Some(ShardIteratorType::from("SIDEWAYS")),
            sequence_number: None,
        })
        .await,
        "ValidationException",
        "2 validation errors detected: Value 'short' at 'shardId' failed to satisfy constraint: Member must have length greater than or equal to 28; Value 'SIDEWAYS' at 'shardIteratorType' failed to satisfy constraint: Member must satisfy enum value set: [TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER]",
    );
}

#[tokio::test]
async fn stream_records_drive_a_handler_like_a_lambda_trigger() {
    let db = engine();
    create(&db, "tbl", Some(StreamViewType::NewAndOldImages)).await;
    assert_error(
        db.stream_records("nope").map(|_| ()),
        "ResourceNotFoundException",
        "Requested resource not found: Table: nope not found",
    );
    put(&db, "tbl", item(&[("pk", s("before"))])).await;
    let mut sub = db.stream_records("tbl").unwrap();
    let writer = {
        let db = db.clone();
        tokio::spawn(async move {
            tokio::task::yield_now().await;
            put(&db, "tbl", item(&[("pk", s("a")), ("v", n(1))])).await;
            put(&db, "tbl", item(&[("pk", s("a")), ("v", n(2))])).await;
            set_stream(&db, "tbl", None).await.unwrap();
        })
    };
    let mut seen = Vec::new();
    while let Some(r) = sub.next().await {
        let new = r.dynamodb.as_ref().unwrap().new_image.clone();
        seen.push((
            r.event_name.clone().unwrap(),
            new.and_then(|i| i.get("v").cloned()),
        ));
    }
    writer.await.unwrap();
    assert_eq!(
        seen,
        vec![
            (OperationType::Insert, None),
            (OperationType::Insert, Some(AttributeValue::N("1".into()))),
            (OperationType::Modify, Some(AttributeValue::N("2".into()))),
        ]
    );
    assert!(sub.try_next().is_none());
}

#[tokio::test]
async fn a_reopened_store_keeps_the_stream_arn_not_its_records() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db.sqlite");
    let db = ddbmock_engine::Engine::sqlite(&path).unwrap();
    let arn = db
        .create_table(CreateTableInput {
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
            stream_specification: Some(stream_spec(Some(StreamViewType::KeysOnly))),
            ..Default::default()
        })
        .await
        .unwrap()
        .table_description
        .unwrap()
        .latest_stream_arn
        .unwrap();
    put(&db, "tbl", item(&[("pk", s("before"))])).await;
    drop(db);
    let db = ddbmock_engine::Engine::sqlite(&path).unwrap();
    assert_eq!(
        stream_description(&db, &arn).await.stream_status,
        Some(StreamStatus::Enabled)
    );
    assert!(
        read_all(&db, &arn).await.is_empty(),
        "records are not persisted"
    );
    put(&db, "tbl", item(&[("pk", s("after"))])).await;
    assert_eq!(
        events(&read_all(&db, &arn).await),
        vec![("INSERT".into(), "after".into())]
    );
}
