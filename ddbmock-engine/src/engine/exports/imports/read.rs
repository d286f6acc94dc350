//! Reading an import's source text into items: DynamoDB JSON lines
//! (`{"Item":{...}}`, as an export writes them) or CSV.
//!
//! CSV, as DynamoDB reads it: the first line is the header unless `HeaderList` names the columns;
//! key attributes take the type of their attribute definition, every other non-empty field is a
//! string (`S`); an empty field is left out of the item. Fields may be quoted with `"` (a quote
//! within doubled), and a quoted field may span lines (RFC 4180).

use ddbmock_core::model::{AttributeValue, Item, export_line};
use ddbmock_core::operation::{AttributeDefinition, ScalarAttributeType};

/// One record of a source file: an item, or the reason it is not one.
pub(crate) type Record = Result<Item, String>;

/// The records of DynamoDB JSON text: one `{"Item":{...}}` per non-blank line.
pub(crate) fn dynamodb_json(text: &str) -> Vec<Record> {
    export_line::lines(text)
        .map(|(_, span)| {
            export_line::parse(&text[span])
                .map_err(|e| format!("not a DynamoDB JSON item line: {e}"))
        })
        .collect()
}

/// The records of CSV text, its fields split at `delimiter`, with the columns `header` (or the
/// first row's), the key attributes typed by `definitions`.
pub(crate) fn csv(
    text: &str,
    delimiter: char,
    header: Option<&[String]>,
    definitions: &[AttributeDefinition],
) -> Vec<Record> {
    let mut rows = rows(text, delimiter).into_iter();
    let columns: Vec<String> = match header {
        Some(h) => h.to_vec(),
        None => match rows.next() {
            Some(Ok(first)) => first,
            Some(Err(e)) => return vec![Err(e)],
            None => return Vec::new(),
        },
    };
    rows.map(|row| {
        let row = row?;
        if row.len() != columns.len() {
            return Err(format!(
                "the row has {} fields and the header {}",
                row.len(),
                columns.len()
            ));
        }
        let mut item = Item::with_capacity(row.len());
        for (name, field) in columns.iter().zip(row) {
            if field.is_empty() {
                continue;
            }
            let ty = definitions
                .iter()
                .find(|d| d.attribute_name.as_deref() == Some(name.as_str()))
                .and_then(|d| d.attribute_type.clone());
            let value = match ty {
                Some(ScalarAttributeType::N) => AttributeValue::N(field),
                Some(ScalarAttributeType::B) => {
                    use base64::Engine as _;
                    let bytes = base64::engine::general_purpose::STANDARD
                        .decode(field.as_bytes())
                        .map_err(|_| format!("{name} is not base64"))?;
                    AttributeValue::B(bytes)
                }
                _ => AttributeValue::S(field),
            };
            item.insert(name.clone(), value);
        }
        Ok(item)
    })
    .collect()
}

/// The rows of CSV text: each a list of fields, or an error for an unterminated quote (which ends
/// the text). Blank lines are skipped.
fn rows(text: &str, delimiter: char) -> Vec<Result<Vec<String>, String>> {
    let mut out = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    let mut started = false;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => {
                quoted = true;
                started = true;
            }
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                if started || !field.is_empty() || !row.is_empty() {
                    row.push(std::mem::take(&mut field));
                    out.push(Ok(std::mem::take(&mut row)));
                }
                started = false;
            }
            c if c == delimiter => {
                row.push(std::mem::take(&mut field));
                started = true;
            }
            _ => {
                field.push(c);
                started = true;
            }
        }
    }
    if quoted {
        out.push(Err("a quoted field is not terminated".to_owned()));
    } else if started || !field.is_empty() || !row.is_empty() {
        row.push(field);
        out.push(Ok(row));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn def(name: &str, ty: ScalarAttributeType) -> AttributeDefinition {
        AttributeDefinition {
            attribute_name: Some(name.to_owned()),
            attribute_type: Some(ty),
        }
    }

    #[test]
    fn csv_rows_follow_rfc_4180() {
        let rows = rows("a,\"b,c\",\"d\"\"e\"\r\n\n\"x\ny\",,z", ',');
        assert_eq!(
            rows,
            vec![
                Ok(vec!["a".to_owned(), "b,c".to_owned(), "d\"e".to_owned()]),
                Ok(vec!["x\ny".to_owned(), String::new(), "z".to_owned()]),
            ]
        );
        assert_eq!(
            super::rows("\"open", ','),
            vec![Err("a quoted field is not terminated".to_owned())]
        );
    }

    #[test]
    fn csv_keys_take_their_definitions_type_and_the_rest_are_strings() {
        let defs = [
            def("pk", ScalarAttributeType::S),
            def("n", ScalarAttributeType::N),
        ];
        let records = csv("pk;n;note\na;1;\nb;2;hi;extra\n", ';', None, &defs);
        assert_eq!(records.len(), 2);
        let first = records[0].as_ref().unwrap();
        assert_eq!(first.get("n"), Some(&AttributeValue::N("1".into())));
        assert!(!first.contains_key("note"));
        assert_eq!(
            records[1],
            Err("the row has 4 fields and the header 3".to_owned())
        );
        let header = ["pk".to_owned(), "note".to_owned()];
        let listed = csv("a|hi\n", '|', Some(&header), &defs);
        assert_eq!(
            listed[0].as_ref().unwrap().get("note"),
            Some(&AttributeValue::S("hi".into()))
        );
    }

    #[test]
    fn json_lines_are_items_or_errors() {
        let records = dynamodb_json("{\"Item\":{\"pk\":{\"S\":\"a\"}}}\n\nnot json\n");
        assert_eq!(records.len(), 2);
        assert!(records[0].is_ok());
        assert!(records[1].is_err());
    }
}
