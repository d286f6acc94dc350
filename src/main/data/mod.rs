//! The data tools of the `ddbmock` binary: `ddbmock load`, `ddbmock dump` and `ddbmock --seed`,
//! against a running server or a `--db` file, in DynamoDB's export data format or as
//! BatchWriteItem requests.

pub(crate) mod dump;
mod http;
pub(crate) mod input;
pub(crate) mod load;
mod progress;
mod schema;
mod spans;
pub(crate) mod target;

use std::path::Path;

use ddbmock::Engine;

use target::Target;

/// The target `--endpoint` or `--db` names, for `region`'s tables: a server at the endpoint, or
/// an engine on the SQLite file, which must exist unless `create` (a dump of a mistyped name is
/// no new empty database).
pub(crate) fn target(
    endpoint: Option<&str>,
    db: Option<&Path>,
    region: &str,
    create: bool,
) -> Result<Target, String> {
    match (endpoint, db) {
        (_, Some(db)) => {
            if !create && !db.is_file() {
                return Err(format!("no database at {}", db.display()));
            }
            Engine::builder()
                .region(region)
                .sqlite(db)
                .build()
                .map(Target::Engine)
                .map_err(|e| format!("cannot open {}: {e}", db.display()))
        }
        (endpoint, None) => http::Server::new(endpoint.unwrap_or("http://127.0.0.1:8000"), region)
            .map(Target::Server),
    }
}
