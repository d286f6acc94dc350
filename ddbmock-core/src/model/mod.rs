//! The data model: attribute values, numbers, items, and table and index descriptions.

mod attribute_value;
mod from;
mod names;
mod number;
mod serde_item;
mod size;
mod validate;

pub use attribute_value::{
    AttributeType, AttributeValue, EMPTY_ATTRIBUTE_VALUE, Item, MULTIPLE_DATATYPES,
};
pub use from::SetMember;
pub use names::{
    MAX_ATTRIBUTE_NAME_BYTES, MAX_KEY_ATTRIBUTE_NAME_BYTES, validate_attribute_name,
    validate_item_names,
};
pub use number::{MAX_DIGITS, Number, NumberError};
pub use serde_item::{from_item, to_item};
pub use size::{attribute_value_size, item_size};
pub use validate::{MAX_NESTING_LEVELS, validate_item_values, validate_value};
