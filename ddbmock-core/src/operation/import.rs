//! Imports from S3: ImportTable, DescribeImport and ListImports, with the shapes they share.

use serde::{Deserialize, Serialize};

use super::wire_enum::wire_enum;
use super::{
    AttributeDefinition, BillingMode, GlobalSecondaryIndex, KeySchemaElement, OnDemandThroughput,
    ProvisionedThroughput, SseSpecification,
};

wire_enum! {
    /// Where an import is in its life.
    ImportStatus {
        /// `IN_PROGRESS`
        InProgress => "IN_PROGRESS",
        /// `COMPLETED`
        Completed => "COMPLETED",
        /// `CANCELLING`
        Cancelling => "CANCELLING",
        /// `CANCELLED`
        Cancelled => "CANCELLED",
        /// `FAILED`
        Failed => "FAILED",
    }
}

wire_enum! {
    /// The format of an import's source files.
    InputFormat {
        /// `DYNAMODB_JSON`
        DynamodbJson => "DYNAMODB_JSON",
        /// `ION`
        Ion => "ION",
        /// `CSV`
        Csv => "CSV",
    }
}

wire_enum! {
    /// The compression of an import's source files.
    InputCompressionType {
        /// `GZIP`
        Gzip => "GZIP",
        /// `ZSTD`
        Zstd => "ZSTD",
        /// `NONE`
        None => "NONE",
    }
}

/// Where an import reads from.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct S3BucketSource {
    /// The account that owns the bucket.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub s3_bucket_owner: Option<String>,
    /// The bucket.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub s3_bucket: Option<String>,
    /// The key prefix of the objects imported.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub s3_key_prefix: Option<String>,
}

/// How CSV source files are read.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CsvOptions {
    /// The field delimiter (`,` by default).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delimiter: Option<String>,
    /// The column names, when the files have no header line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub header_list: Option<Vec<String>>,
}

/// The format options of an import.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct InputFormatOptions {
    /// The options of CSV files.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub csv: Option<CsvOptions>,
}

/// The table an import creates.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct TableCreationParameters {
    /// The table's name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_name: Option<String>,
    /// Its key and index key attributes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribute_definitions: Option<Vec<AttributeDefinition>>,
    /// Its primary key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_schema: Option<Vec<KeySchemaElement>>,
    /// Its billing mode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub billing_mode: Option<BillingMode>,
    /// Its provisioned throughput.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provisioned_throughput: Option<ProvisionedThroughput>,
    /// Its on-demand throughput.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_demand_throughput: Option<OnDemandThroughput>,
    /// Its encryption.
    #[serde(rename = "SSESpecification", skip_serializing_if = "Option::is_none")]
    pub sse_specification: Option<SseSpecification>,
    /// Its global secondary indexes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub global_secondary_indexes: Option<Vec<GlobalSecondaryIndex>>,
}

/// `ImportTableInput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ImportTableInput {
    /// Makes the request idempotent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_token: Option<String>,
    /// Where the files are.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub s3_bucket_source: Option<S3BucketSource>,
    /// Their format.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub input_format: Option<InputFormat>,
    /// How to read them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub input_format_options: Option<InputFormatOptions>,
    /// Their compression (`NONE` by default).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub input_compression_type: Option<InputCompressionType>,
    /// The table to create.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_creation_parameters: Option<TableCreationParameters>,
}

/// `ImportTableOutput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ImportTableOutput {
    /// The import.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub import_table_description: Option<ImportTableDescription>,
}

/// `ImportTableDescription`: the properties of an import.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ImportTableDescription {
    /// The import's ARN.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub import_arn: Option<String>,
    /// Its status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub import_status: Option<ImportStatus>,
    /// The ARN of the table created.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_arn: Option<String>,
    /// The id of the table created.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_id: Option<String>,
    /// The request's client token.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_token: Option<String>,
    /// Where the files were.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub s3_bucket_source: Option<S3BucketSource>,
    /// How many items could not be imported.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_count: Option<i64>,
    /// The log group of the import's errors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cloud_watch_log_group_arn: Option<String>,
    /// The files' format.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub input_format: Option<InputFormat>,
    /// How they were read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub input_format_options: Option<InputFormatOptions>,
    /// Their compression.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub input_compression_type: Option<InputCompressionType>,
    /// The table created.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_creation_parameters: Option<TableCreationParameters>,
    /// When the import started.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_time: Option<f64>,
    /// When it ended.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_time: Option<f64>,
    /// The bytes read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub processed_size_bytes: Option<i64>,
    /// The items read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub processed_item_count: Option<i64>,
    /// The items written to the table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub imported_item_count: Option<i64>,
    /// Why a failed import failed: a code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failure_code: Option<String>,
    /// Why a failed import failed: a description.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failure_message: Option<String>,
}

/// `DescribeImportInput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeImportInput {
    /// The import's ARN.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub import_arn: Option<String>,
}

/// `DescribeImportOutput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeImportOutput {
    /// The import.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub import_table_description: Option<ImportTableDescription>,
}

/// `ListImportsInput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListImportsInput {
    /// Only the imports into this table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_arn: Option<String>,
    /// The most imports a page holds (1 to 25).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page_size: Option<i32>,
    /// Where the previous page ended.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// `ListImportsOutput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListImportsOutput {
    /// The imports of the page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub import_summary_list: Option<Vec<ImportSummary>>,
    /// Where the next page starts; absent on the last page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// `ImportSummary`: an import in a ListImports page.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ImportSummary {
    /// The import's ARN.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub import_arn: Option<String>,
    /// Its status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub import_status: Option<ImportStatus>,
    /// The table created.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_arn: Option<String>,
    /// Where the files were.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub s3_bucket_source: Option<S3BucketSource>,
    /// The log group of its errors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cloud_watch_log_group_arn: Option<String>,
    /// The files' format.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub input_format: Option<InputFormat>,
    /// When it started.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_time: Option<f64>,
    /// When it ended.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_time: Option<f64>,
}
