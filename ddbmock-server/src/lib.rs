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
//! Each request reaches the tables of its scope: the region of its SigV4 credential and the
//! account of its access key, when [`run`] is given [`Scopes`]; one engine serves them all when it
//! is given an [`Engine`].
//!
//! What is served, as DynamoDB serves it: `POST` with `X-Amz-Target` (the protocol lives in
//! `ddbmock_core::protocol`), `GET /` health answers, CORS preflight, gzip and deflate request
//! bodies, the 16 MB request limit (read to its end, then answered 413), the 16 KB limit on a
//! request's line and headers, DynamoDB's answers to content types and encodings it does not take,
//! `x-amzn-RequestId` and `x-amz-crc32` on every response, and SigV4 authentication ([`Auth`]).
//! Beside the API: the capacity report at `GET /ddbmock/capacity`, and a web console at
//! [`CONSOLE_PATH`] that browses tables and items, charts capacity and follows streams through the
//! same API.
//!
//! Reading is bounded ([`Limits`]), so that a client cannot hold the server's memory or its
//! shutdown: a body must arrive whole within a deadline and at a minimum rate, the bodies buffered
//! at once share a budget of bytes (a request over it waits briefly, then gets DynamoDB's
//! `ThrottlingException`), idle keep-alive connections are closed, and shutdown abandons bodies
//! still arriving instead of waiting for them.

mod auth;
mod body;
mod console;
mod encoding;
mod front;
mod idle;
mod in_process;
mod reply;
mod scope;
mod service;

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use hyper_util::server::graceful::GracefulShutdown;
use tokio::net::TcpListener;

use ddbmock_engine::{Engine, Scopes};

pub use auth::Auth;
pub use console::PATH as CONSOLE_PATH;
pub use in_process::{InProcess, Reply, RequestError};

/// How long shutdown waits for requests being processed (their bodies are in; bodies still
/// arriving are abandoned at once) before closing their connections anyway.
const DRAIN_TIMEOUT: Duration = Duration::from_secs(30);

/// Once no request is being processed, how long shutdown lets the last responses reach the wire
/// before closing the connections left (idle, or still sending headers).
const FLUSH_GRACE: Duration = Duration::from_millis(100);

/// How the server behaves, beyond its engine.
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct Options {
    /// Which credentials are accepted (any key, by default).
    pub auth: Auth,
    /// Bounds on reading requests.
    pub limits: Limits,
}

impl Options {
    /// Options with `auth`.
    pub fn with_auth(mut self, auth: Auth) -> Self {
        self.auth = auth;
        self
    }

    /// Options with `limits`.
    pub fn with_limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }
}

/// Bounds on reading requests: what a slow, stalled or greedy client can hold.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Limits {
    /// A request body must arrive whole within this, counted from its headers (10 s).
    pub body_timeout: Duration,
    /// After the first [`Limits::rate_grace`], a body still arriving must have come at this many
    /// bytes per second on average, or its connection is closed (16 KiB/s).
    pub body_min_rate: u64,
    /// How long a body may take before the minimum rate applies (2 s).
    pub rate_grace: Duration,
    /// Bytes of request bodies buffered at once, across connections (128 MiB; never less than one
    /// request's 16 MiB). A body reserves its declared length before it is read.
    pub body_budget: usize,
    /// How long a request waits for room in the budget before it is refused with
    /// `ThrottlingException` (1 s).
    pub budget_wait: Duration,
    /// A keep-alive connection with no request for this long is closed, and so is one whose
    /// request headers take longer (30 s); closed within a quarter more, as it is checked four times
    /// a timeout.
    pub idle_timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            body_timeout: Duration::from_secs(10),
            body_min_rate: 16 * 1024,
            rate_grace: Duration::from_secs(2),
            body_budget: 128 * 1024 * 1024,
            budget_wait: Duration::from_secs(1),
            idle_timeout: Duration::from_secs(30),
        }
    }
}

/// What every connection shares.
pub(crate) struct State {
    /// The home scope's engine: the admin routes' (and the only one when shared).
    engine: Engine,
    /// The engine of each (account, region) a request is scoped to.
    scopes: Scopes,
    auth: Auth,
    region: String,
    limits: Limits,
    /// Permits are bytes of the body budget.
    budget: Arc<tokio::sync::Semaphore>,
    /// Turns `true` when shutdown begins: bodies still arriving are abandoned.
    closing: tokio::sync::watch::Receiver<bool>,
    /// Requests being answered (the service called and not yet returned).
    in_flight: tokio::sync::watch::Sender<usize>,
}

/// One request being answered, counted in [`State::in_flight`] while it lives.
pub(crate) struct InFlight<'a>(&'a tokio::sync::watch::Sender<usize>);

impl<'a> InFlight<'a> {
    pub(crate) fn enter(counter: &'a tokio::sync::watch::Sender<usize>) -> Self {
        // Only shutdown watches this count, and only for zero: waking it on every change would
        // cost each request two notifications (a lock each) for nothing.
        counter.send_if_modified(|n| {
            *n += 1;
            false
        });
        InFlight(counter)
    }
}

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        let counter = self.0;
        counter.send_if_modified(|n| {
            *n = n.saturating_sub(1);
            // Nobody to wake before shutdown subscribes, and a shutdown that subscribes after this
            // reads the count first: notifying only watchers there are saves a notification per
            // request (a lock on each of the channel's eight lists), as a server answering one
            // request at a time reaches zero after each.
            *n == 0 && counter.receiver_count() > 0
        });
    }
}

/// Serves `engine` on `listener`, accepting any key, until `shutdown` completes; then stops
/// accepting, finishes the requests in flight, and returns.
///
/// An [`Engine`] serves every request, whatever its credential's region or key ([`Scopes::shared`]);
/// a [`Scopes`] gives each request the engine of its scope: the region of its SigV4 credential, and
/// the account of its access key ([`Auth::with_account`]; the home account for any other key).
pub async fn run(
    listener: TcpListener,
    engine: impl Into<Scopes>,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    run_with(listener, engine, Options::default(), shutdown).await
}

/// [`run`], with [`Options`].
pub async fn run_with(
    listener: TcpListener,
    engine: impl Into<Scopes>,
    options: Options,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    let scopes = engine.into();
    let engine = scopes.home().clone();
    let region = engine.config().region.clone();
    let limits = options.limits;
    // One request must always fit; the semaphore counts in `u32` chunks, so 4 GiB at most.
    let budget = limits
        .body_budget
        .clamp(ddbmock_core::protocol::MAX_REQUEST_BYTES, u32::MAX as usize);
    let (close, closing) = tokio::sync::watch::channel(false);
    // No timer for hyper, so no `header_read_timeout` either: `idle` closes connections whose
    // headers never finish, and idle ones, with one timer a connection rather than one a request.
    let http = http1::Builder::new();
    let idle_timeout = limits.idle_timeout;
    let state = Arc::new(State {
        engine,
        scopes,
        auth: options.auth,
        region,
        limits,
        budget: Arc::new(tokio::sync::Semaphore::new(budget)),
        closing,
        in_flight: tokio::sync::watch::Sender::new(0),
    });
    // Closes every connection still open once shutdown is done waiting (and when this returns).
    let (abort, aborted) = tokio::sync::watch::channel(false);
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
        let activity = Arc::new(idle::Activity::default());
        let counted = Arc::clone(&activity);
        let service = service_fn(move |request| {
            let answered = counted.begin();
            let served = service::serve(Arc::clone(&state), request);
            async move {
                let response = served.await;
                drop(answered);
                response
            }
        });
        let stream = TokioIo::new(front::FrontEnd::new(stream));
        let connection = graceful.watch(http.serve_connection(stream, service));
        let mut aborted = aborted.clone();
        tokio::spawn(async move {
            // Dropping the connection closes its socket.
            tokio::select! {
                result = connection => if let Err(error) = result {
                    tracing::debug!(%peer, %error, "connection ended with an error");
                },
                _ = aborted.wait_for(|aborted| *aborted) => {}
                () = idle::expired(&activity, idle_timeout) => {
                    tracing::debug!(%peer, "connection idle: closed");
                }
            }
        });
    }
    drop(listener);
    // Bodies still arriving are abandoned rather than waited for: a stalled upload must not hold
    // the shutdown.
    let _ = close.send(true);
    tracing::info!("shutting down: finishing requests in flight");
    // Graceful shutdown closes idle keep-alive connections and the others after their current
    // response; but a connection still sending its headers would hold it until the idle timeout.
    // So it ends as soon as no request is being processed (plus a moment to flush), and closes
    // whatever is left.
    let mut in_flight = state.in_flight.subscribe();
    let settled = async {
        let _ = in_flight.wait_for(|n| *n == 0).await;
        tokio::time::sleep(FLUSH_GRACE).await;
    };
    tokio::select! {
        () = graceful.shutdown() => {}
        () = settled => {}
        () = tokio::time::sleep(DRAIN_TIMEOUT) => {
            tracing::warn!("requests still in flight after {DRAIN_TIMEOUT:?}; closing");
        }
    }
    let _ = abort.send(true);
    Ok(())
}
