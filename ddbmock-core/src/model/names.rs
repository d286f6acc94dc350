//! The limits on attribute names: at least 1 byte, at most 65,535 (DynamoDB's "64 KB", the 65,536th
//! byte refused), wherever a name appears in an item, top level or as a key of a nested map.
//!
//! Key attribute names are limited to 255 bytes; that is a constraint of the key schema's shape,
//! checked by CreateTable and UpdateTable (an item's key attributes are named by its table's schema).

use super::{AttributeValue, Item};
use crate::Result;
use crate::error::msg;

/// The longest attribute name, in bytes of UTF-8.
pub use crate::limits::MAX_ATTRIBUTE_NAME_BYTES;

/// The longest key attribute name (table and index key schemas, attribute definitions), in bytes.
pub use crate::limits::MAX_KEY_ATTRIBUTE_NAME_BYTES;

/// Refuses an empty name, or one longer than [`MAX_ATTRIBUTE_NAME_BYTES`].
pub fn validate_attribute_name(name: &str) -> Result<()> {
    if name.is_empty() {
        return Err(msg::item::empty_attribute_name());
    }
    if name.len() > MAX_ATTRIBUTE_NAME_BYTES {
        return Err(msg::item::attribute_name_too_large());
    }
    Ok(())
}

/// Checks every name of an item: its attributes' and, at any depth, its maps' keys.
pub fn validate_item_names(item: &Item) -> Result<()> {
    // A worklist rather than recursion: a stored item nests at most 32 levels, but an item built by
    // an update is walked here before anything else has bounded its depth.
    let mut pending: Vec<&AttributeValue> = Vec::new();
    for (name, value) in item {
        validate_attribute_name(name)?;
        pending.push(value);
    }
    while let Some(value) = pending.pop() {
        match value {
            AttributeValue::M(map) => {
                for (name, v) in map {
                    validate_attribute_name(name)?;
                    pending.push(v);
                }
            }
            AttributeValue::L(list) => pending.extend(list),
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(name: &str) -> AttributeValue {
        AttributeValue::M(Item::from([(name.to_owned(), AttributeValue::Bool(true))]))
    }

    #[test]
    fn names_from_one_byte_to_65535_are_accepted() {
        assert!(validate_attribute_name("a").is_ok());
        assert!(validate_attribute_name(&"a".repeat(MAX_ATTRIBUTE_NAME_BYTES)).is_ok());
    }

    #[test]
    fn empty_and_65536_byte_names_are_refused() {
        assert!(validate_attribute_name("").is_err());
        assert!(validate_attribute_name(&"a".repeat(MAX_ATTRIBUTE_NAME_BYTES + 1)).is_err());
        // Bytes, not characters: 32,768 two-byte characters are 65,536 bytes.
        assert!(validate_attribute_name(&"é".repeat(32_768)).is_err());
    }

    #[test]
    fn nested_map_keys_are_names_too() {
        let nested = Item::from([(
            "doc".to_owned(),
            AttributeValue::L(vec![map(""), AttributeValue::Null(true)]),
        )]);
        assert!(validate_item_names(&nested).is_err());
        let fine = Item::from([("doc".to_owned(), AttributeValue::L(vec![map("x")]))]);
        assert!(validate_item_names(&fine).is_ok());
    }
}
