//! Where each request of a BatchWriteItem JSON document is in its text: the byte span of every
//! element of every table's array, so that a bad item can be named by its line and a good one sent
//! on as it was written, without parsing and printing it again.
//!
//! Only ever run on text `serde_json` has already accepted as JSON, so it need not check syntax.

use std::ops::Range;

/// One table's requests, in file order: the table's name and each request's span.
pub(crate) type TableSpans = (String, Vec<Range<usize>>);

/// The tables of a BatchWriteItem document (`{"T": [...]}`, or the same inside `"RequestItems"`),
/// each with the spans of its array's elements, in file order. `Err` says what in the shape is
/// wrong.
pub(crate) fn batch_tables(text: &str) -> Result<Vec<TableSpans>, String> {
    let members = object_members(text, ws(text.as_bytes(), 0))?;
    if let [(key, value)] = members.as_slice()
        && key == "RequestItems"
    {
        return tables(text, object_members(text, value.start)?);
    }
    tables(text, members)
}

fn tables(text: &str, members: Vec<(String, Range<usize>)>) -> Result<Vec<TableSpans>, String> {
    members
        .into_iter()
        .map(|(table, value)| {
            let elements = array_elements(text.as_bytes(), value.start)
                .ok_or_else(|| format!("the requests of table \"{table}\" are not a JSON array"))?;
            Ok((table, elements))
        })
        .collect()
}

/// The members of the object starting at `at`: each key, decoded, and its value's span.
pub(crate) fn object_members(text: &str, at: usize) -> Result<Vec<(String, Range<usize>)>, String> {
    let bytes = text.as_bytes();
    if bytes.get(at) != Some(&b'{') {
        return Err("a BatchWriteItem request must be a JSON object".to_owned());
    }
    let mut members = Vec::new();
    let mut i = ws(bytes, at + 1);
    if bytes.get(i) == Some(&b'}') {
        return Ok(members);
    }
    loop {
        let key_end = skip(bytes, i);
        let key: String = serde_json::from_str(&text[i..key_end]).map_err(|e| e.to_string())?;
        i = ws(bytes, key_end);
        i = ws(bytes, i + 1); // the colon
        let end = skip(bytes, i);
        members.push((key, i..end));
        i = ws(bytes, end);
        match bytes.get(i) {
            Some(b',') => i = ws(bytes, i + 1),
            _ => return Ok(members),
        }
    }
}

/// The spans of the elements of the array starting at `at`, or `None` if no array starts there.
pub(crate) fn array_elements(bytes: &[u8], at: usize) -> Option<Vec<Range<usize>>> {
    if bytes.get(at) != Some(&b'[') {
        return None;
    }
    let mut elements = Vec::new();
    let mut i = ws(bytes, at + 1);
    if bytes.get(i) == Some(&b']') {
        return Some(elements);
    }
    loop {
        let end = skip(bytes, i);
        elements.push(i..end);
        i = ws(bytes, end);
        match bytes.get(i) {
            Some(b',') => i = ws(bytes, i + 1),
            _ => return Some(elements),
        }
    }
}

pub(crate) fn ws(bytes: &[u8], mut i: usize) -> usize {
    while bytes.get(i).is_some_and(|b| b.is_ascii_whitespace()) {
        i += 1;
    }
    i
}

/// The end of the value starting at `i`. Iterative (a depth count), so deep nesting cannot
/// overflow the stack.
pub(crate) fn skip(bytes: &[u8], mut i: usize) -> usize {
    let mut depth = 0usize;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'"' => {
                i += 1;
                while let Some(&c) = bytes.get(i) {
                    i += if c == b'\\' { 2 } else { 1 };
                    if c == b'"' {
                        break;
                    }
                }
                if depth == 0 {
                    return i;
                }
                continue;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => {
                if depth == 0 {
                    return i;
                }
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            b',' | b':' if depth == 0 => return i,
            c if c.is_ascii_whitespace() && depth == 0 => return i,
            _ => {}
        }
        i += 1;
    }
    i
}

/// Line numbers (from 1) of byte offsets in one text: the newlines' offsets, searched.
pub(crate) struct Lines(Vec<usize>);

impl Lines {
    pub(crate) fn of(text: &str) -> Lines {
        Lines(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i)
                .collect(),
        )
    }

    /// The line of the byte at `offset`.
    pub(crate) fn line(&self, offset: usize) -> usize {
        self.0.partition_point(|&n| n < offset) + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(text: &'a str, tables: &[TableSpans]) -> Vec<(String, Vec<&'a str>)> {
        tables
            .iter()
            .map(|(t, spans)| (t.clone(), spans.iter().map(|s| &text[s.clone()]).collect()))
            .collect()
    }

    #[test]
    fn finds_each_request_of_each_table() {
        let text = r#" {"a": [ {"PutRequest":{"Item":{"k":{"S":"x]}\","}}}} , {"x":[1,[2]]}],
            "b\u0041" : [], "c":[{}]} "#;
        let tables = batch_tables(text).unwrap();
        assert_eq!(
            texts(text, &tables),
            vec![
                (
                    "a".to_owned(),
                    vec![
                        r#"{"PutRequest":{"Item":{"k":{"S":"x]}\","}}}}"#,
                        r#"{"x":[1,[2]]}"#
                    ]
                ),
                ("bA".to_owned(), vec![]),
                ("c".to_owned(), vec!["{}"]),
            ]
        );
    }

    #[test]
    fn looks_inside_request_items() {
        let text = r#"{"RequestItems":{"t":[{"PutRequest":{}}]}}"#;
        let tables = batch_tables(text).unwrap();
        assert_eq!(
            texts(text, &tables),
            vec![("t".to_owned(), vec![r#"{"PutRequest":{}}"#])]
        );
    }

    #[test]
    fn refuses_other_shapes() {
        assert_eq!(
            batch_tables(r#"{"t": {"PutRequest": 1}}"#).unwrap_err(),
            "the requests of table \"t\" are not a JSON array"
        );
        assert_eq!(
            batch_tables("[1]").unwrap_err(),
            "a BatchWriteItem request must be a JSON object"
        );
    }

    #[test]
    fn numbers_lines_from_one() {
        let lines = Lines::of("a\nbc\n\nd");
        assert_eq!(
            [0, 1, 2, 4, 5, 6].map(|o| lines.line(o)),
            [1, 1, 2, 2, 3, 4]
        );
    }
}
