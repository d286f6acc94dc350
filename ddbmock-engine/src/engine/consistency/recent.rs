//! The recent changes an eventually consistent read may not see yet: per keyspace (a table or one
//! of its indexes) and storage key, the previous state each change replaced and when the change
//! becomes visible, kept in memory above the store.
//!
//! Kept above the store rather than in it (as point-in-time recovery's log is) because it is no
//! data: a store reopened after the lag has passed shows nothing stale, and one reopened sooner may
//! show the latest state, which an eventually consistent read is always allowed to. Above the
//! store, both stores behave the same by construction.
//!
//! A change stays recorded until `lag` after it, when every read sees it, whatever its own delay;
//! each record and each stale read drops the changes past that first. Memory therefore holds the
//! writes within the lag (one more batch at most), never the table.

use std::collections::{BTreeMap, VecDeque};
use std::ops::Bound;
use std::sync::Arc;

use hashbrown::HashMap;
use parking_lot::Mutex;

use crate::storage::SpaceId;
use ddbmock_core::model::Item;

/// What an eventually consistent read sees of one storage key: `None` when it sees the stored
/// entry; otherwise the older state (`Some(None)`: no entry) it sees instead.
pub(crate) type Seen = Option<Option<Arc<Item>>>;

/// A storage key a read sees in an older state, and that state (`None`: no entry).
pub(crate) type Older = (Arc<[u8]>, Option<Arc<Item>>);

/// One change of an entry, as the log keeps it.
struct Prior {
    /// Epoch microseconds from which eventually consistent reads see the change.
    visible_at: u64,
    /// The entry before the change (`None`: there was none).
    old: Option<Arc<Item>>,
}

/// Changes of one keyspace, by storage key, oldest first.
type Space = BTreeMap<Arc<[u8]>, VecDeque<Prior>>;

#[derive(Default)]
struct Log {
    spaces: HashMap<SpaceId, Space>,
    /// Every change recorded, in the order recorded, to drop them when they are old enough.
    order: VecDeque<(u64, SpaceId, Arc<[u8]>)>,
}

/// One change for [`Recent::record`]: the keyspace, the storage key, the entry it replaced, and
/// how long after the change eventually consistent reads see it (microseconds).
pub(crate) struct Replaced {
    pub(crate) space: SpaceId,
    pub(crate) key: Vec<u8>,
    pub(crate) old: Option<Arc<Item>>,
    pub(crate) delay: u64,
}

/// The recent changes of one engine; see the module's doc.
pub(crate) struct Recent {
    /// The lag, in microseconds: how long after a change some read may still miss it.
    lag: u64,
    log: Mutex<Log>,
}

impl Recent {
    pub(crate) fn new(lag: u64) -> Self {
        Recent {
            lag,
            log: Mutex::new(Log::default()),
        }
    }

    pub(crate) fn lag(&self) -> u64 {
        self.lag
    }

    /// Records changes made at epoch microsecond `now`. Called before the changes are stored, and
    /// holding their items' locks: a read that finds a change in the store finds it here, and a
    /// change that then fails to be stored records a previous state equal to the stored one, which
    /// no read can tell from nothing.
    pub(crate) fn record(&self, now: u64, changes: Vec<Replaced>) {
        let mut log = self.log.lock();
        log.trim(now, self.lag);
        for c in changes {
            let key: Arc<[u8]> = c.key.into();
            log.order.push_back((now, c.space, key.clone()));
            log.spaces
                .entry(c.space)
                .or_default()
                .entry(key)
                .or_default()
                .push_back(Prior {
                    visible_at: now.saturating_add(c.delay.min(self.lag)),
                    old: c.old,
                });
        }
    }

    /// What a read at epoch microsecond `now` sees of `key` in `space`.
    pub(crate) fn seen(&self, space: SpaceId, key: &[u8], now: u64) -> Seen {
        let mut log = self.log.lock();
        log.trim(now, self.lag);
        let priors = log.spaces.get(&space)?.get(key)?;
        seen(priors, now)
    }

    /// The keys of `space` between `start` and `end` (in descending order when `reverse`) that a
    /// read at epoch microsecond `now` sees in an older state, with that state.
    pub(crate) fn older_in(
        &self,
        space: SpaceId,
        (start, end): (Bound<&[u8]>, Bound<&[u8]>),
        reverse: bool,
        now: u64,
    ) -> Vec<Older> {
        let mut log = self.log.lock();
        log.trim(now, self.lag);
        let Some(changes) = log.spaces.get(&space) else {
            return Vec::new();
        };
        if is_empty_range(start, end) {
            return Vec::new();
        }
        let found = changes
            .range::<[u8], _>((start, end))
            .filter_map(|(k, priors)| seen(priors, now).map(|old| (k.clone(), old)));
        if reverse {
            let mut out: Vec<_> = found.collect();
            out.reverse();
            out
        } else {
            found.collect()
        }
    }

    /// How many changes are recorded (for tests of the memory bound).
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.log.lock().order.len()
    }
}

impl Log {
    /// Drops the changes every read at `now` sees: those made at least `lag` ago, in the order
    /// recorded (a clock set back may leave a later one behind an older one for a while).
    fn trim(&mut self, now: u64, lag: u64) {
        while let Some((at, _, _)) = self.order.front() {
            if at.saturating_add(lag) > now {
                break;
            }
            let Some((_, space, key)) = self.order.pop_front() else {
                break;
            };
            let Some(changes) = self.spaces.get_mut(&space) else {
                continue;
            };
            if let Some(priors) = changes.get_mut(&key) {
                // Changes of one key are recorded under its lock, so its oldest is this one.
                priors.pop_front();
                if priors.is_empty() {
                    changes.remove(&key);
                }
            }
            if changes.is_empty() {
                self.spaces.remove(&space);
            }
        }
    }
}

/// What a read at `now` sees of an entry with changes `priors` (oldest first): the state after the
/// latest change it sees, which is the state the next change replaced, or the stored entry after
/// the last one; before every change it sees none of them.
fn seen(priors: &VecDeque<Prior>, now: u64) -> Seen {
    match priors.iter().rposition(|p| p.visible_at <= now) {
        Some(i) if i + 1 == priors.len() => None,
        Some(i) => Some(priors[i + 1].old.clone()),
        None => priors.front().map(|p| p.old.clone()),
    }
}

/// Whether no key lies between `start` and `end` (`BTreeMap::range` panics on such bounds).
fn is_empty_range(start: Bound<&[u8]>, end: Bound<&[u8]>) -> bool {
    match (start, end) {
        (Bound::Included(s), Bound::Included(e)) => s > e,
        (Bound::Included(s) | Bound::Excluded(s), Bound::Excluded(e))
        | (Bound::Excluded(s), Bound::Included(e)) => s >= e,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ddbmock_core::model::AttributeValue;

    fn item(v: &str) -> Option<Arc<Item>> {
        Some(Arc::new(Item::from([(
            "v".to_owned(),
            AttributeValue::S(v.to_owned()),
        )])))
    }

    fn change(key: &[u8], old: Option<Arc<Item>>, delay: u64) -> Replaced {
        Replaced {
            space: 1,
            key: key.to_vec(),
            old,
            delay,
        }
    }

    #[test]
    fn a_change_is_missed_until_its_delay_has_passed() {
        let recent = Recent::new(100);
        recent.record(1_000, vec![change(b"a", item("old"), 100)]);
        assert_eq!(recent.seen(1, b"a", 1_000), Some(item("old")));
        assert_eq!(recent.seen(1, b"a", 1_099), Some(item("old")));
        assert_eq!(recent.seen(1, b"a", 1_100), None);
        assert_eq!(recent.seen(1, b"b", 1_000), None);
        assert_eq!(recent.seen(2, b"a", 1_000), None);
    }

    #[test]
    fn the_latest_visible_change_wins_whatever_the_order_of_delays() {
        let recent = Recent::new(100);
        recent.record(1_000, vec![change(b"a", None, 80)]);
        recent.record(1_010, vec![change(b"a", item("first"), 10)]);
        recent.record(1_020, vec![change(b"a", item("second"), 90)]);
        // Nothing visible yet: the key did not exist.
        assert_eq!(recent.seen(1, b"a", 1_010), Some(None));
        // The second change (visible at 1_020) is seen before the first (1_080).
        assert_eq!(recent.seen(1, b"a", 1_020), Some(item("second")));
        assert_eq!(recent.seen(1, b"a", 1_109), Some(item("second")));
        assert_eq!(recent.seen(1, b"a", 1_110), None);
    }

    #[test]
    fn delays_never_exceed_the_lag() {
        let recent = Recent::new(100);
        recent.record(1_000, vec![change(b"a", None, 5_000)]);
        assert_eq!(recent.seen(1, b"a", 1_100), None);
    }

    #[test]
    fn changes_older_than_the_lag_are_dropped() {
        let recent = Recent::new(100);
        recent.record(1_000, vec![change(b"a", None, 0), change(b"b", None, 0)]);
        recent.record(1_050, vec![change(b"a", item("x"), 0)]);
        assert_eq!(recent.len(), 3);
        recent.record(1_100, vec![]);
        assert_eq!(recent.len(), 1);
        assert_eq!(recent.seen(1, b"a", 1_100), None);
        assert_eq!(recent.seen(1, b"a", 1_150), None);
        assert_eq!(recent.len(), 0);
        assert!(recent.log.lock().spaces.is_empty());
    }

    #[test]
    fn ranges_list_the_older_states_in_order() {
        let recent = Recent::new(100);
        recent.record(
            1_000,
            vec![
                change(b"a", item("a"), 100),
                change(b"b", None, 0),
                change(b"c", item("c"), 100),
            ],
        );
        let all = (Bound::Unbounded, Bound::Unbounded);
        let keys = |v: Vec<Older>| v.into_iter().map(|(k, _)| k.to_vec()).collect::<Vec<_>>();
        assert_eq!(
            keys(recent.older_in(1, all, false, 1_000)),
            [b"a".to_vec(), b"c".to_vec()]
        );
        assert_eq!(
            keys(recent.older_in(1, all, true, 1_000)),
            [b"c".to_vec(), b"a".to_vec()]
        );
        let from_b = (Bound::Excluded(&b"a"[..]), Bound::Included(&b"c"[..]));
        assert_eq!(
            keys(recent.older_in(1, from_b, false, 1_000)),
            [b"c".to_vec()]
        );
        let empty = (Bound::Excluded(&b"b"[..]), Bound::Excluded(&b"b"[..]));
        assert!(recent.older_in(1, empty, false, 1_000).is_empty());
        let inverted = (Bound::Included(&b"c"[..]), Bound::Included(&b"a"[..]));
        assert!(recent.older_in(1, inverted, false, 1_000).is_empty());
    }
}
