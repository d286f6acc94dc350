//! Server-side encryption (`SSESpecification`), warm throughput (`WarmThroughput`) and the
//! on-demand maximums (`OnDemandThroughput`) of CreateTable and UpdateTable, as DescribeTable
//! reports them. Nothing is encrypted, pre-warmed or capped: the settings are checked and recorded.

use super::Engine;
use ddbmock_core::error::Result;
use ddbmock_core::error::msg::table::{self as m, ConstraintErrors};
use ddbmock_core::operation::{
    OnDemandThroughput, SseDescription, SseSpecification, SseStatus, SseType, TableStatus,
    TableWarmThroughputDescription, WarmThroughput,
};

/// Refuses `OnDemandThroughput` on a table that is not on demand, and maximums below 1; on
/// UpdateTable (`removable`), -1 removes a maximum and is taken.
pub(crate) fn check_on_demand(
    spec: Option<&OnDemandThroughput>,
    on_demand: bool,
    removable: bool,
) -> Result<()> {
    let Some(spec) = spec else {
        return Ok(());
    };
    let members = [
        ("MaxReadRequestUnits", spec.max_read_request_units),
        ("MaxWriteRequestUnits", spec.max_write_request_units),
    ];
    for (member, units) in members {
        match units {
            Some(_) if !on_demand => return Err(m::on_demand_throughput_on_provisioned(member)),
            Some(-1) if removable => {}
            Some(n) if n < 1 => return Err(m::on_demand_throughput_out_of_range(member)),
            _ => {}
        }
    }
    Ok(())
}

/// Records an unknown `SSEType`.
pub(crate) fn check(errors: &mut ConstraintErrors, spec: Option<&SseSpecification>) {
    if let Some(s) = spec {
        errors.enum_value(
            "sSESpecification.sSEType",
            s.sse_type.as_ref().map(|t| t.as_str()),
            SseType::VALUES,
        );
    }
}

impl Engine {
    /// The description of `spec`: encryption with a KMS key (the one given, or the AWS managed
    /// key of DynamoDB) when enabled; none with the AWS owned key, the default, which DescribeTable
    /// does not describe.
    pub(crate) fn sse_description(&self, spec: &SseSpecification) -> Option<SseDescription> {
        if spec.enabled != Some(true) {
            return None;
        }
        let config = &self.inner.config;
        let prefix = format!("arn:aws:kms:{}:{}:", config.region, config.account_id);
        let key = match spec.kms_master_key_id.as_deref() {
            Some(id) if id.starts_with("arn:") => id.to_owned(),
            Some(id) if id.starts_with("alias/") => format!("{prefix}{id}"),
            Some(id) => format!("{prefix}key/{id}"),
            None => format!("{prefix}alias/aws/dynamodb"),
        };
        Some(SseDescription {
            status: Some(SseStatus::Enabled),
            sse_type: Some(SseType::Kms),
            kms_master_key_arn: Some(key),
            inaccessible_encryption_date_time: None,
        })
    }
}

/// The warm throughput after `asked` on top of `before` (members left out keep their value), and
/// its description: `ACTIVE`, as the engine has no pre-warming to wait for.
pub(crate) fn warm(
    before: Option<(Option<i64>, Option<i64>)>,
    asked: &WarmThroughput,
) -> ((Option<i64>, Option<i64>), TableWarmThroughputDescription) {
    let (read, write) = before.unwrap_or_default();
    let now = (
        asked.read_units_per_second.or(read),
        asked.write_units_per_second.or(write),
    );
    (now, warm_description(now))
}

/// DescribeTable's `WarmThroughput` of recorded units.
pub(crate) fn warm_description(
    (read, write): (Option<i64>, Option<i64>),
) -> TableWarmThroughputDescription {
    TableWarmThroughputDescription {
        read_units_per_second: read,
        write_units_per_second: write,
        status: Some(TableStatus::Active),
    }
}
