//! The DynamoDB JSON protocol over HTTP, on a ddbmock engine: what `ddbmock` (the binary) serves on
//! 127.0.0.1:8000 for any SDK, language or the AWS CLI.
//!
//! [`run`] serves a bound listener until `shutdown` completes, then lets in-flight requests finish.
//! The server holds no lock of its own: the engine is `Clone + Send + Sync` and each connection's
//! requests go straight to it, so requests on different items proceed in parallel.
//!
//! ```no_run
//! # async fn start() -> std::io::Result<()> {
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:8000").await?;
//! let engine = ddbmock_engine::Engine::memory();
//! let (_stop, stopped) = tokio::sync::oneshot::channel::<()>();
//! // Serves until `_stop` is sent to or dropped.
//! ddbmock_server::run(listener, engine, async { let _ = stopped.await; }).await
//! # }
//! ```
//!
//! What is served, as DynamoDB serves it: `POST` with `X-Amz-Target` (the protocol lives in
//! `ddbmock_core::protocol`), `GET` health answers, CORS preflight, gzip request bodies, the 16 MB
//! request limit, `x-amzn-RequestId` and `x-amz-crc32` on every response, and SigV4 authentication
//! ([`Auth`]).

mod auth;
mod body;
mod reply;
mod service;

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;

use ddbmock_engine::Engine;

pub use auth::Auth;

/// How long shutdown waits for in-flight requests before closing their connections anyway.
const DRAIN_TIMEOUT: Duration = Duration::from_secs(30);

/// How the server behaves, beyond its engine.
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct Options {
    /// Which credentials are accepted (any key, by default).
    pub auth: Auth,
}

impl Options {
    /// Options with `auth`.
    pub fn with_auth(mut self, auth: Auth) -> Self {
        self.auth = auth;
        self
    }
}

/// What every connection shares.
pub(crate) struct State {
    engine: Engine,
    auth: Auth,
    region: String,
}

/// Serves `engine` on `listener`, accepting any key, until `shutdown` completes; then stops
/// accepting, finishes the requests in flight, and returns.
pub async fn run(
    listener: TcpListener,
    engine: Engine,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    run_with(listener, engine, Options::default(), shutdown).await
}

/// [`run`], with [`Options`].
pub async fn run_with(
    listener: TcpListener,
    engine: Engine,
    options: Options,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    let region = engine.config().region.clone();
    let state = Arc::new(State {
        engine,
        auth: options.auth,
        region,
    });
    let mut http = http1::Builder::new();
    // The timer lets hyper drop connections that never finish sending their headers.
    http.timer(TokioTimer::new());
    let graceful = GracefulShutdown::new();
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(error) => {
                    // Out of file descriptors and the like: wait instead of spinning.
                    tracing::warn!(%error, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        // Responses are small and clients wait for each one: send them without Nagle's delay.
        let _ = stream.set_nodelay(true);
        let state = Arc::clone(&state);
        let service = service_fn(move |request| service::serve(Arc::clone(&state), request));
        let connection = graceful.watch(http.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            if let Err(error) = connection.await {
                tracing::debug!(%peer, %error, "connection ended with an error");
            }
        });
    }
    drop(listener);
    tracing::info!("shutting down: finishing requests in flight");
    if tokio::time::timeout(DRAIN_TIMEOUT, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!("requests still in flight after {DRAIN_TIMEOUT:?}; closing");
    }
    Ok(())
}
