//! Exports to S3 (ExportTableToPointInTime, DescribeExport, ListExports), and the registry that
//! exports and imports share.
//!
//! S3 is a local folder (see `s3`). An export reads the table as it was at its `ExportTime` (see
//! `snapshot`: the table and its point-in-time log copied at one moment, the log's changes after
//! the time rolled back) and writes its files in DynamoDB's layout (see `files`) when it is
//! requested; it is described `IN_PROGRESS` for the engine's `table_status_delay` and then
//! `COMPLETED`, or `FAILED` when its bucket cannot be reached (with no file written). Each export
//! and import persists as the metadata blob `export/<arn>` or `import/<arn>`, so a reopened store
//! lists them.
//!
//! - `s3`: the folder standing for S3;
//! - `files`: the export's files;
//! - `incremental`: an incremental export's period and changes;
//! - `ion`: the Amazon Ion format, written and read;
//! - `ops`: the three operations;
//! - `snapshot`: a table's items at a moment.

pub(crate) mod files;
/// ImportTable and its records: a part of this module, since both keep their records in one
/// registry (`Transfers`) and share the S3 folder and the idempotency rules.
mod imports;
mod incremental;
mod ion;
pub(crate) mod ops;
pub(crate) mod s3;
mod snapshot;

use std::collections::BTreeMap;
use std::sync::Arc;

use parking_lot::RwLock;
use serde::{Deserialize, Serialize};

use super::Engine;
use crate::storage::{StorageError, Write};
use ddbmock_core::error::msg::table::ConstraintErrors;
use ddbmock_core::error::{Error, Result};
use ddbmock_core::operation::{
    ExportDescription, ExportStatus, ExportSummary, ExportTableToPointInTimeInput,
};
use imports::Import;
use ops::MAX_PAGE;

/// How long a client token binds its request, on the engine's clock: 8 hours, as DynamoDB
/// documents for ExportTableToPointInTime and ImportTable.
pub(crate) const TOKEN_WINDOW_SECONDS: f64 = 8.0 * 3600.0;

/// The exports and imports of an engine, by ARN.
#[derive(Default)]
pub(crate) struct Transfers {
    pub(crate) exports: RwLock<BTreeMap<String, Arc<Export>>>,
    pub(crate) imports: RwLock<BTreeMap<String, Arc<Import>>>,
}

/// One export: its description once finished, and when it finishes.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct Export {
    /// The description once `COMPLETED` or `FAILED`.
    pub(crate) done: ExportDescription,
    /// Epoch seconds when the export finishes (`IN_PROGRESS` before).
    pub(crate) ends_at: f64,
    /// The request, to tell a retry (same client token, same request) from a conflict.
    pub(crate) request: ExportTableToPointInTimeInput,
}

impl Transfer for Export {
    fn arn(&self) -> &str {
        self.done.export_arn.as_deref().unwrap_or_default()
    }

    fn started_at(&self) -> f64 {
        self.done.start_time.unwrap_or_default()
    }

    fn table_arn(&self) -> Option<&str> {
        self.done.table_arn.as_deref()
    }
}

impl Export {
    /// The export as described at epoch second `now`.
    pub(crate) fn description(&self, now: f64) -> ExportDescription {
        if now >= self.ends_at {
            return self.done.clone();
        }
        ExportDescription {
            export_status: Some(ExportStatus::InProgress),
            end_time: None,
            item_count: None,
            billed_size_bytes: None,
            failure_code: None,
            failure_message: None,
            ..self.done.clone()
        }
    }

    pub(crate) fn summary(&self, now: f64) -> ExportSummary {
        let d = self.description(now);
        ExportSummary {
            export_arn: d.export_arn,
            export_status: d.export_status,
            export_type: d.export_type,
        }
    }
}

/// The metadata write that persists `value` (an export or an import) as `<kind>/<arn>`.
pub(crate) fn meta_write<T: Serialize>(
    kind: &str,
    arn: &str,
    value: &T,
) -> Result<Write, StorageError> {
    let blob = serde_json::to_vec(value)
        .map_err(|e| StorageError::Backend(format!("{kind} record: {e}")))?;
    Ok(Write::Meta {
        name: format!("{kind}/{arn}"),
        value: Some(blob),
    })
}

/// What the Describe and List operations read of an export or an import.
pub(crate) trait Transfer {
    fn arn(&self) -> &str;
    /// Epoch seconds.
    fn started_at(&self) -> f64;
    fn table_arn(&self) -> Option<&str>;
}

/// The record `arn` names in `registry`, or `not_found`'s error.
pub(crate) fn lookup<T>(
    registry: &RwLock<BTreeMap<String, Arc<T>>>,
    arn: &str,
    not_found: fn() -> Error,
) -> Result<Arc<T>> {
    registry.read().get(arn).cloned().ok_or_else(not_found)
}

/// A List operation's page of `registry`: the records of table `table_arn` (all of them without
/// one), oldest first, after `token`, at most `limit` (the request's `size_member`, 1 to
/// `MAX_PAGE`; 25 without one). The members are checked first.
pub(crate) fn list_page<T: Transfer>(
    registry: &RwLock<BTreeMap<String, Arc<T>>>,
    table_arn: Option<&String>,
    (size_member, size): (&str, Option<i32>),
    token: Option<&str>,
) -> Result<(Vec<Arc<T>>, Option<String>)> {
    let mut errors = ConstraintErrors::new();
    if let Some(a) = table_arn {
        errors.length("tableArn", a, a.chars().count(), 1, 1024);
    }
    errors.at_least(size_member, size.map(i64::from), 1);
    errors.at_most(size_member, size.map(i64::from), MAX_PAGE);
    errors.into_result()?;
    let mut listed: Vec<Arc<T>> = registry
        .read()
        .values()
        .filter(|t| table_arn.is_none_or(|a| t.table_arn() == Some(a.as_str())))
        .cloned()
        .collect();
    listed.sort_by(|a, b| {
        a.started_at()
            .total_cmp(&b.started_at())
            .then(a.arn().cmp(b.arn()))
    });
    let limit = size.and_then(|s| usize::try_from(s).ok()).unwrap_or(25);
    Ok(page(listed, |t| t.arn(), token, limit))
}

/// The page of `listed` (sorted by start time, then ARN) after the element whose ARN is `token`,
/// at most `limit` long, and the token of the next page.
pub(crate) fn page<T>(
    mut listed: Vec<T>,
    arn: impl Fn(&T) -> &str,
    token: Option<&str>,
    limit: usize,
) -> (Vec<T>, Option<String>) {
    if let Some(start) = token {
        match listed.iter().position(|t| arn(t) == start) {
            Some(at) => {
                listed.drain(..=at);
            }
            // A token not listed any more: what sorts after it by ARN.
            None => listed.retain(|t| arn(t) > start),
        }
    }
    let more = listed.len() > limit;
    listed.truncate(limit);
    let next = more
        .then(|| listed.last().map(|t| arn(t).to_owned()))
        .flatten();
    (listed, next)
}

impl Engine {
    /// Reads the exports and imports a reopened store holds.
    pub(crate) fn load_transfers(&self) -> Result<(), StorageError> {
        let corrupt = |e: serde_json::Error| StorageError::Backend(format!("transfer record: {e}"));
        let transfers = &self.inner.transfers;
        for (meta, blob) in self.inner.storage.metadata()? {
            if let Some(arn) = meta.strip_prefix("export/") {
                let export: Export = serde_json::from_slice(&blob).map_err(corrupt)?;
                transfers
                    .exports
                    .write()
                    .insert(arn.to_owned(), Arc::new(export));
            } else if let Some(arn) = meta.strip_prefix("import/") {
                let import: Import = serde_json::from_slice(&blob).map_err(corrupt)?;
                transfers
                    .imports
                    .write()
                    .insert(arn.to_owned(), Arc::new(import));
            }
        }
        Ok(())
    }

    /// A new export's or import's ARN: `<table arn>/<kind>/<14-digit epoch milliseconds>-<8 hex
    /// digits>`, as DynamoDB forms them.
    pub(crate) fn transfer_arn(&self, table_arn: &str, kind: &str, now: f64) -> String {
        let millis = (now * 1000.0) as u64;
        let suffix = &super::create_table::random_uuid()[..8];
        format!("{table_arn}/{kind}/{millis:014}-{suffix}")
    }
}

#[cfg(test)]
mod tests {
    use super::page;

    #[test]
    fn pages_follow_the_token() {
        let all = vec!["a", "b", "c"];
        let (first, next) = page(all.clone(), |s| s, None, 2);
        assert_eq!((first, next.as_deref()), (vec!["a", "b"], Some("b")));
        let (rest, next) = page(all.clone(), |s| s, Some("b"), 2);
        assert_eq!((rest, next), (vec!["c"], None));
        let (gone, _) = page(all, |s| s, Some("bb"), 2);
        assert_eq!(gone, vec!["c"]);
    }
}
