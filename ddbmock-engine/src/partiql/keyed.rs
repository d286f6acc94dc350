//! A SELECT that addresses one item by its full primary key and says nothing more, the only
//! SELECT BatchExecuteStatement and ExecuteTransaction take (run as a GetItem).
//!
//! The key is found by planning the same WHERE clause as a DELETE, whose plan must fix the full
//! key and leaves the rest of the clause as its condition: so the rules for what fixes a key stay
//! in `plan`.

use super::ast::{Delete, Select, Source, Statement};
use super::plan::{Keys, Plan, Request, plan};
use super::translate::Exprs;
use ddbmock_core::Result;
use ddbmock_core::error::{Error, msg};
use ddbmock_core::model::AttributeValue;
use ddbmock_core::operation::Get;

/// The GetItem of a SELECT that names one item: its WHERE clause is one equality per key attribute
/// of the table and nothing else. `None` for any other SELECT (an index, a range, a filter), which
/// the caller words as its operation does.
pub(crate) fn point_get(
    select: &Select,
    params: &[AttributeValue],
    keys: impl Fn(&Source) -> Result<Option<Keys>>,
) -> Result<Option<Get>> {
    if select.from.index.is_some() {
        return Ok(None);
    }
    let probe = Statement::Delete(Delete {
        from: select.from.clone(),
        filter: select.filter.clone(),
        returning: None,
    });
    let delete = match plan(&probe, request(params), keys) {
        Ok(Plan::Delete(d)) => d,
        Ok(
            Plan::Get(_)
            | Plan::Query(_)
            | Plan::Queries(_)
            | Plan::Scan(_)
            | Plan::Insert(_)
            | Plan::Update(_),
        ) => return Ok(None),
        Err(e) if names_no_single_key(&e) => return Ok(None),
        Err(e) => return Err(e),
    };
    // A condition left over is a WHERE clause that says more than the key.
    if delete.condition_expression.is_some() {
        return Ok(None);
    }
    let mut x = Exprs::new(params);
    let projection = (!select.projection.is_empty()).then(|| {
        select
            .projection
            .iter()
            .map(|p| x.path(p))
            .collect::<Vec<_>>()
            .join(", ")
    });
    Ok(Some(Get {
        table_name: delete.table_name,
        key: delete.key,
        projection_expression: projection,
        expression_attribute_names: x.names(),
    }))
}

fn request(params: &[AttributeValue]) -> Request<'_> {
    Request {
        params,
        consistent_read: None,
        limit: None,
        start_key: None,
        capacity: None,
        on_failure: None,
    }
}

/// Whether planning failed because the WHERE clause does not fix each key attribute exactly once.
fn names_no_single_key(e: &Error) -> bool {
    *e == msg::partiql::incomplete_key()
        || e.message().starts_with("Multiple conditions on same key")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::partiql::parse;

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
        match parse(text).map(|p| p.statement) {
            Ok(Statement::Select(s)) => s,
            other => panic!("not a select: {other:?}"),
        }
    }

    #[test]
    fn a_full_key_select_is_a_get() {
        let get = point_get(
            &select(r#"SELECT a.b FROM "t" WHERE sk = 2 AND pk = ?"#),
            &[AttributeValue::S("x".into())],
            keys,
        )
        .unwrap()
        .unwrap();
        assert_eq!(get.table_name.as_deref(), Some("t"));
        let key = get.key.unwrap();
        assert_eq!(key["pk"], AttributeValue::S("x".into()));
        assert_eq!(key["sk"], AttributeValue::N("2".into()));
        assert_eq!(get.projection_expression.as_deref(), Some("#n0.#n1"));
        assert_eq!(get.expression_attribute_names.unwrap()["#n1"], "b");
    }

    #[test]
    fn anything_but_the_key_is_not_a_get() {
        for text in [
            r#"SELECT * FROM "t" WHERE pk = 'a'"#,
            r#"SELECT * FROM "t" WHERE pk = 'a' AND sk > 1"#,
            r#"SELECT * FROM "t" WHERE pk = 'a' AND sk = 1 AND v = 2"#,
            r#"SELECT * FROM "t" WHERE pk = 'a' AND pk = 'b' AND sk = 1"#,
            r#"SELECT * FROM "t"."i" WHERE pk = 'a' AND sk = 1"#,
            r#"SELECT * FROM "t""#,
        ] {
            assert_eq!(point_get(&select(text), &[], keys).unwrap(), None, "{text}");
        }
    }
}
