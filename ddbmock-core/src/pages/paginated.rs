//! What makes a request paginated: [`Paginated`] (the request after a page, and a page's entries)
//! and [`SendPage`] (which trait sends it), and the guard against a page that points back at its
//! own start.

use std::future::Future;

use crate::error::{Error, Result};

/// A request DynamoDB answers in pages: the request for the page after an answer, and what an
/// answer lists.
pub trait Paginated: Clone + Send + Sized {
    /// The answer to one call.
    type Output: Send;

    /// What a page lists, and [`Pages::all`](super::Pages::all) collects: an item for Query and
    /// Scan, a table name for ListTables, a tag for ListTagsOfResource, a stream for ListStreams,
    /// a shard for DescribeStream.
    type Entry: Send;

    /// The request for the page after `output`, or `None` after the last page.
    ///
    /// An error when `output` points back at this request's own start, as a well-behaved
    /// implementation never does: following it would loop forever (a hand-written fake that always
    /// answers with a `LastEvaluatedKey`, say), and a hung test is worse than a failed one.
    fn next(self, output: &Self::Output) -> Result<Option<Self>>;

    /// The entries of one page, in the order DynamoDB returned them.
    fn entries(output: Self::Output) -> Vec<Self::Entry>;
}

/// How a paginated request is sent to a `D`: [`DynamoDb`](crate::DynamoDb) for Query, Scan,
/// ListTables and ListTagsOfResource, [`DynamoDbStreams`](crate::DynamoDbStreams) for ListStreams
/// and DescribeStream.
pub trait SendPage<D: ?Sized>: Paginated {
    /// Sends this request to `db`.
    fn send(self, db: &D) -> impl Future<Output = Result<Self::Output>> + Send;
}

/// Where the page after one answered from `start` starts: `None` when the answer has no `last`
/// (the last page), an error when `last` is `start` again. `member` names the output's member
/// (`LastEvaluatedKey`) in that error.
pub(super) fn follow<K: PartialEq + Clone>(
    start: Option<&K>,
    last: Option<&K>,
    member: &str,
) -> Result<Option<K>> {
    match last {
        Some(last) if start == Some(last) => Err(Error::InternalServerError(format!(
            "pagination: {member} repeats the start of the request that returned it"
        ))),
        last => Ok(last.cloned()),
    }
}
