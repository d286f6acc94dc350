//! Wire JSON round trips: the request and response examples of the DynamoDB and DynamoDB Streams API
//! References parse into the operation structs, and serialize back to the same JSON.
//!
//! Where the API Reference has no example (transactions, time to live, tags, endpoints, resource
//! policies, contributor insights, Kinesis destinations, replica auto scaling, table settings), the
//! JSON follows the operation's request and response syntax, every member filled.

mod auto_scaling;
mod batch;
mod insights;
mod item;
mod kinesis;
mod limits;
mod policy;
mod query;
mod streams;
mod support;
mod table;
mod table_settings;
mod tags;
mod transact;
mod ttl;
