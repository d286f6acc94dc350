//! Which engine answers a request: the scope its credential names, the region of its SigV4
//! credential scope and the account of its access key.
//!
//! The default a user expects of a server standing in for DynamoDB: each region its own tables (an
//! `eu-west-1` client does not see the `us-east-1` tables, and gets `eu-west-1` ARNs), and every
//! access key in one account, the home account (`000000000000`), so that two processes of one test
//! run with different dummy keys still share their tables. `--auth KEY:SECRET@ACCOUNT` puts a key
//! in an account of its own. DynamoDB Local instead keeps each key and region apart; `--shared`
//! puts every request in one scope, as ddbmock did before scopes.

use ddbmock_core::Error;
use ddbmock_core::error::msg;
use ddbmock_engine::Engine;
use ddbmock_engine::engine::ScopeError;

use crate::State;
use crate::auth::{Credential, Regions};

/// The regions a credential may be scoped to on this server: any region name when regions are kept
/// apart; only the server's own when one engine serves them all.
pub(crate) fn regions(state: &State) -> Regions<'_> {
    if state.scopes.is_shared() {
        Regions::Only(&state.region)
    } else {
        Regions::Any
    }
}

/// The engine of `credential`'s scope, built on its first request.
pub(crate) fn engine(state: &State, credential: &Credential<'_>) -> Result<Engine, Error> {
    let account = state
        .auth
        .account_of(&credential.key_id)
        .unwrap_or(&state.engine.config().account_id);
    state
        .scopes
        .engine(account, &credential.region)
        .map_err(|error| match error {
            // Authentication has refused such a region already (see `Auth::checked`).
            ScopeError::InvalidRegion(region) => {
                msg::protocol::bad_scope(&[crate::auth::scope_region(&region)])
            }
            other => msg::internal_error(other),
        })
}
