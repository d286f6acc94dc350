//! [`InProcessSigV4`]: the bridge clients' `sigv4` auth scheme, which signs like the SDK except for
//! requests that stay in-process.
//!
//! A SigV4 signature was over a third of each call's CPU time on the bridge (canonical request,
//! signing key derivation and HMACs, all formatted into fresh strings), and nothing reads it: the
//! [`Bridge`](super::Bridge) takes every request as authenticated, as [`protocol::handle`] does.
//! So when the client's HTTP client is the bridge, the scheme resolves the identity as SigV4 does
//! (a failing credentials provider still fails the call) and checks that it is AWS credentials, but
//! adds no `Authorization` header. With any other HTTP client, as after
//! `config(&engine).to_builder().http_client(..)`, it is the SDK's own SigV4 signer, unchanged.
//!
//! [`protocol::handle`]: ddbmock_core::protocol::handle

use aws_credential_types::Credentials;
use aws_runtime::auth::sigv4::{SCHEME_ID, SigV4Signer};
use aws_smithy_runtime_api::box_error::BoxError;
use aws_smithy_runtime_api::client::auth::{
    AuthScheme, AuthSchemeEndpointConfig, AuthSchemeId, Sign,
};
use aws_smithy_runtime_api::client::http::HttpClient;
use aws_smithy_runtime_api::client::identity::{Identity, SharedIdentityResolver};
use aws_smithy_runtime_api::client::orchestrator::HttpRequest;
use aws_smithy_runtime_api::client::runtime_components::{GetIdentityResolver, RuntimeComponents};
use aws_smithy_types::config_bag::ConfigBag;

use super::connector::CONNECTOR_NAME;

/// The `sigv4` auth scheme of the bridge's clients: see the [module](self).
#[derive(Debug, Default)]
pub(super) struct InProcessSigV4 {
    signer: SigV4Signer,
}

impl AuthScheme for InProcessSigV4 {
    fn scheme_id(&self) -> AuthSchemeId {
        SCHEME_ID
    }

    fn identity_resolver(
        &self,
        identity_resolvers: &dyn GetIdentityResolver,
    ) -> Option<SharedIdentityResolver> {
        identity_resolvers.identity_resolver(self.scheme_id())
    }

    fn signer(&self) -> &dyn Sign {
        self
    }
}

impl Sign for InProcessSigV4 {
    fn sign_http_request(
        &self,
        request: &mut HttpRequest,
        identity: &Identity,
        auth_scheme_endpoint_config: AuthSchemeEndpointConfig<'_>,
        runtime_components: &RuntimeComponents,
        config_bag: &ConfigBag,
    ) -> Result<(), BoxError> {
        if in_process(runtime_components) && identity.data::<Credentials>().is_some() {
            return Ok(());
        }
        self.signer.sign_http_request(
            request,
            identity,
            auth_scheme_endpoint_config,
            runtime_components,
            config_bag,
        )
    }
}

/// Whether the request goes to the [`Bridge`](super::Bridge).
fn in_process(runtime_components: &RuntimeComponents) -> bool {
    runtime_components
        .http_client()
        .and_then(|client| client.connector_metadata())
        .is_some_and(|metadata| metadata.name() == CONNECTOR_NAME)
}
