//! UpdateTimeToLive and DescribeTimeToLive.

use ddbmock_core::operation::{
    DescribeTimeToLiveInput, DescribeTimeToLiveOutput, TimeToLiveStatus, UpdateTimeToLiveInput,
    UpdateTimeToLiveOutput,
};

use crate::support::round_trip;

#[test]
fn update_time_to_live() {
    let input: UpdateTimeToLiveInput = round_trip(
        r#"{"TableName": "Sessions",
            "TimeToLiveSpecification": {"Enabled": true, "AttributeName": "ExpiresAt"}}"#,
    );
    let spec = input
        .time_to_live_specification
        .expect("TimeToLiveSpecification");
    assert_eq!(spec.enabled, Some(true));
    assert_eq!(spec.attribute_name.as_deref(), Some("ExpiresAt"));
    let output: UpdateTimeToLiveOutput = round_trip(
        r#"{"TimeToLiveSpecification": {"Enabled": true, "AttributeName": "ExpiresAt"}}"#,
    );
    assert!(output.time_to_live_specification.is_some());
}

#[test]
fn describe_time_to_live() {
    let input: DescribeTimeToLiveInput = round_trip(r#"{"TableName": "Sessions"}"#);
    assert_eq!(input.table_name.as_deref(), Some("Sessions"));
    let output: DescribeTimeToLiveOutput = round_trip(
        r#"{"TimeToLiveDescription": {"TimeToLiveStatus": "ENABLED", "AttributeName": "ExpiresAt"}}"#,
    );
    let description = output
        .time_to_live_description
        .expect("TimeToLiveDescription");
    assert_eq!(
        description.time_to_live_status,
        Some(TimeToLiveStatus::Enabled)
    );
    let disabled: DescribeTimeToLiveOutput =
        round_trip(r#"{"TimeToLiveDescription": {"TimeToLiveStatus": "DISABLED"}}"#);
    let description = disabled
        .time_to_live_description
        .expect("TimeToLiveDescription");
    assert_eq!(description.attribute_name, None);
}
