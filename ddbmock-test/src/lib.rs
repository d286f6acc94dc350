//! Test support for ddbmock and for applications that use it.
//!
//! - [`conformance`]: scenario tests written once over `&dyn DynamoDb`, which every door (the engine,
//!   the SDK bridge, the server) and both stores run through [`conformance_tests!`]; the DynamoDB
//!   Streams scenarios, over `&dyn DynamoDb` and `&dyn DynamoDbStreams`, run through
//!   [`conformance_stream_tests!`]. Each scenario creates its own uniquely named tables, so the
//!   suite can also run against any endpoint.
//! - [`strategy`]: proptest strategies for DynamoDB data, valid and just over each limit; import
//!   [`strategy::prelude`].

pub mod conformance;
pub mod strategy;
