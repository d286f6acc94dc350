//! Global tables version 2017.11.29 (legacy): CreateGlobalTable, DescribeGlobalTable,
//! ListGlobalTables and UpdateGlobalTable, on the replication of version 2019.11.21.
//!
//! A legacy global table is a set of tables of one name in regions of one account (the engine's
//! scopes), each made by CreateTable beforehand: empty, with a `NEW_AND_OLD_IMAGES` stream and the
//! same key schema and secondary indexes. Joining them records, on every member, a
//! [`LegacyGlobalRecord`] and the other members as its `replicas`, so that the write pipeline's
//! replication hook carries each member's writes to the others, as it does for 2019 replicas;
//! leaving takes the region out of every list and keeps the table. The global table is found from
//! any region of the account: in the caller's own table, else in the scopes built so far.

use std::collections::{BTreeMap, BTreeSet};

use super::ReplicaRecord;
use crate::engine::Engine;
use crate::engine::extras::LegacyGlobalRecord;
use crate::engine::scopes::Scopes;
use crate::engine::table::Table;
use ddbmock_core::error::Result;
use ddbmock_core::error::msg::global_tables as g;
use ddbmock_core::error::msg::legacy_global_tables as l;
use ddbmock_core::error::msg::table::{self as m, ConstraintErrors};
use ddbmock_core::operation::*;

/// ListGlobalTables' page size when the request gives no `Limit` (API Reference: 100).
const DEFAULT_LIMIT: usize = 100;

/// A global table as its members record it: the regions, in order, and the shared record.
pub(crate) struct Group {
    pub(crate) regions: BTreeSet<String>,
    pub(crate) record: LegacyGlobalRecord,
}

impl Engine {
    pub(crate) fn create_global_table_now(
        &self,
        input: CreateGlobalTableInput,
    ) -> Result<CreateGlobalTableOutput> {
        let mut errors = ConstraintErrors::new();
        errors.name("globalTableName", input.global_table_name.as_deref());
        match &input.replication_group {
            None => errors.null("replicationGroup"),
            Some(group) => {
                for (i, r) in group.iter().enumerate() {
                    if r.region_name.is_none() {
                        errors.null(&format!("replicationGroup.{}.member.regionName", i + 1));
                    }
                }
            }
        }
        errors.into_result()?;
        let name = input.global_table_name.as_deref().unwrap_or_default();
        let mut regions = BTreeSet::new();
        for r in input.replication_group.iter().flatten() {
            let region = r.region_name.as_deref().unwrap_or_default();
            if !regions.insert(region.to_owned()) {
                return Err(l::duplicate_region(region));
            }
        }
        if self.legacy_group(name).is_some() {
            return Err(l::global_table_exists(name));
        }
        let mut members = Vec::new();
        for region in &regions {
            let (engine, table) = self.member_table(name, region)?;
            if !table.extras.replicas.is_empty() {
                return Err(l::already_2019(name, region));
            }
            members.push((engine, table));
        }
        check_members(name, members.iter().map(|(e, t)| (e, t.as_ref())))?;
        let now = self.inner.clock.epoch_seconds();
        let record = LegacyGlobalRecord {
            created_at: now,
            active_at: self
                .transition(TableStatus::Creating)
                .map_or(now, |(_, at)| at),
        };
        for (engine, _) in &members {
            engine.set_legacy_membership(name, &regions, Some(&record))?;
        }
        Ok(CreateGlobalTableOutput {
            global_table_description: Some(
                self.global_table_description(name, &Group { regions, record }),
            ),
        })
    }

    pub(crate) fn describe_global_table_now(
        &self,
        input: DescribeGlobalTableInput,
    ) -> Result<DescribeGlobalTableOutput> {
        let name = self.global_table_name(input.global_table_name.as_deref())?;
        let group = self
            .legacy_group(name)
            .ok_or_else(|| l::global_table_not_found(name))?;
        Ok(DescribeGlobalTableOutput {
            global_table_description: Some(self.global_table_description(name, &group)),
        })
    }

    pub(crate) fn list_global_tables_now(
        &self,
        input: ListGlobalTablesInput,
    ) -> Result<ListGlobalTablesOutput> {
        let mut errors = ConstraintErrors::new();
        if let Some(start) = &input.exclusive_start_global_table_name {
            errors.name("exclusiveStartGlobalTableName", Some(start));
        }
        errors.at_least("limit", input.limit.map(i64::from), 1);
        errors.into_result()?;
        let limit = input.limit.map_or(DEFAULT_LIMIT, |l| {
            usize::try_from(l).unwrap_or(DEFAULT_LIMIT)
        });
        let mut all: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for engine in self.account_engines() {
            engine.purge_deleted();
            for table in engine.inner.tables.read().values() {
                if table.extras.legacy_global.is_none() {
                    continue;
                }
                all.entry(table.name().to_owned())
                    .or_default()
                    .extend(engine.member_regions(table));
            }
        }
        let start = input.exclusive_start_global_table_name.as_deref();
        let mut tables = all
            .into_iter()
            .filter(|(name, _)| start.is_none_or(|s| name.as_str() > s))
            .filter(|(_, regions)| {
                input
                    .region_name
                    .as_ref()
                    .is_none_or(|r| regions.contains(r))
            });
        let page: Vec<GlobalTable> = tables
            .by_ref()
            .take(limit)
            .map(|(name, regions)| GlobalTable {
                global_table_name: Some(name),
                replication_group: Some(
                    regions
                        .into_iter()
                        .map(|r| Replica {
                            region_name: Some(r),
                        })
                        .collect(),
                ),
            })
            .collect();
        let more = tables.next().is_some();
        Ok(ListGlobalTablesOutput {
            last_evaluated_global_table_name: if more {
                page.last().and_then(|t| t.global_table_name.clone())
            } else {
                None
            },
            global_tables: Some(page),
        })
    }

    pub(crate) fn update_global_table_now(
        &self,
        input: UpdateGlobalTableInput,
    ) -> Result<UpdateGlobalTableOutput> {
        let mut errors = ConstraintErrors::new();
        errors.name("globalTableName", input.global_table_name.as_deref());
        match &input.replica_updates {
            None => errors.null("replicaUpdates"),
            Some(updates) => {
                for (i, u) in updates.iter().enumerate() {
                    let (action, region) = match (&u.create, &u.delete) {
                        (Some(c), None) => ("create", &c.region_name),
                        (None, Some(d)) => ("delete", &d.region_name),
                        _ => return Err(l::one_action()),
                    };
                    if region.is_none() {
                        errors.null(&format!(
                            "replicaUpdates.{}.member.{action}.regionName",
                            i + 1
                        ));
                    }
                }
            }
        }
        errors.into_result()?;
        let name = input.global_table_name.as_deref().unwrap_or_default();
        let mut group = self
            .legacy_group(name)
            .ok_or_else(|| l::global_table_not_found(name))?;
        let mut named = BTreeSet::new();
        for u in input.replica_updates.iter().flatten() {
            let region = u
                .create
                .as_ref()
                .and_then(|c| c.region_name.as_deref())
                .or_else(|| u.delete.as_ref().and_then(|d| d.region_name.as_deref()))
                .unwrap_or_default();
            if !named.insert(region) {
                return Err(l::duplicate_region(region));
            }
        }
        // Every update is checked before any is applied, so that a refused request changes nothing.
        let mut joining = Vec::new();
        let mut leaving = Vec::new();
        for u in input.replica_updates.iter().flatten() {
            if let Some(c) = &u.create {
                let region = c.region_name.as_deref().unwrap_or_default();
                if group.regions.contains(region) {
                    return Err(l::replica_exists(region));
                }
                let (engine, table) = self.member_table(name, region)?;
                if !table.extras.replicas.is_empty() || table.extras.legacy_global.is_some() {
                    return Err(l::already_2019(name, region));
                }
                joining.push((engine, table));
            } else if let Some(d) = &u.delete {
                let region = d.region_name.as_deref().unwrap_or_default();
                if !group.regions.contains(region) {
                    return Err(l::replica_not_found(region));
                }
                leaving.push(region.to_owned());
            }
        }
        if !joining.is_empty() {
            let mut members = Vec::new();
            for region in &group.regions {
                members.push(self.member_table(name, region)?);
            }
            members.extend(joining.iter().cloned());
            check_members(name, members.iter().map(|(e, t)| (e, t.as_ref())))?;
        }
        for region in &leaving {
            group.regions.remove(region);
            if let Some(engine) = self.scope(region) {
                engine.set_legacy_membership(name, &BTreeSet::new(), None)?;
            }
        }
        for (engine, _) in &joining {
            group.regions.insert(engine.inner.config.region.clone());
        }
        for region in &group.regions {
            if let Some(engine) = self.scope(region) {
                engine.set_legacy_membership(name, &group.regions, Some(&group.record))?;
            }
        }
        Ok(UpdateGlobalTableOutput {
            global_table_description: Some(self.global_table_description(name, &group)),
        })
    }

    /// Checks a request's `GlobalTableName` alone, as DescribeGlobalTable and the settings
    /// operations take nothing else that needs checking first.
    pub(crate) fn global_table_name<'a>(&self, name: Option<&'a str>) -> Result<&'a str> {
        let mut errors = ConstraintErrors::new();
        errors.name("globalTableName", name);
        errors.into_result()?;
        Ok(name.unwrap_or_default())
    }

    /// The legacy global table `name` of this account: from this region's table when it is a
    /// member, else from the first member found in the other scopes.
    pub(crate) fn legacy_group(&self, name: &str) -> Option<Group> {
        self.account_engines().into_iter().find_map(|engine| {
            let table = engine.table_any(name)?;
            let record = table.extras.legacy_global.clone()?;
            Some(Group {
                regions: engine.member_regions(&table),
                record,
            })
        })
    }

    /// This engine first, then every other scope of its account built so far.
    fn account_engines(&self) -> Vec<Engine> {
        let mut engines = vec![self.clone()];
        if let Some(scopes) = self.inner.global.scopes.get().and_then(Scopes::upgrade) {
            engines.extend(scopes.engines().into_iter().filter(|e| {
                e.inner.config.account_id == self.inner.config.account_id
                    && e.inner.config.region != self.inner.config.region
            }));
        }
        engines
    }

    /// The engine of `region` in this account: this one, or a peer.
    pub(crate) fn scope(&self, region: &str) -> Option<Engine> {
        if region == self.inner.config.region {
            Some(self.clone())
        } else {
            self.peer(region)
        }
    }

    /// The regions of the global table `table` belongs to: its own and its replicas'.
    fn member_regions(&self, table: &Table) -> BTreeSet<String> {
        std::iter::once(self.inner.config.region.clone())
            .chain(table.extras.replicas.iter().map(|r| r.region.clone()))
            .collect()
    }

    /// The table `name` in `region`, which must exist and be neither being created nor deleted.
    fn member_table(&self, name: &str, region: &str) -> Result<(Engine, std::sync::Arc<Table>)> {
        let engine = self.scope(region).ok_or_else(g::no_regions)?;
        let now = engine.inner.clock.epoch_seconds();
        let table = engine
            .table_any(name)
            .filter(|t| {
                !matches!(
                    t.transition_at(now),
                    Some(TableStatus::Creating | TableStatus::Deleting)
                )
            })
            .ok_or_else(|| l::table_not_found(name, region))?;
        Ok((engine, table))
    }

    /// Makes this engine's table `name` a member of the global table of `regions` (with
    /// `record`), or, with none, a table of its own again.
    fn set_legacy_membership(
        &self,
        name: &str,
        regions: &BTreeSet<String>,
        record: Option<&LegacyGlobalRecord>,
    ) -> Result<()> {
        let own = &self.inner.config.region;
        let at = record.map_or(0.0, |r| r.created_at);
        self.change_table(
            name,
            || m::table_not_found_named(name),
            |t| {
                let mut next = t.clone();
                next.extras.legacy_global = record.cloned();
                next.extras.replicas = regions
                    .iter()
                    .filter(|r| *r != own)
                    .map(|r| ReplicaRecord {
                        region: r.clone(),
                        active_at: at,
                    })
                    .collect();
                Ok(next)
            },
        )
        .map(|_| ())
    }

    /// DescribeGlobalTable's answer for `group`.
    fn global_table_description(&self, name: &str, group: &Group) -> GlobalTableDescription {
        let now = self.inner.clock.epoch_seconds();
        GlobalTableDescription {
            replication_group: Some(
                group
                    .regions
                    .iter()
                    .map(|r| ReplicaDescription {
                        region_name: Some(r.clone()),
                        ..Default::default()
                    })
                    .collect(),
            ),
            // A global table is of the account, not of a region: its ARN names none.
            global_table_arn: Some(format!(
                "arn:aws:dynamodb::{}:global-table/{name}",
                self.inner.config.account_id
            )),
            creation_date_time: Some(group.record.created_at),
            global_table_status: Some(if now < group.record.active_at {
                GlobalTableStatus::Creating
            } else {
                GlobalTableStatus::Active
            }),
            global_table_name: Some(name.to_owned()),
        }
    }
}

/// Checks the documented conditions on the tables of a global table: a `NEW_AND_OLD_IMAGES`
/// stream, no items, and the same key schema and secondary indexes (names and keys) as the first.
fn check_members<'a>(
    name: &str,
    members: impl Iterator<Item = (&'a Engine, &'a Table)>,
) -> Result<()> {
    let mut first: Option<Shape> = None;
    for (engine, table) in members {
        let region = &engine.inner.config.region;
        let d = &table.description;
        let stream_ok = d.stream_specification.as_ref().is_some_and(|s| {
            s.stream_enabled == Some(true)
                && s.stream_view_type == Some(StreamViewType::NewAndOldImages)
        });
        if !stream_ok {
            return Err(l::stream_required(name, region));
        }
        if table.stats.items() > 0 {
            return Err(l::not_empty(name, region));
        }
        let shape = shape(d);
        match &first {
            None => first = Some(shape),
            Some(f) if *f != shape => return Err(l::schema_differs(name, region)),
            Some(_) => {}
        }
    }
    Ok(())
}

/// What the replicas of a global table must share: the key schema, and each secondary index's
/// name and key schema (global ones, then local ones, each sorted by name).
type Shape = (
    Option<Vec<KeySchemaElement>>,
    Vec<(Option<String>, Option<Vec<KeySchemaElement>>)>,
    Vec<(Option<String>, Option<Vec<KeySchemaElement>>)>,
);

fn shape(d: &TableDescription) -> Shape {
    let mut gsis: Vec<_> = d
        .global_secondary_indexes
        .iter()
        .flatten()
        .map(|g| (g.index_name.clone(), g.key_schema.clone()))
        .collect();
    gsis.sort_by(|a, b| a.0.cmp(&b.0));
    let mut lsis: Vec<_> = d
        .local_secondary_indexes
        .iter()
        .flatten()
        .map(|l| (l.index_name.clone(), l.key_schema.clone()))
        .collect();
    lsis.sort_by(|a, b| a.0.cmp(&b.0));
    (d.key_schema.clone(), gsis, lsis)
}
