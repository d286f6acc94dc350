//! Creates a table, then writes, reads and deletes an item through the `DynamoDb` trait.

use ddbmock::model::{AttributeValue, Item};
use ddbmock::operation::*;
use ddbmock::{DynamoDb, Engine};

/// Application code: written against the trait, so tests pass an `Engine` and production an SDK adapter.
async fn save_user(db: &dyn DynamoDb, id: &str, name: &str) -> Result<(), ddbmock::Error> {
    let item: Item = [
        ("id".to_owned(), AttributeValue::S(id.to_owned())),
        ("name".to_owned(), AttributeValue::S(name.to_owned())),
    ]
    .into_iter()
    .collect();
    db.put_item(PutItemInput {
        table_name: Some("users".into()),
        item: Some(item),
        ..Default::default()
    })
    .await?;
    Ok(())
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), ddbmock::Error> {
    let db = Engine::memory();
    db.create_table(CreateTableInput {
        table_name: Some("users".into()),
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
    .await?;

    save_user(&db, "u1", "Ada").await?;
    let key: Item = [("id".to_owned(), AttributeValue::S("u1".into()))]
        .into_iter()
        .collect();
    let got = db
        .get_item(GetItemInput {
            table_name: Some("users".into()),
            key: Some(key.clone()),
            ..Default::default()
        })
        .await?;
    println!("read back: {:?}", got.item);
    assert_eq!(
        got.item.as_ref().and_then(|i| i.get("name")),
        Some(&AttributeValue::S("Ada".into()))
    );

    db.delete_item(DeleteItemInput {
        table_name: Some("users".into()),
        key: Some(key.clone()),
        ..Default::default()
    })
    .await?;
    let gone = db
        .get_item(GetItemInput {
            table_name: Some("users".into()),
            key: Some(key),
            ..Default::default()
        })
        .await?;
    assert!(gone.item.is_none());
    println!("deleted");
    Ok(())
}
