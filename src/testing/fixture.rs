//! Fixture files: tables and items to load before a test, in DynamoDB's own JSON.
//!
//! A fixture is one JSON object with two optional members: `Tables`, a list of `CreateTable`
//! requests exactly as DynamoDB's JSON protocol (and the AWS CLI's `--cli-input-json`) writes them, and
//! `Items`, table names to lists of items in DynamoDB JSON, as `aws dynamodb scan` prints them:
//!
//! ```json
//! {
//!   "Tables": [{
//!     "TableName": "orders",
//!     "AttributeDefinitions": [{ "AttributeName": "id", "AttributeType": "S" }],
//!     "KeySchema": [{ "AttributeName": "id", "KeyType": "HASH" }],
//!     "BillingMode": "PAY_PER_REQUEST"
//!   }],
//!   "Items": {
//!     "orders": [{ "id": { "S": "o-1" }, "total": { "N": "12.50" } }]
//!   }
//! }
//! ```
//!
//! Tables are created in order, then items are put table by table, each through the ordinary
//! `CreateTable` and `PutItem`, so a fixture is held to every rule DynamoDB applies.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::model::Item;
use crate::operation::{CreateTableInput, PutItemInput};
use crate::{DynamoDb, Error};

/// The contents of one fixture file: tables to create, then items to put.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(rename_all = "PascalCase", deny_unknown_fields)]
#[non_exhaustive]
pub struct Fixture {
    /// `CreateTable` requests, created in order.
    #[serde(default)]
    pub tables: Vec<CreateTableInput>,
    /// Items to put, by table name; tables in name order, items in file order.
    #[serde(default)]
    pub items: BTreeMap<String, Vec<Item>>,
}

/// Why a fixture could not be read or loaded.
#[derive(Debug)]
#[non_exhaustive]
pub enum FixtureError {
    /// The file could not be read.
    Read {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The file is not a fixture: bad JSON, or members other than `Tables` and `Items`.
    Parse {
        /// The file, when the fixture came from one.
        path: Option<PathBuf>,
        /// serde_json's description, with line and column.
        message: String,
    },
    /// DynamoDB refused one of the fixture's tables.
    CreateTable {
        /// The table's name.
        table: String,
        /// DynamoDB's error.
        error: Error,
    },
    /// DynamoDB refused one of the fixture's items.
    PutItem {
        /// The table.
        table: String,
        /// The item's position in the table's list, from 0.
        index: usize,
        /// DynamoDB's error.
        error: Error,
    },
}

impl fmt::Display for FixtureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FixtureError::Read { path, source } => {
                write!(f, "cannot read fixture {}: {source}", path.display())
            }
            FixtureError::Parse {
                path: Some(path),
                message,
            } => {
                write!(f, "fixture {} is not valid: {message}", path.display())
            }
            FixtureError::Parse {
                path: None,
                message,
            } => {
                write!(f, "fixture is not valid: {message}")
            }
            FixtureError::CreateTable { table, error } => write!(
                f,
                "fixture table {table:?}: CreateTable failed with {}: {}",
                error.type_name(),
                error.message()
            ),
            FixtureError::PutItem {
                table,
                index,
                error,
            } => write!(
                f,
                "fixture item {index} of table {table:?}: PutItem failed with {}: {}",
                error.type_name(),
                error.message()
            ),
        }
    }
}

impl std::error::Error for FixtureError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            FixtureError::Read { source, .. } => Some(source),
            FixtureError::CreateTable { error, .. } | FixtureError::PutItem { error, .. } => {
                Some(error)
            }
            FixtureError::Parse { .. } => None,
        }
    }
}

impl Fixture {
    /// Parses a fixture from its JSON text.
    pub fn from_json(text: &str) -> Result<Fixture, FixtureError> {
        serde_json::from_str(text).map_err(|e| FixtureError::Parse {
            path: None,
            message: e.to_string(),
        })
    }

    /// Reads and parses a fixture file.
    pub fn read(path: impl AsRef<Path>) -> Result<Fixture, FixtureError> {
        let path = path.as_ref();
        let text = std::fs::read_to_string(path).map_err(|source| FixtureError::Read {
            path: path.to_owned(),
            source,
        })?;
        Fixture::from_json(&text).map_err(|e| match e {
            FixtureError::Parse { message, .. } => FixtureError::Parse {
                path: Some(path.to_owned()),
                message,
            },
            other => other,
        })
    }

    /// Creates the fixture's tables and puts its items into `db`.
    pub async fn load(&self, db: &(impl DynamoDb + ?Sized)) -> Result<(), FixtureError> {
        for table in &self.tables {
            db.create_table(table.clone())
                .await
                .map_err(|error| FixtureError::CreateTable {
                    table: table.table_name.clone().unwrap_or_default(),
                    error,
                })?;
        }
        for (table, items) in &self.items {
            for (index, item) in items.iter().enumerate() {
                db.put_item(PutItemInput {
                    table_name: Some(table.clone()),
                    item: Some(item.clone()),
                    ..Default::default()
                })
                .await
                .map_err(|error| FixtureError::PutItem {
                    table: table.clone(),
                    index,
                    error,
                })?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Engine;
    use crate::model::AttributeValue;
    use crate::operation::GetItemInput;

    const ORDERS: &str = r#"{
        "Tables": [{
            "TableName": "orders",
            "AttributeDefinitions": [{ "AttributeName": "id", "AttributeType": "S" }],
            "KeySchema": [{ "AttributeName": "id", "KeyType": "HASH" }],
            "BillingMode": "PAY_PER_REQUEST"
        }],
        "Items": { "orders": [{ "id": { "S": "o-1" }, "total": { "N": "12.50" } }] }
    }"#;

    fn block_on<F: std::future::Future>(f: F) -> F::Output {
        match tokio::runtime::Builder::new_current_thread().build() {
            Ok(rt) => rt.block_on(f),
            Err(e) => panic!("runtime: {e}"),
        }
    }

    #[test]
    fn loads_tables_then_items() {
        let db = Engine::memory();
        let fixture = Fixture::from_json(ORDERS).unwrap();
        block_on(fixture.load(&db)).unwrap();
        let got = block_on(db.get_item(GetItemInput {
            table_name: Some("orders".into()),
            key: Some(Item::from([(
                "id".to_owned(),
                AttributeValue::S("o-1".into()),
            )])),
            ..Default::default()
        }))
        .unwrap();
        assert_eq!(got.item.unwrap()["total"], AttributeValue::N("12.5".into()));
    }

    #[test]
    fn unknown_members_are_refused() {
        let e = Fixture::from_json(r#"{"Tables": [], "Rows": {}}"#).unwrap_err();
        assert_eq!(
            e.to_string(),
            "fixture is not valid: unknown field `Rows`, expected `Tables` or `Items` at line 1 column 21"
        );
    }

    #[test]
    fn a_refused_item_names_its_table_and_position() {
        let db = Engine::memory();
        let mut fixture = Fixture::from_json(ORDERS).unwrap();
        fixture.items.get_mut("orders").unwrap().push(Item::from([(
            "total".to_owned(),
            AttributeValue::N("1".into()),
        )]));
        let e = block_on(fixture.load(&db)).unwrap_err();
        assert_eq!(
            e.to_string(),
            "fixture item 1 of table \"orders\": PutItem failed with ValidationException: One or more parameter values were invalid: Missing the key id in the item"
        );
    }

    #[test]
    fn a_missing_file_names_its_path() {
        let e = Fixture::read("no/such/fixture.json").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("cannot read fixture no/such/fixture.json: "),
            "{e}"
        );
    }
}
