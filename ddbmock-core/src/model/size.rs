//! Item and attribute-value sizes, as DynamoDB counts them against the 400 KB item limit and bills
//! them in capacity units (Developer Guide, "DynamoDB item sizes and formats").
//!
//! Strings count their UTF-8 bytes, binaries their raw bytes, numbers [`Number::size_bytes`], null
//! and booleans 1 byte, sets the sum of their members; a list or map costs 3 bytes plus, per element,
//! 1 byte and the element (a map element's name included). An item is the sum of its attribute
//! names and values.

use super::{AttributeValue, Item, Number};

/// A number's size from its text; text that is not a number (values are validated before they are
/// sized) counts its length, so that sizing never fails.
pub fn number_size(text: &str) -> usize {
    canonical_number_size(text)
        .unwrap_or_else(|| Number::parse(text).map_or(text.len(), |n| n.size_bytes()))
}

/// The size of a number in canonical text (`-12.5`, as the engine stores every number), read off the
/// text without parsing it: [`Number::size_bytes`] of it, or `None` for any other spelling.
fn canonical_number_size(text: &str) -> Option<usize> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let plain = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() || !plain(int) || !plain(frac) || frac.ends_with('0') {
        return None;
    }
    if int.len() > 1 && int.starts_with('0') {
        return None;
    }
    // Powers of ten of the most and least significant digits.
    if int == "0" && frac.is_empty() {
        return Some(1);
    }
    let (top, bottom) = if int == "0" {
        let first = frac.bytes().position(|b| b != b'0')?;
        (-(first as i64) - 1, -(frac.len() as i64))
    } else if frac.is_empty() {
        let zeros = int.bytes().rev().take_while(|b| *b == b'0').count();
        (int.len() as i64 - 1, zeros as i64)
    } else {
        (int.len() as i64 - 1, -(frac.len() as i64))
    };
    let pairs = top.div_euclid(2) - bottom.div_euclid(2) + 1;
    Some(1 + pairs as usize + usize::from(negative))
}

/// The size DynamoDB counts for one attribute value, its name excluded.
///
/// Walks with an explicit stack rather than recursion, so a value of any depth (the trait door takes
/// Rust values that were never limited by a JSON parser) cannot overflow the stack.
pub fn attribute_value_size(value: &AttributeValue) -> usize {
    // Scalars, the common case, need no stack.
    match value {
        AttributeValue::S(s) => return s.len(),
        AttributeValue::N(n) => return number_size(n),
        AttributeValue::B(b) => return b.len(),
        AttributeValue::Null(_) | AttributeValue::Bool(_) => return 1,
        _ => {}
    }
    let mut total: usize = 0;
    let mut pending = vec![value];
    while let Some(value) = pending.pop() {
        let own = match value {
            AttributeValue::S(s) => s.len(),
            AttributeValue::N(n) => number_size(n),
            AttributeValue::B(b) => b.len(),
            AttributeValue::Ss(set) => set.iter().map(String::len).sum(),
            AttributeValue::Ns(set) => set.iter().map(|n| number_size(n)).sum(),
            AttributeValue::Bs(set) => set.iter().map(Vec::len).sum(),
            AttributeValue::Null(_) | AttributeValue::Bool(_) => 1,
            AttributeValue::L(list) => {
                pending.extend(list);
                3 + list.len()
            }
            AttributeValue::M(map) => {
                pending.extend(map.values());
                3 + map.len() + map.keys().map(String::len).sum::<usize>()
            }
        };
        total = total.saturating_add(own);
    }
    total
}

/// The size DynamoDB counts for an item: every attribute's name plus its value.
pub fn item_size(item: &Item) -> usize {
    item.iter().fold(0, |total, (name, value)| {
        total
            .saturating_add(name.len())
            .saturating_add(attribute_value_size(value))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn s(v: &str) -> AttributeValue {
        AttributeValue::S(v.to_owned())
    }

    fn n(v: &str) -> AttributeValue {
        AttributeValue::N(v.to_owned())
    }

    #[test]
    fn canonical_text_sizes_like_the_parsed_number() {
        for text in [
            "0",
            "1",
            "-1",
            "10",
            "100",
            "1000",
            "27",
            "-27",
            "3.14159",
            "0.5",
            "0.05",
            "0.015",
            "11000",
            "12345678901234567890123456789012345678",
            "-0.000123",
            "12.5",
            "99.99",
            "100.001",
            "0.1",
            "1000000000000000000000000000000000000000000000000000",
        ] {
            let parsed = Number::parse(text).unwrap();
            if parsed.to_string() != text {
                continue;
            }
            assert_eq!(
                canonical_number_size(text),
                Some(parsed.size_bytes()),
                "{text}"
            );
        }
        assert_eq!(canonical_number_size("1e3"), None);
        assert_eq!(canonical_number_size("01"), None);
        assert_eq!(canonical_number_size("1.50"), None);
    }

    #[test]
    fn scalars() {
        assert_eq!(attribute_value_size(&s("")), 0);
        assert_eq!(attribute_value_size(&s("héllo")), 6);
        assert_eq!(attribute_value_size(&n("27")), 2);
        assert_eq!(attribute_value_size(&n("-27")), 3);
        assert_eq!(attribute_value_size(&n("3.14159")), 5);
        assert_eq!(attribute_value_size(&AttributeValue::B(vec![0; 7])), 7);
        assert_eq!(attribute_value_size(&AttributeValue::Null(true)), 1);
        assert_eq!(attribute_value_size(&AttributeValue::Bool(false)), 1);
    }

    #[test]
    fn sets_sum_their_members() {
        let ss = AttributeValue::Ss(vec!["ab".into(), "çd".into()]);
        assert_eq!(attribute_value_size(&ss), 2 + 3);
        let ns = AttributeValue::Ns(vec!["1".into(), "123".into(), "-1.5".into()]);
        assert_eq!(attribute_value_size(&ns), 2 + 3 + 4);
        let bs = AttributeValue::Bs(vec![vec![1, 2], vec![3]]);
        assert_eq!(attribute_value_size(&bs), 3);
    }

    #[test]
    fn lists_and_maps_cost_three_bytes_plus_one_per_element() {
        assert_eq!(attribute_value_size(&AttributeValue::L(vec![])), 3);
        assert_eq!(attribute_value_size(&AttributeValue::M(HashMap::new())), 3);
        // 3 + (1 + 3) + (1 + 1)
        let list = AttributeValue::L(vec![s("abc"), AttributeValue::Bool(true)]);
        assert_eq!(attribute_value_size(&list), 9);
        // 3 + (1 + "name" 4 + "x" 1) + (1 + "l" 1 + 9)
        let map = AttributeValue::M(HashMap::from([
            ("name".to_owned(), s("x")),
            ("l".to_owned(), list),
        ]));
        assert_eq!(attribute_value_size(&map), 3 + 6 + 11);
    }

    #[test]
    fn items_count_names_and_values() {
        let item = Item::from([
            ("id".to_owned(), s("abc")),                     // 2 + 3
            ("n".to_owned(), n("12345")),                    // 1 + 4
            ("flag".to_owned(), AttributeValue::Null(true)), // 4 + 1
        ]);
        assert_eq!(item_size(&item), 15);
        assert_eq!(item_size(&Item::new()), 0);
    }

    #[test]
    fn a_very_deep_value_is_sized_without_recursion() {
        let mut v = s("x");
        for _ in 0..100_000 {
            v = AttributeValue::L(vec![v]);
        }
        assert_eq!(attribute_value_size(&v), 1 + 100_000 * 4);
        // Dismantled level by level: dropping it whole would recurse.
        while let AttributeValue::L(mut l) = v {
            v = l.pop().unwrap_or(AttributeValue::Null(true));
        }
    }
}
