//! The read side: pooled read connections, and the SQL of point reads and scans.

use std::ops::Bound;
use std::sync::Arc;

use rusqlite::{Connection, params};

use super::{MAX_IDLE_READERS, SqliteStorage};
use crate::storage::{SpaceId, StorageError, codec};
use ddbmock_core::model::Item;

/// A pooled read connection, returned to the pool on drop.
pub(super) struct Reader<'a> {
    pub(super) store: &'a SqliteStorage,
    pub(super) conn: Option<Connection>,
}

impl Reader<'_> {
    pub(super) fn conn(&mut self) -> Result<&mut Connection, StorageError> {
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

pub(super) fn space_param(space: SpaceId) -> i64 {
    // Keyspace ids are only compared for equality, so reinterpreting the bits is enough.
    space.cast_signed()
}

/// The scan's SQL, and its parameters after the keyspace (`?1`), in order.
pub(super) fn scan_sql<'k>(
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
pub(super) fn get_on(
    conn: &Connection,
    space: SpaceId,
    key: &[u8],
) -> Result<Option<Arc<Item>>, StorageError> {
    let mut item = None;
    with_blob_on(conn, space, key, &mut |blob| {
        item = Some(codec::decode(blob).map(Arc::new));
    })?;
    Ok(item.transpose()?)
}

/// Hands the encoding of the entry at `key` in `space`, read on `conn`, to `visit`; whether there
/// was one.
pub(super) fn with_blob_on(
    conn: &Connection,
    space: SpaceId,
    key: &[u8],
    visit: &mut dyn FnMut(&[u8]),
) -> Result<bool, StorageError> {
    // One statement, so the item and the keyspace's existence come from one snapshot. Its first
    // row is the item, if there is one: a stored item proves its keyspace (dropping a keyspace
    // deletes its items in the same transaction), and the keyspace is looked up only when the item
    // is absent, since the compound's second part runs only once its first gave no row. A NULL row
    // then says the keyspace exists, no row that it does not.
    let mut stmt = conn.prepare_cached(
        "SELECT item FROM items WHERE space = ?1 AND key = ?2 \
         UNION ALL SELECT NULL WHERE EXISTS (SELECT 1 FROM spaces WHERE id = ?1)",
    )?;
    let mut rows = stmt.query(params![space_param(space), key])?;
    let Some(row) = rows.next()? else {
        return Err(StorageError::NoSuchSpace(space));
    };
    match row
        .get_ref(0)?
        .as_blob_or_null()
        .map_err(rusqlite::Error::from)?
    {
        Some(blob) => {
            visit(blob);
            Ok(true)
        }
        None => Ok(false),
    }
}
