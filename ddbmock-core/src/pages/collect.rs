//! The collecting functions that came before [`Pages::all`](super::Pages::all), kept for callers
//! that use them: each is `Pages::new(db, input).all()`.

use super::stream::Pages;
use crate::api::{DynamoDb, DynamoDbStreams};
use crate::error::Result;
use crate::model::Item;
use crate::operation::{ListStreamsInput, ListTablesInput, QueryInput, ScanInput, Stream};

/// Every item of a Query, over all its pages, in the order DynamoDB returns them: as
/// `db.query_pages(input).all()`.
pub async fn query_all<D: DynamoDb + ?Sized>(db: &D, input: QueryInput) -> Result<Vec<Item>> {
    Pages::new(db, input).all().await
}

/// Every item of a Scan (or of one segment of a parallel Scan), over all its pages: as
/// `db.scan_pages(input).all()`.
///
/// ```
/// use ddbmock_core::operation::ScanInput;
/// use ddbmock_core::pages::scan_all;
///
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let db = ddbmock_engine::Engine::memory();
/// let e = scan_all(&db, ScanInput::new("missing")).await.unwrap_err();
/// assert_eq!(e.type_name(), "ResourceNotFoundException");
/// # });
/// ```
pub async fn scan_all<D: DynamoDb + ?Sized>(db: &D, input: ScanInput) -> Result<Vec<Item>> {
    Pages::new(db, input).all().await
}

/// The names of every table, over all the pages of ListTables: as
/// `db.list_tables_pages(input).all()`.
///
/// ```
/// use ddbmock_core::operation::ListTablesInput;
/// use ddbmock_core::pages::list_tables_all;
///
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let db = ddbmock_engine::Engine::memory();
/// assert_eq!(list_tables_all(&db, ListTablesInput::default()).await?, Vec::<String>::new());
/// # Ok::<(), ddbmock_core::Error>(())
/// # }).unwrap();
/// ```
pub async fn list_tables_all<D: DynamoDb + ?Sized>(
    db: &D,
    input: ListTablesInput,
) -> Result<Vec<String>> {
    Pages::new(db, input).all().await
}

/// Every stream, over all the pages of ListStreams (DynamoDB Streams): as
/// `db.list_streams_pages(input).all()`.
///
/// ```
/// use ddbmock_core::operation::ListStreamsInput;
/// use ddbmock_core::pages::list_streams_all;
///
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let db = ddbmock_engine::Engine::memory();
/// assert!(list_streams_all(&db, ListStreamsInput::default()).await?.is_empty());
/// # Ok::<(), ddbmock_core::Error>(())
/// # }).unwrap();
/// ```
pub async fn list_streams_all<D: DynamoDbStreams + ?Sized>(
    db: &D,
    input: ListStreamsInput,
) -> Result<Vec<Stream>> {
    Pages::new(db, input).all().await
}
