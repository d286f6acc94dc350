//! Order-preserving key encoding, and the extraction and validation of key attributes.
//!
//! A table entry's storage key is `hash(pk) ‖ escape(pk) ‖ sk`: DynamoDB's 3-byte partition hash
//! first (see `key_hash`), so a scan walks partitions in DynamoDB's order (which gives parallel-scan
//! segments their meaning: a segment is a hash range), then the partition key escaped to be
//! prefix-free (two partitions never interleave, even on a hash collision), then the sort key, whose
//! bytes sort like DynamoDB sorts the value: strings and binaries by unsigned bytes (UTF-8 for
//! strings), numbers by value.
//!
//! A global secondary index may have a multi-attribute key (up to four partition and four sort
//! attributes): its partition bytes are the escaped encodings of its partition attributes in
//! order (each self-delimiting, so two value tuples never share bytes), hashed and escaped as one
//! partition key; its sort bytes are the escaped encodings of its sort attributes in order, so
//! that byte order is the order by the first sort attribute, then the second, and so on.

use ddbmock_core::error::{Result, msg};
use ddbmock_core::model::{AttributeType, AttributeValue, Number};

/// The largest partition key DynamoDB accepts, in bytes.
pub use ddbmock_core::limits::MAX_HASH_KEY_BYTES;
/// The largest sort key DynamoDB accepts, in bytes.
pub use ddbmock_core::limits::MAX_RANGE_KEY_BYTES;

/// A key attribute of a table or index: its name and scalar type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyAttr {
    /// The attribute's name.
    pub name: String,
    /// `S`, `N` or `B`.
    pub ty: AttributeType,
}

/// A key schema: the partition key and the optional sort key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeySchema {
    /// The partition (HASH) key; the first partition attribute of a multi-attribute key.
    pub hash: KeyAttr,
    /// The sort (RANGE) key; the first sort attribute of a multi-attribute key.
    pub range: Option<KeyAttr>,
    /// The further partition attributes of a global secondary index's multi-attribute key, in
    /// `KeySchema` order (empty for a table, a local index, or a one-attribute partition key).
    pub more_hash: Vec<KeyAttr>,
    /// The further sort attributes of a multi-attribute key, in order (empty otherwise).
    pub more_range: Vec<KeyAttr>,
}

impl KeySchema {
    /// A schema of at most one partition and one sort attribute, as tables and local indexes have.
    pub fn simple(hash: KeyAttr, range: Option<KeyAttr>) -> Self {
        KeySchema {
            hash,
            range,
            more_hash: Vec::new(),
            more_range: Vec::new(),
        }
    }

    /// Whether the key has more than one partition or more than one sort attribute.
    pub fn is_multi(&self) -> bool {
        !self.more_hash.is_empty() || !self.more_range.is_empty()
    }

    /// The partition attributes, in order.
    pub fn hash_attrs(&self) -> impl Iterator<Item = &KeyAttr> {
        std::iter::once(&self.hash).chain(&self.more_hash)
    }

    /// The sort attributes, in order (none for a hash-only key).
    pub fn range_attrs(&self) -> impl Iterator<Item = &KeyAttr> {
        self.range.iter().chain(&self.more_range)
    }

    /// Whether `attr` is one of the partition attributes (whose key size limit is the partition
    /// key's).
    pub fn is_hash_attr(&self, attr: &KeyAttr) -> bool {
        self.hash_attrs().any(|a| a == attr)
    }

    /// Whether `name` is one of this schema's key attributes.
    pub fn is_key(&self, name: &str) -> bool {
        self.attrs().any(|a| a.name == name)
    }

    /// The key attributes, partition attributes first, each part in order.
    pub fn attrs(&self) -> impl Iterator<Item = &KeyAttr> {
        self.hash_attrs().chain(self.range_attrs())
    }
}

/// FNV-1a, then MurmurHash3's 64-bit finalizer: a fast, well-spread hash of short keys for lock
/// striping and stream shard tags. It orders nothing stored: storage keys lead with DynamoDB's
/// partition hash (`key_hash`). Stores of catalog record version 1 led with it (see `catalog`).
pub fn fast_hash(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// Appends the order-preserving bytes of a scalar key value.
pub fn encode_scalar(value: &AttributeValue, out: &mut Vec<u8>) -> Result<()> {
    match value {
        AttributeValue::S(s) => out.extend_from_slice(s.as_bytes()),
        AttributeValue::B(b) => out.extend_from_slice(b),
        AttributeValue::N(n) => Number::parse(n)?.write_ordered_bytes(out),
        _ => return Err(msg::item::key_schema_mismatch()),
    }
    Ok(())
}

/// Appends `bytes` so that the result is prefix-free and still sorts like `bytes`: each 0x00 becomes
/// 0x00 0xFF and the end is marked by 0x00 0x01.
pub fn escape_into(bytes: &[u8], out: &mut Vec<u8>) {
    // Runs without a zero byte (nearly every key is one) are copied whole.
    let mut rest = bytes;
    while let Some(i) = rest.iter().position(|&b| b == 0) {
        out.extend_from_slice(&rest[..=i]);
        out.push(0xFF);
        rest = &rest[i + 1..];
    }
    out.extend_from_slice(rest);
    out.extend_from_slice(&[0, 1]);
}

/// The storage prefix shared by every entry of one partition: `hash ‖ escape(pk)`.
pub fn partition_prefix(pk: &AttributeValue) -> Result<Vec<u8>> {
    partition_prefix_with_room(pk, 0)
}

/// [`partition_prefix`] in a buffer with room for `room` more bytes (a sort key's), so that
/// appending them does not grow it again.
fn partition_prefix_with_room(pk: &AttributeValue, room: usize) -> Result<Vec<u8>> {
    let hash = super::key_hash::partition_hash(pk)?;
    // The escape adds a terminator (two bytes) and rarely more; a number's ordered bytes may
    // outgrow its text, which costs one growth.
    let mut out = Vec::with_capacity(hash.len() + key_value_len(pk) + 4 + room);
    out.extend_from_slice(&hash);
    match pk {
        AttributeValue::S(s) => escape_into(s.as_bytes(), &mut out),
        AttributeValue::B(b) => escape_into(b, &mut out),
        other => {
            let mut raw = Vec::with_capacity(24);
            encode_scalar(other, &mut raw)?;
            escape_into(&raw, &mut out);
        }
    }
    Ok(out)
}

/// The bytes hashed for a partition of partition attribute values `values` (in key order): the
/// value's own bytes for one attribute (as [`partition_prefix`] hashes them), the escaped bytes of
/// each value one after another for several.
pub fn composite_partition_raw(values: &[&AttributeValue]) -> Result<Vec<u8>> {
    let mut raw = Vec::with_capacity(32);
    if let [one] = values {
        encode_scalar(one, &mut raw)?;
        return Ok(raw);
    }
    let mut part = Vec::new();
    for v in values {
        part.clear();
        encode_scalar(v, &mut part)?;
        escape_into(&part, &mut raw);
    }
    Ok(raw)
}

/// The storage prefix of the partition whose partition attributes hold `values`, in key order:
/// [`partition_prefix`] for one attribute.
pub fn composite_partition_prefix(values: &[&AttributeValue]) -> Result<Vec<u8>> {
    if let [one] = values {
        return partition_prefix(one);
    }
    let raw = composite_partition_raw(values)?;
    let mut out = Vec::with_capacity(raw.len() + 7);
    out.extend_from_slice(&super::key_hash::values_hash(values)?);
    escape_into(&raw, &mut out);
    Ok(out)
}

/// Appends the escaped (prefix-free, order-preserving) bytes of a sort attribute's value, as an
/// index entry's key holds each of its sort attributes.
pub fn escape_scalar_into(value: &AttributeValue, out: &mut Vec<u8>) -> Result<()> {
    let mut raw = Vec::new();
    encode_scalar(value, &mut raw)?;
    escape_into(&raw, out);
    Ok(())
}

/// The storage key of an entry with partition key `pk` and sort key `sk`.
pub fn entry_key(pk: &AttributeValue, sk: Option<&AttributeValue>) -> Result<Vec<u8>> {
    let mut out = partition_prefix_with_room(pk, sk.map_or(0, |sk| key_value_len(sk) + 8))?;
    if let Some(sk) = sk {
        encode_scalar(sk, &mut out)?;
    }
    Ok(out)
}

/// Bytes of a key value for DynamoDB's key size limits (numbers by their canonical text's digits).
fn key_value_len(value: &AttributeValue) -> usize {
    match value {
        AttributeValue::S(s) => s.len(),
        AttributeValue::B(b) => b.len(),
        AttributeValue::N(n) => n.len(),
        _ => 0,
    }
}

/// Validates the key attributes of an item being written as [`validate_item_key`] does, and gives
/// its storage key as [`item_storage_key`] does, looking each key attribute up once.
pub fn validated_item_storage_key(
    schema: &KeySchema,
    item: &ddbmock_core::model::Item,
) -> Result<Vec<u8>> {
    if schema.is_multi() {
        validate_item_key(schema, item)?;
        return item_storage_key(schema, item);
    }
    storage_key_of(schema, |attr, is_hash| item_key_value(item, attr, is_hash))
}

/// Validates the key attributes of an item being written, as PutItem does.
pub fn validate_item_key(schema: &KeySchema, item: &ddbmock_core::model::Item) -> Result<()> {
    for attr in schema.attrs() {
        item_key_value(item, attr, schema.is_hash_attr(attr))?;
    }
    Ok(())
}

/// An item's value of key attribute `attr`, checked as a write checks it.
fn item_key_value<'i>(
    item: &'i ddbmock_core::model::Item,
    attr: &KeyAttr,
    is_hash: bool,
) -> Result<&'i AttributeValue> {
    let value = item
        .get(&attr.name)
        .ok_or_else(|| msg::item::missing_key(&attr.name))?;
    check_key_value(attr, value, is_hash)?;
    Ok(value)
}

/// The storage key of a schema of one partition and at most one sort attribute, whose values
/// `value` finds and checks (given each attribute and whether it is the partition key).
fn storage_key_of<'v>(
    schema: &KeySchema,
    value: impl Fn(&KeyAttr, bool) -> Result<&'v AttributeValue>,
) -> Result<Vec<u8>> {
    let pk = value(&schema.hash, true)?;
    let sk = schema.range.as_ref().map(|r| value(r, false)).transpose()?;
    entry_key(pk, sk)
}

fn check_key_value(attr: &KeyAttr, value: &AttributeValue, is_hash: bool) -> Result<()> {
    if value.attribute_type() != attr.ty {
        return Err(msg::item::key_type_mismatch(
            &attr.name,
            attr.ty,
            value.attribute_type(),
        ));
    }
    check_key_size(attr, value, is_hash)
}

fn check_key_size(attr: &KeyAttr, value: &AttributeValue, is_hash: bool) -> Result<()> {
    let len = key_value_len(value);
    if len == 0 && attr.ty != AttributeType::N {
        return Err(msg::item::empty_key(&attr.name, attr.ty));
    }
    if is_hash && len > MAX_HASH_KEY_BYTES {
        return Err(msg::item::hash_key_too_large());
    }
    if !is_hash && len > MAX_RANGE_KEY_BYTES {
        return Err(msg::item::range_key_too_large());
    }
    Ok(())
}

/// Refuses an index key value over DynamoDB's key size limits (2048 bytes for a partition key,
/// 1024 for a sort key): an index key is bounded as the table's is, and an item whose index key
/// is too large is refused rather than indexed.
pub(crate) fn check_index_key_size(value: &AttributeValue, is_hash: bool) -> Result<()> {
    let len = key_value_len(value);
    if is_hash && len > MAX_HASH_KEY_BYTES {
        return Err(msg::item::hash_key_too_large());
    }
    if !is_hash && len > MAX_RANGE_KEY_BYTES {
        return Err(msg::item::range_key_too_large());
    }
    Ok(())
}

/// Validates a `Key` parameter (GetItem, DeleteItem, UpdateItem): exactly the schema's attributes, of
/// the schema's types.
pub fn validate_key(schema: &KeySchema, key: &ddbmock_core::model::Item) -> Result<()> {
    check_key_len(schema, key)?;
    for attr in schema.attrs() {
        key_value(key, attr, schema.is_hash_attr(attr))?;
    }
    Ok(())
}

/// Validates a `Key` map as [`validate_key`] does, and gives its storage key as
/// [`item_storage_key`] does, looking each key attribute up once: a point read's key is hashed by
/// name twice fewer (SipHash, a few hundred instructions a request).
pub fn validated_storage_key(
    schema: &KeySchema,
    key: &ddbmock_core::model::Item,
) -> Result<Vec<u8>> {
    if schema.is_multi() {
        validate_key(schema, key)?;
        return item_storage_key(schema, key);
    }
    check_key_len(schema, key)?;
    storage_key_of(schema, |attr, is_hash| key_value(key, attr, is_hash))
}

/// A `Key` map holds the key attributes and nothing else.
fn check_key_len(schema: &KeySchema, key: &ddbmock_core::model::Item) -> Result<()> {
    if key.len() != 1 + usize::from(schema.range.is_some()) {
        return Err(msg::item::key_schema_mismatch());
    }
    Ok(())
}

/// A `Key` map's value of key attribute `attr`, checked as a request's key is.
fn key_value<'k>(
    key: &'k ddbmock_core::model::Item,
    attr: &KeyAttr,
    is_hash: bool,
) -> Result<&'k AttributeValue> {
    match key.get(&attr.name) {
        Some(v) if v.attribute_type() == attr.ty => {
            check_key_size(attr, v, is_hash)?;
            Ok(v)
        }
        _ => Err(msg::item::key_schema_mismatch()),
    }
}

/// The storage key of an item (or a `Key` map) under `schema`; the key must have been validated.
pub fn item_storage_key(schema: &KeySchema, item: &ddbmock_core::model::Item) -> Result<Vec<u8>> {
    let pk = item
        .get(&schema.hash.name)
        .ok_or_else(msg::item::key_schema_mismatch)?;
    let sk = match &schema.range {
        Some(r) => Some(
            item.get(&r.name)
                .ok_or_else(msg::item::key_schema_mismatch)?,
        ),
        None => None,
    };
    entry_key(pk, sk)
}

/// The key attributes of `item`, as a `Key` map.
pub fn key_of(schema: &KeySchema, item: &ddbmock_core::model::Item) -> ddbmock_core::model::Item {
    schema
        .attrs()
        .filter_map(|a| item.get(&a.name).map(|v| (a.name.clone(), v.clone())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> AttributeValue {
        AttributeValue::S(v.to_owned())
    }
    fn n(v: &str) -> AttributeValue {
        AttributeValue::N(v.to_owned())
    }

    #[test]
    fn sort_keys_order_like_dynamodb() {
        let pk = s("p");
        let order = |vals: &[AttributeValue]| {
            let keys: Vec<_> = vals
                .iter()
                .map(|v| entry_key(&pk, Some(v)).unwrap())
                .collect();
            let mut sorted = keys.clone();
            sorted.sort();
            assert_eq!(keys, sorted, "{vals:?}");
        };
        order(&[
            n("-100"),
            n("-1.5"),
            n("-1"),
            n("0"),
            n("0.001"),
            n("2"),
            n("10"),
            n("1e20"),
        ]);
        order(&[s(""), s("A"), s("B"), s("a"), s("ab"), s("é"), s("中")]);
        order(&[
            AttributeValue::B(vec![]),
            AttributeValue::B(vec![0]),
            AttributeValue::B(vec![0, 0]),
            AttributeValue::B(vec![1]),
            AttributeValue::B(vec![0xFF]),
        ]);
    }

    #[test]
    fn one_partition_attribute_keeps_the_single_attribute_layout() {
        let v = s("user1");
        assert_eq!(
            composite_partition_prefix(&[&v]).unwrap(),
            partition_prefix(&v).unwrap()
        );
    }

    #[test]
    fn multi_attribute_partitions_do_not_collide_on_concatenation() {
        // ("ab", "c") and ("a", "bc") concatenate to the same text, but are two partitions.
        let a = composite_partition_prefix(&[&s("ab"), &s("c")]).unwrap();
        let b = composite_partition_prefix(&[&s("a"), &s("bc")]).unwrap();
        assert_ne!(a, b);
    }

    #[test]
    fn escaped_sort_attributes_order_by_each_in_turn() {
        let key = |a: &AttributeValue, b: &AttributeValue| {
            let mut out = Vec::new();
            escape_scalar_into(a, &mut out).unwrap();
            escape_scalar_into(b, &mut out).unwrap();
            out
        };
        let rows = [
            key(&s("a"), &n("10")),
            key(&s("a"), &n("9e1")),
            key(&s("a\0"), &n("1")),
            key(&s("ab"), &n("-5")),
            key(&s("b"), &n("-1")),
        ];
        let mut sorted = rows.clone();
        sorted.sort();
        assert_eq!(rows, sorted);
    }

    #[test]
    fn a_key_or_item_validated_and_keyed_at_once_is_as_in_two_steps() {
        let attr = |name: &str, ty| KeyAttr {
            name: name.to_owned(),
            ty,
        };
        let schemas = [
            KeySchema::simple(attr("pk", AttributeType::S), None),
            KeySchema::simple(
                attr("pk", AttributeType::S),
                Some(attr("sk", AttributeType::N)),
            ),
        ];
        let item = |pairs: &[(&str, AttributeValue)]| -> ddbmock_core::model::Item {
            pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.clone()))
                .collect()
        };
        let keys = [
            item(&[("pk", s("a"))]),
            item(&[("pk", s("a")), ("sk", n("1"))]),
            item(&[("pk", n("1"))]),
            item(&[("pk", s(""))]),
            item(&[("pk", s(&"x".repeat(2049)))]),
            item(&[("pk", s("a")), ("sk", s("1"))]),
            item(&[("pk", s("a")), ("sk", n("1")), ("x", n("2"))]),
            item(&[("sk", n("1")), ("x", n("2"))]),
            item(&[]),
        ];
        for schema in &schemas {
            for key in &keys {
                let two_steps =
                    validate_key(schema, key).and_then(|()| item_storage_key(schema, key));
                let at_once = validated_storage_key(schema, key);
                assert_eq!(
                    at_once.map_err(|e| e.message()),
                    two_steps.map_err(|e| e.message()),
                    "{key:?}"
                );
                let item_two_steps =
                    validate_item_key(schema, key).and_then(|()| item_storage_key(schema, key));
                let item_at_once = validated_item_storage_key(schema, key);
                assert_eq!(
                    item_at_once.map_err(|e| e.message()),
                    item_two_steps.map_err(|e| e.message()),
                    "{key:?}"
                );
            }
        }
    }

    #[test]
    fn escaped_partition_keys_are_prefix_free() {
        let enc = |b: &[u8]| {
            let mut out = Vec::new();
            escape_into(b, &mut out);
            out
        };
        let (a, b) = (enc(&[1]), enc(&[1, 0]));
        assert!(!a.starts_with(&b) && !b.starts_with(&a));
        assert!(a < b, "escaping keeps the order of the raw bytes");
    }
}
