//! Paginators: every page of a Query, a Scan or a ListTables, on any [`DynamoDb`], and of a
//! ListStreams on any [`DynamoDbStreams`].
//!
//! DynamoDB returns at most 1 MB (or `Limit` items) per call, and a `LastEvaluatedKey` to go on from.
//! [`query_all`], [`scan_all`], [`list_tables_all`] and [`list_streams_all`] follow it to the end and collect; [`Pages`]
//! hands out one whole output at a time, for counts, consumed capacity, or stopping early.
//!
//! ```
//! use ddbmock_core::operation::{PutItemInput, QueryInput};
//! use ddbmock_core::pages::query_all;
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
//! let orders = query_all(&db, query).await?;
//! assert_eq!(orders.len(), 5);
//! # Ok::<(), ddbmock_core::Error>(())
//! # }).unwrap();
//! ```

use std::future::Future;

use crate::api::{DynamoDb, DynamoDbStreams};
use crate::error::{Error, Result};
use crate::model::Item;
use crate::operation::{
    ListStreamsInput, ListStreamsOutput, ListTablesInput, ListTablesOutput, QueryInput,
    QueryOutput, ScanInput, ScanOutput, Stream,
};

/// A request DynamoDB answers in pages: the request for the page after an answer.
pub trait Paginated: Clone + Send + Sized {
    /// The answer to one call.
    type Output: Send;

    /// The request for the page after `output`, or `None` after the last page.
    ///
    /// An error when `output` points back at this request's own start, as a well-behaved
    /// implementation never does: following it would loop forever (a hand-written fake that always
    /// answers with a `LastEvaluatedKey`, say), and a hung test is worse than a failed one.
    fn next(self, output: &Self::Output) -> Result<Option<Self>>;
}

/// How a paginated request is sent to a `D`: [`DynamoDb`] for Query, Scan and ListTables,
/// [`DynamoDbStreams`] for ListStreams.
pub trait SendPage<D: ?Sized>: Paginated {
    /// Sends this request to `db`.
    fn send(self, db: &D) -> impl Future<Output = Result<Self::Output>> + Send;
}

/// The error for a page that points back at its own start.
fn repeated(member: &str) -> Error {
    Error::InternalServerError(format!(
        "pagination: {member} repeats the start of the request that returned it"
    ))
}

impl<D: DynamoDb + ?Sized> SendPage<D> for QueryInput {
    fn send(self, db: &D) -> impl Future<Output = Result<QueryOutput>> + Send {
        db.query(self)
    }
}

impl Paginated for QueryInput {
    type Output = QueryOutput;

    fn next(self, output: &QueryOutput) -> Result<Option<Self>> {
        match &output.last_evaluated_key {
            None => Ok(None),
            Some(key) if self.exclusive_start_key.as_ref() == Some(key) => {
                Err(repeated("LastEvaluatedKey"))
            }
            Some(key) => Ok(Some(QueryInput {
                exclusive_start_key: Some(key.clone()),
                ..self
            })),
        }
    }
}

impl<D: DynamoDb + ?Sized> SendPage<D> for ScanInput {
    fn send(self, db: &D) -> impl Future<Output = Result<ScanOutput>> + Send {
        db.scan(self)
    }
}

impl Paginated for ScanInput {
    type Output = ScanOutput;

    fn next(self, output: &ScanOutput) -> Result<Option<Self>> {
        match &output.last_evaluated_key {
            None => Ok(None),
            Some(key) if self.exclusive_start_key.as_ref() == Some(key) => {
                Err(repeated("LastEvaluatedKey"))
            }
            Some(key) => Ok(Some(ScanInput {
                exclusive_start_key: Some(key.clone()),
                ..self
            })),
        }
    }
}

impl<D: DynamoDb + ?Sized> SendPage<D> for ListTablesInput {
    fn send(self, db: &D) -> impl Future<Output = Result<ListTablesOutput>> + Send {
        db.list_tables(self)
    }
}

impl Paginated for ListTablesInput {
    type Output = ListTablesOutput;

    fn next(self, output: &ListTablesOutput) -> Result<Option<Self>> {
        match &output.last_evaluated_table_name {
            None => Ok(None),
            Some(name) if self.exclusive_start_table_name.as_ref() == Some(name) => {
                Err(repeated("LastEvaluatedTableName"))
            }
            Some(name) => Ok(Some(ListTablesInput {
                exclusive_start_table_name: Some(name.clone()),
                ..self
            })),
        }
    }
}

impl<D: DynamoDbStreams + ?Sized> SendPage<D> for ListStreamsInput {
    fn send(self, db: &D) -> impl Future<Output = Result<ListStreamsOutput>> + Send {
        db.list_streams(self)
    }
}

impl Paginated for ListStreamsInput {
    type Output = ListStreamsOutput;

    fn next(self, output: &ListStreamsOutput) -> Result<Option<Self>> {
        match &output.last_evaluated_stream_arn {
            None => Ok(None),
            Some(arn) if self.exclusive_start_stream_arn.as_ref() == Some(arn) => {
                Err(repeated("LastEvaluatedStreamArn"))
            }
            Some(arn) => Ok(Some(ListStreamsInput {
                exclusive_start_stream_arn: Some(arn.clone()),
                ..self
            })),
        }
    }
}

/// The pages of one request, one call each: `while let Some(page) = pages.next_page().await? { … }`.
///
/// A failed call (throttling, say) leaves the pager where it was, so calling `next_page` again
/// retries the same page.
///
/// ```
/// use ddbmock_core::operation::ListTablesInput;
/// use ddbmock_core::pages::Pages;
///
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let db = ddbmock_engine::Engine::memory();
/// let mut pages = Pages::new(&db, ListTablesInput { limit: Some(1), ..Default::default() });
/// let first = pages.next_page().await?.unwrap();
/// assert_eq!(first.table_names, Some(vec![]));
/// assert!(pages.next_page().await?.is_none());
/// # Ok::<(), ddbmock_core::Error>(())
/// # }).unwrap();
/// ```
#[derive(Debug)]
pub struct Pages<'a, D: ?Sized, I> {
    db: &'a D,
    next: Option<I>,
}

impl<'a, D: ?Sized, I: SendPage<D>> Pages<'a, D, I> {
    /// The pages of `input` on `db`, starting where `input` starts.
    pub fn new(db: &'a D, input: I) -> Self {
        Pages {
            db,
            next: Some(input),
        }
    }

    /// The next page, or `None` once the last page has been returned.
    pub async fn next_page(&mut self) -> Result<Option<I::Output>> {
        let Some(input) = self.next.take() else {
            return Ok(None);
        };
        // Sent as a clone, so that a failure can put the request back for a retry.
        match input.clone().send(self.db).await {
            Ok(output) => {
                self.next = input.next(&output)?;
                Ok(Some(output))
            }
            Err(e) => {
                self.next = Some(input);
                Err(e)
            }
        }
    }
}

/// Every item of a Query, over all its pages, in the order DynamoDB returns them.
pub async fn query_all<D: DynamoDb + ?Sized>(db: &D, input: QueryInput) -> Result<Vec<Item>> {
    let mut pages = Pages::new(db, input);
    let mut items = Vec::new();
    while let Some(page) = pages.next_page().await? {
        items.extend(page.items.unwrap_or_default());
    }
    Ok(items)
}

/// Every item of a Scan (or of one segment of a parallel Scan), over all its pages.
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
    let mut pages = Pages::new(db, input);
    let mut items = Vec::new();
    while let Some(page) = pages.next_page().await? {
        items.extend(page.items.unwrap_or_default());
    }
    Ok(items)
}

/// The names of every table, over all the pages of ListTables.
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
    let mut pages = Pages::new(db, input);
    let mut names = Vec::new();
    while let Some(page) = pages.next_page().await? {
        names.extend(page.table_names.unwrap_or_default());
    }
    Ok(names)
}

/// Every stream, over all the pages of ListStreams (DynamoDB Streams).
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
    let mut pages = Pages::new(db, input);
    let mut streams = Vec::new();
    while let Some(page) = pages.next_page().await? {
        streams.extend(page.streams.unwrap_or_default());
    }
    Ok(streams)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_pointing_back_at_its_start_is_an_error_not_a_loop() {
        let key = crate::item! { "pk" => "u1" };
        let first = QueryInput::new("t", "pk = :pk");
        let output = QueryOutput {
            last_evaluated_key: Some(key.clone()),
            ..Default::default()
        };
        let second = first.next(&output).ok().flatten().unwrap_or_default();
        assert_eq!(second.exclusive_start_key, Some(key));
        assert_eq!(second.key_condition_expression.as_deref(), Some("pk = :pk"));
        let e = second.next(&output).unwrap_err();
        assert!(e.message().contains("LastEvaluatedKey repeats"), "{e}");
        assert_eq!(ScanInput::new("t").next(&ScanOutput::default()), Ok(None));
        let names = ListTablesOutput {
            last_evaluated_table_name: Some("a".into()),
            ..Default::default()
        };
        let next = ListTablesInput::default()
            .next(&names)
            .ok()
            .flatten()
            .unwrap_or_default();
        assert_eq!(next.exclusive_start_table_name.as_deref(), Some("a"));
        assert!(next.next(&names).is_err());
    }
}
