//! Values: a literal, a `?` or a nested list, tuple or set to its AttributeValue.

use std::collections::HashMap;

use super::ast::Expr;
use ddbmock_core::Result;
use ddbmock_core::error::msg;
use ddbmock_core::model::AttributeValue;

/// The value `e` stands for, `params` giving the `?`s. `under` names the enclosing tuple attribute
/// for DynamoDB's messages (`item` at the top). Recursion is bounded by the parser's nesting bound.
pub(crate) fn value(e: &Expr, params: &[AttributeValue], under: &str) -> Result<AttributeValue> {
    Ok(match e {
        Expr::Param(i) => params
            .get(*i)
            .cloned()
            .ok_or_else(msg::partiql::parameter_count)?,
        Expr::Str(s) => AttributeValue::S(s.clone()),
        Expr::Num(n) => AttributeValue::N(n.clone()),
        Expr::Bool(b) => AttributeValue::Bool(*b),
        Expr::Null => AttributeValue::Null(true),
        Expr::Missing => return Err(msg::partiql::missing_literal()),
        Expr::List(items) => AttributeValue::L(
            items
                .iter()
                .map(|i| value(i, params, under))
                .collect::<Result<_>>()?,
        ),
        Expr::Tuple(pairs) => {
            let mut map = HashMap::with_capacity(pairs.len());
            for (k, v) in pairs {
                let v = value(v, params, k)?;
                if map.insert(k.clone(), v).is_some() {
                    return Err(msg::partiql::duplicate_tuple_key(k, under));
                }
            }
            AttributeValue::M(map)
        }
        Expr::Bag(items) => bag(items, params, under)?,
        _ => return Err(msg::partiql::unsupported("an expression as a value")),
    })
}

/// `<<…>>`: a string, number or binary set, all its members of one of those types.
fn bag(items: &[Expr], params: &[AttributeValue], under: &str) -> Result<AttributeValue> {
    let mut values = items.iter().map(|i| value(i, params, under));
    let Some(first) = values.next().transpose()? else {
        return Err(msg::partiql::empty_set());
    };
    let mismatch = msg::partiql::unsupported_set_element;
    match first {
        AttributeValue::S(s) => {
            let mut out = vec![s];
            for v in values {
                let AttributeValue::S(s) = v? else {
                    return Err(mismatch());
                };
                out.push(s);
            }
            Ok(AttributeValue::Ss(out))
        }
        AttributeValue::N(n) => {
            let mut out = vec![n];
            for v in values {
                let AttributeValue::N(n) = v? else {
                    return Err(mismatch());
                };
                out.push(n);
            }
            Ok(AttributeValue::Ns(out))
        }
        AttributeValue::B(b) => {
            let mut out = vec![b];
            for v in values {
                let AttributeValue::B(b) = v? else {
                    return Err(mismatch());
                };
                out.push(b);
            }
            Ok(AttributeValue::Bs(out))
        }
        _ => Err(mismatch()),
    }
}
