//! The answer to a request head hyper refuses before it reaches the service, made DynamoDB's.
//!
//! DynamoDB's front end answers a request line and headers it will not take with `400 Bad Request`
//! (ScyllaDB's tests of DynamoDB found heads over 16 KB, and long URLs, refused so). ddbmock's
//! service answers heads from 16 KB to the size of hyper's read buffer that way (`service.rs`),
//! but a head past that buffer (about 400 KiB), one of more than hyper's 100 headers, or a URI
//! past 64 KiB never reaches the service: hyper answers `431 Request Header Fields Too Large` or
//! `414 URI Too Long` itself, and no setting of hyper's changes those statuses. So the connection's
//! writes go through [`FrontEnd`], which turns those two automatic answers into the `400` the
//! service gives, stamped the same way (request id, CRC of the empty body). What DynamoDB answers
//! to a head of hundreds of KiB or to hundreds of headers is unconfirmed: the `400` of a 16 KB
//! head is the nearest recorded answer.

use std::io;
use std::pin::Pin;
use std::task::{Context, Poll, ready};

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

/// hyper's automatic answers that DynamoDB gives as `400 Bad Request`.
const REFUSED_HEADS: [&[u8]; 2] = [b"HTTP/1.1 431 ", b"HTTP/1.1 414 "];

/// A connection whose writes turn hyper's automatic `431` and `414` answers into `400`.
///
/// hyper writes a response's head in one buffer (this type does not claim vectored writes, so
/// hyper flattens them), and an automatic answer is a head alone, after which hyper closes the
/// connection. A response of the service never starts a write with those bytes: its bodies are
/// JSON, the console's files or empty.
pub(crate) struct FrontEnd<S> {
    inner: S,
    /// The replacement being written: its bytes, how many are written, and how many bytes of
    /// hyper's buffer it stands for (reported once it is all written).
    pending: Option<(Vec<u8>, usize, usize)>,
}

impl<S> FrontEnd<S> {
    pub(crate) fn new(inner: S) -> Self {
        Self {
            inner,
            pending: None,
        }
    }
}

/// The answer to write in place of `head`, when `head` is one of hyper's refusals: the status line
/// becomes `400 Bad Request` and the service's stamps are added; hyper's other headers stay.
fn replacement(head: &[u8]) -> Option<Vec<u8>> {
    if !REFUSED_HEADS.iter().any(|prefix| head.starts_with(prefix)) {
        return None;
    }
    let line_end = head.windows(2).position(|w| w == b"\r\n")? + 2;
    let mut out = Vec::with_capacity(head.len() + 96);
    out.extend_from_slice(b"HTTP/1.1 400 Bad Request\r\n");
    out.extend_from_slice(b"x-amzn-requestid: ");
    out.extend_from_slice(ddbmock_core::protocol::request_id().as_bytes());
    // The CRC32 of an empty body.
    out.extend_from_slice(b"\r\nx-amz-crc32: 0\r\n");
    out.extend_from_slice(&head[line_end..]);
    Some(out)
}

impl<S: AsyncRead + Unpin> AsyncRead for FrontEnd<S> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_read(cx, buf)
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for FrontEnd<S> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let this = &mut *self;
        if this.pending.is_none() {
            match replacement(buf) {
                Some(bytes) => this.pending = Some((bytes, 0, buf.len())),
                None => return Pin::new(&mut this.inner).poll_write(cx, buf),
            }
        }
        // A write that returned `Pending` is retried by hyper with the same buffer, so the
        // replacement carries on where it stopped.
        while let Some((bytes, written, stands_for)) = &mut this.pending {
            if *written == bytes.len() {
                let consumed = *stands_for;
                this.pending = None;
                return Poll::Ready(Ok(consumed));
            }
            let n = ready!(Pin::new(&mut this.inner).poll_write(cx, &bytes[*written..]))?;
            if n == 0 {
                return Poll::Ready(Err(io::ErrorKind::WriteZero.into()));
            }
            *written += n;
        }
        Poll::Ready(Ok(0))
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hypers_refusals_become_400_with_the_services_stamps() {
        for status in ["431 Request Header Fields Too Large", "414 URI Too Long"] {
            let head =
                format!("HTTP/1.1 {status}\r\nconnection: close\r\ncontent-length: 0\r\n\r\n");
            let out = String::from_utf8(replacement(head.as_bytes()).unwrap()).unwrap();
            assert!(
                out.starts_with("HTTP/1.1 400 Bad Request\r\nx-amzn-requestid: "),
                "{out}"
            );
            assert!(
                out.ends_with(
                    "\r\nx-amz-crc32: 0\r\nconnection: close\r\ncontent-length: 0\r\n\r\n"
                ),
                "{out}"
            );
        }
    }

    #[test]
    fn other_writes_pass_unchanged() {
        for write in [
            &b"HTTP/1.1 200 OK\r\n\r\n"[..],
            b"HTTP/1.1 400 Bad Request\r\n\r\n",
            b"{\"TableNames\":[]}",
            b"HTTP/1.1 43",
        ] {
            assert_eq!(replacement(write), None);
        }
    }
}
