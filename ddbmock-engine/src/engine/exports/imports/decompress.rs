//! An import's source objects as text: as stored, gunzipped (GZIP) or decompressed from
//! Zstandard (ZSTD), the compressions ImportTable documents ("Data can be compressed in ZSTD or
//! GZIP format, or can be directly imported in uncompressed form").
//!
//! A file of several gzip members or several Zstandard frames (concatenated writes) reads whole;
//! Zstandard's skippable frames are passed over. The decoders are pure Rust: `flate2`'s default
//! backend and `ruzstd`.

use std::io::Read;

use ddbmock_core::operation::InputCompressionType;
use ruzstd::decoding::StreamingDecoder;
use ruzstd::decoding::errors::{FrameDecoderError, ReadFrameHeaderError};

/// The text of an object compressed with `compression`. `None` when it cannot be decompressed or
/// is not UTF-8, which makes the whole object one error.
pub(crate) fn text(bytes: &[u8], compression: Option<&InputCompressionType>) -> Option<String> {
    let raw = match compression {
        Some(InputCompressionType::Gzip) => {
            let mut raw = Vec::new();
            flate2::read::MultiGzDecoder::new(bytes)
                .read_to_end(&mut raw)
                .ok()?;
            raw
        }
        Some(InputCompressionType::Zstd) => unzstd(bytes)?,
        _ => bytes.to_vec(),
    };
    String::from_utf8(raw).ok()
}

/// The content of the Zstandard frames `input` holds, in order.
fn unzstd(mut input: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    while !input.is_empty() {
        match StreamingDecoder::new(&mut input) {
            Ok(mut frame) => {
                frame.read_to_end(&mut out).ok()?;
            }
            Err(FrameDecoderError::ReadFrameHeaderError(ReadFrameHeaderError::SkipFrame {
                length,
                ..
            })) => input = input.get(usize::try_from(length).ok()?..)?,
            Err(_) => return None,
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use ruzstd::encoding::{CompressionLevel, compress_to_vec};

    const GZIP: Option<&InputCompressionType> = Some(&InputCompressionType::Gzip);
    const ZSTD: Option<&InputCompressionType> = Some(&InputCompressionType::Zstd);

    #[test]
    fn gzip_text_reads_back() {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(b"hello").unwrap();
        assert_eq!(text(&gz.finish().unwrap(), GZIP).as_deref(), Some("hello"));
        assert_eq!(text(b"\xff", None), None);
        assert_eq!(text(b"plain", GZIP), None);
    }

    #[test]
    fn zstd_frames_read_back_in_order() {
        let mut file = compress_to_vec(&b"one\n"[..], CompressionLevel::Fastest);
        // A skippable frame (magic 0x184D2A50, 3 bytes of content) between two frames.
        file.extend_from_slice(&[0x50, 0x2A, 0x4D, 0x18, 3, 0, 0, 0, 9, 9, 9]);
        file.extend(compress_to_vec(
            &b"two\n"[..],
            CompressionLevel::Uncompressed,
        ));
        assert_eq!(text(&file, ZSTD).as_deref(), Some("one\ntwo\n"));
    }

    #[test]
    fn broken_zstd_is_unreadable() {
        let whole = compress_to_vec(&b"some text to compress"[..], CompressionLevel::Fastest);
        assert_eq!(text(b"plain", ZSTD), None);
        assert_eq!(text(&whole[..whole.len() - 3], ZSTD), None);
        let skip_past_end = [0x50, 0x2A, 0x4D, 0x18, 0xff, 0, 0, 0];
        assert_eq!(text(&skip_past_end, ZSTD), None);
        let not_utf8 = compress_to_vec(&b"\xff\xfe"[..], CompressionLevel::Fastest);
        assert_eq!(text(&not_utf8, ZSTD), None);
    }

    #[test]
    fn damaged_zstd_never_panics() {
        let whole = compress_to_vec(
            &b"{\"Item\":{\"pk\":{\"S\":\"a\"}}}\n".repeat(50)[..],
            CompressionLevel::Fastest,
        );
        // Every byte of a real file flipped in turn, and the file cut at every length.
        for at in 0..whole.len() {
            let mut damaged = whole.clone();
            damaged[at] ^= 0x5a;
            let _ = text(&damaged, ZSTD);
            let _ = text(&whole[..at], ZSTD);
        }
    }
}
