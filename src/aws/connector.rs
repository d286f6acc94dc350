//! [`Bridge`]: the SDK's HTTP client, answering each request from a [`DynamoDb`] (and, for the
//! DynamoDB Streams client, a [`DynamoDbStreams`]) through the shared protocol codec, with the
//! server's headers.

use std::fmt;
use std::sync::Arc;

use aws_smithy_runtime_api::client::connector_metadata::ConnectorMetadata;
use aws_smithy_runtime_api::client::http::{
    HttpClient, HttpConnector, HttpConnectorFuture, HttpConnectorSettings, SharedHttpConnector,
};
use aws_smithy_runtime_api::client::orchestrator::{HttpRequest, HttpResponse};
use aws_smithy_runtime_api::client::result::ConnectorError;
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_runtime_api::http::StatusCode;
use aws_smithy_types::body::SdkBody;
use ddbmock_core::protocol;

use crate::{DynamoDb, DynamoDbStreams, Engine};

/// The name the bridge gives the SDK as its HTTP client's (it shows in the user agent as
/// `md/http#ddbmock`), and by which the bridge's signer knows a request stays in-process.
pub(super) const CONNECTOR_NAME: &str = "ddbmock";

/// An `HttpClient` and `HttpConnector` for the AWS SDK that passes each request's `X-Amz-Target`
/// header and body to the protocol codec and returns DynamoDB's response bytes, with
/// `Content-Type`, `x-amz-crc32` and `x-amzn-RequestId` as the server sends them.
///
/// Like the server's single endpoint, a bridge can serve DynamoDB Streams' targets
/// (`DynamoDBStreams_20120810.*`) besides DynamoDB's: [`Bridge::engine`] serves both from an engine,
/// [`Bridge::new`] only DynamoDB's, from any [`DynamoDb`].
#[derive(Clone)]
pub struct Bridge {
    db: Arc<dyn DynamoDb>,
    streams: Option<Arc<dyn DynamoDbStreams>>,
}

impl Bridge {
    /// A bridge to `db`, serving DynamoDB's operations; Streams' targets are unknown to it, as on an
    /// endpoint that serves only DynamoDB.
    pub fn new(db: Arc<dyn DynamoDb>) -> Self {
        Bridge { db, streams: None }
    }

    /// A bridge to `engine`, serving DynamoDB's and DynamoDB Streams' operations.
    pub fn engine(engine: &Engine) -> Self {
        let engine = Arc::new(engine.clone());
        Bridge {
            db: engine.clone(),
            streams: Some(engine),
        }
    }
}

impl fmt::Debug for Bridge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Bridge")
    }
}

impl HttpConnector for Bridge {
    fn call(&self, request: HttpRequest) -> HttpConnectorFuture {
        let bridge = self.clone();
        HttpConnectorFuture::new(async move {
            let Some(body) = request.body().bytes() else {
                return Err(ConnectorError::other(
                    "ddbmock::aws::Bridge needs an in-memory request body".into(),
                    None,
                ));
            };
            let target = request.headers().get("x-amz-target");
            let answer = protocol::handle_service(
                &*bridge.db,
                bridge.streams.as_deref(),
                target,
                body,
                |_| Ok(()),
            )
            .await;
            response(answer)
        })
    }
}

/// The SDK's response for the codec's `answer`.
fn response(answer: protocol::Response) -> Result<HttpResponse, ConnectorError> {
    let status =
        StatusCode::try_from(answer.status).map_err(|e| ConnectorError::other(e.into(), None))?;
    let crc32 = answer.crc32.to_string();
    let content_type = answer.content_type();
    let request_id = answer.request_id;
    let mut response = HttpResponse::new(status, SdkBody::from(answer.body));
    // `insert` takes static names without parsing them, and panics only on an invalid name or
    // value: these names are constants, and the values are a constant, decimal digits, and
    // `[0-9A-Z]`.
    let headers = response.headers_mut();
    headers.insert("content-type", content_type);
    headers.insert("x-amz-crc32", crc32);
    headers.insert("x-amzn-requestid", request_id);
    Ok(response)
}

impl HttpClient for Bridge {
    fn http_connector(
        &self,
        _settings: &HttpConnectorSettings,
        _components: &RuntimeComponents,
    ) -> SharedHttpConnector {
        SharedHttpConnector::new(self.clone())
    }

    fn connector_metadata(&self) -> Option<ConnectorMetadata> {
        Some(ConnectorMetadata::new(CONNECTOR_NAME, None))
    }
}
