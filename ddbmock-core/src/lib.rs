//! The API of ddbmock, DynamoDB for tests: the model (attribute values, exact numbers, item sizes),
//! one typed input/output pair per operation whose serde form is DynamoDB's wire JSON, the one error
//! type, the `DynamoDb` and `DynamoDbStreams` traits, and the JSON protocol codec.
//!
//! This is what production code depends on to take a `&dyn DynamoDb`: no engine, no SQLite, no HTTP,
//! no async runtime. Features: `protocol` (the wire codec, for servers and bridges) and `sdk` (the
//! traits over the real AWS SDK clients). The engine is `ddbmock-engine`; most tests depend on the `ddbmock` facade, which
//! re-exports both.
//!
//! Short to write: [`item!`] and [`set!`] build items from Rust values (`From` impls, see
//! [`model`]), [`model::to_item`]/[`model::from_item`] convert serde types, `new` constructors on
//! the common inputs (`PutItemInput::new("users", item)`, `QueryInput::new(table, "pk = :pk")
//! .value(":pk", "u1")`), and [`pages`] follows `LastEvaluatedKey`: `db.query_pages(input)`
//! ([`pages::DynamoDbExt`]) is an async `Stream` of answers, and `.all()` collects their items.

pub mod api;
pub mod error;
mod item_macro;
pub mod limits;
pub mod model;
pub mod operation;
pub mod pages;
#[cfg(feature = "protocol")]
pub mod protocol;
#[cfg(feature = "sdk")]
pub mod sdk;
#[cfg(feature = "sdk")]
mod sdk_value;
pub mod time;

pub mod operations;

pub use api::{DynamoDb, DynamoDbStreams};
pub use error::{Error, Result};
