//! `TableDescription`, the table as CreateTable, DescribeTable, UpdateTable and DeleteTable return it, with its stream, encryption, class, archival and restore parts, and `Tag`.

use serde::{Deserialize, Serialize};

use super::{
    AttributeDefinition, BillingModeSummary, GlobalSecondaryIndexDescription,
    GlobalTableSettingsReplicationMode, GlobalTableWitnessDescription, KeySchemaElement,
    LocalSecondaryIndexDescription, MultiRegionConsistency, OnDemandThroughput,
    ProvisionedThroughputDescription, ReplicaDescription, SseStatus, SseType, StreamViewType,
    TableClass, TableStatus, TableWarmThroughputDescription,
};

/// Represents the properties of a table.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct TableDescription {
    /// An array of AttributeDefinition objects.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attribute_definitions: Option<Vec<AttributeDefinition>>,
    /// The name of the table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_name: Option<String>,
    /// The primary key structure for the table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_schema: Option<Vec<KeySchemaElement>>,
    /// The current state of the table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_status: Option<TableStatus>,
    /// The date and time when the table was created, in UNIX epoch time format.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub creation_date_time: Option<f64>,
    /// The provisioned throughput settings for the table, consisting of read and write capacity units, along with data about increases and decreases.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provisioned_throughput: Option<ProvisionedThroughputDescription>,
    /// The total size of the specified table, in bytes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_size_bytes: Option<i64>,
    /// The number of items in the specified table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item_count: Option<i64>,
    /// The Amazon Resource Name (ARN) that uniquely identifies the table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_arn: Option<String>,
    /// Unique identifier for the table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_id: Option<String>,
    /// Contains the details for the read/write capacity mode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub billing_mode_summary: Option<BillingModeSummary>,
    /// Represents one or more local secondary indexes on the table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub local_secondary_indexes: Option<Vec<LocalSecondaryIndexDescription>>,
    /// The global secondary indexes, if any, on the table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub global_secondary_indexes: Option<Vec<GlobalSecondaryIndexDescription>>,
    /// The current DynamoDB Streams configuration for the table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stream_specification: Option<StreamSpecification>,
    /// A timestamp, in ISO 8601 format, for this stream.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latest_stream_label: Option<String>,
    /// The Amazon Resource Name (ARN) that uniquely identifies the latest stream for this table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub latest_stream_arn: Option<String>,
    /// Represents the version of global tables in use, if the table is replicated across Amazon Web Services Regions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub global_table_version: Option<String>,
    /// Represents replicas of the table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub replicas: Option<Vec<ReplicaDescription>>,
    /// The witness Region and its current status in the MRSC global table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub global_table_witnesses: Option<Vec<GlobalTableWitnessDescription>>,
    /// Indicates one of the settings synchronization modes for the global table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub global_table_settings_replication_mode: Option<GlobalTableSettingsReplicationMode>,
    /// Contains details for the restore.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub restore_summary: Option<RestoreSummary>,
    /// The description of the server-side encryption status on the specified table.
    #[serde(rename = "SSEDescription", skip_serializing_if = "Option::is_none")]
    pub sse_description: Option<SseDescription>,
    /// Contains information about the table archive.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub archival_summary: Option<ArchivalSummary>,
    /// Contains details of the table class.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_class_summary: Option<TableClassSummary>,
    /// Indicates whether deletion protection is enabled (true) or disabled (false) on the table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deletion_protection_enabled: Option<bool>,
    /// The maximum number of read and write units for the specified on-demand table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_demand_throughput: Option<OnDemandThroughput>,
    /// Describes the warm throughput value of the base table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warm_throughput: Option<TableWarmThroughputDescription>,
    /// Indicates one of the following consistency modes for a global table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub multi_region_consistency: Option<MultiRegionConsistency>,
}

/// Represents the DynamoDB Streams configuration for a table in DynamoDB.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct StreamSpecification {
    /// Indicates whether DynamoDB Streams is enabled (true) or disabled (false) on the table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stream_enabled: Option<bool>,
    /// When an item in the table is modified, StreamViewType determines what information is written to the stream for this table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stream_view_type: Option<StreamViewType>,
}

/// Represents the settings used to enable server-side encryption.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct SseSpecification {
    /// Indicates whether server-side encryption is done using an Amazon Web Services managed key or an Amazon Web Services owned key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Server-side encryption type. The only supported value is.
    #[serde(rename = "SSEType", skip_serializing_if = "Option::is_none")]
    pub sse_type: Option<SseType>,
    /// The KMS key that should be used for the KMS encryption.
    #[serde(rename = "KMSMasterKeyId", skip_serializing_if = "Option::is_none")]
    pub kms_master_key_id: Option<String>,
}

/// The description of the server-side encryption status on the specified table.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct SseDescription {
    /// Represents the current state of server-side encryption.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<SseStatus>,
    /// Server-side encryption type. The only supported value is.
    #[serde(rename = "SSEType", skip_serializing_if = "Option::is_none")]
    pub sse_type: Option<SseType>,
    /// The KMS key ARN used for the KMS encryption.
    #[serde(rename = "KMSMasterKeyArn", skip_serializing_if = "Option::is_none")]
    pub kms_master_key_arn: Option<String>,
    /// Indicates the time, in UNIX epoch date format, when DynamoDB detected that the table's KMS key was inaccessible.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub inaccessible_encryption_date_time: Option<f64>,
}

/// Contains details of the table class.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct TableClassSummary {
    /// The table class of the specified table. Valid values are STANDARD and STANDARD_INFREQUENT_ACCESS.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_class: Option<TableClass>,
    /// The date and time at which the table class was last updated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_update_date_time: Option<f64>,
}

/// Contains details of a table archival operation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ArchivalSummary {
    /// The date and time when table archival was initiated by DynamoDB, in UNIX epoch time format.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub archival_date_time: Option<f64>,
    /// The reason DynamoDB archived the table. Currently, the only possible value is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub archival_reason: Option<String>,
    /// The Amazon Resource Name (ARN) of the backup the table was archived to, when applicable in the archival reason.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub archival_backup_arn: Option<String>,
}

/// Contains details for the restore.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct RestoreSummary {
    /// The Amazon Resource Name (ARN) of the backup from which the table was restored.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_backup_arn: Option<String>,
    /// The ARN of the source table of the backup that is being restored.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_table_arn: Option<String>,
    /// Point in time or source backup time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub restore_date_time: Option<f64>,
    /// Indicates if a restore is in progress or not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub restore_in_progress: Option<bool>,
}

/// Describes a tag. A tag is a key-value pair.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Tag {
    /// The key of the tag. Tag keys are case sensitive.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<String>,
    /// The value of the tag. Tag values are case-sensitive and can be null.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}
