//! Input files of `ddbmock load` and `--seed`: read (gzip or not), told apart by their content, and
//! cut into requests by table, each with its line. Nothing here parses an item: the loader does, so
//! that every error is reported the same way, before anything is written.

use std::io::Read;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::spans::{self, Lines};
use ddbmock::model::{Item, export_line};

/// One input file.
pub(crate) enum Input {
    /// Table definitions: a `CreateTable` request, ddbmock's own fixture format, or an export's
    /// directory; loaded as a fixture (`ddbmock::testing::Fixture`).
    Fixture(PathBuf),
    /// Items to put.
    Data(DataFile),
}

/// The two formats whose requests are items to put.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Format {
    /// DynamoDB's export data: one `{"Item": {...}}` per line.
    Export,
    /// A BatchWriteItem request: `{"Table": [{"PutRequest": {"Item": {...}}}, ...]}`.
    Batch,
}

/// A data file's text and where each of its requests is.
pub(crate) struct DataFile {
    pub(crate) path: PathBuf,
    pub(crate) text: String,
    pub(crate) format: Format,
    /// Each table's requests, in file order.
    pub(crate) tables: Vec<(String, Vec<Entry>)>,
}

/// One request of a data file: its text's span and its line (from 1).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Entry {
    pub(crate) span: Range<usize>,
    pub(crate) line: usize,
}

/// A BatchWriteItem request of a data file: only puts.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BatchRequest {
    #[serde(rename = "PutRequest")]
    put: PutRequest,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PutRequest {
    #[serde(rename = "Item")]
    item: Item,
}

impl DataFile {
    /// The request's text.
    pub(crate) fn text_of(&self, entry: &Entry) -> &str {
        &self.text[entry.span.clone()]
    }

    /// The item a request puts, or what is wrong with the request.
    pub(crate) fn item(&self, entry: &Entry) -> Result<Item, String> {
        let text = self.text_of(entry);
        match self.format {
            Format::Export => export_line::parse(text),
            Format::Batch => serde_json::from_str::<BatchRequest>(text).map(|r| r.put.item),
        }
        .map_err(|e| e.to_string())
    }

    /// The request as BatchWriteItem's `RequestItems` takes it (`{"PutRequest": {...}}`).
    pub(crate) fn request_of(&self, entry: &Entry, out: &mut String) {
        match self.format {
            Format::Export => {
                out.push_str("{\"PutRequest\":");
                out.push_str(self.text_of(entry));
                out.push('}');
            }
            Format::Batch => out.push_str(self.text_of(entry)),
        }
    }
}

/// The files `path` names: itself, or a folder's files (not hidden, by name), or an export
/// directory (a folder with `manifest-summary.json`) as a whole.
pub(crate) fn expand(path: &Path) -> Result<Vec<PathBuf>, String> {
    if !path.is_dir() || path.join("manifest-summary.json").is_file() {
        return Ok(vec![path.to_owned()]);
    }
    let entries =
        std::fs::read_dir(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if !hidden && entry.path().is_file() {
            files.push(entry.path());
        }
    }
    files.sort();
    Ok(files)
}

/// Reads `path` and tells its format. `table` names the table of export data, which names none
/// (by default, the file's name up to its first dot: `users.json.gz` is for `users`).
pub(crate) fn read(path: &Path, table: Option<&str>) -> Result<Input, String> {
    if path.is_dir() {
        return Ok(Input::Fixture(path.to_owned()));
    }
    let named = |e: String| format!("{}: {e}", path.display());
    let raw = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let text = if raw.starts_with(&[0x1f, 0x8b]) {
        let mut text = String::new();
        flate2::read::MultiGzDecoder::new(raw.as_slice())
            .read_to_string(&mut text)
            .map_err(|e| named(format!("not valid gzip of UTF-8 text: {e}")))?;
        text
    } else {
        String::from_utf8(raw).map_err(|e| named(format!("not UTF-8 text: {e}")))?
    };
    match classify(&text).map_err(named)? {
        Kind::Fixture => Ok(Input::Fixture(path.to_owned())),
        Kind::Export => {
            let table = match table {
                Some(table) => table.to_owned(),
                None => table_of(path).map_err(named)?,
            };
            let entries = export_entries(&text);
            Ok(Input::Data(DataFile {
                path: path.to_owned(),
                tables: vec![(table, entries)],
                text,
                format: Format::Export,
            }))
        }
        Kind::Batch => batch_file(path.to_owned(), text)
            .map(Input::Data)
            .map_err(named),
    }
}

/// A BatchWriteItem request's text (valid JSON), cut into its requests.
pub(crate) fn batch_file(path: PathBuf, text: String) -> Result<DataFile, String> {
    let lines = Lines::of(&text);
    let tables = spans::batch_tables(&text)?
        .into_iter()
        .map(|(table, spans)| {
            let entries = spans
                .into_iter()
                .map(|span| Entry {
                    line: lines.line(span.start),
                    span,
                })
                .collect();
            (table, entries)
        })
        .collect();
    Ok(DataFile {
        path,
        text,
        format: Format::Batch,
        tables,
    })
}

#[derive(Debug, PartialEq)]
enum Kind {
    Fixture,
    Export,
    Batch,
}

/// What a file holds, by its first JSON value's members: `{"Item": ...}` begins export data; a
/// document whose members are all arrays (or one `RequestItems`) is a BatchWriteItem request;
/// anything else is left to the fixture reader, which knows the other formats and their errors.
fn classify(text: &str) -> Result<Kind, String> {
    let start = text.len() - text.trim_start().len();
    if !text[start..].starts_with('{') {
        return Err("expected DynamoDB export data ({\"Item\": ...} lines), a BatchWriteItem request, a CreateTable request or ddbmock's fixture format".to_owned());
    }
    let first = &text[start..spans::skip(text.as_bytes(), start)];
    let syntax = |e: serde_json::Error| format!("not valid JSON: {e}");
    serde_json::from_str::<serde::de::IgnoredAny>(first).map_err(syntax)?;
    let members = spans::object_members(first, 0)?;
    if members.len() == 1 && members[0].0 == "Item" {
        return Ok(Kind::Export);
    }
    if text[start + first.len()..].trim().is_empty() {
        let batch = (members.len() == 1 && members[0].0 == "RequestItems")
            || !members.is_empty()
                && members.iter().all(|(name, value)| {
                    name != "Tables" && name != "Items" && first[value.clone()].starts_with('[')
                });
        if batch {
            return Ok(Kind::Batch);
        }
    }
    Ok(Kind::Fixture)
}

/// The table a lone export data file is for: its name up to the first dot, as fixtures name it.
fn table_of(path: &Path) -> Result<String, String> {
    path.file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.split('.').next())
        .filter(|n| !n.is_empty())
        .map(str::to_owned)
        .ok_or_else(|| {
            "DynamoDB export data names no table: name its file after the table (users.json.gz) or pass --table".to_owned()
        })
}

/// Each non-blank line of export data, trimmed.
fn export_entries(text: &str) -> Vec<Entry> {
    export_line::lines(text)
        .map(|(line, span)| Entry { span, line })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_the_formats_apart() {
        assert_eq!(classify("{\"Item\":{}}\n{\"Item\":{}}\n"), Ok(Kind::Export));
        assert_eq!(classify(r#" {"t": [], "u": [{}]} "#), Ok(Kind::Batch));
        assert_eq!(classify(r#"{"RequestItems": {"t": []}}"#), Ok(Kind::Batch));
        assert_eq!(classify(r#"{"Tables": []}"#), Ok(Kind::Fixture));
        assert_eq!(
            classify(r#"{"TableName": "t", "KeySchema": []}"#),
            Ok(Kind::Fixture)
        );
        assert_eq!(
            classify("{\"Item\":{}"),
            Err("not valid JSON: EOF while parsing an object at line 1 column 10".to_owned())
        );
    }

    #[test]
    fn numbers_export_lines_and_skips_blank_ones() {
        let text = "{\"Item\":{}}\r\n\n  {\"Item\":{\"a\":{\"S\":\"b\"}}}  \n";
        let entries = export_entries(text);
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[1].line, 3);
        assert_eq!(
            &text[entries[1].span.clone()],
            "{\"Item\":{\"a\":{\"S\":\"b\"}}}"
        );
    }

    #[test]
    fn names_a_files_table_by_its_name() {
        assert_eq!(
            table_of(Path::new("d/users.json.gz")),
            Ok("users".to_owned())
        );
        assert!(table_of(Path::new(".json")).is_err());
    }
}
