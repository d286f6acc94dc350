//! Messages of the contributor insights operations. The API Reference gives no texts.

use super::validation;
use crate::error::Error;

/// ENABLE on a table that is not `ACTIVE` (creating, updating or being deleted), as observed on
/// the service (ack-api-quirks DDB-TABLE-455, 2026-10).
pub fn table_not_active() -> Error {
    validation(
        "Table or Index is not in a valid state to update Key Access Insights: TableStatus must be ACTIVE to enable ContributorInsights.",
    )
}

/// A `NextToken` ListContributorInsights did not hand out (ddbmock's own wording: DynamoDB's is
/// not published; unconfirmed).
pub fn invalid_next_token(token: &str) -> Error {
    validation(format!("Invalid NextToken: {token}"))
}
