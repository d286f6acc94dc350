//! The other formats: ZSTD sources, and ION exports and imports.

use super::*;

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
        .import_table(import_input(
            "zin",
            "z/",
            InputFormat::DynamodbJson,
            Some(InputCompressionType::Zstd),
            "zstd",
        ))
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

/// An ION export writes `$ion_1_0 {Item:{...}}` lines in `.ion.gz` files (the summary's
/// outputFormat ION), and an ION import of them gives back the same table, every type included.
#[tokio::test]
async fn an_ion_export_round_trips_through_an_ion_import() {
    let (dir, clock, db) = pitr_table("ion").await;
    put(
        &db,
        "ion",
        item(&[
            ("pk", s("a")),
            ("n", n("600")),
            ("f", n("-0.25")),
            ("b", AttributeValue::B(vec![0, 1, 255])),
            ("ss", AttributeValue::Ss(vec!["x".into(), "y \"z\"".into()])),
            ("ns", AttributeValue::Ns(vec!["1".into(), "2.5".into()])),
            ("bs", AttributeValue::Bs(vec![vec![7]])),
            ("t", AttributeValue::Bool(true)),
            ("nul", AttributeValue::Null(true)),
            (
                "m",
                AttributeValue::M(item(&[(
                    "l",
                    AttributeValue::L(vec![s("é"), n(3), AttributeValue::M(Item::new())]),
                )])),
            ),
        ]),
    )
    .await;
    put(&db, "ion", item(&[("pk", s("b")), ("odd name", s(""))])).await;
    let before = scan_all(&db, "ion").await;
    let done = db
        .export_table_to_point_in_time(ExportTableToPointInTimeInput {
            table_arn: describe(&db, "ion").await.table_arn,
            s3_bucket: Some("bucket".into()),
            export_format: Some(ExportFormat::Ion),
            ..Default::default()
        })
        .await
        .unwrap()
        .export_description
        .unwrap();
    assert_eq!(done.export_format, Some(ExportFormat::Ion));
    clock.advance(Duration::from_secs(10));
    let bucket = dir.path().join("bucket");
    let summary_key = format!(
        "AWSDynamoDB/{}/manifest-summary.json",
        done.export_arn.unwrap().rsplit('/').next().unwrap()
    );
    let summary: Value =
        serde_json::from_str(&std::fs::read_to_string(bucket.join(&summary_key)).unwrap()).unwrap();
    assert_eq!(summary["outputFormat"], "ION");
    let files =
        std::fs::read_to_string(bucket.join(summary["manifestFilesS3Key"].as_str().unwrap()))
            .unwrap();
    let data_key: Value = serde_json::from_str(files.lines().next().unwrap()).unwrap();
    let data_key = data_key["dataFileS3Key"].as_str().unwrap().to_owned();
    assert!(data_key.ends_with(".ion.gz"), "{data_key}");
    let text = gunzip(&bucket.join(&data_key));
    assert!(
        text.lines()
            .any(|l| l == "$ion_1_0 {Item:{'odd name':\"\",pk:\"b\"}}"),
        "{text}"
    );
    assert!(text.contains(",n:6d2,"), "{text}");

    let imported = db
        .import_table(import_input(
            "bucket",
            &data_key,
            InputFormat::Ion,
            Some(InputCompressionType::Gzip),
            "ion_copy",
        ))
        .await
        .unwrap()
        .import_table_description
        .unwrap();
    assert_eq!(
        (imported.imported_item_count, imported.error_count),
        (Some(2), Some(0))
    );
    clock.advance(Duration::from_secs(10));
    assert_eq!(scan_all(&db, "ion_copy").await, before);
}
