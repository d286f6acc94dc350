//! Kinesis streaming destination scenarios: Enable…, Update…, Disable… and
//! DescribeKinesisStreamingDestination with the status of each change, and the requests DynamoDB
//! refuses.
//!
//! Against DynamoDB itself the stream ARNs must name Kinesis data streams that exist; against
//! ddbmock nothing is sent to them.

use ddbmock_core::operation::*;
use ddbmock_core::{DynamoDb, Error};

use super::control_plane_support::*;
use super::support::*;

const VALIDATION: &str = "ValidationException";
const NOT_VALID: &str = "Table is not in a valid state to enable Kinesis Streaming Destination";

/// `(stream ARN, status, precision)` of each destination of `table`.
async fn destinations(
    db: &dyn DynamoDb,
    table: &str,
) -> Vec<(
    String,
    DestinationStatus,
    Option<ApproximateCreationDateTimePrecision>,
)> {
    let out = db
        .describe_kinesis_streaming_destination(DescribeKinesisStreamingDestinationInput {
            table_name: Some(table.to_owned()),
        })
        .await
        .unwrap();
    assert_eq!(out.table_name.as_deref(), Some(table));
    out.kinesis_data_stream_destinations
        .expect("a destination list")
        .into_iter()
        .map(|d| {
            (
                d.stream_arn.expect("a stream ARN"),
                d.destination_status.expect("a status"),
                d.approximate_creation_date_time_precision,
            )
        })
        .collect()
}

/// The destinations of `table` once the one of `stream` reads `status`.
async fn settled(
    db: &dyn DynamoDb,
    table: &str,
    stream: &str,
    status: DestinationStatus,
) -> Vec<(
    String,
    DestinationStatus,
    Option<ApproximateCreationDateTimePrecision>,
)> {
    eventually(
        "kinesis streaming destination",
        || destinations(db, table),
        |list| list.iter().any(|d| d.0 == stream && d.1 == status),
    )
    .await
}

fn destination(
    table: &str,
    stream: &str,
    precision: Option<ApproximateCreationDateTimePrecision>,
) -> KinesisStreamingDestinationInput {
    KinesisStreamingDestinationInput {
        table_name: Some(table.to_owned()),
        stream_arn: Some(stream.to_owned()),
        enable_kinesis_streaming_configuration: precision.map(|p| {
            EnableKinesisStreamingConfiguration {
                approximate_creation_date_time_precision: Some(p),
            }
        }),
    }
}

async fn update(
    db: &dyn DynamoDb,
    table: &str,
    stream: &str,
    configuration: Option<UpdateKinesisStreamingConfiguration>,
) -> Result<UpdateKinesisStreamingDestinationOutput, Error> {
    db.update_kinesis_streaming_destination(UpdateKinesisStreamingDestinationInput {
        table_name: Some(table.to_owned()),
        stream_arn: Some(stream.to_owned()),
        update_kinesis_streaming_configuration: configuration,
    })
    .await
}

fn precision(
    p: ApproximateCreationDateTimePrecision,
) -> Option<UpdateKinesisStreamingConfiguration> {
    Some(UpdateKinesisStreamingConfiguration {
        approximate_creation_date_time_precision: Some(p),
    })
}

/// Two Kinesis data stream ARNs of the table's account and region.
fn streams(table_arn: &str) -> (String, String) {
    let arn = Arn::parse(table_arn);
    let stream = |name: &str| {
        format!(
            "arn:{}:kinesis:{}:{}:stream/{}",
            arn.partition,
            arn.region,
            arn.account,
            unique_name(name)
        )
    };
    (stream("changes"), stream("other"))
}

/// A destination is enabled (ENABLING, then ACTIVE), updated to microseconds (UPDATING, then
/// ACTIVE) and disabled (DISABLING, then DISABLED); a second one is refused while the first is
/// active, and enabled once it is disabled.
pub async fn kinesis_destination_lifecycle(db: &dyn DynamoDb) {
    use ApproximateCreationDateTimePrecision::*;
    use DestinationStatus::*;
    let (name, arn) = table_with_index(db, "kinesis").await;
    let (first, second) = streams(&arn);
    let id = describe(db, &name).await.table_id.expect("a table id");
    assert_eq!(destinations(db, &name).await, []);

    let out = db
        .enable_kinesis_streaming_destination(destination(&name, &first, None))
        .await
        .unwrap();
    assert_eq!(
        out,
        KinesisStreamingDestinationOutput {
            table_name: Some(name.clone()),
            stream_arn: Some(first.clone()),
            destination_status: Some(Enabling),
            enable_kinesis_streaming_configuration: Some(
                EnableKinesisStreamingConfiguration::default()
            ),
        }
    );
    assert_eq!(
        settled(db, &name, &first, Active).await,
        [(first.clone(), Active, None)]
    );
    assert_error(
        db.enable_kinesis_streaming_destination(destination(&name, &second, None))
            .await,
        VALIDATION,
        &format!(
            "{NOT_VALID}: EnableKinesisStreamingDestination must be DISABLED or ENABLE_FAILED to perform ENABLE operation."
        ),
    );
    assert_error(
        update(db, &name, &first, precision(Millisecond)).await,
        VALIDATION,
        &format!(
            "Invalid Request: Precision is already set to the desired value of MILLISECOND for tableId: {id}, kdsArn: {first}"
        ),
    );
    let empty = "Streaming destination cannot be updated with given parameters: UpdateKinesisStreamingConfiguration cannot be null or contain only null values";
    assert_error(
        update(
            db,
            &name,
            &first,
            Some(UpdateKinesisStreamingConfiguration::default()),
        )
        .await,
        VALIDATION,
        empty,
    );
    assert_error(update(db, &name, &first, None).await, VALIDATION, empty);

    let out = update(db, &name, &first, precision(Microsecond))
        .await
        .unwrap();
    assert_eq!(
        out,
        UpdateKinesisStreamingDestinationOutput {
            table_name: Some(name.clone()),
            stream_arn: Some(first.clone()),
            destination_status: Some(Updating),
            update_kinesis_streaming_configuration: precision(Microsecond),
        }
    );
    assert_eq!(
        settled(db, &name, &first, Active).await,
        [(first.clone(), Active, Some(Microsecond))]
    );

    let out = db
        .disable_kinesis_streaming_destination(destination(&name, &first, None))
        .await
        .unwrap();
    assert_eq!(
        (out.stream_arn.as_deref(), out.destination_status),
        (Some(first.as_str()), Some(Disabling))
    );
    assert_eq!(
        settled(db, &name, &first, Disabled).await,
        [(first.clone(), Disabled, Some(Microsecond))]
    );
    assert_error(
        db.disable_kinesis_streaming_destination(destination(&name, &first, None))
            .await,
        VALIDATION,
        &format!(
            "{NOT_VALID}: KinesisStreamingDestination must be ACTIVE to perform DISABLE operation."
        ),
    );
    assert_error(
        update(db, &name, &first, precision(Millisecond)).await,
        VALIDATION,
        &format!(
            "{NOT_VALID}: Kinesis streaming is not in ACTIVE state. Updates are only allowed in ACTIVE state. TableName: {name}, kdsArn: {first}"
        ),
    );

    db.enable_kinesis_streaming_destination(destination(&name, &second, Some(Microsecond)))
        .await
        .unwrap();
    assert_eq!(
        settled(db, &name, &second, Active).await,
        [
            (first, Disabled, Some(Microsecond)),
            (second, Active, Some(Microsecond))
        ]
    );
}

/// The members and tables the four operations check, each refusal leaving no destination.
pub async fn kinesis_destination_validation(db: &dyn DynamoDb) {
    let (name, arn) = table_with_index(db, "kinesis-invalid").await;
    let (stream, _) = streams(&arn);
    let missing = unique_name("kinesis-missing");
    assert_error(
        db.enable_kinesis_streaming_destination(KinesisStreamingDestinationInput {
            table_name: Some(name.clone()),
            ..Default::default()
        })
        .await,
        VALIDATION,
        "1 validation error detected: Value null at 'streamArn' failed to satisfy constraint: Member must not be null",
    );
    assert_error(
        db.enable_kinesis_streaming_destination(destination(&name, "arn:short", None))
            .await,
        VALIDATION,
        "1 validation error detected: Value 'arn:short' at 'streamArn' failed to satisfy constraint: Member must have length greater than or equal to 37",
    );
    assert_error(
        db.enable_kinesis_streaming_destination(destination(
            &name,
            &stream,
            Some(ApproximateCreationDateTimePrecision::from("SECOND")),
        ))
        .await,
        VALIDATION,
        "1 validation error detected: Value 'SECOND' at 'enableKinesisStreamingConfiguration.approximateCreationDateTimePrecision' failed to satisfy constraint: Member must satisfy enum value set: [MILLISECOND, MICROSECOND]",
    );
    assert_error(
        update(
            db,
            &name,
            &stream,
            precision(ApproximateCreationDateTimePrecision::from("SECOND")),
        )
        .await,
        VALIDATION,
        "1 validation error detected: Value 'SECOND' at 'updateKinesisStreamingConfiguration.approximateCreationDateTimePrecision' failed to satisfy constraint: Member must satisfy enum value set: [MILLISECOND, MICROSECOND]",
    );
    let not_found = format!("Requested resource not found: Table: {missing} not found");
    assert_error(
        db.enable_kinesis_streaming_destination(destination(&missing, &stream, None))
            .await,
        "ResourceNotFoundException",
        &not_found,
    );
    assert_error(
        db.disable_kinesis_streaming_destination(destination(&missing, &stream, None))
            .await,
        "ResourceNotFoundException",
        &not_found,
    );
    assert_error(
        db.describe_kinesis_streaming_destination(DescribeKinesisStreamingDestinationInput {
            table_name: Some(missing.clone()),
        })
        .await,
        "ResourceNotFoundException",
        &not_found,
    );
    assert_error(
        db.disable_kinesis_streaming_destination(destination(&name, &stream, None))
            .await,
        VALIDATION,
        &format!(
            "{NOT_VALID}: KinesisStreamingDestination must be ACTIVE to perform DISABLE operation."
        ),
    );
    assert_eq!(
        destinations(db, &name).await,
        [],
        "refused requests change nothing"
    );
}
