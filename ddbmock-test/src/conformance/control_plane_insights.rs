//! Contributor insights scenarios: UpdateContributorInsights through ENABLING and DISABLING on a
//! table and on a global index, DescribeContributorInsights and ListContributorInsights reading it
//! back, and the requests DynamoDB refuses.

use ddbmock_core::operation::*;
use ddbmock_core::{DynamoDb, Error};

use super::control_plane_support::*;
use super::support::*;

const VALIDATION: &str = "ValidationException";

fn update_input(
    table: &str,
    index: Option<&str>,
    action: ContributorInsightsAction,
    mode: Option<ContributorInsightsMode>,
) -> UpdateContributorInsightsInput {
    UpdateContributorInsightsInput {
        table_name: Some(table.to_owned()),
        index_name: index.map(str::to_owned),
        contributor_insights_action: Some(action),
        contributor_insights_mode: mode,
    }
}

async fn describe_insights(
    db: &dyn DynamoDb,
    table: &str,
    index: Option<&str>,
) -> Result<DescribeContributorInsightsOutput, Error> {
    db.describe_contributor_insights(DescribeContributorInsightsInput {
        table_name: Some(table.to_owned()),
        index_name: index.map(str::to_owned),
    })
    .await
}

/// DescribeContributorInsights once the setting of `table` (or its `index`) reads `status`.
async fn settled(
    db: &dyn DynamoDb,
    table: &str,
    index: Option<&str>,
    status: ContributorInsightsStatus,
) -> DescribeContributorInsightsOutput {
    eventually(
        "contributor insights",
        || async { describe_insights(db, table, index).await.unwrap() },
        |d| d.contributor_insights_status.as_ref() == Some(&status),
    )
    .await
}

/// The rule names of an enabled setting: `DynamoDBContributorInsights-KIND-SCOPE-MILLIS`, one per
/// kind, all of one update's epoch milliseconds.
#[track_caller]
fn assert_rules(rules: Option<Vec<String>>, kinds: &[&str], scope: &str) {
    let rules = rules.expect("a rule list");
    assert_eq!(rules.len(), kinds.len(), "{rules:?}");
    let millis = rules[0].rsplit('-').next().unwrap_or_default().to_owned();
    assert!(
        !millis.is_empty() && millis.bytes().all(|b| b.is_ascii_digit()),
        "{rules:?}"
    );
    let expected: Vec<String> = kinds
        .iter()
        .map(|k| format!("DynamoDBContributorInsights-{k}-{scope}-{millis}"))
        .collect();
    assert_eq!(rules, expected);
}

/// Insights on a table and on its index: DISABLED before any update, ENABLING then ENABLED with
/// their rules and mode, DISABLING then DISABLED; listed per table, a page at a time.
pub async fn contributor_insights_lifecycle(db: &dyn DynamoDb) {
    use ContributorInsightsStatus::*;
    let (name, _) = table_with_index(db, "insights").await;
    let never = describe_insights(db, &name, None).await.unwrap();
    assert_eq!(
        (
            never.table_name.as_deref(),
            never.contributor_insights_status,
            never.contributor_insights_rule_list,
            never.last_update_date_time,
        ),
        (Some(name.as_str()), Some(Disabled), None, None)
    );

    let out = db
        .update_contributor_insights(update_input(
            &name,
            None,
            ContributorInsightsAction::Enable,
            None,
        ))
        .await
        .unwrap();
    assert_eq!(
        out,
        UpdateContributorInsightsOutput {
            table_name: Some(name.clone()),
            index_name: None,
            contributor_insights_status: Some(Enabling),
            contributor_insights_mode: Some(ContributorInsightsMode::AccessedAndThrottledKeys),
        }
    );
    let on = settled(db, &name, None, Enabled).await;
    assert!(on.last_update_date_time.is_some_and(|t| t > 0.0));
    assert_eq!(
        on.contributor_insights_mode,
        Some(ContributorInsightsMode::AccessedAndThrottledKeys)
    );
    assert_rules(
        on.contributor_insights_rule_list,
        &["PKC", "PKT", "SKC", "SKT"],
        &name,
    );

    let out = db
        .update_contributor_insights(update_input(
            &name,
            Some("gsi"),
            ContributorInsightsAction::Enable,
            Some(ContributorInsightsMode::ThrottledKeys),
        ))
        .await
        .unwrap();
    assert_eq!(
        (out.index_name.as_deref(), out.contributor_insights_status),
        (Some("gsi"), Some(Enabling))
    );
    let gsi = settled(db, &name, Some("gsi"), Enabled).await;
    assert_eq!(gsi.index_name.as_deref(), Some("gsi"));
    assert_eq!(
        gsi.contributor_insights_mode,
        Some(ContributorInsightsMode::ThrottledKeys)
    );
    assert_rules(
        gsi.contributor_insights_rule_list,
        &["PKT"],
        &format!("{name}-gsi"),
    );

    let out = db
        .update_contributor_insights(update_input(
            &name,
            None,
            ContributorInsightsAction::Disable,
            None,
        ))
        .await
        .unwrap();
    assert_eq!(out.contributor_insights_status, Some(Disabling));
    let off = settled(db, &name, None, Disabled).await;
    assert_eq!(off.contributor_insights_rule_list, None);

    let list = |max: Option<i32>, token: Option<String>| {
        db.list_contributor_insights(ListContributorInsightsInput {
            table_name: Some(name.clone()),
            next_token: token,
            max_results: max,
        })
    };
    let whole = list(None, None).await.unwrap();
    assert_eq!(whole.next_token, None);
    assert_eq!(
        whole.contributor_insights_summaries.unwrap(),
        [
            ContributorInsightsSummary {
                table_name: Some(name.clone()),
                index_name: None,
                contributor_insights_status: Some(Disabled),
                contributor_insights_mode: None,
            },
            ContributorInsightsSummary {
                table_name: Some(name.clone()),
                index_name: Some("gsi".into()),
                contributor_insights_status: Some(Enabled),
                contributor_insights_mode: Some(ContributorInsightsMode::ThrottledKeys),
            },
        ]
    );
    let first = list(Some(1), None).await.unwrap();
    let first_page = first.contributor_insights_summaries.unwrap();
    assert_eq!(first_page.len(), 1);
    assert_eq!(first_page[0].index_name, None);
    let rest = list(Some(1), first.next_token).await.unwrap();
    let rest_page = rest.contributor_insights_summaries.unwrap();
    assert_eq!(rest_page.len(), 1);
    assert_eq!(rest_page[0].index_name.as_deref(), Some("gsi"));
    assert_eq!(rest.next_token, None);
}

/// The members and resources the three operations check, each refusal leaving the setting as it
/// was.
pub async fn contributor_insights_validation(db: &dyn DynamoDb) {
    let (name, _) = table_with_index(db, "insights-invalid").await;
    let missing = unique_name("insights-missing");
    assert_error(
        db.update_contributor_insights(UpdateContributorInsightsInput {
            table_name: Some(name.clone()),
            ..Default::default()
        })
        .await,
        VALIDATION,
        "1 validation error detected: Value null at 'contributorInsightsAction' failed to satisfy constraint: Member must not be null",
    );
    assert_error(
        db.update_contributor_insights(update_input(
            &name,
            None,
            ContributorInsightsAction::from("PAUSE"),
            None,
        ))
        .await,
        VALIDATION,
        "1 validation error detected: Value 'PAUSE' at 'contributorInsightsAction' failed to satisfy constraint: Member must satisfy enum value set: [ENABLE, DISABLE]",
    );
    assert_error(
        db.update_contributor_insights(update_input(
            &name,
            None,
            ContributorInsightsAction::Enable,
            Some(ContributorInsightsMode::from("ALL_KEYS")),
        ))
        .await,
        VALIDATION,
        "1 validation error detected: Value 'ALL_KEYS' at 'contributorInsightsMode' failed to satisfy constraint: Member must satisfy enum value set: [ACCESSED_AND_THROTTLED_KEYS, THROTTLED_KEYS]",
    );
    assert_error(
        db.update_contributor_insights(update_input(
            &name,
            Some("nope"),
            ContributorInsightsAction::Enable,
            None,
        ))
        .await,
        "ResourceNotFoundException",
        &format!("Requested resource not found: Table: {name}, GSI: nope not found"),
    );
    assert_error(
        db.update_contributor_insights(update_input(
            &missing,
            None,
            ContributorInsightsAction::Enable,
            None,
        ))
        .await,
        "ResourceNotFoundException",
        &format!("Requested resource not found: Table: {missing} not found"),
    );
    assert_error(
        describe_insights(db, &missing, None).await,
        "ResourceNotFoundException",
        &format!("Requested resource not found: Table: {missing} not found"),
    );
    assert_error(
        describe_insights(db, &name, Some("nope")).await,
        "ResourceNotFoundException",
        &format!("Requested resource not found: Table: {name}, GSI: nope not found"),
    );
    let list = |table: &str, max: Option<i32>, token: Option<&str>| {
        db.list_contributor_insights(ListContributorInsightsInput {
            table_name: Some(table.to_owned()),
            next_token: token.map(str::to_owned),
            max_results: max,
        })
    };
    assert_error(
        list(&name, Some(101), None).await,
        VALIDATION,
        "1 validation error detected: Value '101' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100",
    );
    assert_error(
        list(&name, None, Some("x")).await,
        VALIDATION,
        "Invalid NextToken: x",
    );
    assert_error(
        list(&missing, None, None).await,
        "ResourceNotFoundException",
        &format!("Requested resource not found: Table: {missing} not found"),
    );
    assert_eq!(
        describe_insights(db, &name, None)
            .await
            .unwrap()
            .contributor_insights_status,
        Some(ContributorInsightsStatus::Disabled),
        "refused updates change nothing"
    );
    assert_eq!(
        list(&name, None, None)
            .await
            .unwrap()
            .contributor_insights_summaries,
        Some(vec![]),
        "nothing recorded"
    );
}
