//! Conversions from Rust values into [`AttributeValue`], so that items take one line to write.
//!
//! The table of conversions, their reasons and an example are in the [`model`](super) docs.

use super::{AttributeValue, Item, Number};

impl From<&str> for AttributeValue {
    fn from(v: &str) -> Self {
        AttributeValue::S(v.to_owned())
    }
}

impl From<String> for AttributeValue {
    fn from(v: String) -> Self {
        AttributeValue::S(v)
    }
}

impl From<&String> for AttributeValue {
    fn from(v: &String) -> Self {
        AttributeValue::S(v.clone())
    }
}

impl From<bool> for AttributeValue {
    fn from(v: bool) -> Self {
        AttributeValue::Bool(v)
    }
}

/// Integers and floats: `N` from their `Display`, which is plain decimal text for integers and, for
/// floats, the shortest decimal that reads back as the same value, never with an exponent (`-0.0`
/// gives `-0`, which DynamoDB reads as zero).
macro_rules! from_display_number {
    ($($t:ty),*) => {$(
        impl From<$t> for AttributeValue {
            fn from(v: $t) -> Self {
                AttributeValue::N(v.to_string())
            }
        }
        impl SetMember for $t {
            fn into_set(members: Vec<Self>) -> AttributeValue {
                AttributeValue::Ns(members.iter().map(ToString::to_string).collect())
            }
        }
    )*};
}

from_display_number!(
    i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize, f32, f64, Number
);

impl From<Vec<u8>> for AttributeValue {
    fn from(v: Vec<u8>) -> Self {
        AttributeValue::B(v)
    }
}

impl From<&[u8]> for AttributeValue {
    fn from(v: &[u8]) -> Self {
        AttributeValue::B(v.to_vec())
    }
}

impl<const N: usize> From<&[u8; N]> for AttributeValue {
    fn from(v: &[u8; N]) -> Self {
        AttributeValue::B(v.to_vec())
    }
}

impl From<Vec<AttributeValue>> for AttributeValue {
    fn from(v: Vec<AttributeValue>) -> Self {
        AttributeValue::L(v)
    }
}

impl From<Item> for AttributeValue {
    fn from(v: Item) -> Self {
        AttributeValue::M(v)
    }
}

impl<T: Into<AttributeValue>> From<Option<T>> for AttributeValue {
    fn from(v: Option<T>) -> Self {
        match v {
            Some(v) => v.into(),
            None => AttributeValue::Null(true),
        }
    }
}

/// An element type of a DynamoDB set: strings make an `SS`, numbers an `NS`, byte strings a `BS`.
///
/// Used by [`AttributeValue::set`] and [`set!`](crate::set).
pub trait SetMember: Sized {
    /// The set of these members, in the order given (DynamoDB sets are unordered; duplicates are
    /// left for the engine to reject, as DynamoDB does).
    fn into_set(members: Vec<Self>) -> AttributeValue;
}

impl SetMember for &str {
    fn into_set(members: Vec<Self>) -> AttributeValue {
        AttributeValue::Ss(members.into_iter().map(str::to_owned).collect())
    }
}

impl SetMember for String {
    fn into_set(members: Vec<Self>) -> AttributeValue {
        AttributeValue::Ss(members)
    }
}

impl SetMember for Vec<u8> {
    fn into_set(members: Vec<Self>) -> AttributeValue {
        AttributeValue::Bs(members)
    }
}

impl SetMember for &[u8] {
    fn into_set(members: Vec<Self>) -> AttributeValue {
        AttributeValue::Bs(members.into_iter().map(<[u8]>::to_vec).collect())
    }
}

impl AttributeValue {
    /// A list (`L`) of any values convertible into attribute values.
    pub fn list<T: Into<AttributeValue>>(values: impl IntoIterator<Item = T>) -> Self {
        AttributeValue::L(values.into_iter().map(Into::into).collect())
    }

    /// A set: `SS` of strings, `NS` of numbers, `BS` of byte strings, by the members' type.
    ///
    /// An empty set is accepted here and rejected by DynamoDB (and the engine) when written.
    pub fn set<T: SetMember>(members: impl IntoIterator<Item = T>) -> Self {
        T::into_set(members.into_iter().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_exact_decimal_text() {
        assert_eq!(
            AttributeValue::from(u128::MAX).as_n(),
            Some("340282366920938463463374607431768211455")
        );
        assert_eq!(AttributeValue::from(i8::MIN).as_n(), Some("-128"));
        assert_eq!(AttributeValue::from(1e-7_f64).as_n(), Some("0.0000001"));
        assert_eq!(AttributeValue::from(0.1_f32).as_n(), Some("0.1"));
        assert_eq!(
            AttributeValue::from(Number::from(12_i64)).as_n(),
            Some("12")
        );
    }

    #[test]
    fn floats_read_back_exactly_and_non_finite_ones_are_not_numbers() {
        for f in [0.1_f64, 1.0 / 3.0, -2.5e-100, 123456789.12345679, f64::MAX] {
            let text = AttributeValue::from(f)
                .as_n()
                .map(str::to_owned)
                .unwrap_or_default();
            assert_eq!(text.parse::<f64>(), Ok(f));
        }
        for f in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            let text = AttributeValue::from(f)
                .as_n()
                .map(str::to_owned)
                .unwrap_or_default();
            assert!(Number::parse(&text).is_err(), "{text}");
        }
    }

    #[test]
    fn bytes_sets_and_maps() {
        assert_eq!(
            AttributeValue::from(&b"ab"[..]),
            AttributeValue::B(b"ab".to_vec())
        );
        assert_eq!(
            AttributeValue::from(b"ab"),
            AttributeValue::B(b"ab".to_vec())
        );
        assert_eq!(
            AttributeValue::set([b"a".to_vec()]),
            AttributeValue::Bs(vec![b"a".to_vec()])
        );
        let m: Item = [("k".to_owned(), AttributeValue::from(1))]
            .into_iter()
            .collect();
        assert_eq!(AttributeValue::from(m.clone()), AttributeValue::M(m));
        assert_eq!(
            AttributeValue::from(Some("x")),
            AttributeValue::S("x".into())
        );
    }
}
