//! UpdateTable's `ReplicaUpdates` (global tables version 2019.11.21) and the `Replicas` and
//! `GlobalTableVersion` DescribeTable shows.
//!
//! Creating a replica creates the table, with the same key schema, indexes and billing, and a
//! `NEW_AND_OLD_IMAGES` stream, in the other region's scope of the same account, copies the items
//! there, and adds the region to every member's replica list (so that each member replicates its
//! writes to it). The new replica is `CREATING`, in its own region as a table and in the others'
//! `Replicas`, for `EngineConfig::table_status_delay` on the engine clock. Deleting one deletes
//! that table and takes the region out of every member's list.

use std::ops::{Bound, ControlFlow};
use std::sync::Arc;

use super::{ReplicaRecord, VERSION};
use crate::engine::Engine;
use crate::engine::backups::restore::{Overrides, restore_request};
use crate::engine::streams::Origin;
use crate::engine::table::Table;
use crate::engine::write::Change;
use ddbmock_core::error::Result;
use ddbmock_core::error::msg::global_tables as g;
use ddbmock_core::error::msg::table::{self as m, ConstraintErrors};
use ddbmock_core::operation::*;

/// Items copied into a new replica per storage batch.
const COPY_CHUNK: usize = 1_000;

impl Engine {
    /// UpdateTable with `ReplicaUpdates` (and nothing else, which the caller has checked).
    pub(crate) fn update_replicas(
        &self,
        name: &str,
        updates: &[ReplicationGroupUpdate],
    ) -> Result<UpdateTableOutput> {
        let mut errors = ConstraintErrors::new();
        for (i, u) in updates.iter().enumerate() {
            let (action, region) = match (&u.create, &u.update, &u.delete) {
                (Some(c), None, None) => ("create", &c.region_name),
                (None, Some(u), None) => ("update", &u.region_name),
                (None, None, Some(d)) => ("delete", &d.region_name),
                _ => return Err(g::one_action()),
            };
            if region.is_none() {
                errors.null(&format!(
                    "replicaUpdates.{}.member.{action}.regionName",
                    i + 1
                ));
            }
        }
        errors.into_result()?;
        let current = self
            .table_any(name)
            .ok_or_else(|| m::table_not_found_named(name))?;
        self.check_not_in_transition(&current)?;
        if current.extras.legacy_global.is_some() {
            return Err(ddbmock_core::error::msg::legacy_global_tables::legacy_member(name));
        }
        for u in updates {
            let current = self
                .table_any(name)
                .ok_or_else(|| m::table_not_found_named(name))?;
            if let Some(c) = &u.create {
                self.create_replica(&current, c)?;
            } else if let Some(u) = &u.update {
                self.update_replica(&current, u)?;
            } else if let Some(d) = &u.delete {
                self.delete_replica(&current, d.region_name.as_deref().unwrap_or_default())?;
            }
        }
        let table = self
            .table_any(name)
            .ok_or_else(|| m::table_not_found_named(name))?;
        Ok(UpdateTableOutput {
            table_description: Some(self.describe(&table)),
        })
    }

    fn create_replica(
        &self,
        current: &Table,
        c: &CreateReplicationGroupMemberAction,
    ) -> Result<()> {
        let name = current.name();
        let region = c.region_name.as_deref().unwrap_or_default();
        if region == self.inner.config.region {
            return Err(g::own_region(region));
        }
        let peer = self.peer(region).ok_or_else(g::no_regions)?;
        if current.extras.replicas.iter().any(|r| r.region == region)
            || peer.table_any(name).is_some()
        {
            return Err(g::replica_exists(name));
        }
        let d = &current.description;
        let write_scaled = current
            .extras
            .auto_scaling
            .iter()
            .any(|r| r.index.is_none() && r.write && r.disabled != Some(true));
        if !on_demand(d) && !write_scaled {
            return Err(g::write_capacity_not_managed());
        }
        let stream = d
            .stream_specification
            .as_ref()
            .filter(|s| s.stream_enabled == Some(true));
        let needs_stream = match stream.and_then(|s| s.stream_view_type.as_ref()) {
            Some(StreamViewType::NewAndOldImages) => false,
            Some(other) => return Err(g::stream_view_type(name, other.as_str())),
            None => true,
        };
        let new_and_old = StreamSpecification {
            stream_enabled: Some(true),
            stream_view_type: Some(StreamViewType::NewAndOldImages),
        };

        let mut request = restore_request(
            current,
            name,
            &Overrides {
                billing: None,
                gsis: None,
                lsis: None,
                throughput: None,
                on_demand: None,
                sse: None,
            },
        )?;
        request.stream_specification = Some(new_and_old.clone());
        if let Some(class) = &c.table_class_override {
            request.table_class = Some(class.clone());
        }
        if let (Some(pt), Some(read)) = (
            request.provisioned_throughput.as_mut(),
            c.provisioned_throughput_override
                .as_ref()
                .and_then(|o| o.read_capacity_units),
        ) {
            pt.read_capacity_units = Some(read);
        }
        let now = self.inner.clock.epoch_seconds();
        let active_at = self
            .transition(TableStatus::Creating)
            .map_or(now, |(_, at)| at);
        // The new replica's own list: every other member, each active already.
        let members: Vec<ReplicaRecord> = current
            .extras
            .replicas
            .iter()
            .cloned()
            .chain(std::iter::once(ReplicaRecord {
                region: self.inner.config.region.clone(),
                active_at: now,
            }))
            .collect();
        peer.create_table_with(request, |t| {
            t.extras.replicas = members;
            Ok(())
        })?;

        let joined = ReplicaRecord {
            region: region.to_owned(),
            active_at,
        };
        let mut stream_update = None;
        self.change_table(
            name,
            || m::table_not_found_named(name),
            |t| {
                let mut next = t.clone();
                next.extras.replicas.push(joined.clone());
                next.transition = self.transition(TableStatus::Updating);
                if needs_stream {
                    let input = UpdateTableInput {
                        stream_specification: Some(new_and_old.clone()),
                        ..Default::default()
                    };
                    stream_update = self.plan_stream_update(&mut next.description, &input)?;
                }
                Ok(next)
            },
        )?;
        if let Some(update) = stream_update {
            self.apply_stream_update(name, update);
        }
        for other in &current.extras.replicas {
            if let Some(e) = self.peer(&other.region) {
                e.change_replicas(name, |list| list.push(joined.clone()))?;
            }
        }
        self.copy_items(current, &peer)
    }

    /// Copies `table`'s items into its new replica in `peer`, as replicated writes.
    fn copy_items(&self, table: &Table, peer: &Engine) -> Result<()> {
        let Some(target) = peer.inner.tables.read().get(table.name()).cloned() else {
            return Ok(());
        };
        let mut items = Vec::new();
        self.inner
            .storage
            .scan(
                table.space,
                Bound::Unbounded,
                Bound::Unbounded,
                false,
                &mut |key, item| {
                    items.push((key.to_vec(), Arc::clone(item)));
                    ControlFlow::Continue(())
                },
            )
            .map_err(|e| self.dropped([table], e))?;
        for chunk in items.chunks(COPY_CHUNK) {
            let changes: Vec<Change> = chunk
                .iter()
                .map(|(key, item)| {
                    Change::new(
                        Arc::clone(&target),
                        key.clone(),
                        None,
                        Some(Arc::clone(item)),
                    )
                })
                .collect();
            peer.commit_as(&changes, Origin::Replication)?;
        }
        Ok(())
    }

    fn update_replica(
        &self,
        current: &Table,
        u: &UpdateReplicationGroupMemberAction,
    ) -> Result<()> {
        let name = current.name();
        let region = u.region_name.as_deref().unwrap_or_default();
        if region == self.inner.config.region {
            return Err(g::own_region(region));
        }
        if !current.extras.replicas.iter().any(|r| r.region == region) {
            return Err(g::no_replica(name, region));
        }
        let peer = self.peer(region).ok_or_else(g::no_regions)?;
        let replica = peer
            .table_any(name)
            .ok_or_else(|| g::no_replica(name, region))?;
        let read = u
            .provisioned_throughput_override
            .as_ref()
            .and_then(|o| o.read_capacity_units);
        let throughput = read
            .zip(replica.description.provisioned_throughput.as_ref())
            .filter(|_| !on_demand(&replica.description))
            .map(|(read, p)| ProvisionedThroughput {
                read_capacity_units: Some(read),
                write_capacity_units: p.write_capacity_units,
            });
        if throughput.is_none() && u.table_class_override.is_none() {
            return Err(g::nothing_to_update(region));
        }
        peer.update_table_now(UpdateTableInput {
            table_name: Some(name.to_owned()),
            provisioned_throughput: throughput,
            table_class: u.table_class_override.clone(),
            ..Default::default()
        })?;
        Ok(())
    }

    fn delete_replica(&self, current: &Table, region: &str) -> Result<()> {
        let name = current.name();
        if region == self.inner.config.region {
            return Err(g::own_region(region));
        }
        if !current.extras.replicas.iter().any(|r| r.region == region) {
            return Err(g::no_replica(name, region));
        }
        if let Some(peer) = self.peer(region)
            && peer.table_any(name).is_some()
        {
            peer.change_replicas(name, |list| list.clear())?;
            peer.delete_table_now(DeleteTableInput {
                table_name: Some(name.to_owned()),
            })?;
        }
        self.change_replicas(name, |list| list.retain(|r| r.region != region))?;
        for other in current
            .extras
            .replicas
            .iter()
            .filter(|r| r.region != region)
        {
            if let Some(e) = self.peer(&other.region) {
                e.change_replicas(name, |list| list.retain(|r| r.region != region))?;
            }
        }
        Ok(())
    }

    /// Takes this region out of the other replicas' lists when DeleteTable deletes a replica:
    /// "you can delete a replica table the same way you delete a regular table", which stops
    /// replication to the region (Developer Guide, global tables: how it works).
    pub(crate) fn leave_replicas(&self, name: &str, replicas: &[ReplicaRecord]) {
        let own = &self.inner.config.region;
        for r in replicas {
            if let Some(peer) = self.peer(&r.region) {
                // A member gone meanwhile has no list to change.
                let _ = peer.change_replicas(name, |list| list.retain(|m| &m.region != own));
            }
        }
    }

    /// Changes the replica list of this engine's table `name`, persisted.
    fn change_replicas(
        &self,
        name: &str,
        change: impl FnOnce(&mut Vec<ReplicaRecord>),
    ) -> Result<()> {
        self.change_table(
            name,
            || m::table_not_found_named(name),
            |t| {
                let mut next = t.clone();
                change(&mut next.extras.replicas);
                Ok(next)
            },
        )
        .map(|_| ())
    }

    /// Adds `GlobalTableVersion` and `Replicas` (the other regions', with their status) to the
    /// description of a table with replicas.
    pub(crate) fn describe_replicas(&self, table: &Table, d: &mut TableDescription) {
        // A member of a version 2017.11.29 global table shows neither: DescribeGlobalTable
        // tells that version apart (Developer Guide, determining the version of a global table).
        if table.extras.replicas.is_empty() || table.extras.legacy_global.is_some() {
            return;
        }
        let now = self.inner.clock.epoch_seconds();
        d.global_table_version = Some(VERSION.to_owned());
        d.replicas = Some(
            table
                .extras
                .replicas
                .iter()
                .map(|r| ReplicaDescription {
                    region_name: Some(r.region.clone()),
                    replica_status: Some(if now < r.active_at {
                        ReplicaStatus::Creating
                    } else {
                        ReplicaStatus::Active
                    }),
                    ..Default::default()
                })
                .collect(),
        );
    }
}

fn on_demand(d: &TableDescription) -> bool {
    d.billing_mode_summary
        .as_ref()
        .and_then(|b| b.billing_mode.as_ref())
        == Some(&BillingMode::PayPerRequest)
}

/// Whether `input` asks for anything besides `ReplicaUpdates`.
pub(crate) fn asks_more_than_replicas(input: &UpdateTableInput) -> bool {
    input.attribute_definitions.is_some()
        || input.billing_mode.is_some()
        || input.provisioned_throughput.is_some()
        || input
            .global_secondary_index_updates
            .as_ref()
            .is_some_and(|u| !u.is_empty())
        || input.stream_specification.is_some()
        || input.sse_specification.is_some()
        || input.table_class.is_some()
        || input.deletion_protection_enabled.is_some()
        || input.on_demand_throughput.is_some()
        || input.warm_throughput.is_some()
}
