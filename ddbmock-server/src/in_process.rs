//! The server's request handler without a socket: one request (method, path, headers, body) in
//! memory to one response (status, headers, body), through the very code that answers requests on
//! the network ([`crate::service`]), so answers, errors and headers are the server's byte for byte.
//!
//! This is the door for hosts that intercept their HTTP client's requests in-process, as the
//! Python package does with botocore's `before-send` event: they need the server's HTTP behaviour
//! (content types, encodings, health and 404 answers, `x-amz-crc32`, authentication) without
//! binding a port.

use std::sync::Arc;

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::header::{HeaderName, HeaderValue};
use hyper::{Method, Request};

use ddbmock_engine::{Engine, Scopes};

use crate::{Options, State};

/// The server's handler for requests held in memory. Cheap to clone; clones share the engine and
/// the body budget.
///
/// [`InProcess::handle`] must be awaited within a Tokio runtime with its time driver enabled (the
/// server's body reading keeps its deadlines there, though an in-memory body never waits on them).
#[derive(Clone)]
pub struct InProcess {
    state: Arc<State>,
    /// Held so that the server's "shutting down" signal never fires: a handler does not close.
    _open: Arc<tokio::sync::watch::Sender<bool>>,
}

impl std::fmt::Debug for InProcess {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("InProcess")
            .field("engine", &self.state.engine)
            .finish_non_exhaustive()
    }
}

/// One response of [`InProcess::handle`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Reply {
    /// The HTTP status code.
    pub status: u16,
    /// The headers, names in lowercase, in the order the server sets them.
    pub headers: Vec<(String, Vec<u8>)>,
    /// The body, exactly as the server sends it (its `x-amz-crc32` is over these bytes).
    pub body: Bytes,
}

impl Reply {
    /// The value of header `name` (lowercase), if present and text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .and_then(|(_, v)| std::str::from_utf8(v).ok())
    }
}

/// A request that is not HTTP: what a socket's parser would have refused before the server saw it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum RequestError {
    /// The method is not an HTTP token.
    Method(String),
    /// The path is not a valid request target.
    Path(String),
    /// A header name or value is not valid in HTTP.
    Header(String),
}

impl std::fmt::Display for RequestError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RequestError::Method(m) => write!(f, "invalid HTTP method {m:?}"),
            RequestError::Path(p) => write!(f, "invalid HTTP request path {p:?}"),
            RequestError::Header(h) => write!(f, "invalid HTTP header {h:?}"),
        }
    }
}

impl std::error::Error for RequestError {}

impl InProcess {
    /// A handler serving `engine` (one engine, or one per scope), accepting any key (as
    /// [`crate::run`] does).
    pub fn new(engine: impl Into<Scopes>) -> Self {
        Self::with_options(engine, Options::default())
    }

    /// A handler serving `engine` with `options` (authentication, body bounds).
    pub fn with_options(engine: impl Into<Scopes>, options: Options) -> Self {
        let scopes = engine.into();
        let engine = scopes.home().clone();
        let region = engine.config().region.clone();
        let budget = options
            .limits
            .body_budget
            .clamp(ddbmock_core::protocol::MAX_REQUEST_BYTES, u32::MAX as usize);
        let (open, closing) = tokio::sync::watch::channel(false);
        let state = Arc::new(State {
            engine,
            scopes,
            auth: options.auth,
            region,
            limits: options.limits,
            budget: Arc::new(tokio::sync::Semaphore::new(budget)),
            closing,
            in_flight: tokio::sync::watch::Sender::new(0),
        });
        InProcess {
            state,
            _open: Arc::new(open),
        }
    }

    /// The engine served.
    pub fn engine(&self) -> &Engine {
        &self.state.engine
    }

    /// Answers one request as the server answers it on a connection: `path` is the request target
    /// (path and query), `headers` as sent (a `Content-Length` is set from `body` when missing).
    pub async fn handle(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &[u8])],
        body: impl Into<Bytes>,
    ) -> Result<Reply, RequestError> {
        let body: Bytes = body.into();
        let method = Method::from_bytes(method.as_bytes())
            .map_err(|_| RequestError::Method(method.into()))?;
        let mut request = Request::builder()
            .method(method)
            .uri(path)
            .body(Full::new(body.clone()))
            .map_err(|_| RequestError::Path(path.into()))?;
        let sent = request.headers_mut();
        for (name, value) in headers {
            let name = HeaderName::from_bytes(name.as_bytes())
                .map_err(|_| RequestError::Header((*name).into()))?;
            let value = HeaderValue::from_bytes(value)
                .map_err(|_| RequestError::Header(name.as_str().into()))?;
            sent.append(name, value);
        }
        if !sent.contains_key(hyper::header::CONTENT_LENGTH) {
            sent.insert(hyper::header::CONTENT_LENGTH, HeaderValue::from(body.len()));
        }
        // The service is infallible; its body is in memory.
        let Ok(response) = crate::service::serve(Arc::clone(&self.state), request).await;
        let (parts, full) = response.into_parts();
        let body = match full.collect().await {
            Ok(collected) => collected.to_bytes(),
            Err(never) => match never {},
        };
        let mut headers: Vec<_> = parts
            .headers
            .iter()
            .map(|(n, v)| (n.as_str().to_owned(), v.as_bytes().to_vec()))
            .collect();
        // What hyper adds on the wire from the body's known length.
        if !parts.headers.contains_key(hyper::header::CONTENT_LENGTH) {
            headers.push((
                "content-length".to_owned(),
                body.len().to_string().into_bytes(),
            ));
        }
        Ok(Reply {
            status: parts.status.as_u16(),
            headers,
            body,
        })
    }
}
