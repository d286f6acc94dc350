//! The files of an export in DynamoDB's layout (DynamoDB JSON format):
//!
//! ```text
//! <prefix>/AWSDynamoDB/<ExportId>/_started
//! <prefix>/AWSDynamoDB/<ExportId>/manifest-summary.json      (+ manifest-summary.checksum)
//! <prefix>/AWSDynamoDB/<ExportId>/manifest-files.json        (+ manifest-files.checksum)
//! <prefix>/AWSDynamoDB/<ExportId>/data/<name>.json.gz         gzip'd lines {"Item":{...}}
//! <prefix>/AWSDynamoDB/data/<name>.json.gz                    an incremental export's data files
//! ```
//!
//! In the ION format the data files are `<name>.ion.gz`, of lines `$ion_1_0 {Item:{...}}` (see
//! `ion`), and the summary's `outputFormat` is `ION`.
//!
//! An incremental export's data files share one `data/` folder under `AWSDynamoDB/` (its
//! manifest-files.json names which are its own), and its summary adds `exportType` and
//! `outputView`. Unconfirmed: that layout is from secondary sources quoting the guide (its stored
//! copy here has only the full-export part), and agrees with exports captured from DynamoDB that
//! public test fixtures hold.
//!
//! The manifests' fields are those of the Developer Guide's "DynamoDB table export output format".
//! Unconfirmed: the `.checksum` files' content, which the guide does not describe (ddbmock writes
//! the manifest's MD5 digest in hex), and the data files' names (random, as DynamoDB's are).

use std::io::Write as _;

use base64::Engine as _;
use md5::{Digest, Md5};
use serde_json::{Value, json};

/// Items per data file: DynamoDB writes a file per partition; ddbmock, a file per this many items
/// (at least one file, empty for an empty table, as for an empty partition).
pub(crate) const ITEMS_PER_FILE: usize = 100_000;

/// A data file, gzip'd, with what manifest-files.json says of it.
pub(crate) struct DataFile {
    pub(crate) name: String,
    pub(crate) bytes: Vec<u8>,
    pub(crate) items: usize,
}

/// The gzip'd file of `lines` (each one record, written with a newline after it), named with the
/// extension `ext` (`json` or `ion`).
pub(crate) fn lines_file(lines: &[String], ext: &str) -> std::io::Result<DataFile> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    for line in lines {
        gz.write_all(line.as_bytes())?;
        gz.write_all(b"\n")?;
    }
    Ok(DataFile {
        name: format!("{}.{ext}.gz", random_name()),
        bytes: gz.finish()?,
        items: lines.len(),
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
    /// `DYNAMODB_JSON` or `ION`.
    pub(crate) format: &'a str,
    /// An incremental export's view type (`outputView`); `None` for a full export, whose summary
    /// has neither `outputView` nor `exportType`.
    pub(crate) incremental_view: Option<&'a str>,
}

/// manifest-summary.json.
pub(crate) fn summary(s: &Summary<'_>) -> Value {
    let mut summary = json!({
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
        "outputFormat": s.format,
    });
    if let (Some(view), Some(fields)) = (s.incremental_view, summary.as_object_mut()) {
        fields.insert("exportType".to_owned(), json!("INCREMENTAL_EXPORT"));
        fields.insert("outputView".to_owned(), json!(view));
    }
    summary
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
    use ddbmock_core::model::{AttributeValue, Item};
    use std::io::Read;

    #[test]
    fn times_print_as_the_manifest_example() {
        assert_eq!(iso8601(1_604_474_914.028), "2020-11-04T07:28:34.028Z");
        assert_eq!(iso8601(0.0), "1970-01-01T00:00:00.000Z");
    }

    #[test]
    fn a_data_file_is_gzip_json_lines_of_items() {
        let item = Item::from([("pk".to_owned(), AttributeValue::S("a".into()))]);
        let line = serde_json::to_string(&json!({ "Item": item })).unwrap();
        let file = lines_file(&[line.clone(), line], "json").unwrap();
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
