//! A table as the engine keeps it: its description, key schema, keyspace, indexes and live counters.
//!
//! A `Table` is immutable once published in the catalog; UpdateTable publishes a new one. Counters are
//! shared between versions, so a write that raced an UpdateTable is still counted.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};

use super::collection_sizes::ItemCollections;
use super::index_epoch::IndexEpoch;
use super::keys::{KeyAttr, KeySchema};
use crate::storage::SpaceId;
use ddbmock_core::model::{AttributeValue, Item};
use ddbmock_core::operation::{
    GlobalSecondaryIndexDescription, TableDescription, TableStatus, Tag, TimeToLiveSpecification,
};

/// Exact live counts of a table or index, as DescribeTable reports them.
#[derive(Debug, Default)]
pub struct Stats {
    items: AtomicI64,
    bytes: AtomicI64,
}

impl Stats {
    /// Adds the effect of one entry changing from `old` to `new` size (`None`: absent).
    pub fn apply(&self, old: Option<usize>, new: Option<usize>) {
        let count = i64::from(new.is_some()) - i64::from(old.is_some());
        let bytes = to_i64(new.unwrap_or(0)) - to_i64(old.unwrap_or(0));
        self.items.fetch_add(count, Ordering::Relaxed);
        self.bytes.fetch_add(bytes, Ordering::Relaxed);
    }

    /// The number of entries.
    pub fn items(&self) -> i64 {
        self.items.load(Ordering::Relaxed)
    }

    /// The total size of the entries, by DynamoDB's size formula.
    pub fn bytes(&self) -> i64 {
        self.bytes.load(Ordering::Relaxed)
    }
}

fn to_i64(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

/// Which attributes an index carries besides the keys.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Projected {
    /// Every attribute.
    All,
    /// Only the table's and the index's keys.
    KeysOnly,
    /// The keys and these attributes.
    Include(Vec<String>),
}

/// A secondary index of a table.
#[derive(Clone, Debug)]
pub struct Index {
    /// The index's name.
    pub name: String,
    /// Local (same partition key as the table) or global.
    pub local: bool,
    /// The index's key schema.
    pub key: KeySchema,
    /// What the index carries.
    pub projected: Projected,
    /// The index's keyspace.
    pub space: SpaceId,
    /// When an index added by UpdateTable turns `ACTIVE`, in epoch seconds on the engine's clock;
    /// `None` for an index that is active (every index created with its table).
    pub active_at: Option<f64>,
    /// Live counters.
    pub stats: Arc<Stats>,
    /// Whether the backfill of this index (added by UpdateTable) is still running: some items may
    /// not have their entry yet, so a write must not count an entry it replaces before it is there.
    pub(crate) filling: Arc<AtomicBool>,
}

impl Index {
    /// Whether the index is still being backfilled.
    pub(crate) fn is_filling(&self) -> bool {
        self.filling.load(Ordering::Acquire)
    }

    /// The entry this index holds for `item`, or `None` when the item lacks an index key (sparse).
    pub fn project(&self, table_key: &KeySchema, item: &Item) -> Option<Item> {
        // Writes reject index keys of the wrong type or empty, but items written before a global
        // index was added were never checked: DynamoDB leaves those out of the index, as it does
        // items without the attributes, and so every later write of them must too.
        let keyed = |a: &KeyAttr| {
            item.get(&a.name).is_some_and(|v| {
                v.attribute_type() == a.ty
                    && !matches!(v, AttributeValue::S(s) if s.is_empty())
                    && !matches!(v, AttributeValue::B(b) if b.is_empty())
            })
        };
        if !self.key.attrs().all(keyed) {
            return None;
        }
        Some(match &self.projected {
            Projected::All => item.clone(),
            Projected::KeysOnly | Projected::Include(_) => item
                .iter()
                .filter(|(name, _)| self.projects(table_key, name))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        })
    }

    /// Whether the attribute `name` is carried into this index's entries (when the item has one).
    pub fn projects(&self, table_key: &KeySchema, name: &str) -> bool {
        match &self.projected {
            Projected::All => true,
            Projected::KeysOnly => table_key.is_key(name) || self.key.is_key(name),
            Projected::Include(a) => {
                table_key.is_key(name) || self.key.is_key(name) || a.iter().any(|x| x == name)
            }
        }
    }
}

/// What a table keeps at run time beside its description, never persisted: rebuilt when a store
/// is opened (as `Stats` are), and shared by every version of the table that UpdateTable publishes.
#[derive(Clone, Debug, Default)]
pub(crate) struct Live {
    /// The sizes of the table's item collections (tables with local secondary indexes only).
    pub(crate) collections: Arc<ItemCollections>,
    /// Which index set this version of the table carries (see `index_epoch`).
    pub(crate) epoch: IndexEpoch,
}

/// One table. Its catalog entry is persisted as a versioned record of its own (see `catalog`),
/// never as this struct.
#[derive(Clone, Debug)]
pub struct Table {
    /// The table's name.
    pub(crate) name: String,
    /// The table's ARN.
    pub(crate) arn: String,
    /// The description as DescribeTable returns it, without live counts.
    pub description: TableDescription,
    /// The primary key schema.
    pub key: KeySchema,
    /// The table's keyspace.
    pub space: SpaceId,
    /// Local and global secondary indexes.
    pub indexes: Vec<Index>,
    /// Live counters.
    pub stats: Arc<Stats>,
    /// The table's tags, in the order they were added.
    pub tags: Vec<Tag>,
    /// The time-to-live setting, once UpdateTimeToLive has been called.
    pub ttl: Option<TimeToLiveSpecification>,
    /// A status transition in progress (`CREATING`, `UPDATING`) and the epoch second it ends at,
    /// when `EngineConfig::table_status_delay` makes transitions take time.
    pub transition: Option<(TableStatus, f64)>,
    /// Run-time state: item collection sizes and the index set's epoch.
    pub(crate) live: Live,
    /// Global secondary indexes UpdateTable deleted, which DescribeTable shows `DELETING` for a
    /// while; they are no longer in `indexes`, and their keyspaces are gone.
    pub(crate) deleting: Vec<DeletingIndex>,
    /// Settings of the later control-plane operations (policies, insights, Kinesis, auto scaling).
    pub(crate) extras: super::extras::Extras,
}

/// A global secondary index being deleted: its description, `DELETING`, until the epoch second
/// `until` on the engine's clock (the end of the table's `UPDATING` transition).
#[derive(Clone, Debug)]
pub(crate) struct DeletingIndex {
    pub(crate) description: GlobalSecondaryIndexDescription,
    pub(crate) until: f64,
}

impl Table {
    /// The table's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The table's ARN.
    pub fn arn(&self) -> &str {
        &self.arn
    }

    /// The description with live counts filled in.
    pub fn describe(&self) -> TableDescription {
        let mut d = self.description.clone();
        d.item_count = Some(self.stats.items());
        d.table_size_bytes = Some(self.stats.bytes());
        for lsi in d.local_secondary_indexes.iter_mut().flatten() {
            if let Some(i) = self.index(lsi.index_name.as_deref().unwrap_or_default()) {
                lsi.item_count = Some(i.stats.items());
                lsi.index_size_bytes = Some(i.stats.bytes());
            }
        }
        for gsi in d.global_secondary_indexes.iter_mut().flatten() {
            if let Some(i) = self.index(gsi.index_name.as_deref().unwrap_or_default()) {
                gsi.item_count = Some(i.stats.items());
                gsi.index_size_bytes = Some(i.stats.bytes());
            }
        }
        d
    }

    /// The transition in progress at epoch second `now`, if any.
    pub fn transition_at(&self, now: f64) -> Option<&TableStatus> {
        self.transition
            .as_ref()
            .filter(|(_, until)| now < *until)
            .map(|(s, _)| s)
    }

    /// Whether the table has local secondary indexes, and so item collections with a size limit.
    pub fn has_local_indexes(&self) -> bool {
        self.description.local_secondary_indexes.is_some()
    }

    /// The index named `name`.
    pub fn index(&self, name: &str) -> Option<&Index> {
        self.indexes.iter().find(|i| i.name == name)
    }

    /// The metadata blob name under which this table persists.
    pub fn meta_name(name: &str) -> String {
        format!("table/{name}")
    }
}
