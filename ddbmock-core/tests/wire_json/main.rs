//! Wire JSON round trips: the request and response examples of the DynamoDB API Reference parse into the
//! operation structs, and serialize back to the same JSON.

mod item;
mod support;
mod table;
