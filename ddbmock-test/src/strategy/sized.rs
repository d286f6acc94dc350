//! Items of an exact size, as DynamoDB counts it ([`item_size`]), and the size distribution that lets
//! [`items`](super::items) reach DynamoDB's 400 KB limit.
//!
//! An item of `n` bytes is drawn like any item (its key, up to 8 other attributes), then fitted: the
//! other attributes that do not fit are left out, and one padding attribute takes up exactly the
//! bytes that remain. Shrinking shrinks the drawn parts; the size stays `n`.

use std::collections::BTreeMap;

use ddbmock_core::model::{AttributeValue, Item, attribute_value_size, item_size};
use proptest::collection::btree_map;
use proptest::prelude::*;

use super::item::{KeyShape, ScalarType, key_value};
use super::{attribute_name, attribute_value};

/// Items for `shape` of exactly `bytes` bytes, as DynamoDB counts an item's size: the key, some other
/// attributes, and a padding attribute (a string or a binary) holding the rest.
///
/// # Panics
///
/// When `bytes` is below the smallest such item ([`min_item_size`]): the key attributes' names, one
/// byte per key value, and the padding attribute's name.
pub fn item_of_size(shape: &KeyShape, bytes: usize) -> impl Strategy<Value = Item> + use<> {
    let pad = padding_name(shape);
    let min = min_item_size(shape);
    assert!(
        bytes >= min,
        "item_of_size: {bytes} bytes is below the smallest item for this key shape ({min} bytes)"
    );
    let shape = shape.clone();
    (
        key_values(&shape),
        btree_map(attribute_name(), attribute_value(), 0..8),
        any::<bool>(),
        any::<u8>(),
    )
        .prop_map(move |(key, others, text, fill)| {
            fit(&shape, &pad, bytes, key, others, text, fill)
        })
}

/// The smallest item [`item_of_size`] can make for `shape`.
pub fn min_item_size(shape: &KeyShape) -> usize {
    shape.attrs().map(|(name, _)| name.len() + 1).sum::<usize>() + padding_name(shape).len()
}

/// Sizes from `min` to `max` (inclusive) spread evenly over their orders of magnitude, with `max`
/// itself drawn one time in eight: most sizes small, and every order of magnitude up to the limit.
/// Shrinks toward `min`.
pub(crate) fn size_between(min: usize, max: usize) -> impl Strategy<Value = usize> {
    let (lo, hi) = (min.max(1) as f64, max.max(1) as f64);
    prop_oneof![
        7 => (0.0..=1.0f64).prop_map(move |u| {
            ((lo * (hi / lo).powf(u)).round() as usize).clamp(min, max)
        }),
        1 => Just(max),
    ]
}

/// Each key attribute of `shape` with a drawn value.
pub(crate) fn key_values(shape: &KeyShape) -> Vec<BoxedStrategy<(String, AttributeValue)>> {
    shape
        .attrs()
        .map(|(name, ty)| {
            let name = name.clone();
            key_value(*ty).prop_map(move |v| (name.clone(), v)).boxed()
        })
        .collect()
}

/// The padding attribute's name: `pad`, lengthened until no key attribute has it.
pub(crate) fn padding_name(shape: &KeyShape) -> String {
    let mut name = "pad".to_owned();
    while shape.attrs().any(|(k, _)| *k == name) {
        name.push('_');
    }
    name
}

/// The drawn parts of an item, fitted to `bytes`.
fn fit(
    shape: &KeyShape,
    pad: &str,
    bytes: usize,
    key: Vec<(String, AttributeValue)>,
    others: BTreeMap<String, AttributeValue>,
    text: bool,
    fill: u8,
) -> Item {
    let mut item: Item = key.into_iter().collect();
    if item_size(&item) + pad.len() > bytes {
        // The drawn key leaves no room: the smallest key values, one byte each.
        item = shape
            .attrs()
            .map(|(name, ty)| (name.clone(), smallest_key(*ty)))
            .collect();
    }
    let mut size = item_size(&item) + pad.len();
    for (name, value) in others {
        if name == pad || item.contains_key(&name) {
            continue;
        }
        let extra = name.len() + attribute_value_size(&value);
        if size + extra <= bytes {
            size += extra;
            item.insert(name, value);
        }
    }
    item.insert(pad.to_owned(), padding(bytes - size, text, fill));
    item
}

/// A value of exactly `bytes` bytes: ASCII text (one byte a character) or a binary.
pub(crate) fn padding(bytes: usize, text: bool, fill: u8) -> AttributeValue {
    if text {
        AttributeValue::S(
            (0..bytes)
                .map(|i| char::from(b'a' + (fill as usize + i) as u8 % 26))
                .collect(),
        )
    } else {
        AttributeValue::B((0..bytes).map(|i| fill.wrapping_add(i as u8)).collect())
    }
}

fn smallest_key(ty: ScalarType) -> AttributeValue {
    match ty {
        ScalarType::N => AttributeValue::N("0".into()),
        ScalarType::B => AttributeValue::B(vec![0]),
        _ => AttributeValue::S("k".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;

    fn shape() -> KeyShape {
        KeyShape::hash("pk", ScalarType::S).range("sk", ScalarType::B)
    }

    #[test]
    fn items_have_exactly_the_size_asked_and_keep_it_when_shrunk() {
        let mut runner = TestRunner::deterministic();
        for bytes in [9, 10, 50, 300, 1_000, 4_096, 70_000, 409_600] {
            for _ in 0..10 {
                let Ok(mut tree) = item_of_size(&shape(), bytes).new_tree(&mut runner) else {
                    panic!("no tree for {bytes}");
                };
                assert_eq!(item_size(&tree.current()), bytes);
                for _ in 0..20 {
                    if !tree.simplify() {
                        break;
                    }
                    assert_eq!(item_size(&tree.current()), bytes);
                }
            }
        }
    }

    #[test]
    fn the_smallest_item_is_the_keys_and_an_empty_pad() {
        assert_eq!(min_item_size(&shape()), 2 + 1 + 2 + 1 + 3);
        let mut runner = TestRunner::deterministic();
        let item = item_of_size(&shape(), 9)
            .new_tree(&mut runner)
            .map(|t| t.current())
            .unwrap_or_default();
        assert_eq!(item_size(&item), 9);
        assert_eq!(item.len(), 3);
    }

    #[test]
    #[should_panic(
        expected = "item_of_size: 8 bytes is below the smallest item for this key shape (9 bytes)"
    )]
    fn a_size_below_the_smallest_item_is_refused() {
        let _ = item_of_size(&shape(), 8);
    }

    #[test]
    fn the_padding_avoids_key_names() {
        let shape = KeyShape::hash("pad", ScalarType::S);
        assert_eq!(padding_name(&shape), "pad_");
    }

    #[test]
    fn sizes_reach_the_maximum() {
        let mut runner = TestRunner::deterministic();
        let sizes: Vec<usize> = (0..500)
            .filter_map(|_| {
                size_between(10, 409_600)
                    .new_tree(&mut runner)
                    .ok()
                    .map(|t| t.current())
            })
            .collect();
        assert!(sizes.iter().all(|s| (10..=409_600).contains(s)));
        assert!(sizes.contains(&409_600));
        // Every order of magnitude is drawn.
        for decade in [10, 100, 1_000, 10_000, 100_000] {
            assert!(
                sizes.iter().any(|s| (decade..decade * 10).contains(s)),
                "{decade}"
            );
        }
    }
}
