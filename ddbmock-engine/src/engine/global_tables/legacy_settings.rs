//! DescribeGlobalTableSettings and UpdateGlobalTableSettings (global tables version 2017.11.29):
//! each member table's billing mode, provisioned read and write capacity and auto scaling
//! settings, and its global indexes', as the engine keeps them on the tables themselves.
//!
//! Write capacity and its auto scaling are the global table's, set on every member; read capacity
//! and its auto scaling are each replica's own. A billing mode change goes through UpdateTable on
//! each member, with its checks; capacity changes are recorded on the table's description.

use std::collections::BTreeSet;

use super::legacy::Group;
use crate::engine::Engine;
use crate::engine::auto_scaling::{apply, check_update, describe, entry};
use crate::engine::table::Table;
use ddbmock_core::error::Result;
use ddbmock_core::error::msg::legacy_global_tables as l;
use ddbmock_core::error::msg::table::{self as m, ConstraintErrors};
use ddbmock_core::operation::*;

impl Engine {
    pub(crate) fn describe_global_table_settings_now(
        &self,
        input: DescribeGlobalTableSettingsInput,
    ) -> Result<DescribeGlobalTableSettingsOutput> {
        let name = self.global_table_name(input.global_table_name.as_deref())?;
        let group = self
            .legacy_group(name)
            .ok_or_else(|| l::global_table_not_found(name))?;
        Ok(DescribeGlobalTableSettingsOutput {
            global_table_name: Some(name.to_owned()),
            replica_settings: Some(self.replica_settings(name, &group)),
        })
    }

    pub(crate) fn update_global_table_settings_now(
        &self,
        input: UpdateGlobalTableSettingsInput,
    ) -> Result<UpdateGlobalTableSettingsOutput> {
        check_settings_shape(&input)?;
        let name = input.global_table_name.as_deref().unwrap_or_default();
        for u in scaling_updates(&input) {
            check_update(name, u)?;
        }
        let group = self
            .legacy_group(name)
            .ok_or_else(|| l::global_table_not_found(name))?;
        let mut members = Vec::new();
        for region in &group.regions {
            if let Some(engine) = self.scope(region)
                && let Some(table) = engine.table_any(name)
            {
                members.push((engine, table));
            }
        }
        let mut named = BTreeSet::new();
        for r in input.replica_settings_update.iter().flatten() {
            let region = r.region_name.as_deref().unwrap_or_default();
            if !group.regions.contains(region) {
                return Err(l::replica_not_found(region));
            }
            if !named.insert(region) {
                return Err(l::duplicate_region(region));
            }
        }
        let indexes = input
            .global_table_global_secondary_index_settings_update
            .iter()
            .flatten()
            .filter_map(|g| g.index_name.as_deref())
            .chain(
                input
                    .replica_settings_update
                    .iter()
                    .flatten()
                    .flat_map(|r| r.replica_global_secondary_index_settings_update.iter())
                    .flatten()
                    .filter_map(|g| g.index_name.as_deref()),
            );
        for index in indexes {
            if members
                .iter()
                .any(|(_, t)| t.index(index).is_none_or(|i| i.local))
            {
                return Err(l::index_not_found(name, index));
            }
        }
        let on_demand_after = match &input.global_table_billing_mode {
            Some(mode) => *mode == BillingMode::PayPerRequest,
            None => members.first().is_some_and(|(_, t)| on_demand(t)),
        };
        if on_demand_after && asks_capacity(&input) {
            return Err(l::capacity_on_demand(name));
        }

        if let Some(mode) = &input.global_table_billing_mode {
            for (engine, table) in &members {
                if (*mode == BillingMode::PayPerRequest) == on_demand(table) {
                    continue;
                }
                let region = &engine.inner.config.region;
                let throughput =
                    (*mode == BillingMode::Provisioned).then(|| ProvisionedThroughput {
                        read_capacity_units: replica_update(&input, region)
                            .and_then(|r| r.replica_provisioned_read_capacity_units),
                        write_capacity_units: input.global_table_provisioned_write_capacity_units,
                    });
                engine.update_table_now(UpdateTableInput {
                    table_name: Some(name.to_owned()),
                    billing_mode: Some(mode.clone()),
                    provisioned_throughput: throughput,
                    ..Default::default()
                })?;
            }
        }
        for (engine, _) in &members {
            let region = engine.inner.config.region.clone();
            engine.change_table(
                name,
                || m::table_not_found_named(name),
                |t| {
                    let mut next = t.clone();
                    apply_settings(&mut next, &input, replica_update(&input, &region));
                    Ok(next)
                },
            )?;
        }
        Ok(UpdateGlobalTableSettingsOutput {
            global_table_name: Some(name.to_owned()),
            replica_settings: Some(self.replica_settings(name, &group)),
        })
    }

    /// The settings of each member of `group`, by region.
    fn replica_settings(&self, name: &str, group: &Group) -> Vec<ReplicaSettingsDescription> {
        let now = self.inner.clock.epoch_seconds();
        let status = if now < group.record.active_at {
            ReplicaStatus::Creating
        } else {
            ReplicaStatus::Active
        };
        group
            .regions
            .iter()
            .filter_map(|region| {
                let engine = self.scope(region)?;
                let table = engine.table_any(name)?;
                Some(engine.settings_of(&table, region, status.clone()))
            })
            .collect()
    }

    fn settings_of(
        &self,
        table: &Table,
        region: &str,
        status: ReplicaStatus,
    ) -> ReplicaSettingsDescription {
        let scaling = |index: Option<&str>, write: bool| {
            table
                .extras
                .auto_scaling
                .iter()
                .find(|r| r.index.as_deref() == index && r.write == write)
                .map(describe)
        };
        let d = self.describe(table);
        let units = |p: Option<&ProvisionedThroughputDescription>| {
            let p = p.filter(|_| !on_demand(table));
            (
                p.and_then(|p| p.read_capacity_units),
                p.and_then(|p| p.write_capacity_units),
            )
        };
        let (read, write) = units(d.provisioned_throughput.as_ref());
        let indexes = d
            .global_secondary_indexes
            .iter()
            .flatten()
            .map(|g| {
                let index = g.index_name.as_deref();
                let (read, write) = units(g.provisioned_throughput.as_ref());
                ReplicaGlobalSecondaryIndexSettingsDescription {
                    index_name: g.index_name.clone(),
                    index_status: g.index_status.clone(),
                    provisioned_read_capacity_units: read,
                    provisioned_read_capacity_auto_scaling_settings: scaling(index, false),
                    provisioned_write_capacity_units: write,
                    provisioned_write_capacity_auto_scaling_settings: scaling(index, true),
                }
            })
            .collect::<Vec<_>>();
        ReplicaSettingsDescription {
            region_name: Some(region.to_owned()),
            replica_status: Some(status),
            replica_billing_mode_summary: Some(d.billing_mode_summary.clone().unwrap_or(
                BillingModeSummary {
                    billing_mode: Some(BillingMode::Provisioned),
                    ..Default::default()
                },
            )),
            replica_provisioned_read_capacity_units: read,
            replica_provisioned_read_capacity_auto_scaling_settings: scaling(None, false),
            replica_provisioned_write_capacity_units: write,
            replica_provisioned_write_capacity_auto_scaling_settings: scaling(None, true),
            replica_global_secondary_index_settings: (!indexes.is_empty()).then_some(indexes),
            replica_table_class_summary: d.table_class_summary.clone(),
        }
    }
}

/// The request's shape constraints, all reported together.
fn check_settings_shape(input: &UpdateGlobalTableSettingsInput) -> Result<()> {
    let mut errors = ConstraintErrors::new();
    errors.name("globalTableName", input.global_table_name.as_deref());
    if let Some(mode) = &input.global_table_billing_mode {
        errors.enum_value(
            "globalTableBillingMode",
            Some(mode.as_str()),
            BillingMode::VALUES,
        );
    }
    errors.at_least(
        "globalTableProvisionedWriteCapacityUnits",
        input.global_table_provisioned_write_capacity_units,
        1,
    );
    list_length(
        &mut errors,
        "globalTableGlobalSecondaryIndexSettingsUpdate",
        input
            .global_table_global_secondary_index_settings_update
            .as_ref()
            .map(Vec::len),
        20,
    );
    for (i, g) in input
        .global_table_global_secondary_index_settings_update
        .iter()
        .flatten()
        .enumerate()
    {
        let at = format!(
            "globalTableGlobalSecondaryIndexSettingsUpdate.{}.member",
            i + 1
        );
        errors.name(&format!("{at}.indexName"), g.index_name.as_deref());
        errors.at_least(
            &format!("{at}.provisionedWriteCapacityUnits"),
            g.provisioned_write_capacity_units,
            1,
        );
    }
    list_length(
        &mut errors,
        "replicaSettingsUpdate",
        input.replica_settings_update.as_ref().map(Vec::len),
        50,
    );
    for (i, r) in input.replica_settings_update.iter().flatten().enumerate() {
        let at = format!("replicaSettingsUpdate.{}.member", i + 1);
        if r.region_name.is_none() {
            errors.null(&format!("{at}.regionName"));
        }
        errors.at_least(
            &format!("{at}.replicaProvisionedReadCapacityUnits"),
            r.replica_provisioned_read_capacity_units,
            1,
        );
        if let Some(class) = &r.replica_table_class {
            errors.enum_value(
                &format!("{at}.replicaTableClass"),
                Some(class.as_str()),
                TableClass::VALUES,
            );
        }
        list_length(
            &mut errors,
            &format!("{at}.replicaGlobalSecondaryIndexSettingsUpdate"),
            r.replica_global_secondary_index_settings_update
                .as_ref()
                .map(Vec::len),
            20,
        );
        for (j, g) in r
            .replica_global_secondary_index_settings_update
            .iter()
            .flatten()
            .enumerate()
        {
            let at = format!(
                "{at}.replicaGlobalSecondaryIndexSettingsUpdate.{}.member",
                j + 1
            );
            errors.name(&format!("{at}.indexName"), g.index_name.as_deref());
            errors.at_least(
                &format!("{at}.provisionedReadCapacityUnits"),
                g.provisioned_read_capacity_units,
                1,
            );
        }
    }
    errors.into_result()
}

/// A list member's length constraint: 1 to `max` entries, as the API Reference gives them.
fn list_length(errors: &mut ConstraintErrors, member: &str, len: Option<usize>, max: usize) {
    use ddbmock_core::error::msg::constraint;
    match len {
        Some(0) => errors.unquoted(member, &constraint::min_length(1)),
        Some(n) if n > max => errors.unquoted(member, &constraint::max_length(max)),
        _ => {}
    }
}

/// Every auto scaling update of the request.
fn scaling_updates(input: &UpdateGlobalTableSettingsInput) -> Vec<&AutoScalingSettingsUpdate> {
    let mut all = Vec::new();
    all.extend(&input.global_table_provisioned_write_capacity_auto_scaling_settings_update);
    for g in input
        .global_table_global_secondary_index_settings_update
        .iter()
        .flatten()
    {
        all.extend(&g.provisioned_write_capacity_auto_scaling_settings_update);
    }
    for r in input.replica_settings_update.iter().flatten() {
        all.extend(&r.replica_provisioned_read_capacity_auto_scaling_settings_update);
        for g in r
            .replica_global_secondary_index_settings_update
            .iter()
            .flatten()
        {
            all.extend(&g.provisioned_read_capacity_auto_scaling_settings_update);
        }
    }
    all
}

/// Whether the request sets provisioned capacity units (which an on-demand table has none of).
fn asks_capacity(input: &UpdateGlobalTableSettingsInput) -> bool {
    input
        .global_table_provisioned_write_capacity_units
        .is_some()
        || input
            .global_table_global_secondary_index_settings_update
            .iter()
            .flatten()
            .any(|g| g.provisioned_write_capacity_units.is_some())
        || input.replica_settings_update.iter().flatten().any(|r| {
            r.replica_provisioned_read_capacity_units.is_some()
                || r.replica_global_secondary_index_settings_update
                    .iter()
                    .flatten()
                    .any(|g| g.provisioned_read_capacity_units.is_some())
        })
}

fn replica_update<'a>(
    input: &'a UpdateGlobalTableSettingsInput,
    region: &str,
) -> Option<&'a ReplicaSettingsUpdate> {
    input
        .replica_settings_update
        .iter()
        .flatten()
        .find(|r| r.region_name.as_deref() == Some(region))
}

fn on_demand(table: &Table) -> bool {
    table
        .description
        .billing_mode_summary
        .as_ref()
        .and_then(|b| b.billing_mode.as_ref())
        == Some(&BillingMode::PayPerRequest)
}

/// Records the request's capacity, class and auto scaling settings on one member table: the
/// global table's write settings, and `replica`'s (this member's) read settings.
fn apply_settings(
    t: &mut Table,
    input: &UpdateGlobalTableSettingsInput,
    replica: Option<&ReplicaSettingsUpdate>,
) {
    let d = &mut t.description;
    if let Some(p) = d.provisioned_throughput.as_mut() {
        if let Some(w) = input.global_table_provisioned_write_capacity_units {
            p.write_capacity_units = Some(w);
        }
        if let Some(r) = replica.and_then(|r| r.replica_provisioned_read_capacity_units) {
            p.read_capacity_units = Some(r);
        }
    }
    if let Some(class) = replica.and_then(|r| r.replica_table_class.clone()) {
        d.table_class_summary = Some(TableClassSummary {
            table_class: Some(class),
            ..d.table_class_summary.clone().unwrap_or_default()
        });
    }
    for g in d.global_secondary_indexes.iter_mut().flatten() {
        let index = g.index_name.as_deref().unwrap_or_default();
        let Some(p) = g.provisioned_throughput.as_mut() else {
            continue;
        };
        if let Some(w) = input
            .global_table_global_secondary_index_settings_update
            .iter()
            .flatten()
            .find(|u| u.index_name.as_deref() == Some(index))
            .and_then(|u| u.provisioned_write_capacity_units)
        {
            p.write_capacity_units = Some(w);
        }
        if let Some(r) = replica
            .and_then(|r| r.replica_global_secondary_index_settings_update.as_ref())
            .into_iter()
            .flatten()
            .find(|u| u.index_name.as_deref() == Some(index))
            .and_then(|u| u.provisioned_read_capacity_units)
        {
            p.read_capacity_units = Some(r);
        }
    }
    let list = &mut t.extras.auto_scaling;
    if let Some(u) = &input.global_table_provisioned_write_capacity_auto_scaling_settings_update {
        apply(entry(list, None, true), u);
    }
    for g in input
        .global_table_global_secondary_index_settings_update
        .iter()
        .flatten()
    {
        if let Some(u) = &g.provisioned_write_capacity_auto_scaling_settings_update {
            apply(entry(list, g.index_name.as_deref(), true), u);
        }
    }
    if let Some(r) = replica {
        if let Some(u) = &r.replica_provisioned_read_capacity_auto_scaling_settings_update {
            apply(entry(list, None, false), u);
        }
        for g in r
            .replica_global_secondary_index_settings_update
            .iter()
            .flatten()
        {
            if let Some(u) = &g.provisioned_read_capacity_auto_scaling_settings_update {
                apply(entry(list, g.index_name.as_deref(), false), u);
            }
        }
    }
}
