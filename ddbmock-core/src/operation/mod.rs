//! The API model: one input/output struct pair per operation, whose serde form is DynamoDB's JSON 1.0
//! wire format.
//!
//! Conventions, shared by every struct here:
//! - members serialize under DynamoDB's names (PascalCase, or camelCase in stream records);
//! - every member is an `Option`, skipped on output when `None`: DynamoDB tells an absent member
//!   ("Value null at 'tableName' failed to satisfy constraint: Member must not be null") from an empty one,
//!   so the engine must see the difference, on the trait door as on the wire;
//! - members DynamoDB does not know are ignored on input, as DynamoDB ignores them;
//! - enumerations keep unknown values in `Unknown(String)`, which the engine rejects with DynamoDB's
//!   `ValidationException` (see each enum's `VALUES`);
//! - timestamps are epoch seconds with fractions (`f64`), as on the wire.

pub(crate) mod wire_enum;

mod auto_scaling;
mod backup;
mod batch;
mod capacity;
mod enums;
mod export;
mod global_table;
mod import;
mod insights;
mod item;
mod kinesis;
mod legacy;
mod limits;
mod new;
mod partiql;
mod partiql_batch;
mod policy;
mod query;
mod replica;
mod schema;
mod streams;
mod table;
mod table_description;
mod tags;
mod throughput;
mod transact;
mod ttl;

pub use auto_scaling::*;
pub use backup::*;
pub use batch::*;
pub use capacity::*;
pub use enums::*;
pub use export::*;
pub use global_table::*;
pub use import::*;
pub use insights::*;
pub use item::*;
pub use kinesis::*;
pub use legacy::*;
pub use limits::*;
pub use partiql::*;
pub use partiql_batch::*;
pub use policy::*;
pub use query::*;
pub use replica::*;
pub use schema::*;
pub use streams::*;
pub use table::*;
pub use table_description::*;
pub use tags::*;
pub use throughput::*;
pub use transact::*;
pub use ttl::*;
