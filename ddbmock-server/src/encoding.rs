//! Request bodies sent with a `Content-Encoding`, decoded as DynamoDB decodes them, at most 16 MB
//! out.
//!
//! What DynamoDB does was recorded by ScyllaDB's Alternator tests, run against DynamoDB itself
//! (`test/alternator/test_compressed_request.py`): `gzip` and `deflate` (a zlib stream, as RFC 9110
//! defines it) are read; a body that does not decode (truncated, empty, or not compressed at all)
//! and any other encoding are answered `500`. Its reader behaves as Java's: gzip members may be
//! concatenated, and bytes after the last member that do not start another one are ignored (a
//! valid body followed by junk is accepted); a deflate body is one zlib stream, and whatever follows
//! it is ignored (two streams concatenated read as the first alone).

use std::borrow::Cow;
use std::io::Read;

use flate2::{Decompress, FlushDecompress, Status};

use ddbmock_core::protocol::MAX_REQUEST_BYTES;

/// Why a body could not be decoded.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum DecodeError {
    /// More than [`MAX_REQUEST_BYTES`] once decoded (a small body can inflate to gigabytes).
    TooLarge,
    /// Not a body of its encoding, or an encoding DynamoDB does not read.
    Undecodable,
}

/// The gzip member header's first bytes: magic and the deflate method.
const GZIP_MEMBER: [u8; 3] = [0x1f, 0x8b, 0x08];

/// `body` decoded according to `content_encoding` (the header's value, if any). No header, an
/// empty one and `identity` leave the body as it is.
pub(crate) fn decode<'a>(
    content_encoding: Option<&[u8]>,
    body: &'a [u8],
) -> Result<Cow<'a, [u8]>, DecodeError> {
    let Some(coding) = content_encoding.map(<[u8]>::trim_ascii) else {
        return Ok(Cow::Borrowed(body));
    };
    if coding.is_empty() || coding.eq_ignore_ascii_case(b"identity") {
        Ok(Cow::Borrowed(body))
    } else if coding.eq_ignore_ascii_case(b"gzip") {
        gunzip(body).map(Cow::Owned)
    } else if coding.eq_ignore_ascii_case(b"deflate") {
        inflate(body).map(Cow::Owned)
    } else {
        Err(DecodeError::Undecodable)
    }
}

/// Gzip members, one after another, until what is left does not start another member.
fn gunzip(body: &[u8]) -> Result<Vec<u8>, DecodeError> {
    if body.is_empty() {
        return Err(DecodeError::Undecodable);
    }
    let mut out = Vec::with_capacity(body.len().saturating_mul(4).min(MAX_REQUEST_BYTES));
    let mut rest = body;
    loop {
        // The buffered decoder takes from `rest` only the bytes of its member, so what follows
        // is left for the next round.
        let mut member = flate2::bufread::GzDecoder::new(rest);
        let room = (MAX_REQUEST_BYTES + 1 - out.len()) as u64;
        (&mut member)
            .take(room)
            .read_to_end(&mut out)
            .map_err(|_| DecodeError::Undecodable)?;
        if out.len() > MAX_REQUEST_BYTES {
            return Err(DecodeError::TooLarge);
        }
        rest = member.into_inner();
        if !rest.starts_with(&GZIP_MEMBER) {
            return Ok(out);
        }
    }
}

/// One zlib stream, which must end; what follows it is ignored.
fn inflate(body: &[u8]) -> Result<Vec<u8>, DecodeError> {
    let limit = MAX_REQUEST_BYTES + 1;
    let mut zlib = Decompress::new(true);
    let mut out = Vec::with_capacity(body.len().saturating_mul(4).clamp(4096, limit));
    loop {
        if out.len() == out.capacity() {
            if out.len() >= limit {
                return Err(DecodeError::TooLarge);
            }
            out.reserve_exact(out.len().min(limit - out.len()));
        }
        let consumed = zlib.total_in() as usize;
        let produced = out.len();
        let status = zlib
            .decompress_vec(&body[consumed..], &mut out, FlushDecompress::None)
            .map_err(|_| DecodeError::Undecodable)?;
        if status == Status::StreamEnd {
            break;
        }
        // No progress with room to write: the stream wants input that is not there.
        let stalled = zlib.total_in() as usize == consumed && out.len() == produced;
        if stalled && out.len() < out.capacity() {
            return Err(DecodeError::Undecodable);
        }
    }
    if out.len() > MAX_REQUEST_BYTES {
        return Err(DecodeError::TooLarge);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(bytes).unwrap();
        encoder.finish().unwrap()
    }

    fn zlib(bytes: &[u8]) -> Vec<u8> {
        let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(bytes).unwrap();
        encoder.finish().unwrap()
    }

    const JSON: &[u8] = br#"{"TableName":"tab"}"#;

    /// A row: its name, the `Content-Encoding`, the body sent, and what it decodes to.
    type Case = (
        &'static str,
        &'static str,
        Vec<u8>,
        Result<Vec<u8>, DecodeError>,
    );

    #[test]
    fn decodes_as_dynamodb_does() {
        let truncated = |mut v: Vec<u8>| {
            v.pop();
            v
        };
        let cases: Vec<Case> = vec![
            ("no encoding", "", JSON.to_vec(), Ok(JSON.to_vec())),
            ("identity", "identity", JSON.to_vec(), Ok(JSON.to_vec())),
            ("gzip", "gzip", gzip(JSON), Ok(JSON.to_vec())),
            ("gzip in capitals", " GZIP ", gzip(JSON), Ok(JSON.to_vec())),
            (
                "two gzip members",
                "gzip",
                [gzip(&JSON[..5]), gzip(&JSON[5..])].concat(),
                Ok(JSON.to_vec()),
            ),
            (
                "gzip then junk",
                "gzip",
                [gzip(JSON), b"junk".to_vec()].concat(),
                Ok(JSON.to_vec()),
            ),
            (
                "gzip truncated",
                "gzip",
                truncated(gzip(JSON)),
                Err(DecodeError::Undecodable),
            ),
            (
                "gzip of nothing",
                "gzip",
                Vec::new(),
                Err(DecodeError::Undecodable),
            ),
            (
                "plain body as gzip",
                "gzip",
                JSON.to_vec(),
                Err(DecodeError::Undecodable),
            ),
            ("deflate", "deflate", zlib(JSON), Ok(JSON.to_vec())),
            (
                "two deflate streams",
                "deflate",
                [zlib(&JSON[..5]), zlib(&JSON[5..])].concat(),
                Ok(JSON[..5].to_vec()),
            ),
            (
                "deflate truncated",
                "deflate",
                truncated(zlib(JSON)),
                Err(DecodeError::Undecodable),
            ),
            (
                "deflate of nothing",
                "deflate",
                Vec::new(),
                Err(DecodeError::Undecodable),
            ),
            (
                "plain body as deflate",
                "deflate",
                JSON.to_vec(),
                Err(DecodeError::Undecodable),
            ),
            (
                "another encoding",
                "br",
                JSON.to_vec(),
                Err(DecodeError::Undecodable),
            ),
            (
                "a list of encodings",
                "gzip, deflate",
                gzip(JSON),
                Err(DecodeError::Undecodable),
            ),
        ];
        for (case, coding, body, expected) in cases {
            let header = (!coding.is_empty()).then_some(coding.as_bytes());
            let got = decode(header, &body).map(Cow::into_owned);
            assert_eq!(got, expected, "{case}");
        }
    }

    #[test]
    fn bombs_stop_at_16_mb() {
        let huge = vec![b' '; MAX_REQUEST_BYTES + 1];
        let exact = vec![b' '; MAX_REQUEST_BYTES];
        for (coding, encode) in [("gzip", gzip as fn(&[u8]) -> Vec<u8>), ("deflate", zlib)] {
            let bomb = encode(&huge);
            assert!(bomb.len() < 100_000);
            assert_eq!(
                decode(Some(coding.as_bytes()), &bomb),
                Err(DecodeError::TooLarge),
                "{coding}"
            );
            let full = encode(&exact);
            let fits = decode(Some(coding.as_bytes()), &full).unwrap();
            assert_eq!(fits.len(), MAX_REQUEST_BYTES, "{coding}");
        }
        // Members that fit one by one but not together.
        let half = gzip(&vec![b' '; MAX_REQUEST_BYTES / 2 + 1]);
        assert_eq!(
            decode(Some(b"gzip"), &[half.clone(), half].concat()),
            Err(DecodeError::TooLarge)
        );
    }
}
