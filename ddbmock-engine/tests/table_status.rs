//! Table status delays on a manual clock: CREATING and UPDATING last `table_status_delay`.

use std::time::{Duration, UNIX_EPOCH};

use ddbmock_core::model::{AttributeValue, Item};
use ddbmock_core::operation::*;
use ddbmock_engine::{Clock, DynamoDb, Engine, EngineConfig};

fn block<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap()
        .block_on(f)
}

fn create() -> CreateTableInput {
    CreateTableInput {
        table_name: Some("slow".into()),
        attribute_definitions: Some(vec![AttributeDefinition {
            attribute_name: Some("pk".into()),
            attribute_type: Some(ScalarAttributeType::S),
        }]),
        key_schema: Some(vec![KeySchemaElement {
            attribute_name: Some("pk".into()),
            key_type: Some(KeyType::Hash),
        }]),
        provisioned_throughput: Some(ProvisionedThroughput {
            read_capacity_units: Some(1),
            write_capacity_units: Some(1),
        }),
        ..Default::default()
    }
}

async fn status(db: &Engine) -> TableStatus {
    db.describe_table(DescribeTableInput {
        table_name: Some("slow".into()),
    })
    .await
    .unwrap()
    .table
    .unwrap()
    .table_status
    .unwrap()
}

#[test]
fn transitions_take_the_configured_time() {
    block(async {
        let config = EngineConfig {
            table_status_delay: Duration::from_secs(5),
            ..Default::default()
        };
        let db = Engine::memory_with_config(
            Clock::manual(UNIX_EPOCH + Duration::from_secs(1_800_000_000)),
            config,
        );
        let created = db
            .create_table(create())
            .await
            .unwrap()
            .table_description
            .unwrap();
        assert_eq!(created.table_status, Some(TableStatus::Creating));
        assert_eq!(status(&db).await, TableStatus::Creating);

        let item = Item::from([("pk".to_owned(), AttributeValue::S("a".into()))]);
        let put = PutItemInput {
            table_name: Some("slow".into()),
            item: Some(item),
            ..Default::default()
        };
        let err = db.put_item(put.clone()).await.unwrap_err();
        assert_eq!(
            (err.type_name(), err.message().as_str()),
            ("ResourceNotFoundException", "Requested resource not found")
        );
        let err = db
            .delete_table(DeleteTableInput {
                table_name: Some("slow".into()),
            })
            .await
            .unwrap_err();
        assert_eq!(
            (err.type_name(), err.message().as_str()),
            (
                "ResourceInUseException",
                "Attempt to change a resource which is still in use: Table is being created: slow"
            )
        );

        db.clock().advance(Duration::from_secs(5));
        assert_eq!(status(&db).await, TableStatus::Active);
        db.put_item(put.clone()).await.unwrap();

        let update = UpdateTableInput {
            table_name: Some("slow".into()),
            provisioned_throughput: Some(ProvisionedThroughput {
                read_capacity_units: Some(2),
                write_capacity_units: Some(2),
            }),
            ..Default::default()
        };
        let updated = db
            .update_table(update.clone())
            .await
            .unwrap()
            .table_description
            .unwrap();
        assert_eq!(updated.table_status, Some(TableStatus::Updating));
        // Items stay writable while a table updates; a second change waits.
        db.put_item(put.clone()).await.unwrap();
        let err = db.update_table(update).await.unwrap_err();
        assert_eq!(
            (err.type_name(), err.message().as_str()),
            (
                "ResourceInUseException",
                "Attempt to change a resource which is still in use: Table is being updated: slow"
            )
        );
        db.clock().advance(Duration::from_secs(5));
        assert_eq!(status(&db).await, TableStatus::Active);
        db.delete_table(DeleteTableInput {
            table_name: Some("slow".into()),
        })
        .await
        .unwrap();
    });
}

#[test]
fn tables_are_active_at_once_by_default() {
    block(async {
        let db = Engine::memory();
        let created = db
            .create_table(create())
            .await
            .unwrap()
            .table_description
            .unwrap();
        assert_eq!(created.table_status, Some(TableStatus::Active));
    });
}
