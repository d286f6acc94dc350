//! `AttributeValue`: DynamoDB's ten data types, and their wire JSON (`{"S": "…"}`).
//!
//! Deserialization accepts every shape the JSON protocol can carry, including values DynamoDB itself
//! rejects later with a `ValidationException` (an unnormalized number, an empty set, `{"NULL": false}`):
//! those rules belong to the engine, so that the trait door and the wire door reject them with the same
//! message. An attribute value with zero or several data types decodes too, into the invalid form of
//! [`AttributeValue::invalid`], which the value checks refuse with DynamoDB's text at the step where
//! DynamoDB refuses it: after the request's shape constraints (issue #16).

use std::collections::HashMap;
use std::fmt;

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An item: attribute names to values, as DynamoDB and `aws-sdk-dynamodb` model it.
pub type Item = HashMap<String, AttributeValue>;

/// One DynamoDB attribute value. Variant names follow `aws-sdk-dynamodb`.
///
/// Numbers are carried as their decimal text, as on the wire and in the SDK; the engine validates and
/// normalizes them with [`crate::model::Number`].
// Exhaustive on purpose: DynamoDB's ten types are fixed, and every match over values in the engine
// (codec, sizes, expression functions) must fail to compile rather than skip a type silently.
// `Debug` is written out in `debug.rs`, to keep large values readable.
#[derive(Clone, PartialEq, Eq)]
pub enum AttributeValue {
    /// A string (`S`).
    S(String),
    /// A number (`N`), as decimal text.
    N(String),
    /// A binary value (`B`), base64 on the wire.
    B(Vec<u8>),
    /// A string set (`SS`).
    Ss(Vec<String>),
    /// A number set (`NS`).
    Ns(Vec<String>),
    /// A binary set (`BS`).
    Bs(Vec<Vec<u8>>),
    /// A map (`M`).
    M(HashMap<String, AttributeValue>),
    /// A list (`L`).
    L(Vec<AttributeValue>),
    /// A null (`NULL`); DynamoDB only accepts `true`.
    Null(bool),
    /// A boolean (`BOOL`).
    Bool(bool),
}

/// The data type of an attribute value, by its DynamoDB descriptor.
// Exhaustive for the same reason as `AttributeValue`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AttributeType {
    /// `S`
    S,
    /// `N`
    N,
    /// `B`
    B,
    /// `SS`
    Ss,
    /// `NS`
    Ns,
    /// `BS`
    Bs,
    /// `M`
    M,
    /// `L`
    L,
    /// `NULL`
    Null,
    /// `BOOL`
    Bool,
}

impl AttributeType {
    /// The descriptor DynamoDB uses on the wire and in messages (`S`, `SS`, `NULL`, …).
    pub fn descriptor(self) -> &'static str {
        match self {
            AttributeType::S => "S",
            AttributeType::N => "N",
            AttributeType::B => "B",
            AttributeType::Ss => "SS",
            AttributeType::Ns => "NS",
            AttributeType::Bs => "BS",
            AttributeType::M => "M",
            AttributeType::L => "L",
            AttributeType::Null => "NULL",
            AttributeType::Bool => "BOOL",
        }
    }

    /// Parses a descriptor (`"S"`, `"SS"`, …), as `attribute_type()` and the legacy APIs accept it.
    pub fn from_descriptor(s: &str) -> Option<Self> {
        Some(match s {
            "S" => AttributeType::S,
            "N" => AttributeType::N,
            "B" => AttributeType::B,
            "SS" => AttributeType::Ss,
            "NS" => AttributeType::Ns,
            "BS" => AttributeType::Bs,
            "M" => AttributeType::M,
            "L" => AttributeType::L,
            "NULL" => AttributeType::Null,
            "BOOL" => AttributeType::Bool,
            _ => return None,
        })
    }
}

impl fmt::Display for AttributeType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.descriptor())
    }
}

impl AttributeValue {
    /// This value's data type.
    pub fn attribute_type(&self) -> AttributeType {
        match self {
            AttributeValue::S(_) => AttributeType::S,
            AttributeValue::N(_) => AttributeType::N,
            AttributeValue::B(_) => AttributeType::B,
            AttributeValue::Ss(_) => AttributeType::Ss,
            AttributeValue::Ns(_) => AttributeType::Ns,
            AttributeValue::Bs(_) => AttributeType::Bs,
            AttributeValue::M(_) => AttributeType::M,
            AttributeValue::L(_) => AttributeType::L,
            AttributeValue::Null(_) => AttributeType::Null,
            AttributeValue::Bool(_) => AttributeType::Bool,
        }
    }

    /// The string, if this is an `S`.
    pub fn as_s(&self) -> Option<&str> {
        match self {
            AttributeValue::S(s) => Some(s),
            _ => None,
        }
    }

    /// The number text, if this is an `N`.
    pub fn as_n(&self) -> Option<&str> {
        match self {
            AttributeValue::N(s) => Some(s),
            _ => None,
        }
    }

    /// The bytes, if this is a `B`.
    pub fn as_b(&self) -> Option<&[u8]> {
        match self {
            AttributeValue::B(b) => Some(b),
            _ => None,
        }
    }

    /// The map, if this is an `M`.
    pub fn as_m(&self) -> Option<&HashMap<String, AttributeValue>> {
        match self {
            AttributeValue::M(m) => Some(m),
            _ => None,
        }
    }

    /// The list, if this is an `L`.
    pub fn as_l(&self) -> Option<&[AttributeValue]> {
        match self {
            AttributeValue::L(l) => Some(l),
            _ => None,
        }
    }
}

impl Serialize for AttributeValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Bytes<'a>(&'a [u8]);
        impl Serialize for Bytes<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&BASE64.encode(self.0))
            }
        }
        struct ByteSet<'a>(&'a [Vec<u8>]);
        impl Serialize for ByteSet<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_seq(self.0.iter().map(|b| Bytes(b)))
            }
        }

        let mut map = serializer.serialize_map(Some(1))?;
        let key = self.attribute_type().descriptor();
        match self {
            AttributeValue::S(v) | AttributeValue::N(v) => map.serialize_entry(key, v)?,
            AttributeValue::B(v) => map.serialize_entry(key, &Bytes(v))?,
            AttributeValue::Ss(v) | AttributeValue::Ns(v) => map.serialize_entry(key, v)?,
            AttributeValue::Bs(v) => map.serialize_entry(key, &ByteSet(v))?,
            AttributeValue::M(v) => map.serialize_entry(key, v)?,
            AttributeValue::L(v) => map.serialize_entry(key, v)?,
            AttributeValue::Null(v) | AttributeValue::Bool(v) => map.serialize_entry(key, v)?,
        }
        map.end()
    }
}

/// Why a wire attribute value has no single data type: the two shapes DynamoDB decodes and refuses
/// later, at the step of its value checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum InvalidShape {
    /// `{}`: no data type.
    Empty,
    /// `{"S": "a", "N": "1"}`: several data types.
    Several,
}

impl InvalidShape {
    /// DynamoDB's message for this shape.
    pub fn message(self) -> &'static str {
        match self {
            InvalidShape::Empty => EMPTY_ATTRIBUTE_VALUE,
            InvalidShape::Several => MULTIPLE_DATATYPES,
        }
    }

    /// The reserved number text that carries this shape (see [`AttributeValue::invalid`]).
    const fn text(self) -> &'static str {
        match self {
            InvalidShape::Empty => "\u{0}ddbmock:invalid:empty",
            InvalidShape::Several => "\u{0}ddbmock:invalid:several",
        }
    }

    /// The shape a number text carries, if it is one of the reserved texts.
    pub(crate) fn of_number_text(text: &str) -> Option<InvalidShape> {
        // A NUL first byte is the cheap test: no number text starts with one.
        if !text.starts_with('\u{0}') {
            return None;
        }
        [InvalidShape::Empty, InvalidShape::Several]
            .into_iter()
            .find(|shape| shape.text() == text)
    }
}

impl AttributeValue {
    /// The invalid form of an attribute value that DynamoDB's wire decoder accepts and its value
    /// checks refuse: `{}` or several data types.
    ///
    /// DynamoDB reports such a value only after the request's shape constraints (a missing
    /// `TableName` wins), among the checks of values that need no table. So the decoder cannot fail
    /// on it. It is carried as an `N` of a reserved text that no number can have (it starts with a
    /// NUL): every path that must refuse a bad number already parses it with
    /// [`Number::parse`](crate::model::Number::parse), which refuses this text with the shape's
    /// message ([`NumberError::InvalidShape`](crate::model::NumberError::InvalidShape)). A new
    /// variant would put an arm in every exhaustive match over values, for a value that never gets
    /// past validation.
    pub fn invalid(shape: InvalidShape) -> AttributeValue {
        AttributeValue::N(shape.text().to_owned())
    }

    /// The shape of this value if it is [`AttributeValue::invalid`].
    pub fn invalid_shape(&self) -> Option<InvalidShape> {
        match self {
            AttributeValue::N(text) => InvalidShape::of_number_text(text),
            _ => None,
        }
    }
}

/// DynamoDB's message for an attribute value with no data type.
pub const EMPTY_ATTRIBUTE_VALUE: &str =
    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes";
/// DynamoDB's message for an attribute value with several data types.
pub const MULTIPLE_DATATYPES: &str = "Supplied AttributeValue has more than one datatypes set, must contain exactly one of the supported datatypes";

struct Base64Bytes(Vec<u8>);

impl<'de> Deserialize<'de> for Base64Bytes {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        BASE64
            .decode(text.as_bytes())
            .map(Base64Bytes)
            .map_err(|_| de::Error::custom("Base64 encoded value is not valid"))
    }
}

/// A member name of an attribute value's object: its data type. Read without allocating (serde
/// gives a `Cow<str>` key as an owned `String`), since every value of every item has one.
enum Tag {
    S,
    N,
    B,
    Ss,
    Ns,
    Bs,
    M,
    L,
    Null,
    Bool,
    Other,
}

impl<'de> Deserialize<'de> for Tag {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TagVisitor;

        impl Visitor<'_> for TagVisitor {
            type Value = Tag;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an attribute value's data type")
            }

            fn visit_str<E: de::Error>(self, name: &str) -> Result<Tag, E> {
                Ok(match name {
                    "S" => Tag::S,
                    "N" => Tag::N,
                    "B" => Tag::B,
                    "SS" => Tag::Ss,
                    "NS" => Tag::Ns,
                    "BS" => Tag::Bs,
                    "M" => Tag::M,
                    "L" => Tag::L,
                    "NULL" => Tag::Null,
                    "BOOL" => Tag::Bool,
                    _ => Tag::Other,
                })
            }
        }

        deserializer.deserialize_str(TagVisitor)
    }
}

impl<'de> Deserialize<'de> for AttributeValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct AvVisitor;

        impl<'de> Visitor<'de> for AvVisitor {
            type Value = AttributeValue;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an AttributeValue object")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
                let mut found: Option<AttributeValue> = None;
                let mut several = false;
                while let Some(tag) = access.next_key::<Tag>()? {
                    let value = match tag {
                        Tag::S => AttributeValue::S(access.next_value()?),
                        Tag::N => AttributeValue::N(access.next_value()?),
                        Tag::B => AttributeValue::B(access.next_value::<Base64Bytes>()?.0),
                        Tag::Ss => AttributeValue::Ss(access.next_value()?),
                        Tag::Ns => AttributeValue::Ns(access.next_value()?),
                        Tag::Bs => AttributeValue::Bs(
                            access
                                .next_value::<Vec<Base64Bytes>>()?
                                .into_iter()
                                .map(|b| b.0)
                                .collect(),
                        ),
                        Tag::M => AttributeValue::M(access.next_value()?),
                        Tag::L => AttributeValue::L(access.next_value()?),
                        Tag::Null => AttributeValue::Null(access.next_value()?),
                        Tag::Bool => AttributeValue::Bool(access.next_value()?),
                        // DynamoDB ignores members it does not know.
                        Tag::Other => {
                            access.next_value::<de::IgnoredAny>()?;
                            continue;
                        }
                    };
                    if found.is_some() {
                        several = true;
                    }
                    found = Some(value);
                }
                if several {
                    return Ok(AttributeValue::invalid(InvalidShape::Several));
                }
                Ok(found.unwrap_or_else(|| AttributeValue::invalid(InvalidShape::Empty)))
            }
        }

        deserializer.deserialize_map(AvVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_type_round_trips_through_wire_json() {
        let json = r#"{"M":{"s":{"S":"x"},"n":{"N":"1.5"},"b":{"B":"AAEC"},"ss":{"SS":["a","b"]},"ns":{"NS":["1"]},"bs":{"BS":["AA=="]},"l":{"L":[{"NULL":true},{"BOOL":false}]}}}"#;
        let v: AttributeValue = serde_json::from_str(json).unwrap();
        let m = v.as_m().unwrap();
        assert_eq!(m["b"], AttributeValue::B(vec![0, 1, 2]));
        assert_eq!(m["bs"], AttributeValue::Bs(vec![vec![0]]));
        let back: AttributeValue =
            serde_json::from_str(&serde_json::to_string(&v).unwrap()).unwrap();
        assert_eq!(back, v);
    }

    #[test]
    fn zero_or_several_types_decode_into_the_invalid_form() {
        let v = serde_json::from_str::<AttributeValue>("{}").unwrap();
        assert_eq!(v.invalid_shape(), Some(InvalidShape::Empty));
        let v = serde_json::from_str::<AttributeValue>(r#"{"S":"a","N":"1"}"#).unwrap();
        assert_eq!(v.invalid_shape(), Some(InvalidShape::Several));
        // Unknown members are ignored, so a value of only unknown members is empty.
        let v = serde_json::from_str::<AttributeValue>(r#"{"X":1}"#).unwrap();
        assert_eq!(v.invalid_shape(), Some(InvalidShape::Empty));
        assert_eq!(AttributeValue::N("1".into()).invalid_shape(), None);
        assert_eq!(AttributeValue::N("\u{0}".into()).invalid_shape(), None);
    }

    #[test]
    fn the_invalid_form_is_refused_as_a_number_with_the_shape_text() {
        for shape in [InvalidShape::Empty, InvalidShape::Several] {
            let AttributeValue::N(text) = AttributeValue::invalid(shape) else {
                panic!("the invalid form is an N");
            };
            let e = crate::Error::from(crate::model::Number::parse(&text).unwrap_err());
            assert_eq!(e, crate::error::msg::validation(shape.message()));
        }
    }
}
