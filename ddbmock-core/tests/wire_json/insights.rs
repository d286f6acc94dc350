//! UpdateContributorInsights, DescribeContributorInsights and ListContributorInsights, by their
//! request and response syntax, every member filled.

use ddbmock_core::operation::{
    ContributorInsightsAction, ContributorInsightsMode, ContributorInsightsStatus,
    DescribeContributorInsightsInput, DescribeContributorInsightsOutput,
    ListContributorInsightsInput, ListContributorInsightsOutput, UpdateContributorInsightsInput,
    UpdateContributorInsightsOutput,
};

use crate::support::round_trip;

#[test]
fn update_contributor_insights() {
    let input: UpdateContributorInsightsInput = round_trip(
        r#"{"TableName": "Music", "IndexName": "AlbumTitleIndex",
            "ContributorInsightsAction": "ENABLE", "ContributorInsightsMode": "THROTTLED_KEYS"}"#,
    );
    assert_eq!(input.table_name.as_deref(), Some("Music"));
    assert_eq!(input.index_name.as_deref(), Some("AlbumTitleIndex"));
    assert_eq!(
        input.contributor_insights_action,
        Some(ContributorInsightsAction::Enable)
    );
    assert_eq!(
        input.contributor_insights_mode,
        Some(ContributorInsightsMode::ThrottledKeys)
    );
    let output: UpdateContributorInsightsOutput = round_trip(
        r#"{"TableName": "Music", "IndexName": "AlbumTitleIndex",
            "ContributorInsightsStatus": "ENABLING",
            "ContributorInsightsMode": "ACCESSED_AND_THROTTLED_KEYS"}"#,
    );
    assert_eq!(output.index_name.as_deref(), Some("AlbumTitleIndex"));
    assert_eq!(
        output.contributor_insights_status,
        Some(ContributorInsightsStatus::Enabling)
    );
    assert_eq!(
        output.contributor_insights_mode,
        Some(ContributorInsightsMode::AccessedAndThrottledKeys)
    );
}

#[test]
fn describe_contributor_insights() {
    let input: DescribeContributorInsightsInput =
        round_trip(r#"{"TableName": "Music", "IndexName": "AlbumTitleIndex"}"#);
    assert_eq!(input.index_name.as_deref(), Some("AlbumTitleIndex"));
    let output: DescribeContributorInsightsOutput = round_trip(
        r#"{"TableName": "Music", "IndexName": "AlbumTitleIndex",
            "ContributorInsightsRuleList": ["DynamoDBContributorInsights-PKC-Music-AlbumTitleIndex-1574719428553",
                                            "DynamoDBContributorInsights-PKT-Music-AlbumTitleIndex-1574719428553"],
            "ContributorInsightsStatus": "FAILED", "LastUpdateDateTime": 1574719428.553,
            "FailureException": {"ExceptionName": "LimitExceededException",
                                 "ExceptionDescription": "Too many rules in this account"},
            "ContributorInsightsMode": "ACCESSED_AND_THROTTLED_KEYS"}"#,
    );
    assert_eq!(
        output
            .contributor_insights_rule_list
            .as_deref()
            .map(<[_]>::len),
        Some(2)
    );
    assert_eq!(
        output.contributor_insights_status,
        Some(ContributorInsightsStatus::Failed)
    );
    assert_eq!(output.last_update_date_time, Some(1_574_719_428.553));
    let failure = output.failure_exception.expect("a failure");
    assert_eq!(
        failure.exception_name.as_deref(),
        Some("LimitExceededException")
    );
    assert_eq!(
        failure.exception_description.as_deref(),
        Some("Too many rules in this account")
    );
}

#[test]
fn list_contributor_insights() {
    let input: ListContributorInsightsInput =
        round_trip(r#"{"TableName": "Music", "NextToken": "2", "MaxResults": 2}"#);
    assert_eq!(
        (
            input.table_name.as_deref(),
            input.next_token.as_deref(),
            input.max_results
        ),
        (Some("Music"), Some("2"), Some(2))
    );
    let output: ListContributorInsightsOutput = round_trip(
        r#"{"ContributorInsightsSummaries": [
                {"TableName": "Music", "IndexName": "AlbumTitleIndex",
                 "ContributorInsightsStatus": "ENABLED", "ContributorInsightsMode": "THROTTLED_KEYS"},
                {"TableName": "Music", "ContributorInsightsStatus": "DISABLING"}],
            "NextToken": "4"}"#,
    );
    let summaries = output.contributor_insights_summaries.expect("summaries");
    assert_eq!(summaries[0].index_name.as_deref(), Some("AlbumTitleIndex"));
    assert_eq!(
        summaries[0].contributor_insights_mode,
        Some(ContributorInsightsMode::ThrottledKeys)
    );
    assert_eq!(
        summaries[1].contributor_insights_status,
        Some(ContributorInsightsStatus::Disabling)
    );
    assert_eq!(output.next_token.as_deref(), Some("4"));
}
