//! Making a mock's engine: its store opened, its fixture files loaded (by the same loader as
//! `#[ddbmock::test]`, [`ddbmock::testing::Fixture`]), then the engine the test talks to, with the
//! options the test asked for.

use std::path::PathBuf;
use std::sync::Arc;

use ddbmock::testing::{Fixture, FixtureError};
use ddbmock_engine::storage::{MemoryStorage, SqliteStorage, Storage, StorageError};
use ddbmock_engine::{Clock, Engine, EngineConfig};

/// Why an engine could not be made.
pub(crate) enum Failure {
    /// The store could not be opened.
    Store(StorageError),
    /// A fixture file could not be read, or DynamoDB refused what it holds; the message names the
    /// file and the place in it.
    Fixture(FixtureError),
}

impl From<StorageError> for Failure {
    fn from(e: StorageError) -> Self {
        Failure::Store(e)
    }
}

impl From<FixtureError> for Failure {
    fn from(e: FixtureError) -> Self {
        Failure::Fixture(e)
    }
}

/// An engine on `db` (memory when `None`) and `clock` with `config`, holding the tables and items
/// of `fixtures`, loaded in order.
///
/// Fixtures are loaded through an engine of their own with the default configuration, as
/// `#[ddbmock::test]` loads them: with no status delay their tables are `ACTIVE` before the test
/// starts, and with no throttling their writes take nothing from the burst allowance. The test's
/// engine then opens the same store, so its capacity report starts at zero.
pub(crate) fn engine(
    runtime: &tokio::runtime::Runtime,
    db: Option<PathBuf>,
    clock: Clock,
    config: EngineConfig,
    fixtures: &[PathBuf],
) -> Result<Engine, Failure> {
    let storage: Arc<dyn Storage> = match db {
        None => Arc::new(MemoryStorage::new()),
        Some(path) => Arc::new(SqliteStorage::open(path)?),
    };
    if !fixtures.is_empty() {
        let loader = Engine::with_storage(storage.clone(), clock.clone(), EngineConfig::default())?;
        for path in fixtures {
            let fixture = Fixture::read(path)?;
            runtime.block_on(fixture.load(&loader))?;
        }
    }
    Ok(Engine::with_storage(storage, clock, config)?)
}
