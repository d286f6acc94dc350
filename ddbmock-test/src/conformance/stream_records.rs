//! Reading DynamoDB Streams: the records each kind of write leaves per view type, shard iterators
//! and GetRecords paging, ListStreams and DescribeStream, and the Streams API's errors. These
//! scenarios take both traits and run through [`conformance_stream_tests!`](crate::conformance_stream_tests).
//!
//! Only what DynamoDB guarantees is asserted, so that the scenarios hold on any endpoint: records
//! of one item keep their order (records of different items may sit in different shards), and a
//! record may show up a little after its write, so readers poll for a bounded time.

use std::collections::{BTreeMap, HashSet};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use ddbmock_core::model::{AttributeValue, Item};
use ddbmock_core::operation::*;
use ddbmock_core::{DynamoDb, DynamoDbStreams, Result};

use super::support::*;

/// How long a reader waits for records still on their way (the engine never makes it wait).
const PATIENCE: Duration = Duration::from_secs(10);
const POLL: Duration = Duration::from_millis(100);

fn spec(view: StreamViewType) -> Option<StreamSpecification> {
    Some(StreamSpecification {
        stream_enabled: Some(true),
        stream_view_type: Some(view),
    })
}

/// Creates a table (see `table_input`) with a stream of `view`; returns its name and stream ARN.
async fn stream_table(
    db: &dyn DynamoDb,
    prefix: &str,
    sorted: bool,
    view: StreamViewType,
) -> (String, String) {
    let name = unique_name(prefix);
    let mut input = table_input(&name, sorted);
    input.stream_specification = spec(view);
    let arn = db
        .create_table(input)
        .await
        .expect("create table")
        .table_description
        .and_then(|d| d.latest_stream_arn)
        .expect("a stream ARN");
    until_active(db, &name).await;
    (name, arn)
}

fn now_secs() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0)
}

/// The region of an ARN (`arn:aws:dynamodb:{region}:…`).
fn region(arn: &str) -> &str {
    arn.split(':').nth(3).expect("an ARN")
}

/// A sequence number as something that orders numerically: they are decimal strings of up to 40
/// digits, too long for `u128`.
fn seq_order(seq: &str) -> (usize, &str) {
    assert!(
        !seq.is_empty() && seq.bytes().all(|b| b.is_ascii_digit()),
        "sequence number {seq:?}"
    );
    (seq.len(), seq)
}

async fn describe_stream(
    streams: &dyn DynamoDbStreams,
    input: DescribeStreamInput,
) -> StreamDescription {
    streams
        .describe_stream(input)
        .await
        .expect("describe stream")
        .stream_description
        .expect("a stream description")
}

/// Every shard of the stream, following DescribeStream's pages.
async fn all_shards(streams: &dyn DynamoDbStreams, arn: &str) -> Vec<Shard> {
    let mut shards = Vec::new();
    let mut start = None;
    loop {
        let d = describe_stream(
            streams,
            DescribeStreamInput {
                stream_arn: Some(arn.to_owned()),
                exclusive_start_shard_id: start,
                ..Default::default()
            },
        )
        .await;
        shards.extend(d.shards.unwrap_or_default());
        start = d.last_evaluated_shard_id;
        if start.is_none() {
            return shards;
        }
    }
}

async fn shard_iterator(
    streams: &dyn DynamoDbStreams,
    arn: &str,
    shard: &str,
    kind: ShardIteratorType,
    seq: Option<&str>,
) -> Result<String> {
    streams
        .get_shard_iterator(GetShardIteratorInput {
            stream_arn: Some(arn.to_owned()),
            shard_id: Some(shard.to_owned()),
            shard_iterator_type: Some(kind),
            sequence_number: seq.map(str::to_owned),
        })
        .await
        .map(|o| o.shard_iterator.expect("a shard iterator"))
}

async fn get_records(
    streams: &dyn DynamoDbStreams,
    iterator: &str,
    limit: Option<i32>,
) -> Result<GetRecordsOutput> {
    streams
        .get_records(GetRecordsInput {
            shard_iterator: Some(iterator.to_owned()),
            limit,
        })
        .await
}

/// The records of each shard, read from TRIM_HORIZON the way a consumer reads: until a closed
/// shard's iterator runs out or an open shard's page comes back empty. Reads again, for up to
/// [`PATIENCE`], while there are fewer than `want` records in all.
async fn read_shards(
    streams: &dyn DynamoDbStreams,
    arn: &str,
    want: usize,
) -> Vec<(String, Vec<Record>)> {
    let deadline = Instant::now() + PATIENCE;
    loop {
        let mut out = Vec::new();
        for shard in all_shards(streams, arn).await {
            let id = shard.shard_id.clone().expect("a shard id");
            let open = shard
                .sequence_number_range
                .as_ref()
                .is_none_or(|r| r.ending_sequence_number.is_none());
            let mut records = Vec::new();
            let mut next = Some(
                shard_iterator(streams, arn, &id, ShardIteratorType::TrimHorizon, None)
                    .await
                    .expect("a TRIM_HORIZON iterator"),
            );
            while let Some(it) = next {
                let page = get_records(streams, &it, None).await.expect("get records");
                let got = page.records.unwrap_or_default();
                let empty = got.is_empty();
                records.extend(got);
                next = page.next_shard_iterator;
                if empty && open {
                    break;
                }
            }
            out.push((id, records));
        }
        let total: usize = out.iter().map(|(_, r)| r.len()).sum();
        if total >= want || Instant::now() >= deadline {
            return out;
        }
        tokio::time::sleep(POLL).await;
    }
}

/// Every record of the stream, shard after shard (see [`read_shards`]).
async fn read_stream(streams: &dyn DynamoDbStreams, arn: &str, want: usize) -> Vec<Record> {
    read_shards(streams, arn, want)
        .await
        .into_iter()
        .flat_map(|(_, r)| r)
        .collect()
}

/// Follows `iterator` with GetRecords of `limit` until `want` records came (or [`PATIENCE`] ran
/// out); returns the records, the size of each page, and the last next iterator.
async fn read_from(
    streams: &dyn DynamoDbStreams,
    iterator: String,
    want: usize,
    limit: Option<i32>,
) -> (Vec<Record>, Vec<usize>, Option<String>) {
    let deadline = Instant::now() + PATIENCE;
    let (mut records, mut pages) = (Vec::new(), Vec::new());
    let mut next = Some(iterator);
    while let Some(it) = next.take() {
        let page = get_records(streams, &it, limit).await.expect("get records");
        let got = page.records.unwrap_or_default();
        pages.push(got.len());
        let empty = got.is_empty();
        records.extend(got);
        next = page.next_shard_iterator;
        if records.len() >= want || Instant::now() >= deadline {
            break;
        }
        if empty {
            tokio::time::sleep(POLL).await;
        }
    }
    (records, pages, next)
}

fn stream_record(r: &Record) -> &StreamRecord {
    r.dynamodb.as_ref().expect("a dynamodb member")
}

fn sequence_number(r: &Record) -> &str {
    stream_record(r)
        .sequence_number
        .as_deref()
        .expect("a sequence number")
}

/// The text form of a key attribute, for readable event lists.
fn key_text(v: Option<&AttributeValue>) -> String {
    match v {
        Some(AttributeValue::S(s) | AttributeValue::N(s)) => s.clone(),
        other => panic!("not a key attribute: {other:?}"),
    }
}

/// `(eventName, key)` of each record, where `key` is the `attr` key attribute.
fn events(records: &[Record], attr: &str) -> Vec<(String, String)> {
    records
        .iter()
        .map(|r| {
            let keys = stream_record(r).keys.as_ref().expect("Keys");
            (
                r.event_name.as_ref().expect("an eventName").to_string(),
                key_text(keys.get(attr)),
            )
        })
        .collect()
}

/// A record's item, as text that sorts by key (`Keys` is a `HashMap`, whose order varies).
fn item_key(r: &Record) -> String {
    let keys = stream_record(r).keys.as_ref().expect("Keys");
    format!("{:?}", keys.iter().collect::<BTreeMap<_, _>>())
}

/// `list`, stably sorted by key: each item's records in stream order, items in key order. (Only
/// one item's records have an order DynamoDB guarantees.)
fn per_item(list: &[Record]) -> Vec<Record> {
    let mut out = list.to_vec();
    out.sort_by_cached_key(item_key);
    out
}

fn ev(name: &str, key: &str) -> (String, String) {
    (name.to_owned(), key.to_owned())
}

fn put_request(it: Item) -> WriteRequest {
    WriteRequest {
        put_request: Some(PutRequest { item: Some(it) }),
        delete_request: None,
    }
}

fn delete_request(k: Item) -> WriteRequest {
    WriteRequest {
        put_request: None,
        delete_request: Some(DeleteRequest { key: Some(k) }),
    }
}

async fn batch_write(db: &dyn DynamoDb, table: &str, requests: Vec<WriteRequest>) {
    let out = db
        .batch_write_item(BatchWriteItemInput {
            request_items: Some([(table.to_owned(), requests)].into()),
            ..Default::default()
        })
        .await
        .expect("batch write");
    assert!(
        out.unprocessed_items.unwrap_or_default().is_empty(),
        "a small batch is processed whole"
    );
}

async fn delete(db: &dyn DynamoDb, table: &str, k: Item) {
    db.delete_item(DeleteItemInput {
        table_name: Some(table.to_owned()),
        key: Some(k),
        ..Default::default()
    })
    .await
    .expect("delete item");
}

async fn set_v(db: &dyn DynamoDb, table: &str, pk: &str, v: &str) {
    db.update_item(UpdateItemInput {
        table_name: Some(table.to_owned()),
        key: Some(item(&[("pk", s(pk))])),
        update_expression: Some("SET v = :v".to_owned()),
        expression_attribute_values: Some(item(&[(":v", n(v))])),
        ..Default::default()
    })
    .await
    .expect("update item");
}

/// Asserts what every record of a request's write carries, whatever the write: the envelope
/// (`eventSource`, `eventVersion`, region, no `userIdentity`), the view type, a size, a recent
/// creation time, unique event ids, and sequence numbers growing along each item's records.
#[track_caller]
fn assert_envelopes(records: &[Record], arn: &str, view: &StreamViewType, started: f64) {
    let mut ids = HashSet::new();
    for r in records {
        assert_eq!(r.event_source.as_deref(), Some("aws:dynamodb"), "{r:?}");
        assert_eq!(r.event_version.as_deref(), Some("1.1"), "{r:?}");
        assert_eq!(r.aws_region.as_deref(), Some(region(arn)), "{r:?}");
        assert_eq!(r.user_identity, None, "{r:?}");
        let id = r.event_id.clone().expect("an eventID");
        assert!(
            !id.is_empty() && ids.insert(id),
            "event ids are unique: {r:?}"
        );
        let d = stream_record(r);
        assert_eq!(d.stream_view_type.as_ref(), Some(view), "{r:?}");
        assert!(d.size_bytes.expect("SizeBytes") > 0, "{r:?}");
        // Whole seconds (DynamoDB rounds down), with room for a remote endpoint's clock skew.
        let at = d
            .approximate_creation_date_time
            .expect("ApproximateCreationDateTime");
        assert!(
            (started - 300.0..=now_secs() + 300.0).contains(&at),
            "creation time {at} is not around now: {r:?}"
        );
    }
    let mut by_item = per_item(records).into_iter().peekable();
    while let Some(r) = by_item.next() {
        if let Some(next) = by_item.peek()
            && stream_record(next).keys == stream_record(&r).keys
        {
            assert!(
                seq_order(sequence_number(&r)) < seq_order(sequence_number(next)),
                "sequence numbers grow along an item's records: {r:?} then {next:?}"
            );
        }
    }
}

/// Per view type: PutItem (INSERT), a replacing PutItem (MODIFY), an identical PutItem (no
/// record), UpdateItem (MODIFY; one that changes nothing records nothing), DeleteItem (REMOVE; of
/// a missing item, nothing) and BatchWriteItem's puts and deletes, each recorded with the keys and
/// exactly the images the view type asks for.
pub async fn stream_records_by_view_type(db: &dyn DynamoDb, streams: &dyn DynamoDbStreams) {
    let v = |pk: &str, x: &str| item(&[("pk", s(pk)), ("v", n(x))]);
    for view in [
        StreamViewType::KeysOnly,
        StreamViewType::NewImage,
        StreamViewType::OldImage,
        StreamViewType::NewAndOldImages,
    ] {
        let started = now_secs().floor();
        let (t, arn) = stream_table(db, "srec", false, view.clone()).await;
        put(db, &t, v("a", "1")).await;
        put(db, &t, v("a", "2")).await;
        put(db, &t, v("a", "2")).await;
        set_v(db, &t, "a", "3").await;
        set_v(db, &t, "a", "3").await;
        delete(db, &t, item(&[("pk", s("a"))])).await;
        delete(db, &t, item(&[("pk", s("a"))])).await;
        batch_write(
            db,
            &t,
            vec![
                put_request(v("b", "1")),
                delete_request(item(&[("pk", s("missing"))])),
            ],
        )
        .await;
        batch_write(db, &t, vec![delete_request(item(&[("pk", s("b"))]))]).await;

        let got = per_item(&read_stream(streams, &arn, 6).await);
        assert_eq!(
            events(&got, "pk"),
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
        let (new, old) = match view {
            StreamViewType::KeysOnly => (false, false),
            StreamViewType::NewImage => (true, false),
            StreamViewType::OldImage => (false, true),
            _ => (true, true),
        };
        let want = |pk: &str, new_v: Option<&str>, old_v: Option<&str>| {
            (
                item(&[("pk", s(pk))]),
                new_v.filter(|_| new).map(|x| v(pk, x)),
                old_v.filter(|_| old).map(|x| v(pk, x)),
            )
        };
        let images: Vec<_> = got
            .iter()
            .map(|r| {
                let d = stream_record(r);
                (
                    d.keys.clone().unwrap_or_default(),
                    d.new_image.clone(),
                    d.old_image.clone(),
                )
            })
            .collect();
        assert_eq!(
            images,
            vec![
                want("a", Some("1"), None),
                want("a", Some("2"), Some("1")),
                want("a", Some("3"), Some("2")),
                want("a", None, Some("3")),
                want("b", Some("1"), None),
                want("b", None, Some("1")),
            ],
            "{view:?}"
        );
        assert_envelopes(&got, &arn, &view, started);
    }
}

/// TransactWriteItems leaves one record per item it changes, in each table's own stream: none for
/// a ConditionCheck, nor for a Delete of a missing item.
pub async fn stream_records_of_transactions(db: &dyn DynamoDb, streams: &dyn DynamoDbStreams) {
    let started = now_secs().floor();
    let (a, a_arn) = stream_table(db, "stxa", false, StreamViewType::NewAndOldImages).await;
    let (b, b_arn) = stream_table(db, "stxb", false, StreamViewType::KeysOnly).await;
    let v = |pk: &str, x: &str| item(&[("pk", s(pk)), ("v", n(x))]);
    let k = |pk: &str| item(&[("pk", s(pk))]);
    put(db, &a, v("x", "1")).await;
    put(db, &b, v("w", "1")).await;
    put(db, &b, v("z", "1")).await;
    db.transact_write_items(TransactWriteItemsInput {
        transact_items: Some(vec![
            TransactWriteItem {
                put: Some(Put {
                    table_name: Some(a.clone()),
                    item: Some(v("y", "1")),
                    ..Default::default()
                }),
                ..Default::default()
            },
            TransactWriteItem {
                update: Some(Update {
                    table_name: Some(a.clone()),
                    key: Some(k("x")),
                    update_expression: Some("SET v = :v".to_owned()),
                    expression_attribute_values: Some(item(&[(":v", n("2"))])),
                    ..Default::default()
                }),
                ..Default::default()
            },
            TransactWriteItem {
                delete: Some(Delete {
                    table_name: Some(a.clone()),
                    key: Some(k("missing")),
                    ..Default::default()
                }),
                ..Default::default()
            },
            TransactWriteItem {
                delete: Some(Delete {
                    table_name: Some(b.clone()),
                    key: Some(k("z")),
                    ..Default::default()
                }),
                ..Default::default()
            },
            TransactWriteItem {
                condition_check: Some(ConditionCheck {
                    table_name: Some(b.clone()),
                    key: Some(k("w")),
                    condition_expression: Some("attribute_exists(pk)".to_owned()),
                    ..Default::default()
                }),
                ..Default::default()
            },
        ]),
        ..Default::default()
    })
    .await
    .expect("transact write");

    let got_a = per_item(&read_stream(streams, &a_arn, 3).await);
    let images: Vec<_> = got_a
        .iter()
        .map(|r| {
            let d = stream_record(r);
            (
                r.event_name.as_ref().map(ToString::to_string),
                d.new_image.clone(),
                d.old_image.clone(),
            )
        })
        .collect();
    let some = |e: &str| Some(e.to_owned());
    assert_eq!(
        images,
        vec![
            (some("INSERT"), Some(v("x", "1")), None),
            (some("MODIFY"), Some(v("x", "2")), Some(v("x", "1"))),
            (some("INSERT"), Some(v("y", "1")), None),
        ]
    );
    assert_envelopes(&got_a, &a_arn, &StreamViewType::NewAndOldImages, started);

    let got_b = per_item(&read_stream(streams, &b_arn, 3).await);
    assert_eq!(
        events(&got_b, "pk"),
        vec![ev("INSERT", "w"), ev("INSERT", "z"), ev("REMOVE", "z")]
    );
    assert_envelopes(&got_b, &b_arn, &StreamViewType::KeysOnly, started);
}

/// The four iterator types (TRIM_HORIZON, LATEST, AT_ and AFTER_SEQUENCE_NUMBER) and GetRecords
/// paging with `Limit`, on one partition's records (one partition's records share a shard).
pub async fn stream_iterators_and_paging(db: &dyn DynamoDb, streams: &dyn DynamoDbStreams) {
    let (t, arn) = stream_table(db, "sitr", true, StreamViewType::KeysOnly).await;
    let row = |sk: &str| item(&[("pk", s("p")), ("sk", n(sk))]);
    for sk in ["1", "2", "3"] {
        put(db, &t, row(sk)).await;
    }
    let (shard, first) = read_shards(streams, &arn, 3)
        .await
        .into_iter()
        .find(|(_, r)| !r.is_empty())
        .expect("a shard with the records");
    assert_eq!(
        events(&first, "sk"),
        vec![ev("INSERT", "1"), ev("INSERT", "2"), ev("INSERT", "3")]
    );
    let latest = shard_iterator(streams, &arn, &shard, ShardIteratorType::Latest, None)
        .await
        .expect("a LATEST iterator");
    put(db, &t, row("4")).await;

    let (from_latest, _, _) = read_from(streams, latest, 1, None).await;
    assert_eq!(events(&from_latest, "sk"), vec![ev("INSERT", "4")]);

    let horizon = shard_iterator(streams, &arn, &shard, ShardIteratorType::TrimHorizon, None)
        .await
        .expect("a TRIM_HORIZON iterator");
    let (paged, pages, next) = read_from(streams, horizon, 4, Some(2)).await;
    assert_eq!(
        events(&paged, "sk"),
        vec![
            ev("INSERT", "1"),
            ev("INSERT", "2"),
            ev("INSERT", "3"),
            ev("INSERT", "4"),
        ]
    );
    assert!(
        pages.iter().all(|&n| n <= 2) && pages.iter().filter(|&&n| n > 0).count() >= 2,
        "pages of at most Limit records: {pages:?}"
    );
    // An open shard always hands out a next iterator, even with nothing new to read.
    let rest = get_records(streams, &next.expect("a next iterator"), None)
        .await
        .expect("get records");
    assert_eq!(rest.records, Some(vec![]));
    assert!(rest.next_shard_iterator.is_some());

    let seq2 = sequence_number(&paged[1]);
    let at = shard_iterator(
        streams,
        &arn,
        &shard,
        ShardIteratorType::AtSequenceNumber,
        Some(seq2),
    )
    .await
    .expect("an AT_SEQUENCE_NUMBER iterator");
    let (got, _, _) = read_from(streams, at, 1, Some(1)).await;
    assert_eq!(events(&got, "sk"), vec![ev("INSERT", "2")]);
    let after = shard_iterator(
        streams,
        &arn,
        &shard,
        ShardIteratorType::AfterSequenceNumber,
        Some(seq2),
    )
    .await
    .expect("an AFTER_SEQUENCE_NUMBER iterator");
    let (got, _, _) = read_from(streams, after, 2, None).await;
    assert_eq!(
        events(&got, "sk"),
        vec![ev("INSERT", "3"), ev("INSERT", "4")]
    );
    let after_last = shard_iterator(
        streams,
        &arn,
        &shard,
        ShardIteratorType::AfterSequenceNumber,
        Some(sequence_number(&paged[3])),
    )
    .await
    .expect("an iterator after the last record");
    let nothing = get_records(streams, &after_last, None)
        .await
        .expect("get records");
    assert_eq!(nothing.records, Some(vec![]));
}

/// ListStreams (by table, with `Limit` and `ExclusiveStartStreamArn`) and DescribeStream (every
/// field of a new stream, shard paging), including a table with two streams: one disabled, one
/// enabled after it.
pub async fn stream_listing_and_description(db: &dyn DynamoDb, streams: &dyn DynamoDbStreams) {
    let started = now_secs().floor();
    let t = unique_name("slist");
    let mut input = table_input(&t, false);
    input.stream_specification = spec(StreamViewType::NewImage);
    let d = db
        .create_table(input)
        .await
        .expect("create table")
        .table_description
        .expect("a table description");
    let first = d.latest_stream_arn.clone().expect("a stream ARN");
    let label = d.latest_stream_label.clone().expect("a stream label");
    let plain = new_table(db, "snost", false).await;

    let list = |table: &str, limit: Option<i32>, start: Option<String>| ListStreamsInput {
        table_name: Some(table.to_owned()),
        limit,
        exclusive_start_stream_arn: start,
    };
    let listed = streams
        .list_streams(list(&t, None, None))
        .await
        .expect("list streams");
    assert_eq!(
        listed.streams,
        Some(vec![Stream {
            stream_arn: Some(first.clone()),
            table_name: Some(t.clone()),
            stream_label: Some(label.clone()),
        }])
    );
    assert_eq!(listed.last_evaluated_stream_arn, None);
    let none = streams
        .list_streams(list(&plain, None, None))
        .await
        .expect("list streams");
    assert_eq!(
        (none.streams, none.last_evaluated_stream_arn),
        (Some(vec![]), None)
    );

    let s = describe_stream(
        streams,
        DescribeStreamInput {
            stream_arn: Some(first.clone()),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(s.stream_arn.as_deref(), Some(first.as_str()));
    assert_eq!(s.stream_label.as_deref(), Some(label.as_str()));
    assert_eq!(s.stream_status, Some(StreamStatus::Enabled));
    assert_eq!(s.stream_view_type, Some(StreamViewType::NewImage));
    assert_eq!(s.table_name.as_deref(), Some(t.as_str()));
    assert_eq!(s.key_schema, d.key_schema);
    let created = s
        .creation_request_date_time
        .expect("CreationRequestDateTime");
    assert!(
        (started - 300.0..=now_secs() + 300.0).contains(&created),
        "creation time {created} is not around now"
    );
    let shards = s.shards.expect("Shards");
    let shard = shards.first().expect("a new stream has a shard");
    let id = shard.shard_id.clone().expect("a shard id");
    assert!(
        id.starts_with("shardId-") && (28..=65).contains(&id.len()),
        "{id}"
    );
    assert_eq!(shard.parent_shard_id, None, "a new stream's first shard");
    let range = shard.sequence_number_range.as_ref().expect("a range");
    let start = range
        .starting_sequence_number
        .as_deref()
        .expect("StartingSequenceNumber");
    assert!((21..=40).contains(&seq_order(start).0), "{start}");
    assert_eq!(range.ending_sequence_number, None, "the shard is open");

    let one = describe_stream(
        streams,
        DescribeStreamInput {
            stream_arn: Some(first.clone()),
            limit: Some(1),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(one.shards.as_deref(), Some(&shards[..1]));
    if let Some(last) = &one.last_evaluated_shard_id {
        assert_eq!(last, &id);
    }
    let after = describe_stream(
        streams,
        DescribeStreamInput {
            stream_arn: Some(first.clone()),
            exclusive_start_shard_id: Some(id.clone()),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(after.shards.as_deref(), Some(&shards[1..]));

    // A second stream of the same table: disable the first, enable a new one.
    let update = |enabled: bool, view: Option<StreamViewType>| UpdateTableInput {
        table_name: Some(t.clone()),
        stream_specification: Some(StreamSpecification {
            stream_enabled: Some(enabled),
            stream_view_type: view,
        }),
        ..Default::default()
    };
    db.update_table(update(false, None))
        .await
        .expect("disable the stream");
    until_active(db, &t).await;
    let second = db
        .update_table(update(true, Some(StreamViewType::KeysOnly)))
        .await
        .expect("enable a stream")
        .table_description
        .and_then(|d| d.latest_stream_arn)
        .expect("a stream ARN");
    until_active(db, &t).await;
    assert_ne!(second, first);
    let status = describe_stream(
        streams,
        DescribeStreamInput {
            stream_arn: Some(first.clone()),
            ..Default::default()
        },
    )
    .await
    .stream_status;
    assert!(
        matches!(
            status,
            Some(StreamStatus::Disabling | StreamStatus::Disabled)
        ),
        "{status:?}"
    );

    let both = streams
        .list_streams(list(&t, None, None))
        .await
        .expect("list streams");
    let arns: HashSet<_> = both
        .streams
        .unwrap_or_default()
        .into_iter()
        .filter_map(|s| s.stream_arn)
        .collect();
    assert_eq!(arns, HashSet::from([first.clone(), second.clone()]));
    let page = streams
        .list_streams(list(&t, Some(1), None))
        .await
        .expect("list streams");
    let page_streams = page.streams.unwrap_or_default();
    assert_eq!(page_streams.len(), 1);
    let last = page
        .last_evaluated_stream_arn
        .expect("LastEvaluatedStreamArn");
    assert_eq!(page_streams[0].stream_arn.as_ref(), Some(&last));
    let rest = streams
        .list_streams(list(&t, Some(1), Some(last.clone())))
        .await
        .expect("list streams");
    let rest_arns: Vec<_> = rest
        .streams
        .unwrap_or_default()
        .into_iter()
        .filter_map(|s| s.stream_arn)
        .collect();
    let other = if last == first { &second } else { &first };
    assert_eq!(rest_arns, vec![other.clone()]);
    assert_eq!(rest.last_evaluated_stream_arn, None);
}

/// The Streams API's errors, with DynamoDB's exception types and messages: unknown streams and
/// shards, iterator types needing a sequence number, malformed iterators and out-of-range members.
pub async fn stream_api_errors(db: &dyn DynamoDb, streams: &dyn DynamoDbStreams) {
    let (t, arn) = stream_table(db, "serr", false, StreamViewType::KeysOnly).await;
    let shard = all_shards(streams, &arn)
        .await
        .into_iter()
        .next()
        .and_then(|s| s.shard_id)
        .expect("a shard");
    let missing = arn.replacen(
        &format!(":table/{t}/"),
        &format!(":table/{}/", unique_name("gone")),
        1,
    );
    assert_ne!(missing, arn);
    let not_found = format!("Requested resource not found: Stream: {missing} not found");
    assert_error(
        streams
            .describe_stream(DescribeStreamInput {
                stream_arn: Some(missing.clone()),
                ..Default::default()
            })
            .await,
        "ResourceNotFoundException",
        &not_found,
    );
    assert_error(
        shard_iterator(
            streams,
            &missing,
            &shard,
            ShardIteratorType::TrimHorizon,
            None,
        )
        .await,
        "ResourceNotFoundException",
        &not_found,
    );
    assert_error(
        shard_iterator(
            streams,
            &arn,
            "shardId-00000000000000000000-00000000",
            ShardIteratorType::Latest,
            None,
        )
        .await,
        "ResourceNotFoundException",
        "Requested resource not found: Shard does not exist",
    );
    for kind in [
        ShardIteratorType::AtSequenceNumber,
        ShardIteratorType::AfterSequenceNumber,
    ] {
        let text = format!("SequenceNumber is required for ShardIteratorType {kind}");
        assert_error(
            shard_iterator(streams, &arn, &shard, kind, None).await,
            "ValidationException",
            &text,
        );
    }
    assert_error(
        streams
            .get_shard_iterator(GetShardIteratorInput {
                stream_arn: Some(arn.clone()),
                shard_id: Some("short".into()),
                shard_iterator_type: Some(ShardIteratorType::from("SIDEWAYS")),
                sequence_number: None,
            })
            .await,
        "ValidationException",
        "2 validation errors detected: Value 'short' at 'shardId' failed to satisfy constraint: Member must have length greater than or equal to 28; Value 'SIDEWAYS' at 'shardIteratorType' failed to satisfy constraint: Member must satisfy enum value set: [TRIM_HORIZON, LATEST, AT_SEQUENCE_NUMBER, AFTER_SEQUENCE_NUMBER]",
    );

    assert_error(
        get_records(streams, "nonsense", None).await,
        "ValidationException",
        "Invalid ShardIterator",
    );
    let it = shard_iterator(streams, &arn, &shard, ShardIteratorType::TrimHorizon, None)
        .await
        .expect("a TRIM_HORIZON iterator");
    assert_error(
        get_records(streams, &it, Some(1001)).await,
        "ValidationException",
        "1 validation error detected: Value '1001' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 1000",
    );
    assert_error(
        get_records(streams, &it, Some(0)).await,
        "ValidationException",
        "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
    assert_error(
        streams.get_records(GetRecordsInput::default()).await,
        "ValidationException",
        "1 validation error detected: Value null at 'shardIterator' failed to satisfy constraint: Member must not be null",
    );
    assert_error(
        streams
            .list_streams(ListStreamsInput {
                table_name: Some(t.clone()),
                limit: Some(0),
                ..Default::default()
            })
            .await,
        "ValidationException",
        "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
    assert_error(
        streams
            .describe_stream(DescribeStreamInput {
                stream_arn: Some(arn.clone()),
                limit: Some(0),
                ..Default::default()
            })
            .await,
        "ValidationException",
        "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
    // The iterator is still good after the rejected calls.
    let page = get_records(streams, &it, None).await.expect("get records");
    assert_eq!(page.records, Some(vec![]));
}
