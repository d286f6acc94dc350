//! The control-plane operations beyond tables, items and TTL: resource policies, contributor
//! insights, Kinesis streaming destinations and replica auto scaling. Each happy path is checked
//! through the operation that reads the state back, on both stores (the SQLite one reopened), and
//! each error by its exact type and text.

mod streams_support;

use ddbmock_core::operation::*;
use ddbmock_engine::storage::SqliteStorage;
use ddbmock_engine::{Clock, DynamoDb, Engine, EngineConfig};
use serde_json::json;
use std::sync::Arc;
use streams_support::*;

fn wire<T: serde::de::DeserializeOwned>(v: serde_json::Value) -> T {
    serde_json::from_value(v).expect("a valid request")
}

const ARN: &str = "arn:aws:dynamodb:us-east-1:000000000000:table/tbl";

/// An engine on a manual clock over the SQLite file `path`.
fn sqlite(path: &std::path::Path) -> Engine {
    let storage = Arc::new(SqliteStorage::open(path).expect("the database opens"));
    Engine::with_storage(storage, Clock::manual(start()), EngineConfig::default())
        .expect("the engine opens")
}

/// Runs `check` on a memory engine and on an SQLite one, each with table `tbl` (a stream on).
async fn on_both_stores<F, Fut>(check: F)
where
    F: Fn(Engine) -> Fut,
    Fut: std::future::Future<Output = ()>,
{
    let dir = tempfile::tempdir().expect("a temporary directory");
    for db in [engine(), sqlite(&dir.path().join("db.sqlite"))] {
        create(&db, "tbl", Some(StreamViewType::KeysOnly)).await;
        check(db).await;
    }
}

// ---- resource policies ----

fn policy(action: &str) -> String {
    format!(
        "{{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{{\"Effect\": \"Allow\", \"Principal\": {{\"AWS\": \"000000000000\"}}, \"Action\": \"{action}\", \"Resource\": \"*\"}}]\n}}"
    )
}

fn compact(action: &str) -> String {
    format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"AWS":"000000000000"}},"Action":"{action}","Resource":"*"}}]}}"#
    )
}

async fn put_policy(
    db: &Engine,
    arn: &str,
    document: &str,
    expected: Option<&str>,
) -> ddbmock_core::Result<String> {
    db.put_resource_policy(PutResourcePolicyInput {
        resource_arn: Some(arn.to_owned()),
        policy: Some(document.to_owned()),
        expected_revision_id: expected.map(str::to_owned),
        confirm_remove_self_resource_access: None,
    })
    .await
    .map(|o| o.revision_id.expect("a revision id"))
}

async fn get_policy(db: &Engine, arn: &str) -> ddbmock_core::Result<(String, String)> {
    db.get_resource_policy(GetResourcePolicyInput {
        resource_arn: Some(arn.to_owned()),
    })
    .await
    .map(|o| (o.policy.unwrap(), o.revision_id.unwrap()))
}

async fn delete_policy(
    db: &Engine,
    arn: &str,
    expected: Option<&str>,
) -> ddbmock_core::Result<DeleteResourcePolicyOutput> {
    db.delete_resource_policy(DeleteResourcePolicyInput {
        resource_arn: Some(arn.to_owned()),
        expected_revision_id: expected.map(str::to_owned),
    })
    .await
}

#[tokio::test]
async fn a_policy_is_put_read_revised_and_deleted() {
    on_both_stores(|db| async move {
        let not_found = format!("Resource-based policy not found for the provided ResourceArn: {ARN}");
        assert_error(get_policy(&db, ARN).await, "PolicyNotFoundException", &not_found);

        let first = put_policy(&db, ARN, &policy("dynamodb:*"), Some("NO_POLICY"))
            .await
            .unwrap();
        assert_eq!(first, "1700000000000", "epoch milliseconds");
        // Whitespace counts toward the size, but DynamoDB keeps the document without it.
        assert_eq!(get_policy(&db, ARN).await.unwrap(), (compact("dynamodb:*"), first.clone()));
        // The same document again is no change.
        assert_eq!(put_policy(&db, ARN, &policy("dynamodb:*"), None).await.unwrap(), first);

        let second = put_policy(&db, ARN, &policy("dynamodb:GetItem"), Some(&first))
            .await
            .unwrap();
        assert!(second > first, "{second} follows {first}");
        assert_eq!(get_policy(&db, ARN).await.unwrap(), (compact("dynamodb:GetItem"), second.clone()));

        assert_error(
            put_policy(&db, ARN, &policy("dynamodb:PutItem"), Some(&first)).await,
            "PolicyNotFoundException",
            &format!("Resource-based policy not found for the provided ResourceArn: Requested update for policy with revision id {first}, but the policy associated to target table tbl has revision id {second}."),
        );
        assert_error(
            put_policy(&db, ARN, &policy("dynamodb:PutItem"), Some("NO_POLICY")).await,
            "PolicyNotFoundException",
            &format!("Resource-based policy not found for the provided ResourceArn: Requested policy update expecting none to be present for table tbl, but a policy exists with revision id {second}."),
        );
        assert_error(
            delete_policy(&db, ARN, Some("unknown")).await,
            "PolicyNotFoundException",
            &format!("Resource-based policy not found for the provided ResourceArn: Requested update for policy with revision id unknown, but the policy associated to target table tbl has revision id {second}."),
        );
        assert_eq!(get_policy(&db, ARN).await.unwrap().1, second, "failed calls change nothing");

        let deleted = delete_policy(&db, ARN, Some(&second)).await.unwrap();
        assert_eq!(deleted.revision_id.as_deref(), Some(second.as_str()));
        assert_error(get_policy(&db, ARN).await, "PolicyNotFoundException", &not_found);
        assert_error(delete_policy(&db, ARN, None).await, "PolicyNotFoundException", &not_found);
    })
    .await;
}

#[tokio::test]
async fn a_stream_has_a_policy_of_its_own() {
    on_both_stores(|db| async move {
        let stream = db
            .describe_table(DescribeTableInput {
                table_name: Some("tbl".into()),
            })
            .await
            .unwrap()
            .table
            .unwrap()
            .latest_stream_arn
            .unwrap();
        put_policy(&db, &stream, &policy("dynamodb:GetRecords"), None)
            .await
            .unwrap();
        assert_eq!(
            get_policy(&db, &stream).await.unwrap().0,
            compact("dynamodb:GetRecords")
        );
        assert_error(
            get_policy(&db, ARN).await,
            "PolicyNotFoundException",
            &format!("Resource-based policy not found for the provided ResourceArn: {ARN}"),
        );
    })
    .await;
}

#[tokio::test]
async fn a_policy_goes_with_its_table() {
    let db = engine();
    create(&db, "tbl", None).await;
    put_policy(&db, ARN, &policy("dynamodb:*"), None)
        .await
        .unwrap();
    db.delete_table(DeleteTableInput {
        table_name: Some("tbl".into()),
    })
    .await
    .unwrap();
    assert_error(
        get_policy(&db, ARN).await,
        "ResourceNotFoundException",
        "Requested resource not found: Table: tbl not found",
    );
    create(&db, "tbl", None).await;
    assert_error(
        get_policy(&db, ARN).await,
        "PolicyNotFoundException",
        &format!("Resource-based policy not found for the provided ResourceArn: {ARN}"),
    );
}

#[tokio::test]
async fn a_policy_survives_reopening_the_file() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("db.sqlite");
    let revision = {
        let db = sqlite(&path);
        create(&db, "tbl", None).await;
        put_policy(&db, ARN, &policy("dynamodb:*"), None)
            .await
            .unwrap()
    };
    let db = sqlite(&path);
    assert_eq!(
        get_policy(&db, ARN).await.unwrap(),
        (compact("dynamodb:*"), revision)
    );
}

#[tokio::test]
async fn policy_requests_dynamodb_refuses() {
    let db = engine();
    create(&db, "tbl", Some(StreamViewType::KeysOnly)).await;
    let invalid = "One or more parameter values were invalid";
    let rows: Vec<(String, String, &str, String)> = vec![
        ("tbl".into(), policy("dynamodb:*"), "ValidationException",
            format!("{invalid}: ARNs must start with 'arn:': tbl")),
        ("arn:aws:dynamodb:eu-west-1:000000000000:table/tbl".into(), policy("dynamodb:*"), "ValidationException",
            format!("{invalid}: Invalid resource Arn: arn:aws:dynamodb:eu-west-1:000000000000:table/tbl")),
        ("arn:aws-cn:dynamodb:us-east-1:000000000000:table/tbl".into(), policy("dynamodb:*"), "ValidationException",
            format!("{invalid}: Invalid resource Arn: arn:aws-cn:dynamodb:us-east-1:000000000000:table/tbl")),
        ("arn:aws:dynamodb:us-east-1:111111111111:table/tbl".into(), policy("dynamodb:*"), "ValidationException",
            "This action is only supported by accounts that match the resource owner\u{2019}s account.".into()),
        (format!("{ARN}/index/gsi"), policy("dynamodb:*"), "ValidationException",
            format!("{invalid}: Invalid resource arn provided, only table or stream is accepted. Provided resource arn: {ARN}/index/gsi")),
        (format!("{ARN}/backup/0170"), policy("dynamodb:*"), "ValidationException",
            format!("{invalid}: Provided Arn is not a DynamoDB resource arn: {ARN}/backup/0170")),
        (format!("{ARN}x"), policy("dynamodb:*"), "ResourceNotFoundException",
            "Requested resource not found: Table: tblx not found".into()),
        (format!("{ARN}/stream/2000-01-01T00:00:00.000"), policy("dynamodb:*"), "ResourceNotFoundException",
            "Requested resource not found: Stream: 2000-01-01T00:00:00.000 not found for Table: tbl".into()),
        (ARN.into(), format!("{}{}", policy("dynamodb:*"), " ".repeat(20481)), "ValidationException",
            format!("{invalid}: Maximum policy size of 20480 bytes exceeded")),
        (ARN.into(), "{not json".into(), "ValidationException",
            format!("{invalid}: Invalid policy document: This policy contains invalid Json")),
        (ARN.into(), String::new(), "ValidationException",
            format!("{invalid}: Invalid policy document: This policy contains invalid Json")),
        (ARN.into(), r#"{"Version":"2012-10-17","Statement":[]}"#.into(), "ValidationException",
            format!("{invalid}: Invalid policy document: Could not parse the policy: Statement is empty!")),
        (ARN.into(), r#"{"Statement":[{"Effect":"Allow","Action":"dynamodb:*","Principal":"*"}]}"#.into(), "ValidationException",
            format!("{invalid}: Invalid policy document: Missing required field Resource")),
    ];
    for (arn, document, exception, message) in rows {
        assert_error(
            put_policy(&db, &arn, &document, None).await,
            exception,
            &message,
        );
    }
    // The largest document accepted: 20480 bytes, whitespace included.
    let base = policy("dynamodb:*");
    let largest = format!("{base}{}", " ".repeat(20480 - base.len()));
    put_policy(&db, ARN, &largest, None).await.unwrap();

    assert_error(
        db.put_resource_policy(wire(json!({}))).await,
        "ValidationException",
        "2 validation errors detected: Value null at 'resourceArn' failed to satisfy constraint: Member must not be null; Value null at 'policy' failed to satisfy constraint: Member must not be null",
    );
    assert_error(
        db.delete_resource_policy(wire(json!({"ResourceArn": ARN, "ExpectedRevisionId": ""})))
            .await,
        "ValidationException",
        "1 validation error detected: Value '' at 'expectedRevisionId' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
    assert_error(
        db.get_resource_policy(wire(json!({"ResourceArn": ""})))
            .await,
        "ValidationException",
        "1 validation error detected: Value '' at 'resourceArn' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
}

// ---- contributor insights ----

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

/// Creates `tbl` keyed by `pk` and `sk`, with the global index `gsi` keyed by `g`.
async fn create_with_index(db: &Engine) {
    db.create_table(wire(json!({
        "TableName": "tbl",
        "AttributeDefinitions": [
            {"AttributeName": "pk", "AttributeType": "S"},
            {"AttributeName": "sk", "AttributeType": "S"},
            {"AttributeName": "g", "AttributeType": "S"}
        ],
        "KeySchema": [
            {"AttributeName": "pk", "KeyType": "HASH"},
            {"AttributeName": "sk", "KeyType": "RANGE"}
        ],
        "GlobalSecondaryIndexes": [{
            "IndexName": "gsi",
            "KeySchema": [{"AttributeName": "g", "KeyType": "HASH"}],
            "Projection": {"ProjectionType": "ALL"}
        }],
        "BillingMode": "PAY_PER_REQUEST"
    })))
    .await
    .unwrap();
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

// ---- Kinesis streaming destinations ----

const KDS: &str = "arn:aws:kinesis:us-east-1:000000000000:stream/changes";
const KDS2: &str = "arn:aws:kinesis:us-east-1:000000000000:stream/other";

fn delayed() -> Engine {
    let config = EngineConfig {
        table_status_delay: std::time::Duration::from_secs(2),
        ..EngineConfig::default()
    };
    Engine::memory_with_config(Clock::manual(start()), config)
}

async fn destinations(db: &Engine) -> Vec<(String, DestinationStatus, Option<String>)> {
    db.describe_kinesis_streaming_destination(wire(json!({"TableName": "tbl"})))
        .await
        .unwrap()
        .kinesis_data_stream_destinations
        .unwrap()
        .into_iter()
        .map(|d| {
            (
                d.stream_arn.unwrap(),
                d.destination_status.unwrap(),
                d.approximate_creation_date_time_precision
                    .map(|p| p.as_str().to_owned()),
            )
        })
        .collect()
}

async fn kinesis(
    db: &Engine,
    op: &str,
    stream: &str,
    extra: serde_json::Value,
) -> ddbmock_core::Result<Option<DestinationStatus>> {
    let mut request = json!({"TableName": "tbl", "StreamArn": stream});
    if let (Some(r), Some(e)) = (request.as_object_mut(), extra.as_object()) {
        r.extend(e.clone());
    }
    match op {
        "enable" => db
            .enable_kinesis_streaming_destination(wire(request))
            .await
            .map(|o| o.destination_status),
        "disable" => db
            .disable_kinesis_streaming_destination(wire(request))
            .await
            .map(|o| o.destination_status),
        _ => db
            .update_kinesis_streaming_destination(wire(request))
            .await
            .map(|o| o.destination_status),
    }
}

#[tokio::test]
async fn a_kinesis_destination_is_enabled_updated_and_disabled() {
    use DestinationStatus::*;
    let db = delayed();
    create(&db, "tbl", None).await;
    let id = db
        .describe_table(DescribeTableInput {
            table_name: Some("tbl".into()),
        })
        .await
        .unwrap()
        .table
        .unwrap()
        .table_id
        .unwrap();
    assert_eq!(destinations(&db).await, []);
    let second = std::time::Duration::from_secs(2);
    let not_valid = "Table is not in a valid state to enable Kinesis Streaming Destination";
    let enable_refused = format!(
        "{not_valid}: EnableKinesisStreamingDestination must be DISABLED or ENABLE_FAILED to perform ENABLE operation."
    );
    let disable_refused = format!(
        "{not_valid}: KinesisStreamingDestination must be ACTIVE to perform DISABLE operation."
    );
    let update_refused = format!(
        "{not_valid}: Kinesis streaming is not in ACTIVE state. Updates are only allowed in ACTIVE state. TableName: tbl, kdsArn: {KDS}"
    );
    let micro = json!({"UpdateKinesisStreamingConfiguration": {"ApproximateCreationDateTimePrecision": "MICROSECOND"}});

    let out = db
        .enable_kinesis_streaming_destination(wire(json!({"TableName": "tbl", "StreamArn": KDS})))
        .await
        .unwrap();
    assert_eq!(out.destination_status, Some(Enabling));
    assert_eq!(
        out.enable_kinesis_streaming_configuration,
        Some(EnableKinesisStreamingConfiguration::default())
    );
    assert_eq!(destinations(&db).await, [(KDS.to_owned(), Enabling, None)]);
    assert_error(
        kinesis(&db, "enable", KDS2, json!({})).await,
        "ValidationException",
        &enable_refused,
    );
    assert_error(
        kinesis(&db, "disable", KDS, json!({})).await,
        "ValidationException",
        &disable_refused,
    );
    assert_error(
        kinesis(&db, "update", KDS, micro.clone()).await,
        "ValidationException",
        &update_refused,
    );

    db.clock().advance(second);
    assert_eq!(destinations(&db).await, [(KDS.to_owned(), Active, None)]);
    assert_error(
        kinesis(&db, "enable", KDS, json!({})).await,
        "ValidationException",
        &enable_refused,
    );
    assert_error(
        kinesis(&db, "update", KDS, json!({"UpdateKinesisStreamingConfiguration": {"ApproximateCreationDateTimePrecision": "MILLISECOND"}})).await,
        "ValidationException",
        &format!("Invalid Request: Precision is already set to the desired value of MILLISECOND for tableId: {id}, kdsArn: {KDS}"),
    );
    assert_error(
        kinesis(
            &db,
            "update",
            KDS,
            json!({"UpdateKinesisStreamingConfiguration": {}}),
        )
        .await,
        "ValidationException",
        "Streaming destination cannot be updated with given parameters: UpdateKinesisStreamingConfiguration cannot be null or contain only null values",
    );
    assert_eq!(
        kinesis(&db, "update", KDS, micro).await.unwrap(),
        Some(Updating)
    );
    assert_eq!(
        destinations(&db).await,
        [(KDS.to_owned(), Updating, Some("MICROSECOND".to_owned()))]
    );
    db.clock().advance(second);
    assert_eq!(
        kinesis(&db, "disable", KDS, json!({})).await.unwrap(),
        Some(Disabling)
    );
    assert_eq!(
        destinations(&db).await,
        [(KDS.to_owned(), Disabling, Some("MICROSECOND".to_owned()))]
    );
    db.clock().advance(second);
    assert_error(
        kinesis(&db, "disable", KDS, json!({})).await,
        "ValidationException",
        &disable_refused,
    );
    assert_eq!(kinesis(&db, "enable", KDS2, json!({"EnableKinesisStreamingConfiguration": {"ApproximateCreationDateTimePrecision": "MICROSECOND"}})).await.unwrap(), Some(Enabling));
    db.clock().advance(second);
    assert_eq!(
        destinations(&db).await,
        [
            (KDS.to_owned(), Disabled, Some("MICROSECOND".to_owned())),
            (KDS2.to_owned(), Active, Some("MICROSECOND".to_owned()))
        ]
    );
}

#[tokio::test]
async fn kinesis_destinations_survive_reopening_the_file() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("db.sqlite");
    {
        let db = sqlite(&path);
        create(&db, "tbl", None).await;
        kinesis(&db, "enable", KDS, json!({})).await.unwrap();
    }
    let db = sqlite(&path);
    assert_eq!(
        destinations(&db).await,
        [(KDS.to_owned(), DestinationStatus::Active, None)]
    );
}

#[tokio::test]
async fn kinesis_requests_dynamodb_refuses() {
    let db = engine();
    create(&db, "tbl", None).await;
    assert_error(
        db.enable_kinesis_streaming_destination(wire(json!({"TableName": "tbl"})))
            .await,
        "ValidationException",
        "1 validation error detected: Value null at 'streamArn' failed to satisfy constraint: Member must not be null",
    );
    assert_error(
        kinesis(&db, "enable", "arn:short", json!({})).await,
        "ValidationException",
        "1 validation error detected: Value 'arn:short' at 'streamArn' failed to satisfy constraint: Member must have length greater than or equal to 37",
    );
    assert_error(
        kinesis(&db, "enable", KDS, json!({"EnableKinesisStreamingConfiguration": {"ApproximateCreationDateTimePrecision": "SECOND"}})).await,
        "ValidationException",
        "1 validation error detected: Value 'SECOND' at 'enableKinesisStreamingConfiguration.approximateCreationDateTimePrecision' failed to satisfy constraint: Member must satisfy enum value set: [MILLISECOND, MICROSECOND]",
    );
    assert_error(
        db.enable_kinesis_streaming_destination(wire(
            json!({"TableName": "missing", "StreamArn": KDS}),
        ))
        .await,
        "ResourceNotFoundException",
        "Requested resource not found: Table: missing not found",
    );
    assert_error(
        db.describe_kinesis_streaming_destination(wire(json!({"TableName": "missing"})))
            .await,
        "ResourceNotFoundException",
        "Requested resource not found: Table: missing not found",
    );
    assert_eq!(
        destinations(&db).await,
        [],
        "refused requests change nothing"
    );
}

// ---- replica auto scaling ----

fn scaling(min: i64, max: i64, target: f64) -> serde_json::Value {
    json!({
        "MinimumUnits": min, "MaximumUnits": max,
        "ScalingPolicyUpdate": {"PolicyName": "p", "TargetTrackingScalingPolicyConfiguration": {"TargetValue": target}}
    })
}

async fn describe_scaling(db: &Engine) -> serde_json::Value {
    let out = db
        .describe_table_replica_auto_scaling(wire(json!({"TableName": "tbl"})))
        .await
        .unwrap();
    serde_json::to_value(out).unwrap()
}

#[tokio::test]
async fn replica_auto_scaling_is_recorded_and_described() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("db.sqlite");
    let updated = {
        let db = sqlite(&path);
        create_with_index(&db).await;
        let none = describe_scaling(&db).await;
        assert_eq!(
            none,
            json!({"TableAutoScalingDescription": {"TableName": "tbl", "TableStatus": "ACTIVE", "Replicas": [{
                "RegionName": "us-east-1", "ReplicaStatus": "ACTIVE",
                "GlobalSecondaryIndexes": [{"IndexName": "gsi", "IndexStatus": "ACTIVE"}]
            }]}})
        );
        let out = db
            .update_table_replica_auto_scaling(wire(json!({
                "TableName": "tbl",
                "ProvisionedWriteCapacityAutoScalingUpdate": scaling(5, 50, 70.0),
                "GlobalSecondaryIndexUpdates": [{"IndexName": "gsi", "ProvisionedWriteCapacityAutoScalingUpdate": {"AutoScalingDisabled": true}}],
                "ReplicaUpdates": [{"RegionName": "us-east-1",
                    "ReplicaProvisionedReadCapacityAutoScalingUpdate": scaling(1, 10, 50.0)}]
            })))
            .await
            .unwrap();
        let out = serde_json::to_value(out).unwrap();
        let policy = |target: f64| json!([{"PolicyName": "p", "TargetTrackingScalingPolicyConfiguration": {"TargetValue": target}}]);
        assert_eq!(
            out["TableAutoScalingDescription"]["Replicas"][0],
            json!({
                "RegionName": "us-east-1", "ReplicaStatus": "ACTIVE",
                "ReplicaProvisionedWriteCapacityAutoScalingSettings": {"MinimumUnits": 5, "MaximumUnits": 50, "ScalingPolicies": policy(70.0)},
                "ReplicaProvisionedReadCapacityAutoScalingSettings": {"MinimumUnits": 1, "MaximumUnits": 10, "ScalingPolicies": policy(50.0)},
                "GlobalSecondaryIndexes": [{"IndexName": "gsi", "IndexStatus": "ACTIVE",
                    "ProvisionedWriteCapacityAutoScalingSettings": {"AutoScalingDisabled": true}}]
            })
        );
        assert_eq!(describe_scaling(&db).await, out);
        out
    };
    let db = sqlite(&path);
    assert_eq!(describe_scaling(&db).await, updated, "kept across a reopen");
}

#[tokio::test]
async fn replica_auto_scaling_requests_dynamodb_refuses() {
    let db = engine();
    create_with_index(&db).await;
    let rows = [
        (json!({"TableName": "missing", "ProvisionedWriteCapacityAutoScalingUpdate": {"MinimumUnits": 1, "MaximumUnits": 5}}),
            "ValidationException", "Parameters 'ScalingPolicyUpdate' are required unless auto scaling is being disabled".to_owned()),
        (json!({"TableName": "missing", "ProvisionedWriteCapacityAutoScalingUpdate": scaling(1, 5, 70.0)}),
            "ResourceNotFoundException", "Requested resource not found: Table: missing not found".to_owned()),
        (json!({"TableName": "tbl", "ProvisionedWriteCapacityAutoScalingUpdate": scaling(0, 5, 70.0)}),
            "ValidationException", "1 validation error detected: Value '0' at 'minimumUnits' failed to satisfy constraint: Member must have value greater than or equal to 1".to_owned()),
        (json!({"TableName": "tbl", "GlobalSecondaryIndexUpdates": [{"IndexName": "nope", "ProvisionedWriteCapacityAutoScalingUpdate": scaling(1, 5, 70.0)}]}),
            "ResourceNotFoundException", "Requested resource not found: Table: tbl, GSI: nope not found".to_owned()),
        (json!({"TableName": "tbl", "ReplicaUpdates": [{"RegionName": "eu-west-1"}]}),
            "ValidationException", "One or more parameter values were invalid: The table has no replica in region eu-west-1".to_owned()),
        (json!({}),
            "ValidationException", "1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null".to_owned()),
    ];
    for (request, exception, message) in rows {
        assert_error(
            db.update_table_replica_auto_scaling(wire(request)).await,
            exception,
            &message,
        );
    }
    let settings = &describe_scaling(&db).await["TableAutoScalingDescription"]["Replicas"][0];
    assert_eq!(
        settings.get("ReplicaProvisionedWriteCapacityAutoScalingSettings"),
        None,
        "nothing recorded"
    );
}

// ---- server-side encryption settings ----

async fn sse_of(db: &Engine) -> Option<serde_json::Value> {
    let table = db
        .describe_table(DescribeTableInput {
            table_name: Some("tbl".into()),
        })
        .await
        .unwrap()
        .table
        .unwrap();
    table
        .sse_description
        .map(|d| serde_json::to_value(d).unwrap())
}

#[tokio::test]
async fn sse_specification_is_described_and_kept() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("db.sqlite");
    {
        let db = sqlite(&path);
        db.create_table(wire(json!({
            "TableName": "tbl",
            "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
            "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
            "BillingMode": "PAY_PER_REQUEST",
            "SSESpecification": {"Enabled": true, "SSEType": "KMS", "KMSMasterKeyId": "1234abcd-12ab-34cd-56ef-1234567890ab"}
        })))
        .await
        .unwrap();
    }
    let db = sqlite(&path);
    assert_eq!(
        sse_of(&db).await,
        Some(json!({"Status": "ENABLED", "SSEType": "KMS",
            "KMSMasterKeyArn": "arn:aws:kms:us-east-1:000000000000:key/1234abcd-12ab-34cd-56ef-1234567890ab"}))
    );
    db.update_table(wire(
        json!({"TableName": "tbl", "SSESpecification": {"Enabled": false}}),
    ))
    .await
    .unwrap();
    assert_eq!(
        sse_of(&db).await,
        None,
        "the AWS owned key is not described"
    );
    db.update_table(wire(
        json!({"TableName": "tbl", "SSESpecification": {"Enabled": true}}),
    ))
    .await
    .unwrap();
    assert_eq!(
        sse_of(&db).await.unwrap()["KMSMasterKeyArn"],
        "arn:aws:kms:us-east-1:000000000000:alias/aws/dynamodb"
    );
    assert_error(
        db.update_table(wire(
            json!({"TableName": "tbl", "SSESpecification": {"Enabled": true, "SSEType": "DES"}}),
        ))
        .await,
        "ValidationException",
        "1 validation error detected: Value 'DES' at 'sSESpecification.sSEType' failed to satisfy constraint: Member must satisfy enum value set: [AES256, KMS]",
    );
}

#[tokio::test]
async fn warm_throughput_is_described_and_kept() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("db.sqlite");
    let warm = |db: Engine| async move {
        let t = db
            .describe_table(DescribeTableInput {
                table_name: Some("tbl".into()),
            })
            .await
            .unwrap()
            .table
            .unwrap();
        serde_json::to_value(t.warm_throughput).unwrap()
    };
    {
        let db = sqlite(&path);
        db.create_table(wire(json!({
            "TableName": "tbl",
            "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
            "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
            "BillingMode": "PAY_PER_REQUEST",
            "WarmThroughput": {"ReadUnitsPerSecond": 15000, "WriteUnitsPerSecond": 5000}
        })))
        .await
        .unwrap();
        // WarmThroughput alone is something to update.
        db.update_table(wire(
            json!({"TableName": "tbl", "WarmThroughput": {"ReadUnitsPerSecond": 20000}}),
        ))
        .await
        .unwrap();
    }
    assert_eq!(
        warm(sqlite(&path)).await,
        json!({"ReadUnitsPerSecond": 20000, "WriteUnitsPerSecond": 5000, "Status": "ACTIVE"})
    );
}
