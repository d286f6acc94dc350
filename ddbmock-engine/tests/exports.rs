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
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("bucket")).unwrap();
    let clock = Clock::manual(start());
    let db = engine_on(&clock, Some(dir.path()));
    create(&db, "src", None).await;
    clock.advance(Duration::from_secs(10));
    enable_pitr(&db, "src").await;
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
    let done = db
        .describe_export(DescribeExportInput {
            export_arn: Some(arn.clone()),
        })
        .await
        .unwrap()
        .export_description
        .unwrap();
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
        .import_table(ImportTableInput {
            s3_bucket_source: Some(S3BucketSource {
                s3_bucket: Some("bucket".into()),
                s3_key_prefix: Some(format!("{base}/data/")),
                ..Default::default()
            }),
            input_format: Some(InputFormat::DynamodbJson),
            input_compression_type: Some(InputCompressionType::Gzip),
            table_creation_parameters: Some(TableCreationParameters {
                table_name: Some("copy".into()),
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
        })
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
    let finished = db
        .describe_import(DescribeImportInput {
            import_arn: imported.import_arn.clone(),
        })
        .await
        .unwrap()
        .import_table_description
        .unwrap();
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
        let failed = db
            .describe_export(DescribeExportInput {
                export_arn: export.export_arn,
            })
            .await
            .unwrap()
            .export_description
            .unwrap();
        assert_eq!(failed.export_status, Some(ExportStatus::Failed));
        assert_eq!(failed.failure_code.as_deref(), Some("S3NoSuchBucket"));
        assert_eq!(
            failed.failure_message.as_deref(),
            Some("The specified bucket does not exist")
        );
        let import = db
            .import_table(ImportTableInput {
                s3_bucket_source: Some(S3BucketSource {
                    s3_bucket: Some("nobucket".into()),
                    ..Default::default()
                }),
                input_format: Some(InputFormat::DynamodbJson),
                table_creation_parameters: Some(TableCreationParameters {
                    table_name: Some("never".into()),
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
            })
            .await
            .unwrap()
            .import_table_description
            .unwrap();
        clock.advance(Duration::from_secs(10));
        let failed = db
            .describe_import(DescribeImportInput {
                import_arn: import.import_arn,
            })
            .await
            .unwrap()
            .import_table_description
            .unwrap();
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
            .import_table(ImportTableInput {
                s3_bucket_source: Some(S3BucketSource {
                    s3_bucket: Some("nobucket".into()),
                    ..Default::default()
                }),
                input_format: Some(InputFormat::Csv),
                table_creation_parameters: Some(TableCreationParameters {
                    table_name: Some("other".into()),
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
            })
            .await
            .unwrap()
            .import_table_description
            .unwrap();
        (export.export_arn.unwrap(), import.import_arn.unwrap())
    };
    let db = open();
    let export = db
        .describe_export(DescribeExportInput {
            export_arn: Some(export_arn.clone()),
        })
        .await
        .unwrap()
        .export_description
        .unwrap();
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

/// The data lines of an export's data files (read through its manifest-files.json), each parsed,
/// sorted by their `Keys`; and the raw lines.
fn exported_lines(bucket: &Path, summary_key: &str) -> (Vec<Value>, Vec<String>) {
    let summary: Value =
        serde_json::from_str(&std::fs::read_to_string(bucket.join(summary_key)).unwrap()).unwrap();
    let files_key = summary["manifestFilesS3Key"].as_str().unwrap();
    let mut raw = Vec::new();
    for entry in std::fs::read_to_string(bucket.join(files_key))
        .unwrap()
        .lines()
    {
        let entry: Value = serde_json::from_str(entry).unwrap();
        let key = entry["dataFileS3Key"].as_str().unwrap();
        raw.extend(gunzip(&bucket.join(key)).lines().map(str::to_owned));
    }
    let mut parsed: Vec<Value> = raw
        .iter()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    parsed.sort_by_key(|v| v["Keys"].to_string());
    (parsed, raw)
}

async fn incremental(
    db: &Engine,
    table: &str,
    spec: Option<IncrementalExportSpecification>,
) -> Result<ExportDescription, ddbmock_engine::Error> {
    db.export_table_to_point_in_time(ExportTableToPointInTimeInput {
        table_arn: describe(db, table).await.table_arn,
        s3_bucket: Some("bucket".into()),
        s3_prefix: Some("inc".into()),
        export_type: Some(ExportType::IncrementalExport),
        incremental_export_specification: spec,
        ..Default::default()
    })
    .await
    .map(|o| o.export_description.unwrap())
}

fn period(
    from: f64,
    to: Option<f64>,
    view: Option<ExportViewType>,
) -> IncrementalExportSpecification {
    IncrementalExportSpecification {
        export_from_time: Some(from),
        export_to_time: to,
        export_view_type: view,
    }
}

/// An incremental export writes one line per item changed within [from, to): its state before the
/// period (OldImage, with NEW_AND_OLD_IMAGES), after it (NewImage), its key and the time of its
/// last write there; not the writes before or after the period, nor an item created and deleted
/// within it. Its data files go to the shared `AWSDynamoDB/data/` folder, and its summary names
/// the export type and view.
#[tokio::test]
async fn an_incremental_export_writes_each_items_net_change() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("bucket")).unwrap();
    let clock = Clock::manual(start());
    let db = engine_on(&clock, Some(dir.path()));
    create(&db, "inc", None).await;
    clock.advance(Duration::from_secs(10));
    enable_pitr(&db, "inc").await;
    let v = |pk: &str, v: i64| item(&[("pk", s(pk)), ("v", n(v))]);
    for pk in ["a", "b", "c"] {
        put(&db, "inc", v(pk, 1)).await;
    }
    clock.advance(Duration::from_secs(60));
    let from = clock.epoch_seconds();
    let step = || clock.advance(Duration::from_secs(1));
    put(&db, "inc", v("a", 2)).await;
    step();
    put(&db, "inc", v("a", 3)).await;
    let a_at = (clock.epoch_seconds() * 1e6).round() as u64;
    step();
    delete(&db, "inc", "b").await;
    let b_at = (clock.epoch_seconds() * 1e6).round() as u64;
    step();
    put(&db, "inc", v("d", 1)).await;
    let d_at = (clock.epoch_seconds() * 1e6).round() as u64;
    step();
    put(&db, "inc", v("e", 1)).await;
    step();
    delete(&db, "inc", "e").await;
    clock.advance(Duration::from_secs(20 * 60));
    let to = clock.epoch_seconds();
    put(&db, "inc", v("a", 4)).await;
    put(&db, "inc", v("d", 2)).await;
    delete(&db, "inc", "c").await;
    clock.advance(Duration::from_secs(60));

    let image = |pk: &str, v: i64| serde_json::json!({"pk": {"S": pk}, "v": {"N": v.to_string()}});
    let meta = |at: u64| serde_json::json!({"WriteTimestampMicros": {"N": at.to_string()}});
    let keys = |pk: &str| serde_json::json!({"pk": {"S": pk}});
    let both = vec![
        serde_json::json!({"Metadata": meta(a_at), "Keys": keys("a"),
            "NewImage": image("a", 3), "OldImage": image("a", 1)}),
        serde_json::json!({"Metadata": meta(b_at), "Keys": keys("b"), "OldImage": image("b", 1)}),
        serde_json::json!({"Metadata": meta(d_at), "Keys": keys("d"), "NewImage": image("d", 1)}),
    ];
    let bucket = dir.path().join("bucket");
    for view in [None, Some(ExportViewType::NewImage)] {
        let started = incremental(&db, "inc", Some(period(from, Some(to), view.clone())))
            .await
            .unwrap();
        assert_eq!(started.export_type, Some(ExportType::IncrementalExport));
        let shown = view.clone().unwrap_or(ExportViewType::NewAndOldImages);
        assert_eq!(
            started.incremental_export_specification,
            Some(period(from, Some(to), Some(shown.clone())))
        );
        clock.advance(Duration::from_secs(10));
        let done = db
            .describe_export(DescribeExportInput {
                export_arn: started.export_arn.clone(),
            })
            .await
            .unwrap()
            .export_description
            .unwrap();
        assert_eq!(done.export_status, Some(ExportStatus::Completed));
        assert_eq!(done.item_count, Some(3));
        let summary_key = done.export_manifest.unwrap();
        let summary: Value =
            serde_json::from_str(&std::fs::read_to_string(bucket.join(&summary_key)).unwrap())
                .unwrap();
        assert_eq!(summary["exportType"], "INCREMENTAL_EXPORT");
        assert_eq!(summary["outputView"], shown.as_str());
        assert_eq!(summary["itemCount"], 3);
        let files_key = summary["manifestFilesS3Key"].as_str().unwrap();
        for entry in std::fs::read_to_string(bucket.join(files_key))
            .unwrap()
            .lines()
        {
            let entry: Value = serde_json::from_str(entry).unwrap();
            let key = entry["dataFileS3Key"].as_str().unwrap();
            assert!(key.starts_with("inc/AWSDynamoDB/data/"), "{key}");
        }
        let (lines, raw) = exported_lines(&bucket, &summary_key);
        let mut expected = both.clone();
        if view.is_some() {
            for line in &mut expected {
                line.as_object_mut().unwrap().remove("OldImage");
            }
        }
        assert_eq!(lines, expected);
        assert!(
            raw.iter().all(|l| l.starts_with("{\"Metadata\":{")),
            "{raw:?}"
        );
    }
    // A full export of the same moment still holds whole items under its own folder.
    let full = db
        .export_table_to_point_in_time(ExportTableToPointInTimeInput {
            table_arn: describe(&db, "inc").await.table_arn,
            s3_bucket: Some("bucket".into()),
            export_time: Some(to),
            ..Default::default()
        })
        .await
        .unwrap()
        .export_description
        .unwrap();
    assert_eq!(full.export_type, Some(ExportType::FullExport));
    assert_eq!(full.incremental_export_specification, None);
}

/// The period's rules: an ExportFromTime before ExportToTime, 15 minutes to 24 hours long, within
/// the recovery window; and the view type's values.
#[tokio::test]
async fn an_incremental_exports_period_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("bucket")).unwrap();
    let clock = Clock::manual(start());
    let db = engine_on(&clock, Some(dir.path()));
    create(&db, "inc", None).await;
    clock.advance(Duration::from_secs(10));
    enable_pitr(&db, "inc").await;
    let enabled = clock.epoch_seconds();
    clock.advance(Duration::from_secs(2 * 86_400));
    let now = clock.epoch_seconds();
    let order =
        "IncrementalExportSpecification must have an ExportFromTime before its ExportToTime";
    let length = "The period of an incremental export, from ExportFromTime to ExportToTime, must be at least 15 minutes and at most 24 hours";
    let window = "The specified ExportTime is outside of the point in time recovery window.";
    let cases = [
        (None, "ValidationException", order),
        (
            Some(IncrementalExportSpecification::default()),
            "ValidationException",
            order,
        ),
        (
            Some(period(now - 60.0, Some(now - 120.0), None)),
            "ValidationException",
            order,
        ),
        (
            Some(period(now - 899.0, None, None)),
            "ValidationException",
            length,
        ),
        (
            Some(period(now - 86_401.0, Some(now), None)),
            "ValidationException",
            length,
        ),
        (
            Some(period(enabled - 1.0, Some(enabled + 899.0), None)),
            "InvalidExportTimeException",
            window,
        ),
        (
            Some(period(now - 600.0, Some(now + 600.0), None)),
            "InvalidExportTimeException",
            window,
        ),
    ];
    for (spec, exception, message) in cases {
        assert_error(incremental(&db, "inc", spec).await, exception, message);
    }
    for ok in [
        period(enabled, Some(enabled + 900.0), None),
        period(now - 86_400.0, None, None),
    ] {
        let done = incremental(&db, "inc", Some(ok)).await.unwrap();
        assert_eq!(done.export_status, Some(ExportStatus::InProgress));
    }
    assert_error(
        incremental(
            &db,
            "inc",
            Some(period(
                now - 900.0,
                None,
                Some(ExportViewType::Unknown("OLD_IMAGE".into())),
            )),
        )
        .await,
        "ValidationException",
        "1 validation error detected: Value 'OLD_IMAGE' at 'incrementalExportSpecification.exportViewType' failed to satisfy constraint: Member must satisfy enum value set: [NEW_IMAGE, NEW_AND_OLD_IMAGES]",
    );
}

/// A ZSTD source (two objects, one of two frames) imports its items; an object that is not
/// Zstandard counts as one error.
#[tokio::test]
async fn a_zstd_import_reads_its_items() {
    use ruzstd::encoding::{CompressionLevel, compress_to_vec};
    let dir = tempfile::tempdir().unwrap();
    let bucket = dir.path().join("zin");
    std::fs::create_dir_all(bucket.join("z")).unwrap();
    let line =
        |pk: &str| format!("{{\"Item\":{{\"pk\":{{\"S\":\"{pk}\"}},\"n\":{{\"N\":\"1\"}}}}}}\n");
    let mut first = compress_to_vec(line("a").as_bytes(), CompressionLevel::Fastest);
    first.extend(compress_to_vec(
        line("b").as_bytes(),
        CompressionLevel::Fastest,
    ));
    std::fs::write(bucket.join("z/1.json.zst"), first).unwrap();
    let second = compress_to_vec(line("c").as_bytes(), CompressionLevel::Uncompressed);
    std::fs::write(bucket.join("z/2.json.zst"), second).unwrap();
    std::fs::write(bucket.join("z/3.json.zst"), line("d")).unwrap();
    let clock = Clock::manual(start());
    let db = engine_on(&clock, Some(dir.path()));
    let out = db
        .import_table(ImportTableInput {
            s3_bucket_source: Some(S3BucketSource {
                s3_bucket: Some("zin".into()),
                s3_key_prefix: Some("z/".into()),
                ..Default::default()
            }),
            input_format: Some(InputFormat::DynamodbJson),
            input_compression_type: Some(InputCompressionType::Zstd),
            table_creation_parameters: Some(TableCreationParameters {
                table_name: Some("zstd".into()),
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
        })
        .await
        .unwrap()
        .import_table_description
        .unwrap();
    assert_eq!(out.input_compression_type, Some(InputCompressionType::Zstd));
    assert_eq!(
        (
            out.processed_item_count,
            out.imported_item_count,
            out.error_count
        ),
        (Some(4), Some(3), Some(1))
    );
    clock.advance(Duration::from_secs(10));
    for pk in ["a", "b", "c"] {
        assert_eq!(
            get(&db, "zstd", pk).await.unwrap().get("n"),
            Some(&n(1)),
            "{pk}"
        );
    }
    assert_eq!(get(&db, "zstd", "d").await, None);
}
