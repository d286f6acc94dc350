//! ddbmock: DynamoDB for tests.
pub use ddbmock_core::*;
