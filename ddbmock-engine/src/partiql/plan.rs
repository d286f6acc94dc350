//! A statement to the engine operation that runs it: `SELECT` to Query when its WHERE clause fixes
//! the partition key with `=` (a conjunct at the top), to Scan otherwise; `INSERT` to PutItem on
//! the condition that the key is new; `UPDATE` and `DELETE` to UpdateItem and DeleteItem on the key
//! the WHERE clause fixes, the rest of it their condition. Running DynamoDB's own operations keeps
//! behaviour, billing and streams identical whichever API wrote the item.

use super::ast::{CmpOp, Expr, Path, Returning, Source, Statement};
use super::translate::{Exprs, wrap};
use ddbmock_core::Result;
use ddbmock_core::error::msg;
use ddbmock_core::model::{AttributeType, AttributeValue, Item};
use ddbmock_core::operation::{
    DeleteItemInput, GetItemInput, PutItemInput, QueryInput, ReturnConsumedCapacity, ReturnValue,
    ReturnValuesOnConditionCheckFailure, ScanInput, UpdateItemInput,
};

mod select;

/// The key attributes of a table or index.
#[derive(Clone, Debug)]
pub(crate) struct Keys {
    pub(crate) hash: String,
    pub(crate) range: Option<String>,
    /// Every key attribute and its type, for PartiQL's type checks of key values.
    pub(crate) types: Vec<(String, AttributeType)>,
    /// Whether the key has more than one partition or sort attribute (a global index's
    /// multi-attribute key), which no single GetItem or one-value key condition reads.
    pub(crate) multi: bool,
}

impl Keys {
    /// Whether `name` is a key attribute.
    pub(crate) fn is_key(&self, name: &str) -> bool {
        self.types.iter().any(|(n, _)| n == name)
    }

    /// Fails with PartiQL's texts unless `v` can be the value of key attribute `name`.
    pub(crate) fn check_value(&self, name: &str, v: &AttributeValue) -> Result<()> {
        let Some((_, ty)) = self.types.iter().find(|(n, _)| n == name) else {
            return Ok(());
        };
        if v.attribute_type() == *ty {
            Ok(())
        } else {
            Err(msg::partiql::key_type_mismatch(name))
        }
    }
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
    /// A SELECT fixing the whole primary key of a table and nothing else: one GetItem.
    Get(GetItemInput),
    /// A SELECT fixing the partition key.
    Query(QueryInput),
    /// A SELECT naming several partition keys (`IN`, `OR`): one Query each, in order.
    Queries(Vec<QueryInput>),
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
    match stmt {
        Statement::Select(s) => select::select(s, req, &keys),
        // ExecuteTransaction turns EXISTS into a condition check (`exists::check`); anywhere
        // else it is refused before any table is looked at.
        Statement::Exists(_) => Err(msg::partiql::exists_outside_transaction()),
        Statement::Insert(i) => {
            let mut x = Exprs::new(req.params);
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
            let mut x = Exprs::new(req.params);
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
            let mut x = Exprs::new(req.params);
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
pub(super) fn conjuncts(e: &Expr) -> Vec<&Expr> {
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
pub(super) fn condition_of(x: &mut Exprs<'_>, conjuncts: &[&Expr]) -> Result<Option<String>> {
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
pub(super) fn fixes<'e>(c: &'e Expr, name: &str) -> Option<&'e Expr> {
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
pub(super) fn is_range_condition(c: &Expr, name: &str) -> bool {
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
                let v = v.unwrap_or(AttributeValue::Null(true));
                if !matches!(
                    v,
                    AttributeValue::S(_) | AttributeValue::N(_) | AttributeValue::B(_)
                ) {
                    return Err(msg::partiql::key_not_scalar(
                        name,
                        v.attribute_type().descriptor(),
                    ));
                }
                k.check_value(name, &v)?;
                key.insert(name.clone(), v);
            }
            _ => return Err(msg::partiql::multiple_conditions_on_key(name)),
        }
    }
    Ok((key, rest))
}
