//! Contributor insights: ENABLING and DISABLING, persistence, and the requests DynamoDB refuses.

use super::*;

async fn update_insights(
    db: &Engine,
    index: Option<&str>,
    action: &str,
) -> ddbmock_core::Result<UpdateContributorInsightsOutput> {
    db.update_contributor_insights(wire(json!({
        "TableName": "tbl",
        "IndexName": index,
        "ContributorInsightsAction": action,
    })))
    .await
}

async fn describe_insights(db: &Engine, index: Option<&str>) -> DescribeContributorInsightsOutput {
    db.describe_contributor_insights(wire(json!({"TableName": "tbl", "IndexName": index})))
        .await
        .unwrap()
}

#[tokio::test]
async fn contributor_insights_go_through_enabling_and_disabling() {
    let config = EngineConfig {
        table_status_delay: std::time::Duration::from_secs(2),
        ..EngineConfig::default()
    };
    let db = Engine::memory_with_config(Clock::manual(start()), config);
    create_with_index(&db).await;
    db.clock().advance(std::time::Duration::from_secs(2));

    let never = describe_insights(&db, None).await;
    assert_eq!(
        never.contributor_insights_status,
        Some(ContributorInsightsStatus::Disabled)
    );
    assert_eq!(
        (
            never.contributor_insights_rule_list,
            never.last_update_date_time
        ),
        (None, None)
    );

    let out = update_insights(&db, None, "ENABLE").await.unwrap();
    assert_eq!(
        (
            out.table_name.as_deref(),
            out.contributor_insights_status,
            out.contributor_insights_mode
        ),
        (
            Some("tbl"),
            Some(ContributorInsightsStatus::Enabling),
            Some(ContributorInsightsMode::AccessedAndThrottledKeys)
        )
    );
    let at = describe_insights(&db, None).await;
    assert_eq!(
        at.contributor_insights_status,
        Some(ContributorInsightsStatus::Enabling)
    );
    assert_eq!(at.last_update_date_time, Some(1_700_000_002.0));
    db.clock().advance(std::time::Duration::from_secs(2));
    let on = describe_insights(&db, None).await;
    assert_eq!(
        on.contributor_insights_status,
        Some(ContributorInsightsStatus::Enabled)
    );
    let ms = "1700000002000";
    assert_eq!(
        on.contributor_insights_rule_list.unwrap(),
        ["PKC", "PKT", "SKC", "SKT"].map(|k| format!("DynamoDBContributorInsights-{k}-tbl-{ms}"))
    );

    db.update_contributor_insights(wire(json!({
        "TableName": "tbl", "IndexName": "gsi",
        "ContributorInsightsAction": "ENABLE", "ContributorInsightsMode": "THROTTLED_KEYS"
    })))
    .await
    .unwrap();
    update_insights(&db, None, "DISABLE").await.unwrap();
    assert_eq!(
        describe_insights(&db, None)
            .await
            .contributor_insights_status,
        Some(ContributorInsightsStatus::Disabling)
    );
    db.clock().advance(std::time::Duration::from_secs(2));
    let gsi = describe_insights(&db, Some("gsi")).await;
    assert_eq!(
        (
            gsi.contributor_insights_status,
            gsi.contributor_insights_mode
        ),
        (
            Some(ContributorInsightsStatus::Enabled),
            Some(ContributorInsightsMode::ThrottledKeys)
        )
    );
    assert_eq!(
        gsi.contributor_insights_rule_list.unwrap(),
        ["DynamoDBContributorInsights-PKT-tbl-gsi-1700000004000"]
    );

    let list = db.list_contributor_insights(wire(json!({}))).await.unwrap();
    let summaries: Vec<_> = list
        .contributor_insights_summaries
        .unwrap()
        .into_iter()
        .map(|s| (s.index_name, s.contributor_insights_status.unwrap()))
        .collect();
    assert_eq!(
        summaries,
        [
            (None, ContributorInsightsStatus::Disabled),
            (Some("gsi".to_owned()), ContributorInsightsStatus::Enabled)
        ]
    );
    let first = db
        .list_contributor_insights(wire(json!({"MaxResults": 1})))
        .await
        .unwrap();
    assert_eq!(first.contributor_insights_summaries.unwrap().len(), 1);
    let rest = db
        .list_contributor_insights(wire(
            json!({"MaxResults": 1, "NextToken": first.next_token.unwrap()}),
        ))
        .await
        .unwrap();
    assert_eq!(
        rest.contributor_insights_summaries.unwrap()[0]
            .index_name
            .as_deref(),
        Some("gsi")
    );
    assert_eq!(rest.next_token, None);
}

#[tokio::test]
async fn contributor_insights_survive_reopening_the_file() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("db.sqlite");
    {
        let db = sqlite(&path);
        create_with_index(&db).await;
        update_insights(&db, Some("gsi"), "ENABLE").await.unwrap();
    }
    let db = sqlite(&path);
    let gsi = describe_insights(&db, Some("gsi")).await;
    assert_eq!(
        gsi.contributor_insights_status,
        Some(ContributorInsightsStatus::Enabled)
    );
}

#[tokio::test]
async fn contributor_insights_requests_dynamodb_refuses() {
    let db = engine();
    create_with_index(&db).await;
    assert_error(
        db.update_contributor_insights(wire(json!({"TableName": "tbl"})))
            .await,
        "ValidationException",
        "1 validation error detected: Value null at 'contributorInsightsAction' failed to satisfy constraint: Member must not be null",
    );
    assert_error(
        update_insights(&db, None, "PAUSE").await,
        "ValidationException",
        "1 validation error detected: Value 'PAUSE' at 'contributorInsightsAction' failed to satisfy constraint: Member must satisfy enum value set: [ENABLE, DISABLE]",
    );
    assert_error(
        update_insights(&db, Some("nope"), "ENABLE").await,
        "ResourceNotFoundException",
        "Requested resource not found: Table: tbl, GSI: nope not found",
    );
    assert_error(
        db.describe_contributor_insights(wire(json!({"TableName": "missing"})))
            .await,
        "ResourceNotFoundException",
        "Requested resource not found: Table: missing not found",
    );
    assert_error(
        db.list_contributor_insights(wire(json!({"MaxResults": 101})))
            .await,
        "ValidationException",
        "1 validation error detected: Value '101' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100",
    );
    assert_error(
        db.list_contributor_insights(wire(json!({"NextToken": "x"})))
            .await,
        "ValidationException",
        "Invalid NextToken: x",
    );
    assert_eq!(
        describe_insights(&db, None)
            .await
            .contributor_insights_status,
        Some(ContributorInsightsStatus::Disabled),
        "refused updates change nothing"
    );
}

#[tokio::test]
async fn contributor_insights_wait_for_an_active_table() {
    let config = EngineConfig {
        table_status_delay: std::time::Duration::from_secs(2),
        ..EngineConfig::default()
    };
    let db = Engine::memory_with_config(Clock::manual(start()), config);
    create_with_index(&db).await;
    let not_active = "Table or Index is not in a valid state to update Key Access Insights: TableStatus must be ACTIVE to enable ContributorInsights.";
    assert_error(
        update_insights(&db, None, "ENABLE").await,
        "ValidationException",
        not_active,
    );
    db.clock().advance(std::time::Duration::from_secs(2));
    update_insights(&db, None, "ENABLE").await.unwrap();
    db.update_table(wire(
        json!({"TableName": "tbl", "DeletionProtectionEnabled": true}),
    ))
    .await
    .unwrap();
    assert_error(
        update_insights(&db, Some("gsi"), "ENABLE").await,
        "ValidationException",
        not_active,
    );
    assert_eq!(
        describe_insights(&db, Some("gsi"))
            .await
            .contributor_insights_status,
        Some(ContributorInsightsStatus::Disabled),
        "nothing recorded"
    );
}
