//! On-demand backups and point-in-time recovery: CreateBackup, DescribeBackup, ListBackups,
//! DeleteBackup, RestoreTableFromBackup, UpdateContinuousBackups, DescribeContinuousBackups and
//! RestoreTableToPointInTime, with the shapes they share.

use serde::{Deserialize, Serialize};

use super::wire_enum::wire_enum;
use super::{
    BillingMode, GlobalSecondaryIndex, KeySchemaElement, LocalSecondaryIndex, OnDemandThroughput,
    Projection, ProvisionedThroughput, SseDescription, SseSpecification, StreamSpecification,
    TableDescription, TimeToLiveDescription,
};

wire_enum! {
    /// Where a backup is in its life.
    BackupStatus {
        /// `CREATING`
        Creating => "CREATING",
        /// `DELETED`
        Deleted => "DELETED",
        /// `AVAILABLE`
        Available => "AVAILABLE",
    }
}

wire_enum! {
    /// Who made a backup.
    BackupType {
        /// `USER`
        User => "USER",
        /// `SYSTEM`
        System => "SYSTEM",
        /// `AWS_BACKUP`
        AwsBackup => "AWS_BACKUP",
    }
}

wire_enum! {
    /// The backups ListBackups returns, by who made them.
    BackupTypeFilter {
        /// `USER`
        User => "USER",
        /// `SYSTEM`
        System => "SYSTEM",
        /// `AWS_BACKUP`
        AwsBackup => "AWS_BACKUP",
        /// `ALL`
        All => "ALL",
    }
}

wire_enum! {
    /// Whether continuous backups (or point-in-time recovery) are on.
    ContinuousBackupsStatus {
        /// `ENABLED`
        Enabled => "ENABLED",
        /// `DISABLED`
        Disabled => "DISABLED",
    }
}

/// `CreateBackupInput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CreateBackupInput {
    /// The name of the table, or its ARN.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_name: Option<String>,
    /// Specified name for the backup.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backup_name: Option<String>,
}

/// `CreateBackupOutput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CreateBackupOutput {
    /// Contains the details of the backup created for the table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backup_details: Option<BackupDetails>,
}

/// The details of a backup.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct BackupDetails {
    /// ARN associated with the backup.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backup_arn: Option<String>,
    /// Name of the requested backup.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backup_name: Option<String>,
    /// Size of the backup in bytes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backup_size_bytes: Option<i64>,
    /// Backup can be in one of the following states: CREATING, AVAILABLE, DELETED.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backup_status: Option<BackupStatus>,
    /// BackupType: USER, SYSTEM or AWS_BACKUP.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backup_type: Option<BackupType>,
    /// Time at which the backup was created.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backup_creation_date_time: Option<f64>,
    /// Time at which the automatic on-demand backup created by DynamoDB will expire.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backup_expiry_date_time: Option<f64>,
}

/// `DescribeBackupInput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeBackupInput {
    /// The Amazon Resource Name (ARN) associated with the backup.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backup_arn: Option<String>,
}

/// `DescribeBackupOutput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeBackupOutput {
    /// Contains the description of the backup created for the table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backup_description: Option<BackupDescription>,
}

/// A backup's details, its source table's, and the table's features at the time.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct BackupDescription {
    /// Contains the details of the backup created for the table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backup_details: Option<BackupDetails>,
    /// Contains the details of the table when the backup was created.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_table_details: Option<SourceTableDetails>,
    /// Contains the details of the features enabled on the table when the backup was created.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_table_feature_details: Option<SourceTableFeatureDetails>,
}

/// The details of the table when the backup was created.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct SourceTableDetails {
    /// The name of the table for which the backup was created.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_name: Option<String>,
    /// Unique identifier for the table for which the backup was created.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_id: Option<String>,
    /// ARN of the table for which backup was created.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_arn: Option<String>,
    /// Size of the table in bytes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_size_bytes: Option<i64>,
    /// Schema of the table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_schema: Option<Vec<KeySchemaElement>>,
    /// Time when the source table was created.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_creation_date_time: Option<f64>,
    /// Read IOPs and Write IOPS on the table when the backup was created.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provisioned_throughput: Option<ProvisionedThroughput>,
    /// Sets the maximum number of read and write units for the specified on-demand table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_demand_throughput: Option<OnDemandThroughput>,
    /// Number of items in the table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item_count: Option<i64>,
    /// Controls how you are charged for read and write throughput.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub billing_mode: Option<BillingMode>,
}

/// The features enabled on the table when the backup was created.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct SourceTableFeatureDetails {
    /// The local secondary indexes of the table at the time of backup.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub local_secondary_indexes: Option<Vec<LocalSecondaryIndexInfo>>,
    /// The global secondary indexes of the table at the time of backup.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub global_secondary_indexes: Option<Vec<GlobalSecondaryIndexInfo>>,
    /// Stream settings on the table when the backup was created.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stream_description: Option<StreamSpecification>,
    /// Time to Live settings on the table when the backup was created.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_to_live_description: Option<TimeToLiveDescription>,
    /// The description of the server-side encryption status on the table when the backup was
    /// created.
    #[serde(rename = "SSEDescription", skip_serializing_if = "Option::is_none")]
    pub sse_description: Option<SseDescription>,
}

/// A local secondary index of a backup's table.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct LocalSecondaryIndexInfo {
    /// Represents the name of the local secondary index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index_name: Option<String>,
    /// The complete key schema for a local secondary index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_schema: Option<Vec<KeySchemaElement>>,
    /// Represents attributes that are copied (projected) from the table into the index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub projection: Option<Projection>,
}

/// A global secondary index of a backup's table.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GlobalSecondaryIndexInfo {
    /// The name of the global secondary index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index_name: Option<String>,
    /// The complete key schema for a global secondary index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_schema: Option<Vec<KeySchemaElement>>,
    /// Represents attributes that are copied (projected) from the table into the index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub projection: Option<Projection>,
    /// Represents the provisioned throughput settings for the specified global secondary index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provisioned_throughput: Option<ProvisionedThroughput>,
    /// Sets the maximum number of read and write units for the specified global secondary index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_demand_throughput: Option<OnDemandThroughput>,
}

/// `ListBackupsInput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListBackupsInput {
    /// Lists the backups from the table specified in TableName (a name or an ARN).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_name: Option<String>,
    /// Maximum number of backups to return at once.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<i32>,
    /// Only backups created after this time are listed. TimeRangeLowerBound is inclusive.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_range_lower_bound: Option<f64>,
    /// Only backups created before this time are listed. TimeRangeUpperBound is exclusive.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time_range_upper_bound: Option<f64>,
    /// The ARN of the backup last evaluated when the previous page was returned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exclusive_start_backup_arn: Option<String>,
    /// The backups from the table specified by BackupType are listed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backup_type: Option<BackupTypeFilter>,
}

/// `ListBackupsOutput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListBackupsOutput {
    /// List of BackupSummary objects.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backup_summaries: Option<Vec<BackupSummary>>,
    /// The ARN of the backup last evaluated when the current page of results was returned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_evaluated_backup_arn: Option<String>,
}

/// One backup as ListBackups lists it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct BackupSummary {
    /// Name of the table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_name: Option<String>,
    /// Unique identifier for the table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_id: Option<String>,
    /// ARN associated with the table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_arn: Option<String>,
    /// ARN associated with the backup.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backup_arn: Option<String>,
    /// Name of the specified backup.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backup_name: Option<String>,
    /// Time at which the backup was created.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backup_creation_date_time: Option<f64>,
    /// Time at which the automatic on-demand backup created by DynamoDB will expire.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backup_expiry_date_time: Option<f64>,
    /// Backup can be in one of the following states: CREATING, AVAILABLE, DELETED.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backup_status: Option<BackupStatus>,
    /// BackupType: USER, SYSTEM or AWS_BACKUP.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backup_type: Option<BackupType>,
    /// Size of the backup in bytes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backup_size_bytes: Option<i64>,
}

/// `DeleteBackupInput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DeleteBackupInput {
    /// The ARN associated with the backup.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backup_arn: Option<String>,
}

/// `DeleteBackupOutput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DeleteBackupOutput {
    /// Contains the description of the backup created for the table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backup_description: Option<BackupDescription>,
}

/// `RestoreTableFromBackupInput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct RestoreTableFromBackupInput {
    /// The name of the new table to which the backup must be restored.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_table_name: Option<String>,
    /// The Amazon Resource Name (ARN) associated with the backup.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub backup_arn: Option<String>,
    /// The billing mode of the restored table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub billing_mode_override: Option<BillingMode>,
    /// List of global secondary indexes for the restored table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub global_secondary_index_override: Option<Vec<GlobalSecondaryIndex>>,
    /// List of local secondary indexes for the restored table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub local_secondary_index_override: Option<Vec<LocalSecondaryIndex>>,
    /// Provisioned throughput settings for the restored table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provisioned_throughput_override: Option<ProvisionedThroughput>,
    /// Sets the maximum number of read and write units for the specified on-demand table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_demand_throughput_override: Option<OnDemandThroughput>,
    /// The new server-side encryption settings for the restored table.
    #[serde(
        rename = "SSESpecificationOverride",
        skip_serializing_if = "Option::is_none"
    )]
    pub sse_specification_override: Option<SseSpecification>,
}

/// `RestoreTableFromBackupOutput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct RestoreTableFromBackupOutput {
    /// The description of the table created from an existing backup.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_description: Option<TableDescription>,
}

/// `UpdateContinuousBackupsInput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UpdateContinuousBackupsInput {
    /// The name of the table, or its ARN.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_name: Option<String>,
    /// Represents the settings used to enable point in time recovery.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub point_in_time_recovery_specification: Option<PointInTimeRecoverySpecification>,
}

/// The settings used to enable or disable point in time recovery.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct PointInTimeRecoverySpecification {
    /// Indicates whether point in time recovery is enabled (true) or disabled (false).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub point_in_time_recovery_enabled: Option<bool>,
    /// The number of preceding days for which continuous backups are taken and maintained.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recovery_period_in_days: Option<i32>,
}

/// `UpdateContinuousBackupsOutput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UpdateContinuousBackupsOutput {
    /// Represents the continuous backups and point in time recovery settings on the table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub continuous_backups_description: Option<ContinuousBackupsDescription>,
}

/// `DescribeContinuousBackupsInput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeContinuousBackupsInput {
    /// The name of the table, or its ARN.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_name: Option<String>,
}

/// `DescribeContinuousBackupsOutput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeContinuousBackupsOutput {
    /// Represents the continuous backups and point in time recovery settings on the table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub continuous_backups_description: Option<ContinuousBackupsDescription>,
}

/// The continuous backups and point in time recovery settings of a table.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ContinuousBackupsDescription {
    /// ContinuousBackupsStatus can be one of the following states: ENABLED, DISABLED.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub continuous_backups_status: Option<ContinuousBackupsStatus>,
    /// The description of the point in time recovery settings applied to the table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub point_in_time_recovery_description: Option<PointInTimeRecoveryDescription>,
}

/// The description of the point in time settings applied to the table.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct PointInTimeRecoveryDescription {
    /// The current state of point in time recovery: ENABLED or DISABLED.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub point_in_time_recovery_status: Option<ContinuousBackupsStatus>,
    /// The number of preceding days for which continuous backups are taken and maintained.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recovery_period_in_days: Option<i32>,
    /// The earliest point in time you can restore your table to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub earliest_restorable_date_time: Option<f64>,
    /// LatestRestorableDateTime is typically 5 minutes before the current time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latest_restorable_date_time: Option<f64>,
}

/// `RestoreTableToPointInTimeInput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct RestoreTableToPointInTimeInput {
    /// The DynamoDB table that will be restored, by ARN.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_table_arn: Option<String>,
    /// Name of the source table that is being restored.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_table_name: Option<String>,
    /// The name of the new table to which it must be restored to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_table_name: Option<String>,
    /// Restore the table to the latest possible time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub use_latest_restorable_time: Option<bool>,
    /// Time in the past to restore the table to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub restore_date_time: Option<f64>,
    /// The billing mode of the restored table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub billing_mode_override: Option<BillingMode>,
    /// List of global secondary indexes for the restored table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub global_secondary_index_override: Option<Vec<GlobalSecondaryIndex>>,
    /// List of local secondary indexes for the restored table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub local_secondary_index_override: Option<Vec<LocalSecondaryIndex>>,
    /// Provisioned throughput settings for the restored table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provisioned_throughput_override: Option<ProvisionedThroughput>,
    /// Sets the maximum number of read and write units for the specified on-demand table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_demand_throughput_override: Option<OnDemandThroughput>,
    /// The new server-side encryption settings for the restored table.
    #[serde(
        rename = "SSESpecificationOverride",
        skip_serializing_if = "Option::is_none"
    )]
    pub sse_specification_override: Option<SseSpecification>,
}

/// `RestoreTableToPointInTimeOutput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct RestoreTableToPointInTimeOutput {
    /// Represents the properties of a table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_description: Option<TableDescription>,
}
