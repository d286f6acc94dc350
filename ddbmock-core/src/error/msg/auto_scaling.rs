//! Messages of UpdateTableReplicaAutoScaling.

use super::{INVALID_PARAMETER_VALUES, validation};
use crate::error::Error;

/// A settings update that neither disables auto scaling nor gives a scaling policy (observed on
/// the service).
pub fn policy_required() -> Error {
    validation(
        "Parameters 'ScalingPolicyUpdate' are required unless auto scaling is being disabled",
    )
}

/// A replica update for a region the table has no replica in (ddbmock's own wording: DynamoDB's
/// is not documented).
pub fn no_replica(region: &str) -> Error {
    validation(format!(
        "{INVALID_PARAMETER_VALUES}: The table has no replica in region {region}"
    ))
}
