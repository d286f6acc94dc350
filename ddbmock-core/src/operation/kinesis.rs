//! Kinesis streaming destinations: Enable…, Disable…, Describe… and
//! UpdateKinesisStreamingDestination.

use serde::{Deserialize, Serialize};

use super::wire_enum::wire_enum;

wire_enum! {
    /// The state of a Kinesis streaming destination.
    DestinationStatus {
        /// `ENABLING`
        Enabling => "ENABLING",
        /// `ACTIVE`
        Active => "ACTIVE",
        /// `DISABLING`
        Disabling => "DISABLING",
        /// `DISABLED`
        Disabled => "DISABLED",
        /// `ENABLE_FAILED`
        EnableFailed => "ENABLE_FAILED",
        /// `UPDATING`
        Updating => "UPDATING",
    }
}

wire_enum! {
    /// The precision of the approximate creation time of the records sent to Kinesis.
    ApproximateCreationDateTimePrecision {
        /// `MILLISECOND`
        Millisecond => "MILLISECOND",
        /// `MICROSECOND`
        Microsecond => "MICROSECOND",
    }
}

/// Enables setting the configuration for Kinesis Streaming.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct EnableKinesisStreamingConfiguration {
    /// Toggle for the precision of Kinesis data stream timestamp.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approximate_creation_date_time_precision: Option<ApproximateCreationDateTimePrecision>,
}

/// Enables updating the configuration for Kinesis Streaming.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UpdateKinesisStreamingConfiguration {
    /// Enables updating the precision of Kinesis data stream timestamp.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approximate_creation_date_time_precision: Option<ApproximateCreationDateTimePrecision>,
}

/// The input of EnableKinesisStreamingDestination and DisableKinesisStreamingDestination.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct KinesisStreamingDestinationInput {
    /// The name of the DynamoDB table. You can also provide the Amazon Resource Name (ARN) of the table in this parameter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_name: Option<String>,
    /// The ARN for a Kinesis data stream.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stream_arn: Option<String>,
    /// The source for the Kinesis streaming information that is being enabled.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enable_kinesis_streaming_configuration: Option<EnableKinesisStreamingConfiguration>,
}

/// The output of EnableKinesisStreamingDestination and DisableKinesisStreamingDestination.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct KinesisStreamingDestinationOutput {
    /// The name of the table being modified.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_name: Option<String>,
    /// The ARN for the specific Kinesis data stream.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stream_arn: Option<String>,
    /// The current status of the replication.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub destination_status: Option<DestinationStatus>,
    /// The destination for the Kinesis streaming information that is being enabled.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enable_kinesis_streaming_configuration: Option<EnableKinesisStreamingConfiguration>,
}

/// `EnableKinesisStreamingDestinationInput`.
pub type EnableKinesisStreamingDestinationInput = KinesisStreamingDestinationInput;
/// `EnableKinesisStreamingDestinationOutput`.
pub type EnableKinesisStreamingDestinationOutput = KinesisStreamingDestinationOutput;
/// `DisableKinesisStreamingDestinationInput`.
pub type DisableKinesisStreamingDestinationInput = KinesisStreamingDestinationInput;
/// `DisableKinesisStreamingDestinationOutput`.
pub type DisableKinesisStreamingDestinationOutput = KinesisStreamingDestinationOutput;

/// `DescribeKinesisStreamingDestinationInput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeKinesisStreamingDestinationInput {
    /// The name of the table being described. You can also provide the Amazon Resource Name (ARN) of the table in this parameter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_name: Option<String>,
}

/// `DescribeKinesisStreamingDestinationOutput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeKinesisStreamingDestinationOutput {
    /// The name of the table being described.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_name: Option<String>,
    /// The list of replica structures for the table being described.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kinesis_data_stream_destinations: Option<Vec<KinesisDataStreamDestination>>,
}

/// Describes a Kinesis data stream destination.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct KinesisDataStreamDestination {
    /// The ARN for a specific Kinesis data stream.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stream_arn: Option<String>,
    /// The current status of replication.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub destination_status: Option<DestinationStatus>,
    /// The human-readable string that corresponds to the replica status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub destination_status_description: Option<String>,
    /// The precision of the Kinesis data stream timestamp.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approximate_creation_date_time_precision: Option<ApproximateCreationDateTimePrecision>,
}

/// `UpdateKinesisStreamingDestinationInput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UpdateKinesisStreamingDestinationInput {
    /// The table name for the Kinesis streaming destination input. You can also provide the ARN of the table in this parameter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_name: Option<String>,
    /// The Amazon Resource Name (ARN) for the Kinesis stream input.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stream_arn: Option<String>,
    /// The command to update the Kinesis stream configuration.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub update_kinesis_streaming_configuration: Option<UpdateKinesisStreamingConfiguration>,
}

/// `UpdateKinesisStreamingDestinationOutput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UpdateKinesisStreamingDestinationOutput {
    /// The table name for the Kinesis streaming destination output.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_name: Option<String>,
    /// The ARN for the Kinesis stream input.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stream_arn: Option<String>,
    /// The status of the attempt to update the Kinesis streaming destination output.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub destination_status: Option<DestinationStatus>,
    /// The command to update the Kinesis streaming destination configuration.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub update_kinesis_streaming_configuration: Option<UpdateKinesisStreamingConfiguration>,
}
