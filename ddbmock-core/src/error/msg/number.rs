//! Messages for numbers DynamoDB cannot store: unparseable text, too many digits, out of range.
//!
//! Texts as DynamoDB returns them for PutItem attribute values, keys and expression values (quoted
//! by dynalite's tests, which were recorded against DynamoDB, and by paritysuite's conformance suite,
//! pinned against eu-west-2 in 2026).

use super::{Error, validation};

/// The text is not a number. DynamoDB echoes the text after a colon, except when it is empty.
pub fn not_a_number(text: &str) -> Error {
    if text.is_empty() {
        validation("The parameter cannot be converted to a numeric value")
    } else {
        validation(format!(
            "The parameter cannot be converted to a numeric value: {text}"
        ))
    }
}

/// The number has more than 38 significant digits.
pub fn too_many_digits() -> Error {
    validation("Attempting to store more than 38 significant digits in a Number")
}

/// The number's magnitude is 1E+126 or more.
pub fn overflow() -> Error {
    validation(
        "Number overflow. Attempting to store a number with magnitude larger than supported range",
    )
}

/// The number's magnitude is below 1E-130 (zero excepted).
pub fn underflow() -> Error {
    validation(
        "Number underflow. Attempting to store a number with magnitude smaller than supported range",
    )
}
