//! The production adapter (feature `sdk`): [`Sdk`], the [`DynamoDb`] trait over a real
//! `aws_sdk_dynamodb::Client`, and [`StreamsSdk`], the [`DynamoDbStreams`] trait over a real
//! `aws_sdk_dynamodbstreams::Client`. Code written against the traits takes these in production and
//! an engine in tests, and its production build carries no engine.
//!
//! ```no_run
//! use std::sync::Arc;
//! use ddbmock_core::DynamoDb;
//! use ddbmock_core::sdk::Sdk;
//!
//! fn database(config: &aws_sdk_dynamodb::Config) -> Arc<dyn DynamoDb> {
//!     Arc::new(Sdk::new(aws_sdk_dynamodb::Client::from_conf(config.clone())))
//! }
//! ```
//!
//! Each call goes through the SDK's own operation (its endpoint, signing, retries, timeouts and
//! interceptors), with the request body replaced, before signing, by the input's wire JSON, and
//! the response body read back into the trait's output. The conversion is therefore DynamoDB's own
//! JSON both ways: every member of every operation, exactly, with no field-by-field mapping to
//! drift. Errors become [`Error`]s with DynamoDB's exception type, message, item and cancellation
//! reasons.
//!
//! The SDK's own input carries only what it routes by: the table name (or resource ARN) of
//! single-table operations, for its endpoint rules. Batch and transaction calls route without
//! their tables' ARNs, so with account-based endpoints they use the regional endpoint.
//!
//! Values: `From<AttributeValue>` for the SDK's `AttributeValue` and `TryFrom` back (an error only
//! for its `Unknown` variant), and [`to_sdk_item`]/[`from_sdk_item`] for items.

use std::sync::{Arc, Mutex, PoisonError};

use crate::protocol::error_from_body;
use async_trait::async_trait;
use aws_sdk_dynamodb::error::{DisplayErrorContext, SdkError};
use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::interceptors::Intercept;
use aws_smithy_runtime_api::client::interceptors::context::AfterDeserializationInterceptorContextRef;
use aws_smithy_runtime_api::client::orchestrator::{HttpRequest, HttpResponse};
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_types::body::SdkBody;
use aws_smithy_types::config_bag::ConfigBag;
use bytes::Bytes;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::{DynamoDb, DynamoDbStreams, Error, Result};

pub use crate::sdk_value::{from_sdk_item, to_sdk_item};

/// The [`DynamoDb`] trait over an `aws_sdk_dynamodb::Client`: DynamoDB itself in production, or
/// `ddbmock::aws::client` on an engine in tests.
#[derive(Clone, Debug)]
pub struct Sdk {
    client: aws_sdk_dynamodb::Client,
}

impl Sdk {
    /// The trait over `client`.
    pub fn new(client: aws_sdk_dynamodb::Client) -> Self {
        Sdk { client }
    }

    /// The SDK client underneath.
    pub fn client(&self) -> &aws_sdk_dynamodb::Client {
        &self.client
    }
}

/// The [`DynamoDbStreams`] trait over an `aws_sdk_dynamodbstreams::Client`: DynamoDB Streams itself
/// in production, or `ddbmock::aws::streams_client` on an engine in tests. Calls go through the
/// SDK's operations as [`Sdk`]'s do.
#[derive(Clone, Debug)]
pub struct StreamsSdk {
    client: aws_sdk_dynamodbstreams::Client,
}

impl StreamsSdk {
    /// The trait over `client`.
    pub fn new(client: aws_sdk_dynamodbstreams::Client) -> Self {
        StreamsSdk { client }
    }

    /// The SDK client underneath.
    pub fn client(&self) -> &aws_sdk_dynamodbstreams::Client {
        &self.client
    }
}

/// One call's request body and the slot its response body is read into.
struct Exchange {
    body: Bytes,
    capture: Capture,
}

impl Exchange {
    fn new<I: Serialize>(input: &I) -> Result<Self> {
        let body = serde_json::to_vec(input)
            .map_err(|e| Error::Serialization(format!("cannot encode the request: {e}")))?;
        Ok(Exchange {
            body: Bytes::from(body),
            capture: Capture::default(),
        })
    }

    /// The request mutation that puts the input's JSON in the SDK's request, on every attempt.
    fn replace_body(&self) -> impl Fn(&mut HttpRequest) + Send + Sync + 'static {
        let body = self.body.clone();
        move |request: &mut HttpRequest| {
            *request.body_mut() = SdkBody::from(body.clone());
            // Digits are always a valid header value.
            let _ = request
                .headers_mut()
                .try_insert("content-length", body.len().to_string());
        }
    }

    /// The trait's output (or error) for the SDK's `result`, from the response body.
    fn finish<T, E, O>(self, result: std::result::Result<T, SdkError<E, HttpResponse>>) -> Result<O>
    where
        E: std::error::Error + Send + Sync + 'static,
        O: DeserializeOwned,
    {
        match result {
            Ok(_) => match self.capture.take() {
                Some(body) => decode(&body),
                None => Err(Error::InternalServerError(
                    "the SDK returned no response body".into(),
                )),
            },
            Err(error) => {
                let raw = error
                    .raw_response()
                    .and_then(|r| Some((r.status().as_u16(), r.body().bytes()?)));
                match raw {
                    // The SDK could not read a success DynamoDB sent: read it ourselves.
                    Some((200, body)) => decode(body),
                    Some((status, body)) => Err(error_from_body(status, body)),
                    None => Err(Error::InternalServerError(
                        DisplayErrorContext(&error).to_string(),
                    )),
                }
            }
        }
    }
}

fn decode<O: DeserializeOwned>(body: &[u8]) -> Result<O> {
    serde_json::from_slice(body)
        .map_err(|e| Error::InternalServerError(format!("cannot decode the response: {e}")))
}

/// An interceptor keeping the last attempt's response body once the SDK has read it.
#[derive(Clone, Debug, Default)]
struct Capture(Arc<Mutex<Option<Bytes>>>);

impl Capture {
    fn take(&self) -> Option<Bytes> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner).take()
    }
}

impl Intercept for Capture {
    fn name(&self) -> &'static str {
        "ddbmock::aws::Sdk"
    }

    fn read_after_deserialization(
        &self,
        context: &AfterDeserializationInterceptorContextRef<'_>,
        _components: &RuntimeComponents,
        _cfg: &mut ConfigBag,
    ) -> std::result::Result<(), BoxError> {
        let body = context
            .response()
            .body()
            .bytes()
            .map(Bytes::copy_from_slice);
        *self.0.lock().unwrap_or_else(PoisonError::into_inner) = body;
        Ok(())
    }
}

/// The member the SDK routes a call by (its endpoint parameter `ResourceArn`), set on the SDK's
/// input besides the body: the SDK refuses to build a request without it, and it is what the SDK
/// needs for account-based endpoints. A missing or blank one (which the SDK would refuse) routes by
/// a placeholder, while the body keeps the real value for DynamoDB to report on.
fn route(member: &Option<String>) -> Option<String> {
    match member {
        Some(name) if !name.trim().is_empty() => Some(name.clone()),
        _ => Some(UNNAMED.to_owned()),
    }
}

/// The routing placeholder of a call without a table name or ARN: not an ARN, so the SDK keeps
/// the regional endpoint.
const UNNAMED: &str = "-";

/// A method of the adapters: the SDK client's method of the same name, routed by the row's `route`
/// member when it has one.
macro_rules! sdk_call {
    ($sdk:ident, $input:ident, $Wire:ident $method:ident $now:ident
        $(, route $member:ident $setter:ident)?) => {{
        let exchange = Exchange::new(&$input)?;
        let result = $sdk
            .client
            .$method()
            $(.$setter(route(&$input.$member)))?
            .customize()
            .mutate_request(exchange.replace_body())
            .interceptor(exchange.capture.clone())
            .send()
            .await;
        exchange.finish(result)
    }};
}

crate::dynamodb_operations!(crate::impl_operations, [] DynamoDb for Sdk => sdk_call);
crate::streams_operations!(crate::impl_operations, [] DynamoDbStreams for StreamsSdk => sdk_call);
