//! Statements that address one item by its full primary key, for the operations that take only
//! such statements: a SELECT of BatchExecuteStatement or ExecuteTransaction (run as a GetItem) and
//! an `EXISTS(SELECT …)` of ExecuteTransaction (run as a ConditionCheck).
//!
//! The key is found by planning the same WHERE clause as the write that needs it: a DELETE
//! (whose plan must fix the full key, the rest of the clause its condition) for a point read, an
//! UPDATE (whose condition is "the item exists, and the rest holds") for `EXISTS`. So the rules for
//! what fixes a key, and how the rest translates, stay in `plan`.

use super::ast::{Delete, Select, Source, Statement, Update};
use super::plan::{Keys, Plan, Request, plan};
use super::translate::Exprs;
use ddbmock_core::Result;
use ddbmock_core::error::{Error, msg};
use ddbmock_core::model::AttributeValue;
use ddbmock_core::operation::{ConditionCheck, Get, ReturnValuesOnConditionCheckFailure};

/// The text inside `EXISTS( … )`, when `text` is such a call (the keyword in any case).
///
/// The parser has no `EXISTS` yet; when it does, its statement replaces this.
pub(crate) fn exists_body(text: &str) -> Option<&str> {
    let t = text.trim();
    let keyword = t.get(..6)?;
    if !keyword.eq_ignore_ascii_case("exists") {
        return None;
    }
    t.get(6..)?
        .trim_start()
        .strip_prefix('(')?
        .strip_suffix(')')
}

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
    let delete = match plan(&probe, request(params, None), keys) {
        Ok(Plan::Delete(d)) => d,
        Ok(Plan::Query(_) | Plan::Scan(_) | Plan::Insert(_) | Plan::Update(_)) => return Ok(None),
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

/// The ConditionCheck of `EXISTS(select)`: the item the WHERE clause's key names exists and meets
/// the rest of the clause.
pub(crate) fn exists_check(
    select: &Select,
    params: &[AttributeValue],
    on_failure: Option<ReturnValuesOnConditionCheckFailure>,
    keys: impl Fn(&Source) -> Result<Option<Keys>>,
) -> Result<ConditionCheck> {
    let probe = Statement::Update(Update {
        table: select.from.clone(),
        actions: Vec::new(),
        filter: select.filter.clone(),
        returning: None,
    });
    match plan(&probe, request(params, on_failure), keys)? {
        // The probe has no SET or REMOVE clause, so its update expression is empty and unused.
        Plan::Update(u) => Ok(ConditionCheck {
            table_name: u.table_name,
            key: u.key,
            condition_expression: u.condition_expression,
            expression_attribute_names: u.expression_attribute_names,
            expression_attribute_values: u.expression_attribute_values,
            return_values_on_condition_check_failure: u.return_values_on_condition_check_failure,
        }),
        Plan::Query(_) | Plan::Scan(_) | Plan::Insert(_) | Plan::Delete(_) => {
            Err(msg::partiql_ops::unsupported_in_transaction())
        }
    }
}

fn request(
    params: &[AttributeValue],
    on_failure: Option<ReturnValuesOnConditionCheckFailure>,
) -> Request<'_> {
    Request {
        params,
        consistent_read: None,
        limit: None,
        start_key: None,
        capacity: None,
        on_failure,
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
        }))
    }

    fn select(text: &str) -> Select {
        match parse(text).map(|p| p.statement) {
            Ok(Statement::Select(s)) => s,
            other => panic!("not a select: {other:?}"),
        }
    }

    #[test]
    fn finds_the_body_of_exists() {
        assert_eq!(exists_body(" exists (SELECT 1) "), Some("SELECT 1"));
        assert_eq!(exists_body("EXISTS(x)"), Some("x"));
        assert_eq!(exists_body("EXISTSx(y)"), None);
        assert_eq!(exists_body("SELECT * FROM t"), None);
        assert_eq!(exists_body("é"), None);
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

    #[test]
    fn exists_checks_presence_and_the_rest() {
        let check = exists_check(
            &select(r#"SELECT * FROM "t" WHERE pk = 'a' AND sk = 1 AND v IS MISSING"#),
            &[],
            Some(ReturnValuesOnConditionCheckFailure::AllOld),
            keys,
        )
        .unwrap();
        assert_eq!(
            check.condition_expression.as_deref(),
            Some("attribute_exists(#n0) AND (attribute_not_exists(#n1))")
        );
        assert_eq!(check.key.unwrap().len(), 2);
        assert_eq!(
            check.return_values_on_condition_check_failure,
            Some(ReturnValuesOnConditionCheckFailure::AllOld)
        );
        assert_eq!(
            exists_check(
                &select(r#"SELECT * FROM "t" WHERE pk = 'a'"#),
                &[],
                None,
                keys
            ),
            Err(msg::partiql::incomplete_key())
        );
    }
}
