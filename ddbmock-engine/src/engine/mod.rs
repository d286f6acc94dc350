//! The engine: DynamoDB's semantics over a [`Storage`], behind the [`DynamoDb`] trait.
//!
//! One file per operation, each validating its request and then applying it; `write` is the shared
//! write path (index maintenance, counters) that every item write goes through.

mod auto_scaling;
mod backups;
mod batch_execute_statement;
mod batch_get;

mod batch_write;
mod billing;
mod builder;
pub mod capacity;
mod catalog;
mod change;
mod check_put;
mod clock;
mod collection_sizes;
mod consistency;
mod create_table;
mod delete_item;
mod delete_table;
mod describe_table;
mod dropped;
mod execute_statement;
mod execute_transaction;
mod exports;
mod expressions;
mod extras;
mod get_item;
mod global_tables;
mod gsi_update;
mod idempotency;
mod index_epoch;
mod insights;
mod item_collections;
mod json_page;
mod key_conditions;
mod key_hash;
mod key_paths;
pub mod keys;
mod kinesis;
mod limits;
mod list_tables;
mod locks;
pub mod meter;
mod paging;
mod pitr;
mod put_item;
mod query;
mod read_params;
mod rekey;
mod resource_policy;
mod scan;
mod scopes;
mod select;
mod sse;
mod streams;
mod table;
mod tags;
mod transact_get;
#[cfg(test)]
mod transact_tests;
mod transact_write;
mod ttl;
mod ttl_sweep;
mod update_item;
mod update_table;
mod validate;
mod write;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use async_trait::async_trait;
use parking_lot::RwLock;

pub use billing::{CapacityReport, Prices, TableReport};
pub use builder::{EngineBuilder, scope_file};
pub use clock::Clock;
pub use consistency::{Consistency, Staleness};
pub use item_collections::DEFAULT_COLLECTION_LIMIT;
pub use scopes::{ScopeError, Scopes, is_account, is_region};
pub use streams::StreamRecords;
pub use table::{Index, Projected, Stats, Table};

use crate::storage::{MemoryStorage, SpaceId, SqliteStorage, Storage, StorageError};
use ddbmock_core::api::DynamoDb;
use ddbmock_core::error::{Error, Result, msg};
use ddbmock_core::operation::*;

/// Where the engine pretends to be (the region and account in ARNs), and how its time-to-live
/// process behaves.
#[derive(Clone, Debug)]
pub struct EngineConfig {
    /// The region in ARNs and stream records (`us-east-1` by default).
    pub region: String,
    /// The account id in ARNs (`000000000000` by default, as DynamoDB Local uses).
    pub account_id: String,
    /// How long a global secondary index added by UpdateTable backfills (`CREATING`, `Backfilling`
    /// true) before it turns `ACTIVE`, on the engine's clock. Zero (the default) makes it `ACTIVE`
    /// at once; a delay lets tests observe the transition, and what DynamoDB refuses meanwhile
    /// (reads of the index, and creating or deleting another index). The backfill follows the
    /// table's `UPDATING` transition of `table_status_delay`, during which the index is
    /// `CREATING` with `Backfilling` false, as in DynamoDB's resource allocation phase; the table
    /// is `ACTIVE` again while the index backfills.
    pub index_creation_delay: std::time::Duration,
    /// How long after its expiry time an item is deleted (0 by default: at the next sweep).
    /// DynamoDB deletes expired items within days; a delay simulates the window in which an expired
    /// item is still readable.
    pub ttl_deletion_delay: std::time::Duration,
    /// How often the sweeper runs on the system clock (1 second by default). A manual clock sweeps
    /// on every `advance` and `set` instead.
    pub ttl_sweep_interval: std::time::Duration,
    /// How long after an UpdateTimeToLive another is refused (one hour by default, as DynamoDB
    /// documents).
    pub ttl_change_cooldown: std::time::Duration,
    /// How long CreateTable and UpdateTable keep a table `CREATING` or `UPDATING` on the engine's
    /// clock (zero, the default, makes them `ACTIVE` at once). Meanwhile item operations on a
    /// creating table get `ResourceNotFoundException`, and UpdateTable and DeleteTable get
    /// `ResourceInUseException`, as on DynamoDB. A global secondary index that UpdateTable deletes
    /// is described `DELETING` for as long as the table is `UPDATING`, and is gone at once for reads
    /// and writes.
    pub table_status_delay: std::time::Duration,
    /// The throughput simulation: off by default; when on, provisioned tables and indexes enforce
    /// their capacity with DynamoDB's burst allowance.
    pub throttle: meter::ThrottleConfig,
    /// The largest an item collection (the items of one partition key value in a table with local
    /// secondary indexes, and their index entries) may grow, in bytes:
    /// [`DEFAULT_COLLECTION_LIMIT`] (10 GB) by default, as on DynamoDB. A write that would take a
    /// collection over it fails with `ItemCollectionSizeLimitExceededException`; tests can set a
    /// small limit to reach it.
    pub item_collection_size_limit: u64,
    /// The local folder that stands for S3 in exports and imports: `s3://bucket/prefix` is
    /// `DIR/bucket/prefix`, and a bucket is a folder that exists in it. `None` (the default):
    /// every bucket is unreachable, and an export or import fails as with a missing bucket.
    pub s3_dir: Option<std::path::PathBuf>,
    /// How long a write to a table with replicas (global tables version 2019.11.21) takes to
    /// reach the other regions, on the engine's clock (one second by default; DynamoDB's is
    /// typically about that). Until then the other regions read the older item; a conflicting
    /// write resolves last writer wins. Zero lands it at the next request of the other region.
    pub replication_lag: std::time::Duration,
    /// Whether eventually consistent reads may miss recent writes: [`Consistency::Strong`] (the
    /// default) has every read see the latest state; [`Consistency::Eventual`] has eventually
    /// consistent GetItem, BatchGetItem, Query and Scan, and every read of a global secondary
    /// index, see items as they were up to a lag ago, on the engine's clock.
    pub consistency: Consistency,
}

impl Default for EngineConfig {
    fn default() -> Self {
        EngineConfig {
            region: "us-east-1".to_owned(),
            account_id: "000000000000".to_owned(),
            index_creation_delay: std::time::Duration::ZERO,
            ttl_deletion_delay: std::time::Duration::ZERO,
            ttl_sweep_interval: std::time::Duration::from_secs(1),
            ttl_change_cooldown: std::time::Duration::from_secs(3600),
            table_status_delay: std::time::Duration::ZERO,
            throttle: meter::ThrottleConfig::default(),
            item_collection_size_limit: DEFAULT_COLLECTION_LIMIT,
            s3_dir: None,
            replication_lag: std::time::Duration::from_secs(1),
            consistency: Consistency::Strong,
        }
    }
}

/// A DynamoDB engine: cheap to clone (clones share the same tables), `Send + Sync`.
///
/// Locking: the catalog of tables sits behind a read-write lock taken only to look a table up or to
/// change the set of tables; item writes lock only their item's stripe (see `locks`), so requests on
/// different items proceed in parallel.
#[derive(Clone)]
pub struct Engine {
    inner: Arc<Inner>,
}

pub(crate) struct Inner {
    storage: Arc<dyn Storage>,
    tables: RwLock<BTreeMap<String, Arc<Table>>>,
    locks: locks::ItemLocks,
    tokens: idempotency::Tokens,
    clock: Clock,
    config: EngineConfig,
    next_space: AtomicU64,
    streams: streams::Streams,
    ttl: ttl_sweep::TtlState,
    meter: meter::Meter,
    /// Whether some table is DELETING, so lookups first finish the deletions that are due.
    pending_deletes: std::sync::atomic::AtomicBool,
    /// On-demand backups, and the point-in-time logs' sequence.
    backups: backups::Backups,
    /// Exports to and imports from the S3 folder.
    transfers: exports::Transfers,
    /// Global tables: the link to the other scopes, and writes replicated from them.
    global: global_tables::GlobalState,
    /// The eventual consistency simulation, when it is on.
    consistency: Option<consistency::Simulation>,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("tables", &self.inner.tables.read().len())
            .finish_non_exhaustive()
    }
}

impl Engine {
    /// A new, empty, in-memory engine on the system clock.
    pub fn memory() -> Self {
        Self::assemble(
            Arc::new(MemoryStorage::new()),
            BTreeMap::new(),
            Clock::system(),
            EngineConfig::default(),
            1,
        )
    }

    /// An engine on the ddbmock SQLite database at `path` (created if the file is missing or empty),
    /// restoring the tables it holds, on the system clock. See [`SqliteStorage::open`] for the file
    /// checks and [`crate::storage::Durability`] for what a committed write survives.
    pub fn sqlite(path: impl AsRef<std::path::Path>) -> Result<Self, StorageError> {
        Self::with_storage(
            Arc::new(SqliteStorage::open(path)?),
            Clock::system(),
            EngineConfig::default(),
        )
    }

    /// A new, empty engine on a temporary SQLite database, deleted when the engine and its clones are
    /// dropped.
    pub fn temp_sqlite() -> Result<Self, StorageError> {
        Ok(Self::assemble(
            Arc::new(SqliteStorage::temp()?),
            BTreeMap::new(),
            Clock::system(),
            EngineConfig::default(),
            1,
        ))
    }

    /// An engine over `storage`, restoring the tables the store already holds.
    pub fn with_storage(
        storage: Arc<dyn Storage>,
        clock: Clock,
        config: EngineConfig,
    ) -> Result<Self, StorageError> {
        let mut tables = BTreeMap::new();
        let mut max_space = 0;
        let mut migrations = Vec::new();
        for (meta, blob) in storage.metadata()? {
            let Some(name) = meta.strip_prefix("table/") else {
                continue;
            };
            let catalog::Decoded {
                table,
                migrated,
                rekey,
            } = catalog::decode(name, &blob)?;
            max_space = max_space.max(table.space);
            for i in &table.indexes {
                max_space = max_space.max(i.space);
            }
            if let Some(p) = &table.extras.pitr {
                max_space = max_space.max(p.log_space);
            }
            if rekey {
                migrations.extend(rekey::rekey(&*storage, &table)?);
            }
            if migrated {
                let value = catalog::encode(&table)
                    .map_err(|e| StorageError::Backend(format!("table metadata {meta}: {e}")))?;
                migrations.push(crate::storage::Write::Meta {
                    name: meta,
                    value: Some(value),
                });
            }
            write::recount(&*storage, &table)?;
            item_collections::recount(&*storage, &table)?;
            tables.insert(table.name().to_owned(), Arc::new(table));
        }
        // Written once every entry has been read: a refused entry leaves the store untouched.
        if !migrations.is_empty() {
            storage.write(migrations)?;
        }
        let engine = Self::assemble(storage, tables, clock, config, max_space + 1);
        engine.load_backups()?;
        engine.load_transfers()?;
        Ok(engine)
    }

    fn assemble(
        storage: Arc<dyn Storage>,
        tables: BTreeMap<String, Arc<Table>>,
        clock: Clock,
        config: EngineConfig,
        next_space: SpaceId,
    ) -> Self {
        let simulation = consistency::Simulation::new(config.consistency);
        let engine = Engine {
            inner: Arc::new_cyclic(|weak| Inner {
                storage,
                tables: RwLock::new(tables),
                locks: locks::ItemLocks::default(),
                tokens: idempotency::Tokens::default(),
                clock,
                config,
                next_space: AtomicU64::new(next_space),
                streams: streams::Streams::default(),
                ttl: ttl_sweep::TtlState::new(weak.clone()),
                meter: meter::Meter::default(),
                pending_deletes: std::sync::atomic::AtomicBool::new(true),
                backups: backups::Backups::default(),
                transfers: exports::Transfers::default(),
                global: global_tables::GlobalState::default(),
                consistency: simulation,
            }),
        };
        engine.restore_streams();
        engine.start_ttl();
        engine
    }

    /// A new, empty, in-memory engine on `clock`.
    pub fn memory_with_clock(clock: Clock) -> Self {
        Self::assemble(
            Arc::new(MemoryStorage::new()),
            BTreeMap::new(),
            clock,
            EngineConfig::default(),
            1,
        )
    }

    /// A new, empty, in-memory engine on `clock`, configured by `config` (region, account, TTL).
    pub fn memory_with_config(clock: Clock, config: EngineConfig) -> Self {
        Self::assemble(
            Arc::new(MemoryStorage::new()),
            BTreeMap::new(),
            clock,
            config,
            1,
        )
    }

    /// The engine's clock: tests built with a manual clock advance it here.
    pub fn clock(&self) -> &Clock {
        &self.inner.clock
    }

    /// The engine's region and account.
    pub fn config(&self) -> &EngineConfig {
        &self.inner.config
    }

    /// The store under this engine.
    pub fn storage(&self) -> &Arc<dyn Storage> {
        &self.inner.storage
    }

    /// A copy-on-write fork: a new engine holding the same tables and items, evolving independently.
    pub fn fork(&self) -> Result<Engine, StorageError> {
        Engine::with_storage(
            self.inner.storage.fork()?,
            self.inner.clock.clone(),
            self.inner.config.clone(),
        )
    }

    /// The table a table-level operation (DescribeTable, DescribeTimeToLive, tags) addresses,
    /// whatever its status; each operation words its own not-found error.
    pub(crate) fn table_any(&self, name: &str) -> Option<Arc<Table>> {
        self.purge_deleted();
        self.inner.tables.read().get(name).cloned()
    }

    /// The table item operation `action` (IAM's action name, as `PutItem`) addresses, by name or by
    /// ARN: a table ARN of another account is refused as access denied, since no resource policy
    /// shares it; otherwise [`Engine::table`].
    pub(crate) fn table_for(&self, name: &str, action: &str) -> Result<Arc<Table>> {
        let account = &self.inner.config.account_id;
        if tags::is_foreign_table_arn(name, account) {
            return Err(msg::tags::access_denied(action, name, account));
        }
        self.table(name)
    }

    /// The table an item operation addresses, by name or by ARN: a table still being created is
    /// not found yet.
    pub(crate) fn table(&self, name: &str) -> Result<Arc<Table>> {
        self.purge_deleted();
        let name = self.name_of_arn(name);
        let table = self
            .inner
            .tables
            .read()
            .get(name)
            .cloned()
            .ok_or_else(msg::table_not_found)?;
        // Most tables are in no transition; only those need the clock.
        if table.transition.is_some()
            && matches!(
                table.transition_at(self.inner.clock.epoch_seconds()),
                Some(TableStatus::Creating | TableStatus::Deleting)
            )
        {
            return Err(msg::table_not_found());
        }
        Ok(table)
    }

    /// The catalog's version of `table`, unless the table is gone (or is another one by now).
    pub(crate) fn current_version(&self, table: &Table) -> Option<Arc<Table>> {
        self.inner
            .tables
            .read()
            .get(table.name())
            .filter(|t| t.space == table.space)
            .cloned()
    }

    /// Refuses a table change while another one is in progress.
    pub(crate) fn check_not_in_transition(&self, table: &Table) -> Result<()> {
        let name = table.name();
        match table.transition_at(self.inner.clock.epoch_seconds()) {
            Some(TableStatus::Creating) => Err(msg::table::table_being_created(name)),
            Some(TableStatus::Deleting) => Err(msg::table::table_being_deleted(name)),
            Some(_) => Err(msg::table::table_being_updated(name)),
            None => Ok(()),
        }
    }

    /// The transition a table change starts, when transitions take time.
    pub(crate) fn transition(&self, status: TableStatus) -> Option<(TableStatus, f64)> {
        let delay = self.inner.config.table_status_delay;
        (!delay.is_zero()).then(|| {
            (
                status,
                self.inner.clock.epoch_seconds() + delay.as_secs_f64(),
            )
        })
    }

    /// Persists a table's metadata (the catalog entry is published by the caller).
    fn store_table(&self, table: &Table) -> Result<()> {
        let blob = catalog::encode(table).map_err(|e| Error::InternalServerError(e.to_string()))?;
        self.inner
            .storage
            .write(vec![crate::storage::Write::Meta {
                name: Table::meta_name(table.name()),
                value: Some(blob),
            }])
            .map_err(storage_error)
    }

    /// Replaces a table's settings with `change`'s result, persisted, under the catalog lock.
    fn change_table(
        &self,
        name: &str,
        missing: impl FnOnce() -> Error,
        change: impl FnOnce(&Table) -> Result<Table>,
    ) -> Result<Arc<Table>> {
        let mut tables = self.inner.tables.write();
        let current = tables.get(name).cloned().ok_or_else(missing)?;
        let next = Arc::new(change(&current)?);
        self.store_table(&next)?;
        tables.insert(name.to_owned(), next.clone());
        Ok(next)
    }

    /// Locks one item for the engine's own work (index backfill, TTL deletion), which is no request
    /// and so never reports a conflict: it waits for an in-flight transaction on the item to end.
    fn lock_item_waiting(&self, space: SpaceId, key: &[u8]) -> locks::Held<'_> {
        loop {
            match self.inner.locks.lock_single(space, key) {
                Ok(held) => return held,
                Err(_) => std::thread::yield_now(),
            }
        }
    }

    /// Locks one item for a single-item write; `TransactionConflictException` when a transaction
    /// is writing it now (see `transact_write` for the conflict model).
    fn lock_item(&self, space: SpaceId, key: &[u8]) -> Result<locks::Held<'_>> {
        self.inner
            .locks
            .lock_single(space, key)
            .map_err(|_| msg::transact::transaction_conflict())
    }

    fn new_space(&self) -> SpaceId {
        self.inner.next_space.fetch_add(1, Ordering::Relaxed)
    }

    /// The table name in `name` when it is the ARN of one of this engine's tables (an item
    /// operation takes either); `name` itself otherwise. An ARN of another region is kept whole,
    /// so it names no table (a name holds no `:`) and is not found, even when this region has a
    /// table of that name: the request reached this region's endpoint, which holds no table of
    /// another region (DynamoDB's answer for it is unconfirmed; `tests/check_order_pairs.rs`).
    fn name_of_arn<'a>(&self, name: &'a str) -> &'a str {
        let Some(rest) = name.strip_prefix("arn:aws:dynamodb:") else {
            return name;
        };
        let config = &self.inner.config;
        rest.strip_prefix(config.region.as_str())
            .and_then(|r| r.strip_prefix(':'))
            .and_then(|r| r.strip_prefix(config.account_id.as_str()))
            .and_then(|r| r.strip_prefix(":table/"))
            .filter(|t| !t.is_empty() && !t.contains('/'))
            .unwrap_or(name)
    }

    fn arn(&self, table: &str) -> String {
        format!(
            "arn:aws:dynamodb:{}:{}:table/{table}",
            self.inner.config.region, self.inner.config.account_id
        )
    }
}

/// A store failure as `InternalServerError`. A keyspace dropped under a request is no such failure:
/// see [`Engine::dropped`].
pub(crate) fn storage_error(e: StorageError) -> Error {
    msg::internal_error(e)
}

/// A method of the engine's trait impls: the row's `now` method, the engine's synchronous work (an
/// engine call never waits on anything).
macro_rules! engine_call {
    ($engine:ident, $input:ident, $Wire:ident $method:ident $now:ident $($route:tt)*) => {{
        // Writes replicated from other regions land before the request that could see them.
        $engine.deliver_replicated();
        $crate::engine::Now::call($crate::engine::Engine::$now, $engine, $input)
    }};
}
pub(crate) use engine_call;

ddbmock_core::dynamodb_operations!(ddbmock_core::impl_operations, [] DynamoDb for Engine => engine_call; {
    async fn get_item_json(&self, input: ddbmock_core::operation::GetItemInput) -> Result<Vec<u8>> {
        self.deliver_replicated();
        self.get_item_json_now(input)
    }

    async fn query_json(&self, input: ddbmock_core::operation::QueryInput) -> Result<Vec<u8>> {
        self.deliver_replicated();
        self.query_json_now(input)
    }

    async fn scan_json(&self, input: ddbmock_core::operation::ScanInput) -> Result<Vec<u8>> {
        self.deliver_replicated();
        self.scan_json_now(input)
    }
});

/// An engine method that answers a request: `fn(&Engine, Input)`, or `fn(&Engine)` for the
/// operations whose request has nothing the engine reads (DescribeLimits, DescribeEndpoints), so
/// that one generated impl calls both. `Arity` only keeps the two blanket impls apart.
trait Now<Input, Output, Arity> {
    fn call(self, engine: &Engine, input: Input) -> Result<Output>;
}

/// The arities of [`Now`].
enum WithInput {}
enum WithoutInput {}

impl<F: Fn(&Engine, I) -> Result<O>, I, O> Now<I, O, WithInput> for F {
    fn call(self, engine: &Engine, input: I) -> Result<O> {
        self(engine, input)
    }
}

impl<F: Fn(&Engine) -> Result<O>, I, O> Now<I, O, WithoutInput> for F {
    fn call(self, engine: &Engine, _input: I) -> Result<O> {
        self(engine)
    }
}
