//! An Ion import source as records: the text format's values that the guide's mapping covers
//! (see the module above), read with a nesting bound, and each top-level `{Item:{...}}` an item
//! (a top-level list of them too, as the guide's multi-item example is written).
//!
//! Read: `$ion_1_0` markers, comments, `null` (and typed nulls), `true`/`false`, ints, decimals and
//! floats (each a number), `"..."` strings, `{{base64}}` blobs, lists (annotated as a set or not),
//! structs with bare, quoted or string field names. Anything else (symbols as values, timestamps,
//! clobs, S-expressions, long strings, other annotations) makes the record an error. A syntax
//! error ends the object, as DynamoDB skips the rest of a malformed object.

use base64::Engine as _;

use super::super::imports::read::Record;
use ddbmock_core::model::{AttributeValue, Item, Number};

/// How deep values may nest: DynamoDB allows 32 levels of nested attributes; the struct and the
/// `Item` around them add two.
const MAX_DEPTH: usize = 34;

/// An Ion value of the subset read.
enum Value {
    Null,
    Bool(bool),
    /// A number's canonical DynamoDB text, or why it is not one.
    Number(Result<String, String>),
    String(String),
    Symbol(String),
    Blob(Vec<u8>),
    List(Option<String>, Vec<Value>),
    Struct(Vec<(String, Value)>),
}

/// The records of Ion text.
pub(crate) fn records(text: &str) -> Vec<Record> {
    let mut p = Parser {
        s: text.as_bytes(),
        at: 0,
    };
    let mut out = Vec::new();
    loop {
        if let Err(e) = p.skip_space() {
            out.push(Err(e));
            break;
        }
        if p.at >= p.s.len() {
            break;
        }
        match p.value(0) {
            Ok(Value::Symbol(s)) if s == "$ion_1_0" => {}
            Ok(Value::List(None, items)) => out.extend(items.into_iter().map(record)),
            Ok(v) => out.push(record(v)),
            Err(e) => {
                out.push(Err(format!("not Ion text at byte {}: {e}", p.at)));
                break;
            }
        }
    }
    out
}

/// The item a top-level `{Item:{...}}` holds.
fn record(v: Value) -> Record {
    match v {
        Value::Struct(mut fields) if fields.len() == 1 && fields[0].0 == "Item" => {
            match fields.pop().map(|f| attribute(f.1)) {
                Some(Ok(AttributeValue::M(item))) => Ok(item.into_iter().collect::<Item>()),
                Some(Err(e)) => Err(e),
                _ => Err("Item is not a struct".to_owned()),
            }
        }
        _ => Err("not an Ion item line {Item:{...}}".to_owned()),
    }
}

fn attribute(v: Value) -> Result<AttributeValue, String> {
    Ok(match v {
        Value::Null => AttributeValue::Null(true),
        Value::Bool(b) => AttributeValue::Bool(b),
        Value::Number(n) => AttributeValue::N(n?),
        Value::String(s) => AttributeValue::S(s),
        Value::Blob(b) => AttributeValue::B(b),
        Value::Symbol(s) => return Err(format!("the symbol {s} is not a DynamoDB value")),
        Value::Struct(fields) => AttributeValue::M(
            fields
                .into_iter()
                .map(|(k, v)| attribute(v).map(|v| (k, v)))
                .collect::<Result<_, _>>()?,
        ),
        Value::List(None, items) => {
            AttributeValue::L(items.into_iter().map(attribute).collect::<Result<_, _>>()?)
        }
        Value::List(Some(set), items) => match set.as_str() {
            "$dynamodb_SS" => AttributeValue::Ss(set_members(items, &set, |v| match v {
                Value::String(s) => Some(Ok(s)),
                _ => None,
            })?),
            "$dynamodb_NS" => AttributeValue::Ns(set_members(items, &set, |v| match v {
                Value::Number(n) => Some(n),
                _ => None,
            })?),
            "$dynamodb_BS" => AttributeValue::Bs(set_members(items, &set, |v| match v {
                Value::Blob(b) => Some(Ok(b)),
                _ => None,
            })?),
            _ => return Err(format!("the annotation {set} is not a DynamoDB set")),
        },
    })
}

/// The members of the `set`-annotated list `items`, each taken by `member`, which gives `None`
/// for a value not of the set's type.
fn set_members<T>(
    items: Vec<Value>,
    set: &str,
    member: impl Fn(Value) -> Option<Result<T, String>>,
) -> Result<Vec<T>, String> {
    items
        .into_iter()
        .map(|v| {
            member(v).unwrap_or_else(|| Err(format!("a member of a {set} list is not of its type")))
        })
        .collect()
}

/// A DynamoDB number from an Ion int, decimal or float's text.
fn number(text: &str) -> Result<String, String> {
    let mut n: String = text.chars().filter(|c| *c != '_').collect();
    n = n.replace(['d', 'D'], "E");
    if let Some(at) = n.find(".E") {
        n.remove(at);
    }
    let n = n.strip_suffix('.').unwrap_or(&n);
    Number::parse(n)
        .map(|n| n.to_string())
        .map_err(|e| format!("{text} is not a DynamoDB number: {e}"))
}

struct Parser<'a> {
    s: &'a [u8],
    at: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.get(self.at).copied()
    }

    fn starts(&self, t: &str) -> bool {
        self.s[self.at..].starts_with(t.as_bytes())
    }

    /// Skips whitespace and comments.
    fn skip_space(&mut self) -> Result<(), String> {
        loop {
            match self.peek() {
                Some(b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) => self.at += 1,
                Some(b'/') if self.starts("//") => {
                    while self.peek().is_some_and(|c| c != b'\n') {
                        self.at += 1;
                    }
                }
                Some(b'/') if self.starts("/*") => {
                    let end = self.s[self.at + 2..]
                        .windows(2)
                        .position(|w| w == b"*/")
                        .ok_or("an unterminated comment")?;
                    self.at += end + 4;
                }
                _ => return Ok(()),
            }
        }
    }

    fn expect(&mut self, c: u8) -> Result<(), String> {
        self.skip_space()?;
        if self.peek() == Some(c) {
            self.at += 1;
            Ok(())
        } else {
            Err(format!("expected '{}'", c as char))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, String> {
        if depth > MAX_DEPTH {
            return Err(format!("values nest deeper than {MAX_DEPTH} levels"));
        }
        self.skip_space()?;
        let symbol = match self.peek() {
            None => return Err("a value is missing".to_owned()),
            Some(b'"') => return self.string(b'"').map(Value::String),
            Some(b'\'') if self.starts("'''") => return Err("long strings are not read".into()),
            Some(b'\'') => self.string(b'\'')?,
            Some(b'{') if self.starts("{{") => return self.blob(),
            Some(b'{') => return self.structure(depth),
            Some(b'[') => return self.list(None, depth),
            Some(c) if c.is_ascii_digit() || c == b'-' => return Ok(self.number_token()),
            Some(c) if c.is_ascii_alphabetic() || c == b'_' || c == b'$' => self.identifier()?,
            Some(c) => return Err(format!("'{}' does not start a value", c as char)),
        };
        self.skip_space()?;
        if self.starts("::") {
            self.at += 2;
            self.skip_space()?;
            return match self.peek() {
                Some(b'[') => self.list(Some(symbol), depth),
                _ => Err(format!("the annotation {symbol} is not on a list")),
            };
        }
        Ok(match symbol.as_str() {
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            "null" => {
                // A typed null (`null.string`) is null all the same.
                if self.peek() == Some(b'.') {
                    self.at += 1;
                    self.identifier()?;
                }
                Value::Null
            }
            _ => Value::Symbol(symbol),
        })
    }

    fn identifier(&mut self) -> Result<String, String> {
        let start = self.at;
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'$')
        {
            self.at += 1;
        }
        if self.at == start {
            return Err("expected a name".to_owned());
        }
        Ok(String::from_utf8_lossy(&self.s[start..self.at]).into_owned())
    }

    fn number_token(&mut self) -> Value {
        let start = self.at;
        self.at += 1;
        while let Some(c) = self.peek() {
            let after_exponent = matches!(self.s[self.at - 1], b'd' | b'D' | b'e' | b'E');
            if c.is_ascii_alphanumeric()
                || c == b'.'
                || c == b'_'
                || (after_exponent && matches!(c, b'+' | b'-'))
            {
                self.at += 1;
            } else {
                break;
            }
        }
        Value::Number(number(&String::from_utf8_lossy(&self.s[start..self.at])))
    }

    /// A quoted string or symbol, its escapes resolved.
    fn string(&mut self, quote: u8) -> Result<String, String> {
        self.at += 1;
        let mut out = Vec::new();
        loop {
            let c = self.peek().ok_or("an unterminated string")?;
            self.at += 1;
            match c {
                c if c == quote => break,
                b'\n' => return Err("a newline in a quoted string".to_owned()),
                b'\\' => {
                    let e = self.peek().ok_or("an unterminated string")?;
                    self.at += 1;
                    let code = match e {
                        b'n' => 0x0a,
                        b'r' => 0x0d,
                        b't' => 0x09,
                        b'0' => 0,
                        b'a' => 0x07,
                        b'b' => 0x08,
                        b'f' => 0x0c,
                        b'v' => 0x0b,
                        b'"' | b'\'' | b'\\' | b'/' | b'?' => u32::from(e),
                        b'\n' => continue,
                        b'x' => self.hex(2)?,
                        b'u' => self.hex(4)?,
                        b'U' => self.hex(8)?,
                        _ => return Err(format!("the escape \\{}", e as char)),
                    };
                    let c = char::from_u32(code).ok_or("an escape that is not a character")?;
                    out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                }
                c => out.push(c),
            }
        }
        String::from_utf8(out).map_err(|_| "a string that is not UTF-8".to_owned())
    }

    fn hex(&mut self, digits: usize) -> Result<u32, String> {
        let text = self
            .s
            .get(self.at..self.at + digits)
            .ok_or("a short escape")?;
        self.at += digits;
        std::str::from_utf8(text)
            .ok()
            .and_then(|t| u32::from_str_radix(t, 16).ok())
            .ok_or_else(|| "an escape with a digit that is not hex".to_owned())
    }

    fn blob(&mut self) -> Result<Value, String> {
        self.at += 2;
        self.skip_space()?;
        if self.peek() == Some(b'"') {
            return Err("clobs are not read".to_owned());
        }
        let start = self.at;
        let end = self.s[start..]
            .windows(2)
            .position(|w| w == b"}}")
            .ok_or("an unterminated blob")?;
        self.at = start + end + 2;
        let text: Vec<u8> = self.s[start..start + end]
            .iter()
            .copied()
            .filter(|c| !c.is_ascii_whitespace())
            .collect();
        base64::engine::general_purpose::STANDARD
            .decode(text)
            .map(Value::Blob)
            .map_err(|e| format!("a blob that is not base64: {e}"))
    }

    fn list(&mut self, annotation: Option<String>, depth: usize) -> Result<Value, String> {
        self.at += 1;
        let mut items = Vec::new();
        loop {
            self.skip_space()?;
            if self.peek() == Some(b']') {
                self.at += 1;
                return Ok(Value::List(annotation, items));
            }
            items.push(self.value(depth + 1)?);
            self.skip_space()?;
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b']') => {}
                _ => return Err("expected ',' or ']'".to_owned()),
            }
        }
    }

    fn structure(&mut self, depth: usize) -> Result<Value, String> {
        self.at += 1;
        let mut fields = Vec::new();
        loop {
            self.skip_space()?;
            let name = match self.peek() {
                Some(b'}') => {
                    self.at += 1;
                    return Ok(Value::Struct(fields));
                }
                Some(q @ (b'"' | b'\'')) if !self.starts("'''") => self.string(q)?,
                _ => self.identifier()?,
            };
            self.expect(b':')?;
            fields.push((name, self.value(depth + 1)?));
            self.skip_space()?;
            match self.peek() {
                Some(b',') => self.at += 1,
                Some(b'}') => {}
                _ => return Err("expected ',' or '}'".to_owned()),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Record {
        let mut all = records(text);
        assert_eq!(all.len(), 1, "{text}");
        all.remove(0)
    }

    #[test]
    fn the_guides_example_reads() {
        let text = "$ion_1_0 {\n    Item:{\n        Authors:$dynamodb_SS::[\"Author1\",\"Author2\"],\n        Dimensions:\"8.5 x 11.0 x 1.5\",\n        Id:103.,\n        InPublication:false,\n        PageCount:6d2,\n        Price:2d3,\n    }\n}\n";
        let item = one(text).unwrap();
        assert_eq!(item.get("Id"), Some(&AttributeValue::N("103".into())));
        assert_eq!(
            item.get("PageCount"),
            Some(&AttributeValue::N("600".into()))
        );
        assert_eq!(item.get("Price"), Some(&AttributeValue::N("2000".into())));
        assert_eq!(
            item.get("InPublication"),
            Some(&AttributeValue::Bool(false))
        );
        assert_eq!(
            item.get("Authors"),
            Some(&AttributeValue::Ss(vec![
                "Author1".into(),
                "Author2".into()
            ]))
        );
        let listed = records("$ion_1_0 [ {Item:{a:1}}, {Item:{a:2}} ]");
        assert_eq!(listed.len(), 2);
    }

    #[test]
    fn every_mapped_type_reads() {
        let item = one(
            "$ion_1_0 {Item:{'odd name':{{ aG k= }},n:null.string,l:[1.5e0,-0.25, \"x\\u00e9\\n\"],m:{\"k\":true},ns:$dynamodb_NS::[1_000],bs:$dynamodb_BS::[{{aGk=}}]}} // done",
        )
        .unwrap();
        assert_eq!(
            item.get("odd name"),
            Some(&AttributeValue::B(b"hi".to_vec()))
        );
        assert_eq!(item.get("n"), Some(&AttributeValue::Null(true)));
        assert_eq!(
            item.get("l"),
            Some(&AttributeValue::L(vec![
                AttributeValue::N("1.5".into()),
                AttributeValue::N("-0.25".into()),
                AttributeValue::S("xé\n".into()),
            ]))
        );
        assert_eq!(
            item.get("ns"),
            Some(&AttributeValue::Ns(vec!["1000".into()]))
        );
        assert_eq!(
            item.get("bs"),
            Some(&AttributeValue::Bs(vec![b"hi".to_vec()]))
        );
    }

    #[test]
    fn what_the_writer_writes_reads_back() {
        use AttributeValue as V;
        let nested = V::M([("k".to_owned(), V::L(vec![V::Null(true), V::Bool(true)]))].into());
        let item = Item::from([
            (
                "s".to_owned(),
                V::S("quote \" backslash \\ tab \t nul \0 é 😀".into()),
            ),
            ("n".to_owned(), V::N("-12.5".into())),
            ("big".to_owned(), V::N("1E+125".into())),
            ("small".to_owned(), V::N("1E-130".into())),
            ("b".to_owned(), V::B(vec![0, 255, 10])),
            ("ss".to_owned(), V::Ss(vec!["a".into(), "b".into()])),
            ("ns".to_owned(), V::Ns(vec!["600".into(), "0.5".into()])),
            ("bs".to_owned(), V::Bs(vec![vec![1], vec![2, 3]])),
            ("m".to_owned(), nested),
            ("null".to_owned(), V::Null(true)),
            ("with space".to_owned(), V::S(String::new())),
            ("it's".to_owned(), V::Bool(false)),
        ]);
        let line = super::super::write::item_line(&item);
        let read = one(&line).unwrap();
        let canonical = |v: &V| match v {
            V::N(n) => V::N(Number::parse(n).unwrap().to_string()),
            V::Ns(ns) => V::Ns(
                ns.iter()
                    .map(|n| Number::parse(n).unwrap().to_string())
                    .collect(),
            ),
            v => v.clone(),
        };
        let expected: Item = item
            .iter()
            .map(|(k, v)| (k.clone(), canonical(v)))
            .collect();
        assert_eq!(read, expected, "{line}");
    }

    #[test]
    fn malformed_input_is_an_error_never_a_panic() {
        for bad in [
            "{Item:{a:sym}}",
            "{Item:{a:$dynamodb_SS::[1]}}",
            "{Item:{a:$other::[1]}}",
            "{Item:{a:2007-01-01T}}",
            "{Item:{a:{{\"clob\"}}}}",
            "{Item:{a:(x)}}",
            "{Item:{a:'''long'''}}",
            "{Item:{a:1e999}}",
            "{Item:{a:\"open",
            "{Item:{a:{{!!}}}}",
            "{Item:{a:\"\\q\"}}",
            "{Item:1}",
            "{Other:{}}",
            "{Item:{a:1} /* open",
            "[",
            "}",
        ] {
            let all = records(bad);
            assert!(
                !all.is_empty() && all.iter().all(Result::is_err),
                "{bad}: {all:?}"
            );
        }
        let deep = format!(
            "{{Item:{{a:{}1{}}}}}",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        assert!(one(&deep).is_err());
        // After a syntax error the rest of the object is skipped.
        let all = records("{Item:{a:1}}\n{Item:{a:}}\n{Item:{a:2}}");
        assert_eq!(all.len(), 2);
        assert!(all[0].is_ok() && all[1].is_err());
    }
}
