//! Set ADD and DELETE, one implementation for UpdateExpression (`ADD s :v`, `DELETE s :v`) and for
//! legacy `AttributeUpdates` (`Action: ADD` / `DELETE` with a set value).
//!
//! Members compare as DynamoDB compares them: strings and binaries by their bytes, numbers by value
//! (parsed as [`Number`], so `1` and `1.0` are one member, and a text that is no DynamoDB number is
//! an error, never equal to another such text). Each caller has its own message for operands that
//! are not two sets of one type, so these functions answer `None` there.

use std::collections::HashSet;
use std::hash::Hash;

use ddbmock_core::Result;
use ddbmock_core::model::{AttributeValue, Number};

/// `current` with the members of `added` it lacks appended, in `added`'s order; `None` when the
/// two are not sets of one type.
pub(crate) fn set_add(
    current: &AttributeValue,
    added: &AttributeValue,
) -> Option<Result<AttributeValue>> {
    use AttributeValue as V;
    Some(match (current, added) {
        (V::Ss(a), V::Ss(b)) => union(a, b, |s| Ok(s.as_str())).map(V::Ss),
        (V::Bs(a), V::Bs(b)) => union(a, b, |s| Ok(s.as_slice())).map(V::Bs),
        (V::Ns(a), V::Ns(b)) => union(a, b, |s| Ok(Number::parse(s)?)).map(V::Ns),
        _ => return None,
    })
}

/// `current` without the members of `removed`, or `Ok(None)` when no member remains (a set may not
/// be empty: the attribute goes); `None` when the two are not sets of one type.
pub(crate) fn set_delete(
    current: &AttributeValue,
    removed: &AttributeValue,
) -> Option<Result<Option<AttributeValue>>> {
    use AttributeValue as V;
    let rest = match (current, removed) {
        (V::Ss(a), V::Ss(b)) => difference(a, b, |s| Ok(s.as_str())).map(V::Ss),
        (V::Bs(a), V::Bs(b)) => difference(a, b, |s| Ok(s.as_slice())).map(V::Bs),
        (V::Ns(a), V::Ns(b)) => difference(a, b, |s| Ok(Number::parse(s)?)).map(V::Ns),
        _ => return None,
    };
    Some(rest.map(|v| {
        let empty = match &v {
            V::Ss(s) | V::Ns(s) => s.is_empty(),
            V::Bs(s) => s.is_empty(),
            V::S(_) | V::N(_) | V::B(_) | V::Bool(_) | V::Null(_) | V::L(_) | V::M(_) => false,
        };
        (!empty).then_some(v)
    }))
}

/// `a ∪ b`, `a`'s members first; members compare by `key`.
fn union<'a, T: Clone, K: Eq + Hash>(
    a: &'a [T],
    b: &'a [T],
    key: impl Fn(&'a T) -> Result<K>,
) -> Result<Vec<T>> {
    let mut have = HashSet::with_capacity(a.len() + b.len());
    for x in a {
        have.insert(key(x)?);
    }
    let mut out = a.to_vec();
    for x in b {
        if have.insert(key(x)?) {
            out.push(x.clone());
        }
    }
    Ok(out)
}

/// `a ∖ b`, in `a`'s order; members compare by `key`.
fn difference<'a, T: Clone, K: Eq + Hash>(
    a: &'a [T],
    b: &'a [T],
    key: impl Fn(&'a T) -> Result<K>,
) -> Result<Vec<T>> {
    let gone = b.iter().map(&key).collect::<Result<HashSet<K>>>()?;
    let mut out = Vec::with_capacity(a.len());
    for x in a {
        if !gone.contains(&key(x)?) {
            out.push(x.clone());
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use AttributeValue as V;

    fn ns(members: &[&str]) -> V {
        V::Ns(members.iter().map(|s| (*s).to_owned()).collect())
    }

    #[test]
    fn numbers_are_members_by_value() {
        let sum = set_add(&ns(&["1", "2"]), &ns(&["1.0", "3", "3.00"]));
        assert_eq!(sum.unwrap().unwrap(), ns(&["1", "2", "3"]));
        let rest = set_delete(&ns(&["1", "2"]), &ns(&["2.0"]));
        assert_eq!(rest.unwrap().unwrap(), Some(ns(&["1"])));
        assert_eq!(
            set_delete(&ns(&["1"]), &ns(&["1e0"])).unwrap().unwrap(),
            None
        );
    }

    #[test]
    fn text_that_is_no_number_is_an_error() {
        assert!(set_add(&ns(&["2E200"]), &ns(&["1E200"])).unwrap().is_err());
        assert!(
            set_delete(&ns(&["2E200"]), &ns(&["1E200"]))
                .unwrap()
                .is_err()
        );
    }

    #[test]
    fn other_operands_are_left_to_the_caller() {
        assert!(set_add(&ns(&["1"]), &V::Ss(vec!["1".into()])).is_none());
        assert!(set_delete(&V::N("1".into()), &V::N("1".into())).is_none());
    }
}
