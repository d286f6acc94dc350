//! `Engine::stream_records`: a table's stream as an async `Stream` of records, driving a handler as a
//! Lambda trigger would.

mod streams_support;

use ddbmock_core::model::AttributeValue;
use ddbmock_core::operation::*;
use streams_support::*;

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
