//! Items just over one of DynamoDB's limits, each otherwise valid, for testing that every limit is
//! enforced at its exact boundary.

use std::collections::HashMap;

use ddbmock_core::model::{AttributeValue, Item, item_size};
use proptest::collection::vec;
use proptest::prelude::*;

use super::{KeyShape, ScalarType, items};

/// DynamoDB's item size limit, in bytes.
const MAX_ITEM_BYTES: usize = 400 * 1024;

/// Which limit an [`OverLimit`] item breaks, by the smallest amount that breaks it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Limit {
    /// An item of 400 KB + 1 byte.
    ItemSize,
    /// A partition key of 2049 bytes.
    HashKeySize,
    /// A sort key of 1025 bytes.
    RangeKeySize,
    /// A number of 39 significant digits.
    NumberDigits,
    /// A value nested 33 levels deep (the attribute itself being level 1).
    Nesting,
    /// An empty string set.
    EmptyStringSet,
    /// An empty number set.
    EmptyNumberSet,
    /// An empty binary set.
    EmptyBinarySet,
}

/// An item that breaks exactly one limit, and which one.
#[derive(Clone, Debug, PartialEq)]
pub struct OverLimit {
    /// The limit the item breaks.
    pub limit: Limit,
    /// The item: valid for its key shape but for that one limit.
    pub item: Item,
}

/// Items for `shape` that each break one limit by the smallest amount, every applicable limit drawn
/// (key size limits only for `S` and `B` keys: a 38-digit number cannot reach them).
pub fn over_limit(shape: &KeyShape) -> impl Strategy<Value = OverLimit> + use<> {
    let base = items(shape).max_size(8 * 1024);
    let mut limits = vec![
        Limit::ItemSize,
        Limit::NumberDigits,
        Limit::Nesting,
        Limit::EmptyStringSet,
        Limit::EmptyNumberSet,
        Limit::EmptyBinarySet,
    ];
    if shape.hash.1 != ScalarType::N {
        limits.push(Limit::HashKeySize);
    }
    if shape
        .range
        .as_ref()
        .is_some_and(|(_, ty)| *ty != ScalarType::N)
    {
        limits.push(Limit::RangeKeySize);
    }
    let shape = shape.clone();
    (
        base,
        proptest::sample::select(limits),
        vec(any::<u8>(), 40),
        any::<bool>(),
    )
        .prop_map(move |(item, limit, noise, flag)| OverLimit {
            limit,
            item: break_limit(&shape, item, limit, &noise, flag),
        })
}

/// An attribute name no key shape from this crate's tests uses, for the breaking attribute.
const BREAKER: &str = "over_limit";

fn break_limit(shape: &KeyShape, mut item: Item, limit: Limit, noise: &[u8], flag: bool) -> Item {
    item.remove(BREAKER);
    let value = match limit {
        Limit::ItemSize => {
            // The padding attribute's name (10 bytes) and its value make up the rest.
            let room = (MAX_ITEM_BYTES + 1).saturating_sub(item_size(&item) + BREAKER.len());
            AttributeValue::B(noise.iter().copied().cycle().take(room).collect())
        }
        Limit::HashKeySize => {
            item.insert(
                shape.hash.0.clone(),
                oversized_key(shape.hash.1, 2049, noise),
            );
            return item;
        }
        Limit::RangeKeySize => {
            if let Some((name, ty)) = &shape.range {
                item.insert(name.clone(), oversized_key(*ty, 1025, noise));
            }
            return item;
        }
        Limit::NumberDigits => {
            let digits: String = noise
                .iter()
                .take(39)
                .enumerate()
                .map(|(i, b)| {
                    // Non-zero at both ends: 39 significant digits whatever trimming applies.
                    let d = if i == 0 || i == 38 { b % 9 + 1 } else { b % 10 };
                    char::from(b'0' + d)
                })
                .collect();
            let point = usize::from(noise[0]) % 40;
            let (int, frac) = digits.split_at(point);
            let text = match (int.is_empty(), frac.is_empty()) {
                (true, _) => format!("0.{frac}"),
                (_, true) => int.to_owned(),
                _ => format!("{int}.{frac}"),
            };
            if flag {
                AttributeValue::L(vec![AttributeValue::N(text)])
            } else {
                AttributeValue::N(text)
            }
        }
        Limit::Nesting => {
            // 32 documents around a leaf: the leaf sits at level 33.
            let mut v = AttributeValue::Bool(flag);
            for (level, b) in noise.iter().cycle().take(32).enumerate() {
                v = if b % 2 == 0 {
                    AttributeValue::L(vec![v])
                } else {
                    AttributeValue::M(HashMap::from([(format!("l{level}"), v)]))
                };
            }
            v
        }
        Limit::EmptyStringSet => AttributeValue::Ss(Vec::new()),
        Limit::EmptyNumberSet => AttributeValue::Ns(Vec::new()),
        Limit::EmptyBinarySet => AttributeValue::Bs(Vec::new()),
    };
    item.insert(BREAKER.to_owned(), value);
    item
}

fn oversized_key(ty: ScalarType, bytes: usize, noise: &[u8]) -> AttributeValue {
    let filler = noise.iter().copied().cycle().take(bytes);
    match ty {
        ScalarType::B => AttributeValue::B(filler.collect()),
        // ASCII letters: one byte each, so the length in bytes is exact.
        _ => AttributeValue::S(filler.map(|b| char::from(b'a' + b % 26)).collect()),
    }
}
