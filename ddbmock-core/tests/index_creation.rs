//! A global secondary index added by UpdateTable stays `CREATING` for the engine's configured delay,
//! refusing reads meanwhile, then turns `ACTIVE` with its backfilled items.

use std::sync::Arc;
use std::time::{Duration, SystemTime};

use ddbmock_core::model::AttributeValue;
use ddbmock_core::operation::*;
use ddbmock_core::storage::MemoryStorage;
use ddbmock_core::{Clock, DynamoDb, Engine, EngineConfig};

#[tokio::test]
async fn creating_then_active_after_the_delay() {
    let clock = Clock::manual(SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000));
    let config = EngineConfig {
        index_creation_delay: Duration::from_secs(30),
        ..Default::default()
    };
    let db = Engine::with_storage(Arc::new(MemoryStorage::new()), clock.clone(), config).unwrap();
    let def = |n: &str, t| AttributeDefinition {
        attribute_name: Some(n.into()),
        attribute_type: Some(t),
    };
    let key = |n: &str, t| KeySchemaElement {
        attribute_name: Some(n.into()),
        key_type: Some(t),
    };
    db.create_table(CreateTableInput {
        table_name: Some("tbl".into()),
        attribute_definitions: Some(vec![def("pk", ScalarAttributeType::S)]),
        key_schema: Some(vec![key("pk", KeyType::Hash)]),
        billing_mode: Some(BillingMode::PayPerRequest),
        ..Default::default()
    })
    .await
    .unwrap();
    for i in 0..3 {
        db.put_item(PutItemInput {
            table_name: Some("tbl".into()),
            item: Some(
                [
                    ("pk".to_owned(), AttributeValue::S(format!("k{i}"))),
                    ("g".to_owned(), AttributeValue::S("x".into())),
                ]
                .into(),
            ),
            ..Default::default()
        })
        .await
        .unwrap();
    }
    db.update_table(UpdateTableInput {
        table_name: Some("tbl".into()),
        attribute_definitions: Some(vec![def("g", ScalarAttributeType::S)]),
        global_secondary_index_updates: Some(vec![GlobalSecondaryIndexUpdate {
            create: Some(CreateGlobalSecondaryIndexAction {
                index_name: Some("by_g".into()),
                key_schema: Some(vec![key("g", KeyType::Hash)]),
                projection: Some(Projection {
                    projection_type: Some(ProjectionType::KeysOnly),
                    non_key_attributes: None,
                }),
                ..Default::default()
            }),
            ..Default::default()
        }]),
        ..Default::default()
    })
    .await
    .unwrap();
    let status = || async {
        let d = db
            .describe_table(DescribeTableInput {
                table_name: Some("tbl".into()),
            })
            .await
            .unwrap()
            .table
            .unwrap();
        let g = d.global_secondary_indexes.unwrap().remove(0);
        (g.index_status.unwrap(), g.backfilling, g.item_count)
    };
    assert_eq!(status().await, (IndexStatus::Creating, Some(true), Some(3)));
    let query = QueryInput {
        table_name: Some("tbl".into()),
        index_name: Some("by_g".into()),
        key_condition_expression: Some("g = :g".into()),
        expression_attribute_values: Some(
            [(":g".to_owned(), AttributeValue::S("x".into()))].into(),
        ),
        ..Default::default()
    };
    let err = db.query(query.clone()).await.unwrap_err();
    assert_eq!(
        err.message(),
        "Cannot read from backfilling global secondary index: by_g"
    );
    clock.advance(Duration::from_secs(30));
    assert_eq!(status().await, (IndexStatus::Active, None, Some(3)));
    assert_eq!(db.query(query).await.unwrap().count, Some(3));
}
