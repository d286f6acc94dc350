//! Exports to S3: ExportTableToPointInTime, DescribeExport and ListExports, with the shapes they
//! share.

use serde::{Deserialize, Serialize};

use super::wire_enum::wire_enum;

wire_enum! {
    /// Where an export is in its life.
    ExportStatus {
        /// `IN_PROGRESS`
        InProgress => "IN_PROGRESS",
        /// `COMPLETED`
        Completed => "COMPLETED",
        /// `FAILED`
        Failed => "FAILED",
    }
}

wire_enum! {
    /// The format of an export's data files.
    ExportFormat {
        /// `DYNAMODB_JSON`
        DynamodbJson => "DYNAMODB_JSON",
        /// `ION`
        Ion => "ION",
    }
}

wire_enum! {
    /// A full export of the table at a moment, or the changes within a period.
    ExportType {
        /// `FULL_EXPORT`
        FullExport => "FULL_EXPORT",
        /// `INCREMENTAL_EXPORT`
        IncrementalExport => "INCREMENTAL_EXPORT",
    }
}

wire_enum! {
    /// Which images an incremental export writes.
    ExportViewType {
        /// `NEW_IMAGE`
        NewImage => "NEW_IMAGE",
        /// `NEW_AND_OLD_IMAGES`
        NewAndOldImages => "NEW_AND_OLD_IMAGES",
    }
}

wire_enum! {
    /// The server-side encryption of the objects an export writes.
    S3SseAlgorithm {
        /// `AES256`
        Aes256 => "AES256",
        /// `KMS`
        Kms => "KMS",
    }
}

/// The period and images of an incremental export.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct IncrementalExportSpecification {
    /// The start of the period (inclusive).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub export_from_time: Option<f64>,
    /// The end of the period (exclusive).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub export_to_time: Option<f64>,
    /// The images written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub export_view_type: Option<ExportViewType>,
}

/// `ExportTableToPointInTimeInput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ExportTableToPointInTimeInput {
    /// The ARN of the table to export.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_arn: Option<String>,
    /// The moment whose state is exported (now by default).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub export_time: Option<f64>,
    /// Makes the request idempotent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_token: Option<String>,
    /// The bucket the export is written to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub s3_bucket: Option<String>,
    /// The account that owns the bucket.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub s3_bucket_owner: Option<String>,
    /// The key prefix of the export's objects.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub s3_prefix: Option<String>,
    /// The encryption of the objects.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub s3_sse_algorithm: Option<S3SseAlgorithm>,
    /// The KMS key of the objects' encryption.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub s3_sse_kms_key_id: Option<String>,
    /// The format of the data files (`DYNAMODB_JSON` by default).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub export_format: Option<ExportFormat>,
    /// Full or incremental (`FULL_EXPORT` by default).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub export_type: Option<ExportType>,
    /// The period of an incremental export.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub incremental_export_specification: Option<IncrementalExportSpecification>,
}

/// `ExportTableToPointInTimeOutput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ExportTableToPointInTimeOutput {
    /// The export.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub export_description: Option<ExportDescription>,
}

/// `ExportDescription`: the properties of an export.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ExportDescription {
    /// The export's ARN.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub export_arn: Option<String>,
    /// `IN_PROGRESS`, `COMPLETED` or `FAILED`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub export_status: Option<ExportStatus>,
    /// When the export started.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_time: Option<f64>,
    /// When the export completed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_time: Option<f64>,
    /// The key of the export's summary manifest.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub export_manifest: Option<String>,
    /// The exported table's ARN.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_arn: Option<String>,
    /// The exported table's id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_id: Option<String>,
    /// The moment exported.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub export_time: Option<f64>,
    /// The request's client token.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_token: Option<String>,
    /// The bucket.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub s3_bucket: Option<String>,
    /// The bucket's owner.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub s3_bucket_owner: Option<String>,
    /// The key prefix.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub s3_prefix: Option<String>,
    /// The objects' encryption.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub s3_sse_algorithm: Option<S3SseAlgorithm>,
    /// The objects' KMS key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub s3_sse_kms_key_id: Option<String>,
    /// Why a failed export failed: a code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failure_code: Option<String>,
    /// Why a failed export failed: a description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failure_message: Option<String>,
    /// The data files' format.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub export_format: Option<ExportFormat>,
    /// The billable size of the export.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub billed_size_bytes: Option<i64>,
    /// How many items were exported.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item_count: Option<i64>,
    /// Full or incremental.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub export_type: Option<ExportType>,
    /// The period of an incremental export.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub incremental_export_specification: Option<IncrementalExportSpecification>,
}

/// `DescribeExportInput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeExportInput {
    /// The export's ARN.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub export_arn: Option<String>,
}

/// `DescribeExportOutput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeExportOutput {
    /// The export.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub export_description: Option<ExportDescription>,
}

/// `ListExportsInput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListExportsInput {
    /// Only the exports of this table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_arn: Option<String>,
    /// The most exports a page holds (1 to 25).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_results: Option<i32>,
    /// Where the previous page ended.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// `ListExportsOutput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListExportsOutput {
    /// The exports of the page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub export_summaries: Option<Vec<ExportSummary>>,
    /// Where the next page starts; absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// `ExportSummary`: an export in a ListExports page.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ExportSummary {
    /// The export's ARN.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub export_arn: Option<String>,
    /// Its status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub export_status: Option<ExportStatus>,
    /// Full or incremental.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub export_type: Option<ExportType>,
}
