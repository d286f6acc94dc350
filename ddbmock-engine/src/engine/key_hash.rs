//! DynamoDB's partition order: a Scan walks partitions by a hash of their key, the first three
//! bytes of MD5("Outliers" ‖ key bytes), with strings as UTF-8, binaries as they are and numbers in
//! DynamoDB's own byte encoding. This is the scheme dynalite reproduces, and the orders its tests
//! record (checked in `tests/scan_order.rs`) are the orders DynamoDB answered; parallel-scan
//! segments are ranges of its first twelve bits. Entries of a global index that share the index's
//! key are ordered by the same hash taken over the table's partition and sort key together.

use ddbmock_core::error::{Result, msg};
use ddbmock_core::model::{AttributeValue, Number};
use md5::{Digest, Md5};

/// Bytes of the partition hash at the front of every storage key.
pub(crate) const HASH_BYTES: usize = 3;

/// The hash a partition with key `pk` is ordered by.
pub(crate) fn partition_hash(pk: &AttributeValue) -> Result<[u8; HASH_BYTES]> {
    key_hash(pk, None)
}

/// The hash of a whole table key (partition and sort key): the order of index entries whose index
/// key is the same.
pub(crate) fn key_hash(
    pk: &AttributeValue,
    sk: Option<&AttributeValue>,
) -> Result<[u8; HASH_BYTES]> {
    match sk {
        Some(sk) => values_hash(&[pk, sk]),
        None => values_hash(&[pk]),
    }
}

/// The hash of key values taken together, in order: a partition of several partition attributes
/// (a multi-attribute index key; DynamoDB does not document its order, so theirs is hashed as one
/// run of bytes, like a table key), or a whole table key.
pub(crate) fn values_hash(values: &[&AttributeValue]) -> Result<[u8; HASH_BYTES]> {
    let mut md5 = Md5::new();
    md5.update(b"Outliers");
    // Fed piece by piece, which hashes as their concatenation does; strings and binaries as they
    // are, without a copy.
    for value in values {
        match value {
            AttributeValue::S(s) => md5.update(s.as_bytes()),
            AttributeValue::B(b) => md5.update(b),
            other => {
                let mut bytes = Vec::with_capacity(24);
                hashed_bytes(other, &mut bytes)?;
                md5.update(&bytes);
            }
        }
    }
    let digest = md5.finalize();
    let mut out = [0; HASH_BYTES];
    out.copy_from_slice(&digest[..HASH_BYTES]);
    Ok(out)
}

/// The bytes of a key value that the hash covers.
fn hashed_bytes(value: &AttributeValue, out: &mut Vec<u8>) -> Result<()> {
    match value {
        AttributeValue::S(s) => out.extend_from_slice(s.as_bytes()),
        AttributeValue::B(b) => out.extend_from_slice(b),
        AttributeValue::N(n) => number_bytes(&Number::parse(n)?, out),
        _ => return Err(msg::item::key_schema_mismatch()),
    }
    Ok(())
}

/// DynamoDB's byte encoding of a number (Oracle `NUMBER`'s): zero is `0x80`; otherwise an exponent
/// byte (base-100 exponent biased by 0xC0, complemented below zero), then the mantissa in base-100
/// digits aligned on the decimal point, each plus one (above zero) or subtracted from 101 (below),
/// and below zero a terminating 102 when the mantissa is shorter than 20 bytes.
pub(crate) fn number_bytes(n: &Number, out: &mut Vec<u8>) {
    if n.is_zero() {
        out.push(0x80);
        return;
    }
    // The canonical text gives the decimal digits and where the point is, exactly.
    let text = n.to_string();
    let negative = n.is_negative();
    let unsigned = text.trim_start_matches('-');
    let (int, frac) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let all: Vec<u8> = int.bytes().chain(frac.bytes()).map(|b| b - b'0').collect();
    let (Some(first), Some(last)) = (
        all.iter().position(|&d| d != 0),
        all.iter().rposition(|&d| d != 0),
    ) else {
        out.push(0x80);
        return;
    };
    let digits = &all[first..=last];
    // The power of ten of the leading digit's place, plus one: digits before the point.
    let exponent = int.len() as i32 - first as i32;
    // Base-100 digits are aligned on the point: an odd count of digits before it gets a leading 0.
    let pad = exponent.rem_euclid(2) as usize;
    let head = (exponent + pad as i32) / 2 - 64;
    let head = if negative { !head } else { head };
    out.push(head as u8);
    let mut padded = vec![0u8; pad];
    padded.extend_from_slice(digits);
    let pairs = padded
        .chunks(2)
        .map(|c| c[0] * 10 + c.get(1).copied().unwrap_or(0));
    let start = out.len();
    if negative {
        out.extend(pairs.map(|p| 101 - p));
        if out.len() - start < 20 {
            out.push(102);
        }
    } else {
        out.extend(pairs.map(|p| p + 1));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bytes(n: &str) -> Vec<u8> {
        let mut out = Vec::new();
        number_bytes(&Number::parse(n).unwrap(), &mut out);
        out
    }

    #[test]
    fn numbers_encode_as_dynamodb_does() {
        // Oracle NUMBER: 1 = C1 02, 100 = C2 02, 1.5 = C1 02 33, -1 = 3E 64 66, 0.01 = C0 02.
        assert_eq!(bytes("0"), [0x80]);
        assert_eq!(bytes("1"), [0xC1, 0x02]);
        assert_eq!(bytes("100"), [0xC2, 0x02]);
        assert_eq!(bytes("1.5"), [0xC1, 0x02, 0x33]);
        assert_eq!(bytes("123"), [0xC2, 0x02, 0x18]);
        assert_eq!(bytes("0.01"), [0xC0, 0x02]);
        assert_eq!(bytes("-1"), [0x3E, 0x64, 0x66]);
        assert_eq!(bytes("-123"), [0x3D, 0x64, 0x4E, 0x66]);
    }

    #[test]
    fn the_encoding_sorts_like_the_numbers() {
        let ns = [
            "-1e125", "-123", "-1.5", "-1", "-0.01", "0", "1e-130", "0.01", "1", "1.5", "100",
            "123", "9.9e125",
        ];
        let enc: Vec<_> = ns.iter().map(|n| bytes(n)).collect();
        let mut sorted = enc.clone();
        sorted.sort();
        assert_eq!(enc, sorted);
    }
}
