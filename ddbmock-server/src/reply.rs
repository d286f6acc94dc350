//! Responses other than an operation's: the health answer, DynamoDB's 404, CORS preflight, the 413
//! for an oversized body, the 400 for oversized headers, what a body read too slowly gets, and the
//! errors the HTTP layer words itself (throttling, an undecodable body). Every response carries
//! `x-amzn-RequestId` and `x-amz-crc32`.

use bytes::Bytes;
use http_body_util::Full;
use hyper::header::{CONTENT_TYPE, HeaderMap, HeaderName, HeaderValue};
use hyper::{Response, StatusCode};

use ddbmock_core::protocol;

/// The response body type of every answer.
pub(crate) type Body = Full<Bytes>;

/// The body DynamoDB sends with a 404 (a method other than POST or GET, or a body of another type).
const NOT_FOUND: &str = "<UnknownOperationException/>\n";

/// A response with `body`, `status` and the headers every DynamoDB response has.
pub(crate) fn raw(status: StatusCode, body: impl Into<Bytes>) -> Response<Body> {
    let body = body.into();
    let crc = crc32fast::hash(&body);
    let mut response = Response::new(Full::new(body));
    *response.status_mut() = status;
    stamp(response.headers_mut(), crc, protocol::request_id());
    response
}

/// Named once: a `&str` name is parsed and checked on every insert, and every response has these.
const REQUEST_ID: HeaderName = HeaderName::from_static("x-amzn-requestid");
const CRC32: HeaderName = HeaderName::from_static("x-amz-crc32");

fn stamp(headers: &mut HeaderMap, crc: u32, request_id: String) {
    if let Ok(id) = HeaderValue::try_from(request_id) {
        headers.insert(REQUEST_ID, id);
    }
    headers.insert(CRC32, HeaderValue::from(crc));
}

/// The protocol's answer, in `content_type` (DynamoDB echoes `application/json` to clients that
/// send it).
pub(crate) fn protocol(answer: protocol::Response, content_type: &'static str) -> Response<Body> {
    let status = StatusCode::from_u16(answer.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut response = Response::new(Full::new(Bytes::from(answer.body)));
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    stamp(headers, answer.crc32, answer.request_id);
    response
}

/// `GET`: DynamoDB's health answer, trailing space included.
pub(crate) fn health(region: &str) -> Response<Body> {
    raw(
        StatusCode::OK,
        format!("healthy: dynamodb.{region}.amazonaws.com "),
    )
}

/// A JSON document of ddbmock's own (the capacity report), not part of the DynamoDB API.
pub(crate) fn json_report(report: &impl serde::Serialize) -> Response<Body> {
    match serde_json::to_vec(report) {
        Ok(bytes) => {
            let mut r = raw(StatusCode::OK, bytes);
            r.headers_mut().insert(
                hyper::header::CONTENT_TYPE,
                hyper::header::HeaderValue::from_static("application/json"),
            );
            r
        }
        Err(_) => raw(StatusCode::INTERNAL_SERVER_ERROR, Bytes::new()),
    }
}

/// DynamoDB's 404.
pub(crate) fn not_found() -> Response<Body> {
    raw(StatusCode::NOT_FOUND, NOT_FOUND)
}

/// A body over 16 MB: DynamoDB answers 413 with no body. The connection closes: what was not read
/// of the body may still be on the wire.
pub(crate) fn too_large() -> Response<Body> {
    closing(StatusCode::PAYLOAD_TOO_LARGE)
}

/// A request line and headers over [`MAX_HEAD_BYTES`]: DynamoDB's front end answers
/// `400 Bad Request` before the request reaches the service, so no JSON error. The connection
/// closes.
pub(crate) fn head_too_large() -> Response<Body> {
    closing(StatusCode::BAD_REQUEST)
}

/// The most bytes of request line and headers DynamoDB takes: 16 KB (ScyllaDB's tests of DynamoDB
/// found requests with longer headers or URLs refused with `400 Bad Request`).
pub(crate) const MAX_HEAD_BYTES: usize = 16 * 1024;

/// A body that could not be read in time (`408`), or was abandoned by shutdown (`503`): no body, and
/// the connection closes, since what is left of the request is still on the wire.
pub(crate) fn closing(status: StatusCode) -> Response<Body> {
    let mut response = raw(status, Bytes::new());
    response
        .headers_mut()
        .insert(hyper::header::CONNECTION, HeaderValue::from_static("close"));
    response
}

/// No room in the body budget: DynamoDB's answer to a request rate it will not take (the text of
/// its developer guide's error table), which every SDK retries with backoff.
pub(crate) fn throttled() -> ddbmock_core::Error {
    ddbmock_core::Error::Throttling("Rate of requests exceeds the allowed throughput.".to_owned())
}

/// A body that does not decode in its `Content-Encoding`, or an encoding DynamoDB does not read:
/// DynamoDB answers `500` (as ScyllaDB's tests of DynamoDB recorded), so SDKs retry it.
pub(crate) fn undecodable() -> ddbmock_core::Error {
    ddbmock_core::Error::InternalServerError("Internal server error".to_owned())
}

/// `OPTIONS` with an `Origin`: a CORS preflight, allowing what was asked for.
pub(crate) fn preflight(request: &HeaderMap) -> Response<Body> {
    let mut response = raw(StatusCode::OK, Bytes::new());
    let headers = response.headers_mut();
    if let Some(asked) = request.get("access-control-request-headers") {
        headers.insert("access-control-allow-headers", asked.clone());
    }
    if let Some(asked) = request.get("access-control-request-method") {
        headers.insert("access-control-allow-methods", asked.clone());
    }
    headers.insert("access-control-max-age", HeaderValue::from_static("172800"));
    response
}

/// Adds the CORS headers of a response to a request from a browser (one with an `Origin`), so
/// that scripts can read the body and DynamoDB's headers.
pub(crate) fn allow_origin(headers: &mut HeaderMap) {
    headers.insert("access-control-allow-origin", HeaderValue::from_static("*"));
    headers.insert(
        "access-control-expose-headers",
        HeaderValue::from_static(
            "x-amzn-RequestId,x-amzn-ErrorType,x-amzn-ErrorMessage,x-amz-crc32,Date",
        ),
    );
}
