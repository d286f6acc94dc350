//! An encoded item written out as DynamoDB's JSON, and sized, in one walk of its bytes.
//!
//! Why: a read answered over the wire protocol would otherwise decode each stored item into a
//! `HashMap` (an allocation per name and value), then serialize that map and drop it; for a Query
//! that was half of the server's instructions. Walking the encoding writes the same JSON as
//! serializing the decoded item (`AttributeValue`'s `Serialize`, through `serde_json`), attribute
//! for attribute, and the tests hold the two together. The size is DynamoDB's
//! ([`ddbmock_core::model::item_size`]), which a read needs for its page limit and its bill.
//!
//! Like [`super::decode`], the walk trusts nothing: a corrupt encoding is an error, and nesting is
//! bounded by [`MAX_DEPTH`].

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use ddbmock_core::model::number_size;

use super::{
    DecodeError, MAX_DEPTH, Reader, TAG_B, TAG_BOOL, TAG_BS, TAG_L, TAG_M, TAG_N, TAG_NS, TAG_NULL,
    TAG_S, TAG_SS, VERSION,
};

/// Appends the item encoded in `encoded` (as [`super::encode`] writes it) to `out` as DynamoDB's
/// JSON, and returns its size as DynamoDB counts it. On an error `out` may hold part of the item.
pub(crate) fn write_json(encoded: &[u8], out: &mut Vec<u8>) -> Result<usize, DecodeError> {
    let mut r = Reader {
        bytes: encoded,
        pos: 0,
    };
    if r.byte()? != VERSION {
        return Err(DecodeError("unknown format version"));
    }
    let size = map(&mut r, 0, out)?;
    if r.pos != encoded.len() {
        return Err(DecodeError("trailing bytes"));
    }
    Ok(size)
}

/// A map as a JSON object; its size: per entry its name and its value, and when nested (a map
/// value) also 3 bytes and 1 per entry.
fn map(r: &mut Reader<'_>, depth: usize, out: &mut Vec<u8>) -> Result<usize, DecodeError> {
    let (n, size) = elements(r, out, (b'{', b'}'), |r, out| {
        let name = r.slice()?;
        text(name, out)?;
        out.push(b':');
        Ok(name.len().saturating_add(value(r, depth, out)?))
    })?;
    Ok(if depth == 0 {
        size
    } else {
        size.saturating_add(3).saturating_add(n)
    })
}

/// A value as `{"T":…}`; its size.
fn value(r: &mut Reader<'_>, depth: usize, out: &mut Vec<u8>) -> Result<usize, DecodeError> {
    if depth >= MAX_DEPTH {
        return Err(DecodeError("nesting too deep"));
    }
    let tag = r.byte()?;
    out.extend_from_slice(match tag {
        TAG_S => b"{\"S\":",
        TAG_N => b"{\"N\":",
        TAG_B => b"{\"B\":",
        TAG_SS => b"{\"SS\":",
        TAG_NS => b"{\"NS\":",
        TAG_BS => b"{\"BS\":",
        TAG_M => b"{\"M\":",
        TAG_L => b"{\"L\":",
        TAG_NULL => b"{\"NULL\":",
        TAG_BOOL => b"{\"BOOL\":",
        _ => return Err(DecodeError("unknown attribute tag")),
    });
    let size = match tag {
        TAG_S => {
            let s = r.slice()?;
            text(s, out)?;
            s.len()
        }
        TAG_N => {
            let n = r.str()?;
            text(n.as_bytes(), out)?;
            number_size(n)
        }
        TAG_B => {
            let b = r.slice()?;
            binary(b, out);
            b.len()
        }
        TAG_SS => seq(r, out, |r, out| {
            let s = r.slice()?;
            text(s, out)?;
            Ok(s.len())
        })?,
        TAG_NS => seq(r, out, |r, out| {
            let n = r.str()?;
            text(n.as_bytes(), out)?;
            Ok(number_size(n))
        })?,
        TAG_BS => seq(r, out, |r, out| {
            let b = r.slice()?;
            binary(b, out);
            Ok(b.len())
        })?,
        TAG_M => map(r, depth + 1, out)?,
        // A list: 3, and per element 1 and the element.
        TAG_L => seq(r, out, |r, out| Ok(1 + value(r, depth + 1, out)?))?.saturating_add(3),
        // NULL or BOOL.
        _ => {
            out.extend_from_slice(if r.flag()? { b"true" } else { b"false" });
            1
        }
    };
    out.push(b'}');
    Ok(size)
}

/// A JSON array of the elements `element` writes; the sum of their sizes.
fn seq(
    r: &mut Reader<'_>,
    out: &mut Vec<u8>,
    element: impl FnMut(&mut Reader<'_>, &mut Vec<u8>) -> Result<usize, DecodeError>,
) -> Result<usize, DecodeError> {
    elements(r, out, (b'[', b']'), element).map(|(_, size)| size)
}

/// The counted elements that follow in `r`, written by `element` between `open` and `close` and
/// separated by commas; their count and the sum of their sizes.
fn elements(
    r: &mut Reader<'_>,
    out: &mut Vec<u8>,
    (open, close): (u8, u8),
    mut element: impl FnMut(&mut Reader<'_>, &mut Vec<u8>) -> Result<usize, DecodeError>,
) -> Result<(usize, usize), DecodeError> {
    let n = r.count()?;
    let mut size = 0usize;
    out.push(open);
    for i in 0..n {
        if i > 0 {
            out.push(b',');
        }
        size = size.saturating_add(element(r, out)?);
    }
    out.push(close);
    Ok((n, size))
}

/// UTF-8 text as a JSON string, escaped as `serde_json` escapes it; an error if it is not UTF-8.
fn text(bytes: &[u8], out: &mut Vec<u8>) -> Result<(), DecodeError> {
    let (non_ascii, escapes) = classify(bytes);
    if non_ascii {
        std::str::from_utf8(bytes).map_err(|_| DecodeError("invalid UTF-8"))?;
    }
    if !escapes {
        out.reserve(bytes.len() + 2);
        out.push(b'"');
        out.extend_from_slice(bytes);
        out.push(b'"');
        return Ok(());
    }
    // Rare: the few strings with escapes go through `serde_json` itself, so that the escapes
    // match the serialized form byte for byte.
    let s = std::str::from_utf8(bytes).map_err(|_| DecodeError("invalid UTF-8"))?;
    serde_json::to_writer(&mut *out, s).map_err(|_| DecodeError("unwritable string"))
}

/// Whether `bytes` hold a byte past ASCII (so that UTF-8 must be checked), and whether they hold
/// one that JSON escapes (a control character, a quote or a backslash).
fn classify(bytes: &[u8]) -> (bool, bool) {
    // Eight bytes at a time, in a word (the compiler vectorized a byte-wise fold across blocks,
    // gathering bytes one by one, at ~10 instructions a byte). `v - ONES & !v` has a high bit set
    // in some byte exactly when some byte of `v` is zero; `x - 0x20… & !x` exactly when some
    // byte of `x` is below 0x20.
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero = |v: u64| v.wrapping_sub(ONES) & !v;
    let mut words = bytes.chunks_exact(8);
    let (mut high, mut esc) = (0u64, 0u64);
    for word in &mut words {
        let mut b = [0u8; 8];
        b.copy_from_slice(word);
        let x = u64::from_le_bytes(b);
        high |= x;
        esc |= zero(x ^ (ONES * u64::from(b'"')))
            | zero(x ^ (ONES * u64::from(b'\\')))
            | (x.wrapping_sub(ONES * 0x20) & !x);
    }
    let rest = words.remainder();
    let rest_high = rest.iter().any(|&b| b >= 0x80);
    let rest_esc = rest.iter().any(|&b| b < 0x20 || b == b'"' || b == b'\\');
    (high & HIGH != 0 || rest_high, esc & HIGH != 0 || rest_esc)
}

/// A binary as its base64 JSON string (base64 needs no escape).
fn binary(b: &[u8], out: &mut Vec<u8>) {
    out.push(b'"');
    let start = out.len();
    out.resize(start + b.len().div_ceil(3) * 4, 0);
    // The buffer is exactly the padded encoding's length, so this cannot fail; were it to, the
    // string would be cut short rather than the process stopped.
    let written = BASE64.encode_slice(b, &mut out[start..]).unwrap_or(0);
    out.truncate(start + written);
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::super::encode;
    use super::super::tests::value;
    use super::*;
    use ddbmock_core::model::{AttributeValue, Item, item_size};
    use proptest::prelude::*;

    fn written(item: &Item) -> (String, usize) {
        let mut bytes = Vec::new();
        encode(item, &mut bytes);
        let mut out = Vec::new();
        let size = write_json(&bytes, &mut out).unwrap();
        (String::from_utf8(out).unwrap(), size)
    }

    proptest! {
        /// The JSON is the serialized item's, and the size `item_size`'s. Names and strings
        /// include quotes, backslashes, control characters and non-ASCII text.
        #[test]
        fn json_and_size_are_the_decoded_items(
            item in proptest::collection::hash_map("(.|[\"\\\\\u{0}-\u{1f}]){0,6}", value(), 0..6)
        ) {
            let (json, size) = written(&item);
            let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(parsed, serde_json::to_value(&item).unwrap());
            prop_assert_eq!(size, item_size(&item));
        }

        /// An item of one attribute has one order: its JSON is the serialized item's byte for byte.
        #[test]
        fn one_attribute_is_written_byte_for_byte(name in ".{0,6}", v in value()) {
            let item = Item::from([(name, v)]);
            prop_assert_eq!(written(&item).0, serde_json::to_string(&item).unwrap());
        }

        #[test]
        fn arbitrary_bytes_are_written_or_refused_without_panicking(
            bytes in proptest::collection::vec(any::<u8>(), 0..64)
        ) {
            let _ = write_json(&bytes, &mut Vec::new());
        }
    }

    #[test]
    fn escapes_are_found_in_every_position_of_long_strings() {
        for escape in [b'"', b'\\', 0, 0x1f] {
            for at in [0, 7, 8, 9, 15, 16, 17, 199] {
                let mut bytes = vec![b'x'; 200];
                bytes[at] = escape;
                assert_eq!(classify(&bytes), (false, true), "{escape} at {at}");
                bytes[at] = 0xc3;
                assert_eq!(classify(&bytes), (true, false), "non-ASCII at {at}");
            }
        }
        assert_eq!(classify(&[b'x'; 200]), (false, false));
        // Every byte value, in every lane of a word and in the tail, beside harmless neighbours.
        for byte in 0..=255u8 {
            let expected = (byte >= 0x80, byte < 0x20 || byte == b'"' || byte == b'\\');
            for at in 0..11 {
                let mut bytes = vec![b'a'; 11];
                bytes[at] = byte;
                assert_eq!(classify(&bytes), expected, "{byte:#x} at {at}");
            }
        }
        assert_eq!(classify("é\u{7f} ~".as_bytes()), (true, false));
        assert_eq!(classify(b""), (false, false));
    }

    #[test]
    fn escapes_and_numbers_are_serde_jsons() {
        let item = Item::from([(
            "a\"b".to_owned(),
            AttributeValue::L(vec![
                AttributeValue::S("tab\there \u{1} \\ é".to_owned()),
                AttributeValue::N("-12.50".to_owned()),
                AttributeValue::B(vec![0, 1, 2, 3]),
                AttributeValue::Null(true),
            ]),
        )]);
        let (json, size) = written(&item);
        assert_eq!(
            json,
            r#"{"a\"b":{"L":[{"S":"tab\there \u0001 \\ é"},{"N":"-12.50"},{"B":"AAECAw=="},{"NULL":true}]}}"#
        );
        assert_eq!(size, item_size(&item));
    }

    #[test]
    fn corrupt_encodings_are_refused() {
        assert_eq!(
            write_json(&[9, 0], &mut Vec::new()),
            Err(DecodeError("unknown format version"))
        );
        assert_eq!(
            write_json(&[VERSION, 0, 0], &mut Vec::new()),
            Err(DecodeError("trailing bytes"))
        );
        assert_eq!(
            write_json(&[VERSION, 1, 1, b'a', TAG_S, 1, 0xff], &mut Vec::new()),
            Err(DecodeError("invalid UTF-8"))
        );
        let mut deep = vec![VERSION, 1, 0];
        deep.extend(std::iter::repeat_n([TAG_L, 1], 100_000).flatten());
        deep.extend([TAG_BOOL, 1]);
        assert_eq!(
            write_json(&deep, &mut Vec::new()),
            Err(DecodeError("nesting too deep"))
        );
    }
}
