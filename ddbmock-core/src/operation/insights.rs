//! Contributor insights: UpdateContributorInsights, DescribeContributorInsights,
//! ListContributorInsights.

use serde::{Deserialize, Serialize};

use super::wire_enum::wire_enum;

wire_enum! {
    /// What UpdateContributorInsights does.
    ContributorInsightsAction {
        /// `ENABLE`
        Enable => "ENABLE",
        /// `DISABLE`
        Disable => "DISABLE",
    }
}

wire_enum! {
    /// The state of contributor insights on a table or index.
    ContributorInsightsStatus {
        /// `ENABLING`
        Enabling => "ENABLING",
        /// `ENABLED`
        Enabled => "ENABLED",
        /// `DISABLING`
        Disabling => "DISABLING",
        /// `DISABLED`
        Disabled => "DISABLED",
        /// `FAILED`
        Failed => "FAILED",
    }
}

wire_enum! {
    /// Which events contributor insights tracks.
    ContributorInsightsMode {
        /// `ACCESSED_AND_THROTTLED_KEYS`
        AccessedAndThrottledKeys => "ACCESSED_AND_THROTTLED_KEYS",
        /// `THROTTLED_KEYS`
        ThrottledKeys => "THROTTLED_KEYS",
    }
}

/// `UpdateContributorInsightsInput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UpdateContributorInsightsInput {
    /// The name of the table. You can also provide the Amazon Resource Name (ARN) of the table in this parameter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_name: Option<String>,
    /// The global secondary index name, if applicable.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index_name: Option<String>,
    /// Represents the contributor insights action.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contributor_insights_action: Option<ContributorInsightsAction>,
    /// Specifies whether to track all access and throttled events or throttled events only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contributor_insights_mode: Option<ContributorInsightsMode>,
}

/// `UpdateContributorInsightsOutput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct UpdateContributorInsightsOutput {
    /// The name of the table.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_name: Option<String>,
    /// The name of the global secondary index, if applicable.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index_name: Option<String>,
    /// The status of contributor insights.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contributor_insights_status: Option<ContributorInsightsStatus>,
    /// The updated mode of contributor insights.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contributor_insights_mode: Option<ContributorInsightsMode>,
}

/// `DescribeContributorInsightsInput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeContributorInsightsInput {
    /// The name of the table to describe. You can also provide the Amazon Resource Name (ARN) of the table in this parameter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_name: Option<String>,
    /// The name of the global secondary index to describe, if applicable.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index_name: Option<String>,
}

/// `DescribeContributorInsightsOutput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DescribeContributorInsightsOutput {
    /// The name of the table being described.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_name: Option<String>,
    /// The name of the global secondary index being described.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index_name: Option<String>,
    /// List of names of the associated contributor insights rules.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contributor_insights_rule_list: Option<Vec<String>>,
    /// Current status of contributor insights.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contributor_insights_status: Option<ContributorInsightsStatus>,
    /// Timestamp of the last time the status was changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_update_date_time: Option<f64>,
    /// Returned if the last update resulted in FAILED.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failure_exception: Option<FailureException>,
    /// The mode of contributor insights.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contributor_insights_mode: Option<ContributorInsightsMode>,
}

/// Represents a failure of a contributor insights operation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct FailureException {
    /// Exception name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exception_name: Option<String>,
    /// Description of the failure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exception_description: Option<String>,
}

/// `ListContributorInsightsInput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListContributorInsightsInput {
    /// The name of the table. You can also provide the Amazon Resource Name (ARN) of the table in this parameter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_name: Option<String>,
    /// A token to for the desired page, if there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
    /// Maximum number of results to return per page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_results: Option<i32>,
}

/// `ListContributorInsightsOutput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ListContributorInsightsOutput {
    /// A list of ContributorInsightsSummary.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contributor_insights_summaries: Option<Vec<ContributorInsightsSummary>>,
    /// A token to go to the next page if there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

/// Represents a contributor insights summary entry.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ContributorInsightsSummary {
    /// Name of the table associated with the summary.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_name: Option<String>,
    /// Name of the index associated with the summary, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub index_name: Option<String>,
    /// Describes the current status for contributor insights for the given table and index, if applicable.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contributor_insights_status: Option<ContributorInsightsStatus>,
    /// Indicates the current mode of contributor insights.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contributor_insights_mode: Option<ContributorInsightsMode>,
}
