//! Paginators: every page of a Query, a Scan, a ListTables or a ListTagsOfResource on any
//! [`DynamoDb`](crate::DynamoDb), and of a ListStreams or a DescribeStream on any
//! [`DynamoDbStreams`](crate::DynamoDbStreams).
//!
//! DynamoDB returns at most 1 MB (or `Limit` items) per call, and a `LastEvaluatedKey` (or
//! `NextToken`, …) to go on from. [`DynamoDbExt`] and [`DynamoDbStreamsExt`] give each trait a
//! `…_pages` method per paginated operation, returning [`Pages`]: an async
//! [`Stream`](futures_core::Stream) of whole outputs (for counts, consumed capacity, or stopping
//! early), a `next_page()` loop without a stream library, and `.all()` for every entry at once.
//! [`query_all`], [`scan_all`], [`list_tables_all`] and [`list_streams_all`] are the older
//! spelling of `.all()`.
//!
//! ```
//! use ddbmock_core::operation::{PutItemInput, QueryInput};
//! use ddbmock_core::pages::DynamoDbExt;
//! use ddbmock_core::{DynamoDb, item};
//!
//! # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
//! let db = ddbmock_engine::Engine::memory();
//! # use ddbmock_core::operation::{CreateTableInput, ScalarAttributeType::{N, S}};
//! # db.create_table(CreateTableInput::new("orders", "pk", S).range("sk", N)).await?;
//! for n in 0..5 {
//!     db.put_item(PutItemInput::new("orders", item! { "pk" => "u1", "sk" => n })).await?;
//! }
//! // Two items a call: three calls.
//! let query = QueryInput { limit: Some(2), ..QueryInput::new("orders", "pk = :pk").value(":pk", "u1") };
//! let orders = db.query_pages(query).all().await?;
//! assert_eq!(orders.len(), 5);
//! # Ok::<(), ddbmock_core::Error>(())
//! # }).unwrap();
//! ```

mod collect;
mod ext;
mod paginated;
mod requests;
mod stream;

pub use collect::{list_streams_all, list_tables_all, query_all, scan_all};
pub use ext::{DynamoDbExt, DynamoDbStreamsExt};
pub use paginated::{Paginated, SendPage};
pub use stream::Pages;
