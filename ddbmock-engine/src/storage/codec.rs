//! The on-disk encoding of an [`Item`]: a compact, versioned binary form for persistent stores.
//!
//! Why not the wire JSON: binary values would be base64 (a third larger, and encoded on every put and
//! decoded on every get), every value would carry its `{"S":` wrapper and quotes, and parsing JSON is
//! several times slower than walking length-prefixed bytes. The format is small enough to own (no crate),
//! and its leading version byte lets a later format coexist with this one.
//!
//! Layout: `VERSION` then a map. A map is a varint count then, per entry, a string name and a value. A
//! value is a tag byte then its payload: strings, numbers and binaries as a varint length and the bytes;
//! sets and lists as a varint count and their elements; `NULL` and `BOOL` as one byte, 0 or 1.
//!
//! Decoding never trusts the input: truncation, bad UTF-8, unknown tags, trailing bytes and nesting
//! deeper than [`MAX_DEPTH`] are errors, never panics or unbounded allocation.

use std::collections::HashMap;

use ddbmock_core::model::{AttributeValue, Item};

mod json;
pub(crate) use json::write_json;

/// The format version written as the first byte of every encoded item.
const VERSION: u8 = 1;

/// Deepest nesting of maps and lists accepted when decoding. DynamoDB allows 32 levels; the margin
/// keeps legitimate items safe while a corrupt blob cannot exhaust the stack.
const MAX_DEPTH: usize = 64;

const TAG_S: u8 = 1;
const TAG_N: u8 = 2;
const TAG_B: u8 = 3;
const TAG_SS: u8 = 4;
const TAG_NS: u8 = 5;
const TAG_BS: u8 = 6;
const TAG_M: u8 = 7;
const TAG_L: u8 = 8;
const TAG_NULL: u8 = 9;
const TAG_BOOL: u8 = 10;

/// Why a blob could not be decoded as an item.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("corrupt item encoding: {0}")]
pub(crate) struct DecodeError(&'static str);

/// Encodes `item`, appending to `out`.
pub(crate) fn encode(item: &Item, out: &mut Vec<u8>) {
    out.push(VERSION);
    encode_map(item, out);
}

/// Decodes an item written by [`encode`].
pub(crate) fn decode(bytes: &[u8]) -> Result<Item, DecodeError> {
    let mut r = Reader { bytes, pos: 0 };
    if r.byte()? != VERSION {
        return Err(DecodeError("unknown format version"));
    }
    let item = r.map(0)?;
    if r.pos != bytes.len() {
        return Err(DecodeError("trailing bytes"));
    }
    Ok(item)
}

fn encode_map(map: &HashMap<String, AttributeValue>, out: &mut Vec<u8>) {
    varint(map.len(), out);
    for (name, value) in map {
        bytes(name.as_bytes(), out);
        encode_value(value, out);
    }
}

fn encode_value(value: &AttributeValue, out: &mut Vec<u8>) {
    match value {
        AttributeValue::S(s) => tagged(TAG_S, s.as_bytes(), out),
        AttributeValue::N(n) => tagged(TAG_N, n.as_bytes(), out),
        AttributeValue::B(b) => tagged(TAG_B, b, out),
        AttributeValue::Ss(set) => {
            out.push(TAG_SS);
            varint(set.len(), out);
            set.iter().for_each(|s| bytes(s.as_bytes(), out));
        }
        AttributeValue::Ns(set) => {
            out.push(TAG_NS);
            varint(set.len(), out);
            set.iter().for_each(|n| bytes(n.as_bytes(), out));
        }
        AttributeValue::Bs(set) => {
            out.push(TAG_BS);
            varint(set.len(), out);
            set.iter().for_each(|b| bytes(b, out));
        }
        AttributeValue::M(map) => {
            out.push(TAG_M);
            encode_map(map, out);
        }
        AttributeValue::L(list) => {
            out.push(TAG_L);
            varint(list.len(), out);
            list.iter().for_each(|v| encode_value(v, out));
        }
        AttributeValue::Null(b) => out.extend([TAG_NULL, u8::from(*b)]),
        AttributeValue::Bool(b) => out.extend([TAG_BOOL, u8::from(*b)]),
    }
}

fn tagged(tag: u8, payload: &[u8], out: &mut Vec<u8>) {
    out.push(tag);
    bytes(payload, out);
}

fn bytes(payload: &[u8], out: &mut Vec<u8>) {
    varint(payload.len(), out);
    out.extend_from_slice(payload);
}

/// LEB128: seven bits a byte, low bits first.
pub(super) fn varint(mut n: usize, out: &mut Vec<u8>) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn byte(&mut self) -> Result<u8, DecodeError> {
        let b = *self.bytes.get(self.pos).ok_or(DecodeError("truncated"))?;
        self.pos += 1;
        Ok(b)
    }

    fn varint(&mut self) -> Result<usize, DecodeError> {
        let mut n: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            n |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return usize::try_from(n).map_err(|_| DecodeError("length overflow"));
            }
        }
        Err(DecodeError("varint too long"))
    }

    /// A count of elements that each take at least one byte: bounding it by the bytes left stops a
    /// corrupt count from reserving gigabytes.
    fn count(&mut self) -> Result<usize, DecodeError> {
        let n = self.varint()?;
        if n > self.bytes.len() - self.pos {
            return Err(DecodeError("count exceeds the remaining bytes"));
        }
        Ok(n)
    }

    fn slice(&mut self) -> Result<&'a [u8], DecodeError> {
        let len = self.varint()?;
        let end = self
            .pos
            .checked_add(len)
            .filter(|end| *end <= self.bytes.len())
            .ok_or(DecodeError("truncated"))?;
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    fn str(&mut self) -> Result<&'a str, DecodeError> {
        std::str::from_utf8(self.slice()?).map_err(|_| DecodeError("invalid UTF-8"))
    }

    fn string(&mut self) -> Result<String, DecodeError> {
        self.str().map(str::to_owned)
    }

    fn map(&mut self, depth: usize) -> Result<Item, DecodeError> {
        let n = self.count()?;
        let mut map = HashMap::with_capacity(n);
        for _ in 0..n {
            let name = self.string()?;
            let value = self.value(depth)?;
            map.insert(name, value);
        }
        Ok(map)
    }

    fn value(&mut self, depth: usize) -> Result<AttributeValue, DecodeError> {
        if depth >= MAX_DEPTH {
            return Err(DecodeError("nesting too deep"));
        }
        Ok(match self.byte()? {
            TAG_S => AttributeValue::S(self.string()?),
            TAG_N => AttributeValue::N(self.string()?),
            TAG_B => AttributeValue::B(self.slice()?.to_vec()),
            TAG_SS => AttributeValue::Ss(self.list(|r| r.string())?),
            TAG_NS => AttributeValue::Ns(self.list(|r| r.string())?),
            TAG_BS => AttributeValue::Bs(self.list(|r| r.slice().map(<[u8]>::to_vec))?),
            TAG_M => AttributeValue::M(self.map(depth + 1)?),
            TAG_L => AttributeValue::L(self.list(|r| r.value(depth + 1))?),
            TAG_NULL => AttributeValue::Null(self.flag()?),
            TAG_BOOL => AttributeValue::Bool(self.flag()?),
            _ => return Err(DecodeError("unknown attribute tag")),
        })
    }

    fn list<T>(
        &mut self,
        mut element: impl FnMut(&mut Self) -> Result<T, DecodeError>,
    ) -> Result<Vec<T>, DecodeError> {
        let n = self.count()?;
        let mut out = Vec::with_capacity(n);
        for _ in 0..n {
            out.push(element(self)?);
        }
        Ok(out)
    }

    fn flag(&mut self) -> Result<bool, DecodeError> {
        match self.byte()? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(DecodeError("invalid boolean")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    pub(super) fn value() -> impl Strategy<Value = AttributeValue> {
        let leaf = prop_oneof![
            ".{0,8}".prop_map(AttributeValue::S),
            "-?[0-9]{1,5}".prop_map(AttributeValue::N),
            proptest::collection::vec(any::<u8>(), 0..300).prop_map(AttributeValue::B),
            proptest::collection::vec(".{0,4}", 0..4).prop_map(AttributeValue::Ss),
            proptest::collection::vec("[0-9]{1,3}", 0..4).prop_map(AttributeValue::Ns),
            proptest::collection::vec(proptest::collection::vec(any::<u8>(), 0..4), 0..4)
                .prop_map(AttributeValue::Bs),
            any::<bool>().prop_map(AttributeValue::Null),
            any::<bool>().prop_map(AttributeValue::Bool),
        ];
        leaf.prop_recursive(4, 32, 4, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..4).prop_map(AttributeValue::L),
                proptest::collection::hash_map(".{0,4}", inner, 0..4).prop_map(AttributeValue::M),
            ]
        })
    }

    fn encoded(item: &Item) -> Vec<u8> {
        let mut out = Vec::new();
        encode(item, &mut out);
        out
    }

    proptest! {
        #[test]
        fn items_round_trip(item in proptest::collection::hash_map(".{0,6}", value(), 0..6)) {
            prop_assert_eq!(decode(&encoded(&item)), Ok(item));
        }

        #[test]
        fn arbitrary_bytes_decode_or_fail_without_panicking(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
            let _ = decode(&bytes);
        }

        #[test]
        fn every_truncation_of_an_item_is_an_error(item in proptest::collection::hash_map(".{1,6}", value(), 1..4)) {
            let bytes = encoded(&item);
            for len in 0..bytes.len() {
                prop_assert!(decode(&bytes[..len]).is_err());
            }
        }
    }

    #[test]
    fn corrupt_blobs_give_their_reason() {
        assert_eq!(decode(&[]), Err(DecodeError("truncated")));
        assert_eq!(decode(&[9, 0]), Err(DecodeError("unknown format version")));
        assert_eq!(decode(&[VERSION, 0, 0]), Err(DecodeError("trailing bytes")));
        assert_eq!(
            decode(&[VERSION, 0xff, 0xff, 0xff, 0x7f]),
            Err(DecodeError("count exceeds the remaining bytes"))
        );
        assert_eq!(
            decode(&[VERSION, 1, 1, b'a', 42]),
            Err(DecodeError("unknown attribute tag"))
        );
        assert_eq!(
            decode(&[VERSION, 1, 1, b'a', TAG_S, 1, 0xff]),
            Err(DecodeError("invalid UTF-8"))
        );
    }

    #[test]
    fn deep_nesting_is_refused_not_a_stack_overflow() {
        let mut bytes = vec![VERSION, 1, 0];
        bytes.extend(std::iter::repeat_n([TAG_L, 1], 100_000).flatten());
        bytes.push(TAG_BOOL);
        bytes.push(1);
        assert_eq!(decode(&bytes), Err(DecodeError("nesting too deep")));
    }

    #[test]
    fn encoding_is_compact() {
        let item = Item::from([
            ("pk".to_owned(), AttributeValue::S("user#1".to_owned())),
            ("n".to_owned(), AttributeValue::N("42".to_owned())),
        ]);
        assert_eq!(
            encoded(&item).len(),
            1 + 1 + (1 + 2 + 1 + 1 + 6) + (1 + 1 + 1 + 1 + 2)
        );
    }
}
