//! DescribeLimits and DescribeEndpoints.

use serde::{Deserialize, Serialize};

/// Represents the input of a DescribeLimits operation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeLimitsInput {}

/// Represents the output of a DescribeLimits operation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeLimitsOutput {
    /// The maximum total read capacity units that your account allows you to provision across all of your tables in this Region.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_max_read_capacity_units: Option<i64>,
    /// The maximum total write capacity units that your account allows you to provision across all of your tables in this Region.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub account_max_write_capacity_units: Option<i64>,
    /// The maximum read capacity units that your account allows you to provision for a new table that you are creating in this Region.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_max_read_capacity_units: Option<i64>,
    /// The maximum write capacity units that your account allows you to provision for a new table that you are creating in this Region.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_max_write_capacity_units: Option<i64>,
}

/// `DescribeEndpointsRequest`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeEndpointsInput {}

/// `DescribeEndpointsResponse`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeEndpointsOutput {
    /// List of endpoints.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub endpoints: Option<Vec<Endpoint>>,
}

/// An endpoint information details.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Endpoint {
    /// IP address of the endpoint.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Endpoint cache time to live (TTL) value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cache_period_in_minutes: Option<i64>,
}
