//! The in-memory store: per keyspace, a B-tree of entries that each hold their key and their item's
//! encoding in one allocation (see `memory/entry.rs`), decoded on read.

use std::collections::{BTreeMap, HashMap};
use std::ops::{Bound, ControlFlow};
use std::sync::Arc;

use parking_lot::RwLock;

use super::{EncodedVisitor, ScanVisitor, SpaceId, Storage, StorageError, Write, WriteBatch};
use ddbmock_core::model::Item;
use entry::Entry;
use tree::Tree;

mod entry;
mod tree;

/// Keeps every keyspace in a B-tree of encoded items.
///
/// Locking: the outer lock guards only the set of keyspaces and is held for reads almost always; each
/// keyspace has its own lock, so readers and writers of different tables never wait on each other, and
/// a batch locks its keyspaces in id order so concurrent batches cannot deadlock. Items are encoded
/// before a batch takes any lock, and a point read clones the entry's pointer under the lock and
/// decodes outside it.
#[derive(Default)]
pub struct MemoryStorage {
    spaces: RwLock<HashMap<SpaceId, Arc<RwLock<Tree>>>>,
    meta: RwLock<BTreeMap<String, Vec<u8>>>,
}

/// A [`Write`] with its item already encoded.
enum Staged {
    Put(SpaceId, Entry),
    Delete(SpaceId, Vec<u8>),
    CreateSpace(SpaceId),
    DropSpace(SpaceId),
    CopySpace(SpaceId, SpaceId),
    Meta(String, Option<Vec<u8>>),
}

impl Staged {
    fn new(write: Write) -> Self {
        match write {
            Write::Put { space, key, item } => Staged::Put(space, Entry::new(&key, &item)),
            Write::Delete { space, key } => Staged::Delete(space, key),
            Write::CreateSpace(id) => Staged::CreateSpace(id),
            Write::DropSpace(id) => Staged::DropSpace(id),
            Write::CopySpace { from, to } => Staged::CopySpace(from, to),
            Write::Meta { name, value } => Staged::Meta(name, value),
        }
    }

    /// The keyspace an item write goes to.
    fn item_space(&self) -> Option<SpaceId> {
        match self {
            Staged::Put(space, _) | Staged::Delete(space, _) => Some(*space),
            _ => None,
        }
    }

    fn apply(self, tree: &mut Tree) {
        match self {
            Staged::Put(_, entry) => tree.put(entry),
            Staged::Delete(_, key) => tree.remove(&key),
            _ => {}
        }
    }
}

impl MemoryStorage {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    fn space(&self, space: SpaceId) -> Result<Arc<RwLock<Tree>>, StorageError> {
        self.spaces
            .read()
            .get(&space)
            .cloned()
            .ok_or(StorageError::NoSuchSpace(space))
    }

    /// The entry at `key`: a pointer's copy, so the locks are released when it is read.
    fn entry(&self, space: SpaceId, key: &[u8]) -> Result<Option<Entry>, StorageError> {
        // Holding the map's read lock is cheaper than cloning the keyspace's `Arc` out of it.
        let spaces = self.spaces.read();
        let tree = spaces.get(&space).ok_or(StorageError::NoSuchSpace(space))?;
        Ok(tree.read().get(key).cloned())
    }

    /// Visits the entries between `bounds` in key order (descending when `reverse`) until `visit`
    /// breaks, under the keyspace's read lock.
    fn walk(
        &self,
        space: SpaceId,
        (start, end): (Bound<&[u8]>, Bound<&[u8]>),
        reverse: bool,
        mut visit: impl FnMut(&Entry) -> Result<ControlFlow<()>, StorageError>,
    ) -> Result<(), StorageError> {
        let tree = self.space(space)?;
        let tree = tree.read();
        let range = tree.range(start, end);
        if reverse {
            for entry in range.rev() {
                if visit(entry)?.is_break() {
                    break;
                }
            }
        } else {
            for entry in range {
                if visit(entry)?.is_break() {
                    break;
                }
            }
        }
        Ok(())
    }
}

fn decoded(entry: &Entry) -> Result<Arc<Item>, StorageError> {
    entry
        .item()
        .map(Arc::new)
        .map_err(|e| StorageError::Backend(e.to_string()))
}

impl Storage for MemoryStorage {
    fn get(&self, space: SpaceId, key: &[u8]) -> Result<Option<Arc<Item>>, StorageError> {
        self.entry(space, key)?.as_ref().map(decoded).transpose()
    }

    fn scan(
        &self,
        space: SpaceId,
        start: Bound<&[u8]>,
        end: Bound<&[u8]>,
        reverse: bool,
        visit: &mut ScanVisitor<'_>,
    ) -> Result<(), StorageError> {
        self.walk(space, (start, end), reverse, |entry| {
            Ok(visit(entry.key(), &decoded(entry)?))
        })
    }

    fn get_encoded(
        &self,
        space: SpaceId,
        key: &[u8],
        visit: &mut dyn FnMut(&[u8]),
    ) -> Result<bool, StorageError> {
        let entry = self.entry(space, key)?;
        if let Some(entry) = &entry {
            visit(entry.encoded());
        }
        Ok(entry.is_some())
    }

    fn scan_encoded(
        &self,
        space: SpaceId,
        start: Bound<&[u8]>,
        end: Bound<&[u8]>,
        reverse: bool,
        visit: &mut EncodedVisitor<'_>,
    ) -> Result<(), StorageError> {
        self.walk(space, (start, end), reverse, |entry| {
            Ok(visit(entry.key(), entry.encoded()))
        })
    }

    fn write(&self, batch: WriteBatch) -> Result<(), StorageError> {
        // Encoding happens here, before any lock is taken.
        let batch: Vec<Staged> = batch.into_iter().map(Staged::new).collect();
        // The common batch, a write to a table without indexes, touches one keyspace: lock just it.
        if let Some(space) = single_space(&batch) {
            let spaces = self.spaces.read();
            let mut tree = spaces
                .get(&space)
                .ok_or(StorageError::NoSuchSpace(space))?
                .write();
            batch.into_iter().for_each(|w| w.apply(&mut tree));
            return Ok(());
        }
        let mut spaces = self.spaces.write_if_needed(&batch);
        let mut ids: Vec<SpaceId> = batch.iter().filter_map(Staged::item_space).collect();
        ids.sort_unstable();
        ids.dedup();
        // Validate first, so a batch naming a missing keyspace changes nothing.
        let copied = batch.iter().filter_map(|w| match w {
            Staged::CopySpace(from, _) => Some(*from),
            _ => None,
        });
        for space in batch.iter().filter_map(Staged::item_space).chain(copied) {
            let created = batch
                .iter()
                .any(|c| matches!(c, Staged::CreateSpace(s) if *s == space));
            if !created && !spaces.contains(space) {
                return Err(StorageError::NoSuchSpace(space));
            }
        }
        for w in &batch {
            if let Staged::CreateSpace(id) = w {
                spaces.create(*id);
            }
        }
        let trees: Vec<(SpaceId, Arc<RwLock<Tree>>)> = ids
            .iter()
            .filter_map(|id| spaces.get(*id).map(|t| (*id, t)))
            .collect();
        let mut guards: Vec<_> = trees.iter().map(|(id, t)| (*id, t.write())).collect();
        let mut meta = None;
        for w in batch {
            match w {
                Staged::Put(space, _) | Staged::Delete(space, _) => {
                    if let Some((_, g)) = guards.iter_mut().find(|(id, _)| *id == space) {
                        w.apply(g);
                    }
                }
                Staged::CreateSpace(_) => {}
                Staged::DropSpace(id) => spaces.drop_space(id),
                Staged::CopySpace(from, to) => {
                    // The copy sees this batch's earlier writes to `from`, and replaces the
                    // contents of `to` wherever it is held, so later writes in the batch land in it.
                    let tree = match guards.iter().find(|(id, _)| *id == from) {
                        Some((_, g)) => (**g).clone(),
                        None => spaces
                            .get(from)
                            .map(|t| t.read().clone())
                            .unwrap_or_default(),
                    };
                    match guards.iter_mut().find(|(id, _)| *id == to) {
                        Some((_, g)) => **g = tree,
                        None => spaces.replace(to, tree),
                    }
                }
                Staged::Meta(name, value) => {
                    let meta = meta.get_or_insert_with(|| self.meta.write());
                    match value {
                        Some(v) => meta.insert(name, v),
                        None => meta.remove(&name),
                    };
                }
            }
        }
        Ok(())
    }

    fn metadata(&self) -> Result<Vec<(String, Vec<u8>)>, StorageError> {
        Ok(self
            .meta
            .read()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect())
    }

    fn fork(&self) -> Result<Arc<dyn Storage>, StorageError> {
        // Trees are shared copy-on-write (see `tree`), so a fork is O(keyspaces).
        let spaces = self
            .spaces
            .read()
            .iter()
            .map(|(id, t)| (*id, Arc::new(RwLock::new(t.read().clone()))))
            .collect();
        Ok(Arc::new(MemoryStorage {
            spaces: RwLock::new(spaces),
            meta: RwLock::new(self.meta.read().clone()),
        }))
    }
}

/// The one keyspace a batch of only item puts and deletes writes to, if it writes to one.
fn single_space(batch: &[Staged]) -> Option<SpaceId> {
    let mut one = None;
    for w in batch {
        let space = w.item_space()?;
        if *one.get_or_insert(space) != space {
            return None;
        }
    }
    one
}
/// The keyspace map as a batch needs it: a write lock only when the batch creates or drops keyspaces,
/// so ordinary item writes to different tables proceed in parallel.
enum SpacesGuard<'a> {
    Read(parking_lot::RwLockReadGuard<'a, HashMap<SpaceId, Arc<RwLock<Tree>>>>),
    Write(parking_lot::RwLockWriteGuard<'a, HashMap<SpaceId, Arc<RwLock<Tree>>>>),
}

impl SpacesGuard<'_> {
    fn contains(&self, id: SpaceId) -> bool {
        match self {
            SpacesGuard::Read(g) => g.contains_key(&id),
            SpacesGuard::Write(g) => g.contains_key(&id),
        }
    }

    fn get(&self, id: SpaceId) -> Option<Arc<RwLock<Tree>>> {
        match self {
            SpacesGuard::Read(g) => g.get(&id).cloned(),
            SpacesGuard::Write(g) => g.get(&id).cloned(),
        }
    }

    fn create(&mut self, id: SpaceId) {
        if let SpacesGuard::Write(g) = self {
            g.entry(id).or_default();
        }
    }

    fn drop_space(&mut self, id: SpaceId) {
        if let SpacesGuard::Write(g) = self {
            g.remove(&id);
        }
    }

    /// Makes keyspace `id` hold `tree` (its own lock, if it exists, so that a reader holding the
    /// old `Arc` sees the change too).
    fn replace(&mut self, id: SpaceId, tree: Tree) {
        if let SpacesGuard::Write(g) = self {
            match g.get(&id) {
                Some(t) => *t.write() = tree,
                None => {
                    g.insert(id, Arc::new(RwLock::new(tree)));
                }
            }
        }
    }
}

trait WriteIfNeeded {
    fn write_if_needed(&self, batch: &[Staged]) -> SpacesGuard<'_>;
}

impl WriteIfNeeded for RwLock<HashMap<SpaceId, Arc<RwLock<Tree>>>> {
    fn write_if_needed(&self, batch: &[Staged]) -> SpacesGuard<'_> {
        if batch.iter().any(|w| {
            matches!(
                w,
                Staged::CreateSpace(_) | Staged::DropSpace(_) | Staged::CopySpace(..)
            )
        }) {
            SpacesGuard::Write(self.write())
        } else {
            SpacesGuard::Read(self.read())
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::ops::{Bound, ControlFlow};
    use std::sync::Arc;

    use proptest::prelude::*;

    use super::super::{Storage, Write};
    use super::MemoryStorage;
    use ddbmock_core::model::{AttributeValue, Item};

    #[test]
    fn memory_store_passes_the_storage_suite() {
        super::super::suite::run(&MemoryStorage::new());
    }

    fn bound(b: (u8, Vec<u8>)) -> Bound<Vec<u8>> {
        match b.0 % 3 {
            0 => Bound::Unbounded,
            1 => Bound::Included(b.1),
            _ => Bound::Excluded(b.1),
        }
    }

    fn as_slice(b: &Bound<Vec<u8>>) -> Bound<&[u8]> {
        b.as_ref().map(Vec::as_slice)
    }

    fn key() -> impl Strategy<Value = Vec<u8>> {
        // Short keys over few byte values: shared heads, prefixes of one another, and zero bytes,
        // where ordering by head then key could go wrong.
        proptest::collection::vec(prop_oneof![Just(0u8), Just(1u8), Just(0xff)], 0..11)
    }

    proptest! {
        /// Scans with every kind of bound, both ways, give what a `BTreeMap` of the same keys gives,
        /// and each entry decodes to its item; an empty or inverted range is no entries.
        #[test]
        fn scans_match_a_btreemap(
            keys in proptest::collection::vec(key(), 0..40),
            start in (any::<u8>(), key()),
            end in (any::<u8>(), key()),
            reverse in any::<bool>(),
        ) {
            let store = MemoryStorage::new();
            let mut model = BTreeMap::new();
            let mut batch = vec![Write::CreateSpace(1)];
            for (n, key) in keys.into_iter().enumerate() {
                let item = Arc::new(Item::from([("n".to_owned(), AttributeValue::N(n.to_string()))]));
                model.insert(key.clone(), item.clone());
                batch.push(Write::Put { space: 1, key, item });
            }
            store.write(batch).unwrap();
            let (start, end) = (bound(start), bound(end));

            let mut got = Vec::new();
            store
                .scan(1, as_slice(&start), as_slice(&end), reverse, &mut |k, v| {
                    got.push((k.to_vec(), v.clone()));
                    ControlFlow::Continue(())
                })
                .unwrap();
            let empty = match (&start, &end) {
                (Bound::Included(s), Bound::Included(e)) => s > e,
                (Bound::Included(s) | Bound::Excluded(s), Bound::Included(e) | Bound::Excluded(e)) => s >= e,
                _ => false,
            };
            let mut want: Vec<_> = if empty {
                Vec::new()
            } else {
                model.range((start, end)).map(|(k, v)| (k.clone(), v.clone())).collect()
            };
            if reverse {
                want.reverse();
            }
            prop_assert_eq!(got, want);
            for (k, v) in &model {
                prop_assert_eq!(store.get(1, k).unwrap(), Some(v.clone()));
            }
        }
    }
}
