//! The AWS SDK bridge (feature `aws`, off by default): the official `aws_sdk_dynamodb::Client` on a
//! ddbmock engine in-process, and the [`DynamoDb`] trait on a real `aws_sdk_dynamodb::Client`.
//!
//! - [`client`] and [`config`] make an SDK client whose HTTP layer hands each request to the engine
//!   through the same protocol codec as the server: no socket, no server, and the application's own
//!   client type unchanged. Region, credentials, retries and everything else are the SDK's own.
//! - [`Sdk`] implements [`DynamoDb`] over any `aws_sdk_dynamodb::Client`, so code written against the
//!   trait runs against DynamoDB in production. Errors keep DynamoDB's exception type and message.
//!
//! ```
//! # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
//! let engine = ddbmock::Engine::memory();
//! let client = ddbmock::aws::client(&engine);
//! let tables = client.list_tables().send().await?;
//! assert!(tables.table_names().is_empty());
//! # Ok::<(), aws_sdk_dynamodb::Error>(())
//! # }).unwrap();
//! ```

mod connector;
mod sdk;

use std::sync::Arc;

use aws_sdk_dynamodb::config::{BehaviorVersion, Credentials, Region};

pub use connector::Bridge;
pub use sdk::Sdk;

use crate::{DynamoDb, Engine};

/// The region of the bridge's clients.
pub const REGION: &str = "us-east-1";

/// The SDK configuration of a client on `engine`: region `us-east-1`, static test credentials
/// (without an account id, so the SDK keeps the regional endpoint), the latest behaviour version,
/// and the [`Bridge`] as HTTP client. Use `.to_builder()` to customise it further.
pub fn config(engine: &Engine) -> aws_sdk_dynamodb::Config {
    config_for(Arc::new(engine.clone()))
}

/// Like [`config`], over any [`DynamoDb`]: a [`crate::mock::Mock`] that injects failures, a
/// wrapper, or another client.
pub fn config_for(db: Arc<dyn DynamoDb>) -> aws_sdk_dynamodb::Config {
    aws_sdk_dynamodb::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new(REGION))
        .credentials_provider(Credentials::new(
            "AKIDDDBMOCK",
            "ddbmock-secret-key",
            None,
            None,
            "ddbmock",
        ))
        .http_client(Bridge::new(db))
        .build()
}

/// An `aws_sdk_dynamodb::Client` on `engine`, in-process: see [`config`].
pub fn client(engine: &Engine) -> aws_sdk_dynamodb::Client {
    aws_sdk_dynamodb::Client::from_conf(config(engine))
}

/// An `aws_sdk_dynamodb::Client` on any [`DynamoDb`]: see [`config_for`].
pub fn client_for(db: Arc<dyn DynamoDb>) -> aws_sdk_dynamodb::Client {
    aws_sdk_dynamodb::Client::from_conf(config_for(db))
}
