//! DynamoDB Streams: the change log of each table whose stream is enabled, and the Streams API over it.
//!
//! Every item write reaches [`Engine::record_changes`] from the shared write path, after the storage
//! write succeeded and while the item's lock is still held, so records of one item are appended in
//! the order its writes happened. Records live in memory only (a persistent store keeps its tables,
//! not their stream records): a restarted engine starts each enabled stream empty, under the same ARN.
//!
//! Time is the engine clock's: records are trimmed 24 hours after they were written, an open shard
//! is closed and succeeded by a child shard every 4 hours, iterators expire after 15 minutes, and a
//! disabled stream stays readable for 24 hours.
//!
//! Locking: one mutex guards every stream of the engine. Writes to tables without a stream never take
//! it (the table's description says whether a stream is enabled), and holders only append or copy.

mod api;
mod iterator;
mod record;
mod subscribe;
mod table;
mod time;

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::sync::Arc;
use std::task::Waker;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use parking_lot::Mutex;

pub use subscribe::StreamRecords;
pub(crate) use table::check_create;

use super::Engine;
use super::change::Change;
use super::keys::fast_hash;
use ddbmock_core::operation::{KeySchemaElement, Record, StreamViewType};

/// How long a stream record stays readable.
pub(crate) const RETENTION: Duration = Duration::from_secs(24 * 3600);
/// How long a shard stays open before a child shard takes over.
pub(crate) const SHARD_LIFETIME: Duration = Duration::from_secs(4 * 3600);
/// How long a shard iterator stays usable.
pub(crate) const ITERATOR_LIFETIME: Duration = Duration::from_secs(15 * 60);
/// The first sequence number: 10^20, so every sequence number has at least the 21 digits the Streams
/// API's `SequenceNumber` requires, and fixed-width numbers also sort as text.
const FIRST_SEQUENCE: u128 = 100_000_000_000_000_000_000;

/// Who made a change: a request, or DynamoDB's own time-to-live process.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Origin {
    /// An API request (PutItem, UpdateItem, DeleteItem, batches, transactions).
    Request,
    /// The TTL sweeper: the record carries the service's `userIdentity`.
    TimeToLive,
    /// A write replicated from another region's replica: recorded as the request was, and not
    /// replicated again.
    Replication,
}

/// Every stream of one engine.
pub(crate) struct Streams {
    state: Mutex<State>,
}

impl Default for Streams {
    fn default() -> Self {
        Streams {
            state: Mutex::new(State {
                logs: BTreeMap::new(),
                enabled: HashMap::new(),
                last_seq: FIRST_SEQUENCE - 1,
                wakers: Vec::new(),
            }),
        }
    }
}

pub(crate) struct State {
    /// By ARN, which orders streams by table name, then by creation: ListStreams' order.
    logs: BTreeMap<String, StreamLog>,
    /// Table name → ARN of its enabled stream.
    enabled: HashMap<String, String>,
    /// The last sequence number handed out, over all streams.
    last_seq: u128,
    /// Subscribers waiting for a record (see `subscribe`).
    wakers: Vec<Waker>,
}

/// One stream: a table's changes between enabling and disabling its stream.
pub(crate) struct StreamLog {
    pub(crate) arn: String,
    pub(crate) table_name: String,
    pub(crate) label: String,
    pub(crate) view_type: StreamViewType,
    pub(crate) key_schema: Vec<KeySchemaElement>,
    pub(crate) created: SystemTime,
    pub(crate) disabled_at: Option<SystemTime>,
    /// Oldest first; the last one is open while the stream is enabled.
    pub(crate) shards: Vec<ShardLog>,
    shards_made: u64,
}

/// One shard: the records of a stretch of time, in sequence order.
pub(crate) struct ShardLog {
    pub(crate) id: String,
    pub(crate) parent: Option<String>,
    opened: SystemTime,
    pub(crate) start_seq: u128,
    /// When the shard was closed, and the last sequence number it can hold.
    pub(crate) closed: Option<(SystemTime, u128)>,
    pub(crate) records: VecDeque<Stored>,
    /// The highest sequence number trimmed from this shard (below `start_seq` when none was).
    pub(crate) trimmed_through: u128,
}

/// A record as the shard keeps it.
pub(crate) struct Stored {
    pub(crate) at: SystemTime,
    pub(crate) seq: u128,
    pub(crate) record: Arc<Record>,
}

/// What a new stream is made of.
pub(crate) struct NewStream {
    pub(crate) arn: String,
    pub(crate) label: String,
    pub(crate) table_name: String,
    pub(crate) view_type: StreamViewType,
    pub(crate) key_schema: Vec<KeySchemaElement>,
    pub(crate) created: SystemTime,
}

impl ShardLog {
    fn new(arn: &str, n: u64, parent: Option<String>, now: SystemTime, start_seq: u128) -> Self {
        let millis = now
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_millis())
            .unwrap_or(0);
        // DynamoDB's shape: `shardId-` + 20 digits of creation time + `-` + 8 hex digits.
        let tag = fast_hash(format!("{arn}#{n}").as_bytes()) & 0xffff_ffff;
        ShardLog {
            id: format!("shardId-{millis:020}-{tag:08x}"),
            parent,
            opened: now,
            start_seq,
            closed: None,
            records: VecDeque::new(),
            trimmed_through: start_seq - 1,
        }
    }

    /// The index of the first record after `seq`.
    pub(crate) fn first_after(&self, seq: u128) -> usize {
        self.records.partition_point(|r| r.seq <= seq)
    }
}

impl State {
    /// Applies the passage of time: trims old records, drops expired shards and disabled streams,
    /// and rolls open shards over.
    pub(crate) fn maintain(&mut self, now: SystemTime) {
        let last_seq = self.last_seq;
        self.logs
            .retain(|_, log| log.disabled_at.is_none_or(|at| at + RETENTION > now));
        for log in self.logs.values_mut() {
            for shard in &mut log.shards {
                while shard
                    .records
                    .front()
                    .is_some_and(|r| r.at + RETENTION <= now)
                {
                    if let Some(r) = shard.records.pop_front() {
                        shard.trimmed_through = r.seq;
                    }
                }
            }
            log.shards
                .retain(|s| s.closed.is_none_or(|(at, _)| at + RETENTION > now));
            let rollover = log.disabled_at.is_none()
                && log
                    .shards
                    .last()
                    .is_some_and(|s| s.closed.is_none() && s.opened + SHARD_LIFETIME <= now);
            if rollover && let Some(open) = log.shards.last_mut() {
                open.closed = Some((now, last_seq));
                let parent = Some(open.id.clone());
                log.shards_made += 1;
                let child = ShardLog::new(&log.arn, log.shards_made, parent, now, last_seq + 1);
                log.shards.push(child);
            }
        }
    }

    /// The stream `arn`, if it exists (after `maintain`).
    pub(crate) fn log(&self, arn: &str) -> Option<&StreamLog> {
        self.logs.get(arn)
    }

    /// The last sequence number handed out.
    pub(crate) fn last_seq(&self) -> u128 {
        self.last_seq
    }

    /// Whether a stream with this ARN exists.
    pub(crate) fn has_arn(&self, arn: &str) -> bool {
        self.logs.contains_key(arn)
    }

    /// The ARN of `table`'s enabled stream.
    pub(crate) fn enabled_arn(&self, table: &str) -> Option<&str> {
        self.enabled.get(table).map(String::as_str)
    }

    /// Every stream, in ARN order.
    pub(crate) fn logs(&self) -> impl Iterator<Item = &StreamLog> {
        self.logs.values()
    }

    fn open(&mut self, new: NewStream) {
        let first = ShardLog::new(&new.arn, 0, None, new.created, self.last_seq + 1);
        self.enabled.insert(new.table_name.clone(), new.arn.clone());
        self.logs.insert(
            new.arn.clone(),
            StreamLog {
                arn: new.arn,
                table_name: new.table_name,
                label: new.label,
                view_type: new.view_type,
                key_schema: new.key_schema,
                created: new.created,
                disabled_at: None,
                shards: vec![first],
                shards_made: 0,
            },
        );
    }

    fn close(&mut self, table: &str, now: SystemTime) {
        let Some(arn) = self.enabled.remove(table) else {
            return;
        };
        let last_seq = self.last_seq;
        if let Some(log) = self.logs.get_mut(&arn) {
            log.disabled_at = Some(now);
            if let Some(open) = log.shards.last_mut()
                && open.closed.is_none()
            {
                open.closed = Some((now, last_seq));
            }
        }
        self.wake();
    }

    fn wake(&mut self) {
        for w in self.wakers.drain(..) {
            w.wake();
        }
    }
}

impl Engine {
    /// Appends the stream records of `changes` (those that changed something, on tables whose
    /// stream is enabled). Called by the write path once the storage write succeeded.
    pub(crate) fn record_changes(&self, changes: &[Change], origin: Origin) {
        let streamed = |c: &&Change| {
            c.table
                .description
                .stream_specification
                .as_ref()
                .is_some_and(|s| s.stream_enabled == Some(true))
                && c.old.as_deref() != c.new.as_deref()
        };
        if !changes.iter().any(|c| streamed(&c)) {
            return;
        }
        let now = self.inner.clock.now();
        let mut st = self.inner.streams.state.lock();
        st.maintain(now);
        for c in changes.iter().filter(streamed) {
            let Some(arn) = st.enabled.get(c.table.name()).cloned() else {
                continue;
            };
            let seq = st.last_seq + 1;
            let Some(log) = st.logs.get_mut(&arn) else {
                continue;
            };
            let Some(record) = record::build(
                c,
                &log.view_type,
                seq,
                now,
                &self.inner.config.region,
                origin,
            ) else {
                continue;
            };
            let Some(shard) = log.shards.last_mut().filter(|s| s.closed.is_none()) else {
                continue;
            };
            shard.records.push_back(Stored {
                at: now,
                seq,
                record: Arc::new(record),
            });
            st.last_seq = seq;
        }
        st.wake();
    }
}
