//! RestoreTableFromBackup, and what every restore shares: the CreateTable request a restore
//! amounts to (the source's schema with the request's overrides), and the filling of the new
//! table's keyspaces from a source's before the table is published.

use std::collections::BTreeMap;
use std::ops::{Bound, ControlFlow};
use std::sync::Arc;

use crate::engine::extras::RestoreRecord;
use crate::engine::table::{Index, Table};
use crate::engine::write::{index_entry, recount};
use crate::engine::{Engine, item_collections, storage_error};
use crate::storage::{SpaceId, Write, WriteBatch};
use ddbmock_core::error::Result;
use ddbmock_core::error::msg::backup as m;
use ddbmock_core::error::msg::table::ConstraintErrors;
use ddbmock_core::model::Item;
use ddbmock_core::operation::*;

/// Writes per storage batch when a restore builds or rewrites entries: large enough to amortize a
/// commit, small enough to keep a batch's memory modest.
const CHUNK: usize = 10_000;

/// The overrides a restore request may carry.
pub(crate) struct Overrides<'a> {
    pub(crate) billing: Option<&'a BillingMode>,
    pub(crate) gsis: Option<&'a [GlobalSecondaryIndex]>,
    pub(crate) lsis: Option<&'a [LocalSecondaryIndex]>,
    pub(crate) throughput: Option<&'a ProvisionedThroughput>,
    pub(crate) on_demand: Option<&'a OnDemandThroughput>,
    pub(crate) sse: Option<&'a SseSpecification>,
}

impl Engine {
    pub(crate) fn restore_table_from_backup_now(
        &self,
        input: RestoreTableFromBackupInput,
    ) -> Result<RestoreTableFromBackupOutput> {
        let mut errors = ConstraintErrors::new();
        errors.name("targetTableName", input.target_table_name.as_deref());
        super::ops::check_backup_arn(&mut errors, &input.backup_arn);
        errors.into_result()?;
        let target = input.target_table_name.as_deref().unwrap_or_default();
        let backup = self.backup(&input.backup_arn)?;
        if backup.status(self.inner.clock.epoch_seconds()) == BackupStatus::Creating {
            return Err(m::backup_in_use());
        }
        self.check_restore_target(target)?;
        let overrides = Overrides {
            billing: input.billing_mode_override.as_ref(),
            gsis: input.global_secondary_index_override.as_deref(),
            lsis: input.local_secondary_index_override.as_deref(),
            throughput: input.provisioned_throughput_override.as_ref(),
            on_demand: input.on_demand_throughput_override.as_ref(),
            sse: input.sse_specification_override.as_ref(),
        };
        let request = restore_request(&backup.table, target, &overrides)?;
        let source = &backup.table;
        let out = self.create_table_with(request, |table| {
            let built = self.fill_from(table, source, Vec::new())?;
            self.build_indexes(table, &built)?;
            self.finish_restore(
                table,
                RestoreRecord {
                    backup_arn: Some(backup.arn.clone()),
                    table_arn: Some(source.arn().to_owned()),
                    at: backup.created_at,
                },
            )
        })?;
        Ok(RestoreTableFromBackupOutput {
            table_description: out.table_description,
        })
    }

    /// Refuses a restore into `target` when a table has that name: `TableInUseException` while it
    /// is being created or deleted, `TableAlreadyExistsException` otherwise.
    pub(crate) fn check_restore_target(&self, target: &str) -> Result<()> {
        let Some(existing) = self.table_any(target) else {
            return Ok(());
        };
        match existing.transition_at(self.inner.clock.epoch_seconds()) {
            Some(TableStatus::Creating | TableStatus::Deleting) => Err(m::table_in_use()),
            _ => Err(m::table_already_exists()),
        }
    }

    /// Makes `table`'s keyspaces copies of `source`'s, in one batch with `extra` (so that a
    /// point-in-time restore's copy of the change log is of the same moment): the table's, and
    /// each index's whose definition `source` has too. Returns the positions of the indexes it
    /// could not copy, which [`Engine::build_indexes`] builds.
    pub(crate) fn fill_from(
        &self,
        table: &Table,
        source: &Table,
        extra: Vec<Write>,
    ) -> Result<Vec<usize>> {
        let mut batch = vec![Write::CopySpace {
            from: source.space,
            to: table.space,
        }];
        let mut built = Vec::new();
        for (at, index) in table.indexes.iter().enumerate() {
            let same = source.index(&index.name).filter(|s| {
                s.local == index.local && s.key == index.key && s.projected == index.projected
            });
            match same {
                Some(s) => batch.push(Write::CopySpace {
                    from: s.space,
                    to: index.space,
                }),
                None => {
                    batch.push(Write::CreateSpace(index.space));
                    built.push(at);
                }
            }
        }
        batch.extend(extra);
        self.inner.storage.write(batch).map_err(storage_error)?;
        Ok(built)
    }

    /// Writes the entries of the indexes at `positions` for every item of the (unpublished)
    /// `table`.
    pub(crate) fn build_indexes(&self, table: &Table, positions: &[usize]) -> Result<()> {
        let indexes: Vec<&Index> = positions
            .iter()
            .filter_map(|&p| table.indexes.get(p))
            .collect();
        if indexes.is_empty() {
            return Ok(());
        }
        let mut items: Vec<(Vec<u8>, Arc<Item>)> = Vec::new();
        self.inner
            .storage
            .scan(
                table.space,
                Bound::Unbounded,
                Bound::Unbounded,
                false,
                &mut |k, item| {
                    items.push((k.to_vec(), item.clone()));
                    ControlFlow::Continue(())
                },
            )
            .map_err(storage_error)?;
        let mut batch = WriteBatch::new();
        for (key, item) in &items {
            for index in &indexes {
                if let Some((k, entry)) = index_entry(index, &table.key, key, Some(item))? {
                    batch.push(Write::Put {
                        space: index.space,
                        key: k,
                        item: Arc::new(entry),
                    });
                }
            }
            if batch.len() >= CHUNK {
                self.inner
                    .storage
                    .write(std::mem::take(&mut batch))
                    .map_err(storage_error)?;
            }
        }
        self.inner.storage.write(batch).map_err(storage_error)
    }

    /// Sets each item of `targets` in the (unpublished) `table` to its target state (`None`:
    /// absent), with the entries of the indexes at positions other than `skip` (those are built
    /// afterwards).
    pub(crate) fn rewrite_items(
        &self,
        table: &Table,
        targets: BTreeMap<Vec<u8>, Option<Item>>,
        skip: &[usize],
    ) -> Result<()> {
        let storage = &self.inner.storage;
        let mut batch = WriteBatch::new();
        for (key, target) in targets {
            let current = storage.get(table.space, &key).map_err(storage_error)?;
            for (at, index) in table.indexes.iter().enumerate() {
                if skip.contains(&at) {
                    continue;
                }
                if let Some((k, _)) = index_entry(index, &table.key, &key, current.as_deref())? {
                    batch.push(Write::Delete {
                        space: index.space,
                        key: k,
                    });
                }
                if let Some((k, entry)) = index_entry(index, &table.key, &key, target.as_ref())? {
                    batch.push(Write::Put {
                        space: index.space,
                        key: k,
                        item: Arc::new(entry),
                    });
                }
            }
            batch.push(match target {
                Some(item) => Write::Put {
                    space: table.space,
                    key,
                    item: Arc::new(item),
                },
                None => Write::Delete {
                    space: table.space,
                    key,
                },
            });
            if batch.len() >= CHUNK {
                storage
                    .write(std::mem::take(&mut batch))
                    .map_err(storage_error)?;
            }
        }
        storage.write(batch).map_err(storage_error)
    }

    /// Counts the filled table's items and entries, and records where it was restored from.
    pub(crate) fn finish_restore(&self, table: &mut Table, from: RestoreRecord) -> Result<()> {
        recount(&*self.inner.storage, table).map_err(storage_error)?;
        item_collections::recount(&*self.inner.storage, table).map_err(storage_error)?;
        table.description.restore_summary = Some(RestoreSummary {
            source_backup_arn: from.backup_arn.clone(),
            source_table_arn: from.table_arn.clone(),
            restore_date_time: Some(from.at),
            restore_in_progress: Some(false),
        });
        table.extras.restore = Some(from);
        Ok(())
    }

    /// A keyspace for a restore's scratch copy (the change log of a point-in-time restore).
    pub(crate) fn scratch_space(&self) -> SpaceId {
        self.new_space()
    }
}

/// The CreateTable request that makes `target` with `source`'s schema and `overrides`.
pub(crate) fn restore_request(
    source: &Table,
    target: &str,
    overrides: &Overrides<'_>,
) -> Result<CreateTableInput> {
    let d = &source.description;
    let source_on_demand = d
        .billing_mode_summary
        .as_ref()
        .and_then(|b| b.billing_mode.as_ref())
        == Some(&BillingMode::PayPerRequest);
    let billing = overrides.billing.cloned().unwrap_or(if source_on_demand {
        BillingMode::PayPerRequest
    } else {
        BillingMode::Provisioned
    });
    let provisioned = billing == BillingMode::Provisioned;
    let throughput = |p: Option<&ProvisionedThroughputDescription>| {
        p.map(|p| ProvisionedThroughput {
            read_capacity_units: p.read_capacity_units,
            write_capacity_units: p.write_capacity_units,
        })
    };
    let source_lsis = d.local_secondary_indexes.as_deref().unwrap_or_default();
    let source_gsis = d.global_secondary_indexes.as_deref().unwrap_or_default();
    let lsis: Vec<LocalSecondaryIndex> = match overrides.lsis {
        Some(asked) => {
            for lsi in asked {
                check_override(
                    lsi.index_name.as_deref(),
                    lsi.key_schema.as_deref(),
                    source_lsis
                        .iter()
                        .map(|s| (s.index_name.as_deref(), s.key_schema.as_deref())),
                )?;
            }
            asked.to_vec()
        }
        None => source_lsis
            .iter()
            .map(|l| LocalSecondaryIndex {
                index_name: l.index_name.clone(),
                key_schema: l.key_schema.clone(),
                projection: l.projection.clone(),
            })
            .collect(),
    };
    let gsis: Vec<GlobalSecondaryIndex> = match overrides.gsis {
        Some(asked) => {
            for gsi in asked {
                check_override(
                    gsi.index_name.as_deref(),
                    gsi.key_schema.as_deref(),
                    source_gsis
                        .iter()
                        .map(|s| (s.index_name.as_deref(), s.key_schema.as_deref())),
                )?;
            }
            asked.to_vec()
        }
        None => source_gsis
            .iter()
            .map(|g| GlobalSecondaryIndex {
                index_name: g.index_name.clone(),
                key_schema: g.key_schema.clone(),
                projection: g.projection.clone(),
                provisioned_throughput: if provisioned {
                    throughput(g.provisioned_throughput.as_ref())
                } else {
                    None
                },
                on_demand_throughput: g.on_demand_throughput.clone(),
                warm_throughput: None,
            })
            .collect(),
    };
    // Definitions only of attributes still keyed: dropping an index drops its key's definition,
    // which CreateTable would otherwise refuse as unused.
    let used: Vec<&str> = d
        .key_schema
        .iter()
        .flatten()
        .chain(lsis.iter().flat_map(|l| l.key_schema.iter().flatten()))
        .chain(gsis.iter().flat_map(|g| g.key_schema.iter().flatten()))
        .filter_map(|k| k.attribute_name.as_deref())
        .collect();
    let definitions = d.attribute_definitions.as_ref().map(|defs| {
        defs.iter()
            .filter(|a| used.contains(&a.attribute_name.as_deref().unwrap_or_default()))
            .cloned()
            .collect()
    });
    let sse = match overrides.sse {
        Some(s) => Some(s.clone()),
        None => d
            .sse_description
            .as_ref()
            .filter(|s| s.status == Some(SseStatus::Enabled))
            .map(|s| SseSpecification {
                enabled: Some(true),
                sse_type: s.sse_type.clone(),
                kms_master_key_id: s.kms_master_key_arn.clone(),
            }),
    };
    Ok(CreateTableInput {
        table_name: Some(target.to_owned()),
        attribute_definitions: definitions,
        key_schema: d.key_schema.clone(),
        local_secondary_indexes: (!lsis.is_empty()).then_some(lsis),
        global_secondary_indexes: (!gsis.is_empty()).then_some(gsis),
        billing_mode: Some(billing),
        provisioned_throughput: if provisioned {
            overrides
                .throughput
                .cloned()
                .or_else(|| throughput(d.provisioned_throughput.as_ref()))
        } else {
            None
        },
        on_demand_throughput: if provisioned {
            None
        } else {
            overrides
                .on_demand
                .cloned()
                .or_else(|| d.on_demand_throughput.clone())
        },
        sse_specification: sse,
        table_class: d
            .table_class_summary
            .as_ref()
            .and_then(|c| c.table_class.clone()),
        ..Default::default()
    })
}

/// An index override must name an index of the source, with its key schema: a restore can leave
/// indexes out, not invent them.
fn check_override<'a>(
    name: Option<&str>,
    key_schema: Option<&[KeySchemaElement]>,
    mut source: impl Iterator<Item = (Option<&'a str>, Option<&'a [KeySchemaElement]>)>,
) -> Result<()> {
    let name_str = name.unwrap_or_default();
    if source.any(|(n, ks)| n == name && ks == key_schema) {
        Ok(())
    } else {
        Err(m::index_override_unknown(name_str))
    }
}
