//! RestoreTableToPointInTime: a new table holding the source table's items and index entries as
//! they were at a moment of the engine's clock.
//!
//! The source's keyspaces and its change log are copied in one batch (one consistent moment,
//! O(1) in memory); then each item the log records a change of after the restore time is set back
//! to its state before the first such change, with its index entries. The cost is that of the
//! table copy plus one rewrite per item changed since the restore time.

use crate::engine::Engine;
use crate::engine::backups::restore::{Overrides, restore_request};
use crate::engine::extras::RestoreRecord;
use crate::storage::Write;
use ddbmock_core::error::Result;
use ddbmock_core::error::msg::backup as m;
use ddbmock_core::error::msg::table::ConstraintErrors;
use ddbmock_core::operation::*;

impl Engine {
    pub(crate) fn restore_table_to_point_in_time_now(
        &self,
        input: RestoreTableToPointInTimeInput,
    ) -> Result<RestoreTableToPointInTimeOutput> {
        let mut errors = ConstraintErrors::new();
        errors.name("targetTableName", input.target_table_name.as_deref());
        if let Some(name) = &input.source_table_name {
            errors.name("sourceTableName", Some(name));
        }
        if let Some(arn) = &input.source_table_arn {
            errors.length("sourceTableArn", arn, arn.chars().count(), 1, 1024);
        }
        errors.into_result()?;
        let source_name = match (&input.source_table_name, &input.source_table_arn) {
            (Some(name), None) => name.as_str(),
            (None, Some(arn)) => self.name_of_arn(arn),
            _ => return Err(m::source_table_required()),
        };
        let latest_asked = input.use_latest_restorable_time == Some(true);
        if latest_asked == input.restore_date_time.is_some() {
            return Err(m::restore_time_required());
        }
        let target = input.target_table_name.as_deref().unwrap_or_default();
        let source = self.source_table(source_name)?;
        let Some(pitr) = source.extras.pitr.clone().filter(|p| p.enabled) else {
            return Err(m::point_in_time_recovery_unavailable());
        };
        let now = self.inner.clock.epoch_seconds();
        let (earliest, latest) = super::window(&pitr, now);
        let at = input.restore_date_time.unwrap_or(latest);
        if !(earliest..=latest).contains(&at) {
            return Err(m::invalid_restore_time());
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
        let request = restore_request(&source, target, &overrides)?;
        let out = self.create_table_with(request, |table| {
            let log = self.scratch_space();
            let copy = Write::CopySpace {
                from: pitr.log_space,
                to: log,
            };
            let rolled_back = self
                .fill_from(table, &source, vec![copy])
                .and_then(|built| {
                    let states = self.states_at(log, at)?;
                    self.rewrite_items(table, states, &built)?;
                    Ok(built)
                });
            // The scratch log goes whether or not the rollback worked.
            let dropped = self
                .inner
                .storage
                .write(vec![Write::DropSpace(log)])
                .map_err(crate::engine::storage_error);
            let built = rolled_back?;
            dropped?;
            self.build_indexes(table, &built)?;
            self.finish_restore(
                table,
                RestoreRecord {
                    backup_arn: None,
                    table_arn: Some(source.arn().to_owned()),
                    at,
                },
            )
        })?;
        Ok(RestoreTableToPointInTimeOutput {
            table_description: out.table_description,
        })
    }
}
