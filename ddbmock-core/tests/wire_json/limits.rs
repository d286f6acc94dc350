//! DescribeLimits and DescribeEndpoints.

use ddbmock_core::operation::{
    DescribeEndpointsInput, DescribeEndpointsOutput, DescribeLimitsInput, DescribeLimitsOutput,
};

use crate::support::round_trip;

#[test]
fn describe_limits() {
    let input: DescribeLimitsInput = round_trip("{ }");
    assert_eq!(input, DescribeLimitsInput::default());
    let output: DescribeLimitsOutput = round_trip(
        r#"{
            "AccountMaxReadCapacityUnits": 20000,
            "AccountMaxWriteCapacityUnits": 20000,
            "TableMaxReadCapacityUnits": 10000,
            "TableMaxWriteCapacityUnits": 10000
        }"#,
    );
    assert_eq!(output.account_max_read_capacity_units, Some(20000));
    assert_eq!(output.table_max_write_capacity_units, Some(10000));
}

#[test]
fn describe_endpoints() {
    let input: DescribeEndpointsInput = round_trip("{}");
    assert_eq!(input, DescribeEndpointsInput::default());
    let output: DescribeEndpointsOutput = round_trip(
        r#"{"Endpoints": [{"Address": "dynamodb.us-east-1.amazonaws.com", "CachePeriodInMinutes": 1440}]}"#,
    );
    let endpoints = output.endpoints.expect("Endpoints");
    assert_eq!(
        endpoints[0].address.as_deref(),
        Some("dynamodb.us-east-1.amazonaws.com")
    );
    assert_eq!(endpoints[0].cache_period_in_minutes, Some(1440));
}
