//! The mock's behaviours, each against a real engine underneath.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use super::{Mock, Operation, errors, ops};
use crate::model::{AttributeValue, Item};
use crate::operation::*;
use crate::{DynamoDb, Engine, Error};

fn key(id: usize) -> Item {
    Item::from([("id".to_owned(), AttributeValue::S(format!("k{id}")))])
}

async fn table(db: &Engine) {
    let out = db
        .create_table(CreateTableInput {
            table_name: Some("tbl".into()),
            attribute_definitions: Some(vec![AttributeDefinition {
                attribute_name: Some("id".into()),
                attribute_type: Some(ScalarAttributeType::S),
            }]),
            key_schema: Some(vec![KeySchemaElement {
                attribute_name: Some("id".into()),
                key_type: Some(KeyType::Hash),
            }]),
            billing_mode: Some(BillingMode::PayPerRequest),
            ..Default::default()
        })
        .await;
    assert!(out.is_ok(), "{out:?}");
}

fn put(id: usize) -> PutItemInput {
    PutItemInput {
        table_name: Some("tbl".into()),
        item: Some(key(id)),
        ..Default::default()
    }
}

fn batch_write(n: usize) -> BatchWriteItemInput {
    let requests = (0..n)
        .map(|i| WriteRequest {
            put_request: Some(PutRequest { item: Some(key(i)) }),
            ..Default::default()
        })
        .collect();
    BatchWriteItemInput {
        request_items: Some(HashMap::from([("tbl".to_owned(), requests)])),
        ..Default::default()
    }
}

async fn count(db: &Engine) -> i64 {
    let out = db
        .describe_table(DescribeTableInput {
            table_name: Some("tbl".into()),
        })
        .await;
    out.ok().and_then(|o| o.table?.item_count).unwrap_or(-1)
}

fn throttled() -> Error {
    Error::ProvisionedThroughputExceeded("Rate exceeded".into())
}

#[ddbmock_macros::test(crate = "crate")]
async fn every_call_is_recorded_with_its_wire_json(db: Engine) {
    table(&db).await;
    let mock = Mock::new(db);
    mock.put_item(put(1)).await.unwrap();
    mock.describe_limits(DescribeLimitsInput::default())
        .await
        .unwrap();
    mock.put_item(put(2)).await.unwrap();
    let calls = mock.calls();
    let names: Vec<_> = calls
        .iter()
        .map(|c| (c.index, c.operation, c.operation_index))
        .collect();
    assert_eq!(
        names,
        [
            (1, Operation::PutItem, 1),
            (2, Operation::DescribeLimits, 1),
            (3, Operation::PutItem, 2)
        ]
    );
    assert_eq!(
        calls[0].request,
        serde_json::json!({"TableName": "tbl", "Item": {"id": {"S": "k1"}}})
    );
    assert_eq!(mock.calls_to(Operation::PutItem).len(), 2);
}

#[ddbmock_macros::test(crate = "crate")]
async fn the_nth_call_fails_and_leaves_the_inner_untouched(db: Engine) {
    table(&db).await;
    let mock = Mock::new(db.clone()).fail_nth(2, Error::InternalServerError("boom".into()));
    assert!(mock.put_item(put(1)).await.is_ok());
    assert_eq!(
        mock.put_item(put(2)).await.unwrap_err(),
        Error::InternalServerError("boom".into())
    );
    assert!(mock.put_item(put(3)).await.is_ok());
    assert_eq!(count(&db).await, 2);
    // The failed call is recorded too.
    assert_eq!(mock.calls().len(), 3);
}

#[ddbmock_macros::test(crate = "crate")]
async fn a_predicate_fails_the_calls_it_matches(db: Engine) {
    table(&db).await;
    let mock = Mock::new(db).fail_when(
        |c| c.is(Operation::PutItem) && c.operation_index <= 2,
        throttled(),
    );
    assert_eq!(mock.put_item(put(1)).await.unwrap_err(), throttled());
    assert!(
        mock.describe_limits(DescribeLimitsInput::default())
            .await
            .is_ok()
    );
    assert_eq!(mock.put_item(put(1)).await.unwrap_err(), throttled());
    assert!(mock.put_item(put(1)).await.is_ok());
}

#[ddbmock_macros::test(crate = "crate")]
async fn a_replaced_operation_never_reaches_the_inner(db: Engine) {
    table(&db).await;
    let mock = Mock::new(db.clone()).replace::<ops::PutItem>(|input| {
        assert_eq!(input.table_name.as_deref(), Some("tbl"));
        Ok(PutItemOutput::default())
    });
    mock.put_item(put(1)).await.unwrap();
    assert_eq!(count(&db).await, 0);
    // Other operations still go through.
    assert_eq!(
        mock.list_tables(ListTablesInput::default())
            .await
            .unwrap()
            .table_names,
        Some(vec!["tbl".to_owned()])
    );
}

/// The ids a batch write output left unprocessed, sorted.
fn unprocessed_ids(out: &BatchWriteItemOutput) -> Vec<String> {
    let mut ids: Vec<String> = out
        .unprocessed_items
        .iter()
        .flat_map(|m| m.values().flatten())
        .filter_map(|w| match &w.put_request.as_ref()?.item.as_ref()?["id"] {
            AttributeValue::S(s) => Some(s.clone()),
            _ => None,
        })
        .collect();
    ids.sort();
    ids
}

#[ddbmock_macros::test(crate = "crate")]
async fn batches_hold_back_a_seeded_share_of_their_requests(db: Engine) {
    table(&db).await;
    let mock = Mock::new(db.clone()).unprocessed(0.5, 42);
    let out = mock.batch_write_item(batch_write(20)).await.unwrap();
    let held = unprocessed_ids(&out);
    assert!(!held.is_empty() && held.len() < 20, "{held:?}");
    // What was held back was not written; everything else was.
    assert_eq!(count(&db).await, 20 - held.len() as i64);

    // The same seed holds back the same requests.
    let again = Engine::memory();
    table(&again).await;
    let out = Mock::new(again)
        .unprocessed(0.5, 42)
        .batch_write_item(batch_write(20))
        .await
        .unwrap();
    assert_eq!(unprocessed_ids(&out), held);
}

#[ddbmock_macros::test(crate = "crate")]
async fn a_batch_held_back_entirely_is_not_sent(db: Engine) {
    table(&db).await;
    let mock = Mock::new(db.clone()).unprocessed(1.0, 0);
    let out = mock.batch_write_item(batch_write(3)).await.unwrap();
    assert_eq!(unprocessed_ids(&out).len(), 3);
    assert_eq!(count(&db).await, 0);
}

#[ddbmock_macros::test(crate = "crate")]
async fn batch_gets_return_unprocessed_keys_with_their_settings(db: Engine) {
    table(&db).await;
    db.batch_write_item(batch_write(10)).await.unwrap();
    let mock = Mock::new(db).unprocessed(0.5, 7);
    let out = mock
        .batch_get_item(BatchGetItemInput {
            request_items: Some(HashMap::from([(
                "tbl".to_owned(),
                KeysAndAttributes {
                    keys: Some((0..10).map(key).collect()),
                    consistent_read: Some(true),
                    ..Default::default()
                },
            )])),
            ..Default::default()
        })
        .await
        .unwrap();
    let got = out
        .responses
        .unwrap_or_default()
        .remove("tbl")
        .unwrap_or_default();
    let held = out
        .unprocessed_keys
        .unwrap_or_default()
        .remove("tbl")
        .unwrap_or_default();
    assert_eq!(held.consistent_read, Some(true));
    let held = held.keys.unwrap_or_default();
    assert!(!held.is_empty() && !got.is_empty(), "{held:?}");
    assert_eq!(got.len() + held.len(), 10);
}

#[ddbmock_macros::test(crate = "crate")]
async fn latency_delays_each_call(db: Engine) {
    let mock = Mock::new(db).latency(Duration::from_millis(20));
    let start = Instant::now();
    mock.list_tables(ListTablesInput::default()).await.unwrap();
    mock.list_tables(ListTablesInput::default()).await.unwrap();
    assert!(start.elapsed() >= Duration::from_millis(40));
}

#[ddbmock_macros::test(crate = "crate")]
async fn the_nth_call_of_an_operation_fails_whatever_comes_between(db: Engine) {
    table(&db).await;
    let mock = Mock::new(db.clone()).fail_nth_of::<ops::PutItem>(2, throttled());
    let limits = || mock.describe_limits(DescribeLimitsInput::default());
    limits().await.unwrap();
    assert!(mock.put_item(put(1)).await.is_ok());
    // The fourth call overall, the second PutItem.
    limits().await.unwrap();
    assert_eq!(mock.put_item(put(2)).await.unwrap_err(), throttled());
    assert!(mock.put_item(put(3)).await.is_ok());
    assert_eq!(count(&db).await, 2);
}

#[ddbmock_macros::test(crate = "crate")]
async fn the_first_calls_of_an_operation_fail_and_the_rest_go_through(db: Engine) {
    table(&db).await;
    let mock = Mock::new(db.clone()).fail_first_of::<ops::PutItem>(3, errors::throttling());
    for _ in 0..3 {
        assert_eq!(
            mock.put_item(put(1)).await.unwrap_err(),
            errors::throttling()
        );
        // Other operations are not failed, and do not use up the count.
        mock.describe_limits(DescribeLimitsInput::default())
            .await
            .unwrap();
    }
    assert!(mock.put_item(put(1)).await.is_ok());
    assert_eq!(count(&db).await, 1);
    assert_eq!(mock.calls_to(Operation::PutItem).len(), 4);
}

#[ddbmock_macros::test(crate = "crate")]
async fn an_operations_latency_replaces_the_common_one(db: Engine) {
    // Latencies far apart, so that only a stall of 180 ms could blur them.
    let common = Duration::from_millis(200);
    let own = Duration::from_millis(20);
    let mock = Mock::new(db)
        .latency(common)
        .latency_of::<ops::ListTables>(Duration::ZERO)
        .latency_of::<ops::DescribeLimits>(own);
    let start = Instant::now();
    mock.list_tables(ListTablesInput::default()).await.unwrap();
    assert!(start.elapsed() < common);
    mock.describe_limits(DescribeLimitsInput::default())
        .await
        .unwrap();
    let limits = start.elapsed();
    assert!(limits >= own && limits < common, "{limits:?}");
    // An operation without its own latency waits the common one.
    let missing = mock
        .describe_table(DescribeTableInput {
            table_name: Some("missing".into()),
        })
        .await;
    assert!(missing.is_err());
    assert!(start.elapsed() >= limits + common);
}

#[test]
fn ready_made_errors_carry_dynamodbs_types_and_texts() {
    let cases = [
        (errors::throttling(), "ThrottlingException"),
        (
            errors::provisioned_throughput_exceeded(),
            "ProvisionedThroughputExceededException",
        ),
        (
            errors::conditional_check_failed(),
            "ConditionalCheckFailedException",
        ),
        (
            errors::transaction_conflict(),
            "TransactionConflictException",
        ),
        (errors::internal_server_error(), "InternalServerError"),
        (errors::request_limit_exceeded(), "RequestLimitExceeded"),
    ];
    for (error, type_name) in cases {
        assert_eq!(error.type_name(), type_name);
        assert!(!error.to_string().is_empty(), "{type_name}");
    }
    // The texts the engine also raises come from the one place the engine's texts live.
    assert_eq!(
        errors::provisioned_throughput_exceeded(),
        crate::error::msg::throughput_exceeded()
    );
    assert_eq!(
        errors::request_limit_exceeded().to_string(),
        "Throughput exceeds the current throughput limit for your account. Please contact AWS \
         Support at https://aws.amazon.com/support request a limit increase"
    );
}
