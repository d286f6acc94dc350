//! An eventually consistent page of a Query or Scan: the store's entries of the range, each
//! replaced by the older state the read sees of it (or left out, when it had no entry then), and
//! the entries the read still sees that are gone from the store, in key order, with `Limit` and
//! the 1 MB page counted over the entries the read sees.

use std::ops::{Bound, ControlFlow};
use std::sync::Arc;

use super::recent::Recent;
use crate::engine::paging::{PAGE_BYTES, Page, Pager, Range, as_slice};
use crate::storage::{SpaceId, Storage, StorageError};
use ddbmock_core::model::{Item, item_size};

/// Entries read from the store, with their keys.
struct Chunk {
    entries: Vec<(Vec<u8>, Arc<Item>)>,
    /// Whether the store has more entries in the range after these.
    more: bool,
}

/// Reads a page of `range` in `space` as a read at epoch microsecond `now` sees it, in key order
/// (descending when `reverse`), until `limit` entries or 1 MB.
///
/// The store is read a chunk at a time, and the older states of each chunk's stretch of keys are
/// looked up after it is read: changes are recorded before they are stored, so every change the
/// chunk shows is known by then.
pub(crate) fn read_stale_page(
    storage: &dyn Storage,
    recent: &Recent,
    space: SpaceId,
    range: &Range,
    reverse: bool,
    limit: Option<usize>,
    now: u64,
) -> Result<Page, StorageError> {
    let mut pager = Pager::new(limit);
    let mut cursor = range.clone();
    loop {
        let wanted = limit.map(|l| l.saturating_sub(pager.len()));
        let chunk = read_chunk(storage, space, &cursor, reverse, wanted)?;
        // The stretch of keys this chunk covers: up to its last entry when the store has more.
        let last = chunk.entries.last().map(|(k, _)| k.clone());
        let stretch = match (&last, chunk.more) {
            (Some(last), true) if reverse => {
                (Bound::Included(last.as_slice()), as_slice(&cursor.end))
            }
            (Some(last), true) => (as_slice(&cursor.start), Bound::Included(last.as_slice())),
            _ => (as_slice(&cursor.start), as_slice(&cursor.end)),
        };
        let mut older = recent
            .older_in(space, stretch, reverse, now)
            .into_iter()
            .peekable();
        let before = |a: &[u8], b: &[u8]| if reverse { a > b } else { a < b };
        for (key, entry) in chunk.entries {
            // The keys seen in an older state that come first: gone from the store since.
            while let Some((_, old)) = older.next_if(|(k, _)| before(&k[..], &key[..])) {
                if let Some(entry) = old
                    && pager.push(entry)
                {
                    return Ok(pager.into_page(true));
                }
            }
            let seen = match older.next_if(|(k, _)| k[..] == key[..]) {
                Some((_, old)) => old,
                None => Some(entry),
            };
            if let Some(entry) = seen
                && pager.push(entry)
            {
                return Ok(pager.into_page(true));
            }
        }
        for (_, old) in older {
            if let Some(entry) = old
                && pager.push(entry)
            {
                return Ok(pager.into_page(true));
            }
        }
        match last {
            Some(last) if chunk.more => cursor.resume_after(last, reverse),
            _ => return Ok(pager.into_page(false)),
        }
    }
}

/// Up to `limit` entries of `range` (and at most 1 MB of them), with their keys.
fn read_chunk(
    storage: &dyn Storage,
    space: SpaceId,
    range: &Range,
    reverse: bool,
    limit: Option<usize>,
) -> Result<Chunk, StorageError> {
    let mut entries = Vec::new();
    let mut bytes = 0usize;
    let mut more = false;
    storage.scan(
        space,
        as_slice(&range.start),
        as_slice(&range.end),
        reverse,
        &mut |key, item| {
            entries.push((key.to_vec(), item.clone()));
            bytes = bytes.saturating_add(item_size(item));
            if bytes >= PAGE_BYTES || limit.is_some_and(|l| entries.len() >= l) {
                more = true;
                return ControlFlow::Break(());
            }
            ControlFlow::Continue(())
        },
    )?;
    Ok(Chunk { entries, more })
}
