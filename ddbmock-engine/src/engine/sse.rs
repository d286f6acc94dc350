//! Server-side encryption settings of CreateTable and UpdateTable (`SSESpecification`), as
//! DescribeTable reports them (`SSEDescription`). Nothing is encrypted: the setting is recorded.

use super::Engine;
use ddbmock_core::error::msg::table::ConstraintErrors;
use ddbmock_core::operation::{SseDescription, SseSpecification, SseStatus, SseType};

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
