//! Request bodies: read whole (DynamoDB bodies are small and always buffered), at most 16 MB, and
//! gunzipped when sent with `Content-Encoding: gzip`.

use std::io::Read;

use bytes::Bytes;
use http_body_util::{BodyExt, Limited};
use hyper::body::Incoming;

use ddbmock_core::protocol::MAX_REQUEST_BYTES;

/// Why a body could not be read.
#[derive(Debug)]
pub(crate) enum BodyError {
    /// Over DynamoDB's 16 MB, sent or decompressed.
    TooLarge,
    /// Declared gzip but not gzip.
    BadGzip,
    /// The connection failed while reading.
    Io,
}

/// Reads `body` whole, refusing more than [`MAX_REQUEST_BYTES`].
pub(crate) async fn read(body: Incoming) -> Result<Bytes, BodyError> {
    match Limited::new(body, MAX_REQUEST_BYTES).collect().await {
        Ok(collected) => Ok(collected.to_bytes()),
        Err(error) if error.is::<http_body_util::LengthLimitError>() => Err(BodyError::TooLarge),
        Err(_) => Err(BodyError::Io),
    }
}

/// Decompresses a gzip body, refusing output over [`MAX_REQUEST_BYTES`] (a small body can inflate
/// to gigabytes).
pub(crate) fn gunzip(body: &[u8]) -> Result<Vec<u8>, BodyError> {
    let mut out = Vec::with_capacity(body.len() * 4);
    let limit = MAX_REQUEST_BYTES as u64 + 1;
    flate2::read::MultiGzDecoder::new(body)
        .take(limit)
        .read_to_end(&mut out)
        .map_err(|_| BodyError::BadGzip)?;
    if out.len() > MAX_REQUEST_BYTES {
        return Err(BodyError::TooLarge);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    #[test]
    fn gunzips_and_refuses_bombs_and_garbage() {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(b"{\"a\":1}").unwrap();
        assert_eq!(gunzip(&encoder.finish().unwrap()).unwrap(), b"{\"a\":1}");

        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder
            .write_all(&vec![b' '; MAX_REQUEST_BYTES + 1])
            .unwrap();
        let bomb = encoder.finish().unwrap();
        assert!(bomb.len() < 100_000);
        assert!(matches!(gunzip(&bomb), Err(BodyError::TooLarge)));

        assert!(matches!(gunzip(b"not gzip"), Err(BodyError::BadGzip)));
    }
}
