//! ExportTableToPointInTime, DescribeExport and ListExports.

use std::sync::Arc;

use super::files::{self, ITEMS_PER_FILE};
use super::incremental::{NetChange, Period};
use super::ion;
use super::s3::{self, Bucket, Failure};
use super::{Export, TOKEN_WINDOW_SECONDS, Transfer, list_page, lookup};
use crate::engine::table::Table;
use crate::engine::{Engine, storage_error};
use ddbmock_core::error::Result;
use ddbmock_core::error::msg;
use ddbmock_core::error::msg::backup as backup_msg;
use ddbmock_core::error::msg::export as m;
use ddbmock_core::error::msg::table::ConstraintErrors;
use ddbmock_core::model::{Item, export_line, item_size};
use ddbmock_core::operation::*;

/// The length bounds of an export or import ARN, as DynamoDB's model sets them.
pub(crate) const ARN_LENGTH: (usize, usize) = (37, 1024);

/// The most exports or imports a list page holds.
pub(crate) const MAX_PAGE: i64 = 25;

/// The pattern of `S3Bucket` in DynamoDB's model.
const BUCKET_PATTERN: &str =
    "Member must satisfy regular expression pattern: ^[a-z0-9A-Z]+[\\.\\-\\w]*[a-z0-9A-Z]+$";

/// The pattern of `ClientToken` in DynamoDB's model.
const TOKEN_PATTERN: &str = "Member must satisfy regular expression pattern: ^[^\\$]+$";

/// Checks an `S3Bucket` member: at most 255 characters of the model's pattern.
pub(crate) fn check_bucket(errors: &mut ConstraintErrors, member: &str, bucket: Option<&str>) {
    let Some(b) = bucket else {
        errors.null(member);
        return;
    };
    errors.length(member, b, b.chars().count(), 0, 255);
    let inner_ok = b
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.' || c == '-');
    let ends_ok = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    if b.chars().count() < 2
        || !inner_ok
        || !ends_ok(b.chars().next())
        || !ends_ok(b.chars().last())
    {
        errors.push(&format!("'{b}'"), member, BUCKET_PATTERN);
    }
}

/// Checks a `ClientToken` member: not empty, without `$`.
pub(crate) fn check_token(errors: &mut ConstraintErrors, token: Option<&str>) {
    if let Some(t) = token
        && (t.is_empty() || t.contains('$'))
    {
        errors.push(&format!("'{t}'"), "clientToken", TOKEN_PATTERN);
    }
}

/// Checks an export's or import's ARN member: present, 37 to 1024 characters.
pub(crate) fn check_arn<'a>(
    errors: &mut ConstraintErrors,
    member: &str,
    arn: &'a Option<String>,
) -> &'a str {
    match arn {
        None => {
            errors.null(member);
            ""
        }
        Some(a) => {
            errors.length(member, a, a.chars().count(), ARN_LENGTH.0, ARN_LENGTH.1);
            a
        }
    }
}

impl Engine {
    pub(crate) fn export_table_to_point_in_time_now(
        &self,
        input: ExportTableToPointInTimeInput,
    ) -> Result<ExportTableToPointInTimeOutput> {
        let mut errors = ConstraintErrors::new();
        match &input.table_arn {
            None => errors.null("tableArn"),
            Some(a) => errors.length("tableArn", a, a.chars().count(), 1, 1024),
        }
        check_bucket(&mut errors, "s3Bucket", input.s3_bucket.as_deref());
        check_token(&mut errors, input.client_token.as_deref());
        if let Some(p) = &input.s3_prefix {
            errors.length("s3Prefix", p, p.chars().count(), 0, 1024);
        }
        if let Some(ExportFormat::Unknown(v)) = &input.export_format {
            errors.enum_value("exportFormat", Some(v), ExportFormat::VALUES);
        }
        if let Some(ExportType::Unknown(v)) = &input.export_type {
            errors.enum_value("exportType", Some(v), ExportType::VALUES);
        }
        if let Some(ExportViewType::Unknown(v)) = input
            .incremental_export_specification
            .as_ref()
            .and_then(|s| s.export_view_type.as_ref())
        {
            errors.enum_value(
                "incrementalExportSpecification.exportViewType",
                Some(v),
                ExportViewType::VALUES,
            );
        }
        if let Some(S3SseAlgorithm::Unknown(v)) = &input.s3_sse_algorithm {
            errors.enum_value("s3SseAlgorithm", Some(v), S3SseAlgorithm::VALUES);
        }
        errors.into_result()?;
        let now = self.inner.clock.epoch_seconds();
        if let Some(done) = self.export_retry(&input, now)? {
            return Ok(ExportTableToPointInTimeOutput {
                export_description: Some(done.description(now)),
            });
        }
        let name = self.name_of_arn(input.table_arn.as_deref().unwrap_or_default());
        let table = self.source_table(name)?;
        let Some(pitr) = table.extras.pitr.clone().filter(|p| p.enabled) else {
            return Err(backup_msg::point_in_time_recovery_unavailable());
        };
        let (earliest, _) = crate::engine::pitr::window(&pitr, now);
        let period = match input.export_type {
            Some(ExportType::IncrementalExport) => Some(Period::checked(
                input.incremental_export_specification.as_ref(),
                earliest,
                now,
            )?),
            _ => None,
        };
        // The latest moment an export may ask for is now: its default.
        let at = input.export_time.unwrap_or(now);
        if period.is_none() && !(earliest..=now).contains(&at) {
            return Err(m::invalid_export_time());
        }
        let ion = input.export_format == Some(ExportFormat::Ion);
        let records = match &period {
            None => Records::full(&self.items_at(&table, &pitr, at)?, ion),
            Some(p) => Records::incremental(&self.changes_within(&table, &pitr, p)?, &p.view, ion),
        }
        .map_err(msg::internal_error)?;
        let arn = self.transfer_arn(table.arn(), "export", now);
        let ends_at = now + self.inner.config.table_status_delay.as_secs_f64();
        let mut done = ExportDescription {
            export_arn: Some(arn.clone()),
            export_status: Some(ExportStatus::Completed),
            start_time: Some(now),
            end_time: Some(ends_at),
            table_arn: Some(table.arn().to_owned()),
            table_id: table.description.table_id.clone(),
            export_time: Some(period.as_ref().map_or(at, |p| p.to)),
            client_token: input.client_token.clone(),
            s3_bucket: input.s3_bucket.clone(),
            s3_bucket_owner: input.s3_bucket_owner.clone(),
            s3_prefix: input.s3_prefix.clone(),
            s3_sse_algorithm: Some(
                input
                    .s3_sse_algorithm
                    .clone()
                    .unwrap_or(S3SseAlgorithm::Aes256),
            ),
            s3_sse_kms_key_id: input.s3_sse_kms_key_id.clone(),
            export_format: Some(if ion {
                ExportFormat::Ion
            } else {
                ExportFormat::DynamodbJson
            }),
            export_type: Some(if period.is_some() {
                ExportType::IncrementalExport
            } else {
                ExportType::FullExport
            }),
            incremental_export_specification: period.as_ref().map(Period::spec),
            ..Default::default()
        };
        let view = period.as_ref().map(|p| p.view.as_str());
        match self.write_export(&table, &records, view, &mut done) {
            Ok(()) => {}
            Err((code, message)) => {
                done.export_status = Some(ExportStatus::Failed);
                done.failure_code = Some(code.to_owned());
                done.failure_message = Some(message.to_owned());
                done.export_manifest = None;
            }
        }
        let export = Export {
            done,
            ends_at,
            request: input,
        };
        self.inner
            .storage
            .write(vec![
                super::meta_write("export", &arn, &export).map_err(storage_error)?,
            ])
            .map_err(storage_error)?;
        let description = export.description(now);
        self.inner
            .transfers
            .exports
            .write()
            .insert(arn, Arc::new(export));
        Ok(ExportTableToPointInTimeOutput {
            export_description: Some(description),
        })
    }

    /// The export a request with the same client token made within the token's window: `None` when
    /// there is none, `ExportConflictException` when it was made by another request.
    fn export_retry(
        &self,
        input: &ExportTableToPointInTimeInput,
        now: f64,
    ) -> Result<Option<Arc<Export>>> {
        let Some(token) = &input.client_token else {
            return Ok(None);
        };
        let exports = self.inner.transfers.exports.read();
        let earlier = exports.values().find(|e| {
            e.request.client_token.as_ref() == Some(token)
                && now - e.started_at() < TOKEN_WINDOW_SECONDS
        });
        match earlier {
            None => Ok(None),
            Some(e) if e.request == *input => Ok(Some(e.clone())),
            // Unconfirmed: the API Reference says ImportConflictException for this (and named
            // IdempotentParameterMismatch before); ExportConflictException is the error of the
            // operation's model that fits.
            Some(_) => Err(m::export_conflict()),
        }
    }

    /// Writes the export's files to its bucket, and fills in what they hold; the failure code and
    /// message when the bucket cannot be reached or written.
    fn write_export(
        &self,
        table: &Table,
        records: &Records,
        incremental_view: Option<&str>,
        done: &mut ExportDescription,
    ) -> std::result::Result<(), Failure> {
        let bucket_name = done.s3_bucket.clone().unwrap_or_default();
        let bucket = Bucket::open(self.inner.config.s3_dir.as_deref(), &bucket_name)?;
        let arn = done.export_arn.clone().unwrap_or_default();
        let id = arn.rsplit('/').next().unwrap_or_default();
        let prefix = done.s3_prefix.clone();
        let base = s3::key_under(prefix.as_deref(), &format!("AWSDynamoDB/{id}"));
        bucket.put(&format!("{base}/_started"), b"")?;
        // An incremental export's data files go to the folder its exports share.
        let data = match incremental_view {
            None => format!("{base}/data"),
            Some(_) => s3::key_under(prefix.as_deref(), "AWSDynamoDB/data"),
        };
        let mut lines = String::new();
        for chunk in chunks(&records.lines) {
            let file = files::lines_file(chunk, records.ext).map_err(|_| m::ACCESS_DENIED)?;
            let key = format!("{data}/{}", file.name);
            bucket.put(&key, &file.bytes)?;
            lines.push_str(&files::files_line(&file, &key));
            lines.push('\n');
        }
        let files_key = format!("{base}/manifest-files.json");
        bucket.put(&files_key, lines.as_bytes())?;
        bucket.put(
            &format!("{base}/manifest-files.checksum"),
            files::checksum(lines.as_bytes()).as_bytes(),
        )?;
        let (billed, count) = (records.billed, records.lines.len() as i64);
        let summary = files::summary(&files::Summary {
            export_arn: &arn,
            start: done.start_time.unwrap_or_default(),
            end: done.end_time.unwrap_or_default(),
            table_arn: table.arn(),
            table_id: done.table_id.as_deref().unwrap_or_default(),
            export_time: done.export_time.unwrap_or_default(),
            bucket: &bucket_name,
            prefix: prefix.as_deref(),
            sse: done
                .s3_sse_algorithm
                .as_ref()
                .map_or("AES256", |a| a.as_str()),
            sse_kms_key: done.s3_sse_kms_key_id.as_deref(),
            files_key: &files_key,
            billed_bytes: billed,
            items: count,
            format: if records.ext == "ion" {
                "ION"
            } else {
                "DYNAMODB_JSON"
            },
            incremental_view,
        })
        .to_string();
        let summary_key = format!("{base}/manifest-summary.json");
        bucket.put(&summary_key, summary.as_bytes())?;
        bucket.put(
            &format!("{base}/manifest-summary.checksum"),
            files::checksum(summary.as_bytes()).as_bytes(),
        )?;
        done.export_manifest = Some(summary_key);
        done.item_count = Some(count);
        done.billed_size_bytes = Some(billed);
        Ok(())
    }

    pub(crate) fn describe_export_now(
        &self,
        input: DescribeExportInput,
    ) -> Result<DescribeExportOutput> {
        let mut errors = ConstraintErrors::new();
        let arn = check_arn(&mut errors, "exportArn", &input.export_arn);
        errors.into_result()?;
        let export = lookup(&self.inner.transfers.exports, arn, m::export_not_found)?;
        Ok(DescribeExportOutput {
            export_description: Some(export.description(self.inner.clock.epoch_seconds())),
        })
    }

    pub(crate) fn list_exports_now(&self, input: ListExportsInput) -> Result<ListExportsOutput> {
        let (listed, next_token) = list_page(
            &self.inner.transfers.exports,
            input.table_arn.as_ref(),
            ("maxResults", input.max_results),
            input.next_token.as_deref(),
        )?;
        let now = self.inner.clock.epoch_seconds();
        Ok(ListExportsOutput {
            export_summaries: Some(listed.iter().map(|e| e.summary(now)).collect()),
            next_token,
        })
    }
}

/// An export's data lines, the extension of its data files, and the bytes they bill.
struct Records {
    lines: Vec<String>,
    ext: &'static str,
    billed: i64,
}

impl Records {
    /// A full export's lines: `{"Item":{...}}`, or `$ion_1_0 {Item:{...}}` when `ion`.
    fn full(items: &[Item], ion: bool) -> serde_json::Result<Records> {
        let line = |item: &Item| match ion {
            true => Ok(ion::write::item_line(item)),
            false => export_line::line(item),
        };
        Ok(Records {
            lines: items.iter().map(line).collect::<serde_json::Result<_>>()?,
            ext: if ion { "ion" } else { "json" },
            billed: items.iter().map(|i| item_size(i) as i64).sum(),
        })
    }

    /// An incremental export's lines, one per changed item.
    fn incremental(
        changes: &[NetChange],
        view: &ExportViewType,
        ion: bool,
    ) -> serde_json::Result<Records> {
        let line = |c: &NetChange| match ion {
            true => Ok(c.ion_line(view)),
            false => c.line(view),
        };
        Ok(Records {
            lines: changes
                .iter()
                .map(line)
                .collect::<serde_json::Result<_>>()?,
            ext: if ion { "ion" } else { "json" },
            billed: changes.iter().map(|c| c.size() as i64).sum(),
        })
    }
}

/// `lines` in data files' chunks: at least one, empty for no lines.
fn chunks(lines: &[String]) -> Vec<&[String]> {
    if lines.is_empty() {
        vec![lines]
    } else {
        lines.chunks(ITEMS_PER_FILE).collect()
    }
}
