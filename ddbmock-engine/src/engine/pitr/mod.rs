//! Point-in-time recovery: UpdateContinuousBackups and DescribeContinuousBackups, and the
//! restorable window.
//!
//! A table with recovery on keeps a change log (see `log`): every committed item change appends
//! the item's previous state, in the same atomic batch as the change. Restoring to a moment T
//! copies the table as it is now and undoes, per item, the changes after T (see `restore`). So
//! memory grows with the writes within the recovery period, never with the table's size, and the
//! log is trimmed as the window moves.
//!
//! - `log`: the log's entries, their keys, appending and trimming;
//! - `restore`: RestoreTableToPointInTime.

pub(crate) mod log;
mod restore;

use super::Engine;
use super::extras::PitrRecord;
use super::table::Table;
use crate::storage::Write;
use ddbmock_core::error::Result;
use ddbmock_core::error::msg::backup as m;
use ddbmock_core::error::msg::table::ConstraintErrors;
use ddbmock_core::operation::*;

/// The recovery period when UpdateContinuousBackups names none, and the longest allowed.
const MAX_DAYS: i32 = 35;

/// How far the latest restorable time trails the clock, as DynamoDB documents ("typically 5
/// minutes before the current time").
const LATEST_LAG_SECONDS: f64 = 300.0;

const SECONDS_PER_DAY: f64 = 86_400.0;

/// The restorable window `(earliest, latest)` of recovery `p` at epoch second `now`: from when it
/// was enabled or the start of the recovery period, whichever is later, to five minutes ago (or
/// the earliest, when recovery is younger than that).
pub(crate) fn window(p: &PitrRecord, now: f64) -> (f64, f64) {
    let earliest = p.enabled_at.max(now - f64::from(p.days) * SECONDS_PER_DAY);
    (earliest, (now - LATEST_LAG_SECONDS).max(earliest))
}

/// The description DescribeContinuousBackups and UpdateContinuousBackups return.
fn description(table: &Table, now: f64) -> ContinuousBackupsDescription {
    let pitr = match table.extras.pitr.as_ref().filter(|p| p.enabled) {
        Some(p) => {
            let (earliest, latest) = window(p, now);
            PointInTimeRecoveryDescription {
                point_in_time_recovery_status: Some(ContinuousBackupsStatus::Enabled),
                recovery_period_in_days: Some(p.days),
                earliest_restorable_date_time: Some(earliest),
                latest_restorable_date_time: Some(latest),
            }
        }
        None => PointInTimeRecoveryDescription {
            point_in_time_recovery_status: Some(ContinuousBackupsStatus::Disabled),
            ..Default::default()
        },
    };
    ContinuousBackupsDescription {
        // Continuous backups (what on-demand backups need) are always on in DynamoDB.
        continuous_backups_status: Some(ContinuousBackupsStatus::Enabled),
        point_in_time_recovery_description: Some(pitr),
    }
}

impl Engine {
    pub(crate) fn update_continuous_backups_now(
        &self,
        input: UpdateContinuousBackupsInput,
    ) -> Result<UpdateContinuousBackupsOutput> {
        let mut errors = ConstraintErrors::new();
        errors.table_name_or_arn("tableName", input.table_name.as_deref());
        let spec = input.point_in_time_recovery_specification.as_ref();
        match spec {
            None => errors.null("pointInTimeRecoverySpecification"),
            Some(s) => {
                if s.point_in_time_recovery_enabled.is_none() {
                    errors.null("pointInTimeRecoverySpecification.pointInTimeRecoveryEnabled");
                }
                let days = s.recovery_period_in_days.map(i64::from);
                let member = "pointInTimeRecoverySpecification.recoveryPeriodInDays";
                errors.at_least(member, days, 1);
                errors.at_most(member, days, i64::from(MAX_DAYS));
            }
        }
        errors.into_result()?;
        let spec = spec.cloned().unwrap_or_default();
        let name = self.name_of_arn(input.table_name.as_deref().unwrap_or_default());
        let table = self.table_any(name).ok_or_else(m::table_not_found)?;
        let now = self.inner.clock.epoch_seconds();
        if matches!(table.transition_at(now), Some(TableStatus::Creating)) {
            return Err(m::continuous_backups_unavailable());
        }
        let enable = spec.point_in_time_recovery_enabled == Some(true);
        let mut cleared = None;
        let table = self.change_table(name, m::table_not_found, |current| {
            let mut next = current.clone();
            let old = current.extras.pitr.clone();
            next.extras.pitr = match (enable, old) {
                (true, Some(p)) if p.enabled => Some(PitrRecord {
                    days: spec.recovery_period_in_days.unwrap_or(p.days),
                    ..p
                }),
                (true, Some(p)) => Some(PitrRecord {
                    enabled: true,
                    enabled_at: now,
                    days: spec.recovery_period_in_days.unwrap_or(MAX_DAYS),
                    log_space: p.log_space,
                }),
                (true, None) => {
                    let log_space = self.new_space();
                    self.inner
                        .storage
                        .write(vec![Write::CreateSpace(log_space)])
                        .map_err(super::storage_error)?;
                    Some(PitrRecord {
                        enabled: true,
                        enabled_at: now,
                        days: spec.recovery_period_in_days.unwrap_or(MAX_DAYS),
                        log_space,
                    })
                }
                (false, Some(p)) => {
                    cleared = Some(p.log_space);
                    Some(PitrRecord {
                        enabled: false,
                        ..p
                    })
                }
                (false, None) => None,
            };
            Ok(next)
        })?;
        if let Some(log) = cleared {
            self.clear_log(log)?;
        }
        Ok(UpdateContinuousBackupsOutput {
            continuous_backups_description: Some(description(&table, now)),
        })
    }

    pub(crate) fn describe_continuous_backups_now(
        &self,
        input: DescribeContinuousBackupsInput,
    ) -> Result<DescribeContinuousBackupsOutput> {
        let mut errors = ConstraintErrors::new();
        errors.table_name_or_arn("tableName", input.table_name.as_deref());
        errors.into_result()?;
        let name = self.name_of_arn(input.table_name.as_deref().unwrap_or_default());
        let table = self.table_any(name).ok_or_else(m::table_not_found)?;
        Ok(DescribeContinuousBackupsOutput {
            continuous_backups_description: Some(description(
                &table,
                self.inner.clock.epoch_seconds(),
            )),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(enabled_at: f64, days: i32) -> PitrRecord {
        PitrRecord {
            enabled: true,
            enabled_at,
            days,
            log_space: 1,
        }
    }

    #[test]
    fn the_window_starts_at_enabling_until_the_period_is_full() {
        assert_eq!(window(&record(1000.0, 1), 1000.0), (1000.0, 1000.0));
        assert_eq!(window(&record(1000.0, 1), 2000.0), (1000.0, 1700.0));
        let day = SECONDS_PER_DAY;
        assert_eq!(
            window(&record(0.0, 2), 5.0 * day),
            (3.0 * day, 5.0 * day - 300.0)
        );
    }
}
