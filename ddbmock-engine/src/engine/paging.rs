//! What Query and Scan share: the keyspace they read (a table or one of its indexes), key ranges in
//! that keyspace, `ExclusiveStartKey` → resume position, and the page reader that stops at `Limit`
//! or at 1 MB, so that each page costs O(log n + page) whatever the table's size.

use std::ops::{Bound, ControlFlow};
use std::sync::Arc;

use super::key_hash::{self, HASH_BYTES};
use super::keys::{self, KeyAttr, KeySchema, encode_scalar, escape_into};
use super::table::{Index, Projected, Table};
use super::write::index_entry_key;
use crate::storage::{SpaceId, Storage, StorageError};
use ddbmock_core::error::msg::query as m;
use ddbmock_core::error::{Result, msg};
use ddbmock_core::model::{AttributeValue, Item, attribute_value_size, item_size};

/// DynamoDB stops a page once it has read 1 MB, measured on the items (or index entries) read,
/// before any filter or projection.
pub(crate) use ddbmock_core::limits::MAX_PAGE_BYTES as PAGE_BYTES;

/// The keyspace a Query or Scan reads: the table, or one of its indexes.
#[derive(Clone, Copy)]
pub(crate) struct Target<'a> {
    pub(crate) table: &'a Table,
    pub(crate) index: Option<&'a Index>,
}

impl<'a> Target<'a> {
    /// Resolves `IndexName` (absent: the table itself).
    pub(crate) fn of(table: &'a Table, index: Option<&str>) -> Result<Self> {
        let index = match index {
            Some(name) => Some(table.index(name).ok_or_else(|| m::no_such_index(name))?),
            None => None,
        };
        Ok(Target { table, index })
    }

    /// The key schema of the keyspace read.
    pub(crate) fn key(&self) -> &'a KeySchema {
        self.index.map_or(&self.table.key, |i| &i.key)
    }

    pub(crate) fn space(&self) -> SpaceId {
        self.index.map_or(self.table.space, |i| i.space)
    }

    pub(crate) fn is_gsi(&self) -> bool {
        self.index.is_some_and(|i| !i.local)
    }

    /// Whether entries of this keyspace are whole items.
    pub(crate) fn projects_all(&self) -> bool {
        self.index.is_none_or(|i| i.projected == Projected::All)
    }

    /// Whether an entry of this keyspace carries attribute `name`.
    pub(crate) fn projects(&self, name: &str) -> bool {
        match self.index {
            None => true,
            Some(i) => match &i.projected {
                Projected::All => true,
                Projected::KeysOnly => self.table.key.is_key(name) || i.key.is_key(name),
                Projected::Include(attrs) => {
                    self.table.key.is_key(name)
                        || i.key.is_key(name)
                        || attrs.iter().any(|a| a == name)
                }
            },
        }
    }

    /// The attributes of `LastEvaluatedKey` and `ExclusiveStartKey`: the table's keys, then the
    /// index's keys not already among them.
    pub(crate) fn start_key_attrs(&self) -> Vec<&'a KeyAttr> {
        let mut attrs: Vec<&KeyAttr> = self.table.key.attrs().collect();
        if let Some(i) = self.index {
            for a in i.key.attrs() {
                if !attrs.iter().any(|t| t.name == a.name) {
                    attrs.push(a);
                }
            }
        }
        attrs
    }

    /// The `LastEvaluatedKey` of an entry of this keyspace.
    pub(crate) fn last_key(&self, entry: &Item) -> Item {
        self.start_key_attrs()
            .into_iter()
            .filter_map(|a| entry.get(&a.name).map(|v| (a.name.clone(), v.clone())))
            .collect()
    }

    /// Checks an `ExclusiveStartKey` against the keyspace's key attributes and returns its storage
    /// key there.
    pub(crate) fn start_key(&self, esk: &Item) -> Result<Vec<u8>> {
        let attrs = self.start_key_attrs();
        if esk.len() != attrs.len() || attrs.iter().any(|a| !esk.contains_key(&a.name)) {
            return Err(match self.index {
                Some(_) => m::start_key_invalid(),
                None => m::start_key_mismatch(),
            });
        }
        let table_key = keys::key_of(&self.table.key, esk);
        keys::validate_key(&self.table.key, &table_key)
            .map_err(|e| m::start_key_schema(&e.message()))?;
        if let Some(i) = self.index {
            for a in i.key.attrs() {
                if esk.get(&a.name).map(AttributeValue::attribute_type) != Some(a.ty) {
                    return Err(m::start_key_mismatch());
                }
            }
        }
        self.entry_key(esk)
    }

    /// The storage key, in this keyspace, of an entry holding `attrs`' key attributes.
    pub(crate) fn entry_key(&self, attrs: &Item) -> Result<Vec<u8>> {
        let table_key = keys::item_storage_key(&self.table.key, attrs)?;
        match self.index {
            None => Ok(table_key),
            Some(i) => index_entry_key(i, &self.table.key, &table_key, attrs),
        }
    }

    /// The parallel-scan bucket of an entry: the first twelve bits of its partition hash (over every
    /// partition attribute of a multi-attribute index key).
    pub(crate) fn bucket(&self, attrs: &Item) -> Result<u16> {
        let pk = self
            .key()
            .hash_attrs()
            .map(|a| {
                attrs
                    .get(&a.name)
                    .ok_or_else(msg::item::key_schema_mismatch)
            })
            .collect::<Result<Vec<_>>>()?;
        let hash = key_hash::values_hash(&pk)?;
        Ok((u16::from(hash[0]) << 4) | u16::from(hash[1] >> 4))
    }

    /// Sort-key bounds within the partition whose storage prefix is `prefix`. Table entries end
    /// with the sort key's raw bytes; index entries with its escaped bytes and then the table key,
    /// so bounds on an index must step over every entry sharing a sort key value.
    pub(crate) fn sort_bounds(&self, prefix: &[u8]) -> SortBounds {
        SortBounds {
            prefix: prefix.to_vec(),
            escaped: self.index.is_some(),
        }
    }
}

/// Builds storage bounds for sort key conditions within one partition.
pub(crate) struct SortBounds {
    prefix: Vec<u8>,
    escaped: bool,
}

impl SortBounds {
    fn body(&self, v: &AttributeValue) -> Result<Vec<u8>> {
        let mut raw = Vec::new();
        encode_scalar(v, &mut raw)?;
        let mut out = self.prefix.clone();
        if self.escaped {
            escape_into(&raw, &mut out);
            // Drop the terminator: the body alone is a prefix of every entry with this value.
            out.truncate(out.len() - 2);
        } else {
            out.extend_from_slice(&raw);
        }
        Ok(out)
    }

    /// Just past every entry whose sort key is `v`: on an index, after the terminator `00 01`
    /// and any table key that follows it.
    fn past(&self, v: &AttributeValue) -> Result<Vec<u8>> {
        let mut out = self.body(v)?;
        out.extend_from_slice(&[0, 2]);
        Ok(out)
    }

    /// The whole partition.
    pub(crate) fn partition(&self) -> Range {
        Range {
            start: Bound::Included(self.prefix.clone()),
            end: successor(&self.prefix).map_or(Bound::Unbounded, Bound::Excluded),
        }
    }

    /// Entries whose sort key is at least `v` (`inclusive`) or above it.
    pub(crate) fn from(&self, v: &AttributeValue, inclusive: bool) -> Result<Bound<Vec<u8>>> {
        Ok(match (inclusive, self.escaped) {
            (true, _) => Bound::Included(self.body(v)?),
            (false, false) => Bound::Excluded(self.body(v)?),
            (false, true) => Bound::Included(self.past(v)?),
        })
    }

    /// Entries whose sort key is at most `v` (`inclusive`) or below it.
    pub(crate) fn to(&self, v: &AttributeValue, inclusive: bool) -> Result<Bound<Vec<u8>>> {
        Ok(match (inclusive, self.escaped) {
            (false, _) => Bound::Excluded(self.body(v)?),
            (true, false) => Bound::Included(self.body(v)?),
            (true, true) => Bound::Excluded(self.past(v)?),
        })
    }

    /// Entries whose sort key starts with `prefix` (bytes of a string or binary).
    pub(crate) fn begins_with(&self, prefix: &AttributeValue) -> Result<Range> {
        let body = self.body(prefix)?;
        let end = successor(&body).map_or(Bound::Unbounded, Bound::Excluded);
        Ok(Range {
            start: Bound::Included(body),
            end,
        })
    }
}

/// The smallest byte string greater than every string starting with `bytes`, if any.
pub(crate) fn successor(bytes: &[u8]) -> Option<Vec<u8>> {
    let mut out = bytes.to_vec();
    while let Some(last) = out.pop() {
        if last < 0xFF {
            out.push(last + 1);
            return Some(out);
        }
    }
    None
}

/// A range of storage keys.
#[derive(Clone, Debug)]
pub(crate) struct Range {
    pub(crate) start: Bound<Vec<u8>>,
    pub(crate) end: Bound<Vec<u8>>,
}

impl Range {
    /// Every key.
    pub(crate) fn all() -> Self {
        Range {
            start: Bound::Unbounded,
            end: Bound::Unbounded,
        }
    }

    /// The keys of parallel-scan segment `segment` of `total`: those whose bucket (see
    /// [`segment_buckets`]) is the segment's. A segment with no bucket (possible only past 4096
    /// segments) is an empty range.
    pub(crate) fn segment(segment: u64, total: u64) -> Self {
        let buckets = segment_buckets(segment, total);
        // Bucket b covers the 3-byte hashes from b << 12 up to (b + 1) << 12.
        let at = |b: u32| (b << 12).to_be_bytes()[4 - HASH_BYTES..].to_vec();
        let end = if buckets.end() + 1 >= BUCKETS {
            Bound::Unbounded
        } else {
            Bound::Excluded(at(buckets.end() + 1))
        };
        if buckets.is_empty() {
            let empty = at((*buckets.start()).min(BUCKETS - 1));
            return Range {
                start: Bound::Included(empty.clone()),
                end: Bound::Excluded(empty),
            };
        }
        Range {
            start: Bound::Included(at(*buckets.start())),
            end,
        }
    }

    /// Resumes after `key`: reading forward, the range starts past it; backward, it ends before it.
    /// The tighter of the two bounds wins, so a start key outside the range cannot widen it.
    pub(crate) fn resume_after(&mut self, key: Vec<u8>, reverse: bool) {
        if reverse {
            let tighter = match &self.end {
                Bound::Unbounded => true,
                Bound::Included(e) | Bound::Excluded(e) => key <= *e,
            };
            if tighter {
                self.end = Bound::Excluded(key);
            }
        } else {
            let tighter = match &self.start {
                Bound::Unbounded => true,
                Bound::Included(s) | Bound::Excluded(s) => key >= *s,
            };
            if tighter {
                self.start = Bound::Excluded(key);
            }
        }
    }
}

/// How many parallel-scan buckets the hash space has: segments are cut on the first three hex
/// digits of the partition hash, as dynalite cuts them (its recorded segment tests pass here).
pub(crate) const BUCKETS: u32 = 4096;

/// The buckets of segment `segment` of `total`: from `ceil(4096·s/T)` to `ceil(4096·(s+1)/T) − 1`,
/// so consecutive segments tile the buckets. Empty (start past end) for some segments when `total`
/// exceeds 4096.
pub(crate) fn segment_buckets(segment: u64, total: u64) -> std::ops::RangeInclusive<u32> {
    let total = u128::from(total.max(1));
    let at = |s: u64| -> u32 {
        let b = (u128::from(s) * u128::from(BUCKETS)).div_ceil(total);
        u32::try_from(b.min(u128::from(BUCKETS))).unwrap_or(BUCKETS)
    };
    let start = at(segment);
    // `past` is at least 1 (a ceiling of a positive number); an empty segment has `past == start`.
    start..=at(segment.saturating_add(1)).saturating_sub(1)
}

/// One page read from a keyspace: the entries evaluated, in order.
pub(crate) struct Page {
    /// Every entry read (before any filter).
    pub(crate) entries: Vec<Arc<Item>>,
    /// Whether reading stopped at `Limit` or at 1 MB rather than at the end of the range, so that
    /// `LastEvaluatedKey` is due.
    pub(crate) truncated: bool,
}

/// Reads entries of `range` in `space`, in key order (descending when `reverse`), until `limit`
/// entries or 1 MB have been read. The caller maps a store failure (see `Engine::dropped`).
pub(crate) fn read_page(
    storage: &dyn Storage,
    space: SpaceId,
    range: &Range,
    reverse: bool,
    limit: Option<usize>,
) -> Result<Page, StorageError> {
    let mut pager = Pager::new(limit);
    let mut truncated = false;
    // Stores treat an empty or inverted range (a condition no key satisfies) as no entries.
    storage.scan(
        space,
        as_slice(&range.start),
        as_slice(&range.end),
        reverse,
        &mut |_, item| {
            if pager.push(item.clone()) {
                truncated = true;
                return ControlFlow::Break(());
            }
            ControlFlow::Continue(())
        },
    )?;
    Ok(pager.into_page(truncated))
}

/// A page being filled: its entries, until `limit` of them or 1 MB.
pub(crate) struct Pager {
    entries: Vec<Arc<Item>>,
    limit: Option<usize>,
    /// The exact size (DynamoDB's formula parses every number) only matters near 1 MB: until a
    /// cheap upper bound reaches it, the exact sum cannot either. Past that point sizes are exact.
    bound: usize,
    exact: Option<usize>,
}

impl Pager {
    pub(crate) fn new(limit: Option<usize>) -> Self {
        Pager {
            entries: Vec::new(),
            limit,
            bound: 0,
            exact: None,
        }
    }

    /// Adds an entry read; whether the page is now full (at `limit` entries, or 1 MB).
    #[inline]
    pub(crate) fn push(&mut self, item: Arc<Item>) -> bool {
        let full = match self.exact.as_mut() {
            Some(sum) => {
                *sum = sum.saturating_add(item_size(&item));
                *sum >= PAGE_BYTES
            }
            None => {
                self.bound = self.bound.saturating_add(size_bound(&item));
                if self.bound >= PAGE_BYTES {
                    let sum = self
                        .entries
                        .iter()
                        .fold(item_size(&item), |t, e| t.saturating_add(item_size(e)));
                    self.exact = Some(sum);
                    sum >= PAGE_BYTES
                } else {
                    false
                }
            }
        };
        self.entries.push(item);
        full || self.limit.is_some_and(|l| self.entries.len() >= l)
    }

    /// How many entries the page holds.
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// The page, `truncated` when reading stopped before the end of its range.
    pub(crate) fn into_page(self, truncated: bool) -> Page {
        Page {
            entries: self.entries,
            truncated,
        }
    }
}

/// An upper bound of [`item_size`] that parses no number: a number's size is at most its text's
/// length plus two (one byte per two digits, one of exponent, one of sign).
fn size_bound(item: &Item) -> usize {
    item.iter().fold(0usize, |total, (name, value)| {
        let v = match value {
            AttributeValue::S(s) => s.len(),
            AttributeValue::B(b) => b.len(),
            AttributeValue::N(n) => n.len() + 2,
            AttributeValue::Bool(_) | AttributeValue::Null(_) => 1,
            other => attribute_value_size(other),
        };
        total.saturating_add(name.len()).saturating_add(v)
    })
}

pub(crate) fn as_slice(b: &Bound<Vec<u8>>) -> Bound<&[u8]> {
    match b {
        Bound::Included(k) => Bound::Included(k.as_slice()),
        Bound::Excluded(k) => Bound::Excluded(k.as_slice()),
        Bound::Unbounded => Bound::Unbounded,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_tile_the_buckets() {
        for total in [1u64, 2, 3, 7, 1000, 4095, 4096, 4097, 1_000_000] {
            let mut next = 0u32;
            for s in 0..total {
                let b = segment_buckets(s, total);
                if b.is_empty() {
                    continue;
                }
                assert_eq!(*b.start(), next, "segment {s} of {total}");
                next = b.end() + 1;
            }
            assert_eq!(next, BUCKETS, "{total} segments cover every bucket");
        }
        assert_eq!(segment_buckets(1, 3), 1366..=2730);
        assert_eq!(segment_buckets(4095, 4096), 4095..=4095);
    }

    #[test]
    fn size_bound_is_an_upper_bound() {
        for n in [
            "0",
            "-1",
            "1",
            "-42",
            "0.15",
            "3.14159",
            "123456",
            "1e125",
            "-1e-130",
            "100.5",
            "-9.9999999999999999999999999999999999999E+125",
        ] {
            let item = Item::from([("a".to_owned(), AttributeValue::N(n.to_owned()))]);
            assert!(size_bound(&item) >= item_size(&item), "{n}");
        }
    }

    #[test]
    fn successor_skips_trailing_ff() {
        assert_eq!(successor(&[1, 2]), Some(vec![1, 3]));
        assert_eq!(successor(&[1, 0xFF]), Some(vec![2]));
        assert_eq!(successor(&[0xFF, 0xFF]), None);
    }
}
