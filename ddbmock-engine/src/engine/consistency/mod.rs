//! Eventual consistency, simulated (opt-in, [`EngineConfig::consistency`]): what an eventually
//! consistent read sees.
//!
//! DynamoDB answers an eventually consistent GetItem, BatchGetItem, Query or Scan, and every read
//! of a global secondary index, as its Developer Guide says: "the responses may not reflect the
//! results of a recently completed write operation", and never show a write that did not succeed
//! (read-committed). With the simulation on, each write reaches those reads some delay after it, at most the lag: until then
//! they see the item (and its index entries) as before the write. Strongly consistent reads,
//! TransactGetItems, conditions and writes always see the latest state.
//!
//! Every change of an item and of its index entries is recorded with the state it replaced (see
//! `recent`), and a read looks the keys it returns up there, after reading the store (see `page`
//! for Query and Scan pages). With the simulation off nothing is recorded or looked up: a read
//! costs one branch more.
//!
//! [`EngineConfig::consistency`]: super::EngineConfig::consistency

mod page;
pub(crate) mod recent;

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use super::Engine;
use super::paging::{Page, Range, read_page};
use super::table::Table;
use crate::storage::{SpaceId, StorageError};
use ddbmock_core::error::Result;
use ddbmock_core::model::Item;
use recent::{Recent, Replaced};

/// How the engine's eventually consistent reads behave: [`EngineConfig::consistency`].
///
/// [`EngineConfig::consistency`]: super::EngineConfig::consistency
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Consistency {
    /// Every read sees the latest state (the default).
    #[default]
    Strong,
    /// Eventually consistent reads (GetItem, BatchGetItem, Query and Scan without
    /// `ConsistentRead`, and every read of a global secondary index) see each write `staleness`
    /// says how long after it, never more than `lag`: until then, the item and its index entries
    /// as they were. A zero lag is [`Consistency::Strong`].
    Eventual {
        /// The longest a write stays unseen, on the engine's clock.
        lag: Duration,
        /// How long each write stays unseen.
        staleness: Staleness,
    },
}

/// How long each write stays unseen by eventually consistent reads: [`Consistency::Eventual`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Staleness {
    /// Each write for a delay between zero and the lag, drawn from a hash of this seed and the
    /// write's rank among the engine's writes (the first, the second, …), as DynamoDB's reads
    /// mostly see a write at once and now and then miss it. A test making the same writes in the
    /// same order therefore sees the same stale reads on every run, whatever its clock, table
    /// names or keys; another seed draws other delays.
    Seeded(u64),
    /// The worst case: each write for the whole lag, so a read sees every item as it was exactly
    /// the lag ago. For tests that prove their code tolerates stale reads.
    Oldest,
}

impl Consistency {
    /// Eventually consistent reads that miss each write for a seeded delay up to `lag`
    /// ([`Staleness::Seeded`] with seed 0).
    pub fn eventual(lag: Duration) -> Self {
        Consistency::Eventual {
            lag,
            staleness: Staleness::Seeded(0),
        }
    }

    /// Eventually consistent reads that always see the state of `lag` ago ([`Staleness::Oldest`]).
    pub fn oldest(lag: Duration) -> Self {
        Consistency::Eventual {
            lag,
            staleness: Staleness::Oldest,
        }
    }
}

/// The simulation of an engine with it on: the recent changes, and how writes are delayed.
pub(crate) struct Simulation {
    recent: Recent,
    staleness: Staleness,
    /// How many changes the engine has recorded: the next one's rank.
    writes: AtomicU64,
}

impl Simulation {
    /// The simulation `consistency` asks for; `None` when every read is strongly consistent.
    pub(crate) fn new(consistency: Consistency) -> Option<Self> {
        let Consistency::Eventual { lag, staleness } = consistency else {
            return None;
        };
        let lag = u64::try_from(lag.as_micros()).unwrap_or(u64::MAX);
        (lag > 0).then(|| Simulation {
            recent: Recent::new(lag),
            staleness,
            writes: AtomicU64::new(0),
        })
    }

    /// The delay of the next write, in microseconds.
    fn next_delay(&self) -> u64 {
        let lag = self.recent.lag();
        match self.staleness {
            Staleness::Oldest => lag,
            Staleness::Seeded(seed) => {
                let rank = self.writes.fetch_add(1, Ordering::Relaxed);
                mix(seed ^ mix(rank)) % lag.saturating_add(1)
            }
        }
    }
}

/// SplitMix64's finalizer: a fixed, well-spread hash of a 64-bit value (the standard library's
/// hashers may change between releases, and the delays must not).
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// What a read sees: the latest state, or the state an eventually consistent read at an epoch
/// microsecond sees.
#[derive(Clone, Copy, Debug)]
pub(crate) enum View {
    Latest,
    Eventual(u64),
}

impl View {
    #[cfg(test)]
    fn is_eventual(self) -> bool {
        matches!(self, View::Eventual(_))
    }
}

/// One item change's entries for the simulation: each keyspace and storage key it writes, with
/// the entry there before.
pub(crate) type Entries = Vec<(SpaceId, Vec<u8>, Option<Arc<Item>>)>;

impl Engine {
    /// What a read sees: the latest state when it is `consistent` or the simulation is off.
    pub(crate) fn view(&self, consistent: bool) -> View {
        match &self.inner.consistency {
            Some(_) if !consistent => View::Eventual(self.inner.clock.epoch_micros()),
            _ => View::Latest,
        }
    }

    /// Whether changes are recorded for eventually consistent reads.
    pub(crate) fn simulates_consistency(&self) -> bool {
        self.inner.consistency.is_some()
    }

    /// Records item changes (each one's entries in the table and its indexes) before they are
    /// stored; each change gets one delay, so that its item and index entries appear together.
    pub(crate) fn record_recent(&self, changes: Vec<Entries>) {
        let Some(sim) = &self.inner.consistency else {
            return;
        };
        let mut replaced = Vec::with_capacity(changes.iter().map(Vec::len).sum());
        for entries in changes {
            let delay = sim.next_delay();
            replaced.extend(entries.into_iter().map(|(space, key, old)| Replaced {
                space,
                key,
                old,
                delay,
            }));
        }
        sim.recent.record(self.inner.clock.epoch_micros(), replaced);
    }

    /// The item at `key` in `table` as `view` sees it.
    pub(crate) fn read_in(
        &self,
        view: View,
        table: &Table,
        key: &[u8],
    ) -> Result<Option<Arc<Item>>> {
        let stored = self.read(table, key)?;
        match (view, &self.inner.consistency) {
            (View::Eventual(now), Some(sim)) => Ok(match sim.recent.seen(table.space, key, now) {
                Some(older) => older,
                None => stored,
            }),
            _ => Ok(stored),
        }
    }

    /// A page of `range` in `space` as `view` sees it (see `paging::read_page`).
    pub(crate) fn read_page_in(
        &self,
        view: View,
        space: SpaceId,
        range: &Range,
        reverse: bool,
        limit: Option<usize>,
    ) -> Result<Page, StorageError> {
        let storage = &**self.storage();
        match (view, &self.inner.consistency) {
            (View::Eventual(now), Some(sim)) => {
                page::read_stale_page(storage, &sim.recent, space, range, reverse, limit, now)
            }
            _ => read_page(storage, space, range, reverse, limit),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeded_delays_are_fixed_spread_and_within_the_lag() {
        let draw = |seed| {
            let sim = Simulation::new(Consistency::Eventual {
                lag: Duration::from_micros(1_000),
                staleness: Staleness::Seeded(seed),
            })
            .expect("on");
            (0..1_000).map(|_| sim.next_delay()).collect::<Vec<_>>()
        };
        let delays = draw(0);
        assert_eq!(delays, draw(0));
        assert_ne!(delays, draw(1));
        assert!(delays.iter().all(|d| *d <= 1_000));
        let short = delays.iter().filter(|d| **d < 100).count();
        assert!((50..150).contains(&short), "{short} of 1000 under a tenth");
    }

    #[test]
    fn the_worst_case_delays_every_write_by_the_lag() {
        let sim = Simulation::new(Consistency::oldest(Duration::from_millis(5))).expect("on");
        assert_eq!(sim.next_delay(), 5_000);
        assert_eq!(sim.next_delay(), 5_000);
    }

    #[test]
    fn memory_holds_the_writes_within_the_lag() {
        use crate::Clock;
        use ddbmock_core::item;
        use ddbmock_core::operation::{CreateTableInput, PutItemInput, ScalarAttributeType};

        let clock = Clock::manual(std::time::UNIX_EPOCH + Duration::from_secs(1_000));
        let engine = Engine::builder()
            .clock(clock.clone())
            .consistency(Consistency::eventual(Duration::from_secs(1)))
            .build()
            .expect("engine");
        engine
            .create_table_now(CreateTableInput::new("tbl", "pk", ScalarAttributeType::N))
            .expect("table");
        let put = |i: u64| {
            engine
                .put_item_now(PutItemInput::new("tbl", item! { "pk" => i }))
                .expect("put");
        };
        let recorded = || engine.inner.consistency.as_ref().expect("on").recent.len();
        for i in 0..100 {
            put(i % 10);
        }
        assert_eq!(recorded(), 100);
        clock.advance(Duration::from_millis(999));
        put(0);
        assert_eq!(recorded(), 101);
        clock.advance(Duration::from_millis(1));
        put(0);
        assert_eq!(recorded(), 2);
        clock.advance(Duration::from_secs(1));
        assert!(engine.view(false).is_eventual());
        let view = engine.view(false);
        let table = engine.table("tbl").expect("table");
        let key =
            crate::engine::keys::item_storage_key(&table.key, &item! { "pk" => 0 }).expect("key");
        assert!(engine.read_in(view, &table, &key).expect("read").is_some());
        assert_eq!(recorded(), 0);
    }

    #[test]
    fn a_zero_lag_or_strong_consistency_simulates_nothing() {
        assert!(Simulation::new(Consistency::Strong).is_none());
        assert!(Simulation::new(Consistency::eventual(Duration::ZERO)).is_none());
        assert!(Simulation::new(Consistency::oldest(Duration::from_nanos(999))).is_none());
    }
}
