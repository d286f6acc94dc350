//! Wire JSON round trips: the request and response examples of the DynamoDB and DynamoDB Streams API
//! References parse into the operation structs, and serialize back to the same JSON.
//!
//! Where the API Reference has no example (transactions, time to live, tags, endpoints), the JSON follows
//! the operation's request and response syntax.

mod batch;
mod item;
mod limits;
mod partiql_ops;
mod policy;
mod query;
mod streams;
mod support;
mod table;
mod tags;
mod transact;
mod ttl;
