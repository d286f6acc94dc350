//! The rules DynamoDB applies to every attribute value a request carries (items, keys, expression
//! attribute values), and the normalization of numbers to DynamoDB's canonical text.
//!
//! Checked per value: numbers parse and fit ([`Number::parse`]); `NULL` is `true`; sets are not empty
//! and hold no member twice (numbers compared by value, so `["1", "1.0"]` is a duplicate); documents
//! nest at most [`MAX_NESTING_LEVELS`] levels. Key-specific rules (empty key strings, key types) are
//! the engine's, not this module's.

use std::collections::HashSet;

use super::{AttributeValue, Item, Number};
use crate::Result;
use crate::error::msg;

/// The deepest level a value may sit at, the attribute itself being level 1: a value wrapped in 31
/// maps or lists is accepted, in 32 refused (paritysuite, against eu-west-2, 2026-06).
pub use crate::limits::MAX_NESTING_LEVELS;

/// Validates every attribute value of an item, rewriting numbers (`N` and `NS` members) to their
/// canonical text; returns DynamoDB's `ValidationException` for the first value it refuses.
///
/// DynamoDB reports the first problem in document order; an [`Item`] keeps no order, so when an item
/// has several problems, which one is reported is unspecified.
pub fn validate_item_values(item: &mut Item) -> Result<()> {
    item.values_mut().try_for_each(|v| validate_at(v, 1))
}

/// Validates one attribute value (an expression attribute value, a key attribute) as a top-level
/// attribute, rewriting its numbers to their canonical text.
pub fn validate_value(value: &mut AttributeValue) -> Result<()> {
    validate_at(value, 1)
}

/// Validates a value sitting at `level` (at most [`MAX_NESTING_LEVELS`]). Children are refused before
/// they are visited when they would sit deeper, so recursion is bounded by the limit whatever the
/// value's depth, and a deep value with a bad leaf reports its depth, as DynamoDB does.
fn validate_at(value: &mut AttributeValue, level: usize) -> Result<()> {
    match value {
        AttributeValue::N(text) => {
            let number = Number::parse(text)?;
            // Most numbers arrive canonical: only the others are written anew.
            if !number.is_written_as(text) {
                *text = number.to_string();
            }
        }
        AttributeValue::Null(false) => return Err(msg::value::null_must_be_true()),
        AttributeValue::Ss(set) => {
            if set.is_empty() {
                return Err(msg::value::empty_string_set());
            }
            let mut seen = HashSet::with_capacity(set.len());
            if !set.iter().all(|m| seen.insert(m.as_str())) {
                return Err(msg::value::duplicate_strings(set));
            }
        }
        AttributeValue::Ns(set) => {
            if set.is_empty() {
                return Err(msg::value::empty_number_set());
            }
            let numbers = set
                .iter()
                .map(|m| Number::parse(m))
                .collect::<Result<Vec<_>, _>>()?;
            let mut seen = HashSet::with_capacity(numbers.len());
            if !numbers.iter().all(|n| seen.insert(n)) {
                return Err(msg::value::duplicate_numbers());
            }
            for (text, number) in set.iter_mut().zip(&numbers) {
                if !number.is_written_as(text) {
                    *text = number.to_string();
                }
            }
        }
        AttributeValue::Bs(set) => {
            if set.is_empty() {
                return Err(msg::value::empty_binary_set());
            }
            let mut seen = HashSet::with_capacity(set.len());
            if !set.iter().all(|m| seen.insert(m.as_slice())) {
                return Err(msg::value::duplicate_binaries(set));
            }
        }
        AttributeValue::L(list) => {
            if !list.is_empty() && level >= MAX_NESTING_LEVELS {
                return Err(msg::value::nesting_too_deep());
            }
            for child in list {
                validate_at(child, level + 1)?;
            }
        }
        AttributeValue::M(map) => {
            if !map.is_empty() && level >= MAX_NESTING_LEVELS {
                return Err(msg::value::nesting_too_deep());
            }
            for child in map.values_mut() {
                validate_at(child, level + 1)?;
            }
        }
        AttributeValue::S(_)
        | AttributeValue::B(_)
        | AttributeValue::Null(true)
        | AttributeValue::Bool(_) => {}
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn ns(members: &[&str]) -> AttributeValue {
        AttributeValue::Ns(members.iter().map(|m| (*m).to_owned()).collect())
    }

    fn error(mut v: AttributeValue) -> String {
        validate_value(&mut v).unwrap_err().message()
    }

    /// `levels` maps around a string: the string sits at level `levels + 1`.
    fn deep_map(levels: usize) -> AttributeValue {
        let mut v = AttributeValue::S("leaf".into());
        for _ in 0..levels {
            v = AttributeValue::M(HashMap::from([("n".to_owned(), v)]));
        }
        v
    }

    #[test]
    fn numbers_are_normalized_in_place() {
        let mut item = Item::from([
            ("n".to_owned(), AttributeValue::N("+001.50".into())),
            ("s".to_owned(), ns(&["1e3", "-0", "0.10", "7"])),
            (
                "l".to_owned(),
                AttributeValue::L(vec![AttributeValue::M(HashMap::from([(
                    "x".to_owned(),
                    AttributeValue::N("1E2".into()),
                )]))]),
            ),
        ]);
        validate_item_values(&mut item).unwrap();
        assert_eq!(item["n"], AttributeValue::N("1.5".into()));
        assert_eq!(item["s"], ns(&["1000", "0", "0.1", "7"]));
        assert_eq!(
            item["l"].as_l().unwrap()[0].as_m().unwrap()["x"],
            AttributeValue::N("100".into())
        );
    }

    #[test]
    fn number_errors_inside_values() {
        assert_eq!(
            error(AttributeValue::N("b".into())),
            "The parameter cannot be converted to a numeric value: b"
        );
        assert_eq!(
            error(ns(&["1", ""])),
            "The parameter cannot be converted to a numeric value"
        );
        assert_eq!(
            error(AttributeValue::L(vec![AttributeValue::N("1e126".into())])),
            "Number overflow. Attempting to store a number with magnitude larger than supported range"
        );
    }

    #[test]
    fn null_must_be_true() {
        assert_eq!(
            error(AttributeValue::Null(false)),
            "One or more parameter values were invalid: Null attribute value types must have the value of true"
        );
        assert!(validate_value(&mut AttributeValue::Null(true)).is_ok());
    }

    #[test]
    fn empty_sets() {
        assert_eq!(
            error(AttributeValue::Ss(vec![])),
            "One or more parameter values were invalid: An string set  may not be empty"
        );
        assert_eq!(
            error(ns(&[])),
            "One or more parameter values were invalid: An number set  may not be empty"
        );
        assert_eq!(
            error(AttributeValue::Bs(vec![])),
            "One or more parameter values were invalid: Binary sets should not be empty"
        );
    }

    #[test]
    fn duplicate_set_members() {
        assert_eq!(
            error(AttributeValue::Ss(vec!["a".into(), "a".into()])),
            "One or more parameter values were invalid: Input collection [a, a] contains duplicates."
        );
        assert_eq!(
            error(ns(&["1", "1"])),
            "Input collection contains duplicates"
        );
        assert_eq!(
            error(ns(&["1", "1.0"])),
            "Input collection contains duplicates"
        );
        assert_eq!(
            error(AttributeValue::Bs(vec![b"b".to_vec(), b"b".to_vec()])),
            "One or more parameter values were invalid: Input collection [Yg==, Yg==]of type BS contains duplicates."
        );
        assert!(validate_value(&mut AttributeValue::Ss(vec!["a".into(), "b".into()])).is_ok());
    }

    #[test]
    fn empty_members_are_allowed_in_sets() {
        // Developer Guide, Sets: "DynamoDB does not support empty sets, however, empty string and
        // binary values are allowed within a set" (since May 2020; dynalite's older refusal is stale).
        assert!(validate_value(&mut AttributeValue::Ss(vec![String::new()])).is_ok());
        assert!(validate_value(&mut AttributeValue::Bs(vec![vec![]])).is_ok());
    }

    #[test]
    fn nesting_limit_is_32_levels() {
        let nest = "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit";
        assert!(validate_value(&mut deep_map(31)).is_ok());
        assert_eq!(error(deep_map(32)), nest);
        // Empty documents at the last level are fine; a list counts like a map.
        let mut v = AttributeValue::L(vec![]);
        for _ in 0..31 {
            v = AttributeValue::L(vec![v]);
        }
        assert!(validate_value(&mut v).is_ok());
        assert_eq!(error(AttributeValue::L(vec![v])), nest);
        // The depth is reported before a bad leaf below it.
        let mut bad_leaf = AttributeValue::N("abc".into());
        for _ in 0..40 {
            bad_leaf = AttributeValue::L(vec![bad_leaf]);
        }
        assert_eq!(error(bad_leaf), nest);
    }

    #[test]
    fn a_very_deep_value_is_refused_without_overflowing_the_stack() {
        let mut v = deep_map(100_000);
        assert_eq!(
            validate_value(&mut v).unwrap_err().type_name(),
            "ValidationException"
        );
        // Dismantled level by level: dropping it whole would recurse.
        while let AttributeValue::M(mut m) = v {
            v = m.remove("n").unwrap_or(AttributeValue::Null(true));
        }
    }
}
