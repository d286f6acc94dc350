//! Export and import scenarios that hold on every door without an S3 bucket: the errors of each
//! misuse, and the description and listing of an export and an import whose bucket does not exist
//! (they are accepted, then fail). The files themselves are checked by ddbmock-engine's
//! `tests/exports.rs`, on an engine with an S3 folder.

use ddbmock_core::DynamoDb;
use ddbmock_core::operation::*;

use super::support::*;

/// A bucket no door has: DynamoDB's bucket names are global, and this one's characters are legal.
const NO_BUCKET: &str = "ddbmock-conformance-no-such-bucket-7f3a";

async fn enable_recovery(db: &dyn DynamoDb, table: &str) {
    db.update_continuous_backups(UpdateContinuousBackupsInput {
        table_name: Some(table.to_owned()),
        point_in_time_recovery_specification: Some(PointInTimeRecoverySpecification {
            point_in_time_recovery_enabled: Some(true),
            recovery_period_in_days: None,
        }),
    })
    .await
    .expect("enable point-in-time recovery");
}

fn export_input(table_arn: &str, token: Option<&str>) -> ExportTableToPointInTimeInput {
    ExportTableToPointInTimeInput {
        table_arn: Some(table_arn.to_owned()),
        s3_bucket: Some(NO_BUCKET.to_owned()),
        client_token: token.map(str::to_owned),
        ..Default::default()
    }
}

fn import_input(table: &str) -> ImportTableInput {
    ImportTableInput {
        s3_bucket_source: Some(S3BucketSource {
            s3_bucket: Some(NO_BUCKET.to_owned()),
            ..Default::default()
        }),
        input_format: Some(InputFormat::DynamodbJson),
        table_creation_parameters: Some(TableCreationParameters {
            table_name: Some(table.to_owned()),
            attribute_definitions: Some(vec![def("pk", ScalarAttributeType::S)]),
            key_schema: Some(vec![key("pk", KeyType::Hash)]),
            billing_mode: Some(BillingMode::PayPerRequest),
            ..Default::default()
        }),
        ..Default::default()
    }
}

/// ExportTableToPointInTime's errors: members, a missing table, recovery off, an export time in
/// the future, an incremental export's period, a client token reused for another request;
/// DescribeExport of an unknown ARN.
pub async fn export_errors(db: &dyn DynamoDb) {
    assert_error(
        db.export_table_to_point_in_time(ExportTableToPointInTimeInput::default())
            .await,
        "ValidationException",
        "2 validation errors detected: Value null at 'tableArn' failed to satisfy constraint: Member must not be null; Value null at 's3Bucket' failed to satisfy constraint: Member must not be null",
    );
    let t = new_table(db, "exe", false).await;
    let arn = describe(db, &t).await.table_arn.expect("table arn");
    let mut bad = export_input(&arn, None);
    bad.s3_bucket = Some("-bad".to_owned());
    bad.export_format = Some(ExportFormat::Unknown("CSV".to_owned()));
    assert_error(
        db.export_table_to_point_in_time(bad).await,
        "ValidationException",
        "2 validation errors detected: Value '-bad' at 's3Bucket' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-z0-9A-Z]+[\\.\\-\\w]*[a-z0-9A-Z]+$; Value 'CSV' at 'exportFormat' failed to satisfy constraint: Member must satisfy enum value set: [DYNAMODB_JSON, ION]",
    );
    let missing = format!("{arn}-missing");
    assert_error(
        db.export_table_to_point_in_time(export_input(&missing, None))
            .await,
        "TableNotFoundException",
        "A source table with the name TableName does not currently exist within the subscriber's account or the subscriber is operating in the wrong Amazon Web Services Region.",
    );
    assert_error(
        db.export_table_to_point_in_time(export_input(&arn, None))
            .await,
        "PointInTimeRecoveryUnavailableException",
        "Point in time recovery has not yet been enabled for this source table.",
    );
    enable_recovery(db, &t).await;
    let mut future = export_input(&arn, None);
    future.export_time = Some(4_102_444_800.0); // 2100-01-01
    assert_error(
        db.export_table_to_point_in_time(future).await,
        "InvalidExportTimeException",
        "The specified ExportTime is outside of the point in time recovery window.",
    );
    incremental_errors(db, &arn).await;
    let token = unique_name("tok");
    let first = db
        .export_table_to_point_in_time(export_input(&arn, Some(&token)))
        .await
        .expect("export")
        .export_description
        .expect("a description");
    let again = db
        .export_table_to_point_in_time(export_input(&arn, Some(&token)))
        .await
        .expect("the same export")
        .export_description
        .expect("a description");
    assert_eq!(again.export_arn, first.export_arn);
    let mut other = export_input(&arn, Some(&token));
    other.s3_prefix = Some("elsewhere".to_owned());
    assert_error(
        db.export_table_to_point_in_time(other).await,
        "ExportConflictException",
        "There was a conflict when writing to the specified S3 bucket.",
    );
    let unknown = format!("{arn}/export/01234567890123-0123abcd");
    assert_error(
        db.describe_export(DescribeExportInput {
            export_arn: Some(unknown),
        })
        .await,
        "ExportNotFoundException",
        "The specified export was not found.",
    );
    assert_error(
        db.list_exports(ListExportsInput {
            max_results: Some(26),
            ..Default::default()
        })
        .await,
        "ValidationException",
        "1 validation error detected: Value '26' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 25",
    );
}

/// An incremental export's errors: no period, a period shorter than 15 minutes, an unknown view
/// type (none of which depends on the clock).
async fn incremental_errors(db: &dyn DynamoDb, arn: &str) {
    let incremental =
        |spec: Option<IncrementalExportSpecification>| ExportTableToPointInTimeInput {
            export_type: Some(ExportType::IncrementalExport),
            incremental_export_specification: spec,
            ..export_input(arn, None)
        };
    assert_error(
        db.export_table_to_point_in_time(incremental(None)).await,
        "ValidationException",
        "IncrementalExportSpecification must have an ExportFromTime before its ExportToTime",
    );
    let from = 1_700_000_000.0;
    let short = IncrementalExportSpecification {
        export_from_time: Some(from),
        export_to_time: Some(from + 600.0),
        export_view_type: None,
    };
    assert_error(
        db.export_table_to_point_in_time(incremental(Some(short.clone())))
            .await,
        "ValidationException",
        "The period of an incremental export, from ExportFromTime to ExportToTime, must be at least 15 minutes and at most 24 hours",
    );
    let unknown_view = IncrementalExportSpecification {
        export_view_type: Some(ExportViewType::Unknown("OLD_IMAGE".to_owned())),
        ..short
    };
    assert_error(
        db.export_table_to_point_in_time(incremental(Some(unknown_view)))
            .await,
        "ValidationException",
        "1 validation error detected: Value 'OLD_IMAGE' at 'incrementalExportSpecification.exportViewType' failed to satisfy constraint: Member must satisfy enum value set: [NEW_IMAGE, NEW_AND_OLD_IMAGES]",
    );
}

/// Exports to a bucket that does not exist are accepted and fail; DescribeExport and ListExports
/// (by table, a page at a time) describe them.
pub async fn exports_listed(db: &dyn DynamoDb) {
    let t = new_table(db, "exl", false).await;
    let arn = describe(db, &t).await.table_arn.expect("table arn");
    enable_recovery(db, &t).await;
    let mut arns = Vec::new();
    for _ in 0..2 {
        let d = db
            .export_table_to_point_in_time(export_input(&arn, None))
            .await
            .expect("export")
            .export_description
            .expect("a description");
        assert_eq!(d.table_arn.as_deref(), Some(arn.as_str()));
        assert_eq!(d.s3_bucket.as_deref(), Some(NO_BUCKET));
        assert_eq!(d.export_format, Some(ExportFormat::DynamodbJson));
        assert_eq!(d.export_type, Some(ExportType::FullExport));
        arns.push(d.export_arn.expect("an export arn"));
    }
    let failed = db
        .describe_export(DescribeExportInput {
            export_arn: Some(arns[0].clone()),
        })
        .await
        .expect("describe export")
        .export_description
        .expect("a description");
    assert!(matches!(
        failed.export_status,
        Some(ExportStatus::InProgress | ExportStatus::Failed)
    ));
    let mut listed = Vec::new();
    let mut token = None;
    loop {
        let page = db
            .list_exports(ListExportsInput {
                table_arn: Some(arn.clone()),
                max_results: Some(1),
                next_token: token,
            })
            .await
            .expect("list exports");
        let summaries = page.export_summaries.unwrap_or_default();
        assert!(summaries.len() <= 1);
        listed.extend(summaries.into_iter().filter_map(|s| s.export_arn));
        token = page.next_token;
        if token.is_none() {
            break;
        }
    }
    listed.sort();
    arns.sort();
    assert_eq!(listed, arns);
}

/// ImportTable's errors: members, an existing table, a client token reused for another request;
/// DescribeImport of an unknown ARN. An import from a bucket that does not exist is accepted, fails,
/// and is listed.
pub async fn import_errors(db: &dyn DynamoDb) {
    assert_error(
        db.import_table(ImportTableInput::default()).await,
        "ValidationException",
        "3 validation errors detected: Value null at 's3BucketSource' failed to satisfy constraint: Member must not be null; Value null at 'inputFormat' failed to satisfy constraint: Member must not be null; Value null at 'tableCreationParameters' failed to satisfy constraint: Member must not be null",
    );
    let existing = new_table(db, "ime", false).await;
    assert_error(
        db.import_table(import_input(&existing)).await,
        "ResourceInUseException",
        &format!("Table already exists: {existing}"),
    );
    let target = unique_name("imt");
    let token = unique_name("tok");
    let mut input = import_input(&target);
    input.client_token = Some(token.clone());
    let d = db
        .import_table(input.clone())
        .await
        .expect("import")
        .import_table_description
        .expect("a description");
    let arn = d.import_arn.clone().expect("an import arn");
    assert_eq!(d.input_format, Some(InputFormat::DynamodbJson));
    let again = db
        .import_table(input.clone())
        .await
        .expect("the same import")
        .import_table_description
        .expect("a description");
    assert_eq!(again.import_arn.as_deref(), Some(arn.as_str()));
    input.input_compression_type = Some(InputCompressionType::Gzip);
    assert_error(
        db.import_table(input).await,
        "ImportConflictException",
        "There was a conflict when importing from the specified S3 source. This can occur when the current import conflicts with a previous import request that had the same client token.",
    );
    let described = db
        .describe_import(DescribeImportInput {
            import_arn: Some(arn.clone()),
        })
        .await
        .expect("describe import")
        .import_table_description
        .expect("a description");
    assert!(matches!(
        described.import_status,
        Some(ImportStatus::InProgress | ImportStatus::Failed)
    ));
    let listed = db
        .list_imports(ListImportsInput {
            table_arn: described.table_arn.clone(),
            ..Default::default()
        })
        .await
        .expect("list imports")
        .import_summary_list
        .unwrap_or_default();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].import_arn.as_deref(), Some(arn.as_str()));
    assert_error(
        db.describe_import(DescribeImportInput {
            import_arn: Some(format!("{arn}0")),
        })
        .await,
        "ImportNotFoundException",
        "The specified import was not found.",
    );
}
