//! DynamoDB's value semantics shared by the evaluators: equality (numbers numerically, sets as sets),
//! ordering (only within S, N and B: no cross-type ordering), and `size`.

use std::cmp::Ordering;

use ddbmock_core::model::{AttributeValue, Number};

/// Parses a number the engine already validated; unparsable text compares as not-a-number.
fn num(text: &str) -> Option<Number> {
    Number::parse(text).ok()
}

fn num_eq(a: &str, b: &str) -> bool {
    match (num(a), num(b)) {
        (Some(x), Some(y)) => x == y,
        _ => a == b,
    }
}

fn same_elements<T>(a: &[T], b: &[T], eq: impl Fn(&T, &T) -> bool) -> bool {
    a.len() == b.len() && a.iter().all(|x| b.iter().any(|y| eq(x, y)))
}

/// DynamoDB equality: same type and same value; numbers compare numerically, sets ignore order.
pub(crate) fn equal(a: &AttributeValue, b: &AttributeValue) -> bool {
    use AttributeValue as V;
    match (a, b) {
        (V::S(x), V::S(y)) => x == y,
        (V::N(x), V::N(y)) => num_eq(x, y),
        (V::B(x), V::B(y)) => x == y,
        (V::Bool(x), V::Bool(y)) => x == y,
        (V::Null(_), V::Null(_)) => true,
        (V::Ss(x), V::Ss(y)) => same_elements(x, y, |p, q| p == q),
        (V::Bs(x), V::Bs(y)) => same_elements(x, y, |p, q| p == q),
        (V::Ns(x), V::Ns(y)) => same_elements(x, y, |p, q| num_eq(p, q)),
        (V::L(x), V::L(y)) => x.len() == y.len() && x.iter().zip(y).all(|(p, q)| equal(p, q)),
        (V::M(x), V::M(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| equal(v, w)))
        }
        _ => false,
    }
}

/// DynamoDB ordering: strings by UTF-8 bytes, binaries by unsigned bytes, numbers numerically;
/// `None` across types or for any other type.
pub(crate) fn compare(a: &AttributeValue, b: &AttributeValue) -> Option<Ordering> {
    use AttributeValue as V;
    match (a, b) {
        (V::S(x), V::S(y)) => Some(x.as_bytes().cmp(y.as_bytes())),
        (V::B(x), V::B(y)) => Some(x.cmp(y)),
        (V::N(x), V::N(y)) => Some(num(x)?.cmp(&num(y)?)),
        _ => None,
    }
}

/// Whether DynamoDB orders values of this type (S, N, B).
pub(crate) fn orderable(v: &AttributeValue) -> bool {
    matches!(
        v,
        AttributeValue::S(_) | AttributeValue::N(_) | AttributeValue::B(_)
    )
}

/// `size()`: string length, binary length, element counts; nothing for N, BOOL and NULL.
///
/// A string's size is its length in UTF-8 bytes, as DynamoDB stores and bills strings. Whether
/// DynamoDB counts bytes or characters was not confirmed.
pub(crate) fn size(v: &AttributeValue) -> Option<usize> {
    use AttributeValue as V;
    Some(match v {
        V::S(s) => s.len(),
        V::B(b) => b.len(),
        V::Ss(s) | V::Ns(s) => s.len(),
        V::Bs(s) => s.len(),
        V::L(l) => l.len(),
        V::M(m) => m.len(),
        V::N(_) | V::Bool(_) | V::Null(_) => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use AttributeValue as V;

    fn n(s: &str) -> V {
        V::N(s.to_owned())
    }

    #[test]
    fn numbers_compare_numerically() {
        assert!(equal(&n("1.0"), &n("1")));
        assert_eq!(compare(&n("10"), &n("9")), Some(Ordering::Greater));
        assert_eq!(compare(&n("-1"), &n("-0.5")), Some(Ordering::Less));
    }

    #[test]
    fn no_cross_type_ordering() {
        assert_eq!(compare(&n("1"), &V::S("1".into())), None);
        assert!(!equal(&n("1"), &V::S("1".into())));
        assert_eq!(compare(&V::Bool(true), &V::Bool(false)), None);
    }

    #[test]
    fn sets_ignore_order() {
        assert!(equal(
            &V::Ns(vec!["1".into(), "2.0".into()]),
            &V::Ns(vec!["2".into(), "1".into()])
        ));
        assert!(!equal(
            &V::Ss(vec!["a".into()]),
            &V::Ss(vec!["a".into(), "b".into()])
        ));
    }

    #[test]
    fn sizes() {
        assert_eq!(size(&V::S("héllo".into())), Some(6));
        assert_eq!(size(&V::L(vec![V::Null(true)])), Some(1));
        assert_eq!(size(&n("12")), None);
    }
}
