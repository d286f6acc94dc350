//! The API model and the engine of ddbmock: DynamoDB for tests.
//!
//! Most users depend on the `ddbmock` facade, which re-exports what is public here.

pub mod api;
pub mod engine;
pub mod error;
pub mod expr;
pub mod model;
pub mod operation;
pub mod storage;

pub use api::{DynamoDb, DynamoDbStreams};
pub use engine::{Clock, Engine, EngineConfig};
pub use error::{Error, Result};
