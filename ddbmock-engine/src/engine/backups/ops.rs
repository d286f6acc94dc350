//! CreateBackup, DescribeBackup, ListBackups and DeleteBackup.

use std::sync::Arc;

use super::Backup;
use crate::engine::table::{Stats, Table};
use crate::engine::{Engine, storage_error};
use crate::storage::Write;
use ddbmock_core::error::Result;
use ddbmock_core::error::msg::backup as m;
use ddbmock_core::error::msg::table::ConstraintErrors;
use ddbmock_core::operation::*;

/// The length bounds of a backup ARN, as DynamoDB's model sets them.
const ARN_LENGTH: (usize, usize) = (37, 1024);

/// The most backups one ListBackups page holds (its `Limit`'s upper bound).
const MAX_LIST_LIMIT: i64 = 100;

/// Checks a `BackupArn` member: present, 37 to 1024 characters.
pub(crate) fn check_backup_arn<'a>(
    errors: &mut ConstraintErrors,
    arn: &'a Option<String>,
) -> &'a str {
    match arn {
        None => {
            errors.null("backupArn");
            ""
        }
        Some(a) => {
            errors.length(
                "backupArn",
                a,
                a.chars().count(),
                ARN_LENGTH.0,
                ARN_LENGTH.1,
            );
            a
        }
    }
}

impl Engine {
    pub(crate) fn create_backup_now(&self, input: CreateBackupInput) -> Result<CreateBackupOutput> {
        let mut errors = ConstraintErrors::new();
        errors.table_name_or_arn("tableName", input.table_name.as_deref());
        errors.name("backupName", input.backup_name.as_deref());
        errors.into_result()?;
        let name = self.name_of_arn(input.table_name.as_deref().unwrap_or_default());
        let table = self.source_table(name)?;
        let now = self.inner.clock.epoch_seconds();
        let mut backups = self.inner.backups.by_arn.write();
        // One backup of a table at a time: a second while the first is still being created is
        // refused, as DynamoDB refuses conflicting backup operations.
        if backups
            .values()
            .any(|b| b.table.arn() == table.arn() && now < b.available_at)
        {
            return Err(m::backup_in_use());
        }
        let mut snapshot = Table {
            space: self.new_space(),
            stats: Arc::new(Stats::default()),
            transition: None,
            live: Default::default(),
            ..(*table).clone()
        };
        snapshot.extras.pitr = None;
        let mut batch = vec![Write::CopySpace {
            from: table.space,
            to: snapshot.space,
        }];
        for index in &mut snapshot.indexes {
            let to = self.new_space();
            batch.push(Write::CopySpace {
                from: index.space,
                to,
            });
            index.space = to;
            index.stats = Arc::new(Stats::default());
        }
        let delay = self.inner.config.table_status_delay.as_secs_f64();
        let backup = Backup {
            arn: self.backup_arn(&table, now),
            name: input.backup_name.unwrap_or_default(),
            created_at: now,
            available_at: now + delay,
            items: table.stats.items(),
            bytes: table.stats.bytes(),
            table: snapshot,
        };
        batch.push(backup.meta_write().map_err(storage_error)?);
        // The copies and the record in one batch: the snapshot is exactly the table at one moment,
        // and a backup is stored whole or not at all.
        self.inner.storage.write(batch).map_err(storage_error)?;
        let details = backup.details(backup.status(now));
        backups.insert(backup.arn.clone(), Arc::new(backup));
        Ok(CreateBackupOutput {
            backup_details: Some(details),
        })
    }

    pub(crate) fn describe_backup_now(
        &self,
        input: DescribeBackupInput,
    ) -> Result<DescribeBackupOutput> {
        let backup = self.backup(&input.backup_arn)?;
        let now = self.inner.clock.epoch_seconds();
        Ok(DescribeBackupOutput {
            backup_description: Some(backup.description(backup.status(now))),
        })
    }

    pub(crate) fn list_backups_now(&self, input: ListBackupsInput) -> Result<ListBackupsOutput> {
        let mut errors = ConstraintErrors::new();
        if let Some(name) = &input.table_name {
            errors.length("tableName", name, name.chars().count(), 1, 1024);
        }
        errors.at_least("limit", input.limit.map(i64::from), 1);
        errors.at_most("limit", input.limit.map(i64::from), MAX_LIST_LIMIT);
        if let Some(arn) = &input.exclusive_start_backup_arn {
            errors.length(
                "exclusiveStartBackupArn",
                arn,
                arn.chars().count(),
                ARN_LENGTH.0,
                ARN_LENGTH.1,
            );
        }
        if let Some(BackupTypeFilter::Unknown(v)) = &input.backup_type {
            errors.enum_value("backupType", Some(v), BackupTypeFilter::VALUES);
        }
        errors.into_result()?;
        let table = input.table_name.as_deref().map(|n| self.name_of_arn(n));
        // Every backup ddbmock takes is a user's: a filter for the other kinds lists none.
        let user = matches!(
            input.backup_type,
            None | Some(BackupTypeFilter::User | BackupTypeFilter::All)
        );
        let now = self.inner.clock.epoch_seconds();
        let mut listed: Vec<Arc<Backup>> = self
            .inner
            .backups
            .by_arn
            .read()
            .values()
            .filter(|b| user && table.is_none_or(|t| b.table.name() == t))
            .filter(|b| {
                input
                    .time_range_lower_bound
                    .is_none_or(|low| b.created_at >= low)
                    && input
                        .time_range_upper_bound
                        .is_none_or(|up| b.created_at < up)
            })
            .cloned()
            .collect();
        listed.sort_by(|a, b| {
            a.created_at
                .total_cmp(&b.created_at)
                .then(a.arn.cmp(&b.arn))
        });
        if let Some(start) = &input.exclusive_start_backup_arn {
            match listed.iter().position(|b| &b.arn == start) {
                Some(at) => {
                    listed.drain(..=at);
                }
                // A start that is not listed (deleted meanwhile): the backups after it by ARN.
                None => listed.retain(|b| &b.arn > start),
            }
        }
        let limit = usize::try_from(input.limit.unwrap_or(i32::MAX)).unwrap_or(usize::MAX);
        let more = listed.len() > limit;
        listed.truncate(limit);
        Ok(ListBackupsOutput {
            last_evaluated_backup_arn: more.then(|| listed.last().map(|b| b.arn.clone())).flatten(),
            backup_summaries: Some(listed.iter().map(|b| b.summary(now)).collect()),
        })
    }

    pub(crate) fn delete_backup_now(&self, input: DeleteBackupInput) -> Result<DeleteBackupOutput> {
        let backup = self.backup(&input.backup_arn)?;
        let now = self.inner.clock.epoch_seconds();
        if backup.status(now) == BackupStatus::Creating {
            return Err(m::backup_in_use());
        }
        let mut backups = self.inner.backups.by_arn.write();
        if backups.remove(&backup.arn).is_none() {
            return Err(m::backup_not_found());
        }
        let mut batch: Vec<Write> = backup.spaces().map(Write::DropSpace).collect();
        batch.push(Write::Meta {
            name: Backup::meta_name(&backup.arn),
            value: None,
        });
        if let Err(e) = self.inner.storage.write(batch) {
            backups.insert(backup.arn.clone(), backup);
            return Err(storage_error(e));
        }
        Ok(DeleteBackupOutput {
            backup_description: Some(backup.description(BackupStatus::Deleted)),
        })
    }

    /// The backup a request's `BackupArn` names, after its member check.
    pub(crate) fn backup(&self, arn: &Option<String>) -> Result<Arc<Backup>> {
        let mut errors = ConstraintErrors::new();
        let arn = check_backup_arn(&mut errors, arn);
        errors.into_result()?;
        self.inner
            .backups
            .by_arn
            .read()
            .get(arn)
            .cloned()
            .ok_or_else(m::backup_not_found)
    }

    /// The source table of a backup or a point-in-time restore: `TableNotFoundException` when
    /// missing, `TableInUseException` while it is being created or deleted.
    pub(crate) fn source_table(&self, name: &str) -> Result<Arc<Table>> {
        let table = self.table_any(name).ok_or_else(m::table_not_found)?;
        match table.transition_at(self.inner.clock.epoch_seconds()) {
            Some(TableStatus::Creating | TableStatus::Deleting) => Err(m::table_in_use()),
            _ => Ok(table),
        }
    }
}
