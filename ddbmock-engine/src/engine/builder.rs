//! [`EngineBuilder`]: one place to say where an engine is (its region and account), which clock it
//! reads, how it is configured and what it stores its tables in; and the template a [`Scopes`]
//! builds an engine per (account, region) from.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use super::{Clock, Consistency, Engine, EngineConfig, Scopes, meter};
use crate::storage::{MemoryStorage, SqliteOptions, SqliteStorage, StorageError};

/// Builds an [`Engine`] (or a [`Scopes`] of them): [`Engine::builder`].
///
/// ```
/// use ddbmock_engine::{Clock, Engine};
///
/// let engine = Engine::builder()
///     .region("eu-west-1")
///     .account("111122223333")
///     .clock(Clock::manual(std::time::UNIX_EPOCH))
///     .build()?;
/// assert_eq!(engine.config().region, "eu-west-1");
/// assert_eq!(engine.config().account_id, "111122223333");
/// # Ok::<(), ddbmock_engine::storage::StorageError>(())
/// ```
#[derive(Clone, Debug)]
#[must_use]
pub struct EngineBuilder {
    pub(super) config: EngineConfig,
    pub(super) clock: Clock,
    pub(super) store: Store,
}

/// What a built engine keeps its tables in.
#[derive(Clone, Debug)]
pub(super) enum Store {
    Memory,
    /// A SQLite file; in a [`Scopes`], the home scope's, beside which the other scopes' files go.
    Sqlite(PathBuf, SqliteOptions),
    /// A temporary SQLite file per engine, deleted with it.
    TempSqlite(SqliteOptions),
}

impl Default for EngineBuilder {
    fn default() -> Self {
        EngineBuilder {
            config: EngineConfig::default(),
            clock: Clock::system(),
            store: Store::Memory,
        }
    }
}

impl Engine {
    /// A builder: in memory, on the system clock, in `us-east-1` and account `000000000000` unless
    /// told otherwise.
    pub fn builder() -> EngineBuilder {
        EngineBuilder::default()
    }
}

impl EngineBuilder {
    /// The region in ARNs, stream ARNs and DescribeEndpoints (`us-east-1` by default).
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.config.region = region.into();
        self
    }

    /// The account id in ARNs, and the owner a table ARN must name (`000000000000` by default):
    /// a table ARN of another account gets `AccessDeniedException`.
    pub fn account(mut self, account: impl Into<String>) -> Self {
        self.config.account_id = account.into();
        self
    }

    /// The clock: [`Clock::manual`] for tests that move time themselves. Engines built from one
    /// builder (the scopes of a [`Scopes`] included) share it.
    pub fn clock(mut self, clock: Clock) -> Self {
        self.clock = clock;
        self
    }

    /// Replaces the whole configuration, region and account included; the setters after this call
    /// change it further.
    pub fn config(mut self, config: EngineConfig) -> Self {
        self.config = config;
        self
    }

    /// [`EngineConfig::s3_dir`]: the folder standing for S3 in exports and imports.
    pub fn s3_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.config.s3_dir = Some(dir.into());
        self
    }

    /// [`EngineConfig::table_status_delay`].
    pub fn table_status_delay(mut self, delay: Duration) -> Self {
        self.config.table_status_delay = delay;
        self
    }

    /// [`EngineConfig::index_creation_delay`].
    pub fn index_creation_delay(mut self, delay: Duration) -> Self {
        self.config.index_creation_delay = delay;
        self
    }

    /// [`EngineConfig::ttl_deletion_delay`].
    pub fn ttl_deletion_delay(mut self, delay: Duration) -> Self {
        self.config.ttl_deletion_delay = delay;
        self
    }

    /// [`EngineConfig::ttl_sweep_interval`].
    pub fn ttl_sweep_interval(mut self, interval: Duration) -> Self {
        self.config.ttl_sweep_interval = interval;
        self
    }

    /// [`EngineConfig::ttl_change_cooldown`].
    pub fn ttl_change_cooldown(mut self, cooldown: Duration) -> Self {
        self.config.ttl_change_cooldown = cooldown;
        self
    }

    /// [`EngineConfig::throttle`].
    pub fn throttle(mut self, throttle: meter::ThrottleConfig) -> Self {
        self.config.throttle = throttle;
        self
    }

    /// [`EngineConfig::item_collection_size_limit`].
    pub fn item_collection_size_limit(mut self, bytes: u64) -> Self {
        self.config.item_collection_size_limit = bytes;
        self
    }

    /// [`EngineConfig::replication_lag`].
    pub fn replication_lag(mut self, lag: Duration) -> Self {
        self.config.replication_lag = lag;
        self
    }

    /// [`EngineConfig::consistency`]: `Consistency::oldest(lag)` for eventually consistent reads
    /// that always see the state of `lag` ago, `Consistency::eventual(lag)` for a seeded delay up
    /// to it.
    pub fn consistency(mut self, consistency: Consistency) -> Self {
        self.config.consistency = consistency;
        self
    }

    /// Keeps the tables in memory (the default).
    pub fn memory(mut self) -> Self {
        self.store = Store::Memory;
        self
    }

    /// Keeps the tables in the SQLite file at `path` (created if missing), restoring those it holds.
    /// In a [`Scopes`], this is the home scope's file; see [`Scopes`] for the others'.
    pub fn sqlite(self, path: impl AsRef<Path>) -> Self {
        self.sqlite_with(path, SqliteOptions::default())
    }

    /// [`EngineBuilder::sqlite`] with `options` (durability, cache).
    pub fn sqlite_with(mut self, path: impl AsRef<Path>, options: SqliteOptions) -> Self {
        self.store = Store::Sqlite(path.as_ref().to_owned(), options);
        self
    }

    /// Keeps the tables in a temporary SQLite file, deleted when the engine and its clones are
    /// dropped (each scope of a [`Scopes`] has its own).
    pub fn temp_sqlite(mut self) -> Self {
        self.store = Store::TempSqlite(SqliteOptions::default());
        self
    }

    /// The engine. Fails only for a SQLite store that cannot be opened (or is not a ddbmock
    /// database); in memory it always succeeds.
    pub fn build(self) -> Result<Engine, StorageError> {
        let EngineBuilder {
            config,
            clock,
            store,
        } = self;
        match store {
            Store::Memory => Engine::with_storage(Arc::new(MemoryStorage::new()), clock, config),
            Store::Sqlite(path, options) => Engine::with_storage(
                Arc::new(SqliteStorage::open_with(path, options)?),
                clock,
                config,
            ),
            Store::TempSqlite(options) => {
                Engine::with_storage(Arc::new(SqliteStorage::temp_with(options)?), clock, config)
            }
        }
    }

    /// A [`Scopes`]: this builder's engine as its home scope, and an engine per other (account,
    /// region) made from this builder on first use.
    pub fn scopes(self) -> Result<Scopes, StorageError> {
        Scopes::new(self)
    }

    /// This builder for another scope: the same clock and settings, in `account` and `region`, on a
    /// store of its own (for a SQLite file, [`scope_file`] beside the home file).
    pub(super) fn for_scope(&self, account: &str, region: &str) -> EngineBuilder {
        let store = match &self.store {
            Store::Sqlite(path, options) => {
                Store::Sqlite(scope_file(path, account, region), options.clone())
            }
            other => other.clone(),
        };
        EngineBuilder {
            config: EngineConfig {
                region: region.to_owned(),
                account_id: account.to_owned(),
                ..self.config.clone()
            },
            clock: self.clock.clone(),
            store,
        }
    }
}

/// The SQLite file of scope (`account`, `region`) beside the home scope's `home`: its stem, then
/// `.ACCOUNT.REGION`, then its extension (`tables.db` → `tables.111122223333.eu-west-1.db`).
pub fn scope_file(home: &Path, account: &str, region: &str) -> PathBuf {
    let stem = home
        .file_stem()
        .map_or_else(|| "tables".into(), |s| s.to_string_lossy().into_owned());
    let name = match home.extension() {
        Some(ext) => format!("{stem}.{account}.{region}.{}", ext.to_string_lossy()),
        None => format!("{stem}.{account}.{region}"),
    };
    home.with_file_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scope_files_sit_beside_the_home_file() {
        assert_eq!(
            scope_file(Path::new("/data/tables.db"), "111122223333", "eu-west-1"),
            PathBuf::from("/data/tables.111122223333.eu-west-1.db")
        );
        assert_eq!(
            scope_file(Path::new("store"), "000000000000", "us-west-2"),
            PathBuf::from("store.000000000000.us-west-2")
        );
    }

    #[test]
    fn a_scope_keeps_the_settings_and_changes_the_place() {
        let home = Engine::builder()
            .table_status_delay(Duration::from_secs(3))
            .sqlite("/data/t.db");
        let other = home.for_scope("111122223333", "eu-west-1");
        assert_eq!(other.config.region, "eu-west-1");
        assert_eq!(other.config.account_id, "111122223333");
        assert_eq!(other.config.table_status_delay, Duration::from_secs(3));
        assert!(
            matches!(&other.store, Store::Sqlite(p, _) if p == Path::new("/data/t.111122223333.eu-west-1.db"))
        );
    }
}
