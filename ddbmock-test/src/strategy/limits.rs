//! Items at each of DynamoDB's limits: one step inside it, exactly at it, or one step past it (the
//! smallest amount that breaks it), each otherwise valid, for testing that every limit is enforced
//! at its exact boundary. The limits' values come from [`ddbmock_core::limits`].

use std::collections::HashMap;

use ddbmock_core::limits::{
    MAX_HASH_KEY_BYTES, MAX_ITEM_BYTES, MAX_NESTING_LEVELS, MAX_NUMBER_DIGITS, MAX_NUMBER_EXPONENT,
    MAX_RANGE_KEY_BYTES, MIN_NUMBER_EXPONENT, MIN_SET_MEMBERS,
};
use ddbmock_core::model::{AttributeValue, Item, item_size};
use proptest::collection::vec;
use proptest::prelude::*;

use super::sized::{padding, padding_name};
use super::{KeyShape, ScalarType, items};

/// One of DynamoDB's limits on an item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Limit {
    /// The item's size: at most 400 KB ([`MAX_ITEM_BYTES`]).
    ItemSize,
    /// The partition key's size: at most 2048 bytes ([`MAX_HASH_KEY_BYTES`]).
    HashKeySize,
    /// The sort key's size: at most 1024 bytes ([`MAX_RANGE_KEY_BYTES`]).
    RangeKeySize,
    /// A number's precision: at most 38 significant digits ([`MAX_NUMBER_DIGITS`]).
    NumberDigits,
    /// A number's magnitude from above: its leading digit at most at 10^125
    /// ([`MAX_NUMBER_EXPONENT`]); past it is an overflow.
    NumberLargest,
    /// A number's magnitude from below: its leading digit at least at 10^-130
    /// ([`MIN_NUMBER_EXPONENT`]); past it is an underflow.
    NumberSmallest,
    /// How deep a value is nested: at most level 32, the attribute itself being level 1
    /// ([`MAX_NESTING_LEVELS`]).
    Nesting,
    /// A string set's members: at least one ([`MIN_SET_MEMBERS`]).
    StringSetMembers,
    /// A number set's members: at least one.
    NumberSetMembers,
    /// A binary set's members: at least one.
    BinarySetMembers,
}

/// Where an item stands against its [`Limit`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Side {
    /// One step inside the limit: one byte, digit or level under a maximum, one member over a
    /// minimum. DynamoDB accepts it.
    Inside,
    /// Exactly at the limit. DynamoDB accepts it.
    At,
    /// One step past the limit: one byte, digit or level over a maximum, one member under a minimum
    /// (an empty set). DynamoDB refuses it.
    Over,
}

/// An item at one limit, on one side of it.
#[derive(Clone, Debug, PartialEq)]
pub struct LimitItem {
    /// The limit the item is at.
    pub limit: Limit,
    /// Where the item stands against it.
    pub side: Side,
    /// The item: valid for its key shape, but for the limit when `side` is [`Side::Over`].
    pub item: Item,
}

impl LimitItem {
    /// Whether DynamoDB accepts the item: inside or at its limit.
    pub fn accepted(&self) -> bool {
        self.side != Side::Over
    }
}

/// An item that breaks exactly one limit, and which one.
#[derive(Clone, Debug, PartialEq)]
pub struct OverLimit {
    /// The limit the item breaks.
    pub limit: Limit,
    /// The item: valid for its key shape but for that one limit.
    pub item: Item,
}

/// The limits an item for `shape` can be at (key size limits only for `S` and `B` keys: a 38-digit
/// number cannot reach them).
pub fn limits_for(shape: &KeyShape) -> Vec<Limit> {
    let mut limits = vec![
        Limit::ItemSize,
        Limit::NumberDigits,
        Limit::NumberLargest,
        Limit::NumberSmallest,
        Limit::Nesting,
        Limit::StringSetMembers,
        Limit::NumberSetMembers,
        Limit::BinarySetMembers,
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
    limits
}

/// Items for `shape` on `side` of one of its limits, every limit of [`limits_for`] drawn.
pub fn limit_items(shape: &KeyShape, side: Side) -> impl Strategy<Value = LimitItem> + use<> {
    let base = items(shape).max_size(8 * 1024);
    let shape = shape.clone();
    (
        base,
        proptest::sample::select(limits_for(&shape)),
        vec(any::<u8>(), 40),
        any::<bool>(),
    )
        .prop_map(move |(item, limit, noise, flag)| LimitItem {
            limit,
            side,
            item: at_limit_item(&shape, item, limit, side, &noise, flag),
        })
}

/// Items for `shape` exactly at one of its limits; DynamoDB accepts them.
pub fn at_limit(shape: &KeyShape) -> impl Strategy<Value = LimitItem> + use<> {
    limit_items(shape, Side::At)
}

/// Items for `shape` one step inside one of its limits; DynamoDB accepts them.
pub fn inside_limit(shape: &KeyShape) -> impl Strategy<Value = LimitItem> + use<> {
    limit_items(shape, Side::Inside)
}

/// Items for `shape` that each break one limit by the smallest amount, every limit of [`limits_for`]
/// drawn; DynamoDB refuses them.
pub fn over_limit(shape: &KeyShape) -> impl Strategy<Value = OverLimit> + use<> {
    limit_items(shape, Side::Over).prop_map(|l| OverLimit {
        limit: l.limit,
        item: l.item,
    })
}

/// An attribute name no key shape from this crate's tests uses, for the attribute at the limit.
const BREAKER: &str = "over_limit";

/// `item`, changed to sit on `side` of `limit`; `noise` (40 bytes) and `flag` vary the change.
fn at_limit_item(
    shape: &KeyShape,
    mut item: Item,
    limit: Limit,
    side: Side,
    noise: &[u8],
    flag: bool,
) -> Item {
    item.remove(BREAKER);
    // A maximum of `max`: one under, at, one over.
    let of_max = |max: usize| match side {
        Side::Inside => max - 1,
        Side::At => max,
        Side::Over => max + 1,
    };
    let value = match limit {
        Limit::ItemSize => {
            // The item's padding attribute may be the limit's own (the base item can be sized); the
            // limit's attribute (its name and value) makes up the rest.
            item.remove(&padding_name(shape));
            let room = of_max(MAX_ITEM_BYTES).saturating_sub(item_size(&item) + BREAKER.len());
            padding(room, flag, noise[0])
        }
        Limit::HashKeySize => {
            let key = sized_key(shape.hash.1, of_max(MAX_HASH_KEY_BYTES), noise);
            item.insert(shape.hash.0.clone(), key);
            return item;
        }
        Limit::RangeKeySize => {
            if let Some((name, ty)) = &shape.range {
                item.insert(
                    name.clone(),
                    sized_key(*ty, of_max(MAX_RANGE_KEY_BYTES), noise),
                );
            }
            return item;
        }
        Limit::NumberDigits => {
            let n = AttributeValue::N(digits(of_max(MAX_NUMBER_DIGITS as usize), noise));
            if flag { AttributeValue::L(vec![n]) } else { n }
        }
        Limit::NumberLargest => {
            // Up to 38 significant digits, the leading one at 10^125 (inside: 10^124, past: 10^126).
            let leading = of_max(MAX_NUMBER_EXPONENT as usize);
            let sig = significant(1 + usize::from(noise[1]) % 38, noise);
            let zeros = "0".repeat(leading + 1 - sig.len());
            AttributeValue::N(format!("{}{sig}{zeros}", if flag { "-" } else { "" }))
        }
        Limit::NumberSmallest => {
            // One digit at 10^-130 (inside: 10^-129, past: 10^-131): `of_max` counts decimal places.
            let places = of_max(MIN_NUMBER_EXPONENT.unsigned_abs() as usize);
            let digit = noise[1] % 9 + 1;
            let zeros = "0".repeat(places - 1);
            AttributeValue::N(format!("{}0.{zeros}{digit}", if flag { "-" } else { "" }))
        }
        Limit::Nesting => {
            // The attribute is level 1 and each document adds one: a leaf at level `depth` sits in
            // `depth - 1` documents.
            let mut v = AttributeValue::Bool(flag);
            let documents = of_max(MAX_NESTING_LEVELS) - 1;
            for (level, b) in noise.iter().cycle().take(documents).enumerate() {
                v = if b % 2 == 0 {
                    AttributeValue::L(vec![v])
                } else {
                    AttributeValue::M(HashMap::from([(format!("l{level}"), v)]))
                };
            }
            v
        }
        Limit::StringSetMembers | Limit::NumberSetMembers | Limit::BinarySetMembers => {
            // A minimum of one: two members inside, one at, none past.
            let members = match side {
                Side::Inside => MIN_SET_MEMBERS + 1,
                Side::At => MIN_SET_MEMBERS,
                Side::Over => MIN_SET_MEMBERS - 1,
            };
            // Distinct members: the index makes each one unique.
            let member = |i: usize| format!("{i}{}", noise[i] % 10);
            match limit {
                Limit::StringSetMembers => AttributeValue::Ss((0..members).map(member).collect()),
                Limit::NumberSetMembers => AttributeValue::Ns(
                    (0..members)
                        .map(|i| format!("{}", i * 10 + usize::from(noise[i] % 9) + 1))
                        .collect(),
                ),
                _ => AttributeValue::Bs((0..members).map(|i| member(i).into_bytes()).collect()),
            }
        }
    };
    item.insert(BREAKER.to_owned(), value);
    item
}

/// A canonical number text of exactly `count` significant digits (1 to 40), the decimal point
/// placed by `noise`.
fn digits(count: usize, noise: &[u8]) -> String {
    let digits = significant(count, noise);
    let point = usize::from(noise[0]) % (count + 1);
    let (int, frac) = digits.split_at(point);
    match (int.is_empty(), frac.is_empty()) {
        (true, _) => format!("0.{frac}"),
        (_, true) => int.to_owned(),
        _ => format!("{int}.{frac}"),
    }
}

/// `count` digits (1 to 40), the first and last non-zero, so that all are significant.
fn significant(count: usize, noise: &[u8]) -> String {
    noise
        .iter()
        .cycle()
        .take(count)
        .enumerate()
        .map(|(i, b)| {
            let d = if i == 0 || i == count - 1 {
                b % 9 + 1
            } else {
                b % 10
            };
            char::from(b'0' + d)
        })
        .collect()
}

/// A key value of exactly `bytes` bytes.
fn sized_key(ty: ScalarType, bytes: usize, noise: &[u8]) -> AttributeValue {
    let filler = noise.iter().copied().cycle().take(bytes);
    match ty {
        ScalarType::B => AttributeValue::B(filler.collect()),
        // ASCII letters: one byte each, so the length in bytes is exact.
        _ => AttributeValue::S(filler.map(|b| char::from(b'a' + b % 26)).collect()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ddbmock_core::model::{Number, attribute_value_size};

    #[test]
    fn numbers_have_the_digits_asked() {
        for count in [1, 37, 38, 39] {
            for first in [0u8, 3, 17, 38, 39, 200] {
                let noise: Vec<u8> = (0..40u8)
                    .map(|i| i.wrapping_mul(7).wrapping_add(first))
                    .collect();
                let mut noise = noise;
                noise[0] = first;
                let text = digits(count, &noise);
                let significant = text.bytes().filter(u8::is_ascii_digit).count()
                    - text
                        .bytes()
                        .take_while(|b| *b == b'0' || *b == b'.')
                        .filter(|b| *b == b'0')
                        .count();
                assert_eq!(significant, count, "{text}");
                if count <= 38 {
                    assert_eq!(
                        Number::parse(&text).map(|n| n.to_string()).ok(),
                        Some(text.clone())
                    );
                }
            }
        }
    }

    #[test]
    fn magnitudes_sit_at_the_exponent_asked() {
        let shape = KeyShape::hash("pk", ScalarType::S);
        let noise = [5u8; 40];
        let number =
            |limit, side| match at_limit_item(&shape, Item::new(), limit, side, &noise, false)
                .remove(BREAKER)
            {
                Some(AttributeValue::N(n)) => n,
                other => panic!("{other:?}"),
            };
        // noise[1] = 5: 6 significant digits, 6 then 5s then a 6.
        assert_eq!(
            number(Limit::NumberLargest, Side::At),
            format!("655556{}", "0".repeat(120))
        );
        assert_eq!(number(Limit::NumberLargest, Side::Over).len(), 127);
        assert_eq!(number(Limit::NumberLargest, Side::Inside).len(), 125);
        assert_eq!(
            number(Limit::NumberSmallest, Side::At),
            format!("0.{}6", "0".repeat(129))
        );
        assert_eq!(
            number(Limit::NumberSmallest, Side::Over),
            format!("0.{}6", "0".repeat(130))
        );
        assert_eq!(
            number(Limit::NumberSmallest, Side::Inside),
            format!("0.{}6", "0".repeat(128))
        );
        for side in [Side::Inside, Side::At] {
            for limit in [Limit::NumberLargest, Limit::NumberSmallest] {
                assert!(
                    Number::parse(&number(limit, side)).is_ok(),
                    "{limit:?} {side:?}"
                );
            }
        }
        for limit in [Limit::NumberLargest, Limit::NumberSmallest] {
            assert!(
                Number::parse(&number(limit, Side::Over)).is_err(),
                "{limit:?}"
            );
        }
    }

    #[test]
    fn keys_have_the_bytes_asked() {
        let noise = [200u8; 40];
        for ty in [ScalarType::S, ScalarType::B] {
            assert_eq!(attribute_value_size(&sized_key(ty, 2049, &noise)), 2049);
        }
    }
}
