//! One stored entry: its key and its item's encoding in a single shared allocation, with the key's
//! first eight bytes copied beside the pointer.
//!
//! Why one allocation: an item kept as a `HashMap` costs a table plus a `String` per attribute name
//! and value, about five times the bytes of its encoding (storage/codec.rs, the SQLite store's form).
//! Why the copied head: the B-tree compares a probe with a dozen entries per node on the way down;
//! with the head beside the pointer nearly every comparison is decided without following the
//! pointer into the entry's allocation, a cache miss each. Keys begin with an 8-byte partition hash
//! (engine::keys), so heads differ except between entries of one partition.

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

    /// The entry to look `key` up by: its encoding is empty, which no comparison reads.
    ///
    /// Why a whole entry rather than a borrowed key: the B-tree then compares two values of one
    /// concrete type, inlined, where comparing through a trait object cost two indirect calls per
    /// comparison, a dozen comparisons per level; the probe's one small allocation costs less.
    pub(super) fn probe(key: &[u8]) -> Entry {
        // A key under 128 bytes (nearly all) has a one-byte length: staged on the stack, so that
        // the entry's allocation is the only one.
        if let Ok(len) = u8::try_from(key.len())
            && len < 0x80
        {
            let mut staged = [0u8; 0x80];
            staged[0] = len;
            staged[1..=key.len()].copy_from_slice(key);
            return Entry {
                head: head(key),
                bytes: Arc::from(&staged[..=key.len()]),
            };
        }
        let mut buf = Vec::with_capacity(key.len() + 2);
        codec::varint(key.len(), &mut buf);
        buf.extend_from_slice(key);
        Entry {
            head: head(key),
            bytes: buf.into(),
        }
    }

    /// The key and the item's encoding. Both come from [`Entry::new`], so the length prefix is
    /// well-formed; were it not, the key would read as empty and the decode would fail, not panic.
    #[inline]
    fn parts(&self) -> (&[u8], &[u8]) {
        // Keys under 128 bytes, nearly all, have a one-byte length.
        if let Some((&len, rest)) = self.bytes.split_first()
            && len < 0x80
            && let Some(parts) = rest.split_at_checked(usize::from(len))
        {
            return parts;
        }
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

    /// The item's encoding.
    pub(super) fn encoded(&self) -> &[u8] {
        self.parts().1
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

impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other).is_eq()
    }
}
impl Eq for Entry {}
impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Entry {
    #[inline]
    fn cmp(&self, other: &Self) -> Ordering {
        self.head
            .cmp(&other.head)
            .then_with(|| self.key().cmp(other.key()))
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
            let probe = Entry::probe(&b);
            prop_assert_eq!(ea.cmp(&probe), a.cmp(&b));
            prop_assert_eq!(probe.key(), &b[..]);
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
