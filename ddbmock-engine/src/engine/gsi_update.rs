//! UpdateTable's `GlobalSecondaryIndexUpdates`: Create (with backfill of the items already in the
//! table), Delete, and Update of an index's throughput; the `CREATING` → `ACTIVE` status an added
//! index shows for `EngineConfig::index_creation_delay`, and the `DELETING` status a deleted one shows
//! for `EngineConfig::table_status_delay`.

use std::ops::{Bound, ControlFlow};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use super::create_table::{gsi_key_schema_of, projection_of};
use super::table::{Index, Projected, Stats, Table};
use super::write::index_entry_key;
use super::{Engine, storage_error, validate};
use crate::storage::{SpaceId, Write};
use ddbmock_core::error::Result;
use ddbmock_core::error::msg::query as m;
use ddbmock_core::error::msg::table::{self as mt, ConstraintErrors};
use ddbmock_core::model::{AttributeType, Item, item_size};
use ddbmock_core::operation::*;

/// DynamoDB's limit on global secondary indexes per table.
use ddbmock_core::limits::MAX_GLOBAL_INDEXES as MAX_GSIS;
/// DynamoDB's limit on non-key attributes projected into all of a table's indexes.
use ddbmock_core::limits::MAX_PROJECTED_ATTRIBUTES as MAX_PROJECTED;

/// What applying the updates changed, for the caller to persist and publish.
pub(crate) struct GsiChanges {
    /// The table's indexes after the updates.
    pub(crate) indexes: Vec<Index>,
    /// The index created, to backfill once published.
    pub(crate) created: Option<String>,
    /// Keyspaces of deleted indexes, to drop.
    pub(crate) dropped: Vec<SpaceId>,
    /// The descriptions of deleted indexes, `DELETING`, with their last counts.
    pub(crate) deleting: Vec<GlobalSecondaryIndexDescription>,
}

/// The shape checks of `GlobalSecondaryIndexUpdates`, before the table is looked at.
pub(crate) fn check_updates(errors: &mut ConstraintErrors, updates: &[GlobalSecondaryIndexUpdate]) {
    for (i, u) in updates.iter().enumerate() {
        let at = |what: &str| format!("globalSecondaryIndexUpdates.{}.member.{what}", i + 1);
        if let Some(c) = &u.create {
            let name = c.index_name.as_deref();
            validate::index_definition(errors, &at("create"), name, &c.key_schema, &c.projection);
            validate::key_types(errors, &at("create.keySchema"), c.key_schema.as_deref());
            validate::projection_type(errors, &at("create.projection"), c.projection.as_ref());
        }
        if let Some(d) = &u.delete {
            errors.name(&at("delete.indexName"), d.index_name.as_deref());
        }
        if let Some(up) = &u.update {
            errors.name(&at("update.indexName"), up.index_name.as_deref());
        }
    }
}

fn index_name(u: &GlobalSecondaryIndexUpdate) -> &str {
    u.create
        .as_ref()
        .and_then(|c| c.index_name.as_deref())
        .or_else(|| u.update.as_ref().and_then(|c| c.index_name.as_deref()))
        .or_else(|| u.delete.as_ref().and_then(|c| c.index_name.as_deref()))
        .unwrap_or_default()
}

impl Engine {
    /// Applies `updates` to the description `d` of `current`; `defs` are the request's
    /// `AttributeDefinitions`, merged into the table's.
    pub(crate) fn apply_gsi_updates(
        &self,
        current: &Table,
        d: &mut TableDescription,
        updates: &[GlobalSecondaryIndexUpdate],
        defs: Option<&[AttributeDefinition]>,
        on_demand: bool,
    ) -> Result<GsiChanges> {
        let mut names: Vec<&str> = Vec::new();
        let mut online = 0;
        for u in updates {
            let actions = usize::from(u.create.is_some())
                + usize::from(u.update.is_some())
                + usize::from(u.delete.is_some());
            if actions != 1 {
                return Err(m::gsi_update_one_action());
            }
            let name = index_name(u);
            if names.contains(&name) {
                return Err(m::gsi_update_twice(name));
            }
            names.push(name);
            online += usize::from(u.create.is_some() || u.delete.is_some());
        }
        if online > 1 {
            return Err(m::one_index_at_a_time());
        }
        // DynamoDB builds one index at a time: creating or deleting another waits for it to be
        // done. The index being built may itself be deleted while it backfills (the table is then
        // ACTIVE; while it is UPDATING, every UpdateTable was refused before this).
        let building: Vec<&str> = current
            .indexes
            .iter()
            .filter(|i| self.index_creating(i))
            .map(|i| i.name.as_str())
            .collect();
        if !building.is_empty() {
            let waits = updates.iter().any(|u| {
                u.create.is_some()
                    || u.delete.as_ref().is_some_and(|d| {
                        !building.contains(&d.index_name.as_deref().unwrap_or_default())
                    })
            });
            if waits {
                return Err(m::one_index_at_a_time());
            }
        }

        let mut changes = GsiChanges {
            indexes: current.indexes.clone(),
            created: None,
            dropped: Vec::new(),
            deleting: Vec::new(),
        };
        merge_definitions(d, defs)?;
        for u in updates {
            if let Some(c) = &u.create {
                self.create_index(current, d, c, on_demand, &mut changes)?;
            } else if let Some(del) = &u.delete {
                let name = del.index_name.as_deref().unwrap_or_default();
                let pos = changes
                    .indexes
                    .iter()
                    .position(|i| i.name == name && !i.local)
                    .ok_or_else(|| m::gsi_not_found(current.name(), name))?;
                let removed = changes.indexes.remove(pos);
                changes.dropped.push(removed.space);
                if let Some(gsis) = d.global_secondary_indexes.as_mut()
                    && let Some(at) = gsis
                        .iter()
                        .position(|g| g.index_name.as_deref() == Some(name))
                {
                    changes.deleting.push(GlobalSecondaryIndexDescription {
                        index_status: Some(IndexStatus::Deleting),
                        backfilling: None,
                        item_count: Some(removed.stats.items()),
                        index_size_bytes: Some(removed.stats.bytes()),
                        ..gsis.remove(at)
                    });
                }
                if d.global_secondary_indexes
                    .as_ref()
                    .is_some_and(Vec::is_empty)
                {
                    d.global_secondary_indexes = None;
                }
            } else if let Some(up) = &u.update {
                let name = up.index_name.as_deref().unwrap_or_default();
                let desc = d
                    .global_secondary_indexes
                    .iter_mut()
                    .flatten()
                    .find(|g| g.index_name.as_deref() == Some(name))
                    .ok_or_else(|| m::gsi_not_found(current.name(), name))?;
                if let Some(pt) = &up.provisioned_throughput {
                    if on_demand {
                        return Err(mt::index_throughput_with_on_demand(name));
                    }
                    let cur = desc.provisioned_throughput.clone().unwrap_or_default();
                    desc.provisioned_throughput = Some(ProvisionedThroughputDescription {
                        read_capacity_units: pt.read_capacity_units,
                        write_capacity_units: pt.write_capacity_units,
                        ..cur
                    });
                }
                if let Some(o) = &up.on_demand_throughput {
                    desc.on_demand_throughput = Some(o.clone());
                }
            }
        }
        prune_definitions(d, current, &changes.indexes);
        Ok(changes)
    }

    fn create_index(
        &self,
        current: &Table,
        d: &mut TableDescription,
        c: &CreateGlobalSecondaryIndexAction,
        on_demand: bool,
        changes: &mut GsiChanges,
    ) -> Result<()> {
        let name = c.index_name.as_deref().unwrap_or_default();
        if changes.indexes.iter().any(|i| i.name == name) {
            return Err(m::gsi_exists(name));
        }
        let defs: Vec<(&str, AttributeType)> = d
            .attribute_definitions
            .iter()
            .flatten()
            .map(|a| {
                (
                    a.attribute_name.as_deref().unwrap_or_default(),
                    scalar(a.attribute_type.as_ref()),
                )
            })
            .collect();
        let def_names: Vec<&str> = defs.iter().map(|x| x.0).collect();
        let key = gsi_key_schema_of(
            c.key_schema.as_deref().unwrap_or_default(),
            &defs,
            &def_names,
        )?;
        let mut projected_count = changes
            .indexes
            .iter()
            .map(|i| match &i.projected {
                Projected::Include(a) => a.len(),
                _ => 0,
            })
            .sum();
        let projected = projection_of(c.projection.as_ref(), &mut projected_count)?;
        if projected_count > MAX_PROJECTED {
            return Err(mt::too_many_projected_attributes());
        }
        match (on_demand, &c.provisioned_throughput) {
            (true, Some(_)) => {
                return Err(mt::index_throughput_with_on_demand(name));
            }
            (false, None) => {
                return Err(mt::index_throughput_required(name));
            }
            _ => {}
        }
        if changes.indexes.iter().filter(|i| !i.local).count() >= MAX_GSIS {
            return Err(mt::too_many_gsis());
        }
        // Resource allocation (the table's UPDATING transition), then the backfill.
        let delay = self.inner.config.table_status_delay + self.inner.config.index_creation_delay;
        let active_at =
            (!delay.is_zero()).then(|| self.inner.clock.epoch_seconds() + delay.as_secs_f64());
        changes.indexes.push(Index {
            name: name.to_owned(),
            local: false,
            key,
            projected,
            space: self.new_space(),
            active_at,
            stats: Arc::new(Stats::default()),
            filling: Arc::new(AtomicBool::new(true)),
        });
        changes.created = Some(name.to_owned());
        let pt = c.provisioned_throughput.as_ref();
        d.global_secondary_indexes
            .get_or_insert_with(Vec::new)
            .push(GlobalSecondaryIndexDescription {
                index_name: Some(name.to_owned()),
                key_schema: c.key_schema.clone(),
                projection: c.projection.clone(),
                index_status: Some(IndexStatus::Active),
                provisioned_throughput: Some(ProvisionedThroughputDescription {
                    number_of_decreases_today: Some(0),
                    read_capacity_units: Some(pt.and_then(|p| p.read_capacity_units).unwrap_or(0)),
                    write_capacity_units: Some(
                        pt.and_then(|p| p.write_capacity_units).unwrap_or(0),
                    ),
                    ..Default::default()
                }),
                index_size_bytes: Some(0),
                item_count: Some(0),
                index_arn: Some(format!("{}/index/{name}", current.arn())),
                on_demand_throughput: c.on_demand_throughput.clone(),
                ..Default::default()
            });
        Ok(())
    }

    /// Whether `index` is still `CREATING` on the engine's clock.
    pub(crate) fn index_creating(&self, index: &Index) -> bool {
        index
            .active_at
            .is_some_and(|at| self.inner.clock.epoch_seconds() < at)
    }

    /// The table's description with live counts and each global index's current status. An index
    /// being added is `CREATING` with `Backfilling` false during the table's `UPDATING` transition
    /// (DynamoDB's resource allocation phase), then with `Backfilling` true for
    /// `index_creation_delay`, until it is `ACTIVE`. An index being deleted is `DELETING`, after the
    /// others, during the table's `UPDATING` transition.
    pub(crate) fn describe(&self, table: &Table) -> TableDescription {
        let now = self.inner.clock.epoch_seconds();
        let mut d = table.describe();
        self.describe_replicas(table, &mut d);
        if let Some(status) = table.transition_at(now) {
            d.table_status = Some(status.clone());
        }
        if let Some(restore) = &mut d.restore_summary {
            restore.restore_in_progress = Some(matches!(
                table.transition_at(now),
                Some(TableStatus::Creating)
            ));
        }
        let backfill = self.inner.config.index_creation_delay.as_secs_f64();
        for g in d.global_secondary_indexes.iter_mut().flatten() {
            let active_at = table
                .index(g.index_name.as_deref().unwrap_or_default())
                .and_then(|i| i.active_at)
                .filter(|at| now < *at);
            g.index_status = Some(match active_at {
                Some(_) => IndexStatus::Creating,
                None => IndexStatus::Active,
            });
            g.backfilling = active_at.map(|at| now >= at - backfill);
        }
        for gone in table.deleting.iter().filter(|g| now < g.until) {
            d.global_secondary_indexes
                .get_or_insert_with(Vec::new)
                .push(gone.description.clone());
        }
        d
    }

    /// Writes the entries of the new index `name` for every item already in the table. The table
    /// with the index is published first, so writes from then on maintain the index themselves;
    /// each item is re-read under its item lock so that a write racing the backfill wins. When the
    /// index set changes meanwhile (see `index_epoch`), the backfill goes on with the current
    /// version, and stops if the index is gone. A DeleteTable meanwhile drops the keyspaces it reads
    /// and writes: the backfill then stops too, and the UpdateTable that started it still succeeds,
    /// as DynamoDB's returns before its backfill.
    pub(crate) fn backfill(&self, table: &Arc<Table>, name: &str) -> Result<()> {
        let Some(index) = table.index(name) else {
            return Ok(());
        };
        let result = self.fill(table, index.space);
        index.filling.store(false, Ordering::Release);
        match result {
            Err(_) if !self.index_exists(table, index.space) => Ok(()),
            other => other,
        }
    }

    /// Whether the catalog's version of `table` still has the index stored in `space`.
    fn index_exists(&self, table: &Table, space: SpaceId) -> bool {
        self.current_version(table)
            .is_some_and(|t| t.indexes.iter().any(|i| i.space == space))
    }

    /// `entry`, a write's old entry in `index`, if it is stored: while the index is backfilled, an
    /// item may not have its entry yet, and a write must not uncount it. Called holding the item's
    /// stripe, as the backfill writes each entry.
    pub(crate) fn stored_entry(
        &self,
        table: &Table,
        index: &Index,
        entry: Option<(Vec<u8>, Item)>,
    ) -> Result<Option<(Vec<u8>, Item)>> {
        let Some((key, e)) = entry else {
            return Ok(None);
        };
        let stored = self
            .inner
            .storage
            .get(index.space, &key)
            .map_err(|e| self.dropped([table], e))?;
        Ok(stored.map(|_| (key, e)))
    }

    fn fill(&self, table: &Arc<Table>, space: SpaceId) -> Result<()> {
        let mut current = table.clone();
        let mut keys: Vec<Vec<u8>> = Vec::new();
        self.inner
            .storage
            .scan(
                table.space,
                Bound::Unbounded,
                Bound::Unbounded,
                false,
                &mut |k, _| {
                    keys.push(k.to_vec());
                    ControlFlow::Continue(())
                },
            )
            .map_err(storage_error)?;
        for key in keys {
            let _lock = self.lock_item_waiting(table.space, &key);
            if !current.live.epoch.is_current() {
                match self.current_version(&current) {
                    Some(t) => current = t,
                    None => return Ok(()),
                }
            }
            let Some(index) = current.indexes.iter().find(|i| i.space == space) else {
                return Ok(());
            };
            let Some(item) = self.read(table, &key)? else {
                continue;
            };
            // Sparse items, and items written before the index existed with index key attributes
            // of another type (or empty), have no entry: see `Index::project`.
            let Some(entry) = index.project(&table.key, &item) else {
                continue;
            };
            let entry_key = index_entry_key(index, &table.key, &key, &item)?;
            if self
                .inner
                .storage
                .get(index.space, &entry_key)
                .map_err(storage_error)?
                .is_some()
            {
                continue;
            }
            let size = item_size(&entry);
            self.inner
                .storage
                .write(vec![Write::Put {
                    space: index.space,
                    key: entry_key,
                    item: Arc::new(entry),
                }])
                .map_err(storage_error)?;
            index.stats.apply(None, Some(size));
        }
        Ok(())
    }
}

fn scalar(t: Option<&ScalarAttributeType>) -> AttributeType {
    match t {
        Some(ScalarAttributeType::N) => AttributeType::N,
        Some(ScalarAttributeType::B) => AttributeType::B,
        _ => AttributeType::S,
    }
}

/// Adds the request's attribute definitions to the table's; redefining one with another type fails.
fn merge_definitions(d: &mut TableDescription, defs: Option<&[AttributeDefinition]>) -> Result<()> {
    let Some(defs) = defs else {
        return Ok(());
    };
    let current = d.attribute_definitions.get_or_insert_with(Vec::new);
    for def in defs {
        match current
            .iter()
            .find(|c| c.attribute_name == def.attribute_name)
        {
            Some(c) if c.attribute_type != def.attribute_type => {
                return Err(m::attribute_redefined(
                    def.attribute_name.as_deref().unwrap_or_default(),
                ));
            }
            Some(_) => {}
            None => current.push(def.clone()),
        }
    }
    Ok(())
}

/// Keeps only the attribute definitions some key schema uses, as DynamoDB does after an index goes.
fn prune_definitions(d: &mut TableDescription, table: &Table, indexes: &[Index]) {
    let used = |name: &str| table.key.is_key(name) || indexes.iter().any(|i| i.key.is_key(name));
    if let Some(defs) = d.attribute_definitions.as_mut() {
        defs.retain(|a| used(a.attribute_name.as_deref().unwrap_or_default()));
    }
}
