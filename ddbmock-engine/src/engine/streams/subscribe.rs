//! `Engine::stream_records`: a table's stream as an async [`Stream`] of records, for tests that
//! drive a handler the way a Lambda trigger would.

use std::pin::Pin;
use std::task::{Context, Poll};

use futures_core::Stream;

use crate::engine::Engine;
use ddbmock_core::error::{Result, msg};
use ddbmock_core::operation::Record;

/// The records of one stream, oldest retained first, then each new one as it is written.
///
/// Returned by [`Engine::stream_records`]. It ends (yields `None`) once the stream is disabled and
/// every record has been read; records trimmed before they were read are skipped, as a Lambda
/// trigger that fell 24 hours behind would miss them.
#[must_use = "a stream does nothing unless polled"]
pub struct StreamRecords {
    engine: Engine,
    arn: String,
    after: u128,
}

impl std::fmt::Debug for StreamRecords {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StreamRecords")
            .field("stream_arn", &self.arn)
            .finish_non_exhaustive()
    }
}

impl StreamRecords {
    /// The ARN of the stream being read.
    pub fn stream_arn(&self) -> &str {
        &self.arn
    }

    /// The next record: waits for one to be written while the stream is enabled.
    pub async fn next(&mut self) -> Option<Record> {
        std::future::poll_fn(|cx| Pin::new(&mut *self).poll_next(cx)).await
    }

    /// The next record if one is already there: never waits.
    pub fn try_next(&mut self) -> Option<Record> {
        let mut cx = Context::from_waker(std::task::Waker::noop());
        match Pin::new(&mut *self).poll_next(&mut cx) {
            Poll::Ready(r) => r,
            Poll::Pending => None,
        }
    }
}

impl Stream for StreamRecords {
    type Item = Record;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Record>> {
        let now = self.engine.inner.clock.now();
        let streams = &self.engine.inner.streams;
        let mut st = streams.state.lock();
        st.maintain(now);
        let Some(log) = st.log(&self.arn) else {
            return Poll::Ready(None);
        };
        // Sequence numbers grow across a stream's shards, so the shards in order are one sequence.
        let next = log.shards.iter().find_map(|s| {
            s.records
                .get(s.first_after(self.after))
                .map(|r| (r.seq, r.record.clone()))
        });
        if let Some((seq, record)) = next {
            drop(st);
            self.after = seq;
            return Poll::Ready(Some((*record).clone()));
        }
        if log.disabled_at.is_some() {
            return Poll::Ready(None);
        }
        if !st.wakers.iter().any(|w| w.will_wake(cx.waker())) {
            st.wakers.push(cx.waker().clone());
        }
        Poll::Pending
    }
}

impl Engine {
    /// The records of `table`'s enabled stream as an async [`Stream`], from the oldest retained
    /// record on, waiting for new ones as they are written.
    ///
    /// ```
    /// # use ddbmock_engine::{Engine, DynamoDb};
    /// # use ddbmock_core::operation::*;
    /// # async fn run(engine: Engine) -> ddbmock_core::Result<()> {
    /// let mut records = engine.stream_records("orders")?;
    /// while let Some(record) = records.next().await {
    ///     println!("{:?} {:?}", record.event_name, record.dynamodb.and_then(|d| d.keys));
    /// }
    /// # Ok(()) }
    /// ```
    pub fn stream_records(&self, table: &str) -> Result<StreamRecords> {
        self.table(table)
            .map_err(|_| msg::table::table_not_found_named(table))?;
        let st = self.inner.streams.state.lock();
        let arn = st
            .enabled_arn(table)
            .ok_or_else(|| msg::streams::no_enabled_stream(table))?
            .to_owned();
        Ok(StreamRecords {
            engine: self.clone(),
            arn,
            after: 0,
        })
    }
}
