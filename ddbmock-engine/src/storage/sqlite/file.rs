//! The database file: opening connections on it, checking that it is a ddbmock database of this
//! format version (or creating one in an empty file), and the settings every connection gets.

use std::path::Path;

use rusqlite::{Connection, ErrorCode, OpenFlags, TransactionBehavior};
use tempfile::TempDir;

use super::{STATEMENT_CACHE, SqliteOptions};
use crate::storage::StorageError;

/// `PRAGMA application_id` of a ddbmock database: "ddbm" in ASCII.
pub(super) const APPLICATION_ID: i32 = 0x6464_626d;

/// The file format version this build reads and writes (`PRAGMA user_version`).
pub(super) const FORMAT_VERSION: i32 = 1;

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
pub(super) fn tune(conn: &Connection, options: &SqliteOptions) -> Result<(), StorageError> {
    // A negative cache_size is in KiB rather than pages.
    conn.pragma_update(None, "cache_size", -i64::from(options.cache_size_kib))?;
    // Memory-mapped I/O stays off (SQLite's default): mapped pages count as the process's resident
    // memory, which would then grow with the file.
    conn.pragma_update(None, "mmap_size", 0)?;
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    Ok(())
}

pub(super) fn temp_dir() -> Result<TempDir, StorageError> {
    tempfile::Builder::new()
        .prefix("ddbmock-")
        .tempdir()
        .map_err(|e| StorageError::Backend(format!("cannot create a temporary directory: {e}")))
}

/// The errors of opening a file: `NotADatabase` becomes [`StorageError::NotADdbmockDatabase`], `Busy`
/// (another process holds the file's lock) [`StorageError::InUse`]; others stay backend errors.
pub(super) fn not_a_database(path: &Path, e: rusqlite::Error) -> StorageError {
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
pub(super) fn check_or_create(conn: &mut Connection, path: &Path) -> Result<(), StorageError> {
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
