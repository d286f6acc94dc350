//! The JSON 1.0 codec of DynamoDB's wire protocol, shared by the server and the SDK bridge.
//!
//! [`handle`] takes what a DynamoDB request carries besides HTTP (the `X-Amz-Target` header and the
//! body bytes), calls the matching [`DynamoDb`] method, and gives back the bytes DynamoDB would send:
//! the output's JSON, or the error body (`{"__type":"<namespace>#<Exception>","message":"…"}`), with
//! its status, CRC32 and a request id. Nothing about HTTP lives here, and nothing about DynamoDB's
//! semantics: this is bytes ⇄ typed structs.
//!
//! The checks run in DynamoDB's order: a body that is not JSON, then an unknown target, then
//! authentication ([`handle_authorized`]), then an empty body, then the operation's members.
//!
//! ```
//! # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
//! let db = ddbmock_engine::Engine::memory();
//! let response = ddbmock_core::protocol::handle(&db, Some("DynamoDB_20120810.ListTables"), b"{}").await;
//! assert_eq!(response.status, 200);
//! assert_eq!(response.body, br#"{"TableNames":[]}"#);
//! assert_eq!(response.crc32, crc32fast::hash(&response.body));
//! # });
//! ```

mod client;
mod decode;
mod encode;
mod operation;
mod request_id;

pub use crate::operations::Operation;
pub use client::error_from_body;
pub use request_id::request_id;

use crate::api::{DynamoDb, DynamoDbStreams};
use crate::error::{Error, Result, msg};

/// The content type of DynamoDB's requests and responses.
pub const CONTENT_TYPE: &str = "application/x-amz-json-1.0";

/// The largest request body DynamoDB reads: 16 MB.
pub use crate::limits::MAX_REQUEST_BYTES;

/// A response as DynamoDB sends it, short of HTTP framing.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Response {
    /// The HTTP status: 200, 400, or 500 for an internal fault.
    pub status: u16,
    /// The JSON body.
    pub body: Vec<u8>,
    /// CRC32 (IEEE) of `body`, for the `x-amz-crc32` header (an unsigned decimal on the wire).
    pub crc32: u32,
    /// A fresh request id for `x-amzn-RequestId`, in DynamoDB's form (52 of `[0-9A-Z]`).
    pub request_id: String,
}

impl Response {
    /// A response with `body` and `status`, its CRC and a new request id.
    pub fn new(status: u16, body: Vec<u8>) -> Self {
        let crc32 = crc32fast::hash(&body);
        Response {
            status,
            body,
            crc32,
            request_id: request_id(),
        }
    }

    /// The error's status and DynamoDB's body for it.
    pub fn error(error: &Error) -> Self {
        Self::new(error.status_code(), encode::error_body(error))
    }

    /// The `Content-Type` of the body.
    pub fn content_type(&self) -> &'static str {
        CONTENT_TYPE
    }
}

/// Answers one request: `target` is the `X-Amz-Target` header, `body` the (decompressed) body.
/// Every request is taken as authenticated; see [`handle_authorized`].
pub async fn handle(db: &dyn DynamoDb, target: Option<&str>, body: &[u8]) -> Response {
    handle_authorized(db, target, body, |_| Ok(())).await
}

/// Answers one request, calling `authorize` once the operation is known, where DynamoDB checks the
/// signature: an unknown target is reported before a missing signature, a missing signature before
/// anything about the body's members.
pub async fn handle_authorized(
    db: &dyn DynamoDb,
    target: Option<&str>,
    body: &[u8],
    authorize: impl FnOnce(Operation) -> Result<()>,
) -> Response {
    handle_service(db, None, target, body, authorize).await
}

/// Answers one request of DynamoDB or, when `streams` is given, DynamoDB Streams (targets
/// `DynamoDBStreams_20120810.*`), calling `authorize` as [`handle_authorized`] does.
pub async fn handle_service(
    db: &dyn DynamoDb,
    streams: Option<&dyn DynamoDbStreams>,
    target: Option<&str>,
    body: &[u8],
    authorize: impl FnOnce(Operation) -> Result<()>,
) -> Response {
    // DynamoDB rejects a body that is not JSON before it looks at the target or the signature. Only
    // the failing paths test the syntax on its own; a valid request is parsed once, into its input.
    let Some(operation) = target.and_then(Operation::from_target) else {
        return Response::error(&unless_malformed(body, msg::protocol::unknown_operation()));
    };
    if let Err(error) = authorize(operation) {
        return Response::error(&unless_malformed(body, error));
    }
    if body.is_empty() {
        return Response::error(&msg::protocol::malformed_json());
    }
    match operation.call(db, streams, body).await {
        Ok(output) => Response::new(200, output),
        Err(error) => Response::error(&error),
    }
}

/// `error`, or the SerializationException that takes precedence over it when `body` is not JSON.
fn unless_malformed(body: &[u8], error: Error) -> Error {
    if body.is_empty() || decode::is_json(body) {
        error
    } else {
        msg::protocol::malformed_json()
    }
}
