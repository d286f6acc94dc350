//! ddbmock: DynamoDB for tests — a faithful, fast emulation of Amazon DynamoDB that runs in-process
//! or as a server, on an in-memory store.
//!
//! Applications code against the [`DynamoDb`] trait; tests hand them an [`Engine`]:
//!
//! ```
//! use ddbmock::operation::*;
//! use ddbmock::model::AttributeValue;
//! use ddbmock::{DynamoDb, Engine};
//!
//! # tokio_test_block(async {
//! let db = Engine::memory();
//! db.create_table(CreateTableInput {
//!     table_name: Some("users".into()),
//!     attribute_definitions: Some(vec![AttributeDefinition {
//!         attribute_name: Some("id".into()),
//!         attribute_type: Some(ScalarAttributeType::S),
//!     }]),
//!     key_schema: Some(vec![KeySchemaElement {
//!         attribute_name: Some("id".into()),
//!         key_type: Some(KeyType::Hash),
//!     }]),
//!     billing_mode: Some(BillingMode::PayPerRequest),
//!     ..Default::default()
//! })
//! .await?;
//! let item = [("id".to_owned(), AttributeValue::S("u1".into()))].into_iter().collect();
//! db.put_item(PutItemInput { table_name: Some("users".into()), item: Some(item), ..Default::default() })
//!     .await?;
//! # Ok::<(), ddbmock::Error>(())
//! # });
//! # fn tokio_test_block<F: std::future::Future<Output = Result<(), ddbmock::Error>>>(f: F) {
//! #     tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(f).unwrap();
//! # }
//! ```

pub use ddbmock_core::*;

/// Runs an `async fn` test on a fresh engine; see [the guide](crate#tests-with-ddbmocktest).
pub use ddbmock_macros::test;

pub mod mock;
pub mod testing;

#[doc(hidden)]
#[path = "rt/mod.rs"]
pub mod __rt;
