//! One stored entry: its key and its item's encoding in a single shared allocation, with the key's
//! first eight bytes copied beside the pointer.
//!
//! Why one allocation: an item kept as a `HashMap` costs a table plus a `String` per attribute name
//! and value, about five times the bytes of its encoding (storage/codec.rs, the SQLite store's form).
//! Why the copied head: the B-tree compares a probe with a dozen entries per node on the way down;
//! with the head beside the pointer nearly every comparison is decided without following the
//! pointer into the entry's allocation, a cache miss each. Keys begin with an 8-byte partition hash
//! (engine::keys), so heads differ except between entries of one partition.

use std::borrow::Borrow;
use std::cmp::Ordering;
use std::sync::Arc;

use super::super::codec::{self, DecodeError};
use ddbmock_core::model::Item;

/// A key and its item: `varint(key length) ‖ key ‖ codec::encode(item)`, shared so that a fork of
/// the store copies only pointers.
#[derive(Clone)]
pub(super) struct Entry {
    head: u64,
    bytes: Arc<[u8]>,
}

impl Entry {
    /// The entry for `item` at `key`.
    pub(super) fn new(key: &[u8], item: &Item) -> Entry {
        // A guess large enough for a typical item, so the encoding rarely grows the buffer; the
        // buffer is copied into the entry's exact-size allocation, and its slack freed.
        let mut buf = Vec::with_capacity(key.len() + 256);
        codec::varint(key.len(), &mut buf);
        buf.extend_from_slice(key);
        codec::encode(item, &mut buf);
        Entry {
            head: head(key),
            bytes: buf.into(),
        }
    }

    /// The key and the item's encoding. Both come from [`Entry::new`], so the length prefix is
    /// well-formed; were it not, the key would read as empty and the decode would fail, not panic.
    fn parts(&self) -> (&[u8], &[u8]) {
        let mut len = 0usize;
        for (i, b) in self.bytes.iter().enumerate().take(10) {
            len |= usize::from(b & 0x7f) << (7 * i);
            if b & 0x80 == 0 {
                let rest = &self.bytes[i + 1..];
                return match rest.split_at_checked(len) {
                    Some(parts) => parts,
                    None => (&[], rest),
                };
            }
        }
        (&[], &self.bytes)
    }

    /// The entry's key.
    pub(super) fn key(&self) -> &[u8] {
        self.parts().0
    }

    /// The item, decoded afresh.
    pub(super) fn item(&self) -> Result<Item, DecodeError> {
        codec::decode(self.parts().1)
    }
}

/// The first eight bytes of `key`, big-endian, zero-padded: comparing heads, then whole keys when the
/// heads are equal, orders keys exactly as comparing whole keys does (padding with the least byte
/// keeps a key's head at or below that of every key it is a prefix of).
fn head(key: &[u8]) -> u64 {
    let mut b = [0u8; 8];
    let n = key.len().min(8);
    b[..n].copy_from_slice(&key[..n]);
    u64::from_be_bytes(b)
}

/// What the B-tree orders by: an entry, or a key being looked up ([`Probe`]).
pub(super) trait KeyView {
    /// The key's first eight bytes, see [`head`].
    fn head(&self) -> u64;
    /// The whole key.
    fn key(&self) -> &[u8];
}

impl KeyView for Entry {
    fn head(&self) -> u64 {
        self.head
    }
    fn key(&self) -> &[u8] {
        Entry::key(self)
    }
}

/// A key to look up in the B-tree, with its head computed once.
pub(super) struct Probe<'a> {
    head: u64,
    key: &'a [u8],
}

impl<'a> Probe<'a> {
    /// The probe for `key`.
    pub(super) fn new(key: &'a [u8]) -> Self {
        Probe {
            head: head(key),
            key,
        }
    }
}

impl KeyView for Probe<'_> {
    fn head(&self) -> u64 {
        self.head
    }
    fn key(&self) -> &[u8] {
        self.key
    }
}

fn compare(a: &(dyn KeyView + '_), b: &(dyn KeyView + '_)) -> Ordering {
    a.head().cmp(&b.head()).then_with(|| a.key().cmp(b.key()))
}

impl PartialEq for dyn KeyView + '_ {
    fn eq(&self, other: &Self) -> bool {
        compare(self, other).is_eq()
    }
}
impl Eq for dyn KeyView + '_ {}
impl PartialOrd for dyn KeyView + '_ {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for dyn KeyView + '_ {
    fn cmp(&self, other: &Self) -> Ordering {
        compare(self, other)
    }
}

impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        compare(self, other).is_eq()
    }
}
impl Eq for Entry {}
impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Entry {
    fn cmp(&self, other: &Self) -> Ordering {
        compare(self, other)
    }
}

/// Lets the B-tree be searched with a [`Probe`]: both order as their keys do.
impl<'a> Borrow<dyn KeyView + 'a> for Entry {
    fn borrow(&self) -> &(dyn KeyView + 'a) {
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ddbmock_core::model::AttributeValue;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn entries_order_as_their_keys(
            a in proptest::collection::vec(any::<u8>(), 0..12),
            b in proptest::collection::vec(any::<u8>(), 0..12),
        ) {
            let item = Item::new();
            let (ea, eb) = (Entry::new(&a, &item), Entry::new(&b, &item));
            prop_assert_eq!(ea.cmp(&eb), a.cmp(&b));
            let probe: &dyn KeyView = &Probe::new(&b);
            prop_assert_eq!(Borrow::<dyn KeyView>::borrow(&ea).cmp(probe), a.cmp(&b));
        }
    }

    #[test]
    fn an_entry_gives_back_its_key_and_item() {
        let item = Item::from([("a".to_owned(), AttributeValue::S("x".repeat(300)))]);
        // A key longer than 127 bytes takes a two-byte length.
        let key = vec![7u8; 200];
        let entry = Entry::new(&key, &item);
        assert_eq!(entry.key(), key);
        assert_eq!(entry.item(), Ok(item));
    }
}
