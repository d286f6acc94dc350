//! Helpers shared by the stream and TTL tests: a manual-clock engine, tables, writes, and reading a
//! whole stream through the Streams API.

#![allow(dead_code, unreachable_pub)]

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use ddbmock_core::model::{AttributeValue, Item};
use ddbmock_core::operation::*;
use ddbmock_engine::{Clock, DynamoDb, DynamoDbStreams, Engine, Error};

/// 2023-11-14T22:13:20Z.
pub const T0: u64 = 1_700_000_000;

pub fn start() -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(T0)
}

pub fn engine() -> Engine {
    Engine::memory_with_clock(Clock::manual(start()))
}

pub fn s(v: &str) -> AttributeValue {
    AttributeValue::S(v.to_owned())
}

pub fn n(v: impl ToString) -> AttributeValue {
    AttributeValue::N(v.to_string())
}

pub fn item(pairs: &[(&str, AttributeValue)]) -> Item {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect()
}

#[track_caller]
pub fn assert_error<T: std::fmt::Debug>(r: Result<T, Error>, exception: &str, message: &str) {
    match r {
        Ok(v) => panic!("expected {exception}: {message}, got {v:?}"),
        Err(e) => assert_eq!((e.type_name(), e.message().as_str()), (exception, message)),
    }
}

pub fn stream_spec(view: Option<StreamViewType>) -> StreamSpecification {
    StreamSpecification {
        stream_enabled: Some(view.is_some()),
        stream_view_type: view,
    }
}

/// Creates table `name` keyed by `pk` (S), on demand, with a stream of `view` when given.
pub async fn create(db: &Engine, name: &str, view: Option<StreamViewType>) -> TableDescription {
    db.create_table(CreateTableInput {
        stream_specification: view.map(|v| stream_spec(Some(v))),
        ..CreateTableInput::new(name, "pk", ScalarAttributeType::S)
    })
    .await
    .unwrap()
    .table_description
    .unwrap()
}

pub async fn describe(db: &Engine, name: &str) -> TableDescription {
    db.describe_table(DescribeTableInput {
        table_name: Some(name.to_owned()),
    })
    .await
    .unwrap()
    .table
    .unwrap()
}

pub async fn set_stream(
    db: &Engine,
    name: &str,
    view: Option<StreamViewType>,
) -> Result<UpdateTableOutput, Error> {
    db.update_table(UpdateTableInput {
        table_name: Some(name.to_owned()),
        stream_specification: Some(stream_spec(view)),
        ..Default::default()
    })
    .await
}

pub async fn put(db: &Engine, table: &str, it: Item) {
    db.put_item(PutItemInput {
        table_name: Some(table.to_owned()),
        item: Some(it),
        ..Default::default()
    })
    .await
    .unwrap();
}

pub async fn get(db: &Engine, table: &str, pk: &str) -> Option<Item> {
    db.get_item(GetItemInput {
        table_name: Some(table.to_owned()),
        key: Some(item(&[("pk", s(pk))])),
        consistent_read: Some(true),
        ..Default::default()
    })
    .await
    .unwrap()
    .item
}

pub async fn delete(db: &Engine, table: &str, pk: &str) {
    db.delete_item(DeleteItemInput {
        table_name: Some(table.to_owned()),
        key: Some(item(&[("pk", s(pk))])),
        ..Default::default()
    })
    .await
    .unwrap();
}

pub async fn stream_description(db: &Engine, arn: &str) -> StreamDescription {
    db.describe_stream(DescribeStreamInput {
        stream_arn: Some(arn.to_owned()),
        ..Default::default()
    })
    .await
    .unwrap()
    .stream_description
    .unwrap()
}

pub async fn iterator(
    db: &Engine,
    arn: &str,
    shard: &str,
    kind: ShardIteratorType,
    seq: Option<&str>,
) -> Result<String, Error> {
    db.get_shard_iterator(GetShardIteratorInput {
        stream_arn: Some(arn.to_owned()),
        shard_id: Some(shard.to_owned()),
        shard_iterator_type: Some(kind),
        sequence_number: seq.map(str::to_owned),
    })
    .await
    .map(|o| o.shard_iterator.unwrap())
}

pub async fn records(db: &Engine, it: &str, limit: Option<i32>) -> Result<GetRecordsOutput, Error> {
    db.get_records(GetRecordsInput {
        shard_iterator: Some(it.to_owned()),
        limit,
    })
    .await
}

/// Every record of the stream, the way a consumer reads it: describe the stream, read each shard
/// from TRIM_HORIZON until its iterator runs out (closed shard) or comes back empty (open shard).
pub async fn read_all(db: &Engine, arn: &str) -> Vec<Record> {
    let mut out = Vec::new();
    for shard in stream_description(db, arn).await.shards.unwrap() {
        let id = shard.shard_id.unwrap();
        let mut it = Some(
            iterator(db, arn, &id, ShardIteratorType::TrimHorizon, None)
                .await
                .unwrap(),
        );
        while let Some(i) = it {
            let page = records(db, &i, None).await.unwrap();
            let got = page.records.unwrap();
            let empty = got.is_empty();
            out.extend(got);
            it = page.next_shard_iterator;
            if empty
                && shard
                    .sequence_number_range
                    .as_ref()
                    .unwrap()
                    .ending_sequence_number
                    .is_none()
            {
                break;
            }
        }
    }
    out
}

/// `(eventName, pk)` of each record.
pub fn events(records: &[Record]) -> Vec<(String, String)> {
    records
        .iter()
        .map(|r| {
            let pk = match r
                .dynamodb
                .as_ref()
                .unwrap()
                .keys
                .as_ref()
                .unwrap()
                .get("pk")
            {
                Some(AttributeValue::S(v)) => v.clone(),
                other => panic!("no pk: {other:?}"),
            };
            (r.event_name.as_ref().unwrap().as_str().to_owned(), pk)
        })
        .collect()
}
