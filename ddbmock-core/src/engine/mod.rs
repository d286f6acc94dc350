//! The engine: DynamoDB's semantics over a [`Storage`], behind the [`DynamoDb`] trait.
//!
//! One file per operation, each validating its request and then applying it; `write` is the shared
//! write path (index maintenance, counters) that every item write goes through.

mod batch_get;
mod batch_write;
mod clock;
mod create_table;
mod delete_item;
mod delete_table;
mod describe_table;
mod get_item;
pub mod keys;
mod limits;
mod list_tables;
mod locks;
mod put_item;
mod table;
mod tags;
mod ttl;
mod update_item;
mod update_table;
mod validate;
mod write;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use async_trait::async_trait;
use parking_lot::RwLock;

pub use clock::Clock;
pub use table::{Index, Projected, Stats, Table};

use crate::api::DynamoDb;
use crate::error::{Error, Result, msg};
use crate::operation::*;
use crate::storage::{MemoryStorage, SpaceId, SqliteStorage, Storage, StorageError};

/// Where the engine pretends to be: the region and account in ARNs.
#[derive(Clone, Debug)]
pub struct EngineConfig {
    /// The region in ARNs and stream records (`us-east-1` by default).
    pub region: String,
    /// The account id in ARNs (`000000000000` by default, as DynamoDB Local uses).
    pub account_id: String,
}

impl Default for EngineConfig {
    fn default() -> Self {
        EngineConfig {
            region: "us-east-1".to_owned(),
            account_id: "000000000000".to_owned(),
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
    clock: Clock,
    config: EngineConfig,
    next_space: AtomicU64,
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
        for (name, blob) in storage.metadata()? {
            if !name.starts_with("table/") {
                continue;
            }
            let table: Table = serde_json::from_slice(&blob)
                .map_err(|e| StorageError::Backend(format!("table metadata {name}: {e}")))?;
            max_space = max_space.max(table.space);
            for i in &table.indexes {
                max_space = max_space.max(i.space);
            }
            write::recount(&*storage, &table)?;
            tables.insert(table.name().to_owned(), Arc::new(table));
        }
        Ok(Self::assemble(
            storage,
            tables,
            clock,
            config,
            max_space + 1,
        ))
    }

    fn assemble(
        storage: Arc<dyn Storage>,
        tables: BTreeMap<String, Arc<Table>>,
        clock: Clock,
        config: EngineConfig,
        next_space: SpaceId,
    ) -> Self {
        Engine {
            inner: Arc::new(Inner {
                storage,
                tables: RwLock::new(tables),
                locks: locks::ItemLocks::default(),
                clock,
                config,
                next_space: AtomicU64::new(next_space),
            }),
        }
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

    pub(crate) fn table(&self, name: &str) -> Result<Arc<Table>> {
        self.inner
            .tables
            .read()
            .get(name)
            .cloned()
            .ok_or_else(msg::table_not_found)
    }

    /// Persists a table's metadata (the catalog entry is published by the caller).
    fn store_table(&self, table: &Table) -> Result<()> {
        let blob =
            serde_json::to_vec(table).map_err(|e| Error::InternalServerError(e.to_string()))?;
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

    fn new_space(&self) -> SpaceId {
        self.inner.next_space.fetch_add(1, Ordering::Relaxed)
    }

    fn arn(&self, table: &str) -> String {
        format!(
            "arn:aws:dynamodb:{}:{}:table/{table}",
            self.inner.config.region, self.inner.config.account_id
        )
    }
}

pub(crate) fn storage_error(e: StorageError) -> Error {
    Error::InternalServerError(format!("Internal server error: {e}"))
}

#[async_trait]
impl DynamoDb for Engine {
    async fn create_table(&self, input: CreateTableInput) -> Result<CreateTableOutput> {
        self.create_table_now(input)
    }

    async fn describe_table(&self, input: DescribeTableInput) -> Result<DescribeTableOutput> {
        self.describe_table_now(input)
    }

    async fn list_tables(&self, input: ListTablesInput) -> Result<ListTablesOutput> {
        self.list_tables_now(input)
    }

    async fn update_table(&self, input: UpdateTableInput) -> Result<UpdateTableOutput> {
        self.update_table_now(input)
    }

    async fn delete_table(&self, input: DeleteTableInput) -> Result<DeleteTableOutput> {
        self.delete_table_now(input)
    }

    async fn put_item(&self, input: PutItemInput) -> Result<PutItemOutput> {
        self.put_item_now(input)
    }

    async fn get_item(&self, input: GetItemInput) -> Result<GetItemOutput> {
        self.get_item_now(input)
    }

    async fn update_item(&self, input: UpdateItemInput) -> Result<UpdateItemOutput> {
        self.update_item_now(input)
    }

    async fn delete_item(&self, input: DeleteItemInput) -> Result<DeleteItemOutput> {
        self.delete_item_now(input)
    }

    async fn query(&self, _input: QueryInput) -> Result<QueryOutput> {
        Err(not_served("Query"))
    }

    async fn scan(&self, _input: ScanInput) -> Result<ScanOutput> {
        Err(not_served("Scan"))
    }

    async fn batch_get_item(&self, input: BatchGetItemInput) -> Result<BatchGetItemOutput> {
        self.batch_get_now(input)
    }

    async fn batch_write_item(&self, input: BatchWriteItemInput) -> Result<BatchWriteItemOutput> {
        self.batch_write_now(input)
    }

    async fn transact_get_items(
        &self,
        _input: TransactGetItemsInput,
    ) -> Result<TransactGetItemsOutput> {
        Err(not_served("TransactGetItems"))
    }

    async fn transact_write_items(
        &self,
        _input: TransactWriteItemsInput,
    ) -> Result<TransactWriteItemsOutput> {
        Err(not_served("TransactWriteItems"))
    }

    async fn update_time_to_live(
        &self,
        input: UpdateTimeToLiveInput,
    ) -> Result<UpdateTimeToLiveOutput> {
        self.update_ttl_now(input)
    }

    async fn describe_time_to_live(
        &self,
        input: DescribeTimeToLiveInput,
    ) -> Result<DescribeTimeToLiveOutput> {
        self.describe_ttl_now(input)
    }

    async fn tag_resource(&self, input: TagResourceInput) -> Result<TagResourceOutput> {
        self.tag_resource_now(input)
    }

    async fn untag_resource(&self, input: UntagResourceInput) -> Result<UntagResourceOutput> {
        self.untag_resource_now(input)
    }

    async fn list_tags_of_resource(
        &self,
        input: ListTagsOfResourceInput,
    ) -> Result<ListTagsOfResourceOutput> {
        self.list_tags_now(input)
    }

    async fn describe_limits(&self, _input: DescribeLimitsInput) -> Result<DescribeLimitsOutput> {
        self.describe_limits_now()
    }

    async fn describe_endpoints(
        &self,
        _input: DescribeEndpointsInput,
    ) -> Result<DescribeEndpointsOutput> {
        self.describe_endpoints_now()
    }
}

/// The answer for an operation this engine does not serve yet: the exception a DynamoDB endpoint
/// gives for an operation it does not know.
fn not_served(operation: &str) -> Error {
    Error::UnknownOperation(format!("ddbmock does not serve {operation} yet"))
}
