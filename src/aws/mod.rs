//! The AWS SDK bridge (feature `aws`, off by default): the official `aws_sdk_dynamodb::Client` and
//! `aws_sdk_dynamodbstreams::Client` on a ddbmock engine in-process, and the [`DynamoDb`] trait on a
//! real `aws_sdk_dynamodb::Client`.
//!
//! - [`client`] and [`config`] make an SDK client whose HTTP layer hands each request to the engine
//!   through the same protocol codec as the server: no socket, no server, and the application's own
//!   client type unchanged. [`streams_client`] and [`streams_config`] do the same for DynamoDB
//!   Streams, on the same engine, so an application that reads its tables' streams with the SDK
//!   sees the records of its writes.
//! - [`Sdk`] implements [`DynamoDb`] over any `aws_sdk_dynamodb::Client`, so code written against the
//!   trait runs against DynamoDB in production. Errors keep DynamoDB's exception type and message.
//!   [`StreamsSdk`] does the same for [`crate::DynamoDbStreams`] over an
//!   `aws_sdk_dynamodbstreams::Client`.
//!
//! ```
//! # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
//! let engine = ddbmock::Engine::memory();
//! let client = ddbmock::aws::client(&engine);
//! let tables = client.list_tables().send().await?;
//! assert!(tables.table_names().is_empty());
//!
//! let streams = ddbmock::aws::streams_client(&engine);
//! let listed = streams.list_streams().send().await.unwrap();
//! assert!(listed.streams().is_empty());
//! # Ok::<(), aws_sdk_dynamodb::Error>(())
//! # }).unwrap();
//! ```
//!
//! # What the bridge's clients configure
//!
//! Everything a request goes through is the SDK's own (serialisation, endpoint resolution,
//! interceptors, retries and their backoff, timeouts, deserialisation, typed errors), with these
//! settings, all of which `.to_builder()` can change:
//!
//! - the engine's region (`us-east-1` unless it was built with another, and for [`config_for`]),
//!   the latest behaviour version, and static test credentials without an
//!   account id (so the SDK keeps the regional endpoint);
//! - no identity cache: the credentials are static, so the SDK's lazy cache would only add a lock
//!   and a clock read to each call;
//! - no stalled-stream protection: request and response bodies are in memory, never stalled, and
//!   the protection's throughput checks arm a timer on each call;
//! - SigV4 without the signature while the HTTP client is the [`Bridge`]: nothing in-process checks
//!   it, and computing it was over a third of each call's CPU time. The credentials are still
//!   resolved and must be AWS credentials; with any other HTTP client the SDK's signer signs as
//!   usual;
//! - retries without waiting: the SDK's standard strategy and its three attempts, with the backoff
//!   between them zero ([`retry_config`]), and a sleep that returns at once for a zero wait (tokio's
//!   would wait for its timer's next millisecond). A call throttled twice and then answered takes
//!   a millisecond or two instead of seconds; timeouts still run on tokio's timer. To allow more
//!   attempts, keep the zero backoff with
//!   `.retry_config(ddbmock::aws::retry_config().with_max_attempts(5))`; `RetryConfig::standard()`
//!   brings production's backoff back;
//! - a retry quota (the SDK's token bucket) of each configuration's own: the SDK's default quota is
//!   shared by all the clients of a process, so the retries one test used up would be missing from
//!   the next test's client.
//!
//! ```
//! use std::sync::Arc;
//! use ddbmock::mock::{Mock, errors, ops};
//!
//! # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
//! // Two throttled attempts, then an answer: the SDK's retries absorb them, at once.
//! let mock = Arc::new(
//!     Mock::new(ddbmock::Engine::memory()).fail_first_of::<ops::ListTables>(2, errors::throttling()),
//! );
//! let client = ddbmock::aws::client_for(mock.clone());
//! let start = std::time::Instant::now();
//! client.list_tables().send().await?;
//! assert_eq!(mock.calls_to(ddbmock::mock::Operation::ListTables).len(), 3);
//! assert!(start.elapsed() < std::time::Duration::from_secs(1));
//! # Ok::<(), aws_sdk_dynamodb::Error>(())
//! # }).unwrap();
//! ```

mod auth;
mod connector;
mod retry;

use std::sync::Arc;

use aws_credential_types::provider::SharedCredentialsProvider;
use aws_sdk_dynamodb::config::retry::RetryPartition;
use aws_sdk_dynamodb::config::{
    BehaviorVersion, Credentials, IdentityCache, Region, StalledStreamProtectionConfig,
};
use aws_types::SdkConfig;

pub use connector::Bridge;
/// The production adapter, from `ddbmock_core::sdk` (feature `sdk` of `ddbmock-core`, which
/// production code can take without the engine).
///
/// ```
/// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
/// use ddbmock::{DynamoDb, DynamoDbStreams};
/// use ddbmock::operation::{ListStreamsInput, ListTablesInput};
///
/// let engine = ddbmock::Engine::memory();
/// let db = ddbmock::aws::Sdk::new(ddbmock::aws::client(&engine));
/// let tables = db.list_tables(ListTablesInput::default()).await?;
/// assert_eq!(tables.table_names, Some(vec![]));
/// let streams = ddbmock::aws::StreamsSdk::new(ddbmock::aws::streams_client(&engine));
/// let listed = streams.list_streams(ListStreamsInput::default()).await?;
/// assert_eq!(listed.streams, Some(vec![]));
/// # Ok::<(), ddbmock::Error>(())
/// # }).unwrap();
/// ```
pub use ddbmock_core::sdk::{Sdk, StreamsSdk};
pub use retry::retry_config;

use crate::{DynamoDb, Engine};

/// The region of the bridge's clients on anything but an [`Engine`] (whose clients take its own).
pub const REGION: &str = "us-east-1";

/// The SDK configuration of a client on `engine`: the bridge's
/// [settings](self#what-the-bridges-clients-configure) and the [`Bridge`] as HTTP client. Use
/// `.to_builder()` to customise it further.
///
/// The client is in the engine's region, so that an application that builds ARNs or reads the
/// region from its client agrees with the engine's ARNs:
///
/// ```
/// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
/// let engine = ddbmock::Engine::builder().region("eu-west-1").build()?;
/// let client = ddbmock::aws::client(&engine);
/// assert_eq!(client.config().region().map(|r| r.as_ref()), Some("eu-west-1"));
/// # Ok::<(), ddbmock::storage::StorageError>(())
/// # }).unwrap();
/// ```
pub fn config(engine: &Engine) -> aws_sdk_dynamodb::Config {
    dynamodb_config(Bridge::engine(engine), &engine.config().region)
}

/// Like [`config`], over any [`DynamoDb`]: a [`crate::mock::Mock`] that injects failures, a
/// wrapper, or another client.
pub fn config_for(db: Arc<dyn DynamoDb>) -> aws_sdk_dynamodb::Config {
    dynamodb_config(Bridge::new(db), REGION)
}

/// An `aws_sdk_dynamodb::Client` on `engine`, in-process: see [`config`].
pub fn client(engine: &Engine) -> aws_sdk_dynamodb::Client {
    aws_sdk_dynamodb::Client::from_conf(config(engine))
}

/// An `aws_sdk_dynamodb::Client` on any [`DynamoDb`]: see [`config_for`].
pub fn client_for(db: Arc<dyn DynamoDb>) -> aws_sdk_dynamodb::Client {
    aws_sdk_dynamodb::Client::from_conf(config_for(db))
}

fn dynamodb_config(bridge: Bridge, region: &str) -> aws_sdk_dynamodb::Config {
    aws_sdk_dynamodb::config::Builder::from(&shared(bridge, region))
        .push_auth_scheme(auth::InProcessSigV4::default())
        .retry_partition(own_retry_quota())
        .build()
}

/// The SDK configuration of a DynamoDB Streams client on `engine`, with the same settings as
/// [`config`]. Use `.to_builder()` to customise it further.
pub fn streams_config(engine: &Engine) -> aws_sdk_dynamodbstreams::Config {
    aws_sdk_dynamodbstreams::config::Builder::from(&shared(
        Bridge::engine(engine),
        &engine.config().region,
    ))
    .push_auth_scheme(auth::InProcessSigV4::default())
    .retry_partition(own_retry_quota())
    .build()
}

/// An `aws_sdk_dynamodbstreams::Client` on `engine`, in-process: see [`streams_config`].
///
/// ```
/// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
/// let engine = ddbmock::Engine::memory();
/// let streams = ddbmock::aws::streams_client(&engine);
/// let arn = "arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/2023-11-14T22:13:20.000";
/// let error = streams
///     .describe_stream()
///     .stream_arn(arn)
///     .send()
///     .await
///     .unwrap_err()
///     .into_service_error();
/// assert!(error.is_resource_not_found_exception());
/// assert_eq!(
///     error.meta().message(),
///     Some(format!("Requested resource not found: Stream: {arn} not found").as_str())
/// );
/// # });
/// ```
pub fn streams_client(engine: &Engine) -> aws_sdk_dynamodbstreams::Client {
    aws_sdk_dynamodbstreams::Client::from_conf(streams_config(engine))
}

/// The settings every bridge client shares, whatever its service: each service's configuration is
/// built from them, as an application builds its clients from one `aws_config` load, then given
/// the bridge's auth scheme (per service, so not part of an `SdkConfig`).
fn shared(bridge: Bridge, region: &str) -> SdkConfig {
    SdkConfig::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new(region.to_owned()))
        .credentials_provider(SharedCredentialsProvider::new(Credentials::new(
            "AKIDDDBMOCK",
            "ddbmock-secret-key",
            None,
            None,
            "ddbmock",
        )))
        .identity_cache(IdentityCache::no_cache())
        .stalled_stream_protection(StalledStreamProtectionConfig::disabled())
        .retry_config(retry_config())
        .sleep_impl(retry::NoZeroWait)
        .http_client(bridge)
        .build()
}

/// A retry partition with a token bucket of its own. A partition made by name
/// (`RetryPartition::new`, or the SDK's default, named after the service) shares one bucket with
/// every client of the process that uses that name; a custom one owns its bucket, and the clients
/// of one configuration share it, as the clients of one application do.
fn own_retry_quota() -> RetryPartition {
    RetryPartition::custom("ddbmock").build()
}
