//! Messages for attribute values DynamoDB refuses to store: `{"NULL": false}`, empty sets, sets with
//! duplicate members, and values nested too deeply.
//!
//! Texts as dynalite's tests (recorded against DynamoDB) and paritysuite's conformance suite
//! (pinned against eu-west-2, 2026) quote them, spacing and punctuation included: "An string set  may
//! not be empty" has two spaces, and the binary-set duplicate message has no space before "of".

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;

use super::{Error, INVALID_PARAMETER_VALUES, validation};

/// `{"NULL": false}`.
pub fn null_must_be_true() -> Error {
    validation(format!(
        "{INVALID_PARAMETER_VALUES}: Null attribute value types must have the value of true"
    ))
}

/// An `SS` with no members.
pub fn empty_string_set() -> Error {
    validation(format!(
        "{INVALID_PARAMETER_VALUES}: An string set  may not be empty"
    ))
}

/// An `NS` with no members.
pub fn empty_number_set() -> Error {
    validation(format!(
        "{INVALID_PARAMETER_VALUES}: An number set  may not be empty"
    ))
}

/// A `BS` with no members.
pub fn empty_binary_set() -> Error {
    validation(format!(
        "{INVALID_PARAMETER_VALUES}: Binary sets should not be empty"
    ))
}

/// An `SS` with a member twice; DynamoDB lists the whole set as sent.
pub fn duplicate_strings(members: &[String]) -> Error {
    validation(format!(
        "{INVALID_PARAMETER_VALUES}: Input collection [{}] contains duplicates.",
        members.join(", ")
    ))
}

/// An `NS` with two members of equal value (`"1"` and `"1.0"` count). DynamoDB gives this one
/// without the parameter-values prefix and without the members.
pub fn duplicate_numbers() -> Error {
    validation("Input collection contains duplicates")
}

/// A `BS` with a member twice; DynamoDB lists the set in base64, and writes no space before "of".
pub fn duplicate_binaries(members: &[Vec<u8>]) -> Error {
    let listed: Vec<String> = members.iter().map(|m| BASE64.encode(m)).collect();
    validation(format!(
        "{INVALID_PARAMETER_VALUES}: Input collection [{}]of type BS contains duplicates.",
        listed.join(", ")
    ))
}

/// A value nested deeper than DynamoDB's 32 levels.
pub fn nesting_too_deep() -> Error {
    validation(
        "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit",
    )
}
