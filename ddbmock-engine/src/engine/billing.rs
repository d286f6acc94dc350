//! Billing of requests: what each change or read consumes, its record in the meter, the
//! throughput simulation's admission check, and the planning report.

use std::collections::BTreeMap;

use serde::Serialize;

use super::Engine;
use super::capacity::{Consumed, index_write_units, read_units, write_units};
use super::change::Change;
use super::meter::UsageSummary;
use super::table::Table;
use ddbmock_core::error::{Result, msg};
use ddbmock_core::model::{Item, item_size};
use ddbmock_core::operation::{BillingMode, ConsumedCapacity, ReturnConsumedCapacity};

/// What a write of `change` consumes: the larger of the old and new item on the table, and per
/// index the entry written, deleted or both (a changed index key).
pub(crate) fn change_consumed(change: &Change) -> Consumed {
    let table = &change.table;
    let mut c = Consumed::new(table.name());
    c.table_write = write_units(change.old_size.max(change.new_size));
    for index in &table.indexes {
        let entry = |item: Option<&Item>| item.and_then(|i| index.project(&table.key, i));
        let (o, n) = (entry(change.old.as_deref()), entry(change.new.as_deref()));
        let key_changed = match (&o, &n) {
            (Some(o), Some(n)) => index.key.attrs().any(|a| o.get(&a.name) != n.get(&a.name)),
            _ => false,
        };
        let units = index_write_units(
            o.as_ref().map(item_size),
            n.as_ref().map(item_size),
            key_changed,
        );
        if units > 0.0 {
            let map = if index.local {
                &mut c.local
            } else {
                &mut c.global
            };
            map.insert(index.name.clone(), (0.0, units));
        }
    }
    c
}

/// What a write whose condition failed consumes: the item as it is (at least one unit).
pub(crate) fn failed_write_consumed(table: &Table, old: Option<&Item>) -> Consumed {
    let mut c = Consumed::new(table.name());
    c.table_write = write_units(old.map_or(0, item_size));
    c
}

/// What reading `bytes` of `table` (or of its index `index`) consumes.
pub(crate) fn read_consumed(
    table: &Table,
    index: Option<(&str, bool)>,
    bytes: usize,
    consistent: bool,
) -> Consumed {
    let mut c = Consumed::new(table.name());
    let units = read_units(bytes, consistent);
    match index {
        None => c.table_read = units,
        Some((name, true)) => {
            c.local.insert(name.to_owned(), (units, 0.0));
        }
        Some((name, false)) => {
            c.global.insert(name.to_owned(), (units, 0.0));
        }
    }
    c
}

/// One table's line in the planning report.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct TableReport {
    /// Consumption of the table itself.
    pub usage: UsageSummary,
    /// Consumption per index.
    pub indexes: BTreeMap<String, UsageSummary>,
    /// Items now in the table.
    pub item_count: i64,
    /// Bytes now in the table, by DynamoDB's size formula.
    pub table_size_bytes: i64,
    /// Monthly cost of this workload's request volume on demand, plus storage, in dollars.
    pub monthly_cost_on_demand: f64,
    /// Monthly cost of provisioning this workload's peak, plus storage, in dollars.
    pub monthly_cost_provisioned: f64,
}

/// The prices the planning report uses (dollars), us-east-1 list prices by default.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct Prices {
    /// Per million on-demand write request units.
    pub on_demand_write_per_million: f64,
    /// Per million on-demand read request units.
    pub on_demand_read_per_million: f64,
    /// Per provisioned WCU-hour.
    pub provisioned_wcu_hour: f64,
    /// Per provisioned RCU-hour.
    pub provisioned_rcu_hour: f64,
    /// Per GB-month of storage.
    pub storage_gb_month: f64,
}

impl Default for Prices {
    fn default() -> Self {
        Prices {
            on_demand_write_per_million: 0.625,
            on_demand_read_per_million: 0.125,
            provisioned_wcu_hour: 0.00065,
            provisioned_rcu_hour: 0.00013,
            storage_gb_month: 0.25,
        }
    }
}

/// The planning report: per table, consumption over time, size, throttles and monthly costs.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct CapacityReport {
    /// Per table name.
    pub tables: BTreeMap<String, TableReport>,
    /// The prices the costs were computed with.
    pub prices: Prices,
}

const HOURS_PER_MONTH: f64 = 730.0;
const SECONDS_PER_MONTH: f64 = HOURS_PER_MONTH * 3600.0;

impl Engine {
    /// Records what a request consumed, and the report its caller asked for.
    pub(crate) fn bill(
        &self,
        consumed: &Consumed,
        mode: Option<&ReturnConsumedCapacity>,
    ) -> Option<ConsumedCapacity> {
        self.inner.meter.record(
            consumed,
            self.inner.clock.epoch_seconds(),
            self.inner.config.throttle.enabled,
        );
        consumed.report(mode)
    }

    /// Bills a Query or Scan page: the `read` bytes of everything read before the filter, summed,
    /// then rounded once; and, when a local index query fetched items from the table, the `fetched`
    /// bytes of those items, on the table, rounded the same way.
    pub(crate) fn bill_page(
        &self,
        table: &Table,
        index: Option<&super::table::Index>,
        (read, fetched): (usize, Option<usize>),
        consistent: bool,
        mode: Option<&ReturnConsumedCapacity>,
    ) -> Option<ConsumedCapacity> {
        let index = index.map(|i| (i.name.as_str(), i.local));
        let mut consumed = read_consumed(table, index, read, consistent);
        if let Some(bytes) = fetched {
            consumed.table_read += read_units(bytes, consistent);
        }
        self.bill(&consumed, mode)
    }

    /// The throughput simulation's admission of a request on `table` (and, for writes, its global
    /// indexes): `ProvisionedThroughputExceededException` when a bucket is empty.
    pub(crate) fn admit(&self, table: &Table, write: bool) -> Result<()> {
        let cfg = &self.inner.config.throttle;
        if !cfg.enabled {
            return Ok(());
        }
        let now = self.inner.clock.epoch_seconds();
        let on_demand = table
            .description
            .billing_mode_summary
            .as_ref()
            .and_then(|b| b.billing_mode.as_ref())
            == Some(&BillingMode::PayPerRequest);
        let rate = if on_demand {
            if write {
                cfg.on_demand_max_write
            } else {
                cfg.on_demand_max_read
            }
        } else {
            table
                .description
                .provisioned_throughput
                .as_ref()
                .and_then(|p| {
                    if write {
                        p.write_capacity_units
                    } else {
                        p.read_capacity_units
                    }
                })
                .map(|u| u as f64)
        };
        if let Some(rate) = rate
            && !self.inner.meter.admit(table.name(), write, rate, now)
        {
            return Err(msg::throughput_exceeded());
        }
        if write && !on_demand {
            for gsi in table.description.global_secondary_indexes.iter().flatten() {
                let Some(rate) = gsi
                    .provisioned_throughput
                    .as_ref()
                    .and_then(|p| p.write_capacity_units)
                else {
                    continue;
                };
                let name = format!(
                    "{}/index/{}",
                    table.name(),
                    gsi.index_name.as_deref().unwrap_or_default()
                );
                if !self.inner.meter.admit(&name, true, rate as f64, now) {
                    return Err(msg::throughput_exceeded());
                }
            }
        }
        Ok(())
    }

    /// The planning report of everything this engine has served: per table and index, units
    /// consumed over time, size, throttled requests, and what the workload would cost per month.
    pub fn capacity_report(&self) -> CapacityReport {
        self.capacity_report_with(Prices::default())
    }

    /// [`Engine::capacity_report`] with other prices.
    pub fn capacity_report_with(&self, prices: Prices) -> CapacityReport {
        let usage = self.inner.meter.summaries();
        let live = self.inner.tables.read().clone();
        let mut tables: BTreeMap<String, TableReport> = BTreeMap::new();
        for (name, u) in &usage {
            let (table, index) = match name.split_once("/index/") {
                Some((t, i)) => (t, Some(i)),
                None => (name.as_str(), None),
            };
            let entry = tables.entry(table.to_owned()).or_default();
            match index {
                Some(i) => {
                    entry.indexes.insert(i.to_owned(), u.clone());
                }
                None => entry.usage = u.clone(),
            }
        }
        for (name, t) in &live {
            let entry = tables.entry(name.clone()).or_default();
            entry.item_count = t.stats.items();
            entry.table_size_bytes = t.stats.bytes();
        }
        for report in tables.values_mut() {
            let all: Vec<&UsageSummary> = std::iter::once(&report.usage)
                .chain(report.indexes.values())
                .collect();
            let reads: f64 = all.iter().map(|u| u.total_read_units).sum();
            let writes: f64 = all.iter().map(|u| u.total_write_units).sum();
            let active = all
                .iter()
                .map(|u| u.active_seconds)
                .max()
                .unwrap_or(0)
                .max(1) as f64;
            // The workload is assumed to repeat all month at the rate observed while it ran.
            let month = SECONDS_PER_MONTH / active;
            let storage = report.table_size_bytes as f64 / 1e9 * prices.storage_gb_month;
            report.monthly_cost_on_demand = (reads * prices.on_demand_read_per_million
                + writes * prices.on_demand_write_per_million)
                / 1e6
                * month
                + storage;
            let peak_r: f64 = all.iter().map(|u| u.peak_read_units_per_second).sum();
            let peak_w: f64 = all.iter().map(|u| u.peak_write_units_per_second).sum();
            report.monthly_cost_provisioned = (peak_r.ceil() * prices.provisioned_rcu_hour
                + peak_w.ceil() * prices.provisioned_wcu_hour)
                * HOURS_PER_MONTH
                + storage;
        }
        CapacityReport { tables, prices }
    }
}
