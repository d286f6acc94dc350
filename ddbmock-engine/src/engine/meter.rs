//! The capacity meter: consumption per table and index over time, the throughput simulation
//! (token buckets with DynamoDB's 300-second burst allowance), and the planning report.
//!
//! Everything reads the engine's clock, so with a manual clock throttling is deterministic.

use std::collections::BTreeMap;

use hashbrown::HashMap;

use parking_lot::Mutex;
use serde::Serialize;

use super::capacity::Consumed;

/// DynamoDB keeps up to five minutes of unused capacity for bursts.
const BURST_SECONDS: f64 = 300.0;

/// Whether and how the engine enforces throughput.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ThrottleConfig {
    /// Enforce provisioned capacity (and the on-demand maximums below).
    pub enabled: bool,
    /// Read units per second an on-demand table may use before it is throttled (`None`: no limit).
    pub on_demand_max_read: Option<f64>,
    /// Write units per second an on-demand table may use before it is throttled (`None`: no limit).
    pub on_demand_max_write: Option<f64>,
}

#[derive(Debug)]
struct Bucket {
    rate: f64,
    tokens: f64,
    at: f64,
}

impl Bucket {
    fn new(rate: f64, now: f64) -> Self {
        // A new table starts with a full burst allowance, as DynamoDB's does after a quiet period.
        Bucket {
            rate,
            tokens: rate * BURST_SECONDS,
            at: now,
        }
    }

    fn refill(&mut self, rate: f64, now: f64) {
        self.rate = rate;
        let elapsed = (now - self.at).max(0.0);
        self.tokens = (self.tokens + elapsed * rate).min(rate * BURST_SECONDS);
        self.at = now;
    }
}

/// Per-second totals of one table or index.
#[derive(Debug, Default)]
struct Series {
    per_second: BTreeMap<i64, (f64, f64)>,
    throttled: u64,
}

/// Totals and peaks of one table or index in the planning report.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct UsageSummary {
    /// Read units consumed over the whole run.
    pub total_read_units: f64,
    /// Write units consumed over the whole run.
    pub total_write_units: f64,
    /// The busiest second's read units.
    pub peak_read_units_per_second: f64,
    /// The busiest second's write units.
    pub peak_write_units_per_second: f64,
    /// The 99th percentile of read units per second, over the seconds with any activity.
    pub p99_read_units_per_second: f64,
    /// The 99th percentile of write units per second, over the seconds with any activity.
    pub p99_write_units_per_second: f64,
    /// Requests rejected by the throughput simulation.
    pub throttled_requests: u64,
    /// Seconds from the first to the last second with any activity, both included.
    pub active_seconds: i64,
}

/// The engine's meter.
#[derive(Debug, Default)]
pub struct Meter {
    series: Mutex<HashMap<String, Series>>,
    buckets: Mutex<HashMap<(String, bool), Bucket>>,
}

impl Meter {
    /// Records what a request consumed at epoch second `now`, and takes it from the throughput
    /// buckets when `throttling`.
    ///
    /// Locking: one short critical section per request (a map lookup and two additions); the
    /// series are not in the path of any storage work.
    pub fn record(&self, consumed: &Consumed, now: f64, throttling: bool) {
        let second = now.floor() as i64;
        let mut series = self.series.lock();
        let mut add = |name: &str, r: f64, w: f64| {
            let s = match series.get_mut(name) {
                Some(s) => s,
                None => series.entry(name.to_owned()).or_default(),
            };
            // Requests arrive in time order, so the current second is almost always the last one.
            let e = match s.per_second.last_entry() {
                Some(e) if *e.key() == second => e.into_mut(),
                _ => s.per_second.entry(second).or_default(),
            };
            e.0 += r;
            e.1 += w;
        };
        add(&consumed.table, consumed.table_read, consumed.table_write);
        for (i, (r, w)) in consumed.local.iter().chain(&consumed.global) {
            add(&format!("{}/index/{i}", consumed.table), *r, *w);
        }
        drop(series);
        if !throttling {
            return;
        }
        let mut buckets = self.buckets.lock();
        for ((name, write), bucket) in buckets.iter_mut() {
            if *name == consumed.table {
                bucket.tokens -= if *write {
                    consumed.table_write
                } else {
                    consumed.table_read
                };
            } else if let Some(index) = name.strip_prefix(&format!("{}/index/", consumed.table))
                && let Some((r, w)) = consumed.global.get(index)
            {
                bucket.tokens -= if *write { *w } else { *r };
            }
        }
    }

    /// Whether a request may proceed on `name` (a table, or `table/index/name`) given `rate` units
    /// per second: refills the bucket, and counts a throttle when it is empty.
    pub fn admit(&self, name: &str, write: bool, rate: f64, now: f64) -> bool {
        let mut buckets = self.buckets.lock();
        let bucket = buckets
            .entry((name.to_owned(), write))
            .or_insert_with(|| Bucket::new(rate, now));
        bucket.refill(rate, now);
        if bucket.tokens > 0.0 {
            return true;
        }
        drop(buckets);
        self.series
            .lock()
            .entry(name.to_owned())
            .or_default()
            .throttled += 1;
        false
    }

    /// Forgets a dropped table's buckets (its history stays in the report).
    pub fn forget(&self, table: &str) {
        let prefix = format!("{table}/index/");
        self.buckets
            .lock()
            .retain(|(n, _), _| n != table && !n.starts_with(&prefix));
    }

    /// The usage summary of every table and index seen so far.
    pub fn summaries(&self) -> BTreeMap<String, UsageSummary> {
        self.series
            .lock()
            .iter()
            .map(|(name, s)| (name.clone(), summarize(s)))
            .collect()
    }
}

fn summarize(s: &Series) -> UsageSummary {
    let reads: Vec<f64> = s.per_second.values().map(|v| v.0).collect();
    let writes: Vec<f64> = s.per_second.values().map(|v| v.1).collect();
    UsageSummary {
        total_read_units: reads.iter().sum(),
        total_write_units: writes.iter().sum(),
        peak_read_units_per_second: reads.iter().copied().fold(0.0, f64::max),
        peak_write_units_per_second: writes.iter().copied().fold(0.0, f64::max),
        p99_read_units_per_second: p99(reads),
        p99_write_units_per_second: p99(writes),
        throttled_requests: s.throttled,
        active_seconds: match (s.per_second.keys().next(), s.per_second.keys().next_back()) {
            (Some(first), Some(last)) => last - first + 1,
            _ => 0,
        },
    }
}

fn p99(mut v: Vec<f64>) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    v.sort_by(f64::total_cmp);
    let rank = ((v.len() as f64) * 0.99).ceil() as usize;
    v[rank.clamp(1, v.len()) - 1]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn burst_then_throttle_then_refill() {
        let m = Meter::default();
        let mut c = Consumed::new("t");
        c.table_write = 1.0;
        // 5 WCU bank 1,500 units of burst.
        let mut admitted = 0;
        while m.admit("t", true, 5.0, 0.0) {
            m.record(&c, 0.0, true);
            admitted += 1;
        }
        assert_eq!(admitted, 1500);
        // A request is admitted while any capacity is banked, and may leave the bucket in debt.
        assert!(m.admit("t", true, 5.0, 0.1));
        m.record(&c, 0.1, true);
        assert!(!m.admit("t", true, 5.0, 0.15), "-0.25 units banked");
        assert!(m.admit("t", true, 5.0, 0.3));
        let s = &m.summaries()["t"];
        assert_eq!(s.total_write_units, 1501.0);
        assert_eq!(s.throttled_requests, 2);
        assert_eq!(s.peak_write_units_per_second, 1501.0);
    }
}
