//! Fixture files in each format (a `CreateTable` request, `BatchWriteItem` requests, DynamoDB export
//! data and export directories, mixed with ddbmock's own), through `#[ddbmock::test(fixtures(…))]`
//! and through `Fixture` directly, on both stores; and what a bad fixture's error says.

use ddbmock::mock::Mock;
use ddbmock::model::{AttributeValue, Item};
use ddbmock::operation::ScanInput;
use ddbmock::pages::scan_all;
use ddbmock::testing::{Fixture, FixtureFormat};
use ddbmock::{DynamoDb, Engine, item, set};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/");

fn path(file: &str) -> String {
    format!("{DIR}{file}")
}

/// Every item of `table`, sorted by `id`.
async fn items(db: &(impl DynamoDb + ?Sized), table: &str) -> Vec<Item> {
    let mut items = match scan_all(db, ScanInput::new(table)).await {
        Ok(items) => items,
        Err(e) => panic!("Scan {table}: {e}"),
    };
    items.sort_by(|a, b| format!("{:?}", a["id"]).cmp(&format!("{:?}", b["id"])));
    items
}

fn ids(items: &[Item]) -> Vec<String> {
    items
        .iter()
        .map(|item| match &item["id"] {
            AttributeValue::S(id) => id.clone(),
            other => panic!("id {other:?}"),
        })
        .collect()
}

/// Reads and loads each file into `db`, in order.
async fn load(db: &(impl DynamoDb + ?Sized), files: &[&str]) -> Result<(), String> {
    for file in files {
        let fixture = Fixture::read(path(file)).map_err(|e| e.to_string())?;
        fixture.load(db).await.map_err(|e| e.to_string())?;
    }
    Ok(())
}

fn engines() -> [Engine; 2] {
    match Engine::temp_sqlite() {
        Ok(sqlite) => [Engine::memory(), sqlite],
        Err(e) => panic!("temp sqlite: {e}"),
    }
}

/// What `formats/batch_request.json` then `formats/batch_map.json` leave in `people`.
fn batched() -> Vec<Item> {
    vec![
        item! { "id" => "p-2", "name" => "Grace" },
        item! { "id" => "p-3", "tags" => set!["a", "b"] },
        item! { "id" => "p-4", "age" => 36 },
    ]
}

fn exported() -> Vec<Item> {
    (0..3)
        .map(|n| item! { "id" => format!("x-{n}"), "n" => n })
        .collect()
}

fn exported_lone() -> Vec<Item> {
    vec![
        item! { "id" => "e-1", "score" => AttributeValue::N("1.5".into()) },
        item! {
            "id" => "e-2",
            "blob" => b"hi".to_vec(),
            "nested" => item! { "l" => vec![AttributeValue::Null(true), AttributeValue::Bool(false)] },
        },
    ]
}

// Formats are told by content.

#[test]
fn each_format_is_recognised() {
    let cases = [
        ("users.json", FixtureFormat::Tables),
        ("formats/create_table.json", FixtureFormat::CreateTable),
        ("formats/batch_request.json", FixtureFormat::BatchWriteItem),
        ("formats/batch_map.json", FixtureFormat::BatchWriteItem),
        ("formats/people.export.json", FixtureFormat::Export),
        ("formats/export", FixtureFormat::Export),
        (
            "formats/export/manifest-summary.json",
            FixtureFormat::Export,
        ),
    ];
    for (file, format) in cases {
        let fixture = Fixture::read(path(file)).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(fixture.format(), format, "{file}");
    }
}

// Through the macro, on both stores.

#[ddbmock::test(
    stores(memory, sqlite),
    fixtures(
        "tests/fixtures/formats/create_table.json",
        "tests/fixtures/formats/batch_request.json",
        "tests/fixtures/formats/batch_map.json"
    )
)]
async fn batch_write_requests_load_through_the_macro(db: Engine) {
    assert_eq!(items(&db, "people").await, batched());
}

#[ddbmock::test(
    stores(memory, sqlite),
    fixtures(
        "tests/fixtures/formats/create_table.json",
        "tests/fixtures/formats/export"
    )
)]
async fn an_export_directory_loads_through_the_macro(db: Engine) {
    assert_eq!(items(&db, "people").await, exported());
}

#[ddbmock::test(
    stores(memory, sqlite),
    fixtures(
        "tests/fixtures/formats/create_table.json",
        "tests/fixtures/formats/people.export.json"
    )
)]
async fn a_lone_export_data_file_loads_into_the_table_it_is_named_after(db: Engine) {
    assert_eq!(items(&db, "people").await, exported_lone());
}

#[ddbmock::test(
    stores(memory, sqlite),
    fixtures(
        "tests/fixtures/users.json",
        "tests/fixtures/formats/create_table.json",
        "tests/fixtures/formats/batch_large.json",
        "tests/fixtures/formats/export/manifest-summary.json"
    )
)]
async fn formats_mix_in_one_fixture_list(db: Engine) {
    assert_eq!(ids(&items(&db, "users").await), ["u-1", "u-2"]);
    let people = items(&db, "people").await;
    assert_eq!(people.len(), 63);
    assert_eq!(&people[60..], exported());
}

#[ddbmock::test(fixtures(
    "tests/fixtures/formats/create_table.json",
    "tests/fixtures/bad/batch_bad_item.json"
))]
#[should_panic(
    expected = "tests/fixtures/bad/batch_bad_item.json: fixture request 27 of table \"people\": BatchWriteItem failed with ValidationException: One or more parameter values were invalid: Missing the key id in the item"
)]
async fn a_bad_fixture_fails_the_test_naming_file_request_and_error(_db: Engine) {}

// Through `Fixture`, on both stores.

#[tokio::test]
async fn batch_write_requests_load() {
    for db in engines() {
        load(
            &db,
            &[
                "formats/create_table.json",
                "formats/batch_request.json",
                "formats/batch_map.json",
            ],
        )
        .await
        .unwrap();
        assert_eq!(items(&db, "people").await, batched());
    }
}

#[tokio::test]
async fn more_than_25_requests_load_in_batches() {
    for db in engines() {
        load(
            &db,
            &["formats/create_table.json", "formats/batch_large.json"],
        )
        .await
        .unwrap();
        let people = items(&db, "people").await;
        let want: Vec<Item> = (0..60)
            .map(|n| item! { "id" => format!("n-{n:02}"), "n" => n })
            .collect();
        assert_eq!(people, want);
    }
}

#[tokio::test]
async fn unprocessed_items_are_sent_again() {
    let db = Engine::memory();
    load(&db, &["formats/create_table.json"]).await.unwrap();
    // Half of every batch comes back unprocessed: the load must still write all 60.
    let flaky = Mock::new(db.clone()).unprocessed(0.5, 7);
    load(&flaky, &["formats/batch_large.json"]).await.unwrap();
    assert_eq!(items(&db, "people").await.len(), 60);
}

#[tokio::test]
async fn requests_never_processed_end_the_load() {
    let db = Engine::memory();
    load(&db, &["formats/create_table.json"]).await.unwrap();
    let stuck = Mock::new(db.clone()).unprocessed(1.0, 7);
    let e = load(&stuck, &["formats/batch_large.json"])
        .await
        .unwrap_err();
    assert_eq!(
        e,
        format!(
            "{}: fixture requests 0 to 24 of table \"people\": BatchWriteItem left 25 unprocessed after 8 calls in a row that wrote none",
            path("formats/batch_large.json")
        )
    );
    assert!(items(&db, "people").await.is_empty());
}

#[tokio::test]
async fn an_export_directory_loads() {
    for db in engines() {
        load(&db, &["formats/create_table.json", "formats/export"])
            .await
            .unwrap();
        assert_eq!(items(&db, "people").await, exported());
    }
}

#[tokio::test]
async fn a_lone_export_data_file_loads() {
    for db in engines() {
        load(
            &db,
            &["formats/create_table.json", "formats/people.export.json"],
        )
        .await
        .unwrap();
        assert_eq!(items(&db, "people").await, exported_lone());
    }
}

#[tokio::test]
async fn export_data_loads_into_a_named_table() {
    let db = Engine::memory();
    load(&db, &["users.json"]).await.unwrap();
    let data = "{\"Item\":{\"id\":{\"S\":\"u-9\"}}}\n{\"Item\":{\"id\":{\"S\":\"u-8\"}}}\n";
    Fixture::from_export_data("users", data)
        .unwrap()
        .load(&db)
        .await
        .unwrap();
    assert_eq!(
        ids(&items(&db, "users").await),
        ["u-1", "u-2", "u-8", "u-9"]
    );
}

// Errors.

/// The error loading `files` in order into a fresh engine gives.
async fn load_error(files: &[&str]) -> String {
    match load(&Engine::memory(), files).await {
        Ok(()) => panic!("{files:?} loaded"),
        Err(e) => e,
    }
}

#[tokio::test]
async fn a_bad_request_in_a_batch_is_singled_out() {
    let e = load_error(&["formats/create_table.json", "bad/batch_bad_item.json"]).await;
    assert_eq!(
        e,
        format!(
            "{}: fixture request 27 of table \"people\": BatchWriteItem failed with ValidationException: One or more parameter values were invalid: Missing the key id in the item",
            path("bad/batch_bad_item.json")
        )
    );
}

#[tokio::test]
async fn a_key_twice_in_one_batch_is_refused_as_dynamodb_refuses_it() {
    let e = load_error(&["formats/create_table.json", "bad/batch_duplicates.json"]).await;
    assert_eq!(
        e,
        format!(
            "{}: fixture requests 0 to 1 of table \"people\": BatchWriteItem failed with ValidationException: Provided list of item keys contains duplicates",
            path("bad/batch_duplicates.json")
        )
    );
}

#[tokio::test]
async fn a_batch_into_a_missing_table_is_refused() {
    let e = load_error(&["bad/batch_no_table.json"]).await;
    assert_eq!(
        e,
        format!(
            "{}: fixture request 0 of table \"ghosts\": BatchWriteItem failed with ResourceNotFoundException: Requested resource not found",
            path("bad/batch_no_table.json")
        )
    );
}

#[tokio::test]
async fn a_bad_export_item_names_its_line() {
    let e = load_error(&["formats/create_table.json", "bad/people.json"]).await;
    assert_eq!(
        e,
        format!(
            "{}: fixture line 4: PutItem into table \"people\" failed with ValidationException: One or more parameter values were invalid: Missing the key id in the item",
            path("bad/people.json")
        )
    );
}

#[tokio::test]
async fn export_data_into_a_missing_table_names_file_and_line() {
    let e = load_error(&["formats/export"]).await;
    assert_eq!(
        e,
        format!(
            "{}: data/kq3tsnbmdq4pzbpyqvqxvvq7hm.json.gz: fixture line 1: PutItem into table \"people\" failed with ResourceNotFoundException: Requested resource not found",
            path("formats/export")
        )
    );
}

#[tokio::test]
async fn bad_json_in_export_data_names_its_line() {
    let e = load_error(&["bad/syntax/people.json"]).await;
    assert_eq!(
        e,
        format!(
            "fixture {} is not valid: EOF while parsing an object at line 3 column 0",
            path("bad/syntax/people.json")
        )
    );
}

#[tokio::test]
async fn an_export_must_hold_the_items_its_manifest_lists() {
    let e = load_error(&["bad/export_count"]).await;
    assert_eq!(
        e,
        format!(
            "fixture {} is not valid: manifest-files.json gives it an itemCount of 2, but it holds 1",
            path("bad/export_count/data/aaaa.json.gz")
        )
    );
}

#[tokio::test]
async fn an_ion_export_is_refused() {
    let e = load_error(&["bad/export_ion"]).await;
    assert_eq!(
        e,
        format!(
            "fixture {} is not valid: export format ION is not supported: export as DYNAMODB_JSON",
            path("bad/export_ion/manifest-summary.json")
        )
    );
}

#[tokio::test]
async fn an_unknown_format_is_refused_listing_the_formats() {
    let e = load_error(&["bad/unknown.json"]).await;
    assert_eq!(
        e,
        format!(
            "fixture {} is not valid: unknown format: expected ddbmock's {{\"Tables\", \"Items\"}}, a CreateTable request, a BatchWriteItem request (with or without \"RequestItems\"), DynamoDB export data ({{\"Item\": …}} lines) or an export's manifest-summary.json",
            path("bad/unknown.json")
        )
    );
}

#[test]
fn export_data_without_a_file_names_no_table() {
    let e = Fixture::from_json("{\"Item\":{\"id\":{\"S\":\"u-9\"}}}\n").unwrap_err();
    assert_eq!(
        e.to_string(),
        "fixture is not valid: DynamoDB export data names no table: name its file after the table (users.json.gz), load its export directory, or use Fixture::from_export_data"
    );
}

#[test]
fn a_batch_request_refuses_unknown_members() {
    let e = Fixture::from_json(r#"{"RequestItems": {}, "ReturnValues": "NONE"}"#).unwrap_err();
    assert_eq!(
        e.to_string(),
        "fixture is not valid: unknown field `ReturnValues`, expected one of `RequestItems`, `ReturnConsumedCapacity`, `ReturnItemCollectionMetrics` at line 1 column 35"
    );
}

#[tokio::test]
async fn an_incremental_export_is_refused() {
    let e = load_error(&["bad/export_incremental"]).await;
    assert_eq!(
        e,
        format!(
            "fixture {} is not valid: export type INCREMENTAL_EXPORT is not supported: only a FULL_EXPORT holds whole items",
            path("bad/export_incremental/manifest-summary.json")
        )
    );
}

#[tokio::test]
async fn an_export_without_a_table_arn_is_refused() {
    let e = load_error(&["bad/export_no_table"]).await;
    assert_eq!(
        e,
        format!(
            "fixture {} is not valid: tableArn names no table",
            path("bad/export_no_table/manifest-summary.json")
        )
    );
}

#[test]
fn a_manifest_summary_needs_its_directory() {
    let e = Fixture::from_json(r#"{"manifestFilesS3Key": "m.json"}"#).unwrap_err();
    assert_eq!(
        e.to_string(),
        "fixture is not valid: an export's manifest-summary.json needs its directory: use Fixture::read"
    );
}

/// A file under the test target's temporary directory, written with `bytes`.
fn temp_file(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("fixtures");
    let path = dir.join(name);
    if let Err(e) = std::fs::create_dir_all(&dir).and_then(|()| std::fs::write(&path, bytes)) {
        panic!("{}: {e}", path.display());
    }
    path
}

#[tokio::test]
async fn gzip_members_are_read_one_after_another() {
    use std::io::Write;
    let gzip = |text: &str| {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(text.as_bytes()).unwrap();
        encoder.finish().unwrap()
    };
    let mut bytes = gzip("{\"Item\":{\"id\":{\"S\":\"g-1\"}}}\n");
    bytes.extend(gzip("{\"Item\":{\"id\":{\"S\":\"g-2\"}}}\n"));
    let path = temp_file("people.json.gz", &bytes);
    let db = Engine::memory();
    load(&db, &["formats/create_table.json"]).await.unwrap();
    let fixture = Fixture::read(&path).unwrap();
    fixture.load(&db).await.unwrap();
    assert_eq!(ids(&items(&db, "people").await), ["g-1", "g-2"]);
}

#[test]
fn a_corrupt_gzip_is_a_read_error() {
    let path = temp_file("corrupt.json.gz", &[0x1f, 0x8b, 0, 1, 2, 3]);
    let e = Fixture::read(&path).unwrap_err().to_string();
    assert_eq!(
        e,
        format!(
            "cannot read fixture {}: unexpected end of file",
            path.display()
        )
    );
}

#[test]
fn text_must_be_utf8() {
    let path = temp_file(
        "latin1.json",
        b"{\"Items\": {\"t\": [{\"s\": {\"S\": \"\xe9\"}}]}}",
    );
    let e = Fixture::read(&path).unwrap_err().to_string();
    assert_eq!(
        e,
        format!(
            "fixture {} is not valid: not UTF-8 text: invalid utf-8 sequence of 1 bytes from index 30",
            path.display()
        )
    );
}

#[test]
fn empty_and_non_object_files_are_refused() {
    let formats = "expected ddbmock's {\"Tables\", \"Items\"}, a CreateTable request, a BatchWriteItem request (with or without \"RequestItems\"), DynamoDB export data ({\"Item\": …} lines) or an export's manifest-summary.json";
    for (text, why) in [(" \n", "it is empty"), ("[1]", "it is not a JSON object")] {
        let e = Fixture::from_json(text).unwrap_err();
        assert_eq!(
            e.to_string(),
            format!("fixture is not valid: {why}: {formats}")
        );
    }
}
