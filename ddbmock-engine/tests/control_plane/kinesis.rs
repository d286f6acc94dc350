//! Kinesis streaming destinations: enabled, updated and disabled with their status, persistence, and the requests DynamoDB refuses.

use super::*;

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
