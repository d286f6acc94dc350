//! Global tables, version 2019.11.21: a table's replicas are tables of the same name in other
//! regions of the same account, that is in other scopes of the engine's [`Scopes`].
//!
//! - `replicas`: UpdateTable's `ReplicaUpdates` (creating, updating and deleting replicas) and the
//!   `Replicas` DescribeTable shows;
//! - `legacy`, `legacy_settings`: the operations of global tables version 2017.11.29, whose
//!   members replicate through the same machinery;
//! - `replicate`: every committed write of a replicated table travels to each replica, where it
//!   lands `EngineConfig::replication_lag` later on the engine clock, last writer wins;
//! - this file: each engine's link to its scopes, its inbox of replicated writes and the write
//!   stamps that decide conflicts.

mod legacy;
mod legacy_settings;
mod replicas;
mod replicate;

pub(crate) use replicas::asks_more_than_replicas;

use std::collections::{HashMap, VecDeque};
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, OnceLock, Weak};

use parking_lot::Mutex;

use super::Engine;
use super::scopes::{self, Scopes};
use ddbmock_core::model::Item;

/// The version DescribeTable names for a table with replicas.
pub(crate) const VERSION: &str = "2019.11.21";

pub(crate) use super::extras::ReplicaRecord;

/// When and where a write was made: the later stamp wins a conflict. Two regions writing at the
/// same instant are ordered by region name, so that every replica picks the same winner.
#[derive(Clone, Debug, PartialEq, PartialOrd)]
pub(crate) struct Stamp {
    pub(crate) at: f64,
    pub(crate) region: String,
}

/// A write on its way to this engine from a replica in another region.
pub(crate) struct Pending {
    /// When it lands, on the engine clock (a time, not float seconds, so that advancing a manual
    /// clock by exactly the lag lands it).
    pub(crate) due: std::time::SystemTime,
    pub(crate) table: String,
    /// The item's storage key: replicas share the key schema, so the same bytes.
    pub(crate) key: Vec<u8>,
    /// The item as written, or none for a deletion.
    pub(crate) item: Option<Arc<Item>>,
    pub(crate) stamp: Stamp,
}

/// One engine's part in global tables.
#[derive(Default)]
pub(crate) struct GlobalState {
    /// The scopes this engine is one of; unset for an engine on its own or a shared one, which
    /// have no other region to hold a replica.
    scopes: OnceLock<Weak<scopes::Inner>>,
    /// Replicated writes not yet landed, in the order they were sent (and so of `due`, since
    /// every scope shares one clock and one lag).
    inbox: Mutex<VecDeque<Pending>>,
    /// Whether `inbox` may hold something, so that every request checks it without a lock.
    waiting: AtomicBool,
    /// The stamp of the last write of each item of a replicated table, by (table, storage key).
    stamps: Mutex<HashMap<(String, Vec<u8>), Stamp>>,
}

impl GlobalState {
    /// Links the engine to the scopes it belongs to (once; later calls change nothing).
    pub(crate) fn link(&self, scopes: Weak<scopes::Inner>) {
        let _ = self.scopes.set(scopes);
    }
}

impl Engine {
    /// The engine of this engine's account in `region`, when the engine is one of several scopes.
    pub(crate) fn peer(&self, region: &str) -> Option<Engine> {
        let scopes = Scopes::upgrade(self.inner.global.scopes.get()?)?;
        scopes
            .engine(&self.inner.config.account_id, region)
            .ok()
            .filter(|e| !Arc::ptr_eq(&e.inner, &self.inner))
    }
}
