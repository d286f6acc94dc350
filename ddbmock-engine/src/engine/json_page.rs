//! A Query or Scan page written as its JSON body straight from the stored encoding, for the wire
//! protocol (see `DynamoDb::query_json`): each item is written as it is read, with no decoded copy.
//!
//! It reads what `paging::read_page` reads (up to `Limit` entries or 1 MB, whichever comes first),
//! bills what `read_shaped_page` bills, and writes the members `QueryOutput` and `ScanOutput`
//! serialize (the same, in the same order). `tests/wire_reads.rs` holds the two paths together.

use std::ops::ControlFlow;

use super::Engine;
use super::paging::{PAGE_BYTES, as_slice};
use super::select::PageRead;
use crate::storage::codec::{self, DecodeError};
use ddbmock_core::error::{Error, Result};
use serde::Serialize;

impl Engine {
    /// The page `read` asks for, as Query's or Scan's JSON body. The caller has checked that the
    /// entries are returned whole and read as they are now.
    pub(crate) fn json_page(&self, read: PageRead<'_>) -> Result<Vec<u8>> {
        let limit = read.limit.and_then(|l| usize::try_from(l).ok());
        let mut out = Vec::with_capacity(4096);
        out.extend_from_slice(b"{\"Items\":[");
        let (mut count, mut bytes) = (0usize, 0usize);
        // The encoding of the entry the page stopped at, when it stopped before the range's end.
        let mut stopped_at: Option<Vec<u8>> = None;
        let mut failure: Option<DecodeError> = None;
        self.inner
            .storage
            .scan_encoded(
                read.target.space(),
                as_slice(&read.range.start),
                as_slice(&read.range.end),
                read.reverse,
                &mut |_, encoded| {
                    if count > 0 {
                        out.push(b',');
                    }
                    match codec::write_json(encoded, &mut out) {
                        Ok(size) => bytes = bytes.saturating_add(size),
                        Err(e) => {
                            failure = Some(e);
                            return ControlFlow::Break(());
                        }
                    }
                    count += 1;
                    if bytes >= PAGE_BYTES || limit.is_some_and(|l| count >= l) {
                        stopped_at = Some(encoded.to_vec());
                        return ControlFlow::Break(());
                    }
                    ControlFlow::Continue(())
                },
            )
            .map_err(|e| self.dropped([read.target.table], e))?;
        if let Some(e) = failure {
            return Err(self.dropped([read.target.table], e.into()));
        }
        out.push(b']');
        let counted = i32::try_from(count).unwrap_or(i32::MAX);
        member(&mut out, false, "Count", &counted)?;
        member(&mut out, false, "ScannedCount", &counted)?;
        if let Some(last) = stopped_at.filter(|_| read.resumable) {
            let last =
                codec::decode(&last).map_err(|e| self.dropped([read.target.table], e.into()))?;
            member(
                &mut out,
                false,
                "LastEvaluatedKey",
                &read.target.last_key(&last),
            )?;
        }
        let consumed = self.bill_page(
            read.target.table,
            read.target.index,
            (bytes, None),
            read.consistent_read == Some(true),
            read.return_consumed_capacity,
        );
        if let Some(consumed) = consumed {
            member(&mut out, false, "ConsumedCapacity", &consumed)?;
        }
        out.push(b'}');
        Ok(out)
    }
}

/// Appends member `name` with `value`'s JSON to an object being written, after a comma unless it
/// is the object's `first`.
pub(super) fn member(
    out: &mut Vec<u8>,
    first: bool,
    name: &str,
    value: &impl Serialize,
) -> Result<()> {
    if !first {
        out.push(b',');
    }
    out.push(b'"');
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(b"\":");
    serde_json::to_writer(&mut *out, value).map_err(|e| Error::InternalServerError(e.to_string()))
}
