//! Items for a given key schema, within a given size.

use std::collections::BTreeMap;

use ddbmock_core::limits::MAX_ITEM_BYTES;
use ddbmock_core::model::{AttributeValue, Item, item_size};
use proptest::collection::{btree_map, vec};
use proptest::prelude::*;
use proptest::strategy::{BoxedStrategy, NewTree, ValueTree};
use proptest::test_runner::TestRunner;

use super::sized::{item_of_size, key_values, min_item_size, size_between};
use super::{attribute_name, attribute_value, number};

/// The type of a key attribute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ScalarType {
    /// `S`
    S,
    /// `N`
    N,
    /// `B`
    B,
}

/// A table's key: the partition key and the optional sort key, with their types.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyShape {
    /// The partition key's name and type.
    pub hash: (String, ScalarType),
    /// The sort key's name and type.
    pub range: Option<(String, ScalarType)>,
}

impl KeyShape {
    /// A partition key alone.
    pub fn hash(name: &str, ty: ScalarType) -> Self {
        KeyShape {
            hash: (name.to_owned(), ty),
            range: None,
        }
    }

    /// Adds a sort key.
    #[must_use]
    pub fn range(mut self, name: &str, ty: ScalarType) -> Self {
        self.range = Some((name.to_owned(), ty));
        self
    }

    /// The key attributes, partition key first.
    pub fn attrs(&self) -> impl Iterator<Item = &(String, ScalarType)> {
        std::iter::once(&self.hash).chain(&self.range)
    }
}

/// A valid key value of type `ty`: non-empty, at most 64 bytes.
pub fn key_value(ty: ScalarType) -> BoxedStrategy<AttributeValue> {
    match ty {
        ScalarType::S => "\\PC{1,16}".prop_map(AttributeValue::S).boxed(),
        ScalarType::N => number().prop_map(AttributeValue::N).boxed(),
        ScalarType::B => vec(any::<u8>(), 1..32).prop_map(AttributeValue::B).boxed(),
    }
}

/// Items with `shape`'s key attributes and up to 8 other attributes of any type, one in eight of them
/// padded to a size drawn up to the bound (400 KB by default); see [`Items`].
pub fn items(shape: &KeyShape) -> Items {
    Items {
        shape: shape.clone(),
        max_size: MAX_ITEM_BYTES,
    }
}

/// The strategy of [`items`]: valid items for a key shape, no larger than [`Items::max_size`] bytes
/// (DynamoDB's item size; 400 KB by default).
#[derive(Clone, Debug)]
#[must_use = "strategies do nothing unless used"]
pub struct Items {
    shape: KeyShape,
    max_size: usize,
}

impl Items {
    /// Keeps only items of at most `bytes` bytes, as DynamoDB counts them.
    pub fn max_size(mut self, bytes: usize) -> Self {
        self.max_size = bytes;
        self
    }

    fn strategy(&self) -> BoxedStrategy<Item> {
        let shape = self.shape.clone();
        let max = self.max_size;
        let small = (
            key_values(&self.shape),
            btree_map(attribute_name(), attribute_value(), 0..8),
        )
            .prop_map(move |(key, others): (Vec<_>, BTreeMap<_, _>)| {
                let mut item: Item = others
                    .into_iter()
                    .filter(|(name, _)| !shape.attrs().any(|(k, _)| k == name))
                    .collect();
                item.extend(key);
                item
            })
            // Shrinks toward smaller items, so a filter rarely rejects once the generated sizes sit
            // well under the bound; a tight bound costs more rejections, not wrong items.
            .prop_filter("item over the size bound", move |item| {
                item_size(item) <= max
            })
            .boxed();
        let min = min_item_size(&self.shape);
        if max < min {
            return small;
        }
        // One item in eight is drawn at a size spread over every order of magnitude up to the bound,
        // so that large items (up to DynamoDB's 400 KB) are tested too, not only the few hundred
        // bytes a handful of small attributes add up to.
        let shape = self.shape.clone();
        let sized = size_between(min, max).prop_flat_map(move |n| item_of_size(&shape, n));
        prop_oneof![7 => small, 1 => sized].boxed()
    }
}

impl Strategy for Items {
    type Tree = Box<dyn ValueTree<Value = Item>>;
    type Value = Item;

    fn new_tree(&self, runner: &mut TestRunner) -> NewTree<Self> {
        self.strategy().new_tree(runner)
    }
}
