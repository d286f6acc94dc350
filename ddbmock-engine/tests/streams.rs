//! Reading DynamoDB Streams on the engine, with a manual clock: the record of every write kind per
//! view type, iterators and paging, iterator expiry, retention, shard rollover, and the Streams
//! API's errors. Stream settings are in `stream_settings.rs`, the Rust subscription in
//! `stream_subscription.rs`.

mod streams_support;

use std::time::Duration;

use ddbmock_core::DynamoDb;
use ddbmock_core::DynamoDbStreams;
use ddbmock_core::operation::*;
use streams_support::*;

const HOUR: Duration = Duration::from_secs(3600);

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
