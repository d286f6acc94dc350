//! Engine-level tests of transactions that need the engine's insides: a transaction held in flight
//! to show the conflicts every other request reports, and the token window on a manual clock.

use std::collections::HashMap;
use std::time::{Duration, UNIX_EPOCH};

use super::Engine;
use super::clock::Clock;
use super::keys::item_storage_key;
use ddbmock_core::error::{CancellationReason, Error};
use ddbmock_core::model::{AttributeValue, Item};
use ddbmock_core::operation::*;

fn s(v: &str) -> AttributeValue {
    AttributeValue::S(v.to_owned())
}

fn item(pairs: &[(&str, &str)]) -> Item {
    pairs.iter().map(|(k, v)| ((*k).to_owned(), s(v))).collect()
}

fn engine_with_table(clock: Clock) -> Engine {
    let engine = Engine::memory_with_clock(clock);
    engine
        .create_table_now(CreateTableInput {
            table_name: Some("tbl".to_owned()),
            attribute_definitions: Some(vec![AttributeDefinition {
                attribute_name: Some("pk".to_owned()),
                attribute_type: Some(ScalarAttributeType::S),
            }]),
            key_schema: Some(vec![KeySchemaElement {
                attribute_name: Some("pk".to_owned()),
                key_type: Some(KeyType::Hash),
            }]),
            billing_mode: Some(BillingMode::PayPerRequest),
            ..Default::default()
        })
        .expect("create table");
    engine
}

fn put_action(pk: &str, v: &str) -> TransactWriteItem {
    TransactWriteItem {
        put: Some(Put {
            table_name: Some("tbl".to_owned()),
            item: Some(item(&[("pk", pk), ("v", v)])),
            ..Default::default()
        }),
        ..Default::default()
    }
}

fn codes(e: Error) -> Vec<String> {
    match e {
        Error::TransactionCanceled { reasons, .. } => reasons
            .into_iter()
            .map(|r: CancellationReason| r.code.unwrap_or_default())
            .collect(),
        other => panic!("expected a cancellation, got {other:?}"),
    }
}

/// Runs `f` while a write transaction holds item `pk = "busy"` in flight.
fn with_busy_item(engine: &Engine, f: impl FnOnce()) {
    let table = engine.table("tbl").expect("table");
    let key = item_storage_key(&table.key, &item(&[("pk", "busy")])).expect("key");
    let _held = engine
        .inner
        .locks
        .lock_all(&[(table.space, key.as_slice())], true)
        .expect("uncontended");
    f();
}

#[test]
fn requests_on_an_item_a_transaction_is_writing_report_conflicts() {
    let engine = engine_with_table(Clock::system());
    with_busy_item(&engine, || {
        let put = engine.put_item_now(PutItemInput {
            table_name: Some("tbl".to_owned()),
            item: Some(item(&[("pk", "busy")])),
            ..Default::default()
        });
        assert_eq!(
            put.map(|_| ()),
            Err(Error::TransactionConflict(
                "Transaction is ongoing for the item".to_owned()
            ))
        );
        let delete = engine.delete_item_now(DeleteItemInput {
            table_name: Some("tbl".to_owned()),
            key: Some(item(&[("pk", "busy")])),
            ..Default::default()
        });
        assert!(matches!(delete, Err(Error::TransactionConflict(_))));

        let tx = engine.transact_write_items_now(TransactWriteItemsInput {
            transact_items: Some(vec![put_action("free", "1"), put_action("busy", "1")]),
            ..Default::default()
        });
        let e = tx.expect_err("cancelled");
        assert_eq!(
            e.message(),
            "Transaction cancelled, please refer cancellation reasons for specific reasons [None, TransactionConflict]"
        );
        assert_eq!(codes(e), ["None", "TransactionConflict"]);

        let get = engine.transact_get_items_now(TransactGetItemsInput {
            transact_items: Some(vec![TransactGetItem {
                get: Some(Get {
                    table_name: Some("tbl".to_owned()),
                    key: Some(item(&[("pk", "busy")])),
                    ..Default::default()
                }),
            }]),
            ..Default::default()
        });
        assert_eq!(codes(get.expect_err("cancelled")), ["TransactionConflict"]);

        let batch = engine
            .batch_write_item_now(BatchWriteItemInput {
                request_items: Some(HashMap::from([(
                    "tbl".to_owned(),
                    vec![
                        WriteRequest {
                            put_request: Some(PutRequest {
                                item: Some(item(&[("pk", "busy")])),
                            }),
                            delete_request: None,
                        },
                        WriteRequest {
                            put_request: Some(PutRequest {
                                item: Some(item(&[("pk", "free")])),
                            }),
                            delete_request: None,
                        },
                    ],
                )])),
                ..Default::default()
            })
            .expect("batch");
        let unprocessed = batch.unprocessed_items.unwrap_or_default();
        assert_eq!(unprocessed["tbl"].len(), 1, "the busy item comes back");
        // The other request of the batch is applied all the same.
        let free = engine.get_item_now(GetItemInput {
            table_name: Some("tbl".to_owned()),
            key: Some(item(&[("pk", "free")])),
            ..Default::default()
        });
        assert!(
            free.expect("get").item.is_some(),
            "the free item is written"
        );

        // A plain read never conflicts.
        let got = engine.get_item_now(GetItemInput {
            table_name: Some("tbl".to_owned()),
            key: Some(item(&[("pk", "busy")])),
            ..Default::default()
        });
        assert!(got.is_ok());
    });
    // Once the transaction is done, the same writes go through.
    engine
        .transact_write_items_now(TransactWriteItemsInput {
            transact_items: Some(vec![put_action("busy", "2")]),
            ..Default::default()
        })
        .expect("no conflict any more");
}

#[test]
fn a_token_binds_its_request_for_ten_minutes_after_it_completed() {
    let clock = Clock::manual(UNIX_EPOCH + Duration::from_secs(1_800_000_000));
    let engine = engine_with_table(clock.clone());
    let request = |v: &str| TransactWriteItemsInput {
        transact_items: Some(vec![put_action("k", v)]),
        client_request_token: Some("token".to_owned()),
        ..Default::default()
    };
    engine
        .transact_write_items_now(request("1"))
        .expect("first");
    clock.advance(Duration::from_secs(599));
    assert!(matches!(
        engine.transact_write_items_now(request("2")),
        Err(Error::IdempotentParameterMismatch(_))
    ));
    clock.advance(Duration::from_secs(1));
    engine
        .transact_write_items_now(request("2"))
        .expect("after 10 minutes the token is free");
    let got = engine
        .get_item_now(GetItemInput {
            table_name: Some("tbl".to_owned()),
            key: Some(item(&[("pk", "k")])),
            ..Default::default()
        })
        .expect("get");
    assert_eq!(got.item, Some(item(&[("pk", "k"), ("v", "2")])));
}

#[test]
fn a_token_in_use_reports_the_transaction_in_progress() {
    let engine = engine_with_table(Clock::system());
    let request = TransactWriteItemsInput {
        transact_items: Some(vec![put_action("busy", "1")]),
        client_request_token: Some("held".to_owned()),
        ..Default::default()
    };
    with_busy_item(&engine, || {
        // The first attempt is cancelled by the conflict, which frees its token again...
        assert!(engine.transact_write_items_now(request.clone()).is_err());
        // ...so a token is "in progress" only while its own request runs.
        let fp = super::idempotency::Fingerprint {
            items: request.transact_items.clone().unwrap_or_default(),
            metrics: None,
        };
        let now = engine.inner.clock.now();
        assert!(matches!(
            engine.inner.tokens.claim("held", &fp, now),
            Ok(super::idempotency::Claim::Run)
        ));
        assert_eq!(
            engine.transact_write_items_now(request.clone()).map(|_| ()),
            Err(Error::TransactionInProgress(
                "Transaction with the given request token is already in progress".to_owned()
            ))
        );
    });
}
