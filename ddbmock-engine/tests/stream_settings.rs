//! A table's stream settings on the engine, with a manual clock: the stream CreateTable opens and
//! every description shows, disabling and re-enabling, deleting the table, the settings' errors, and
//! what a reopened SQLite store keeps.

mod streams_support;

use std::time::Duration;

use ddbmock_core::DynamoDb;
use ddbmock_core::DynamoDbStreams;
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
        stream_specification: Some(StreamSpecification {
            stream_enabled: Some(true),
            stream_view_type: None,
        }),
        ..CreateTableInput::new("uuu", "pk", ScalarAttributeType::S)
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
async fn a_reopened_store_keeps_the_stream_arn_not_its_records() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db.sqlite");
    let db = ddbmock_engine::Engine::sqlite(&path).unwrap();
    let arn = db
        .create_table(CreateTableInput {
            stream_specification: Some(stream_spec(Some(StreamViewType::KeysOnly))),
            ..CreateTableInput::new("tbl", "pk", ScalarAttributeType::S)
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
