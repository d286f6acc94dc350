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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::Engine;
    use crate::partiql::ast::Statement;
    use crate::partiql::parse;
    use ddbmock_core::item;
    use ddbmock_core::operation::ScalarAttributeType::{N, S};
    use ddbmock_core::operation::{
        CreateTableInput, PutItemInput, TransactWriteItem, TransactWriteItemsInput,
    };

    fn keys(_: &Source) -> Result<Option<Keys>> {
        Ok(Some(Keys {
            hash: "pk".into(),
            range: Some("sk".into()),
            types: vec![
                ("pk".into(), ddbmock_core::model::AttributeType::S),
                ("sk".into(), ddbmock_core::model::AttributeType::N),
            ],
            multi: false,
        }))
    }

    fn select(text: &str) -> Select {
        match parse(text).unwrap().statement {
            Statement::Exists(s) => s,
            other => panic!("{other:?}"),
        }
    }

    /// Runs `EXISTS(text)` as the one condition check of a transaction that also puts `other`.
    fn holds(db: &Engine, text: &str, params: &[AttributeValue]) -> bool {
        let check = check(&select(text), params, keys).unwrap();
        db.transact_write_items_now(TransactWriteItemsInput {
            transact_items: Some(vec![
                TransactWriteItem {
                    condition_check: Some(check),
                    ..Default::default()
                },
                TransactWriteItem {
                    put: Some(ddbmock_core::operation::Put {
                        table_name: Some("tbl".into()),
                        item: Some(item! { "pk" => "other", "sk" => 0 }),
                        ..Default::default()
                    }),
                    ..Default::default()
                },
            ]),
            ..Default::default()
        })
        .is_ok()
    }

    #[test]
    fn exists_holds_for_an_item_that_exists_and_meets_the_condition() {
        let db = Engine::memory();
        db.create_table_now(CreateTableInput::new("tbl", "pk", S).range("sk", N))
            .unwrap();
        db.put_item_now(PutItemInput::new(
            "tbl",
            item! { "pk" => "a", "sk" => 1, "n" => 5 },
        ))
        .unwrap();
        assert!(holds(
            &db,
            "EXISTS(SELECT * FROM tbl WHERE pk = 'a' AND sk = 1 AND n = 5)",
            &[]
        ));
        assert!(holds(
            &db,
            "EXISTS(SELECT * FROM tbl WHERE sk = ? AND gone IS MISSING AND pk = ?)",
            &[1.into(), "a".into()]
        ));
        assert!(!holds(
            &db,
            "EXISTS(SELECT * FROM tbl WHERE pk = 'a' AND sk = 1 AND n > 5)",
            &[]
        ));
        // No item: false, even for a condition an absent attribute meets.
        assert!(!holds(
            &db,
            "EXISTS(SELECT * FROM tbl WHERE pk = 'b' AND sk = 1 AND n IS MISSING)",
            &[]
        ));
    }

    #[test]
    fn exists_needs_one_item_and_a_condition_on_a_table() {
        for (text, message) in [
            (
                "EXISTS(SELECT * FROM t WHERE pk = 'a' AND sk = 1)",
                "EXISTS() must contain a single item read with additional condition",
            ),
            (
                "EXISTS(SELECT * FROM t WHERE pk = 'a' AND n = 1)",
                "EXISTS() must contain a single item read with additional condition",
            ),
            (
                "EXISTS(SELECT * FROM t WHERE pk IN ['a'] AND sk = 1 AND n = 1)",
                "EXISTS() must contain a single item read with additional condition",
            ),
            (
                "EXISTS(SELECT * FROM t)",
                "EXISTS() must contain a single item read with additional condition",
            ),
            (
                r#"EXISTS(SELECT * FROM "t"."i" WHERE pk = 'a' AND sk = 1 AND n = 1)"#,
                "Operations on indices are not supported in transactions",
            ),
            (
                "EXISTS(SELECT * FROM t WHERE pk = 1 AND sk = 1 AND n = 1)",
                "Key attribute's data type should match its data type in table's schema: Key pk",
            ),
        ] {
            let e = check(&select(text), &[], keys).unwrap_err();
            assert_eq!(e.message(), message, "{text}");
        }
        // A second equality on a key attribute is a condition on the item.
        let c = check(
            &select("EXISTS(SELECT * FROM t WHERE pk = 'a' AND sk = 1 AND sk = 1)"),
            &[],
            keys,
        )
        .unwrap();
        assert_eq!(c.key, Some(item! { "pk" => "a", "sk" => 1 }));
        assert_eq!(
            c.condition_expression.as_deref(),
            Some("attribute_exists(#n1) AND (#n0 = :v0)")
        );
    }
}
