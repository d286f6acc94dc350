//! A typical application written on the official `aws_sdk_dynamodb::Client`, tested with the SDK
//! bridge: the application code is unchanged, and its client talks to a ddbmock engine in-process.
//!
//! Run with `cargo run --example sdk_bridge --features aws`; its tests run with
//! `cargo test --example sdk_bridge --features aws`.

// The application returns the SDK's own error type, as SDK applications commonly do.
#![allow(clippy::result_large_err)]

use aws_sdk_dynamodb::Client;
use aws_sdk_dynamodb::types::{
    AttributeDefinition, AttributeValue, BillingMode, KeySchemaElement, KeyType,
    ScalarAttributeType,
};

/// The application's error type.
type AppResult<T> = Result<T, aws_sdk_dynamodb::Error>;

/// The application: a store of user names over DynamoDB, written on the SDK client.
struct Users {
    client: Client,
    table: String,
}

impl Users {
    /// Creates the table the store uses.
    async fn create(client: Client, table: &str) -> AppResult<Self> {
        client
            .create_table()
            .table_name(table)
            .attribute_definitions(
                AttributeDefinition::builder()
                    .attribute_name("id")
                    .attribute_type(ScalarAttributeType::S)
                    .build()?,
            )
            .key_schema(
                KeySchemaElement::builder()
                    .attribute_name("id")
                    .key_type(KeyType::Hash)
                    .build()?,
            )
            .billing_mode(BillingMode::PayPerRequest)
            .send()
            .await?;
        Ok(Users {
            client,
            table: table.to_owned(),
        })
    }

    /// Adds a user; fails if the id is taken.
    async fn add(&self, id: &str, name: &str) -> AppResult<()> {
        self.client
            .put_item()
            .table_name(&self.table)
            .item("id", AttributeValue::S(id.to_owned()))
            .item("name", AttributeValue::S(name.to_owned()))
            .condition_expression("attribute_not_exists(id)")
            .send()
            .await?;
        Ok(())
    }

    /// A user's name.
    async fn name(&self, id: &str) -> AppResult<Option<String>> {
        let output = self
            .client
            .get_item()
            .table_name(&self.table)
            .key("id", AttributeValue::S(id.to_owned()))
            .send()
            .await?;
        Ok(output
            .item()
            .and_then(|item| item.get("name"))
            .and_then(|name| name.as_s().ok())
            .cloned())
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() -> AppResult<()> {
    // In production: `Client::new(&aws_config::load_from_env().await)`. Here: the bridge.
    let engine = ddbmock::Engine::memory();
    let users = Users::create(ddbmock::aws::client(&engine), "users").await?;
    users.add("u1", "Ada").await?;
    println!("u1 is {:?}", users.name("u1").await?);
    let again = users.add("u1", "Grace").await;
    println!("adding u1 again: {}", again.is_err());
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[ddbmock::test]
    async fn adds_and_reads_users(client: Client) -> AppResult<()> {
        let users = Users::create(client, "users").await?;
        users.add("u1", "Ada").await?;
        assert_eq!(users.name("u1").await?, Some("Ada".to_owned()));
        assert_eq!(users.name("u2").await?, None);
        Ok(())
    }

    #[ddbmock::test]
    async fn refuses_a_taken_id(client: Client) -> AppResult<()> {
        let users = Users::create(client, "users").await?;
        users.add("u1", "Ada").await?;
        let error = users.add("u1", "Grace").await.unwrap_err();
        assert!(matches!(
            error,
            aws_sdk_dynamodb::Error::ConditionalCheckFailedException(_)
        ));
        Ok(())
    }
}
