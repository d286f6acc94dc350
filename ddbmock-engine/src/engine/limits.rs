//! DescribeLimits and DescribeEndpoints: the account's fixed answers.

use super::Engine;
use ddbmock_core::error::Result;
use ddbmock_core::operation::*;

impl Engine {
    pub(crate) fn describe_limits_now(&self) -> Result<DescribeLimitsOutput> {
        // DynamoDB's default quotas for a new account.
        Ok(DescribeLimitsOutput {
            account_max_read_capacity_units: Some(80_000),
            account_max_write_capacity_units: Some(80_000),
            table_max_read_capacity_units: Some(40_000),
            table_max_write_capacity_units: Some(40_000),
        })
    }

    pub(crate) fn describe_endpoints_now(&self) -> Result<DescribeEndpointsOutput> {
        Ok(DescribeEndpointsOutput {
            endpoints: Some(vec![Endpoint {
                address: Some(format!(
                    "dynamodb.{}.amazonaws.com",
                    self.inner.config.region
                )),
                cache_period_in_minutes: Some(1440),
            }]),
        })
    }
}
