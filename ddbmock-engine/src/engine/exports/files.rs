//! The files of an export in DynamoDB's layout (DynamoDB JSON format):
//!
//! ```text
//! <prefix>/AWSDynamoDB/<ExportId>/_started
//! <prefix>/AWSDynamoDB/<ExportId>/manifest-summary.json      (+ manifest-summary.checksum)
//! <prefix>/AWSDynamoDB/<ExportId>/manifest-files.json        (+ manifest-files.checksum)
//! <prefix>/AWSDynamoDB/<ExportId>/data/<name>.json.gz         gzip'd lines {"Item":{...}}
//! ```
//!
//! The manifests' fields are those of the Developer Guide's "DynamoDB table export output format".
//! Unconfirmed: the `.checksum` files' content, which the guide does not describe (ddbmock writes
//! the manifest's MD5 digest in hex), and the data files' names (random, as DynamoDB's are).

use std::io::Write as _;

use base64::Engine as _;
use md5::{Digest, Md5};
use serde_json::{Value, json};

use ddbmock_core::model::{Item, export_line};

/// Items per data file: DynamoDB writes a file per partition; ddbmock, a file per this many items
/// (at least one file, empty for an empty table, as for an empty partition).
pub(crate) const ITEMS_PER_FILE: usize = 100_000;

/// A data file, gzip'd, with what manifest-files.json says of it.
pub(crate) struct DataFile {
    pub(crate) name: String,
    pub(crate) bytes: Vec<u8>,
    pub(crate) items: usize,
}

/// The gzip'd JSON lines `{"Item":{...}}` of `items`.
pub(crate) fn data_file(items: &[Item]) -> std::io::Result<DataFile> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    let mut line = Vec::new();
    for item in items {
        line.clear();
        export_line::write(&mut line, item)?;
        gz.write_all(&line)?;
    }
    Ok(DataFile {
        name: format!("{}.json.gz", random_name()),
        bytes: gz.finish()?,
        items: items.len(),
    })
}

/// A data file's line of manifest-files.json (one JSON object per line).
pub(crate) fn files_line(file: &DataFile, key: &str) -> String {
    let digest = Md5::digest(&file.bytes);
    json!({
        "itemCount": file.items,
        "md5Checksum": base64::engine::general_purpose::STANDARD.encode(digest),
        "etag": hex(&digest),
        "dataFileS3Key": key,
    })
    .to_string()
}

/// What manifest-summary.json says of an export.
pub(crate) struct Summary<'a> {
    pub(crate) export_arn: &'a str,
    pub(crate) start: f64,
    pub(crate) end: f64,
    pub(crate) table_arn: &'a str,
    pub(crate) table_id: &'a str,
    pub(crate) export_time: f64,
    pub(crate) bucket: &'a str,
    pub(crate) prefix: Option<&'a str>,
    pub(crate) sse: &'a str,
    pub(crate) sse_kms_key: Option<&'a str>,
    pub(crate) files_key: &'a str,
    pub(crate) billed_bytes: i64,
    pub(crate) items: i64,
}

/// manifest-summary.json.
pub(crate) fn summary(s: &Summary<'_>) -> Value {
    json!({
        "version": "2020-06-30",
        "exportArn": s.export_arn,
        "startTime": iso8601(s.start),
        "endTime": iso8601(s.end),
        "tableArn": s.table_arn,
        "tableId": s.table_id,
        "exportTime": iso8601(s.export_time),
        "s3Bucket": s.bucket,
        "s3Prefix": s.prefix,
        "s3SseAlgorithm": s.sse,
        "s3SseKmsKeyId": s.sse_kms_key,
        "manifestFilesS3Key": s.files_key,
        "billedSizeBytes": s.billed_bytes,
        "itemCount": s.items,
        "outputFormat": "DYNAMODB_JSON",
    })
}

/// The content of a manifest's `.checksum` file.
pub(crate) fn checksum(bytes: &[u8]) -> String {
    hex(&Md5::digest(bytes))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A random lowercase name of 26 characters, like DynamoDB's data file names.
fn random_name() -> String {
    let a = super::super::create_table::random_uuid().replace('-', "");
    let b = super::super::create_table::random_uuid().replace('-', "");
    format!("{a}{b}")[..26].to_owned()
}

/// Epoch seconds as ISO 8601 with milliseconds (`2020-11-04T07:28:34.028Z`), as the manifests
/// write times.
pub(crate) fn iso8601(seconds: f64) -> String {
    let millis = (seconds * 1000.0).round() as i64;
    let (secs, ms) = (millis.div_euclid(1000), millis.rem_euclid(1000));
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (y, mo, d) = ddbmock_core::time::civil_from_days(days);
    format!(
        "{y:04}-{mo:02}-{d:02}T{:02}:{:02}:{:02}.{ms:03}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use ddbmock_core::model::AttributeValue;
    use std::io::Read;

    #[test]
    fn times_print_as_the_manifest_example() {
        assert_eq!(iso8601(1_604_474_914.028), "2020-11-04T07:28:34.028Z");
        assert_eq!(iso8601(0.0), "1970-01-01T00:00:00.000Z");
    }

    #[test]
    fn a_data_file_is_gzip_json_lines_of_items() {
        let item = Item::from([("pk".to_owned(), AttributeValue::S("a".into()))]);
        let file = data_file(&[item.clone(), item]).unwrap();
        assert!(file.name.ends_with(".json.gz"));
        let mut text = String::new();
        flate2::read::GzDecoder::new(&file.bytes[..])
            .read_to_string(&mut text)
            .unwrap();
        assert_eq!(text, "{\"Item\":{\"pk\":{\"S\":\"a\"}}}\n".repeat(2));
        let line: Value = serde_json::from_str(&files_line(&file, "k")).unwrap();
        assert_eq!(line["itemCount"], 2);
        assert_eq!(line["dataFileS3Key"], "k");
        assert_eq!(line["etag"].as_str().unwrap().len(), 32);
    }
}
