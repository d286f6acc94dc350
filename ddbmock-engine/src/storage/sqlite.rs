//! The SQLite store: items on disk in one file, crash-safe, with concurrent readers.
//!
//! The file holds three tables: `spaces` (the keyspaces that exist), `items` (every keyspace's entries
//! under a `(space, key)` primary key) and `meta` (the metadata blobs). Items are stored in the compact
//! binary form of [`super::codec`]. The file is marked as ddbmock's by `PRAGMA application_id` and carries
//! its format version in `PRAGMA user_version`; both are checked before anything is written, so another
//! application's file is never touched.
//!
//! Why one `items` table rather than one table per keyspace: creating or dropping a table is a schema
//! change, which makes every connection re-prepare every statement, and per-table SQL would defeat the
//! statement cache once a process has more tables and indexes than cache slots. A `(space, key)`
//! primary key costs one integer comparison per B-tree step, and dropping a keyspace becomes a range
//! delete.

use std::ops::Bound;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use parking_lot::Mutex;
use rusqlite::{Connection, ErrorCode, OpenFlags, OptionalExtension, TransactionBehavior, params};
use tempfile::TempDir;

use super::codec;
use super::{ScanVisitor, SpaceId, Storage, StorageError, Write, WriteBatch};
use checkpoint::Checkpointer;
use ddbmock_core::model::Item;

mod checkpoint;

/// `PRAGMA application_id` of a ddbmock database: "ddbm" in ASCII.
const APPLICATION_ID: i32 = 0x6464_626d;

/// The file format version this build reads and writes (`PRAGMA user_version`).
const FORMAT_VERSION: i32 = 1;

const SCHEMA: &str = "
    CREATE TABLE spaces (id INTEGER PRIMARY KEY);
    CREATE TABLE items (
        space INTEGER NOT NULL,
        key BLOB NOT NULL,
        item BLOB NOT NULL,
        PRIMARY KEY (space, key)
    ) WITHOUT ROWID;
    CREATE TABLE meta (name TEXT PRIMARY KEY NOT NULL, value BLOB NOT NULL) WITHOUT ROWID;
";

/// How long a connection waits for a lock before failing. A store's writes are serialized by its mutex,
/// WAL readers never wait, and no other process can open the file (see [`connect`]), so only two stores
/// opened on one file in one process can make a connection wait at all.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// The log size (pages of 4 KiB) at which the writer checkpoints itself: 64 MiB, as the log's
/// size limit, where the checkpoint thread normally keeps it under 10.
const WRITER_AUTOCHECKPOINT_PAGES: i64 = 16_000;

/// How long opening a file waits for another process to release it.
const OPEN_BUSY_TIMEOUT: Duration = Duration::from_secs(1);

/// Idle read connections kept for reuse; more may be open while that many readers run at once.
const MAX_IDLE_READERS: usize = 8;

/// Prepared statements kept per connection: the scan has 18 shapes (bounds × direction), plus the rest.
const STATEMENT_CACHE: usize = 64;

/// What a committed write survives.
///
/// Both settings use SQLite's write-ahead log, so a crash at any moment leaves each batch wholly applied
/// or not at all, and the file always opens cleanly.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Durability {
    /// `synchronous = NORMAL`: a committed write survives the process being killed at any moment, but the
    /// last commits may be lost if the operating system crashes or the power fails (the log is synced
    /// only at checkpoints). About a tenth of a millisecond a commit. The default: a test database needs
    /// to survive a crashing test or server, not a power cut.
    #[default]
    Normal,
    /// `synchronous = FULL`: the log is synced on every commit, so a committed write also survives an
    /// operating system crash or power loss, at about ten times the commit cost.
    Full,
}

impl Durability {
    fn pragma(self) -> &'static str {
        match self {
            Durability::Normal => "NORMAL",
            Durability::Full => "FULL",
        }
    }
}

/// Settings of a [`SqliteStorage`].
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct SqliteOptions {
    /// What a committed write survives.
    pub durability: Durability,
    /// The page cache of each connection, in KiB. Items live on disk; this, times the connections open
    /// at once (one writer and the concurrent readers), bounds the memory the store holds.
    pub cache_size_kib: u32,
    /// Commits between two checkpoints of the log into the database file, which run on a thread of
    /// the store's own (see the `checkpoint` module).
    pub commits_per_checkpoint: u64,
}

impl Default for SqliteOptions {
    fn default() -> Self {
        Self {
            durability: Durability::default(),
            cache_size_kib: 4096,
            commits_per_checkpoint: checkpoint::COMMITS_PER_CHECKPOINT,
        }
    }
}

impl SqliteOptions {
    /// These options with `durability`.
    #[must_use]
    pub fn durability(mut self, durability: Durability) -> Self {
        self.durability = durability;
        self
    }

    /// These options with a page cache of `kib` KiB per connection.
    #[must_use]
    pub fn cache_size_kib(mut self, kib: u32) -> Self {
        self.cache_size_kib = kib;
        self
    }

    /// These options with a checkpoint every `commits` commits (at least one).
    #[must_use]
    pub fn commits_per_checkpoint(mut self, commits: u64) -> Self {
        self.commits_per_checkpoint = commits.max(1);
        self
    }
}

/// A [`Storage`] in an SQLite database file.
///
/// Locking: one writer connection behind a mutex, so writes are serialized in the process and each
/// batch is one `BEGIN IMMEDIATE … COMMIT` transaction; read connections come from a pool and read
/// without any lock of ours, since in WAL mode a reader sees the last commit before it began and never
/// waits for the writer. The pool's mutex is held only to take or return a connection.
pub struct SqliteStorage {
    /// Locked only by a writer that holds `writer`, after its commit.
    checkpointer: Mutex<Checkpointer>,
    writer: Mutex<Connection>,
    readers: Mutex<Vec<Connection>>,
    path: PathBuf,
    options: SqliteOptions,
    /// The directory of a temporary database. Declared last so that it is removed after the
    /// connections above are closed.
    temp: Option<TempDir>,
}

impl std::fmt::Debug for SqliteStorage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteStorage")
            .field("path", &self.path)
            .field("options", &self.options)
            .field("temporary", &self.temp.is_some())
            .finish_non_exhaustive()
    }
}

impl From<rusqlite::Error> for StorageError {
    fn from(e: rusqlite::Error) -> Self {
        StorageError::Backend(format!("sqlite: {e}"))
    }
}

impl From<codec::DecodeError> for StorageError {
    fn from(e: codec::DecodeError) -> Self {
        StorageError::Backend(e.to_string())
    }
}

impl SqliteStorage {
    /// Opens the ddbmock database at `path`, creating it if the file does not exist or is empty, with
    /// the default [`SqliteOptions`].
    ///
    /// A file that is not a ddbmock database, or is one of another format version, is an error and is
    /// left untouched.
    pub fn open(path: impl AsRef<Path>) -> Result<Self, StorageError> {
        Self::open_with(path, SqliteOptions::default())
    }

    /// Opens the ddbmock database at `path` with `options`; see [`SqliteStorage::open`].
    pub fn open_with(path: impl AsRef<Path>, options: SqliteOptions) -> Result<Self, StorageError> {
        Self::open_inner(path.as_ref().to_path_buf(), options, None)
    }

    /// A new, empty database in a temporary directory, deleted when the store is dropped.
    pub fn temp() -> Result<Self, StorageError> {
        Self::temp_with(SqliteOptions::default())
    }

    /// A new, empty temporary database with `options`; see [`SqliteStorage::temp`].
    pub fn temp_with(options: SqliteOptions) -> Result<Self, StorageError> {
        let dir = temp_dir()?;
        Self::open_inner(dir.path().join("ddbmock.sqlite"), options, Some(dir))
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn open_inner(
        path: PathBuf,
        options: SqliteOptions,
        temp: Option<TempDir>,
    ) -> Result<Self, StorageError> {
        let mut writer =
            connect(&path, OpenFlags::SQLITE_OPEN_CREATE).map_err(|e| not_a_database(&path, e))?;
        // Another process holding the file is reported quickly rather than after the full timeout.
        writer.busy_timeout(OPEN_BUSY_TIMEOUT)?;
        check_or_create(&mut writer, &path)?;
        writer.busy_timeout(BUSY_TIMEOUT)?;
        // Only now that the file is known to be ours may anything be written to it.
        let mode: String =
            writer.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StorageError::Backend(format!(
                "sqlite: cannot use write-ahead logging on {} (journal mode {mode})",
                path.display()
            )));
        }
        writer.pragma_update(None, "synchronous", options.durability.pragma())?;
        // A checkpoint resets the log; this caps the file it leaves behind.
        writer.pragma_update(None, "journal_size_limit", 64 * 1024 * 1024)?;
        // Checkpoints run on the store's own thread (see `checkpoint`); the writer's automatic one
        // is the backstop for a log that thread has let grow to the size limit above.
        writer.pragma_update(None, "wal_autocheckpoint", WRITER_AUTOCHECKPOINT_PAGES)?;
        tune(&writer, &options)?;
        Ok(Self {
            checkpointer: Mutex::new(Checkpointer::new(
                path.clone(),
                options.commits_per_checkpoint,
            )),
            writer: Mutex::new(writer),
            readers: Mutex::new(Vec::new()),
            path,
            options,
            temp,
        })
    }

    fn reader(&self) -> Result<Reader<'_>, StorageError> {
        let pooled = self.readers.lock().pop();
        let conn = match pooled {
            Some(conn) => conn,
            None => {
                let conn = connect(&self.path, OpenFlags::empty())?;
                conn.busy_timeout(BUSY_TIMEOUT)?;
                conn.pragma_update(None, "query_only", true)?;
                tune(&conn, &self.options)?;
                conn
            }
        };
        Ok(Reader {
            store: self,
            conn: Some(conn),
        })
    }
}

/// Opens a connection on SQLite's `unix-excl` VFS.
///
/// Why `unix-excl`: it takes one exclusive lock on the file for the whole process and keeps the WAL
/// index in the process's heap, so the connections of this process coordinate through SQLite's
/// in-process lock table instead of a `fcntl` system call for every lock of every transaction (several
/// per read, more per commit) — a large share of the cost of a small read or write. The price is that
/// no other process can use the file while a store has it open, and that is what ddbmock needs anyway:
/// the engine's catalog and item locks live in its process, so a second process writing the same file
/// would break conditional writes and transactions.
pub(crate) fn connect(path: &Path, extra: OpenFlags) -> rusqlite::Result<Connection> {
    Connection::open_with_flags_and_vfs(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX | extra,
        c"unix-excl",
    )
}

/// Settings every connection gets.
fn tune(conn: &Connection, options: &SqliteOptions) -> Result<(), StorageError> {
    // A negative cache_size is in KiB rather than pages.
    conn.pragma_update(None, "cache_size", -i64::from(options.cache_size_kib))?;
    // Memory-mapped I/O stays off (SQLite's default): mapped pages count as the process's resident
    // memory, which would then grow with the file.
    conn.pragma_update(None, "mmap_size", 0)?;
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    Ok(())
}

fn temp_dir() -> Result<TempDir, StorageError> {
    tempfile::Builder::new()
        .prefix("ddbmock-")
        .tempdir()
        .map_err(|e| StorageError::Backend(format!("cannot create a temporary directory: {e}")))
}

/// The errors of opening a file: `NotADatabase` becomes [`StorageError::NotADdbmockDatabase`], `Busy`
/// (another process holds the file's lock) [`StorageError::InUse`]; others stay backend errors.
fn not_a_database(path: &Path, e: rusqlite::Error) -> StorageError {
    match e.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => StorageError::NotADdbmockDatabase {
            path: path.to_path_buf(),
            reason: "not an SQLite file".to_owned(),
        },
        Some(ErrorCode::DatabaseBusy) => StorageError::InUse {
            path: path.to_path_buf(),
        },
        _ => e.into(),
    }
}

/// Accepts a ddbmock database of this format version, initializes an empty file, and refuses the rest
/// without writing to them.
fn check_or_create(conn: &mut Connection, path: &Path) -> Result<(), StorageError> {
    let header = |conn: &Connection| -> rusqlite::Result<(i32, i32, i64)> {
        let app = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
        let version = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let objects = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
        Ok((app, version, objects))
    };
    let (app, version, objects) = header(&*conn).map_err(|e| not_a_database(path, e))?;
    match (app, objects) {
        (APPLICATION_ID, _) if version == FORMAT_VERSION => Ok(()),
        (APPLICATION_ID, _) => Err(StorageError::IncompatibleVersion {
            path: path.to_path_buf(),
            found: version,
            supported: FORMAT_VERSION,
        }),
        (0, 0) => {
            // Initialize under the write lock, re-checking there: another process may be creating the
            // same file at the same moment.
            let tx = conn
                .transaction_with_behavior(TransactionBehavior::Immediate)
                .map_err(|e| not_a_database(path, e))?;
            match header(&tx)? {
                (0, _, 0) => {
                    tx.execute_batch(SCHEMA)?;
                    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
                    tx.pragma_update(None, "user_version", FORMAT_VERSION)?;
                    tx.commit()?;
                    Ok(())
                }
                _ => {
                    drop(tx);
                    check_or_create(conn, path)
                }
            }
        }
        (0, _) => Err(StorageError::NotADdbmockDatabase {
            path: path.to_path_buf(),
            reason: "an SQLite database of another application".to_owned(),
        }),
        (other, _) => Err(StorageError::NotADdbmockDatabase {
            path: path.to_path_buf(),
            reason: format!("an SQLite database with application id {other:#x}"),
        }),
    }
}

/// A pooled read connection, returned to the pool on drop.
struct Reader<'a> {
    store: &'a SqliteStorage,
    conn: Option<Connection>,
}

impl Reader<'_> {
    fn conn(&mut self) -> Result<&mut Connection, StorageError> {
        self.conn
            .as_mut()
            .ok_or_else(|| StorageError::Backend("sqlite: read connection already released".into()))
    }
}

impl Drop for Reader<'_> {
    fn drop(&mut self) {
        // A connection left inside a transaction (a visitor panicked mid-scan) would pin an old snapshot:
        // close it instead of pooling it.
        if let Some(conn) = self.conn.take()
            && conn.is_autocommit()
        {
            let mut pool = self.store.readers.lock();
            if pool.len() < MAX_IDLE_READERS {
                pool.push(conn);
            }
        }
    }
}

fn space_param(space: SpaceId) -> i64 {
    // Keyspace ids are only compared for equality, so reinterpreting the bits is enough.
    space.cast_signed()
}

/// The scan's SQL, and its parameters after the keyspace (`?1`), in order.
fn scan_sql<'k>(
    start: Bound<&'k [u8]>,
    end: Bound<&'k [u8]>,
    reverse: bool,
) -> (String, Vec<&'k [u8]>) {
    let mut sql = String::from("SELECT key, item FROM items WHERE space = ?1");
    let mut bounds = Vec::with_capacity(2);
    for (bound, inclusive, exclusive) in [(start, ">=", ">"), (end, "<=", "<")] {
        let (op, value) = match bound {
            Bound::Included(v) => (inclusive, v),
            Bound::Excluded(v) => (exclusive, v),
            Bound::Unbounded => continue,
        };
        bounds.push(value);
        sql.push_str(&format!(" AND key {op} ?{}", bounds.len() + 1));
    }
    sql.push_str(if reverse {
        " ORDER BY key DESC"
    } else {
        " ORDER BY key"
    });
    (sql, bounds)
}

/// The entry at `key` in `space`, read on `conn`.
fn get_on(
    conn: &Connection,
    space: SpaceId,
    key: &[u8],
) -> Result<Option<Arc<Item>>, StorageError> {
    // One statement, so the item and the keyspace's existence come from one snapshot.
    let mut stmt = conn.prepare_cached(
        "SELECT (SELECT item FROM items WHERE space = ?1 AND key = ?2), \
                EXISTS (SELECT 1 FROM spaces WHERE id = ?1)",
    )?;
    let mut rows = stmt.query(params![space_param(space), key])?;
    let row = rows
        .next()?
        .ok_or_else(|| StorageError::Backend("sqlite: lookup returned no row".into()))?;
    if !row.get::<_, bool>(1)? {
        return Err(StorageError::NoSuchSpace(space));
    }
    match row
        .get_ref(0)?
        .as_blob_or_null()
        .map_err(rusqlite::Error::from)?
    {
        Some(blob) => Ok(Some(Arc::new(codec::decode(blob)?))),
        None => Ok(None),
    }
}

/// Fails with [`StorageError::NoSuchSpace`] unless `space` exists; `known` remembers the keyspaces
/// already checked in this batch.
fn ensure_space(
    tx: &rusqlite::Transaction<'_>,
    known: &mut Vec<SpaceId>,
    space: SpaceId,
) -> Result<(), StorageError> {
    if known.contains(&space) {
        return Ok(());
    }
    let exists = tx
        .prepare_cached("SELECT 1 FROM spaces WHERE id = ?1")?
        .query_row([space_param(space)], |_| Ok(()))
        .optional()?
        .is_some();
    if exists {
        known.push(space);
        Ok(())
    } else {
        Err(StorageError::NoSuchSpace(space))
    }
}

impl Storage for SqliteStorage {
    fn get(&self, space: SpaceId, key: &[u8]) -> Result<Option<Arc<Item>>, StorageError> {
        // Why the writer's connection when it is free: a commit empties the page cache of every
        // *other* connection (SQLite resets a reader's cache whenever the log has changed), so after a
        // write only the writer's cache is still warm. The engine reads each item before writing it,
        // so this keeps read-modify-write on cached pages. A point read holds the writer for
        // microseconds; scans never take it.
        if let Some(writer) = self.writer.try_lock() {
            return get_on(&writer, space, key);
        }
        let mut reader = self.reader()?;
        get_on(reader.conn()?, space, key)
    }

    fn scan(
        &self,
        space: SpaceId,
        start: Bound<&[u8]>,
        end: Bound<&[u8]>,
        reverse: bool,
        visit: &mut ScanVisitor<'_>,
    ) -> Result<(), StorageError> {
        let mut reader = self.reader()?;
        let conn = reader.conn()?;
        // A read transaction, so the existence check and the entries come from one snapshot.
        let tx = conn.transaction()?;
        let exists = tx
            .prepare_cached("SELECT 1 FROM spaces WHERE id = ?1")?
            .query_row([space_param(space)], |_| Ok(()))
            .optional()?
            .is_some();
        if !exists {
            return Err(StorageError::NoSuchSpace(space));
        }
        {
            let (sql, bounds) = scan_sql(start, end, reverse);
            let mut stmt = tx.prepare_cached(&sql)?;
            stmt.raw_bind_parameter(1, space_param(space))?;
            for (i, bound) in bounds.into_iter().enumerate() {
                stmt.raw_bind_parameter(i + 2, bound)?;
            }
            let mut rows = stmt.raw_query();
            while let Some(row) = rows.next()? {
                let key = row.get_ref(0)?.as_blob().map_err(rusqlite::Error::from)?;
                let blob = row.get_ref(1)?.as_blob().map_err(rusqlite::Error::from)?;
                let item = Arc::new(codec::decode(blob)?);
                if visit(key, &item).is_break() {
                    break;
                }
            }
        }
        tx.commit()?;
        Ok(())
    }

    fn write(&self, batch: WriteBatch) -> Result<(), StorageError> {
        // Encode before taking the writer, so the lock covers only SQLite's work.
        let blobs: Vec<Option<Vec<u8>>> = batch
            .iter()
            .map(|w| match w {
                Write::Put { item, .. } => {
                    let mut blob = Vec::with_capacity(256);
                    codec::encode(item, &mut blob);
                    Some(blob)
                }
                _ => None,
            })
            .collect();
        let mut conn = self.writer.lock();
        // IMMEDIATE takes the write lock up front, so another process's writer makes this wait (up to
        // the busy timeout) at BEGIN rather than fail at the first write. Dropping the transaction on
        // any error rolls the whole batch back.
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Keyspaces created anywhere in the batch exist for all of its writes, as in the memory store.
        for w in &batch {
            if let Write::CreateSpace(id) = w {
                tx.prepare_cached("INSERT OR IGNORE INTO spaces (id) VALUES (?1)")?
                    .execute([space_param(*id)])?;
            }
        }
        let mut known: Vec<SpaceId> = Vec::new();
        for (w, blob) in batch.iter().zip(&blobs) {
            match (w, blob) {
                (Write::Put { space, key, .. }, Some(blob)) => {
                    ensure_space(&tx, &mut known, *space)?;
                    tx.prepare_cached(
                        "INSERT OR REPLACE INTO items (space, key, item) VALUES (?1, ?2, ?3)",
                    )?
                    .execute(params![space_param(*space), key, blob])?;
                }
                (Write::Delete { space, key }, _) => {
                    ensure_space(&tx, &mut known, *space)?;
                    tx.prepare_cached("DELETE FROM items WHERE space = ?1 AND key = ?2")?
                        .execute(params![space_param(*space), key])?;
                }
                (Write::DropSpace(id), _) => {
                    tx.prepare_cached("DELETE FROM items WHERE space = ?1")?
                        .execute([space_param(*id)])?;
                    tx.prepare_cached("DELETE FROM spaces WHERE id = ?1")?
                        .execute([space_param(*id)])?;
                    known.retain(|s| s != id);
                }
                (Write::Meta { name, value }, _) => match value {
                    Some(v) => {
                        tx.prepare_cached(
                            "INSERT OR REPLACE INTO meta (name, value) VALUES (?1, ?2)",
                        )?
                        .execute(params![name, v])?;
                    }
                    None => {
                        tx.prepare_cached("DELETE FROM meta WHERE name = ?1")?
                            .execute([name])?;
                    }
                },
                (Write::CreateSpace(_) | Write::Put { .. }, _) => {}
            }
        }
        tx.commit()?;
        self.checkpointer.lock().committed();
        Ok(())
    }

    fn metadata(&self) -> Result<Vec<(String, Vec<u8>)>, StorageError> {
        let mut reader = self.reader()?;
        let conn = reader.conn()?;
        let mut stmt = conn.prepare_cached("SELECT name, value FROM meta ORDER BY name")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    fn fork(&self) -> Result<Arc<dyn Storage>, StorageError> {
        let dir = temp_dir()?;
        let path = dir.path().join("ddbmock.sqlite");
        // VACUUM INTO copies one read snapshot, so writes during the copy are wholly in it or not at
        // all; it keeps the application id and format version, and never blocks the writer. It needs a
        // connection of its own: the pooled readers are `query_only`, which refuses it.
        let conn = connect(&self.path, OpenFlags::empty())?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        conn.execute("VACUUM INTO ?1", [path.to_string_lossy()])?;
        drop(conn);
        Ok(Arc::new(Self::open_inner(
            path,
            self.options.clone(),
            Some(dir),
        )?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ddbmock_core::model::AttributeValue;
    use std::ops::ControlFlow;

    fn item(n: u64) -> Arc<Item> {
        Arc::new(Item::from([(
            "n".to_owned(),
            AttributeValue::N(n.to_string()),
        )]))
    }

    fn put(space: SpaceId, n: u64) -> Write {
        Write::Put {
            space,
            key: n.to_be_bytes().to_vec(),
            item: item(n),
        }
    }

    fn count(store: &dyn Storage, space: SpaceId) -> usize {
        let mut n = 0;
        store
            .scan(
                space,
                Bound::Unbounded,
                Bound::Unbounded,
                false,
                &mut |_, _| {
                    n += 1;
                    ControlFlow::Continue(())
                },
            )
            .unwrap();
        n
    }

    #[test]
    fn sqlite_store_passes_the_storage_suite() {
        super::super::suite::run(&SqliteStorage::temp().unwrap());
    }

    #[test]
    fn full_durability_passes_the_storage_suite() {
        let store = SqliteStorage::temp_with(SqliteOptions::default().durability(Durability::Full))
            .unwrap();
        super::super::suite::run(&store);
    }

    #[test]
    fn the_checkpoint_thread_copies_the_log_into_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db.sqlite");
        let store =
            SqliteStorage::open_with(&path, SqliteOptions::default().commits_per_checkpoint(10))
                .unwrap();
        store.write(vec![Write::CreateSpace(1)]).unwrap();
        let empty = std::fs::metadata(&path).unwrap().len();
        // 200 commits are a few hundred log pages, far below the writer's own checkpoint: only the
        // thread copies them into the database file.
        for n in 0..200 {
            store.write(vec![put(1, n)]).unwrap();
        }
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while std::fs::metadata(&path).unwrap().len() == empty {
            assert!(
                std::time::Instant::now() < deadline,
                "no checkpoint copied the log into the file"
            );
            std::thread::sleep(Duration::from_millis(5));
        }
        drop(store);
        assert_eq!(count(&SqliteStorage::open(&path).unwrap(), 1), 200);
    }

    #[test]
    fn a_reopened_file_keeps_items_spaces_and_metadata() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db.sqlite");
        {
            let store = SqliteStorage::open(&path).unwrap();
            store
                .write(vec![
                    Write::CreateSpace(7),
                    Write::CreateSpace(8),
                    put(7, 1),
                    put(7, 2),
                    Write::Meta {
                        name: "table/t".into(),
                        value: Some(b"desc".to_vec()),
                    },
                ])
                .unwrap();
        }
        let store = SqliteStorage::open(&path).unwrap();
        assert_eq!(store.get(7, &1u64.to_be_bytes()).unwrap(), Some(item(1)));
        assert_eq!(count(&store, 7), 2);
        assert_eq!(count(&store, 8), 0);
        assert_eq!(
            store.metadata().unwrap(),
            [("table/t".to_owned(), b"desc".to_vec())]
        );
    }

    #[test]
    fn a_temporary_database_is_deleted_on_drop() {
        let store = SqliteStorage::temp().unwrap();
        let dir = store.path().parent().unwrap().to_path_buf();
        store.write(vec![Write::CreateSpace(1), put(1, 1)]).unwrap();
        assert!(dir.exists());
        drop(store);
        assert!(!dir.exists());
    }

    #[test]
    fn a_batch_naming_a_missing_space_changes_nothing() {
        let store = SqliteStorage::temp().unwrap();
        store.write(vec![Write::CreateSpace(1)]).unwrap();
        let err = store.write(vec![put(1, 1), put(2, 2)]).unwrap_err();
        assert!(matches!(err, StorageError::NoSuchSpace(2)), "{err}");
        assert_eq!(count(&store, 1), 0);
        assert!(matches!(
            store.scan(2, Bound::Unbounded, Bound::Unbounded, false, &mut |_, _| {
                ControlFlow::Continue(())
            }),
            Err(StorageError::NoSuchSpace(2))
        ));
    }

    #[test]
    fn scans_respect_every_bound_in_both_directions() {
        let store = SqliteStorage::temp().unwrap();
        let mut batch = vec![Write::CreateSpace(1)];
        batch.extend((0..10).map(|n| put(1, n)));
        store.write(batch).unwrap();
        let key = |n: u64| n.to_be_bytes();
        let (k2, k5) = (key(2), key(5));
        type Case<'a> = (Bound<&'a [u8]>, Bound<&'a [u8]>, Vec<u64>);
        let cases: [Case<'_>; 5] = [
            (Bound::Included(&k2), Bound::Included(&k5), vec![2, 3, 4, 5]),
            (Bound::Excluded(&k2), Bound::Excluded(&k5), vec![3, 4]),
            (Bound::Unbounded, Bound::Excluded(&k2), vec![0, 1]),
            (Bound::Excluded(&k5), Bound::Included(&k2), vec![]),
            (Bound::Included(&k5), Bound::Excluded(&k5), vec![]),
        ];
        for (start, end, want) in cases {
            for reverse in [false, true] {
                let mut got = Vec::new();
                store
                    .scan(1, start, end, reverse, &mut |k, _| {
                        got.push(u64::from_be_bytes(k.try_into().unwrap()));
                        ControlFlow::Continue(())
                    })
                    .unwrap();
                let mut want = want.clone();
                if reverse {
                    want.reverse();
                }
                assert_eq!(got, want, "{start:?} {end:?} reverse={reverse}");
            }
        }
    }

    #[test]
    fn concurrent_readers_see_whole_batches_while_a_writer_commits() {
        // Each batch puts two entries with the same number; a reader must never see them differ.
        let store = Arc::new(SqliteStorage::temp().unwrap());
        store.write(vec![Write::CreateSpace(1)]).unwrap();
        let pair = |n: u64| {
            vec![
                Write::Put {
                    space: 1,
                    key: b"a".to_vec(),
                    item: item(n),
                },
                Write::Put {
                    space: 1,
                    key: b"b".to_vec(),
                    item: item(n),
                },
            ]
        };
        store.write(pair(0)).unwrap();
        let done = std::sync::atomic::AtomicBool::new(false);
        std::thread::scope(|s| {
            s.spawn(|| {
                for n in 1..=300 {
                    store.write(pair(n)).unwrap();
                }
                done.store(true, std::sync::atomic::Ordering::Release);
            });
            let readers: Vec<_> = (0..4)
                .map(|_| {
                    s.spawn(|| {
                        let mut last = 0;
                        let mut reads = 0;
                        while !done.load(std::sync::atomic::Ordering::Acquire) || reads < 100 {
                            let mut seen = Vec::new();
                            store
                                .scan(1, Bound::Unbounded, Bound::Unbounded, false, &mut |_, v| {
                                    seen.push(v.clone());
                                    ControlFlow::Continue(())
                                })
                                .unwrap();
                            assert_eq!(seen.len(), 2);
                            assert_eq!(seen[0], seen[1], "a torn batch");
                            let Some(AttributeValue::N(n)) = seen[0].get("n") else {
                                panic!("not an item of this test")
                            };
                            let n: u64 = n.parse().unwrap();
                            assert!(n >= last, "time went backwards");
                            last = n;
                            assert!(store.get(1, b"a").unwrap().is_some());
                            reads += 1;
                        }
                    })
                })
                .collect();
            for r in readers {
                r.join().unwrap();
            }
        });
        assert_eq!(store.get(1, b"b").unwrap(), Some(item(300)));
    }

    #[test]
    fn two_stores_on_one_file_never_report_a_locked_database() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db.sqlite");
        let a = SqliteStorage::open(&path).unwrap();
        let b = SqliteStorage::open(&path).unwrap();
        a.write(vec![Write::CreateSpace(1)]).unwrap();
        std::thread::scope(|s| {
            for (store, base) in [(&a, 0), (&b, 1000)] {
                s.spawn(move || {
                    for n in 0..200 {
                        store.write(vec![put(1, base + n)]).unwrap();
                    }
                });
            }
        });
        assert_eq!(count(&a, 1), 400);
    }

    #[test]
    fn a_fork_is_an_independent_persistent_copy() {
        let store = SqliteStorage::temp().unwrap();
        store
            .write(vec![
                Write::CreateSpace(1),
                put(1, 1),
                Write::Meta {
                    name: "m".into(),
                    value: Some(vec![1]),
                },
            ])
            .unwrap();
        let fork = store.fork().unwrap();
        fork.write(vec![put(1, 2)]).unwrap();
        assert_eq!(count(&store, 1), 1);
        assert_eq!(count(fork.as_ref(), 1), 2);
        assert_eq!(fork.metadata().unwrap(), store.metadata().unwrap());
    }

    fn assert_untouched(path: &Path, bytes: &[u8], err: StorageError, want: &str) {
        assert_eq!(err.to_string(), want);
        assert_eq!(std::fs::read(path).unwrap(), bytes, "the file was changed");
    }

    #[test]
    fn a_file_that_is_not_sqlite_is_refused_and_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("random.bin");
        let bytes: Vec<u8> = (0..8192u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        std::fs::write(&path, &bytes).unwrap();
        let err = SqliteStorage::open(&path).unwrap_err();
        let want = format!(
            "{} is not a ddbmock database (not an SQLite file); it was left untouched",
            path.display()
        );
        assert_untouched(&path, &bytes, err, &want);
    }

    #[test]
    fn another_applications_sqlite_file_is_refused_and_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("other.sqlite");
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch(
                "CREATE TABLE users (id INTEGER PRIMARY KEY); INSERT INTO users VALUES (1);",
            )
            .unwrap();
        }
        let bytes = std::fs::read(&path).unwrap();
        let err = SqliteStorage::open(&path).unwrap_err();
        let want = format!(
            "{} is not a ddbmock database (an SQLite database of another application); it was left untouched",
            path.display()
        );
        assert_untouched(&path, &bytes, err, &want);

        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "application_id", 0x1234).unwrap();
        drop(conn);
        let bytes = std::fs::read(&path).unwrap();
        let err = SqliteStorage::open(&path).unwrap_err();
        let want = format!(
            "{} is not a ddbmock database (an SQLite database with application id 0x1234); it was left untouched",
            path.display()
        );
        assert_untouched(&path, &bytes, err, &want);
    }

    #[test]
    fn a_database_of_another_format_version_is_refused_and_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db.sqlite");
        drop(SqliteStorage::open(&path).unwrap());
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", FORMAT_VERSION + 1)
            .unwrap();
        drop(conn);
        let bytes = std::fs::read(&path).unwrap();
        let err = SqliteStorage::open(&path).unwrap_err();
        let want = format!(
            "{} is a ddbmock database of format version 2, but this build reads only version 1; it was left untouched",
            path.display()
        );
        assert_untouched(&path, &bytes, err, &want);
    }

    /// Set to a path, makes [`hold_a_file_open`] a helper process that holds that database.
    const HOLD_ENV: &str = "DDBMOCK_TEST_HOLD_DATABASE";

    #[test]
    fn another_process_cannot_open_a_file_in_use() {
        use std::io::BufRead;
        // Re-run by itself with HOLD_ENV set, this test is the other process: it holds the file
        // open until its standard input closes.
        if let Some(path) = std::env::var_os(HOLD_ENV) {
            let _store = SqliteStorage::open(path).unwrap();
            println!("holding");
            let _ = std::io::stdin().read_line(&mut String::new());
            return;
        }
        use std::process::{Command, Stdio};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("db.sqlite");
        drop(SqliteStorage::open(&path).unwrap());
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "storage::sqlite::tests::another_process_cannot_open_a_file_in_use",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(HOLD_ENV, &path)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        while !line.contains("holding") {
            line.clear();
            assert_ne!(out.read_line(&mut line).unwrap(), 0, "the helper exited");
        }
        let err = SqliteStorage::open(&path).unwrap_err();
        assert_eq!(
            err.to_string(),
            format!("{} is in use by another process", path.display())
        );
        drop(child.stdin.take());
        assert!(child.wait().unwrap().success());
        SqliteStorage::open(&path).unwrap();
    }

    #[test]
    fn an_empty_file_becomes_a_database() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("empty.sqlite");
        std::fs::write(&path, b"").unwrap();
        let store = SqliteStorage::open(&path).unwrap();
        store.write(vec![Write::CreateSpace(1), put(1, 1)]).unwrap();
        assert_eq!(count(&store, 1), 1);
    }

    #[test]
    fn a_corrupt_item_is_an_error_not_a_panic() {
        let store = SqliteStorage::temp().unwrap();
        store.write(vec![Write::CreateSpace(1)]).unwrap();
        let conn = connect(store.path(), OpenFlags::empty()).unwrap();
        conn.execute(
            "INSERT INTO items (space, key, item) VALUES (1, x'01', x'0105')",
            [],
        )
        .unwrap();
        let err = store.get(1, &[1]).unwrap_err();
        assert_eq!(
            err.to_string(),
            "storage failure: corrupt item encoding: count exceeds the remaining bytes"
        );
    }
}
