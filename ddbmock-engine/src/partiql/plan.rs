//! A statement to the engine operation that runs it: `SELECT` to Query when its WHERE clause fixes
//! the partition key with `=` (a conjunct at the top), to Scan otherwise; `INSERT` to PutItem on
//! the condition that the key is new; `UPDATE` and `DELETE` to UpdateItem and DeleteItem on the key
//! the WHERE clause fixes, the rest of it their condition. Running DynamoDB's own operations keeps
//! behaviour, billing and streams identical whichever API wrote the item.

use super::ast::{CmpOp, Expr, Path, Returning, Source, Statement};
use super::translate::{Exprs, wrap};
use ddbmock_core::Result;
use ddbmock_core::error::msg;
use ddbmock_core::model::{AttributeValue, Item};
use ddbmock_core::operation::{
    DeleteItemInput, PutItemInput, QueryInput, ReturnConsumedCapacity, ReturnValue,
    ReturnValuesOnConditionCheckFailure, ScanInput, UpdateItemInput,
};

/// The key attributes of a table or index.
#[derive(Clone, Debug)]
pub(crate) struct Keys {
    pub(crate) hash: String,
    pub(crate) range: Option<String>,
}

/// The members of ExecuteStatement that the planned operation takes over.
pub(crate) struct Request<'a> {
    pub(crate) params: &'a [AttributeValue],
    pub(crate) consistent_read: Option<bool>,
    pub(crate) limit: Option<i32>,
    pub(crate) start_key: Option<Item>,
    pub(crate) capacity: Option<ReturnConsumedCapacity>,
    pub(crate) on_failure: Option<ReturnValuesOnConditionCheckFailure>,
}

/// The operation a statement runs as.
#[derive(Debug)]
pub(crate) enum Plan {
    /// A SELECT fixing the partition key.
    Query(QueryInput),
    /// Any other SELECT.
    Scan(ScanInput),
    /// An INSERT: a key that exists is DynamoDB's `DuplicateItemException`.
    Insert(PutItemInput),
    /// An UPDATE.
    Update(UpdateItemInput),
    /// A DELETE.
    Delete(DeleteItemInput),
}

/// Plans `stmt`; `keys` gives the key attributes of a table or index (`None` for an index the
/// table lacks, which the operation then reports).
pub(crate) fn plan(
    stmt: &Statement,
    req: Request<'_>,
    keys: impl Fn(&Source) -> Result<Option<Keys>>,
) -> Result<Plan> {
    let mut x = Exprs::new(req.params);
    match stmt {
        Statement::Select(s) => {
            let projection = (!s.projection.is_empty()).then(|| {
                s.projection
                    .iter()
                    .map(|p| x.path(p))
                    .collect::<Vec<_>>()
                    .join(", ")
            });
            let conjuncts = s.filter.as_ref().map(conjuncts).unwrap_or_default();
            let key_schema = keys(&s.from)?;
            let hash_at = key_schema
                .as_ref()
                .and_then(|k| conjuncts.iter().position(|c| fixes(c, &k.hash).is_some()));
            if let (Some(k), Some(at)) = (&key_schema, hash_at) {
                let mut rest: Vec<&Expr> = conjuncts.clone();
                rest.remove(at);
                let mut key_cond = x.condition(conjuncts[at])?;
                let range_at = k
                    .range
                    .as_ref()
                    .and_then(|r| rest.iter().position(|c| is_range_condition(c, r)));
                if let Some(r) = range_at {
                    key_cond = format!(
                        "{} AND {}",
                        wrap(&key_cond),
                        wrap(&x.condition(rest.remove(r))?)
                    );
                }
                let filter = condition_of(&mut x, &rest)?;
                Ok(Plan::Query(QueryInput {
                    table_name: Some(s.from.table.clone()),
                    index_name: s.from.index.clone(),
                    key_condition_expression: Some(key_cond),
                    filter_expression: filter,
                    projection_expression: projection,
                    consistent_read: req.consistent_read,
                    limit: req.limit,
                    exclusive_start_key: req.start_key,
                    return_consumed_capacity: req.capacity,
                    expression_attribute_names: x.names(),
                    expression_attribute_values: x.values(),
                    ..Default::default()
                }))
            } else {
                let filter = condition_of(&mut x, &conjuncts)?;
                Ok(Plan::Scan(ScanInput {
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
                }))
            }
        }
        Statement::Insert(i) => {
            let k = write_keys(&i.into, &keys)?;
            if !matches!(i.item, Expr::Tuple(_)) {
                return Err(msg::partiql::insert_not_a_tuple());
            }
            let AttributeValue::M(item) = x.literal(&i.item)? else {
                return Err(msg::partiql::insert_not_a_tuple());
            };
            let cond = format!("attribute_not_exists({})", x.name(&k.hash));
            Ok(Plan::Insert(PutItemInput {
                table_name: Some(i.into.table.clone()),
                item: Some(item),
                condition_expression: Some(cond),
                return_consumed_capacity: req.capacity,
                expression_attribute_names: x.names(),
                ..Default::default()
            }))
        }
        Statement::Update(u) => {
            let k = write_keys(&u.table, &keys)?;
            let (key, rest) = key_of(&mut x, &k, u.filter.as_ref())?;
            let update = x.update(&u.actions)?;
            // An UPDATE changes an existing item only.
            let exists = format!("attribute_exists({})", x.name(&k.hash));
            let cond = match condition_of(&mut x, &rest)? {
                Some(c) => format!("{exists} AND {}", wrap(&c)),
                None => exists,
            };
            Ok(Plan::Update(UpdateItemInput {
                table_name: Some(u.table.table.clone()),
                key: Some(key),
                update_expression: Some(update),
                condition_expression: Some(cond),
                return_values: u.returning.map(return_value),
                return_consumed_capacity: req.capacity,
                return_values_on_condition_check_failure: req.on_failure,
                expression_attribute_names: x.names(),
                expression_attribute_values: x.values(),
                ..Default::default()
            }))
        }
        Statement::Delete(d) => {
            let k = write_keys(&d.from, &keys)?;
            if let Some(r) = d.returning.filter(|r| *r != Returning::AllOld) {
                return Err(msg::partiql::returning_on_delete(r.text()));
            }
            let (key, rest) = key_of(&mut x, &k, d.filter.as_ref())?;
            // No item is no error: only an item that fails the rest of the WHERE clause is.
            let cond = match condition_of(&mut x, &rest)? {
                Some(c) => Some(format!(
                    "attribute_not_exists({}) OR {}",
                    x.name(&k.hash),
                    wrap(&c)
                )),
                None => None,
            };
            Ok(Plan::Delete(DeleteItemInput {
                table_name: Some(d.from.table.clone()),
                key: Some(key),
                condition_expression: cond,
                return_values: d.returning.map(return_value),
                return_consumed_capacity: req.capacity,
                return_values_on_condition_check_failure: req.on_failure,
                expression_attribute_names: x.names(),
                expression_attribute_values: x.values(),
                ..Default::default()
            }))
        }
    }
}

fn return_value(r: Returning) -> ReturnValue {
    match r {
        Returning::AllOld => ReturnValue::AllOld,
        Returning::ModifiedOld => ReturnValue::UpdatedOld,
        Returning::AllNew => ReturnValue::AllNew,
        Returning::ModifiedNew => ReturnValue::UpdatedNew,
    }
}

/// The table's keys for a write, which never goes to an index.
fn write_keys(src: &Source, keys: &impl Fn(&Source) -> Result<Option<Keys>>) -> Result<Keys> {
    if src.index.is_some() {
        return Err(msg::partiql::write_on_index());
    }
    keys(src)?.ok_or_else(msg::table_not_found)
}

/// The top-level conjuncts of a condition, left to right. A loop over the left spine, since `AND`
/// chains are left-deep.
fn conjuncts(e: &Expr) -> Vec<&Expr> {
    let mut out = Vec::new();
    let mut at = e;
    while let Expr::And(a, b) = at {
        out.push(&**b);
        at = a;
    }
    out.push(at);
    out.reverse();
    out
}

/// The conjuncts joined into one condition expression, if any.
fn condition_of(x: &mut Exprs<'_>, conjuncts: &[&Expr]) -> Result<Option<String>> {
    if conjuncts.is_empty() {
        return Ok(None);
    }
    let parts = conjuncts
        .iter()
        .map(|c| x.condition(c))
        .collect::<Result<Vec<_>>>()?;
    Ok(Some(match parts.as_slice() {
        [one] => one.clone(),
        _ => parts
            .iter()
            .map(|p| wrap(p))
            .collect::<Vec<_>>()
            .join(" AND "),
    }))
}

/// The value `c` fixes the top-level attribute `name` to, when `c` is `name = value` (or
/// `value = name`).
fn fixes<'e>(c: &'e Expr, name: &str) -> Option<&'e Expr> {
    let Expr::Cmp(a, CmpOp::Eq, b) = c else {
        return None;
    };
    let is_name = |e: &Expr| matches!(e, Expr::Path(Path { head, steps }) if head == name && steps.is_empty());
    let is_value = |e: &Expr| !matches!(e, Expr::Path(_) | Expr::Call(..) | Expr::Missing);
    if is_name(a) && is_value(b) {
        Some(b)
    } else if is_name(b) && is_value(a) {
        Some(a)
    } else {
        None
    }
}

/// Whether `c` is a condition a key condition takes on the sort key `name`.
fn is_range_condition(c: &Expr, name: &str) -> bool {
    let is_name = |e: &Expr| matches!(e, Expr::Path(Path { head, steps }) if head == name && steps.is_empty());
    let is_value = |e: &Expr| !matches!(e, Expr::Path(_) | Expr::Call(..) | Expr::Missing);
    match c {
        Expr::Cmp(a, op, b) => *op != CmpOp::Ne && is_name(a) && is_value(b),
        Expr::Between(a, lo, hi) => is_name(a) && is_value(lo) && is_value(hi),
        Expr::Call(f, args) => {
            f == "begins_with" && args.len() == 2 && is_name(&args[0]) && is_value(&args[1])
        }
        _ => false,
    }
}

/// The key a write's WHERE clause fixes, and the conjuncts left for its condition.
fn key_of<'e>(
    x: &mut Exprs<'_>,
    k: &Keys,
    filter: Option<&'e Expr>,
) -> Result<(Item, Vec<&'e Expr>)> {
    let mut rest = filter.map(conjuncts).unwrap_or_default();
    let mut key = Item::new();
    for name in std::iter::once(&k.hash).chain(k.range.as_ref()) {
        let found: Vec<usize> = (0..rest.len())
            .filter(|&i| fixes(rest[i], name).is_some())
            .collect();
        match found.as_slice() {
            [] => return Err(msg::partiql::incomplete_key()),
            [i] => {
                let c = rest.remove(*i);
                let v = fixes(c, name).map(|v| x.literal(v)).transpose()?;
                key.insert(name.clone(), v.unwrap_or(AttributeValue::Null(true)));
            }
            _ => return Err(msg::partiql::multiple_conditions_on_key(name)),
        }
    }
    Ok((key, rest))
}
