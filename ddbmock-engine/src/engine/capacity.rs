//! Capacity units as DynamoDB bills them, and the `ConsumedCapacity` a response reports.
//!
//! Reads are billed in 4 KB units (half for eventually consistent reads), writes in 1 KB units, each
//! rounded up per item (Query and Scan: over the sum of the items read before filtering, rounded
//! once); an index write is billed per index from the size of its projected entry; transactions
//! cost double. See the Developer Guide, "Read/write capacity mode" and "Provisioned throughput
//! considerations for secondary indexes".

use std::collections::HashMap;

use ddbmock_core::operation::{Capacity, ConsumedCapacity, ReturnConsumedCapacity};

const READ_UNIT_BYTES: usize = 4 * 1024;
const WRITE_UNIT_BYTES: usize = 1024;

/// Read units for reading `bytes` (at least one unit, as DynamoDB charges for a miss too).
pub fn read_units(bytes: usize, consistent: bool) -> f64 {
    let units = bytes.div_ceil(READ_UNIT_BYTES).max(1) as f64;
    if consistent { units } else { units / 2.0 }
}

/// Write units for writing an item of `bytes` (at least one).
pub fn write_units(bytes: usize) -> f64 {
    bytes.div_ceil(WRITE_UNIT_BYTES).max(1) as f64
}

/// Write units one index spends when an item's entry changes from `old` to `new` bytes
/// (`None`: the item has no entry in the index). A changed index key is a delete plus a put.
pub fn index_write_units(old: Option<usize>, new: Option<usize>, key_changed: bool) -> f64 {
    match (old, new) {
        (None, None) => 0.0,
        (Some(o), None) => write_units(o),
        (None, Some(n)) => write_units(n),
        (Some(o), Some(n)) if key_changed => write_units(o) + write_units(n),
        (Some(o), Some(n)) => write_units(o.max(n)),
    }
}

/// What one request consumed, per table and index, before it is reported.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Consumed {
    /// The table's name.
    pub table: String,
    /// Read units on the table itself.
    pub table_read: f64,
    /// Write units on the table itself.
    pub table_write: f64,
    /// Read and write units per local secondary index.
    pub local: HashMap<String, (f64, f64)>,
    /// Read and write units per global secondary index.
    pub global: HashMap<String, (f64, f64)>,
}

impl Consumed {
    /// Nothing consumed yet on `table`.
    pub fn new(table: &str) -> Self {
        Consumed {
            table: table.to_owned(),
            ..Default::default()
        }
    }

    /// Doubles every figure, as DynamoDB bills transactional reads and writes.
    pub fn doubled(mut self) -> Self {
        self.table_read *= 2.0;
        self.table_write *= 2.0;
        for v in self.local.values_mut().chain(self.global.values_mut()) {
            v.0 *= 2.0;
            v.1 *= 2.0;
        }
        self
    }

    /// Adds another request part's consumption on the same table.
    pub fn add(&mut self, other: &Consumed) {
        self.table_read += other.table_read;
        self.table_write += other.table_write;
        for (name, (r, w)) in &other.local {
            let e = self.local.entry(name.clone()).or_default();
            e.0 += r;
            e.1 += w;
        }
        for (name, (r, w)) in &other.global {
            let e = self.global.entry(name.clone()).or_default();
            e.0 += r;
            e.1 += w;
        }
    }

    /// Total read units over the table and its indexes.
    pub fn total_read(&self) -> f64 {
        self.table_read
            + self
                .local
                .values()
                .chain(self.global.values())
                .map(|v| v.0)
                .sum::<f64>()
    }

    /// Total write units over the table and its indexes.
    pub fn total_write(&self) -> f64 {
        self.table_write
            + self
                .local
                .values()
                .chain(self.global.values())
                .map(|v| v.1)
                .sum::<f64>()
    }

    /// The `ConsumedCapacity` DynamoDB reports for `mode`, or `None` for NONE.
    pub fn report(&self, mode: Option<&ReturnConsumedCapacity>) -> Option<ConsumedCapacity> {
        let mode = mode?;
        if !matches!(
            mode,
            ReturnConsumedCapacity::Total | ReturnConsumedCapacity::Indexes
        ) {
            return None;
        }
        let (read, write) = (self.total_read(), self.total_write());
        let mut out = ConsumedCapacity {
            table_name: Some(self.table.clone()),
            capacity_units: Some(read + write),
            read_capacity_units: (read > 0.0).then_some(read),
            write_capacity_units: (write > 0.0).then_some(write),
            ..Default::default()
        };
        if *mode == ReturnConsumedCapacity::Indexes {
            out.table = Some(capacity(self.table_read, self.table_write));
            let map = |m: &HashMap<String, (f64, f64)>| {
                (!m.is_empty()).then(|| {
                    m.iter()
                        .map(|(k, v)| (k.clone(), capacity(v.0, v.1)))
                        .collect()
                })
            };
            out.local_secondary_indexes = map(&self.local);
            out.global_secondary_indexes = map(&self.global);
        }
        Some(out)
    }
}

fn capacity(read: f64, write: f64) -> Capacity {
    Capacity {
        capacity_units: Some(read + write),
        read_capacity_units: (read > 0.0).then_some(read),
        write_capacity_units: (write > 0.0).then_some(write),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_round_up_at_the_boundaries() {
        assert_eq!(read_units(0, true), 1.0);
        assert_eq!(read_units(4096, true), 1.0);
        assert_eq!(read_units(4097, true), 2.0);
        assert_eq!(read_units(4097, false), 1.0);
        assert_eq!(read_units(1, false), 0.5);
        assert_eq!(write_units(1024), 1.0);
        assert_eq!(write_units(1025), 2.0);
        assert_eq!(index_write_units(Some(100), Some(2000), true), 3.0);
        assert_eq!(index_write_units(Some(100), Some(2000), false), 2.0);
        assert_eq!(index_write_units(None, None, false), 0.0);
    }

    #[test]
    fn reports_follow_the_mode() {
        let mut c = Consumed::new("t");
        c.table_write = 1.0;
        c.global.insert("g".into(), (0.0, 2.0));
        assert_eq!(c.report(None), None);
        assert_eq!(c.report(Some(&ReturnConsumedCapacity::None)), None);
        let total = c.report(Some(&ReturnConsumedCapacity::Total)).unwrap();
        assert_eq!(
            (
                total.capacity_units,
                total.write_capacity_units,
                total.read_capacity_units
            ),
            (Some(3.0), Some(3.0), None)
        );
        assert!(total.global_secondary_indexes.is_none());
        let idx = c
            .doubled()
            .report(Some(&ReturnConsumedCapacity::Indexes))
            .unwrap();
        assert_eq!(idx.capacity_units, Some(6.0));
        assert_eq!(
            idx.global_secondary_indexes.unwrap()["g"].capacity_units,
            Some(4.0)
        );
        assert_eq!(idx.table.unwrap().capacity_units, Some(2.0));
    }
}
