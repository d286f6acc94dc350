//! Messages of UpdateTableReplicaAutoScaling, as DynamoDB answers them: the API Reference gives no
//! texts; these were observed on the service (published with the ack-api-quirks DynamoDB findings,
//! DDB-TABLE-253, 2026-10), unless a function says otherwise.

use super::validation;
use crate::error::Error;

/// A settings update that does not disable auto scaling and leaves out `missing` (of
/// `MaximumUnits`, `ScalingPolicyUpdate`, `MinimumUnits`, in that order), which every other update
/// needs. DynamoDB quotes the table name with typographic quotes.
pub fn parameters_required(table: &str, missing: &[&str]) -> Error {
    let missing = missing
        .iter()
        .map(|m| format!("'{m}'"))
        .collect::<Vec<_>>()
        .join(", ");
    validation(format!(
        "Failed to update settings for global table with name: \u{2018}{table}\u{2019}: Parameters {missing} are required unless auto scaling is being disabled."
    ))
}

/// A replica update that names its region and updates nothing there.
pub fn nothing_for_region(table: &str, region: &str) -> Error {
    validation(format!(
        "Failed to update settings for global table with name: \u{2018}{table}\u{2019} because at least one update parameter must be specified for region: \u{2018}{region}\u{2019}."
    ))
}

/// UpdateTableReplicaAutoScaling on a table that does not exist (plain quotes here).
pub fn table_not_found(table: &str) -> Error {
    Error::ResourceNotFound(format!("Global table with name: '{table}' does not exist."))
}

/// A replica update for a region the table has no replica in. DynamoDB answers
/// `ResourceNotFoundException` (observed); its text is not published, so this wording is
/// ddbmock's own (unconfirmed).
pub fn no_replica(region: &str) -> Error {
    Error::ResourceNotFound(format!(
        "Requested resource not found: The table has no replica in region {region}"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn missing_parameters_are_listed_in_dynamodb_order() {
        assert_eq!(
            parameters_required("t", &["MaximumUnits", "MinimumUnits"]).message(),
            "Failed to update settings for global table with name: \u{2018}t\u{2019}: Parameters 'MaximumUnits', 'MinimumUnits' are required unless auto scaling is being disabled."
        );
    }
}
