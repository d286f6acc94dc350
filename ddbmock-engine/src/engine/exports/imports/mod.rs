//! Imports from S3 (ImportTable, DescribeImport, ListImports): a new table made by the CreateTable
//! path from `TableCreationParameters`, filled from the objects under a prefix of a bucket of the
//! S3 folder (see `exports::s3`) before it is published.
//!
//! Each record is an item or an error: a record that is not an item of the table (unreadable, no
//! key or a key of the wrong type, a value DynamoDB refuses, over 400 KB) counts in `ErrorCount`
//! and is skipped, as DynamoDB skips it and logs it to CloudWatch. An unreachable bucket, or a
//! prefix naming no object, fails the import (`FAILED`, no table). The import is `IN_PROGRESS`
//! while its table is `CREATING` (the engine's `table_status_delay`), then `COMPLETED`.
//!
//! - `decompress`: the compressions (GZIP, ZSTD);
//! - `read`: the formats;
//! - `ops`: the three operations.

mod decompress;
mod ops;
pub(crate) mod read;

use serde::{Deserialize, Serialize};

use super::Transfer;

use ddbmock_core::operation::{
    ImportStatus, ImportSummary, ImportTableDescription, ImportTableInput,
};

/// One import: its description once finished, and when it finishes.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct Import {
    /// The description once `COMPLETED` or `FAILED`.
    pub(crate) done: ImportTableDescription,
    /// Epoch seconds when the import finishes (`IN_PROGRESS` before).
    pub(crate) ends_at: f64,
    /// The request, to tell a retry (same client token, same request) from a conflict.
    pub(crate) request: ImportTableInput,
}

impl Transfer for Import {
    fn arn(&self) -> &str {
        self.done.import_arn.as_deref().unwrap_or_default()
    }

    fn started_at(&self) -> f64 {
        self.done.start_time.unwrap_or_default()
    }

    fn table_arn(&self) -> Option<&str> {
        self.done.table_arn.as_deref()
    }
}

impl Import {
    /// The import as described at epoch second `now`.
    pub(crate) fn description(&self, now: f64) -> ImportTableDescription {
        if now >= self.ends_at {
            return self.done.clone();
        }
        ImportTableDescription {
            import_status: Some(ImportStatus::InProgress),
            end_time: None,
            failure_code: None,
            failure_message: None,
            ..self.done.clone()
        }
    }

    pub(crate) fn summary(&self, now: f64) -> ImportSummary {
        let d = self.description(now);
        ImportSummary {
            import_arn: d.import_arn,
            import_status: d.import_status,
            table_arn: d.table_arn,
            s3_bucket_source: d.s3_bucket_source,
            cloud_watch_log_group_arn: d.cloud_watch_log_group_arn,
            input_format: d.input_format,
            start_time: d.start_time,
            end_time: d.end_time,
        }
    }
}
