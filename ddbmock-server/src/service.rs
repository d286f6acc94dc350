//! One HTTP request to one response: routing, one authentication layer for every route that needs
//! one, then the body and the protocol.
//!
//! A request line and headers over 16 KB are refused first, as DynamoDB's front end refuses them.
//! `POST` carries the API, whatever its path (DynamoDB ignores it, though a signature covers it);
//! `GET /` answers the health check, `GET /ddbmock/console` serves the web console's files and the
//! other `GET /ddbmock/*` are ddbmock's own admin routes; `OPTIONS`
//! with an `Origin` is a CORS preflight; anything else (a `GET` of another path included) is
//! DynamoDB's 404.
//!
//! Errors are answered in `application/x-amz-json-1.0` to requests sent in it, and in
//! `application/json` to any other (none included), as DynamoDB answers; a body sent as anything
//! but JSON is DynamoDB's 404. A body over 16 MB is read to its end (not buffered) before it is
//! answered 413, so that the client sees the answer rather than a reset connection.
//!
//! Authentication comes first under `--auth` ([`Auth::is_verifying`](crate::Auth::is_verifying)):
//! a request is admitted on its headers before its body is read, then its signature is checked
//! against the body, and only then does the protocol look at the target and the JSON. Without
//! `--auth` the protocol keeps the order dynalite recorded from DynamoDB (JSON syntax, target, then
//! signature), and admin routes stay open as DynamoDB Local's are.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::{Instant, SystemTime};

use hyper::header::{
    CONTENT_ENCODING, CONTENT_LENGTH, CONTENT_TYPE, HeaderMap, HeaderName, ORIGIN,
};
use hyper::{Method, Request, Response};

use ddbmock_core::operations::Operation;
use ddbmock_core::protocol;

use crate::State;
use crate::auth;
use crate::body::{self, BodyError, RequestBody};
use crate::encoding::{self, DecodeError};
use crate::reply::{self, Body};
use crate::scope;

/// Answers `request`.
pub(crate) async fn serve(
    state: Arc<State>,
    request: Request<impl RequestBody>,
) -> Result<Response<Body>, Infallible> {
    let _in_flight = crate::InFlight::enter(&state.in_flight);
    if head_bytes(&request) > reply::MAX_HEAD_BYTES {
        let mut body = request.into_body();
        body::drain(&mut body, &state.limits, state.closing.clone()).await;
        return Ok(reply::head_too_large());
    }
    let from_browser = request.headers().contains_key(ORIGIN);
    let mut response = match route(&request) {
        Route::Api => post(&state, request).await,
        Route::Console => crate::console::serve(request.uri().path()),
        Route::Admin => admin(&state, &request),
        Route::Health => reply::health(&state.region),
        Route::Preflight => reply::preflight(request.headers()),
        Route::NotFound => reply::not_found(),
    };
    if from_browser {
        reply::allow_origin(response.headers_mut());
    }
    Ok(response)
}

/// Where a request goes.
enum Route {
    /// The DynamoDB (and Streams) API.
    Api,
    /// `GET /ddbmock/console` and the files beneath it: the web console, open to all (see
    /// [`crate::console`]).
    Console,
    /// `GET /ddbmock/*`: ddbmock's own endpoints, outside the DynamoDB API (which ignores paths).
    Admin,
    Health,
    Preflight,
    NotFound,
}

/// The request line and headers as sent, near enough: what DynamoDB's 16 KB limit counts.
fn head_bytes<B>(request: &Request<B>) -> usize {
    let uri = request.uri();
    // `METHOD <uri> HTTP/1.1\r\n`, the URI in origin or absolute form.
    let line = request.method().as_str().len()
        + uri.scheme_str().map_or(0, |s| s.len() + 3)
        + uri.authority().map_or(0, |a| a.as_str().len())
        + uri.path_and_query().map_or(1, |p| p.as_str().len())
        + 12;
    request.headers().iter().fold(line, |total, (name, value)| {
        // `name: value\r\n`
        total + name.as_str().len() + value.len() + 4
    })
}

fn route<B>(request: &Request<B>) -> Route {
    match *request.method() {
        Method::POST => Route::Api,
        Method::GET if crate::console::owns(request.uri().path()) => Route::Console,
        Method::GET if request.uri().path().starts_with("/ddbmock/") => Route::Admin,
        // DynamoDB answers its health check at the root only.
        Method::GET if request.uri().path() == "/" => Route::Health,
        Method::OPTIONS if request.headers().contains_key(ORIGIN) => Route::Preflight,
        _ => Route::NotFound,
    }
}

/// An admin route, behind the same authentication as the API (or the startup token).
fn admin<B>(state: &State, request: &Request<B>) -> Response<Body> {
    // Admin requests are GETs: whatever body comes with one is not read, and the signature covers
    // an empty one.
    let auth_request = auth::Request {
        method: request.method().as_str(),
        path: request.uri().path(),
        query: request.uri().query().unwrap_or(""),
        headers: request.headers(),
        body: b"",
    };
    if let Err(error) =
        state
            .auth
            .check_admin(&auth_request, SystemTime::now(), scope::regions(state))
    {
        let content_type = response_type(request.headers(), false).unwrap_or(JSON);
        return reply::protocol(protocol::Response::error(&error), content_type);
    }
    match request.uri().path() {
        "/ddbmock/capacity" => reply::json_report(&state.engine.capacity_report()),
        _ => reply::not_found(),
    }
}

async fn post(state: &State, request: Request<impl RequestBody>) -> Response<Body> {
    // Read only for the request's debug line: a clock read a request is not free when it is off.
    let started =
        tracing::enabled!(target: "ddbmock::request", tracing::Level::DEBUG).then(Instant::now);
    let (parts, mut incoming) = request.into_parts();
    let declared = parts
        .headers
        .get(CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > protocol::MAX_REQUEST_BYTES as u64) {
        // A client waiting for `100 Continue` has sent nothing yet, and is told at once.
        let waiting = parts
            .headers
            .get(hyper::header::EXPECT)
            .is_some_and(|v| v.as_bytes().eq_ignore_ascii_case(b"100-continue"));
        if !waiting {
            body::drain(&mut incoming, &state.limits, state.closing.clone()).await;
        }
        return reply::too_large();
    }
    let verifying = state.auth.is_verifying();
    if verifying {
        // Headers first: a stranger is refused before a byte of the body is buffered.
        let head = auth::Request {
            method: parts.method.as_str(),
            path: parts.uri.path(),
            query: parts.uri.query().unwrap_or(""),
            headers: &parts.headers,
            body: b"",
        };
        if let Err(error) = state
            .auth
            .admit(&head, SystemTime::now(), scope::regions(state))
        {
            let content_type = response_type(&parts.headers, false).unwrap_or(JSON);
            return reply::protocol(protocol::Response::error(&error), content_type);
        }
    }
    let bounds = body::Bounds {
        limits: &state.limits,
        budget: &state.budget,
        closing: state.closing.clone(),
    };
    // Held until the request is answered: its bytes count against the budget until then.
    let buffered = match body::read(&mut incoming, declared, bounds).await {
        Ok(buffered) => buffered,
        Err(BodyError::TooLarge) => {
            body::drain(&mut incoming, &state.limits, state.closing.clone()).await;
            return reply::too_large();
        }
        Err(BodyError::Busy) => {
            let content_type = response_type(&parts.headers, false).unwrap_or(JSON);
            return reply::protocol(protocol::Response::error(&reply::throttled()), content_type);
        }
        Err(BodyError::TimedOut) => {
            tracing::debug!("request body too slow: closing");
            return reply::closing(hyper::StatusCode::REQUEST_TIMEOUT);
        }
        Err(BodyError::Closing) => return reply::closing(hyper::StatusCode::SERVICE_UNAVAILABLE),
        Err(BodyError::Io) => {
            return reply::raw(hyper::StatusCode::BAD_REQUEST, bytes::Bytes::new());
        }
    };
    let raw = &buffered.bytes;
    let auth_request = auth::Request {
        method: parts.method.as_str(),
        path: parts.uri.path(),
        query: parts.uri.query().unwrap_or(""),
        headers: &parts.headers,
        body: raw,
    };
    // The signature is checked here when verifying, now that the body it covers (as sent, before
    // decoding) is here, and before anything looks inside that body. Otherwise the any-key check
    // is made here too, but its error reported where the protocol makes it.
    let checked = state
        .auth
        .checked(&auth_request, SystemTime::now(), scope::regions(state));
    if verifying && let Err(error) = &checked {
        let content_type = response_type(&parts.headers, false).unwrap_or(JSON);
        return reply::protocol(protocol::Response::error(error), content_type);
    }
    let Some(content_type) = response_type(&parts.headers, !raw.is_empty()) else {
        return reply::not_found();
    };
    let decoded = encoding::decode(
        parts.headers.get(CONTENT_ENCODING).map(|v| v.as_bytes()),
        raw,
    );
    let body: &[u8] = match &decoded {
        Ok(body) => body,
        Err(DecodeError::TooLarge) => return reply::too_large(),
        Err(DecodeError::Undecodable) => {
            let answer = protocol::Response::error(&reply::undecodable());
            return reply::protocol(answer, content_type);
        }
    };
    let target = parts
        .headers
        .get(X_AMZ_TARGET)
        .and_then(|v| v.to_str().ok());
    // The scope's engine; a request refused (by the any-key check, or because its scope's store
    // cannot open) is refused where the protocol checks the signature, by the home engine.
    let (engine, refusal) = match checked.and_then(|credential| scope::engine(state, &credential)) {
        Ok(engine) => (engine, None),
        Err(error) => (state.engine.clone(), Some(error)),
    };
    let authorize = move |_| refusal.map_or(Ok(()), Err);
    let answer = protocol::handle_service(&engine, Some(&engine), target, body, authorize).await;
    if let Some(note) = unknown_operation_note(target) {
        tracing::warn!(target: "ddbmock::request", "{note}");
    }
    tracing::debug!(
        target: "ddbmock::request",
        operation = target.and_then(|t| t.rsplit('.').next()).unwrap_or("-"),
        status = answer.status,
        micros = started.map_or(0, |t| t.elapsed().as_micros() as u64),
        "request"
    );
    if answer.status >= 500 {
        tracing::error!(body = %String::from_utf8_lossy(&answer.body), "internal error");
    }
    reply::protocol(answer, content_type)
}

/// The log line of a request whose `X-Amz-Target` names no operation ddbmock serves (it gets
/// DynamoDB's `UnknownOperationException`), naming what was asked for, so that a user sees at
/// once which operation is missing; `None` for a known operation.
fn unknown_operation_note(target: Option<&str>) -> Option<String> {
    if target.and_then(Operation::from_target).is_some() {
        return None;
    }
    Some(match target {
        None => "UnknownOperationException: the request has no X-Amz-Target header".to_owned(),
        Some(t) => {
            let (service, name) = t.split_once('.').unwrap_or(("", t));
            format!(
                "UnknownOperationException: ddbmock does not serve the operation {name:?} (X-Amz-Target {service:?})"
            )
        }
    })
}

/// The content type to answer in, or `None` when DynamoDB would answer 404: a body sent as
/// anything but JSON (or with no content type). DynamoDB answers `application/x-amz-json-1.0` to
/// requests sent in it, and `application/json` to all others; parameters after `;` do not count
/// (dynalite's recordings of DynamoDB).
fn response_type(headers: &HeaderMap, has_body: bool) -> Option<&'static str> {
    let sent = headers
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        // The media type, before any parameters. Found with `memchr`: the `char` searcher of
        // `split` cost ~250 instructions a request on this 26-byte value. Header values hold no
        // whitespace but spaces and tabs, all that `trim_ascii` trims.
        .map_or("", |v| {
            let end = memchr::memchr(b';', v.as_bytes()).unwrap_or(v.len());
            // `;` is ASCII: `end` is a character boundary.
            v.get(..end).unwrap_or(v).trim_ascii()
        });
    if sent.eq_ignore_ascii_case(protocol::CONTENT_TYPE) {
        Some(protocol::CONTENT_TYPE)
    } else if sent.eq_ignore_ascii_case(JSON) || !has_body {
        Some(JSON)
    } else {
        None
    }
}

/// Named once: a header looked up by a `&str` name is parsed and checked on every lookup.
const X_AMZ_TARGET: HeaderName = HeaderName::from_static("x-amz-target");

/// What DynamoDB answers in to requests not sent in its own content type.
const JSON: &str = "application/json";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_answer_type_follows_the_media_type_sent() {
        let sent = |value: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(CONTENT_TYPE, value.parse().unwrap());
            headers
        };
        let amz = Some(protocol::CONTENT_TYPE);
        assert_eq!(
            response_type(&sent("application/x-amz-json-1.0"), true),
            amz
        );
        assert_eq!(
            response_type(&sent("\tApplication/X-Amz-JSON-1.0 ; charset=utf-8"), true),
            amz
        );
        assert_eq!(
            response_type(&sent("application/json;x=y"), true),
            Some(JSON)
        );
        assert_eq!(response_type(&sent(";application/json"), true), None);
        assert_eq!(response_type(&sent("text/plain"), true), None);
        assert_eq!(response_type(&sent("text/plain"), false), Some(JSON));
        assert_eq!(response_type(&HeaderMap::new(), true), None);
    }

    #[test]
    fn the_log_names_an_unknown_operation() {
        assert_eq!(
            unknown_operation_note(Some("DynamoDB_20120810.Frobnicate")).as_deref(),
            Some(
                "UnknownOperationException: ddbmock does not serve the operation \"Frobnicate\" (X-Amz-Target \"DynamoDB_20120810\")"
            )
        );
        assert_eq!(
            unknown_operation_note(Some("Frobnicate")).as_deref(),
            Some(
                "UnknownOperationException: ddbmock does not serve the operation \"Frobnicate\" (X-Amz-Target \"\")"
            )
        );
        assert_eq!(
            unknown_operation_note(None).as_deref(),
            Some("UnknownOperationException: the request has no X-Amz-Target header")
        );
        assert_eq!(
            unknown_operation_note(Some("DynamoDB_20120810.PutResourcePolicy")),
            None
        );
    }
}
