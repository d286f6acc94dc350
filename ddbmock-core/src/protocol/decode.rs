//! Request bodies: JSON to an operation's input, and serde's failures to DynamoDB's errors.
//!
//! A body that is not JSON is a bare `SerializationException`. A member of the wrong JSON type is a
//! `SerializationException` whose text depends on what was sent and what the member is (DynamoDB's
//! Jackson-based reader names them: `NUMBER_VALUE cannot be converted to String`, `Unexpected field
//! type`, …, as dynalite's tests recorded them against DynamoDB). An attribute value with no type or
//! several types is a `ValidationException`.
//!
//! The happy path is one UTF-8 check and one `serde_json::from_str`. Only a failing body is parsed
//! again, with `serde_path_to_error`, to learn which member failed (a blob and a string are both
//! JSON strings).

use serde::de::{DeserializeOwned, IgnoredAny};
use serde_path_to_error::Segment;

use crate::error::{Error, Result, msg};

/// Whether `body` is one JSON value and nothing else.
pub(super) fn is_json(body: &[u8]) -> bool {
    serde_json::from_slice::<IgnoredAny>(body).is_ok()
}

/// Reads an operation's input from `body`.
pub(super) fn input<T: DeserializeOwned>(body: &[u8]) -> Result<T> {
    // A body checked as UTF-8 once, here, is read as text: serde_json then does not check each of
    // its strings again (about a hundred instructions a string, a dozen strings a small request).
    // One that is not UTF-8 is read as bytes, so that it fails exactly as before.
    let parsed = match std::str::from_utf8(body) {
        Ok(text) => serde_json::from_str(text),
        Err(_) => serde_json::from_slice(body),
    };
    parsed.map_err(|error| classify::<T>(body, &error))
}

fn classify<T: DeserializeOwned>(body: &[u8], error: &serde_json::Error) -> Error {
    // A type error can come before a syntax error further on; DynamoDB reports the syntax first.
    if !error.is_data() || !is_json(body) {
        return msg::protocol::malformed_json();
    }
    let full = error.to_string();
    let text = strip_position(&full);
    let mut deserializer = serde_json::Deserializer::from_slice(body);
    let path: Vec<Segment> = match serde_path_to_error::deserialize::<_, T>(&mut deserializer) {
        Err(e) => e.path().iter().cloned().collect(),
        Ok(_) => Vec::new(),
    };
    serialization_error(text, &path, body).unwrap_or_else(msg::protocol::malformed_json)
}

/// serde_json appends " at line L column C" to its messages.
fn strip_position(text: &str) -> &str {
    match text.rfind(" at line ") {
        Some(at) if text[at..].contains(" column ") => &text[..at],
        _ => text,
    }
}

/// What the request held where a member was expected.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Sent {
    True,
    False,
    Number,
    Decimal,
    Str,
    Array,
    Object,
    Other,
}

impl Sent {
    fn parse(text: &str) -> Sent {
        match text {
            "boolean `true`" => Sent::True,
            "boolean `false`" => Sent::False,
            "sequence" => Sent::Array,
            "map" => Sent::Object,
            _ if text.starts_with("integer ") => Sent::Number,
            _ if text.starts_with("floating point ") => Sent::Decimal,
            _ if text.starts_with("string ") => Sent::Str,
            _ => Sent::Other,
        }
    }

    /// Jackson's token name, as DynamoDB quotes it.
    fn token(self) -> &'static str {
        match self {
            Sent::True => "TRUE_VALUE",
            Sent::False => "FALSE_VALUE",
            Sent::Number => "NUMBER_VALUE",
            Sent::Decimal => "DECIMAL_VALUE",
            Sent::Str => "STRING_VALUE",
            Sent::Array | Sent::Object | Sent::Other => "VALUE",
        }
    }

    fn is_scalar(self) -> bool {
        matches!(
            self,
            Sent::True | Sent::False | Sent::Number | Sent::Decimal | Sent::Str
        )
    }
}

/// The package of DynamoDB's model classes, as its messages name them.
const MODEL: &str = "com.amazonaws.dynamodb.v20120810";

/// DynamoDB's error for serde's `text` at `path`, or `None` for a combination DynamoDB has no text for.
fn serialization_error(text: &str, path: &[Segment], body: &[u8]) -> Option<Error> {
    use msg::protocol as m;
    if text == "Base64 encoded value is not valid" {
        return base64_error(path, body);
    }
    // serde's derived structs also read JSON arrays, positionally; an array too short says so.
    if let Some(rest) = text.strip_prefix("invalid length ") {
        let name = rest.split_once("expected struct ")?.1.split(' ').next()?;
        return Some(m::unrecognized_collection(&format!("{MODEL}.{name}")));
    }
    let rest = text.strip_prefix("invalid type: ")?;
    let (sent, expected) = rest.split_once(", expected ")?;
    let sent = Sent::parse(sent);
    let error = match expected {
        "a string" if is_blob(path) => match sent {
            Sent::Array => m::unrecognized_collection("java.nio.ByteBuffer"),
            Sent::Object => m::start_of_structure(),
            _ => m::not_base64_string(),
        },
        "a string" => match sent {
            Sent::Array => m::unrecognized_collection("java.lang.String"),
            Sent::Object => m::start_of_structure(),
            Sent::Str | Sent::Other => return None,
            _ => m::cannot_convert(sent.token(), "String"),
        },
        "a boolean" => match sent {
            Sent::Str => m::unexpected_token(),
            Sent::Array => m::unrecognized_collection("java.lang.Boolean"),
            Sent::Object => m::start_of_structure(),
            Sent::Number | Sent::Decimal => m::cannot_convert(sent.token(), "Boolean"),
            _ => return None,
        },
        "i8" | "i16" | "i32" | "u8" | "u16" | "u32" => number_error(sent, "Integer")?,
        "i64" | "u64" => number_error(sent, "Long")?,
        "f32" | "f64" => number_error(sent, "Double")?,
        "a sequence" => match sent {
            Sent::Object => m::start_of_structure(),
            _ if sent.is_scalar() => m::unexpected_field_type(),
            _ => return None,
        },
        "a map" => match sent {
            Sent::Array => m::unrecognized_map(&map_value_class(last_key(path))),
            _ if sent.is_scalar() => m::unexpected_field_type(),
            _ => return None,
        },
        "an AttributeValue object" => match sent {
            Sent::Array => m::unrecognized_collection(&format!("{MODEL}.AttributeValue")),
            _ if sent.is_scalar() => m::unexpected_value_type(),
            _ => return None,
        },
        _ => {
            let name = expected.strip_prefix("struct ")?;
            match sent {
                Sent::Array => m::unrecognized_collection(&format!("{MODEL}.{name}")),
                _ if sent.is_scalar() => m::unexpected_field_type(),
                _ => return None,
            }
        }
    };
    Some(error)
}

fn number_error(sent: Sent, class: &str) -> Option<Error> {
    use msg::protocol as m;
    Some(match sent {
        Sent::Array => m::unrecognized_collection(&format!("java.lang.{class}")),
        Sent::Object => m::start_of_structure(),
        Sent::Other => return None,
        _ => m::cannot_convert(sent.token(), class),
    })
}

fn last_key(path: &[Segment]) -> Option<&str> {
    match path.last()? {
        Segment::Map { key } => Some(key),
        _ => None,
    }
}

/// Whether the member at `path` is a binary: an attribute value's `B`, or a member of its `BS`.
fn is_blob(path: &[Segment]) -> bool {
    match path {
        [.., Segment::Map { key }] => key == "B",
        [.., Segment::Map { key }, Segment::Seq { .. }] => key == "BS",
        _ => false,
    }
}

/// The Java class of a map member's values, as DynamoDB names it.
fn map_value_class(key: Option<&str>) -> String {
    match key {
        Some("ExpressionAttributeNames") => "java.lang.String".to_owned(),
        Some("Expected") => format!("{MODEL}.ExpectedAttributeValue"),
        Some("AttributeUpdates") => format!("{MODEL}.AttributeValueUpdate"),
        Some("KeyConditions" | "QueryFilter" | "ScanFilter") => format!("{MODEL}.Condition"),
        _ => format!("{MODEL}.AttributeValue"),
    }
}

/// DynamoDB's error for a binary that is not valid base64, from the value itself.
fn base64_error(path: &[Segment], body: &[u8]) -> Option<Error> {
    let value: serde_json::Value = serde_json::from_slice(body).ok()?;
    let mut at = &value;
    for segment in path {
        at = match segment {
            Segment::Map { key } => at.get(key)?,
            Segment::Seq { index } => at.get(*index)?,
            _ => return None,
        };
    }
    let length = at.as_str()?.chars().count();
    Some(if length % 4 != 0 {
        msg::protocol::base64_length(length)
    } else {
        msg::protocol::base64_last_character()
    })
}

#[cfg(test)]
mod tests;
