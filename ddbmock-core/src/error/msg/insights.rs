//! Messages of the contributor insights operations.

use super::validation;
use crate::error::Error;

/// A `NextToken` ListContributorInsights did not hand out.
pub fn invalid_next_token(token: &str) -> Error {
    validation(format!("Invalid NextToken: {token}"))
}
