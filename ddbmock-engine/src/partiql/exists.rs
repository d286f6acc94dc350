//! `EXISTS(SELECT …)`: the condition check of an ExecuteTransaction, as TransactWriteItems'
//! `ConditionCheck` states it. The SELECT must name one item by its whole primary key and add at
//! least one more condition (the Developer Guide's EXISTS page); the check holds when that item
//! exists and meets the conditions.

use super::ast::{Select, Source};
use super::plan::{Keys, condition_of, conjuncts, fixes};
use super::translate::{Exprs, wrap};
use ddbmock_core::Result;
use ddbmock_core::error::msg;
use ddbmock_core::model::{AttributeValue, Item};
use ddbmock_core::operation::ConditionCheck;

/// The `ConditionCheck` that `EXISTS(select)` stands for; `keys` gives the key attributes of the
/// table (as for `plan::plan`). Nothing outside ExecuteTransaction runs it.
#[allow(dead_code)] // ExecuteTransaction (another change, in progress) is its caller.
pub(crate) fn check(
    select: &Select,
    params: &[AttributeValue],
    keys: impl Fn(&Source) -> Result<Option<Keys>>,
) -> Result<ConditionCheck> {
    if select.from.index.is_some() {
        return Err(msg::partiql::exists_on_index());
    }
    let k = keys(&select.from)?.ok_or_else(msg::table_not_found)?;
    let mut rest = select.filter.as_ref().map(conjuncts).unwrap_or_default();
    let mut x = Exprs::new(params);
    let mut key = Item::new();
    for name in std::iter::once(&k.hash).chain(k.range.as_ref()) {
        // The first equality on each key attribute names the item; a second one is one more
        // condition on it.
        let Some(at) = rest.iter().position(|c| fixes(c, name).is_some()) else {
            return Err(msg::partiql::exists_not_single_item());
        };
        let c = rest.remove(at);
        let v = match fixes(c, name) {
            Some(e) => x.literal(e)?,
            None => return Err(msg::partiql::exists_not_single_item()),
        };
        k.check_value(name, &v)?;
        key.insert(name.clone(), v);
    }
    let Some(cond) = condition_of(&mut x, &rest)? else {
        return Err(msg::partiql::exists_not_single_item());
    };
    // A condition check reads an absent item as one without attributes, which `IS MISSING`
    // would accept; EXISTS is false for an absent item.
    let cond = format!("attribute_exists({}) AND {}", x.name(&k.hash), wrap(&cond));
    Ok(ConditionCheck {
        table_name: Some(select.from.table.clone()),
        key: Some(key),
        condition_expression: Some(cond),
        expression_attribute_names: x.names(),
        expression_attribute_values: x.values(),
        ..Default::default()
    })
}
