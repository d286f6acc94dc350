//! On-demand backups: what a backup is, where the engine keeps them, and how they persist.
//!
//! A backup is a copy-on-write snapshot: at CreateBackup the table's keyspace and each index's are
//! copied (`Write::CopySpace`, O(1) in the memory store, a copy within the file in SQLite) into
//! keyspaces of the backup's own, together with the table's catalog entry as it was. Restoring
//! copies them again into the new table's keyspaces. Each backup persists as the metadata blob
//! `backup/<arn>`, written in the same batch as its snapshot, so a store reopened later lists it.
//!
//! - `ops`: CreateBackup, DescribeBackup, ListBackups, DeleteBackup;
//! - `restore`: RestoreTableFromBackup, and the filling of a restored table that point-in-time
//!   restores share.

mod ops;
pub(crate) mod restore;

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::AtomicU64;

use parking_lot::RwLock;
use serde::{Deserialize, Serialize};

use super::Engine;
use super::table::Table;
use crate::storage::{SpaceId, StorageError, Write};
use ddbmock_core::operation::{
    BackupDescription, BackupDetails, BackupStatus, BackupSummary, BackupType, BillingMode,
    GlobalSecondaryIndexInfo, LocalSecondaryIndexInfo, ProvisionedThroughput, SourceTableDetails,
    SourceTableFeatureDetails, TimeToLiveDescription, TimeToLiveStatus,
};

/// The backups of an engine, and the sequence that orders point-in-time log entries.
#[derive(Default)]
pub(crate) struct Backups {
    /// Every backup, by ARN.
    pub(crate) by_arn: RwLock<BTreeMap<String, Arc<Backup>>>,
    /// The next point-in-time log sequence number (see `pitr::log`).
    pub(crate) log_seq: AtomicU64,
    /// When each change log is next trimmed, by log keyspace, in epoch seconds.
    pub(crate) next_trim: parking_lot::Mutex<std::collections::HashMap<SpaceId, f64>>,
}

/// One on-demand backup.
#[derive(Clone, Debug)]
pub(crate) struct Backup {
    pub(crate) arn: String,
    pub(crate) name: String,
    /// Epoch seconds of CreateBackup.
    pub(crate) created_at: f64,
    /// Epoch seconds when the backup turns `AVAILABLE` (`CREATING` before).
    pub(crate) available_at: f64,
    /// The table's item count and size when the backup was taken.
    pub(crate) items: i64,
    pub(crate) bytes: i64,
    /// The table as it was, its keyspace and its indexes' being the backup's copies.
    pub(crate) table: Table,
}

/// What `backup/<arn>` holds.
#[derive(Serialize, Deserialize)]
struct BackupRecord {
    arn: String,
    name: String,
    created_at: f64,
    available_at: f64,
    items: i64,
    bytes: i64,
    /// The table's catalog record (see `catalog`), with the backup's keyspaces.
    table: serde_json::Value,
}

impl Backup {
    /// The metadata blob name of the backup `arn`.
    pub(crate) fn meta_name(arn: &str) -> String {
        format!("backup/{arn}")
    }

    /// Every keyspace the backup owns.
    pub(crate) fn spaces(&self) -> impl Iterator<Item = SpaceId> + '_ {
        std::iter::once(self.table.space).chain(self.table.indexes.iter().map(|i| i.space))
    }

    /// The metadata write that persists the backup.
    pub(crate) fn meta_write(&self) -> Result<Write, StorageError> {
        let corrupt = |e: serde_json::Error| StorageError::Backend(format!("backup record: {e}"));
        let table = serde_json::from_slice(&super::catalog::encode(&self.table).map_err(corrupt)?)
            .map_err(corrupt)?;
        let record = BackupRecord {
            arn: self.arn.clone(),
            name: self.name.clone(),
            created_at: self.created_at,
            available_at: self.available_at,
            items: self.items,
            bytes: self.bytes,
            table,
        };
        Ok(Write::Meta {
            name: Self::meta_name(&self.arn),
            value: Some(serde_json::to_vec(&record).map_err(corrupt)?),
        })
    }

    /// Reads a backup from its blob.
    fn decode(blob: &[u8]) -> Result<Backup, StorageError> {
        let corrupt = |e: serde_json::Error| StorageError::Backend(format!("backup record: {e}"));
        let record: BackupRecord = serde_json::from_slice(blob).map_err(corrupt)?;
        let table_blob = serde_json::to_vec(&record.table).map_err(corrupt)?;
        let name = record
            .table
            .get("name")
            .and_then(|n| n.as_str())
            .unwrap_or_default()
            .to_owned();
        let table = super::catalog::decode(&name, &table_blob)?.table;
        Ok(Backup {
            arn: record.arn,
            name: record.name,
            created_at: record.created_at,
            available_at: record.available_at,
            items: record.items,
            bytes: record.bytes,
            table,
        })
    }

    /// The backup's status at epoch second `now`.
    pub(crate) fn status(&self, now: f64) -> BackupStatus {
        if now < self.available_at {
            BackupStatus::Creating
        } else {
            BackupStatus::Available
        }
    }

    pub(crate) fn details(&self, status: BackupStatus) -> BackupDetails {
        BackupDetails {
            backup_arn: Some(self.arn.clone()),
            backup_name: Some(self.name.clone()),
            backup_size_bytes: Some(self.bytes),
            backup_status: Some(status),
            backup_type: Some(BackupType::User),
            backup_creation_date_time: Some(self.created_at),
            backup_expiry_date_time: None,
        }
    }

    pub(crate) fn summary(&self, now: f64) -> BackupSummary {
        let d = &self.table.description;
        BackupSummary {
            table_name: Some(self.table.name().to_owned()),
            table_id: d.table_id.clone(),
            table_arn: Some(self.table.arn().to_owned()),
            backup_arn: Some(self.arn.clone()),
            backup_name: Some(self.name.clone()),
            backup_creation_date_time: Some(self.created_at),
            backup_expiry_date_time: None,
            backup_status: Some(self.status(now)),
            backup_type: Some(BackupType::User),
            backup_size_bytes: Some(self.bytes),
        }
    }

    pub(crate) fn description(&self, status: BackupStatus) -> BackupDescription {
        let d = &self.table.description;
        let on_demand = d
            .billing_mode_summary
            .as_ref()
            .and_then(|b| b.billing_mode.as_ref())
            == Some(&BillingMode::PayPerRequest);
        let throughput = |p: Option<&ddbmock_core::operation::ProvisionedThroughputDescription>| {
            p.map(|p| ProvisionedThroughput {
                read_capacity_units: p.read_capacity_units,
                write_capacity_units: p.write_capacity_units,
            })
        };
        let lsis: Vec<_> = d
            .local_secondary_indexes
            .iter()
            .flatten()
            .map(|l| LocalSecondaryIndexInfo {
                index_name: l.index_name.clone(),
                key_schema: l.key_schema.clone(),
                projection: l.projection.clone(),
            })
            .collect();
        let gsis: Vec<_> = d
            .global_secondary_indexes
            .iter()
            .flatten()
            .map(|g| GlobalSecondaryIndexInfo {
                index_name: g.index_name.clone(),
                key_schema: g.key_schema.clone(),
                projection: g.projection.clone(),
                provisioned_throughput: throughput(g.provisioned_throughput.as_ref()),
                on_demand_throughput: g.on_demand_throughput.clone(),
            })
            .collect();
        let ttl = self.table.ttl.as_ref().map(|t| TimeToLiveDescription {
            time_to_live_status: Some(if t.enabled == Some(true) {
                TimeToLiveStatus::Enabled
            } else {
                TimeToLiveStatus::Disabled
            }),
            attribute_name: t.attribute_name.clone(),
        });
        BackupDescription {
            backup_details: Some(self.details(status)),
            source_table_details: Some(SourceTableDetails {
                table_name: Some(self.table.name().to_owned()),
                table_id: d.table_id.clone(),
                table_arn: Some(self.table.arn().to_owned()),
                table_size_bytes: Some(self.bytes),
                key_schema: d.key_schema.clone(),
                table_creation_date_time: d.creation_date_time,
                provisioned_throughput: throughput(d.provisioned_throughput.as_ref()),
                on_demand_throughput: d.on_demand_throughput.clone(),
                item_count: Some(self.items),
                billing_mode: Some(if on_demand {
                    BillingMode::PayPerRequest
                } else {
                    BillingMode::Provisioned
                }),
            }),
            source_table_feature_details: Some(SourceTableFeatureDetails {
                local_secondary_indexes: (!lsis.is_empty()).then_some(lsis),
                global_secondary_indexes: (!gsis.is_empty()).then_some(gsis),
                stream_description: d.stream_specification.clone(),
                time_to_live_description: ttl,
                sse_description: d.sse_description.clone(),
            }),
        }
    }
}

impl Engine {
    /// Reads the backups a reopened store holds, and moves the keyspace counter past theirs and
    /// the point-in-time log sequence past every log's last entry.
    pub(crate) fn load_backups(&self) -> Result<(), StorageError> {
        let mut backups = self.inner.backups.by_arn.write();
        for (meta, blob) in self.inner.storage.metadata()? {
            if meta.starts_with("backup/") {
                let backup = Backup::decode(&blob)?;
                for space in backup.spaces() {
                    self.inner
                        .next_space
                        .fetch_max(space + 1, std::sync::atomic::Ordering::Relaxed);
                }
                backups.insert(backup.arn.clone(), Arc::new(backup));
            }
        }
        drop(backups);
        self.resume_log_sequence()
    }

    /// The ARN of a new backup of `table` taken at epoch second `now`:
    /// `<table arn>/backup/<14-digit epoch milliseconds>-<8 hex digits>`, as DynamoDB forms them.
    pub(crate) fn backup_arn(&self, table: &Table, now: f64) -> String {
        let millis = (now * 1000.0) as u64;
        let suffix = &super::create_table::random_uuid()[..8];
        format!("{}/backup/{millis:014}-{suffix}", table.arn())
    }
}
