//! DynamoDB Streams through the SDK bridge (feature `aws`): writes through `aws::client`, read back
//! through `aws::streams_client` on the same engine, typed Streams errors, and `#[ddbmock::test]`
//! injection of the Streams client.
#![cfg(feature = "aws")]

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, UNIX_EPOCH};

use aws_sdk_dynamodb::types::StreamViewType;
use aws_sdk_dynamodbstreams::error::ProvideErrorMetadata;
use aws_sdk_dynamodbstreams::operation::get_shard_iterator::GetShardIteratorError;
use aws_sdk_dynamodbstreams::primitives::DateTime;
use aws_sdk_dynamodbstreams::types::{
    AttributeValue as StreamValue, OperationType, ShardIteratorType, StreamStatus,
    StreamViewType as StreamsViewType,
};
use aws_support::{create_table, n, s};
use ddbmock::{Clock, Engine};

mod aws_support;

/// 2023-11-14T22:13:20Z, the engine's frozen clock.
const T0: u64 = 1_700_000_000;
const LABEL: &str = "2023-11-14T22:13:20.000";
const ARN: &str =
    "arn:aws:dynamodb:us-east-1:000000000000:table/orders/stream/2023-11-14T22:13:20.000";

fn engine() -> Engine {
    Engine::memory_with_clock(Clock::manual(UNIX_EPOCH + Duration::from_secs(T0)))
}

/// The key of item `pk`, as a stream record holds it: `pk` (S) and `sk` (N, always 1).
fn key(pk: &str) -> HashMap<String, StreamValue> {
    HashMap::from([
        ("pk".to_owned(), StreamValue::S(pk.to_owned())),
        ("sk".to_owned(), StreamValue::N("1".to_owned())),
    ])
}

/// Item `pk` with attribute `v`, as a stream record holds it.
fn image(pk: &str, v: &str) -> HashMap<String, StreamValue> {
    let mut item = key(pk);
    item.insert("v".to_owned(), StreamValue::N(v.to_owned()));
    item
}

/// Creates table `orders` with a NEW_AND_OLD_IMAGES stream, and returns the stream's ARN as
/// CreateTable reports it.
async fn create_orders(client: &aws_sdk_dynamodb::Client) -> String {
    let table = create_table(client, "orders", Some(StreamViewType::NewAndOldImages)).await;
    table.latest_stream_arn.unwrap()
}

#[tokio::test]
async fn writes_through_the_sdk_read_back_through_the_streams_sdk() {
    let engine = engine();
    let client = ddbmock::aws::client(&engine);
    let streams = ddbmock::aws::streams_client(&engine);
    assert_eq!(create_orders(&client).await, ARN);

    let put = |pk: &str, v: &str| {
        client
            .put_item()
            .table_name("orders")
            .item("pk", s(pk))
            .item("sk", n("1"))
            .item("v", n(v))
            .send()
    };
    put("a", "1").await.unwrap(); // INSERT a
    client
        .update_item()
        .table_name("orders")
        .key("pk", s("a"))
        .key("sk", n("1"))
        .update_expression("SET v = v + :one")
        .expression_attribute_values(":one", n("1"))
        .send()
        .await
        .unwrap(); // MODIFY a: 1 → 2
    put("b", "7").await.unwrap(); // INSERT b
    client
        .delete_item()
        .table_name("orders")
        .key("pk", s("a"))
        .key("sk", n("1"))
        .send()
        .await
        .unwrap(); // REMOVE a

    let listed = streams.list_streams().send().await.unwrap();
    let listed: Vec<_> = listed
        .streams()
        .iter()
        .map(|s| (s.stream_arn(), s.table_name(), s.stream_label()))
        .collect();
    assert_eq!(listed, [(Some(ARN), Some("orders"), Some(LABEL))]);

    let described = streams
        .describe_stream()
        .stream_arn(ARN)
        .send()
        .await
        .unwrap();
    let description = described.stream_description().unwrap();
    assert_eq!(description.stream_arn(), Some(ARN));
    assert_eq!(description.stream_label(), Some(LABEL));
    assert_eq!(description.stream_status(), Some(&StreamStatus::Enabled));
    assert_eq!(
        description.stream_view_type(),
        Some(&StreamsViewType::NewAndOldImages)
    );
    assert_eq!(description.table_name(), Some("orders"));
    assert_eq!(
        description.creation_request_date_time(),
        Some(&DateTime::from_secs(T0 as i64))
    );
    let key_schema: Vec<_> = description
        .key_schema()
        .iter()
        .map(|k| (k.attribute_name(), k.key_type().as_str()))
        .collect();
    assert_eq!(key_schema, [("pk", "HASH"), ("sk", "RANGE")]);
    assert_eq!(description.shards().len(), 1);
    let shard = description.shards()[0].shard_id().unwrap();

    let iterator = streams
        .get_shard_iterator()
        .stream_arn(ARN)
        .shard_id(shard)
        .shard_iterator_type(ShardIteratorType::TrimHorizon)
        .send()
        .await
        .unwrap();
    let page = streams
        .get_records()
        .shard_iterator(iterator.shard_iterator().unwrap())
        .send()
        .await
        .unwrap();

    let seen: Vec<_> = page
        .records()
        .iter()
        .map(|r| {
            let d = r.dynamodb().unwrap();
            (
                r.event_name().unwrap().clone(),
                d.keys().cloned(),
                d.new_image().cloned(),
                d.old_image().cloned(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            (
                OperationType::Insert,
                Some(key("a")),
                Some(image("a", "1")),
                None
            ),
            (
                OperationType::Modify,
                Some(key("a")),
                Some(image("a", "2")),
                Some(image("a", "1"))
            ),
            (
                OperationType::Insert,
                Some(key("b")),
                Some(image("b", "7")),
                None
            ),
            (
                OperationType::Remove,
                Some(key("a")),
                None,
                Some(image("a", "2"))
            ),
        ]
    );
    let mut last = 0u128;
    for record in page.records() {
        assert_eq!(record.event_version(), Some("1.1"));
        assert_eq!(record.event_source(), Some("aws:dynamodb"));
        assert_eq!(record.aws_region(), Some(ddbmock::aws::REGION));
        let d = record.dynamodb().unwrap();
        assert_eq!(
            d.approximate_creation_date_time(),
            Some(&DateTime::from_secs(T0 as i64))
        );
        assert_eq!(
            d.stream_view_type(),
            Some(&StreamsViewType::NewAndOldImages)
        );
        let sequence: u128 = d.sequence_number().unwrap().parse().unwrap();
        assert!(sequence > last, "sequence numbers grow");
        last = sequence;
    }

    // An open shard always has a next iterator; nothing has been written since.
    let next = page.next_shard_iterator().unwrap();
    let empty = streams
        .get_records()
        .shard_iterator(next)
        .send()
        .await
        .unwrap();
    assert!(empty.records().is_empty());
    assert!(empty.next_shard_iterator().is_some());
}

/// The error of a TRIM_HORIZON GetShardIterator of `shard` in stream `arn`.
async fn shard_iterator_error(engine: &Engine, arn: &str, shard: &str) -> GetShardIteratorError {
    ddbmock::aws::streams_client(engine)
        .get_shard_iterator()
        .stream_arn(arn)
        .shard_id(shard)
        .shard_iterator_type(ShardIteratorType::TrimHorizon)
        .send()
        .await
        .unwrap_err()
        .into_service_error()
}

#[tokio::test]
async fn unknown_stream_is_a_typed_resource_not_found() {
    let unknown =
        "arn:aws:dynamodb:us-east-1:000000000000:table/missing/stream/2023-11-14T22:13:20.000";
    let error =
        shard_iterator_error(&engine(), unknown, "shardId-00000001700000000000-0000abcd").await;
    assert!(error.is_resource_not_found_exception(), "{error:?}");
    assert_eq!(error.code(), Some("ResourceNotFoundException"));
    assert_eq!(
        error.message(),
        Some(
            "Requested resource not found: Stream: arn:aws:dynamodb:us-east-1:000000000000:table/missing/stream/2023-11-14T22:13:20.000 not found"
        )
    );
}

#[tokio::test]
async fn a_shard_the_stream_lacks_is_a_typed_resource_not_found() {
    let engine = engine();
    create_orders(&ddbmock::aws::client(&engine)).await;
    let error = shard_iterator_error(&engine, ARN, "shardId-00000001700000000000-ffffffff").await;
    assert!(error.is_resource_not_found_exception(), "{error:?}");
    assert_eq!(
        error.message(),
        Some("Requested resource not found: Shard does not exist")
    );
}

/// A bridge made with `Bridge::new` serves DynamoDB only, as an endpoint without Streams does.
#[tokio::test]
async fn a_dynamodb_only_bridge_does_not_know_streams() {
    let bridge = ddbmock::aws::Bridge::new(Arc::new(engine()));
    let config = ddbmock::aws::streams_config(&engine())
        .to_builder()
        .http_client(bridge)
        .build();
    let error = aws_sdk_dynamodbstreams::Client::from_conf(config)
        .list_streams()
        .send()
        .await
        .unwrap_err()
        .into_service_error();
    assert_eq!(error.code(), Some("UnknownOperationException"));
    assert_eq!(error.message(), None);
}

#[ddbmock::test]
async fn test_macro_injects_the_streams_client(
    client: aws_sdk_dynamodb::Client,
    streams: aws_sdk_dynamodbstreams::Client,
) {
    let arn = create_orders(&client).await;
    let listed = streams.list_streams().send().await.unwrap();
    let arns: Vec<_> = listed.streams().iter().map(|s| s.stream_arn()).collect();
    assert_eq!(arns, [Some(arn.as_str())]);
}

/// `aws::StreamsSdk`: the Streams trait over the SDK's client answers as the engine does, records and
/// errors alike, through both conversions (trait input → wire JSON → SDK → bridge → engine → back).
#[tokio::test]
async fn the_streams_trait_over_the_sdk_answers_as_the_engine() {
    use ddbmock::DynamoDbStreams;
    use ddbmock::operation::{
        DescribeStreamInput, GetRecordsInput, GetShardIteratorInput, ListStreamsInput,
        OperationType as Event, ShardIteratorType as TraitIteratorType,
    };

    let engine = engine();
    let client = ddbmock::aws::client(&engine);
    let arn = create_orders(&client).await;
    for (pk, v) in [("a", "1"), ("a", "2"), ("b", "3")] {
        let item = HashMap::from([
            ("pk".to_owned(), s(pk)),
            ("sk".to_owned(), n("1")),
            ("v".to_owned(), n(v)),
        ]);
        let put = client.put_item().table_name("orders").set_item(Some(item));
        put.send().await.unwrap();
    }
    let sdk = ddbmock::aws::StreamsSdk::new(ddbmock::aws::streams_client(&engine));
    let doors: [&dyn DynamoDbStreams; 2] = [&engine, &sdk];

    let mut answers = Vec::new();
    for door in doors {
        let listed = door
            .list_streams(ListStreamsInput::default())
            .await
            .unwrap();
        let described = door
            .describe_stream(DescribeStreamInput {
                stream_arn: Some(arn.clone()),
                ..Default::default()
            })
            .await
            .unwrap();
        let shard = described
            .stream_description
            .as_ref()
            .unwrap()
            .shards
            .as_ref()
            .unwrap()[0]
            .shard_id
            .clone();
        let iterator = door
            .get_shard_iterator(GetShardIteratorInput {
                stream_arn: Some(arn.clone()),
                shard_id: shard,
                shard_iterator_type: Some(TraitIteratorType::TrimHorizon),
                sequence_number: None,
            })
            .await
            .unwrap()
            .shard_iterator;
        let records = door
            .get_records(GetRecordsInput {
                shard_iterator: iterator,
                limit: None,
            })
            .await
            .unwrap()
            .records
            .unwrap();
        let events: Vec<_> = records.iter().map(|r| r.event_name.clone()).collect();
        assert_eq!(
            events,
            [
                Some(Event::Insert),
                Some(Event::Modify),
                Some(Event::Insert)
            ]
        );
        let missing = door
            .describe_stream(DescribeStreamInput {
                stream_arn: Some(format!("{arn}x")),
                ..Default::default()
            })
            .await
            .unwrap_err();
        let no_iterator = door
            .get_records(GetRecordsInput::default())
            .await
            .unwrap_err();
        answers.push((listed, described, records, missing, no_iterator));
    }
    let via_sdk = answers.pop().unwrap();
    let direct = answers.pop().unwrap();
    assert_eq!(via_sdk, direct);
    assert_eq!(
        direct.3.to_string(),
        format!("Requested resource not found: Stream: {arn}x not found")
    );
    assert_eq!(direct.4.type_name(), "ValidationException");
}
