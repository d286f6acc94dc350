//! Incremental exports: the files of an item's net change within the period, and the period's
//! rules.

use super::*;

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
/// the export type and view. Both stores.
#[tokio::test]
async fn an_incremental_export_writes_each_items_net_change() {
    for sqlite in [false, true] {
        net_changes(sqlite).await;
    }
}

async fn net_changes(sqlite: bool) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("bucket")).unwrap();
    let clock = Clock::manual(start());
    let builder = Engine::builder()
        .clock(clock.clone())
        .table_status_delay(Duration::from_secs(10))
        .s3_dir(dir.path());
    let db = match sqlite {
        true => builder.sqlite(dir.path().join("tables.db")),
        false => builder,
    }
    .build()
    .unwrap();
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
        let done = export_of(&db, started.export_arn.clone()).await;
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
    let (_dir, clock, db) = pitr_table("inc").await;
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
