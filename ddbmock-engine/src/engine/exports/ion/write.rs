//! Items as the lines of an Ion export: `$ion_1_0 {Item:{...}}`, in Ion's text format, with the
//! Developer Guide's mapping (see the module above).

use std::fmt::Write as _;

use base64::Engine as _;

use ddbmock_core::model::{AttributeValue, Item};

/// The line of `item` in an Ion export (no newline).
pub(crate) fn item_line(item: &Item) -> String {
    let mut out = String::from("$ion_1_0 {Item:");
    write_struct(&mut out, item);
    out.push('}');
    out
}

/// The line of an incremental export's change in Ion: the same members as its DynamoDB JSON
/// line, each a struct.
pub(crate) fn change_line(
    micros: u64,
    keys: &Item,
    new: Option<&Item>,
    old: Option<&Item>,
) -> String {
    let mut out = format!("$ion_1_0 {{Metadata:{{WriteTimestampMicros:{micros}.}},Keys:");
    write_struct(&mut out, keys);
    for (name, image) in [("NewImage", new), ("OldImage", old)] {
        if let Some(image) = image {
            out.push(',');
            out.push_str(name);
            out.push(':');
            write_struct(&mut out, image);
        }
    }
    out.push('}');
    out
}

/// A map as an Ion struct, its fields in name order (deterministic files).
fn write_struct<'a>(
    out: &mut String,
    fields: impl IntoIterator<Item = (&'a String, &'a AttributeValue)>,
) {
    let mut fields: Vec<_> = fields.into_iter().collect();
    fields.sort_by(|a, b| a.0.cmp(b.0));
    out.push('{');
    for (i, (name, value)) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_field_name(out, name);
        out.push(':');
        write_value(out, value);
    }
    out.push('}');
}

fn write_value(out: &mut String, value: &AttributeValue) {
    match value {
        AttributeValue::S(s) => write_string(out, s),
        AttributeValue::N(n) => out.push_str(&decimal(n)),
        AttributeValue::B(b) => write_blob(out, b),
        AttributeValue::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        // Unconfirmed: the guide's table has no NULL; Ion's null is the value that fits.
        AttributeValue::Null(_) => out.push_str("null"),
        AttributeValue::Ss(v) => write_list(out, "$dynamodb_SS::", v, |o, s| write_string(o, s)),
        AttributeValue::Ns(v) => {
            write_list(out, "$dynamodb_NS::", v, |o, n| o.push_str(&decimal(n)))
        }
        AttributeValue::Bs(v) => write_list(out, "$dynamodb_BS::", v, |o, b| write_blob(o, b)),
        AttributeValue::L(v) => write_list(out, "", v, write_value),
        AttributeValue::M(m) => write_struct(out, m),
    }
}

fn write_list<T>(out: &mut String, annotation: &str, values: &[T], each: impl Fn(&mut String, &T)) {
    out.push_str(annotation);
    out.push('[');
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        each(out, v);
    }
    out.push(']');
}

fn write_blob(out: &mut String, bytes: &[u8]) {
    out.push_str("{{");
    out.push_str(&base64::engine::general_purpose::STANDARD.encode(bytes));
    out.push_str("}}");
}

/// A field name: bare when it is an identifier that is not a keyword, else a quoted symbol.
fn write_field_name(out: &mut String, name: &str) {
    let mut chars = name.chars();
    let identifier = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !matches!(name, "null" | "true" | "false" | "nan");
    if identifier {
        out.push_str(name);
    } else {
        write_quoted(out, name, '\'');
    }
}

fn write_string(out: &mut String, s: &str) {
    write_quoted(out, s, '"');
}

fn write_quoted(out: &mut String, s: &str, quote: char) {
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push(quote);
}

/// A DynamoDB number as an Ion decimal, as the guide's example writes them: `103.` for 103, `6d2`
/// for 600, `1.5` for 1.5 (the coefficient without trailing zeros, and its exponent).
pub(crate) fn decimal(n: &str) -> String {
    let (negative, unsigned) = match n.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, n.strip_prefix('+').unwrap_or(n)),
    };
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(at) => (&unsigned[..at], unsigned[at + 1..].parse::<i64>().ok()),
        None => (unsigned, Some(0)),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let (Some(exponent), true) = (
        exponent,
        (int.len() + frac.len() > 0)
            && (int.chars().chain(frac.chars())).all(|c| c.is_ascii_digit()),
    ) else {
        // Not a number's text: stored numbers always are, so this is never written.
        return n.to_owned();
    };
    let mut exponent = exponent - frac.len() as i64;
    let digits = format!("{int}{frac}");
    let digits = digits.trim_start_matches('0');
    if digits.is_empty() {
        return "0.".to_owned();
    }
    let mut digits = digits.to_owned();
    while digits.ends_with('0') {
        digits.pop();
        exponent += 1;
    }
    let sign = if negative { "-" } else { "" };
    match exponent {
        0 => format!("{sign}{digits}."),
        e if e > 0 => format!("{sign}{digits}d{e}"),
        e => {
            let point = usize::try_from(-e).unwrap_or(usize::MAX);
            if digits.len() > point {
                let (whole, part) = digits.split_at(digits.len() - point);
                format!("{sign}{whole}.{part}")
            } else {
                format!("{sign}0.{}{digits}", "0".repeat(point - digits.len()))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_write_as_the_guide_shows() {
        for (n, ion) in [
            ("103", "103."),
            ("600", "6d2"),
            ("2000", "2d3"),
            ("1.5", "1.5"),
            ("-1.50", "-1.5"),
            ("0.001", "0.001"),
            ("12.345", "12.345"),
            ("0", "0."),
            ("1E+3", "1d3"),
            ("1.5E-3", "0.0015"),
        ] {
            assert_eq!(decimal(n), ion, "{n}");
        }
    }

    #[test]
    fn an_item_is_one_line_of_the_guides_shape() {
        let item = Item::from([
            (
                "Authors".to_owned(),
                AttributeValue::Ss(vec!["Author1".into(), "Author2".into()]),
            ),
            ("Id".to_owned(), AttributeValue::N("103".into())),
            ("InPublication".to_owned(), AttributeValue::Bool(false)),
            ("PageCount".to_owned(), AttributeValue::N("600".into())),
            (
                "Title".to_owned(),
                AttributeValue::S("Book \"103\"\n".into()),
            ),
            ("odd name".to_owned(), AttributeValue::B(b"hi".to_vec())),
            (
                "n".to_owned(),
                AttributeValue::L(vec![AttributeValue::Null(true)]),
            ),
        ]);
        assert_eq!(
            item_line(&item),
            "$ion_1_0 {Item:{Authors:$dynamodb_SS::[\"Author1\",\"Author2\"],Id:103.,InPublication:false,PageCount:6d2,Title:\"Book \\\"103\\\"\\n\",n:[null],'odd name':{{aGk=}}}}"
        );
    }

    #[test]
    fn a_change_has_the_json_lines_members() {
        let key = Item::from([("pk".to_owned(), AttributeValue::S("a".into()))]);
        let mut new = key.clone();
        new.insert("v".to_owned(), AttributeValue::N("2".into()));
        assert_eq!(
            change_line(7, &key, Some(&new), Some(&key)),
            "$ion_1_0 {Metadata:{WriteTimestampMicros:7.},Keys:{pk:\"a\"},NewImage:{pk:\"a\",v:2.},OldImage:{pk:\"a\"}}"
        );
        assert_eq!(
            change_line(7, &key, None, None),
            "$ion_1_0 {Metadata:{WriteTimestampMicros:7.},Keys:{pk:\"a\"}}"
        );
    }
}
