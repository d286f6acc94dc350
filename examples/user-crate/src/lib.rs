//! An application's user repository, written against the `DynamoDb` trait: DynamoDB itself in
//! production ([`Users::production`], through the AWS SDK), ddbmock's engine in the tests.
//!
//! Its only DynamoDB dependency is `ddbmock-core` (feature `sdk`); ddbmock itself, with its engine,
//! is a dev-dependency.

use std::sync::Arc;

use ddbmock_core::model::{from_item, to_item};
use ddbmock_core::operation::ScalarAttributeType::S;
use ddbmock_core::operation::{CreateTableInput, GetItemInput, PutItemInput, QueryInput};
use ddbmock_core::pages::DynamoDbExt;
use ddbmock_core::sdk::Sdk;
use ddbmock_core::{DynamoDb, Error, item};
use serde::{Deserialize, Serialize};

/// The table the repository owns: users by team (partition key) and id (sort key).
pub const TABLE: &str = "users";

/// A user, stored as one item whose attributes are its fields.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct User {
    /// The team: the partition key.
    pub team: String,
    /// The user's id within the team: the sort key.
    pub id: String,
    /// The user's name.
    pub name: String,
    /// Age in years (a number in DynamoDB).
    pub age: u32,
}

/// Users over any DynamoDB.
#[derive(Clone)]
pub struct Users {
    db: Arc<dyn DynamoDb>,
}

impl Users {
    /// Users over `db`: an engine, a `Mock`, or [`Sdk`].
    pub fn new(db: Arc<dyn DynamoDb>) -> Self {
        Users { db }
    }

    /// Users on DynamoDB, through an AWS SDK client (in production, built from `aws-config`).
    pub fn production(client: aws_sdk_dynamodb::Client) -> Self {
        Users::new(Arc::new(Sdk::new(client)))
    }

    /// Creates the table, on demand.
    pub async fn create_table(&self) -> Result<(), Error> {
        let table = CreateTableInput::new(TABLE, "team", S).range("id", S);
        self.db.create_table(table).await.map(drop)
    }

    /// Stores `user`, replacing any user with the same team and id.
    pub async fn put(&self, user: &User) -> Result<(), Error> {
        self.db.put_item(PutItemInput::new(TABLE, to_item(user)?)).await?;
        Ok(())
    }

    /// The user `id` of `team`, if any.
    pub async fn get(&self, team: &str, id: &str) -> Result<Option<User>, Error> {
        let key = item! { "team" => team, "id" => id };
        let found = self.db.get_item(GetItemInput::new(TABLE, key)).await?;
        found.item.map(|item| from_item(&item)).transpose()
    }

    /// Every user of `team`, in id order, over as many pages as DynamoDB returns.
    pub async fn team(&self, team: &str) -> Result<Vec<User>, Error> {
        let query = QueryInput::new(TABLE, "team = :team").value(":team", team);
        let items = self.db.query_pages(query).all().await?;
        items.iter().map(from_item).collect()
    }
}
