//! Enable…, Disable…, Describe… and UpdateKinesisStreamingDestination, by their request and
//! response syntax, every member filled.

use ddbmock_core::operation::{
    ApproximateCreationDateTimePrecision, DescribeKinesisStreamingDestinationInput,
    DescribeKinesisStreamingDestinationOutput, DestinationStatus,
    DisableKinesisStreamingDestinationInput, DisableKinesisStreamingDestinationOutput,
    EnableKinesisStreamingDestinationInput, EnableKinesisStreamingDestinationOutput,
    UpdateKinesisStreamingDestinationInput, UpdateKinesisStreamingDestinationOutput,
};

use crate::support::round_trip;

const STREAM: &str = "arn:aws:kinesis:us-west-2:123456789012:stream/MusicChanges";

#[test]
fn enable_kinesis_streaming_destination() {
    let input: EnableKinesisStreamingDestinationInput = round_trip(&format!(
        r#"{{"TableName": "Music", "StreamArn": "{STREAM}",
            "EnableKinesisStreamingConfiguration": {{"ApproximateCreationDateTimePrecision": "MICROSECOND"}}}}"#
    ));
    assert_eq!(input.table_name.as_deref(), Some("Music"));
    assert_eq!(input.stream_arn.as_deref(), Some(STREAM));
    assert_eq!(
        input
            .enable_kinesis_streaming_configuration
            .and_then(|c| c.approximate_creation_date_time_precision),
        Some(ApproximateCreationDateTimePrecision::Microsecond)
    );
    let output: EnableKinesisStreamingDestinationOutput = round_trip(&format!(
        r#"{{"TableName": "Music", "StreamArn": "{STREAM}", "DestinationStatus": "ENABLING",
            "EnableKinesisStreamingConfiguration": {{"ApproximateCreationDateTimePrecision": "MILLISECOND"}}}}"#
    ));
    assert_eq!(output.destination_status, Some(DestinationStatus::Enabling));
    assert_eq!(
        output
            .enable_kinesis_streaming_configuration
            .and_then(|c| c.approximate_creation_date_time_precision),
        Some(ApproximateCreationDateTimePrecision::Millisecond)
    );
}

#[test]
fn disable_kinesis_streaming_destination() {
    let input: DisableKinesisStreamingDestinationInput = round_trip(&format!(
        r#"{{"TableName": "Music", "StreamArn": "{STREAM}",
            "EnableKinesisStreamingConfiguration": {{"ApproximateCreationDateTimePrecision": "MILLISECOND"}}}}"#
    ));
    assert_eq!(input.stream_arn.as_deref(), Some(STREAM));
    let output: DisableKinesisStreamingDestinationOutput = round_trip(&format!(
        r#"{{"TableName": "Music", "StreamArn": "{STREAM}", "DestinationStatus": "DISABLING",
            "EnableKinesisStreamingConfiguration": {{"ApproximateCreationDateTimePrecision": "MILLISECOND"}}}}"#
    ));
    assert_eq!(
        output.destination_status,
        Some(DestinationStatus::Disabling)
    );
}

#[test]
fn describe_kinesis_streaming_destination() {
    let input: DescribeKinesisStreamingDestinationInput = round_trip(r#"{"TableName": "Music"}"#);
    assert_eq!(input.table_name.as_deref(), Some("Music"));
    let output: DescribeKinesisStreamingDestinationOutput = round_trip(&format!(
        r#"{{"TableName": "Music", "KinesisDataStreamDestinations": [
                {{"StreamArn": "{STREAM}", "DestinationStatus": "ENABLE_FAILED",
                  "DestinationStatusDescription": "The Kinesis data stream was not found",
                  "ApproximateCreationDateTimePrecision": "MICROSECOND"}}]}}"#
    ));
    let destinations = output
        .kinesis_data_stream_destinations
        .expect("destinations");
    assert_eq!(destinations[0].stream_arn.as_deref(), Some(STREAM));
    assert_eq!(
        destinations[0].destination_status,
        Some(DestinationStatus::EnableFailed)
    );
    assert_eq!(
        destinations[0].destination_status_description.as_deref(),
        Some("The Kinesis data stream was not found")
    );
    assert_eq!(
        destinations[0].approximate_creation_date_time_precision,
        Some(ApproximateCreationDateTimePrecision::Microsecond)
    );
}

#[test]
fn update_kinesis_streaming_destination() {
    let input: UpdateKinesisStreamingDestinationInput = round_trip(&format!(
        r#"{{"TableName": "Music", "StreamArn": "{STREAM}",
            "UpdateKinesisStreamingConfiguration": {{"ApproximateCreationDateTimePrecision": "MICROSECOND"}}}}"#
    ));
    assert_eq!(
        input
            .update_kinesis_streaming_configuration
            .and_then(|c| c.approximate_creation_date_time_precision),
        Some(ApproximateCreationDateTimePrecision::Microsecond)
    );
    let output: UpdateKinesisStreamingDestinationOutput = round_trip(&format!(
        r#"{{"TableName": "Music", "StreamArn": "{STREAM}", "DestinationStatus": "UPDATING",
            "UpdateKinesisStreamingConfiguration": {{"ApproximateCreationDateTimePrecision": "MICROSECOND"}}}}"#
    ));
    assert_eq!(output.destination_status, Some(DestinationStatus::Updating));
    assert_eq!(output.stream_arn.as_deref(), Some(STREAM));
}
