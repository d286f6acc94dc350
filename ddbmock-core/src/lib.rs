//! The API model and the engine of ddbmock: DynamoDB for tests.
//!
//! Most users depend on the `ddbmock` facade, which re-exports what is public here.

pub mod api;
pub mod error;
pub mod expr;
pub mod model;
pub mod operation;

pub use api::DynamoDb;
pub use error::{Error, Result};
pub mod storage;
