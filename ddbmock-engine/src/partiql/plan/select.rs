//! A SELECT to the reads that run it: GetItem when the WHERE clause fixes the whole primary key of
//! a table and says nothing else (so a point read costs what GetItem costs); Query when it fixes
//! the partition key with `=`; one Query per value when it names several partition keys
//! (`pk IN [..]`, `pk = a OR pk = b`); Scan otherwise. `ORDER BY` becomes the direction the
//! Queries read in and the order of their partitions, so no result is ever sorted in memory.

use super::{Keys, Plan, Request, condition_of, conjuncts, fixes, is_range_condition};
use crate::expr::compare;
use crate::partiql::ast::{Expr, Path, Select, Source};
use crate::partiql::translate::{Exprs, wrap};
use ddbmock_core::Result;
use ddbmock_core::error::msg;
use ddbmock_core::model::{AttributeValue, Item};
use ddbmock_core::operation::{GetItemInput, QueryInput, ScanInput};

/// The most partition key values one SELECT reads: "at max 50 hash attribute values" (the
/// Developer Guide's PartiQL operator table, for `IN`).
pub(crate) const MAX_PARTITIONS: usize = 50;

pub(super) fn select(
    s: &Select,
    req: Request<'_>,
    keys: &impl Fn(&Source) -> Result<Option<Keys>>,
) -> Result<Plan> {
    let mut x = Exprs::new(req.params);
    let projection = (!s.projection.is_empty()).then(|| {
        s.projection
            .iter()
            .map(|p| x.path(p))
            .collect::<Vec<_>>()
            .join(", ")
    });
    let conjuncts = s.filter.as_ref().map(conjuncts).unwrap_or_default();
    let key_schema = keys(&s.from)?;
    let partitions = key_schema
        .as_ref()
        .and_then(|k| partition_condition(&conjuncts, &k.hash));
    if let Some(k) = &key_schema {
        check_order_by(s, k, partitions.as_ref().map(|(_, values)| values.len()))?;
    }
    let (Some(k), Some((at, value_exprs))) = (&key_schema, partitions) else {
        let filter = condition_of(&mut x, &conjuncts)?;
        return Ok(Plan::Scan(ScanInput {
            table_name: Some(s.from.table.clone()),
            index_name: s.from.index.clone(),
            filter_expression: filter,
            projection_expression: projection,
            consistent_read: req.consistent_read,
            limit: req.limit,
            exclusive_start_key: req.start_key,
            return_consumed_capacity: req.capacity,
            expression_attribute_names: x.names(),
            expression_attribute_values: x.values(),
            ..Default::default()
        }));
    };

    if value_exprs.len() > MAX_PARTITIONS {
        return Err(msg::partiql::too_many_reads());
    }
    let mut values: Vec<AttributeValue> = Vec::with_capacity(value_exprs.len());
    for e in value_exprs {
        let v = x.literal(e)?;
        k.check_value(&k.hash, &v)?;
        if !values.contains(&v) {
            values.push(v);
        }
    }
    let mut rest: Vec<&Expr> = conjuncts.clone();
    rest.remove(at);
    let range_at = k
        .range
        .as_ref()
        .and_then(|r| rest.iter().position(|c| is_range_condition(c, r)));
    let range = range_at.map(|r| rest.remove(r));
    if let (Some(r), Some(c)) = (&k.range, range) {
        for v in range_values(c) {
            k.check_value(r, &x.literal(v)?)?;
        }
    }

    // A point read: one GetItem, billed as one.
    if s.from.index.is_none() && !k.multi && values.len() == 1 && rest.is_empty() {
        let sort = match (&k.range, range) {
            (None, None) => Some(None),
            (Some(r), Some(c)) => fixes(c, r).map(|v| Some((r, v))),
            _ => None,
        };
        if let Some(sort) = sort {
            let mut key = Item::from([(k.hash.clone(), values[0].clone())]);
            if let Some((r, v)) = sort {
                key.insert(r.clone(), x.literal(v)?);
            }
            return Ok(Plan::Get(GetItemInput {
                table_name: Some(s.from.table.clone()),
                key: Some(key),
                projection_expression: projection,
                consistent_read: req.consistent_read,
                return_consumed_capacity: req.capacity,
                expression_attribute_names: x.names(),
                ..Default::default()
            }));
        }
    }

    let hash_value = x.value(values[0].clone());
    let mut key_cond = format!("{} = {hash_value}", x.name(&k.hash));
    if let Some(c) = range {
        key_cond = format!("{} AND {}", wrap(&key_cond), wrap(&x.condition(c)?));
    }
    let filter = condition_of(&mut x, &rest)?;
    let direction = |name: Option<&String>| {
        s.order_by
            .iter()
            .find(|(n, _)| Some(n) == name)
            .map(|(_, desc)| *desc)
    };
    let template = QueryInput {
        table_name: Some(s.from.table.clone()),
        index_name: s.from.index.clone(),
        key_condition_expression: Some(key_cond),
        filter_expression: filter,
        projection_expression: projection,
        consistent_read: req.consistent_read,
        limit: req.limit,
        exclusive_start_key: req.start_key,
        return_consumed_capacity: req.capacity,
        scan_index_forward: direction(k.range.as_ref()).map(|desc| !desc),
        expression_attribute_names: x.names(),
        expression_attribute_values: x.values(),
        ..Default::default()
    };
    if values.len() == 1 {
        return Ok(Plan::Query(template));
    }
    if let Some(desc) = direction(Some(&k.hash)) {
        // Key values are all of the key's type (checked above), so they compare.
        values.sort_by(|a, b| compare(a, b).unwrap_or(std::cmp::Ordering::Equal));
        if desc {
            values.reverse();
        }
    }
    Ok(Plan::Queries(
        values
            .into_iter()
            .map(|v| {
                let mut q = template.clone();
                if let Some(vals) = q.expression_attribute_values.as_mut() {
                    vals.insert(hash_value.clone(), v);
                }
                q
            })
            .collect(),
    ))
}

/// The conjunct that fixes the partition key `hash`, and the values it allows: `hash = v`,
/// `hash IN [v, …]`, or `hash = v OR hash = w …`. The first such conjunct wins; any others stay
/// in the filter.
fn partition_condition<'e>(conjuncts: &[&'e Expr], hash: &str) -> Option<(usize, Vec<&'e Expr>)> {
    conjuncts.iter().enumerate().find_map(|(at, c)| {
        if let Some(v) = fixes(c, hash) {
            return Some((at, vec![v]));
        }
        let values = match c {
            Expr::In(a, list)
                if is_name(a, hash) && !list.is_empty() && list.iter().all(is_value) =>
            {
                list.iter().collect()
            }
            Expr::Or(..) => disjuncts(c)
                .into_iter()
                .map(|d| fixes(d, hash))
                .collect::<Option<Vec<_>>>()?,
            _ => return None,
        };
        Some((at, values))
    })
}

/// The operands of a chain of `OR`s, left to right; an explicit stack, since `(a OR b) OR c` and
/// `a OR (b OR c)` both count.
fn disjuncts(e: &Expr) -> Vec<&Expr> {
    let mut out = Vec::new();
    let mut stack = vec![e];
    while let Some(at) = stack.pop() {
        match at {
            Expr::Or(a, b) => {
                stack.push(b);
                stack.push(a);
            }
            other => out.push(other),
        }
    }
    out
}

fn is_name(e: &Expr, name: &str) -> bool {
    matches!(e, Expr::Path(Path { head, steps }) if head == name && steps.is_empty())
}

fn is_value(e: &Expr) -> bool {
    !matches!(e, Expr::Path(_) | Expr::Call(..) | Expr::Missing)
}

/// The values a sort-key condition compares the key with.
fn range_values(c: &Expr) -> Vec<&Expr> {
    match c {
        Expr::Cmp(a, _, b) => vec![if is_value(a) { a } else { b }],
        Expr::Between(_, lo, hi) => vec![lo, hi],
        Expr::Call(_, args) => args.iter().skip(1).collect(),
        _ => vec![],
    }
}

/// DynamoDB's rules for `ORDER BY`, in the order it applies them: a WHERE clause, key attributes
/// only, a partition key condition (so the read is a Query), and the partition key among the
/// terms when several partitions are read. `partitions` counts the values the WHERE clause names
/// for the partition key, `None` for none.
fn check_order_by(s: &Select, k: &Keys, partitions: Option<usize>) -> Result<()> {
    if s.order_by.is_empty() {
        return Ok(());
    }
    if s.filter.is_none() {
        return Err(msg::partiql::order_by_without_where());
    }
    if let Some((name, _)) = s.order_by.iter().find(|(n, _)| !k.is_key(n)) {
        return Err(msg::partiql::order_by_not_a_key(name));
    }
    match partitions {
        None => Err(msg::partiql::order_by_without_hash_condition()),
        Some(n) if n > 1 && !s.order_by.iter().any(|(name, _)| *name == k.hash) => {
            Err(msg::partiql::order_by_needs_hash_key())
        }
        Some(_) => Ok(()),
    }
}
