//! Non-scalar access to key attributes: a projection or filter path that reads into a key attribute
//! of the table or of one of its indexes (`pk.x`, `pk[0]`), which DynamoDB refuses, since a key
//! attribute is always a scalar.

use super::table::Table;
use crate::expr::{Condition, Operand, Path, Projection};
use ddbmock_core::error::{Result, msg};

/// Refuses a path of `projection` or `filter` that goes into a key attribute of `table` or of one
/// of its indexes. The table's key is checked first, then the indexes', each in schema order.
pub(crate) fn check(
    table: &Table,
    projection: Option<&Projection>,
    filter: Option<&Condition>,
) -> Result<()> {
    let mut nested: Vec<&str> = Vec::new();
    for p in projection.into_iter().flat_map(|p| &p.paths) {
        push_nested(p, &mut nested);
    }
    if let Some(c) = filter {
        condition_nested(c, &mut nested);
    }
    if nested.is_empty() {
        return Ok(());
    }
    for attr in table.key.attrs() {
        if nested.contains(&attr.name.as_str()) {
            return Err(msg::expr::key_attribute_not_scalar(&attr.name, false));
        }
    }
    for index in &table.indexes {
        for attr in index.key.attrs() {
            if nested.contains(&attr.name.as_str()) {
                return Err(msg::expr::key_attribute_not_scalar(&attr.name, true));
            }
        }
    }
    Ok(())
}

/// Records the attribute `p` starts at when `p` goes below it.
fn push_nested<'a>(p: &'a Path, out: &mut Vec<&'a str>) {
    if p.0.len() > 1 {
        out.push(p.attribute_name());
    }
}

fn condition_nested<'a>(c: &'a Condition, out: &mut Vec<&'a str>) {
    let operands: Vec<&Operand> = match c {
        Condition::Cmp(a, _, b)
        | Condition::AttributeType(a, b)
        | Condition::BeginsWith(a, b)
        | Condition::Contains(a, b) => vec![a, b],
        Condition::Between(a, b, c) => vec![a, b, c],
        Condition::In(a, list) => std::iter::once(a).chain(list).collect(),
        Condition::Exists(p) | Condition::NotExists(p) => {
            push_nested(p, out);
            Vec::new()
        }
        Condition::Not(inner) => {
            condition_nested(inner, out);
            Vec::new()
        }
        Condition::All(cs) | Condition::Any(cs) => {
            for c in cs {
                condition_nested(c, out);
            }
            Vec::new()
        }
    };
    for o in operands {
        operand_nested(o, out);
    }
}

fn operand_nested<'a>(o: &'a Operand, out: &mut Vec<&'a str>) {
    match o {
        Operand::Path(p) => push_nested(p, out),
        Operand::Value(_) => {}
        Operand::Size(inner) => operand_nested(inner, out),
        Operand::IfNotExists(p, inner) => {
            push_nested(p, out);
            operand_nested(inner, out);
        }
        Operand::ListAppend(a, b) | Operand::Plus(a, b) | Operand::Minus(a, b) => {
            operand_nested(a, out);
            operand_nested(b, out);
        }
    }
}
