//! Replication between a table's replicas: the write pipeline's commit hands every committed
//! change of a table with replicas to [`Engine::replicate`], which stamps it and posts it to each
//! replica's engine; there it lands, after the configured lag on the engine clock, at the start of
//! the first request that could see it ([`Engine::deliver_replicated`]), so that a manual clock
//! makes replication deterministic. A write lands only if its stamp is later than the item's last
//! write there: last writer wins, and every replica converges on the same item.

use std::sync::Arc;
use std::sync::atomic::Ordering;

use super::{Pending, Stamp};
use crate::engine::Engine;
use crate::engine::streams::Origin;
use crate::engine::write::Change;

impl Engine {
    /// Posts `changes` of tables with replicas to those replicas, and stamps them here. Changes
    /// that are themselves replicated travel no further.
    pub(crate) fn replicate(&self, changes: &[Change], origin: Origin) {
        if origin == Origin::Replication
            || changes.iter().all(|c| c.table.extras.replicas.is_empty())
        {
            return;
        }
        let now = self.inner.clock.epoch_seconds();
        let stamp = Stamp {
            at: now,
            region: self.inner.config.region.clone(),
        };
        let due = self.inner.clock.now() + self.inner.config.replication_lag;
        for c in changes
            .iter()
            .filter(|c| !c.table.extras.replicas.is_empty())
        {
            let stamp = {
                let mut stamps = self.inner.global.stamps.lock();
                let id = (c.table.name().to_owned(), c.key.clone());
                // A local write follows whatever landed before it, even a write stamped with
                // this very instant by a region whose name sorts later.
                let stamp = match stamps.get(&id) {
                    Some(last) if *last >= stamp => Stamp {
                        at: last.at + 1e-6,
                        region: stamp.region.clone(),
                    },
                    _ => stamp.clone(),
                };
                stamps.insert(id, stamp.clone());
                stamp
            };
            for replica in &c.table.extras.replicas {
                let Some(peer) = self.peer(&replica.region) else {
                    continue;
                };
                peer.receive(Pending {
                    due,
                    table: c.table.name().to_owned(),
                    key: c.key.clone(),
                    item: c.new.clone(),
                    stamp: stamp.clone(),
                });
            }
        }
    }

    fn receive(&self, pending: Pending) {
        self.inner.global.inbox.lock().push_back(pending);
        self.inner.global.waiting.store(true, Ordering::Release);
    }

    /// Lands every replicated write that is due by the engine clock, in the order they were sent.
    pub(crate) fn deliver_replicated(&self) {
        if !self.inner.global.waiting.load(Ordering::Acquire) {
            return;
        }
        let now = self.inner.clock.now();
        let due: Vec<Pending> = {
            let mut inbox = self.inner.global.inbox.lock();
            let n = inbox.iter().take_while(|p| p.due <= now).count();
            let due = inbox.drain(..n).collect();
            if inbox.is_empty() {
                self.inner.global.waiting.store(false, Ordering::Release);
            }
            due
        };
        for p in due {
            self.land(p);
        }
    }

    /// Applies one replicated write, unless the item has a later write here. A write for a table
    /// gone meanwhile, or one the store refuses, is dropped: replication has no caller to tell.
    fn land(&self, p: Pending) {
        let Some(table) = self.inner.tables.read().get(&p.table).cloned() else {
            return;
        };
        if table.extras.replicas.is_empty() {
            return;
        }
        let _held = self.lock_item_waiting(table.space, &p.key);
        let id = (p.table, p.key);
        {
            let mut stamps = self.inner.global.stamps.lock();
            if stamps.get(&id).is_some_and(|last| *last > p.stamp) {
                return;
            }
            stamps.insert(id.clone(), p.stamp);
        }
        let Ok(old) = self.read(&table, &id.1) else {
            return;
        };
        let change = Change::new(Arc::clone(&table), id.1, old, p.item);
        let _ = self.commit_as(&[change], Origin::Replication);
    }
}
