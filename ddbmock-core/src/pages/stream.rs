//! [`Pages`]: the pages of one request, as an async [`Stream`], one call each.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures_core::Stream;
use futures_core::stream::FusedStream;

use super::paginated::{Paginated, SendPage};
use crate::error::Result;

/// A call in flight, boxed so that `Pages` names no future type and stays `Unpin`.
type Sending<'a, O> = Pin<Box<dyn Future<Output = Result<O>> + Send + 'a>>;

/// Where the pages stand.
enum State<'a, I: Paginated> {
    /// The request for the next page, not sent yet.
    Next(I),
    /// The request for the next page, and its call in flight. The call was given a clone, so that a
    /// failure can put the request back.
    Sending(I, Sending<'a, I::Output>),
    /// The last page has been returned, or a page pointed back at its own start.
    Done,
}

/// The pages of one request, one call each: a [`Stream`] of `Result<Output>`, or
/// `while let Some(page) = pages.next_page().await? { … }` without a stream library, or
/// [`all`](Pages::all) for every entry at once.
///
/// Made by [`DynamoDbExt`](super::DynamoDbExt)'s `query_pages` and the like, or by [`Pages::new`].
/// Nothing is sent until it is polled; it is `Send` whenever `D` is `Sync`, as every
/// [`DynamoDb`](crate::DynamoDb) is, so a task that holds it across an `.await` can be spawned.
///
/// # After an error
///
/// An `Err` does not end the stream. A failed call (throttling, say) leaves the pager where it
/// was, so polling again retries the same page; the caller decides how often and how long to wait.
/// Only a page that points back at its own start (see [`Paginated::next`]) ends it: that page
/// comes out as an `Err`, then the stream ends. A `while let Some(page) = pages.next().await
/// { page?; … }` loop or a `try_collect` stops at the first `Err`. Dropping a `next_page` future
/// (a timeout, say) keeps the call in flight: the next poll goes on with it.
///
/// ```
/// use ddbmock_core::operation::{PutItemInput, QueryInput};
/// use ddbmock_core::pages::DynamoDbExt;
/// use ddbmock_core::{DynamoDb, item};
/// use futures_util::StreamExt;
///
/// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
/// let db = ddbmock_engine::Engine::memory();
/// # use ddbmock_core::operation::{CreateTableInput, ScalarAttributeType::{N, S}};
/// # db.create_table(CreateTableInput::new("orders", "pk", S).range("sk", N)).await?;
/// for n in 0..5 {
///     db.put_item(PutItemInput::new("orders", item! { "pk" => "u1", "sk" => n })).await?;
/// }
/// let query = QueryInput { limit: Some(2), ..QueryInput::new("orders", "pk = :pk").value(":pk", "u1") };
/// let mut pages = db.query_pages(query);
/// let mut counts = Vec::new();
/// while let Some(page) = pages.next().await {
///     counts.push(page?.count);
/// }
/// assert_eq!(counts, [Some(2), Some(2), Some(1)]);
/// # Ok::<(), ddbmock_core::Error>(())
/// # }).unwrap();
/// ```
#[must_use = "pages do nothing unless polled"]
pub struct Pages<'a, D: ?Sized, I: Paginated> {
    db: &'a D,
    state: State<'a, I>,
}

// No field is pinned in place: the call in flight is boxed, and the request is only moved.
impl<D: ?Sized, I: Paginated> Unpin for Pages<'_, D, I> {}

impl<D: ?Sized, I: Paginated + fmt::Debug> fmt::Debug for Pages<'_, D, I> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut pages = f.debug_struct("Pages");
        match &self.state {
            State::Next(input) => pages.field("next", input).field("sending", &false),
            State::Sending(input, _) => pages.field("next", input).field("sending", &true),
            State::Done => pages.field("next", &None::<I>),
        };
        pages.finish_non_exhaustive()
    }
}

impl<'a, D: ?Sized, I: Paginated> Pages<'a, D, I> {
    /// The pages of `input` on `db`, starting where `input` starts.
    pub fn new(db: &'a D, input: I) -> Self {
        Pages {
            db,
            state: State::Next(input),
        }
    }
}

impl<'a, D: ?Sized + 'a, I: SendPage<D> + 'a> Pages<'a, D, I> {
    /// The next page, or `None` once the last page has been returned: the [`Stream`] for a
    /// `while let` loop without a stream library. After an `Err`, calling it again retries the same
    /// page (see [After an error](Pages#after-an-error)).
    ///
    /// ```
    /// use ddbmock_core::operation::ListTablesInput;
    /// use ddbmock_core::pages::DynamoDbExt;
    ///
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// let db = ddbmock_engine::Engine::memory();
    /// let mut pages = db.list_tables_pages(ListTablesInput { limit: Some(1), ..Default::default() });
    /// let first = pages.next_page().await?.unwrap();
    /// assert_eq!(first.table_names, Some(vec![]));
    /// assert!(pages.next_page().await?.is_none());
    /// # Ok::<(), ddbmock_core::Error>(())
    /// # }).unwrap();
    /// ```
    pub async fn next_page(&mut self) -> Result<Option<I::Output>> {
        std::future::poll_fn(|cx| Pin::new(&mut *self).poll_next(cx))
            .await
            .transpose()
    }

    /// Every entry of every page still to come, in order: the items of a Query or Scan, the table
    /// names of ListTables, and so on (see [`Paginated::Entry`]). Stops at the first error.
    ///
    /// ```
    /// use ddbmock_core::operation::{PutItemInput, QueryInput};
    /// use ddbmock_core::pages::DynamoDbExt;
    /// use ddbmock_core::{DynamoDb, item};
    ///
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// # let db = ddbmock_engine::Engine::memory();
    /// # use ddbmock_core::operation::{CreateTableInput, ScalarAttributeType::{N, S}};
    /// # db.create_table(CreateTableInput::new("orders", "pk", S).range("sk", N)).await?;
    /// # for n in 0..5 {
    /// #     db.put_item(PutItemInput::new("orders", item! { "pk" => "u1", "sk" => n })).await?;
    /// # }
    /// let query = QueryInput::new("orders", "pk = :pk").value(":pk", "u1");
    /// let orders = db.query_pages(QueryInput { limit: Some(2), ..query }).all().await?;
    /// assert_eq!(orders.len(), 5);
    /// # Ok::<(), ddbmock_core::Error>(())
    /// # }).unwrap();
    /// ```
    pub async fn all(mut self) -> Result<Vec<I::Entry>> {
        let mut entries = Vec::new();
        while let Some(page) = self.next_page().await? {
            entries.extend(I::entries(page));
        }
        Ok(entries)
    }
}

impl<'a, D: ?Sized + 'a, I: SendPage<D> + 'a> Stream for Pages<'a, D, I> {
    type Item = Result<I::Output>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        loop {
            match std::mem::replace(&mut this.state, State::Done) {
                State::Done => return Poll::Ready(None),
                State::Next(input) => {
                    let call = Box::pin(input.clone().send(this.db));
                    this.state = State::Sending(input, call);
                }
                State::Sending(input, mut call) => {
                    let Poll::Ready(answer) = call.as_mut().poll(cx) else {
                        this.state = State::Sending(input, call);
                        return Poll::Pending;
                    };
                    let page = match answer {
                        Ok(output) => output,
                        Err(e) => {
                            this.state = State::Next(input);
                            return Poll::Ready(Some(Err(e)));
                        }
                    };
                    return Poll::Ready(Some(match input.next(&page) {
                        Ok(next) => {
                            this.state = next.map_or(State::Done, State::Next);
                            Ok(page)
                        }
                        Err(e) => Err(e),
                    }));
                }
            }
        }
    }
}

impl<'a, D: ?Sized + 'a, I: SendPage<D> + 'a> FusedStream for Pages<'a, D, I> {
    fn is_terminated(&self) -> bool {
        matches!(self.state, State::Done)
    }
}
