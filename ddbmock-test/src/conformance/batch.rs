//! Batch scenarios: BatchWriteItem and BatchGetItem.

use std::collections::HashMap;

use ddbmock_core::DynamoDb;
use ddbmock_core::operation::*;

use super::support::*;

fn put_req(it: ddbmock_core::model::Item) -> WriteRequest {
    WriteRequest {
        put_request: Some(PutRequest { item: Some(it) }),
        delete_request: None,
    }
}

fn delete_req(k: ddbmock_core::model::Item) -> WriteRequest {
    WriteRequest {
        put_request: None,
        delete_request: Some(DeleteRequest { key: Some(k) }),
    }
}

/// Puts and deletes over two tables in one call, then reads them back in one call.
pub async fn batch_write_and_get(db: &dyn DynamoDb) {
    let a = new_table(db, "ba", false).await;
    let b = new_table(db, "bb", true).await;
    put(db, &a, item(&[("pk", s("gone"))])).await;
    let out = db
        .batch_write_item(BatchWriteItemInput {
            request_items: Some(HashMap::from([
                (
                    a.clone(),
                    vec![
                        put_req(item(&[("pk", s("x")), ("v", n("1"))])),
                        delete_req(item(&[("pk", s("gone"))])),
                    ],
                ),
                (
                    b.clone(),
                    vec![put_req(item(&[("pk", s("y")), ("sk", n("2"))]))],
                ),
            ])),
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(out.unprocessed_items.unwrap_or_default().is_empty());
    assert_eq!(get(db, &a, item(&[("pk", s("gone"))])).await, None);

    let got = db
        .batch_get_item(BatchGetItemInput {
            request_items: Some(HashMap::from([
                (
                    a.clone(),
                    KeysAndAttributes {
                        keys: Some(vec![item(&[("pk", s("x"))]), item(&[("pk", s("none"))])]),
                        ..Default::default()
                    },
                ),
                (
                    b.clone(),
                    KeysAndAttributes {
                        keys: Some(vec![item(&[("pk", s("y")), ("sk", n("2"))])]),
                        ..Default::default()
                    },
                ),
            ])),
            ..Default::default()
        })
        .await
        .unwrap();
    let responses = got.responses.unwrap();
    assert_eq!(responses[&a], vec![item(&[("pk", s("x")), ("v", n("1"))])]);
    assert_eq!(responses[&b].len(), 1);
    assert!(got.unprocessed_keys.unwrap_or_default().is_empty());
}

/// The batch limits and duplicate checks, with the table left unchanged.
pub async fn batch_validation(db: &dyn DynamoDb) {
    let t = new_table(db, "bv", false).await;
    let many: Vec<WriteRequest> = (0..26)
        .map(|i| put_req(item(&[("pk", s(&format!("k{i}")))])))
        .collect();
    // More than 25 requests for one table break the map value's length constraint. DynamoDB quotes
    // the map as its Java model prints it, attribute values by their identity hashes, which no
    // client can predict: the text around the quoted map is exact.
    match db
        .batch_write_item(BatchWriteItemInput {
            request_items: Some(HashMap::from([(t.clone(), many)])),
            ..Default::default()
        })
        .await
    {
        Err(e) => {
            let message = e.message();
            assert_eq!(e.type_name(), "ValidationException", "{message}");
            let head = format!(
                "1 validation error detected: Value '{{{t}=[WriteRequest(putRequest=PutRequest(item={{pk=com.amazonaws.dynamodb.v20120810.AttributeValue@"
            );
            let tail = "}, workloadProfileName=null), deleteRequest=null)]}' at 'requestItems' failed to satisfy constraint: Map value must satisfy constraint: [Member must have length less than or equal to 25, Member must have length greater than or equal to 1]";
            assert!(message.starts_with(&head), "{message}");
            assert!(message.ends_with(tail), "{message}");
            assert_eq!(message.matches("WriteRequest(").count(), 26, "{message}");
        }
        Ok(v) => panic!("expected a ValidationException, got {v:?}"),
    }
    let dup = vec![
        put_req(item(&[("pk", s("d"))])),
        delete_req(item(&[("pk", s("d"))])),
    ];
    assert_error(
        db.batch_write_item(BatchWriteItemInput {
            request_items: Some(HashMap::from([(t.clone(), dup)])),
            ..Default::default()
        })
        .await,
        "ValidationException",
        "Provided list of item keys contains duplicates",
    );
    let bad_then_good = vec![
        put_req(item(&[("pk", s("ok"))])),
        put_req(item(&[("pk", n("1"))])),
    ];
    assert_error(
        db.batch_write_item(BatchWriteItemInput {
            request_items: Some(HashMap::from([(t.clone(), bad_then_good)])),
            ..Default::default()
        })
        .await,
        "ValidationException",
        "One or more parameter values were invalid: Type mismatch for key pk expected: S actual: N",
    );
    assert_eq!(
        get(db, &t, item(&[("pk", s("ok"))])).await,
        None,
        "a rejected batch writes nothing"
    );

    let keys: Vec<_> = (0..101)
        .map(|i| item(&[("pk", s(&format!("k{i}")))]))
        .collect();
    assert_error(
        db.batch_get_item(BatchGetItemInput {
            request_items: Some(HashMap::from([(
                t.clone(),
                KeysAndAttributes {
                    keys: Some(keys),
                    ..Default::default()
                },
            )])),
            ..Default::default()
        })
        .await,
        "ValidationException",
        &format!(
            "1 validation error detected: Value at 'RequestItems.{t}.member.Keys' failed to satisfy constraint: Member must have length less than or equal to 100"
        ),
    );
    let dup_keys = vec![item(&[("pk", s("a"))]), item(&[("pk", s("a"))])];
    assert_error(
        db.batch_get_item(BatchGetItemInput {
            request_items: Some(HashMap::from([(
                t.clone(),
                KeysAndAttributes {
                    keys: Some(dup_keys),
                    ..Default::default()
                },
            )])),
            ..Default::default()
        })
        .await,
        "ValidationException",
        "Provided list of item keys contains duplicates",
    );
}
