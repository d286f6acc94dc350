//! The `Storage` trait: an ordered key-value store of items per keyspace, with atomic multi-key writes.
//!
//! Storage is dumb and the engine is smart: every DynamoDB rule lives above this trait, once. A keyspace
//! holds a table's items or one index's entries, under order-preserving keys built by
//! `engine::keys`; the store only compares bytes. Table descriptions are kept as opaque metadata
//! blobs so that a persistent store can give them back on reopen.

pub(crate) mod codec;
mod memory;
mod sqlite;

use std::ops::{Bound, ControlFlow};
use std::path::PathBuf;
use std::sync::Arc;

pub use memory::MemoryStorage;
pub use sqlite::{Durability, SqliteOptions, SqliteStorage};

use ddbmock_core::model::Item;

/// Identifies one keyspace (a table's items, or one of its indexes) for the life of the store.
pub type SpaceId = u64;

/// One change of a [`WriteBatch`].
#[derive(Clone, Debug)]
pub enum Write {
    /// Insert or replace the entry at `key`.
    Put {
        /// The keyspace.
        space: SpaceId,
        /// The entry's order-preserving key.
        key: Vec<u8>,
        /// The item.
        item: Arc<Item>,
    },
    /// Remove the entry at `key`, if any.
    Delete {
        /// The keyspace.
        space: SpaceId,
        /// The entry's order-preserving key.
        key: Vec<u8>,
    },
    /// Create an empty keyspace.
    CreateSpace(SpaceId),
    /// Drop a keyspace and everything in it.
    DropSpace(SpaceId),
    /// Make keyspace `to` (created if missing) a copy of keyspace `from` as the batch sees it, in
    /// place of what `to` held: the snapshot behind backups and point-in-time restores. The memory
    /// store shares `from`'s tree, copy-on-write, so the copy is O(1); SQLite copies the rows
    /// within the database, never through the engine.
    CopySpace {
        /// The keyspace copied.
        from: SpaceId,
        /// The keyspace that becomes the copy.
        to: SpaceId,
    },
    /// Set (`Some`) or remove (`None`) a metadata blob.
    Meta {
        /// The metadata's name.
        name: String,
        /// The blob.
        value: Option<Vec<u8>>,
    },
}

/// A set of writes applied all-or-nothing: readers see none of them or all of them.
pub type WriteBatch = Vec<Write>;

/// Errors of the store itself (I/O, corruption); the engine reports them as `InternalServerError`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StorageError {
    /// The keyspace does not exist.
    #[error("keyspace {0} does not exist")]
    NoSuchSpace(SpaceId),
    /// A backend failure, with its description.
    #[error("storage failure: {0}")]
    Backend(String),
    /// The file is not a ddbmock database (not SQLite at all, or another application's SQLite file).
    /// It was left untouched.
    #[error("{} is not a ddbmock database ({reason}); it was left untouched", path.display())]
    NotADdbmockDatabase {
        /// The file.
        path: PathBuf,
        /// What gave it away.
        reason: String,
    },
    /// Another process has the file open: a ddbmock database belongs to one process at a time.
    #[error("{} is in use by another process", path.display())]
    InUse {
        /// The file.
        path: PathBuf,
    },
    /// The file is a ddbmock database in a format version this build cannot read. It was left untouched.
    #[error(
        "{} is a ddbmock database of format version {found}, but this build reads only version {supported}; it was left untouched",
        path.display()
    )]
    IncompatibleVersion {
        /// The file.
        path: PathBuf,
        /// The version found in the file.
        found: i32,
        /// The version this build reads and writes.
        supported: i32,
    },
    /// A table's catalog entry is of a record version this build cannot read (one written by a
    /// newer build). The store was left untouched.
    #[error(
        "table {table} is stored as catalog record version {found}, but this build reads only versions up to {supported}; the store was left untouched"
    )]
    UnsupportedCatalogVersion {
        /// The table's name.
        table: String,
        /// The version found in its entry.
        found: u64,
        /// The newest version this build reads (and the one it writes).
        supported: u64,
    },
}

/// What a scan callback sees of each entry.
pub type ScanVisitor<'a> = dyn FnMut(&[u8], &Arc<Item>) -> ControlFlow<()> + 'a;

/// What an encoded scan's callback sees of each entry: its key, and its item in ddbmock's stored
/// encoding (written out by the engine without decoding it; see [`Storage::scan_encoded`]).
pub type EncodedVisitor<'a> = dyn FnMut(&[u8], &[u8]) -> ControlFlow<()> + 'a;

/// An ordered key-value store of items, per keyspace, with atomic multi-key writes.
///
/// Implementations must be linearizable per call: a `get` or `scan` sees each [`WriteBatch`] wholly or
/// not at all.
pub trait Storage: Send + Sync + 'static {
    /// The entry at `key`.
    fn get(&self, space: SpaceId, key: &[u8]) -> Result<Option<Arc<Item>>, StorageError>;

    /// Visits entries with keys in `(start, end)` in key order (descending when `reverse`), until the
    /// visitor breaks. The visitor must not call back into the store.
    fn scan(
        &self,
        space: SpaceId,
        start: Bound<&[u8]>,
        end: Bound<&[u8]>,
        reverse: bool,
        visit: &mut ScanVisitor<'_>,
    ) -> Result<(), StorageError>;

    /// The entry at `key`, handed to `visit` in ddbmock's stored encoding; whether there was one.
    ///
    /// The engine answers reads over the wire straight from that encoding. The default encodes
    /// what [`get`](Storage::get) returns; a store that keeps items encoded hands its bytes over.
    fn get_encoded(
        &self,
        space: SpaceId,
        key: &[u8],
        visit: &mut dyn FnMut(&[u8]),
    ) -> Result<bool, StorageError> {
        let Some(item) = self.get(space, key)? else {
            return Ok(false);
        };
        let mut buf = Vec::new();
        codec::encode(&item, &mut buf);
        visit(&buf);
        Ok(true)
    }

    /// [`scan`](Storage::scan), with each item in ddbmock's stored encoding (see
    /// [`get_encoded`](Storage::get_encoded)).
    fn scan_encoded(
        &self,
        space: SpaceId,
        start: Bound<&[u8]>,
        end: Bound<&[u8]>,
        reverse: bool,
        visit: &mut EncodedVisitor<'_>,
    ) -> Result<(), StorageError> {
        let mut buf = Vec::new();
        self.scan(space, start, end, reverse, &mut |key, item| {
            buf.clear();
            codec::encode(item, &mut buf);
            visit(key, &buf)
        })
    }

    /// Applies every write of `batch`, atomically.
    fn write(&self, batch: WriteBatch) -> Result<(), StorageError>;

    /// Every metadata blob, by name.
    fn metadata(&self) -> Result<Vec<(String, Vec<u8>)>, StorageError>;

    /// A copy-on-write snapshot of the whole store, as a new store that evolves independently.
    fn fork(&self) -> Result<Arc<dyn Storage>, StorageError>;
}

#[cfg(test)]
pub(crate) mod suite {
    //! The behaviour every backend must show, run by each backend's tests.

    use super::*;
    use ddbmock_core::model::AttributeValue;

    fn item(n: &str) -> Arc<Item> {
        Arc::new(Item::from([(
            "k".to_owned(),
            AttributeValue::S(n.to_owned()),
        )]))
    }

    fn keys(store: &dyn Storage, reverse: bool, start: Bound<&[u8]>) -> Vec<Vec<u8>> {
        let mut out = Vec::new();
        store
            .scan(1, start, Bound::Unbounded, reverse, &mut |k, _| {
                out.push(k.to_vec());
                ControlFlow::Continue(())
            })
            .unwrap();
        out
    }

    fn keys_of(store: &dyn Storage, space: SpaceId) -> Vec<Vec<u8>> {
        let mut out = Vec::new();
        store
            .scan(
                space,
                Bound::Unbounded,
                Bound::Unbounded,
                false,
                &mut |k, _| {
                    out.push(k.to_vec());
                    ControlFlow::Continue(())
                },
            )
            .unwrap();
        out
    }

    /// `CopySpace` snapshots a keyspace as the batch sees it; the copy and the original then
    /// evolve apart; a copy over an existing keyspace replaces what it held; a missing source
    /// fails the whole batch.
    fn copy_space(store: &dyn Storage) {
        let put = |space, key: &[u8]| Write::Put {
            space,
            key: key.to_vec(),
            item: item("x"),
        };
        store
            .write(vec![
                put(1, b"b"),
                Write::CopySpace { from: 1, to: 2 },
                put(1, b"d"),
            ])
            .unwrap();
        assert_eq!(keys_of(store, 2), [b"a", b"b", b"c"]);
        assert_eq!(keys_of(store, 1), [b"a", b"b", b"c", b"d"]);
        store.write(vec![put(2, b"z")]).unwrap();
        assert_eq!(keys_of(store, 2), [b"a", b"b", b"c", b"z"]);
        assert_eq!(keys_of(store, 1), [b"a", b"b", b"c", b"d"]);
        store
            .write(vec![Write::CreateSpace(3), put(3, b"q")])
            .unwrap();
        store
            .write(vec![Write::CopySpace { from: 2, to: 3 }])
            .unwrap();
        assert_eq!(keys_of(store, 3), [b"a", b"b", b"c", b"z"]);
        assert!(matches!(
            store.write(vec![put(3, b"r"), Write::CopySpace { from: 9, to: 4 }]),
            Err(StorageError::NoSuchSpace(9))
        ));
        assert_eq!(
            keys_of(store, 3),
            [b"a", b"b", b"c", b"z"],
            "nothing of a failed batch"
        );
        store
            .write(vec![
                put(1, b"b"),
                Write::Delete {
                    space: 1,
                    key: b"d".to_vec(),
                },
                Write::DropSpace(2),
                Write::DropSpace(3),
            ])
            .unwrap();
    }

    /// The encoded reads see what `get` and `scan` see.
    fn encoded_reads_match(store: &dyn Storage) {
        let mut got = Vec::new();
        let found = store
            .get_encoded(1, b"a", &mut |b| got.push(codec::decode(b)))
            .unwrap();
        assert!(found);
        assert_eq!(got, [Ok((*item("a")).clone())]);
        assert!(!store.get_encoded(1, b"z", &mut |_| panic!()).unwrap());
        assert!(matches!(
            store.get_encoded(7, b"a", &mut |_| panic!()),
            Err(StorageError::NoSuchSpace(7))
        ));
        for reverse in [false, true] {
            let mut scanned = Vec::new();
            store
                .scan(
                    1,
                    Bound::Excluded(b"a"),
                    Bound::Unbounded,
                    reverse,
                    &mut |k, v| {
                        scanned.push((k.to_vec(), (**v).clone()));
                        ControlFlow::Continue(())
                    },
                )
                .unwrap();
            let mut encoded = Vec::new();
            store
                .scan_encoded(
                    1,
                    Bound::Excluded(b"a"),
                    Bound::Unbounded,
                    reverse,
                    &mut |k, b| {
                        encoded.push((k.to_vec(), codec::decode(b).unwrap()));
                        ControlFlow::Break(())
                    },
                )
                .unwrap();
            assert_eq!(scanned.len(), 2);
            assert_eq!(encoded, scanned[..1], "a break stops the scan");
        }
    }

    pub(crate) fn run(store: &dyn Storage) {
        store
            .write(vec![
                Write::CreateSpace(1),
                Write::Put {
                    space: 1,
                    key: b"b".to_vec(),
                    item: item("b"),
                },
                Write::Put {
                    space: 1,
                    key: b"a".to_vec(),
                    item: item("a"),
                },
                Write::Put {
                    space: 1,
                    key: b"c".to_vec(),
                    item: item("c"),
                },
                Write::Meta {
                    name: "t".into(),
                    value: Some(b"x".to_vec()),
                },
            ])
            .unwrap();
        assert_eq!(store.get(1, b"a").unwrap(), Some(item("a")));
        assert_eq!(store.get(1, b"z").unwrap(), None);
        assert_eq!(keys(store, false, Bound::Unbounded), [b"a", b"b", b"c"]);
        assert_eq!(keys(store, true, Bound::Unbounded), [b"c", b"b", b"a"]);
        assert_eq!(keys(store, false, Bound::Excluded(b"a")), [b"b", b"c"]);
        encoded_reads_match(store);

        let fork = store.fork().unwrap();
        store
            .write(vec![Write::Delete {
                space: 1,
                key: b"b".to_vec(),
            }])
            .unwrap();
        assert_eq!(keys(store, false, Bound::Unbounded), [b"a", b"c"]);
        assert_eq!(
            fork.get(1, b"b").unwrap(),
            Some(item("b")),
            "a fork keeps its snapshot"
        );

        copy_space(store);

        assert_eq!(store.metadata().unwrap(), [("t".to_owned(), b"x".to_vec())]);
        store
            .write(vec![
                Write::DropSpace(1),
                Write::Meta {
                    name: "t".into(),
                    value: None,
                },
            ])
            .unwrap();
        assert!(matches!(
            store.get(1, b"a"),
            Err(StorageError::NoSuchSpace(1))
        ));
        assert!(store.metadata().unwrap().is_empty());
    }
}
