//! The engine of ddbmock: DynamoDB's semantics (tables, items, expressions, indexes, transactions,
//! streams, capacity) over an in-memory or SQLite store.
//!
//! It implements the [`DynamoDb`] and [`DynamoDbStreams`] traits of `ddbmock-core`, the light API crate
//! that production code depends on. Most users depend on the `ddbmock` facade, which re-exports both.

pub mod engine;
pub mod expr;
pub mod partiql;
pub mod storage;

pub use ddbmock_core::{DynamoDb, DynamoDbStreams, Error, Result};
pub use engine::{Clock, Consistency, Engine, EngineBuilder, EngineConfig, Scopes, Staleness};
