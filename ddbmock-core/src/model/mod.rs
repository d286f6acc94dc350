//! The data model: attribute values, numbers, items, and table and index descriptions.
//!
//! # Values from Rust values
//!
//! `AttributeValue` implements `From` for the common Rust types, which is what the
//! [`item!`](crate::item) and [`set!`](crate::set) macros use:
//!
//! | Rust | DynamoDB |
//! |---|---|
//! | `&str`, `String`, `&String` | `S` |
//! | `bool` | `BOOL` |
//! | every integer type, [`Number`] | `N`, as decimal text |
//! | `f32`, `f64` | `N`, the shortest text that reads back as the same float |
//! | `Vec<u8>`, `&[u8]`, `&[u8; N]` | `B` |
//! | `Vec<AttributeValue>` | `L` (any iterator: [`AttributeValue::list`]) |
//! | [`Item`] (`HashMap<String, AttributeValue>`) | `M` |
//! | `Option<T>` | `None` is `NULL`, `Some(v)` is `v`'s value |
//! | sets | `SS`, `NS` or `BS` by element type: [`AttributeValue::set`] or [`set!`](crate::set) |
//!
//! Choices, each for a reason:
//! - A `Vec<u8>` is binary (`B`), as in the SDK, not a list of numbers; a list is built from
//!   `Vec<AttributeValue>` or [`AttributeValue::list`], which takes any values convertible here.
//! - `None` is `NULL` rather than "no attribute", because a conversion yields one value and cannot
//!   remove its attribute; leave the attribute out of the item to mean "absent".
//! - A float that is not finite converts to DynamoDB's rejected text (`NaN`, `inf`, `-inf`) rather
//!   than panicking: the write then fails with DynamoDB's `ValidationException`, as it would with
//!   DynamoDB. Nothing else is checked here either (an empty set, a number beyond 38 digits): the
//!   engine checks, with DynamoDB's messages, on every door.
//!
//! ```
//! use ddbmock_core::model::AttributeValue;
//!
//! assert_eq!(AttributeValue::from("u1"), AttributeValue::S("u1".into()));
//! assert_eq!(AttributeValue::from(-3_i64), AttributeValue::N("-3".into()));
//! assert_eq!(AttributeValue::from(0.1_f64), AttributeValue::N("0.1".into()));
//! assert_eq!(AttributeValue::from(true), AttributeValue::Bool(true));
//! assert_eq!(AttributeValue::from(vec![1_u8, 2]), AttributeValue::B(vec![1, 2]));
//! assert_eq!(AttributeValue::from(None::<i32>), AttributeValue::Null(true));
//! assert_eq!(
//!     AttributeValue::list([1, 2]),
//!     AttributeValue::L(vec![AttributeValue::N("1".into()), AttributeValue::N("2".into())])
//! );
//! assert_eq!(AttributeValue::set(["a", "b"]), AttributeValue::Ss(vec!["a".into(), "b".into()]));
//! assert_eq!(AttributeValue::set([1, 2]), AttributeValue::Ns(vec!["1".into(), "2".into()]));
//! ```
//!
//! Between items and an application's serde types: [`to_item`] and [`from_item`].

mod attribute_value;
mod debug;
pub mod export_line;
mod from;
mod names;
mod number;
mod serde_item;
mod size;
mod validate;

pub use attribute_value::{
    AttributeType, AttributeValue, EMPTY_ATTRIBUTE_VALUE, InvalidShape, Item, MULTIPLE_DATATYPES,
};
pub use from::SetMember;
pub use names::{
    MAX_ATTRIBUTE_NAME_BYTES, MAX_KEY_ATTRIBUTE_NAME_BYTES, validate_attribute_name,
    validate_item_names,
};
pub use number::{MAX_DIGITS, Number, NumberError};
pub use serde_item::{from_item, to_item};
pub use size::{attribute_value_size, item_size, number_size};
pub use validate::{MAX_NESTING_LEVELS, validate_item_values, validate_value};
