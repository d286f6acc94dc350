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
//!
//! This file has the store itself (its connections, and the `Storage` methods); `file` opens and
//! checks the database file, `read` has the read pool and the read SQL, `options` the settings,
//! `checkpoint` the checkpoint thread, `spaces` the writer's memory of which keyspaces exist.

use std::ops::{Bound, ControlFlow};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use parking_lot::Mutex;
use rusqlite::{Connection, OpenFlags, OptionalExtension, params};
use tempfile::TempDir;

use super::codec;
use super::{EncodedVisitor, ScanVisitor, SpaceId, Storage, StorageError, Write, WriteBatch};
use checkpoint::Checkpointer;
use ddbmock_core::model::Item;
use file::{check_or_create, connect, not_a_database, temp_dir, tune};
pub use options::{Durability, SqliteOptions};
use read::{Reader, get_on, scan_sql, space_param, with_blob_on};
use spaces::{BatchSpaces, Spaces};

mod checkpoint;
mod file;
mod options;
mod read;
mod spaces;
#[cfg(test)]
mod tests;

/// How long a connection waits for a lock before failing. A store's writes are serialized by its mutex,
/// WAL readers never wait, and no other process can open the file (see [`connect`]), so only two stores
/// opened on one file in one process can make a connection wait at all.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// The log size (pages of 4 KiB) at which the writer checkpoints itself: 125 MiB. Under a steady
/// stream of writes the checkpoint thread's `PASSIVE` checkpoints never catch up with the writer
/// (see `checkpoint`), so this is where the log starts over, and the commit that crosses it waits
/// for the database file's sync. Why this size: the pages that sync writes are the distinct pages
/// changed since the last one, so a longer cycle writes fewer per commit. Measured with 200,000
/// one-item writes of random keys (`sqlite_put_rate`'s store row), the writer spent 17% of its
/// time blocked on I/O here against 20.5% at 62.5 MiB (16,000 pages); 250 MiB did no better. The
/// price is a log file of that size on disk after a write-heavy run, and as much log to read back
/// when a file is opened after a crash.
const WRITER_AUTOCHECKPOINT_PAGES: i64 = 32_000;

/// The size (bytes) to which a checkpoint that starts the log over truncates it: twice the backstop
/// above.
///
/// Why not the backstop's own size: the backstop checkpoint does nothing while the checkpoint thread
/// is copying, so the log usually ends a little past the backstop; truncating it back then cost the
/// writer a synchronous `ftruncate` (on ext4 mounted with `discard`, a discard of the freed blocks,
/// tens of milliseconds) about every other time. A log file kept at its size is instead overwritten
/// in place from its start, in pages the OS already caches.
const JOURNAL_SIZE_LIMIT: i64 = 2 * WRITER_AUTOCHECKPOINT_PAGES * 4096;

/// How long opening a file waits for another process to release it.
const OPEN_BUSY_TIMEOUT: Duration = Duration::from_secs(1);

/// Idle read connections kept for reuse; more may be open while that many readers run at once.
const MAX_IDLE_READERS: usize = 8;

/// Prepared statements kept per connection: the scan has 18 shapes (bounds × direction), plus the rest.
const STATEMENT_CACHE: usize = 64;

/// A [`Storage`] in an SQLite database file.
///
/// Locking: one writer connection behind a mutex, so writes are serialized in the process and each
/// batch is one `BEGIN IMMEDIATE … COMMIT` transaction; read connections come from a pool and read
/// without any lock of ours, since in WAL mode a reader sees the last commit before it began and never
/// waits for the writer. The pool's mutex is held only to take or return a connection.
///
/// # Why commits run on the caller's thread
///
/// The engine's async methods call this store synchronously, so with a tokio server a commit runs on
/// the runtime's worker thread. That is deliberate. Measured with the `sqlite_commit_latency` example
/// (release build, 2 cores shared with other builds, so ranges over three rounds): a one-item commit
/// at the default [`Durability::Normal`] takes 16–34 µs and a point read 2–4 µs, while a
/// `tokio::task::spawn_blocking` round trip alone takes 13–70 µs; a whole PutItem on SQLite takes
/// 27–48 µs inline. Handing the work to the blocking pool would about double the latency of every
/// write and multiply that of every read, to spare a worker a block no longer than an ordinary
/// request's CPU time. It would also change the engine's structure: a write holds its item's lock
/// across its commit, and the engine's operations are synchronous functions that the async methods
/// only wrap. `block_in_place` is no way out either: it panics on the current-thread runtime that
/// `#[tokio::test]` uses.
///
/// The exception is [`Durability::Full`], whose commit waits for an `fsync`: 0.5–3 ms on the same
/// machine. A server configured for it spends that long of a worker per write; that durability is for
/// data that must survive a power cut, not for the tests' throughput.
pub struct SqliteStorage {
    /// Locked only by a writer that holds `writer`, after its commit.
    checkpointer: Mutex<Checkpointer>,
    writer: Mutex<Writer>,
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
        writer.pragma_update(
            None,
            "synchronous",
            options.durability.pragma(temp.is_some()),
        )?;
        // A checkpoint resets the log; this caps the file it leaves behind. Above the backstop's
        // size (see `JOURNAL_SIZE_LIMIT`), so that the log is truncated only after it overran that.
        writer.pragma_update(None, "journal_size_limit", JOURNAL_SIZE_LIMIT)?;
        // Checkpoints run on the store's own thread (see `checkpoint`); the writer's automatic one
        // is the backstop for a log that thread has let grow to the size limit above.
        writer.pragma_update(None, "wal_autocheckpoint", WRITER_AUTOCHECKPOINT_PAGES)?;
        tune(&writer, &options)?;
        Ok(Self {
            checkpointer: Mutex::new(Checkpointer::new(
                path.clone(),
                options.commits_per_checkpoint,
            )),
            writer: Mutex::new(Writer {
                conn: writer,
                spaces: Spaces::default(),
            }),
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

/// The writer's connection, and what it knows of the file.
struct Writer {
    conn: Connection,
    spaces: Spaces,
}

/// The writer's transaction: `BEGIN IMMEDIATE` … `COMMIT` through cached statements, rolled back on
/// drop unless committed.
///
/// Why not rusqlite's `Transaction`: it runs `BEGIN` and `COMMIT` through `execute_batch`, which
/// parses the SQL anew on every write — measured at about 5% of a one-item PutItem's CPU time.
struct WriteTx<'c> {
    conn: &'c Connection,
    done: bool,
}

impl<'c> WriteTx<'c> {
    fn begin(conn: &'c Connection) -> Result<Self, StorageError> {
        conn.prepare_cached("BEGIN IMMEDIATE")?.execute([])?;
        Ok(Self { conn, done: false })
    }

    fn commit(mut self) -> Result<(), StorageError> {
        self.conn.prepare_cached("COMMIT")?.execute([])?;
        self.done = true;
        Ok(())
    }
}

impl std::ops::Deref for WriteTx<'_> {
    type Target = Connection;

    fn deref(&self) -> &Connection {
        self.conn
    }
}

impl Drop for WriteTx<'_> {
    fn drop(&mut self) {
        // A failed COMMIT (or a failure before it) leaves the transaction open: end it, so that the
        // batch leaves nothing behind. SQLite may already have rolled back on its own (autocommit).
        if !self.done && !self.conn.is_autocommit() {
            let _ = self.conn.execute_batch("ROLLBACK");
        }
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
            return get_on(&writer.conn, space, key);
        }
        let mut reader = self.reader()?;
        get_on(reader.conn()?, space, key)
    }

    fn get_encoded(
        &self,
        space: SpaceId,
        key: &[u8],
        visit: &mut dyn FnMut(&[u8]),
    ) -> Result<bool, StorageError> {
        // The writer when it is free, as `get` explains.
        if let Some(writer) = self.writer.try_lock() {
            return with_blob_on(&writer.conn, space, key, visit);
        }
        let mut reader = self.reader()?;
        with_blob_on(reader.conn()?, space, key, visit)
    }

    fn scan(
        &self,
        space: SpaceId,
        start: Bound<&[u8]>,
        end: Bound<&[u8]>,
        reverse: bool,
        visit: &mut ScanVisitor<'_>,
    ) -> Result<(), StorageError> {
        let mut failure = None;
        self.scan_encoded(
            space,
            start,
            end,
            reverse,
            &mut |key, blob| match codec::decode(blob) {
                Ok(item) => visit(key, &Arc::new(item)),
                Err(e) => {
                    failure = Some(e);
                    ControlFlow::Break(())
                }
            },
        )?;
        match failure {
            Some(e) => Err(e.into()),
            None => Ok(()),
        }
    }

    fn scan_encoded(
        &self,
        space: SpaceId,
        start: Bound<&[u8]>,
        end: Bound<&[u8]>,
        reverse: bool,
        visit: &mut EncodedVisitor<'_>,
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
                if visit(key, blob).is_break() {
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
        let mut writer = self.writer.lock();
        let Writer { conn, spaces } = &mut *writer;
        let done = commit(conn, spaces, &batch, &blobs);
        if done.is_err() {
            spaces.forget();
        }
        drop(writer);
        done?;
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

/// Applies `batch` (with the encoded items of its puts, `blobs`) in one transaction on the writer's
/// connection, and brings the writer's memory of the keyspaces up to date.
fn commit(
    conn: &Connection,
    spaces: &mut Spaces,
    batch: &[Write],
    blobs: &[Option<Vec<u8>>],
) -> Result<(), StorageError> {
    // IMMEDIATE takes the write lock up front, so another process's writer makes this wait (up to
    // the busy timeout) at BEGIN rather than fail at the first write. Dropping the transaction on
    // any error rolls the whole batch back.
    let tx = WriteTx::begin(conn)?;
    spaces.validate(&tx)?;
    let mut seen = BatchSpaces::new(spaces);
    // Keyspaces created anywhere in the batch exist for all of its writes, as in the memory store.
    for w in batch {
        if let Write::CreateSpace(id) = w {
            tx.prepare_cached("INSERT OR IGNORE INTO spaces (id) VALUES (?1)")?
                .execute([space_param(*id)])?;
            seen.made(*id);
        }
    }
    for (w, blob) in batch.iter().zip(blobs) {
        match (w, blob) {
            (Write::Put { space, key, .. }, Some(blob)) => {
                seen.ensure(&tx, *space)?;
                tx.prepare_cached(
                    "INSERT OR REPLACE INTO items (space, key, item) VALUES (?1, ?2, ?3)",
                )?
                .execute(params![space_param(*space), key, blob])?;
            }
            (Write::Delete { space, key }, _) => {
                seen.ensure(&tx, *space)?;
                tx.prepare_cached("DELETE FROM items WHERE space = ?1 AND key = ?2")?
                    .execute(params![space_param(*space), key])?;
            }
            (Write::DropSpace(id), _) => {
                tx.prepare_cached("DELETE FROM items WHERE space = ?1")?
                    .execute([space_param(*id)])?;
                tx.prepare_cached("DELETE FROM spaces WHERE id = ?1")?
                    .execute([space_param(*id)])?;
                seen.dropped(*id);
            }
            (Write::CopySpace { from, to }, _) => {
                seen.ensure(&tx, *from)?;
                tx.prepare_cached("INSERT OR IGNORE INTO spaces (id) VALUES (?1)")?
                    .execute([space_param(*to)])?;
                tx.prepare_cached("DELETE FROM items WHERE space = ?1")?
                    .execute([space_param(*to)])?;
                tx.prepare_cached(
                        "INSERT INTO items (space, key, item) SELECT ?2, key, item FROM items WHERE space = ?1",
                    )?
                    .execute(params![space_param(*from), space_param(*to)])?;
                seen.made(*to);
            }
            (Write::Meta { name, value }, _) => match value {
                Some(v) => {
                    tx.prepare_cached("INSERT OR REPLACE INTO meta (name, value) VALUES (?1, ?2)")?
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
    let outcome = seen.outcome();
    tx.commit()?;
    spaces.committed(conn, outcome);
    Ok(())
}
