//! Valid attribute names: 1 to 255 bytes of any Unicode (DynamoDB allows any UTF-8 name; 255 bytes is
//! the limit for key attributes, so names from here fit everywhere).

use proptest::prelude::*;

/// An attribute name: short and mostly ASCII, with punctuation, spaces and multi-byte characters
/// mixed in; never empty; at most 255 bytes.
pub fn attribute_name() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => "[a-zA-Z_][a-zA-Z0-9_]{0,15}",
        2 => "[a-z .#:$-]{1,12}",
        1 => "\\PC{1,8}",
        1 => Just("x".repeat(255)),
    ]
}
