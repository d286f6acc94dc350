//! DynamoDB's export data format (DYNAMODB_JSON), one item per line: `{"Item":{...}}`, as
//! ExportTableToPointInTime writes its data files and ImportTable reads them. The one reader and
//! writer of these lines, shared by the engine's exports and imports and by `ddbmock load` and
//! `ddbmock dump`, so that what one writes the others read.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::Item;

/// One line's content, as DynamoDB writes it: an object with the one member `Item`, nothing else.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Line {
    #[serde(rename = "Item")]
    item: Item,
}

#[derive(Serialize)]
struct LineRef<'a> {
    #[serde(rename = "Item")]
    item: &'a Item,
}

/// Parses one line (without its newline) into its item; the error is serde_json's, naming the
/// column where the line goes wrong.
pub fn parse(line: &str) -> Result<Item, serde_json::Error> {
    serde_json::from_str::<Line>(line).map(|l| l.item)
}

/// `item`'s line, without its newline.
pub fn line(item: &Item) -> Result<String, serde_json::Error> {
    serde_json::to_string(&LineRef { item })
}

/// Appends `item`'s line, newline included, to `out`.
pub fn write(out: &mut Vec<u8>, item: &Item) -> Result<(), serde_json::Error> {
    serde_json::to_writer(&mut *out, &LineRef { item })?;
    out.push(b'\n');
    Ok(())
}

/// Appends the line of an item that is already DynamoDB JSON text (`{"pk":{"S":"a"}}`, as an
/// answer's `Items` hold it), newline included, to `out`, without parsing it.
pub fn write_json(out: &mut Vec<u8>, item: &[u8]) {
    out.extend_from_slice(b"{\"Item\":");
    out.extend_from_slice(item);
    out.extend_from_slice(b"}\n");
}

/// The non-blank lines of export data: each one's number (from 1) and the byte span of its text
/// with surrounding whitespace (a `\r` of CRLF included) trimmed.
pub fn lines(text: &str) -> impl Iterator<Item = (usize, Range<usize>)> + '_ {
    let mut offset = 0;
    text.split('\n')
        .enumerate()
        .filter_map(move |(index, line)| {
            let start = offset;
            offset += line.len() + 1;
            let trimmed = line.trim();
            if trimmed.is_empty() {
                return None;
            }
            let begin = start + (line.len() - line.trim_start().len());
            Some((index + 1, begin..begin + trimmed.len()))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::AttributeValue;

    fn item() -> Item {
        Item::from([
            ("pk".to_owned(), AttributeValue::S("a\"\n".into())),
            ("n".to_owned(), AttributeValue::N("1.5".into())),
        ])
    }

    #[test]
    fn writes_one_line_that_parses_back() {
        let mut out = Vec::new();
        write(&mut out, &item()).unwrap();
        write(&mut out, &Item::new()).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.ends_with("}\n{\"Item\":{}}\n"), "{text}");
        let parsed: Vec<Item> = lines(&text)
            .map(|(_, span)| parse(&text[span]).unwrap())
            .collect();
        assert_eq!(parsed, vec![item(), Item::new()]);
    }

    #[test]
    fn writes_as_dynamodb_does() {
        let one = Item::from([("pk".to_owned(), AttributeValue::S("a".into()))]);
        let mut out = Vec::new();
        write(&mut out, &one).unwrap();
        assert_eq!(out, b"{\"Item\":{\"pk\":{\"S\":\"a\"}}}\n");
        assert_eq!(line(&one).unwrap(), "{\"Item\":{\"pk\":{\"S\":\"a\"}}}");
    }

    #[test]
    fn writes_json_text_as_it_writes_the_item() {
        // One item: a map's member order is its own.
        let item = item();
        let mut typed = Vec::new();
        write(&mut typed, &item).unwrap();
        let mut raw = Vec::new();
        write_json(&mut raw, serde_json::to_string(&item).unwrap().as_bytes());
        assert_eq!(raw, typed);
    }

    #[test]
    fn refuses_other_members_and_shapes() {
        assert_eq!(
            parse(r#"{"Item":{},"x":1}"#).unwrap_err().to_string(),
            "unknown field `x`, expected `Item` at line 1 column 14"
        );
        assert_eq!(
            parse("{}").unwrap_err().to_string(),
            "missing field `Item` at line 1 column 2"
        );
        assert!(parse("not json").is_err());
    }

    #[test]
    fn numbers_lines_and_skips_blank_ones() {
        let text = "{\"Item\":{}}\r\n\n  {\"Item\":{\"a\":{\"S\":\"b\"}}}  \n";
        let found: Vec<_> = lines(text).collect();
        assert_eq!(found.len(), 2);
        assert_eq!(found[0], (1, 0..11));
        assert_eq!(found[1].0, 3);
        assert_eq!(
            &text[found[1].1.clone()],
            "{\"Item\":{\"a\":{\"S\":\"b\"}}}"
        );
    }
}
