//! Attribute values of every DynamoDB type, valid as DynamoDB stores them: numbers canonical, sets
//! non-empty with distinct members, `NULL` true; maps and lists nested a few levels deep.

use ddbmock_core::model::AttributeValue;
use proptest::collection::{btree_map, btree_set, vec};
use proptest::prelude::*;

use super::{attribute_name, number};

/// A scalar: `S`, `N`, `B`, `BOOL` or `NULL` (strings and binaries may be empty, as DynamoDB allows
/// outside keys).
pub fn scalar_value() -> impl Strategy<Value = AttributeValue> {
    prop_oneof![
        3 => "\\PC{0,24}".prop_map(AttributeValue::S),
        3 => number().prop_map(AttributeValue::N),
        2 => vec(any::<u8>(), 0..24).prop_map(AttributeValue::B),
        1 => any::<bool>().prop_map(AttributeValue::Bool),
        1 => Just(AttributeValue::Null(true)),
    ]
}

/// A set: `SS`, `NS` or `BS`, with 1 to 8 distinct members (empty members allowed, as DynamoDB does).
pub fn set_value() -> impl Strategy<Value = AttributeValue> {
    // BTreeSets rather than HashSets: the same seed gives the same member order, run after run.
    prop_oneof![
        btree_set("\\PC{0,12}", 1..8).prop_map(|s| AttributeValue::Ss(s.into_iter().collect())),
        // Canonical texts are distinct exactly when the numbers are.
        btree_set(number(), 1..8).prop_map(|s| AttributeValue::Ns(s.into_iter().collect())),
        btree_set(vec(any::<u8>(), 0..12), 1..8)
            .prop_map(|s| AttributeValue::Bs(s.into_iter().collect())),
    ]
}

/// A value of any type: scalars, sets, and maps and lists nested up to 4 levels (up to 6 members
/// each, about 48 values in all).
pub fn attribute_value() -> impl Strategy<Value = AttributeValue> {
    let leaf = prop_oneof![4 => scalar_value(), 1 => set_value()];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..6).prop_map(AttributeValue::L),
            btree_map(attribute_name(), inner, 0..6)
                .prop_map(|m| AttributeValue::M(m.into_iter().collect())),
        ]
    })
}
