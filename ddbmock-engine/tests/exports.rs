//! Exports to and imports from the S3 folder, at the level of files: the layout and manifests an
//! export writes, a round trip of an export through ImportTable, incremental exports and their
//! period's rules, CSV, gzip and ZSTD sources, and what an unreachable bucket does. The operations' errors and listings are conformance scenarios.

#[path = "streams_support/mod.rs"]
mod streams_support;

use std::collections::BTreeSet;
use std::io::Read;
use std::path::Path;
use std::time::Duration;

use ddbmock_core::model::{AttributeValue, Item};
use ddbmock_core::operation::*;
use ddbmock_engine::{Clock, DynamoDb, Engine};
use serde_json::Value;
use streams_support::*;

#[path = "exports/formats.rs"]
mod formats;
#[path = "exports/incremental.rs"]
mod incremental;

fn engine_on(clock: &Clock, dir: Option<&Path>) -> Engine {
    let builder = Engine::builder()
        .clock(clock.clone())
        .table_status_delay(Duration::from_secs(10));
    match dir {
        Some(d) => builder.s3_dir(d),
        None => builder,
    }
    .build()
    .unwrap()
}

/// An ImportTable request from `bucket` under `prefix` (none when empty) into a new on-demand
/// table `table` keyed by the string `pk`.
fn import_input(
    bucket: &str,
    prefix: &str,
    format: InputFormat,
    compression: Option<InputCompressionType>,
    table: &str,
) -> ImportTableInput {
    ImportTableInput {
        s3_bucket_source: Some(S3BucketSource {
            s3_bucket: Some(bucket.into()),
            s3_key_prefix: (!prefix.is_empty()).then(|| prefix.into()),
            ..Default::default()
        }),
        input_format: Some(format),
        input_compression_type: compression,
        table_creation_parameters: Some(TableCreationParameters {
            table_name: Some(table.into()),
            attribute_definitions: Some(vec![AttributeDefinition {
                attribute_name: Some("pk".into()),
                attribute_type: Some(ScalarAttributeType::S),
            }]),
            key_schema: Some(vec![KeySchemaElement {
                attribute_name: Some("pk".into()),
                key_type: Some(KeyType::Hash),
            }]),
            billing_mode: Some(BillingMode::PayPerRequest),
            ..Default::default()
        }),
        ..Default::default()
    }
}

/// The export `arn` as DescribeExport describes it.
async fn export_of(db: &Engine, arn: Option<String>) -> ExportDescription {
    db.describe_export(DescribeExportInput { export_arn: arn })
        .await
        .unwrap()
        .export_description
        .unwrap()
}

/// The import `arn` as DescribeImport describes it.
async fn import_of(db: &Engine, arn: Option<String>) -> ImportTableDescription {
    db.describe_import(DescribeImportInput { import_arn: arn })
        .await
        .unwrap()
        .import_table_description
        .unwrap()
}

/// A table `table` with point-in-time recovery on, in an engine on a manual clock whose S3 folder
/// (with a bucket `bucket`) is the returned directory.
async fn pitr_table(table: &str) -> (tempfile::TempDir, Clock, Engine) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("bucket")).unwrap();
    let clock = Clock::manual(start());
    let db = engine_on(&clock, Some(dir.path()));
    create(&db, table, None).await;
    clock.advance(Duration::from_secs(10));
    enable_pitr(&db, table).await;
    (dir, clock, db)
}

async fn enable_pitr(db: &Engine, table: &str) {
    db.update_continuous_backups(UpdateContinuousBackupsInput {
        table_name: Some(table.to_owned()),
        point_in_time_recovery_specification: Some(PointInTimeRecoverySpecification {
            point_in_time_recovery_enabled: Some(true),
            recovery_period_in_days: None,
        }),
    })
    .await
    .unwrap();
}

async fn scan_all(db: &Engine, table: &str) -> BTreeSet<String> {
    let out = db
        .scan(ScanInput {
            table_name: Some(table.to_owned()),
            ..Default::default()
        })
        .await
        .unwrap();
    let mut rows: Vec<Item> = out.items.unwrap_or_default();
    rows.sort_by_key(|i| format!("{:?}", i.get("pk")));
    rows.iter()
        .map(|i| {
            serde_json::to_string(&i.iter().collect::<std::collections::BTreeMap<_, _>>()).unwrap()
        })
        .collect()
}

fn gunzip(path: &Path) -> String {
    let mut text = String::new();
    flate2::read::GzDecoder::new(std::fs::File::open(path).unwrap())
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// An export writes DynamoDB's layout under `<prefix>/AWSDynamoDB/<ExportId>/`, of the table as it
/// was at ExportTime; it is IN_PROGRESS for the status delay, then COMPLETED; importing its data
/// folder gives a table equal to the table at that moment, its index included.
#[tokio::test]
async fn an_export_round_trips_through_an_import() {
    let (dir, clock, db) = pitr_table("src").await;
    for k in ["a", "b", "c"] {
        put(
            &db,
            "src",
            item(&[
                ("pk", s(k)),
                ("n", n(1)),
                ("tags", AttributeValue::Ss(vec!["x".into()])),
            ]),
        )
        .await;
    }
    let before = scan_all(&db, "src").await;
    let moment = clock.epoch_seconds();
    clock.advance(Duration::from_secs(60));
    put(&db, "src", item(&[("pk", s("a")), ("n", n(2))])).await;
    delete(&db, "src", "b").await;
    put(&db, "src", item(&[("pk", s("d"))])).await;

    let table_arn = describe(&db, "src").await.table_arn.unwrap();
    let started = db
        .export_table_to_point_in_time(ExportTableToPointInTimeInput {
            table_arn: Some(table_arn.clone()),
            export_time: Some(moment),
            s3_bucket: Some("bucket".into()),
            s3_prefix: Some("exports/2026".into()),
            ..Default::default()
        })
        .await
        .unwrap()
        .export_description
        .unwrap();
    assert_eq!(started.export_status, Some(ExportStatus::InProgress));
    assert_eq!(started.item_count, None);
    let arn = started.export_arn.clone().unwrap();
    let id = arn.rsplit('/').next().unwrap().to_owned();
    assert!(arn.starts_with(&format!("{table_arn}/export/")), "{arn}");
    assert_eq!(id.len(), 23, "{id}");
    clock.advance(Duration::from_secs(10));
    let done = export_of(&db, Some(arn.clone())).await;
    assert_eq!(done.export_status, Some(ExportStatus::Completed));
    assert_eq!(done.item_count, Some(3));
    let base = format!("exports/2026/AWSDynamoDB/{id}");
    assert_eq!(
        done.export_manifest.as_deref(),
        Some(&*format!("{base}/manifest-summary.json"))
    );

    let root = dir.path().join("bucket").join(&base);
    assert_eq!(std::fs::read(root.join("_started")).unwrap(), b"");
    for f in ["manifest-summary.checksum", "manifest-files.checksum"] {
        assert_eq!(
            std::fs::read_to_string(root.join(f)).unwrap().len(),
            32,
            "{f}"
        );
    }
    let summary: Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("manifest-summary.json")).unwrap())
            .unwrap();
    assert_eq!(summary["version"], "2020-06-30");
    assert_eq!(summary["exportArn"], arn.as_str());
    assert_eq!(summary["tableArn"], table_arn.as_str());
    assert_eq!(summary["s3Bucket"], "bucket");
    assert_eq!(summary["s3Prefix"], "exports/2026");
    assert_eq!(summary["s3SseAlgorithm"], "AES256");
    assert_eq!(summary["s3SseKmsKeyId"], Value::Null);
    assert_eq!(summary["itemCount"], 3);
    assert_eq!(summary["outputFormat"], "DYNAMODB_JSON");
    assert_eq!(
        summary["manifestFilesS3Key"],
        format!("{base}/manifest-files.json")
    );
    assert!(summary["billedSizeBytes"].as_i64().unwrap() > 0);
    let time = summary["exportTime"].as_str().unwrap();
    assert!(
        time.len() == 24 && time.ends_with('Z') && time.contains('T'),
        "{time}"
    );
    let files = std::fs::read_to_string(root.join("manifest-files.json")).unwrap();
    let mut exported = 0;
    for line in files.lines() {
        let entry: Value = serde_json::from_str(line).unwrap();
        let key = entry["dataFileS3Key"].as_str().unwrap();
        assert!(
            key.starts_with(&format!("{base}/data/")) && key.ends_with(".json.gz"),
            "{key}"
        );
        let text = gunzip(&dir.path().join("bucket").join(key));
        for l in text.lines() {
            let v: Value = serde_json::from_str(l).unwrap();
            assert!(v["Item"]["pk"]["S"].is_string(), "{l}");
        }
        assert_eq!(entry["itemCount"], text.lines().count());
        assert_eq!(entry["md5Checksum"].as_str().unwrap().len(), 24);
        exported += text.lines().count();
    }
    assert_eq!(exported, 3);

    let imported = db
        .import_table(import_input(
            "bucket",
            &format!("{base}/data/"),
            InputFormat::DynamodbJson,
            Some(InputCompressionType::Gzip),
            "copy",
        ))
        .await
        .unwrap()
        .import_table_description
        .unwrap();
    assert_eq!(imported.import_status, Some(ImportStatus::InProgress));
    assert_eq!(
        describe(&db, "copy").await.table_status,
        Some(TableStatus::Creating)
    );
    clock.advance(Duration::from_secs(10));
    let finished = import_of(&db, imported.import_arn.clone()).await;
    assert_eq!(finished.import_status, Some(ImportStatus::Completed));
    assert_eq!(
        (
            finished.processed_item_count,
            finished.imported_item_count,
            finished.error_count
        ),
        (Some(3), Some(3), Some(0))
    );
    assert_eq!(scan_all(&db, "copy").await, before);
    assert_eq!(describe(&db, "copy").await.item_count, Some(3));
}

/// CSV with a header list and a delimiter, gzip'd: keys take their definitions' types, the rest are
/// strings; a row of the wrong shape and a row without its key count as errors; the GSI is filled.
#[tokio::test]
async fn a_csv_import_types_keys_and_counts_errors() {
    let dir = tempfile::tempdir().unwrap();
    let bucket = dir.path().join("in");
    std::fs::create_dir_all(bucket.join("csv")).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    std::io::Write::write_all(&mut gz, b"a;1;red\nb;2;\"x;y\"\nc;3\n;4;blue\n").unwrap();
    std::fs::write(bucket.join("csv/part1.csv.gz"), gz.finish().unwrap()).unwrap();
    let clock = Clock::manual(start());
    let db = engine_on(&clock, Some(dir.path()));
    let def = |name: &str, ty| AttributeDefinition {
        attribute_name: Some(name.into()),
        attribute_type: Some(ty),
    };
    let hash = |name: &str| KeySchemaElement {
        attribute_name: Some(name.into()),
        key_type: Some(KeyType::Hash),
    };
    let out = db
        .import_table(ImportTableInput {
            s3_bucket_source: Some(S3BucketSource {
                s3_bucket: Some("in".into()),
                s3_key_prefix: Some("csv/".into()),
                ..Default::default()
            }),
            input_format: Some(InputFormat::Csv),
            input_format_options: Some(InputFormatOptions {
                csv: Some(CsvOptions {
                    delimiter: Some(";".into()),
                    header_list: Some(vec!["pk".into(), "n".into(), "color".into()]),
                }),
            }),
            input_compression_type: Some(InputCompressionType::Gzip),
            table_creation_parameters: Some(TableCreationParameters {
                table_name: Some("csv".into()),
                attribute_definitions: Some(vec![
                    def("pk", ScalarAttributeType::S),
                    def("n", ScalarAttributeType::N),
                ]),
                key_schema: Some(vec![hash("pk")]),
                billing_mode: Some(BillingMode::PayPerRequest),
                global_secondary_indexes: Some(vec![GlobalSecondaryIndex {
                    index_name: Some("by_n".into()),
                    key_schema: Some(vec![hash("n")]),
                    projection: Some(Projection {
                        projection_type: Some(ProjectionType::All),
                        ..Default::default()
                    }),
                    ..Default::default()
                }]),
                ..Default::default()
            }),
            ..Default::default()
        })
        .await
        .unwrap()
        .import_table_description
        .unwrap();
    assert_eq!(
        (
            out.processed_item_count,
            out.imported_item_count,
            out.error_count
        ),
        (Some(4), Some(2), Some(2))
    );
    clock.advance(Duration::from_secs(10));
    let b = get(&db, "csv", "b").await.unwrap();
    assert_eq!(b.get("n"), Some(&n(2)));
    assert_eq!(b.get("color"), Some(&s("x;y")));
    let by_n = db
        .query(QueryInput {
            table_name: Some("csv".into()),
            index_name: Some("by_n".into()),
            key_condition_expression: Some("n = :n".into()),
            expression_attribute_values: Some(item(&[(":n", n(1))])),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(by_n.count, Some(1));
}

/// Without an S3 folder, or with a bucket folder that does not exist, an export is accepted and
/// fails (S3NoSuchBucket) with nothing written, and an import fails without creating its table.
#[tokio::test]
async fn unreachable_buckets_fail_the_transfer() {
    let dir = tempfile::tempdir().unwrap();
    for folder in [None, Some(dir.path())] {
        let clock = Clock::manual(start());
        let db = engine_on(&clock, folder);
        create(&db, "tbl", None).await;
        clock.advance(Duration::from_secs(10));
        enable_pitr(&db, "tbl").await;
        let arn = describe(&db, "tbl").await.table_arn;
        let export = db
            .export_table_to_point_in_time(ExportTableToPointInTimeInput {
                table_arn: arn,
                s3_bucket: Some("nobucket".into()),
                ..Default::default()
            })
            .await
            .unwrap()
            .export_description
            .unwrap();
        clock.advance(Duration::from_secs(10));
        let failed = export_of(&db, export.export_arn).await;
        assert_eq!(failed.export_status, Some(ExportStatus::Failed));
        assert_eq!(failed.failure_code.as_deref(), Some("S3NoSuchBucket"));
        assert_eq!(
            failed.failure_message.as_deref(),
            Some("The specified bucket does not exist")
        );
        let import = db
            .import_table(import_input(
                "nobucket",
                "",
                InputFormat::DynamodbJson,
                None,
                "never",
            ))
            .await
            .unwrap()
            .import_table_description
            .unwrap();
        clock.advance(Duration::from_secs(10));
        let failed = import_of(&db, import.import_arn).await;
        assert_eq!(failed.import_status, Some(ImportStatus::Failed));
        assert_eq!(failed.failure_code.as_deref(), Some("S3NoSuchBucket"));
        let tables = db.list_tables(ListTablesInput::default()).await.unwrap();
        assert_eq!(tables.table_names, Some(vec!["tbl".to_owned()]));
    }
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

/// Exports and imports persist with a SQLite store: a reopened file describes and lists them.
#[tokio::test]
async fn transfers_survive_a_reopened_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("tables.db");
    let clock = Clock::manual(start());
    let open = || {
        Engine::builder()
            .clock(clock.clone())
            .s3_dir(dir.path())
            .sqlite(&file)
            .build()
            .unwrap()
    };
    let (export_arn, import_arn) = {
        let db = open();
        create(&db, "tbl", None).await;
        enable_pitr(&db, "tbl").await;
        put(&db, "tbl", item(&[("pk", s("a"))])).await;
        let export = db
            .export_table_to_point_in_time(ExportTableToPointInTimeInput {
                table_arn: describe(&db, "tbl").await.table_arn,
                s3_bucket: Some("nobucket".into()),
                ..Default::default()
            })
            .await
            .unwrap()
            .export_description
            .unwrap();
        let import = db
            .import_table(import_input(
                "nobucket",
                "",
                InputFormat::Csv,
                None,
                "other",
            ))
            .await
            .unwrap()
            .import_table_description
            .unwrap();
        (export.export_arn.unwrap(), import.import_arn.unwrap())
    };
    let db = open();
    let export = export_of(&db, Some(export_arn.clone())).await;
    assert_eq!(export.export_status, Some(ExportStatus::Failed));
    let listed = db.list_imports(ListImportsInput::default()).await.unwrap();
    let arns: Vec<_> = listed
        .import_summary_list
        .unwrap()
        .into_iter()
        .filter_map(|i| i.import_arn)
        .collect();
    assert_eq!(arns, vec![import_arn]);
    let exports = db.list_exports(ListExportsInput::default()).await.unwrap();
    assert_eq!(exports.export_summaries.unwrap().len(), 1);
}
