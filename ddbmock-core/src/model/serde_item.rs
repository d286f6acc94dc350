//! `to_item` and `from_item`: between an [`Item`] and any serde type, so an application's own structs
//! go in and out of tables.
//!
//! The mapping, its choices and an example are on [`to_item`].

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::{AttributeValue, Item, Number};
use crate::error::{Error, Result};

/// The item of `value`, which must serialize as a struct or a map.
///
/// The conversion goes through `serde_json::Value`, so a value maps as its JSON does:
///
/// | serde (JSON) | DynamoDB |
/// |---|---|
/// | struct, map (object) | `M` (the item itself at the top, which must be one) |
/// | sequence, tuple (array) | `L` |
/// | string, char, unit variant | `S` |
/// | integer, float (number) | `N` |
/// | bool | `BOOL` |
/// | `None`, `()` (null) | `NULL` |
///
/// Numbers: integers that fit `i64` or `u64` are exact both ways, and a float comes back as the same
/// `f64` (the shortest text that reads back as it). A stored number outside those (an integer beyond 64
/// bits, a decimal of more than 17 digits) comes back as the nearest `f64`, so give such attributes a
/// `String` field if they must stay exact. A float that is not finite serializes as `NULL`, as
/// `serde_json` makes it `null`.
///
/// Sets and binary cannot be expressed through JSON: a `Vec<u8>` becomes a list of numbers, and
/// `from_item` reads `SS`/`NS`/`BS` as lists and `B` as a list of bytes, so such attributes read into
/// `Vec<String>`, `Vec<f64>`, `Vec<Vec<u8>>` and `Vec<u8>` fields. To write a set or a binary, set the
/// attribute on the item after `to_item` (`item.insert("tags".into(), set!["a"])`).
///
/// An `Option` field that is `None` becomes a `NULL` attribute; mark it
/// `#[serde(skip_serializing_if = "Option::is_none")]` to leave the attribute out instead. Both read
/// back as `None`.
///
/// Errors are [`Error::Serialization`], with serde's message.
///
/// ```
/// use ddbmock_core::model::{AttributeValue, from_item, to_item};
/// use serde::{Deserialize, Serialize};
///
/// #[derive(Debug, PartialEq, Serialize, Deserialize)]
/// struct User { pk: String, age: u32, score: f64, tags: Vec<String> }
///
/// let user = User { pk: "u1".into(), age: 36, score: 0.1, tags: vec!["a".into()] };
/// let item = to_item(&user)?;
/// assert_eq!(item["age"], AttributeValue::N("36".into()));
/// assert_eq!(item["tags"], AttributeValue::L(vec![AttributeValue::S("a".into())]));
/// assert_eq!(from_item::<User>(&item)?, user);
/// # Ok::<(), ddbmock_core::Error>(())
/// ```
pub fn to_item<T: Serialize + ?Sized>(value: &T) -> Result<Item> {
    let json = serde_json::to_value(value).map_err(|e| Error::Serialization(e.to_string()))?;
    match json_to_value(json) {
        AttributeValue::M(item) => Ok(item),
        other => Err(Error::Serialization(format!(
            "to_item: expected a struct or a map, got a value of type {}",
            other.attribute_type()
        ))),
    }
}

/// A `T` read from `item`; see [`to_item`] for how each value maps.
pub fn from_item<T: DeserializeOwned>(item: &Item) -> Result<T> {
    let json = Value::Object(
        item.iter()
            .map(|(k, v)| Ok((k.clone(), value_to_json(v)?)))
            .collect::<Result<_>>()?,
    );
    serde_json::from_value(json).map_err(|e| Error::Serialization(e.to_string()))
}

/// The attribute value of a JSON value.
fn json_to_value(json: Value) -> AttributeValue {
    match json {
        Value::Null => AttributeValue::Null(true),
        Value::Bool(b) => AttributeValue::Bool(b),
        // DynamoDB's canonical text when it is a DynamoDB number (serde_json writes `1e-7` where the
        // engine returns `0.0000001`), so that items compare equal to what a read gives back; otherwise
        // the text as is, for the engine to reject with DynamoDB's message.
        Value::Number(n) => {
            let text = n.to_string();
            AttributeValue::N(Number::parse(&text).map_or(text, |n| n.to_string()))
        }
        Value::String(s) => AttributeValue::S(s),
        Value::Array(a) => AttributeValue::L(a.into_iter().map(json_to_value).collect()),
        Value::Object(o) => {
            AttributeValue::M(o.into_iter().map(|(k, v)| (k, json_to_value(v))).collect())
        }
    }
}

/// The JSON value of an attribute value.
fn value_to_json(value: &AttributeValue) -> Result<Value> {
    Ok(match value {
        AttributeValue::S(s) => Value::String(s.clone()),
        AttributeValue::N(n) => number_to_json(n)?,
        AttributeValue::B(b) => bytes_to_json(b),
        AttributeValue::Ss(ss) => Value::Array(ss.iter().cloned().map(Value::String).collect()),
        AttributeValue::Ns(ns) => Value::Array(
            ns.iter()
                .map(|n| number_to_json(n))
                .collect::<Result<_>>()?,
        ),
        AttributeValue::Bs(bs) => Value::Array(bs.iter().map(|b| bytes_to_json(b)).collect()),
        AttributeValue::M(m) => Value::Object(
            m.iter()
                .map(|(k, v)| Ok((k.clone(), value_to_json(v)?)))
                .collect::<Result<_>>()?,
        ),
        AttributeValue::L(l) => Value::Array(l.iter().map(value_to_json).collect::<Result<_>>()?),
        AttributeValue::Null(_) => Value::Null,
        AttributeValue::Bool(b) => Value::Bool(*b),
    })
}

fn bytes_to_json(bytes: &[u8]) -> Value {
    Value::Array(bytes.iter().map(|&b| Value::from(b)).collect())
}

/// A number's JSON: exact as `i64` or `u64` when it is an integer in their range, else the nearest
/// `f64`. Read through [`Number`] first, so that `1E3` is the integer 1000.
fn number_to_json(text: &str) -> Result<Value> {
    let canonical = Number::parse(text)
        .map_err(|e| Error::Serialization(format!("from_item: {e}")))?
        .to_string();
    if let Ok(i) = canonical.parse::<i64>() {
        return Ok(Value::from(i));
    }
    if let Ok(u) = canonical.parse::<u64>() {
        return Ok(Value::from(u));
    }
    canonical
        .parse::<f64>()
        .ok()
        .and_then(serde_json::Number::from_f64)
        .map(Value::Number)
        .ok_or_else(|| Error::Serialization(format!("from_item: {text} is not a finite f64")))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    #[test]
    fn integers_are_exact_and_floats_round_trip() {
        let mut m = BTreeMap::new();
        m.insert("max", Value::from(u64::MAX));
        m.insert("min", Value::from(i64::MIN));
        let item = to_item(&m).unwrap();
        assert_eq!(item["max"].as_n(), Some("18446744073709551615"));
        assert_eq!(from_item::<BTreeMap<String, u64>>(&item).ok(), None);
        let back: BTreeMap<String, Value> = from_item(&item).unwrap();
        assert_eq!(back["max"], Value::from(u64::MAX));
        assert_eq!(back["min"], Value::from(i64::MIN));

        for f in [0.1_f64, 1e-7, 1.0 / 3.0, -2.5e100, 123.0] {
            let item = to_item(&[("f", f)].into_iter().collect::<BTreeMap<_, _>>()).unwrap();
            let back: BTreeMap<String, f64> = from_item(&item).unwrap();
            assert_eq!(back["f"], f);
        }
        let item = to_item(&[("f", 1e-7)].into_iter().collect::<BTreeMap<_, _>>()).unwrap();
        assert_eq!(item["f"].as_n(), Some("0.0000001"));
    }

    #[test]
    fn sets_and_binary_read_as_lists() {
        #[derive(serde::Deserialize)]
        struct T {
            ss: Vec<String>,
            ns: Vec<f64>,
            b: Vec<u8>,
            e: u32,
        }
        let item = crate::item! {
            "ss" => crate::set!["a"], "ns" => crate::set![1.5], "b" => vec![7_u8], "e" => "1E3",
        };
        assert!(from_item::<T>(&item).is_err(), "an S is not a number");
        let mut item = item;
        item.insert("e".into(), AttributeValue::N("1E3".into()));
        let t: T = from_item(&item).unwrap();
        assert_eq!(
            (t.ss, t.ns, t.b, t.e),
            (vec!["a".to_owned()], vec![1.5], vec![7], 1000)
        );
    }

    #[test]
    fn the_top_must_be_a_map() {
        let e = to_item(&3).unwrap_err();
        assert_eq!(e.type_name(), "SerializationException");
        assert!(e.message().contains("type N"), "{e}");
    }
}
