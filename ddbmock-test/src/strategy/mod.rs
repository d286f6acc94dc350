//! Proptest strategies for DynamoDB data: attribute values of every type, numbers over DynamoDB's whole
//! range and precision, valid attribute names, items for a key schema within a size, and values just
//! over each limit, for testing that limits are enforced.
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
mod value;

pub use item::{Items, KeyShape, ScalarType, items, key_value};
pub use limits::{Limit, OverLimit, over_limit};
pub use name::attribute_name;
pub use number::{number, number_text};
pub use value::{attribute_value, scalar_value, set_value};

/// Everything a property test of DynamoDB data needs, in one import.
pub mod prelude {
    pub use super::{
        Items, KeyShape, Limit, OverLimit, ScalarType, attribute_name, attribute_value, items,
        key_value, number, number_text, over_limit, scalar_value, set_value,
    };
}
