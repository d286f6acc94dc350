//! Stream settings as DynamoDB shows them: StreamSpecification, LatestStreamArn and LatestStreamLabel
//! in table descriptions, and UpdateTable's stream rules. (Reading streams needs the Streams API:
//! see `stream_records`.)

use ddbmock_core::DynamoDb;
use ddbmock_core::operation::*;

use super::support::*;

fn spec(enabled: bool, view: Option<StreamViewType>) -> Option<StreamSpecification> {
    Some(StreamSpecification {
        stream_enabled: Some(enabled),
        stream_view_type: view,
    })
}

async fn set_stream(
    db: &dyn DynamoDb,
    t: &str,
    enabled: bool,
    view: Option<StreamViewType>,
) -> ddbmock_core::Result<TableDescription> {
    let described = db
        .update_table(UpdateTableInput {
            table_name: Some(t.to_owned()),
            stream_specification: spec(enabled, view),
            ..Default::default()
        })
        .await
        .map(|o| o.table_description.unwrap_or_default())?;
    until_active(db, t).await;
    Ok(described)
}

/// A stream enabled at creation shows in DescribeTable; enabling twice, disabling twice and the
/// view-type rules give DynamoDB's errors; disabling keeps the latest ARN; enabling again makes a
/// new one.
pub async fn stream_settings(db: &dyn DynamoDb) {
    let mut input = table_input(&unique_name("streams"), false);
    let t = input.table_name.clone().unwrap_or_default();
    input.stream_specification = spec(true, Some(StreamViewType::NewAndOldImages));
    db.create_table(input).await.unwrap();
    let d = describe(db, &t).await;
    assert_eq!(
        d.stream_specification,
        spec(true, Some(StreamViewType::NewAndOldImages))
    );
    let label = d.latest_stream_label.clone().unwrap();
    // `2015-06-27T00:48:05.899`
    assert_eq!(
        (label.len(), &label[10..11], &label[19..20]),
        (23, "T", ".")
    );
    let first = d.latest_stream_arn.clone().unwrap();
    assert_eq!(
        first,
        format!("{}/stream/{label}", d.table_arn.clone().unwrap())
    );

    assert_error(
        set_stream(db, &t, true, Some(StreamViewType::KeysOnly)).await,
        "ValidationException",
        &format!("Table already has an enabled stream: TableName: {t}"),
    );
    assert_error(
        set_stream(db, &t, true, None).await,
        "ValidationException",
        "One or more parameter values were invalid: If stream is being enabled then UpdateViewType is required",
    );
    assert_error(
        set_stream(db, &t, false, Some(StreamViewType::KeysOnly)).await,
        "ValidationException",
        "One or more parameter values were invalid: If stream is being disabled, then UpdateViewType must not be specified",
    );
    let d = set_stream(db, &t, false, None).await.unwrap();
    assert_eq!(d.stream_specification, None);
    assert_eq!(d.latest_stream_arn.as_deref(), Some(first.as_str()));
    assert_eq!(
        describe(db, &t).await.latest_stream_arn,
        Some(first.clone())
    );
    assert_error(
        set_stream(db, &t, false, None).await,
        "ValidationException",
        &format!("Table has no stream to disable: TableName: {t}"),
    );
    let d = set_stream(db, &t, true, Some(StreamViewType::KeysOnly))
        .await
        .unwrap();
    assert_ne!(d.latest_stream_arn.as_deref(), Some(first.as_str()));
    assert_eq!(
        d.stream_specification,
        spec(true, Some(StreamViewType::KeysOnly))
    );
}

/// CreateTable's stream rules: a view type exactly when the stream is enabled.
pub async fn stream_settings_on_create(db: &dyn DynamoDb) {
    let mut input = table_input(&unique_name("streamc"), false);
    input.stream_specification = spec(true, None);
    assert_error(
        db.create_table(input.clone()).await,
        "ValidationException",
        "One or more parameter values were invalid: Table is being created with a stream enabled, UpdateViewType is required",
    );
    input.stream_specification = spec(false, Some(StreamViewType::NewImage));
    assert_error(
        db.create_table(input.clone()).await,
        "ValidationException",
        "One or more parameter values were invalid: Table is being created with a stream disabled, UpdateViewType should not be specified",
    );
    input.stream_specification = spec(false, None);
    let d = db
        .create_table(input)
        .await
        .unwrap()
        .table_description
        .unwrap();
    assert_eq!((d.stream_specification, d.latest_stream_arn), (None, None));
}
