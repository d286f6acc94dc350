//! The `item!` and `set!` macros: an item in one line.
//!
//! ```
//! use ddbmock_core::model::AttributeValue;
//! use ddbmock_core::{item, set};
//!
//! let user = item! {
//!     "pk" => "u1",
//!     "n" => 3,
//!     "tags" => set!["a", "b"],
//!     "address" => item! { "city" => "Paris" },
//! };
//! assert_eq!(user["n"], AttributeValue::N("3".into()));
//! assert_eq!(user["tags"], AttributeValue::Ss(vec!["a".into(), "b".into()]));
//! assert_eq!(user["address"].as_m().unwrap()["city"], AttributeValue::S("Paris".into()));
//! ```

/// An [`Item`](crate::model::Item) from `name => value` pairs, each value converted with
/// `AttributeValue::from` (see [`model`](crate::model) for the conversions; a nested `item!` is a map).
///
/// A name given twice keeps its last value, as a `HashMap` does.
///
/// ```
/// let key = ddbmock_core::item! { "pk" => "u1", "sk" => 7_u64 };
/// assert_eq!(key.len(), 2);
/// let empty = ddbmock_core::item! {};
/// assert!(empty.is_empty());
/// ```
#[macro_export]
macro_rules! item {
    () => {
        $crate::model::Item::new()
    };
    ($($name:expr => $value:expr),+ $(,)?) => {{
        let mut item = $crate::model::Item::with_capacity([$(stringify!($name)),+].len());
        $(
            item.insert(
                ::std::string::String::from($name),
                $crate::model::AttributeValue::from($value),
            );
        )+
        item
    }};
}

/// A DynamoDB set from its members: strings give an `SS`, numbers an `NS`, byte strings a `BS`
/// (see [`SetMember`](crate::model::SetMember)).
///
/// `set![]` is an empty string set, which DynamoDB (and the engine) reject when written.
///
/// ```
/// use ddbmock_core::model::AttributeValue;
/// use ddbmock_core::set;
///
/// assert_eq!(set!["a", "b"], AttributeValue::Ss(vec!["a".into(), "b".into()]));
/// assert_eq!(set![1, 25], AttributeValue::Ns(vec!["1".into(), "25".into()]));
/// assert_eq!(set![vec![0_u8]], AttributeValue::Bs(vec![vec![0]]));
/// ```
#[macro_export]
macro_rules! set {
    () => {
        $crate::model::AttributeValue::Ss(::std::vec::Vec::new())
    };
    ($($member:expr),+ $(,)?) => {
        $crate::model::AttributeValue::set([$($member),+])
    };
}
