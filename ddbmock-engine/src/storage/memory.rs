//! The in-memory store: a B-tree per keyspace, with a hash map beside it for point reads.

use std::collections::{BTreeMap, HashMap};
use std::ops::Bound;
use std::sync::Arc;

use parking_lot::RwLock;

use super::{ScanVisitor, SpaceId, Storage, StorageError, Write, WriteBatch};
use ddbmock_core::model::Item;
use points::Points;

mod points;

/// One keyspace. Ranges need the order of the B-tree; a point read through it compares the key
/// against a dozen keys that each live in their own allocation, so point reads (GetItem, and every
/// write's read of the old item) go through the hash index instead, which hashes once and compares
/// once. Both share each key's and item's allocation.
#[derive(Clone, Default)]
struct Tree {
    ordered: BTreeMap<Arc<[u8]>, Arc<Item>>,
    points: Points,
}

impl Tree {
    fn get(&self, key: &[u8]) -> Option<&Arc<Item>> {
        self.points.get(key)
    }

    fn insert(&mut self, key: Vec<u8>, item: Arc<Item>) {
        let key = self.points.insert(key, item.clone());
        // Replacing an item keeps the B-tree's key.
        self.ordered.insert(key, item);
    }

    fn remove(&mut self, key: &[u8]) {
        if self.points.remove(key) {
            self.ordered.remove(key);
        }
    }
}

/// Keeps every keyspace in a B-tree of shared items.
///
/// Locking: the outer lock guards only the set of keyspaces and is held for reads almost always; each
/// keyspace has its own lock, so readers and writers of different tables never wait on each other, and
/// a batch locks its keyspaces in id order so concurrent batches cannot deadlock. Items are `Arc`s, so
/// a read clones a pointer under the lock and the copy happens outside it.
#[derive(Default)]
pub struct MemoryStorage {
    spaces: RwLock<HashMap<SpaceId, Arc<RwLock<Tree>>>>,
    meta: RwLock<BTreeMap<String, Vec<u8>>>,
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
}

impl Storage for MemoryStorage {
    fn get(&self, space: SpaceId, key: &[u8]) -> Result<Option<Arc<Item>>, StorageError> {
        // Holding the map's read lock is cheaper than cloning the keyspace's `Arc` out of it.
        let spaces = self.spaces.read();
        let tree = spaces.get(&space).ok_or(StorageError::NoSuchSpace(space))?;
        Ok(tree.read().get(key).cloned())
    }

    fn scan(
        &self,
        space: SpaceId,
        start: Bound<&[u8]>,
        end: Bound<&[u8]>,
        reverse: bool,
        visit: &mut ScanVisitor<'_>,
    ) -> Result<(), StorageError> {
        let tree = self.space(space)?;
        let tree = tree.read();
        // An empty or inverted range is no entries, where BTreeMap::range would panic.
        if let (Bound::Included(s) | Bound::Excluded(s), Bound::Included(e) | Bound::Excluded(e)) =
            (start, end)
        {
            let empty = s > e
                || (s == e && !matches!((start, end), (Bound::Included(_), Bound::Included(_))));
            if empty {
                return Ok(());
            }
        }
        let range = tree.ordered.range::<[u8], _>((start, end));
        if reverse {
            for (k, v) in range.rev() {
                if visit(k, v).is_break() {
                    break;
                }
            }
        } else {
            for (k, v) in range {
                if visit(k, v).is_break() {
                    break;
                }
            }
        }
        Ok(())
    }

    fn write(&self, batch: WriteBatch) -> Result<(), StorageError> {
        // The common batch, a write to a table without indexes, touches one keyspace: lock just it.
        if let Some(space) = single_space(&batch) {
            let spaces = self.spaces.read();
            let mut tree = spaces
                .get(&space)
                .ok_or(StorageError::NoSuchSpace(space))?
                .write();
            for w in batch {
                match w {
                    Write::Put { key, item, .. } => tree.insert(key, item),
                    Write::Delete { key, .. } => tree.remove(&key),
                    _ => {}
                }
            }
            return Ok(());
        }
        let mut spaces = self.spaces.write_if_needed(&batch);
        let mut ids: Vec<SpaceId> = batch
            .iter()
            .filter_map(|w| match w {
                Write::Put { space, .. } | Write::Delete { space, .. } => Some(*space),
                _ => None,
            })
            .collect();
        ids.sort_unstable();
        ids.dedup();
        // Validate first, so a batch naming a missing keyspace changes nothing.
        for w in &batch {
            if let Write::Put { space, .. } | Write::Delete { space, .. } = w {
                let created = batch
                    .iter()
                    .any(|c| matches!(c, Write::CreateSpace(s) if s == space));
                if !created && !spaces.contains(*space) {
                    return Err(StorageError::NoSuchSpace(*space));
                }
            }
        }
        for w in &batch {
            if let Write::CreateSpace(id) = w {
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
                Write::Put { space, key, item } => {
                    if let Some((_, g)) = guards.iter_mut().find(|(id, _)| *id == space) {
                        g.insert(key, item);
                    }
                }
                Write::Delete { space, key } => {
                    if let Some((_, g)) = guards.iter_mut().find(|(id, _)| *id == space) {
                        g.remove(&key);
                    }
                }
                Write::CreateSpace(_) => {}
                Write::DropSpace(id) => spaces.drop_space(id),
                Write::Meta { name, value } => {
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
        // Items are shared `Arc`s, so a fork copies only the trees' spines.
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
fn single_space(batch: &WriteBatch) -> Option<SpaceId> {
    let mut one = None;
    for w in batch {
        let space = match w {
            Write::Put { space, .. } | Write::Delete { space, .. } => *space,
            _ => return None,
        };
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
}

trait WriteIfNeeded {
    fn write_if_needed(&self, batch: &WriteBatch) -> SpacesGuard<'_>;
}

impl WriteIfNeeded for RwLock<HashMap<SpaceId, Arc<RwLock<Tree>>>> {
    fn write_if_needed(&self, batch: &WriteBatch) -> SpacesGuard<'_> {
        if batch
            .iter()
            .any(|w| matches!(w, Write::CreateSpace(_) | Write::DropSpace(_)))
        {
            SpacesGuard::Write(self.write())
        } else {
            SpacesGuard::Read(self.read())
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn memory_store_passes_the_storage_suite() {
        super::super::suite::run(&super::MemoryStorage::new());
    }
}
