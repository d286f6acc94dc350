//! `Remote`: the `DynamoDb` and `DynamoDbStreams` traits over HTTP, against a ddbmock server of its
//! own, so that the conformance suite runs through the server door exactly as it runs on the engine.

use async_trait::async_trait;
use ddbmock_core::operations::Operation;
use ddbmock_core::protocol::error_from_body;
use ddbmock_core::{DynamoDb, DynamoDbStreams, Result};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::Server;

/// A client of a fresh server on port 0; the server stops when the client is dropped.
pub struct Remote {
    server: std::sync::Arc<Server>,
    /// The region in the requests' credential scope.
    region: &'static str,
}

impl Remote {
    pub async fn start() -> Remote {
        Remote {
            server: std::sync::Arc::new(Server::start().await),
            region: "us-east-1",
        }
    }

    /// A client of a fresh server that keeps regions apart, whose home region is `eu-west-1`: the
    /// client's `us-east-1` requests reach a scope built on their first request.
    pub async fn start_scoped() -> Remote {
        let scopes = ddbmock_engine::Engine::builder()
            .region("eu-west-1")
            .scopes()
            .unwrap();
        Remote {
            server: std::sync::Arc::new(
                Server::start_scoped(scopes, ddbmock_server::Options::default()).await,
            ),
            region: "us-east-1",
        }
    }

    /// A client of a fresh server on `engine`.
    pub async fn start_on(engine: ddbmock_engine::Engine) -> Remote {
        Remote {
            server: std::sync::Arc::new(
                Server::start_on(engine, ddbmock_server::Options::default()).await,
            ),
            region: "us-east-1",
        }
    }

    /// Two clients of one fresh server on `scopes`, whose requests name `us-east-1` and
    /// `eu-west-1`: one account's tables in two regions.
    pub async fn start_regions(scopes: ddbmock_engine::Scopes) -> (Remote, Remote) {
        let server = std::sync::Arc::new(
            Server::start_scoped(scopes, ddbmock_server::Options::default()).await,
        );
        (
            Remote {
                server: server.clone(),
                region: "us-east-1",
            },
            Remote {
                server,
                region: "eu-west-1",
            },
        )
    }

    async fn call<I: Serialize + Sync, O: DeserializeOwned>(
        &self,
        operation: &str,
        input: &I,
    ) -> Result<O> {
        let body = serde_json::to_string(input).expect("inputs serialize");
        let reply = self.server.call_in(self.region, operation, &body).await;
        if reply.status == 200 {
            Ok(serde_json::from_slice(&reply.body).expect("outputs deserialize"))
        } else {
            Err(error_from_body(reply.status, &reply.body))
        }
    }
}

/// A method of `Remote`: one HTTP call of the row's operation, which `Server::call` sends under its
/// service's target prefix.
macro_rules! remote_call {
    ($remote:ident, $input:ident, $Wire:ident $($rest:tt)*) => {
        $remote.call(Operation::$Wire.name(), &$input).await
    };
}

ddbmock_core::dynamodb_operations!(ddbmock_core::impl_operations, [] DynamoDb for Remote => remote_call);
ddbmock_core::streams_operations!(
    ddbmock_core::impl_operations,
    [] DynamoDbStreams for Remote => remote_call
);
