//! The data model: attribute values, numbers, items, and table and index descriptions.

mod attribute_value;

pub use attribute_value::{
    AttributeType, AttributeValue, EMPTY_ATTRIBUTE_VALUE, Item, MULTIPLE_DATATYPES,
};
