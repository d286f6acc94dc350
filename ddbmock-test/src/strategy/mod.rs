//! Proptest strategies for DynamoDB data: attribute values of every type, numbers over DynamoDB's whole
//! range and precision, valid attribute names, items for a key schema within a size (reaching 400 KB)
//! or of an exact size, and items inside, at and just over each of DynamoDB's limits, for testing
//! that limits are enforced at their boundary.
//!
//! ```
//! use ddbmock_test::strategy::prelude::*;
//! use proptest::prelude::*;
//!
//! proptest!(|(item in items(&KeyShape::hash("id", ScalarType::S)).max_size(2_000))| {
//!     prop_assert!(ddbmock_core::model::item_size(&item) <= 2_000);
//! });
//! ```

mod item;
mod limits;
mod name;
mod number;
mod sized;
mod value;

pub use item::{Items, KeyShape, ScalarType, items, key_value};
pub use limits::{
    Limit, LimitItem, OverLimit, Side, at_limit, inside_limit, limit_items, limits_for, over_limit,
};
pub use name::attribute_name;
pub use number::{number, number_text};
pub use sized::{item_of_size, min_item_size};
pub use value::{attribute_value, scalar_value, set_value};

/// Everything a property test of DynamoDB data needs, in one import.
pub mod prelude {
    pub use super::{
        Items, KeyShape, Limit, LimitItem, OverLimit, ScalarType, Side, at_limit, attribute_name,
        attribute_value, inside_limit, item_of_size, items, key_value, limit_items, limits_for,
        min_item_size, number, number_text, over_limit, scalar_value, set_value,
    };
}
