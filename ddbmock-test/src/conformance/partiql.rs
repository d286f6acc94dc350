//! PartiQL scenarios (ExecuteStatement): each statement kind (INSERT, a point SELECT, a Query with
//! ORDER BY, `IN` over partitions with NextToken paging, a Scan, UPDATE and DELETE with RETURNING)
//! and each error class (syntax, parameters, missing table, duplicate key, failed condition, key
//! rules, ORDER BY rules, EXISTS outside a transaction), with DynamoDB's exact texts.

use ddbmock_core::DynamoDb;
use ddbmock_core::model::{AttributeValue, Item};
use ddbmock_core::operation::*;

use super::reads::keyed_table;
use super::support::*;

async fn exec(
    db: &dyn DynamoDb,
    statement: &str,
    params: Vec<AttributeValue>,
) -> Result<ExecuteStatementOutput, ddbmock_core::Error> {
    db.execute_statement(ExecuteStatementInput {
        statement: Some(statement.to_owned()),
        parameters: (!params.is_empty()).then_some(params),
        ..Default::default()
    })
    .await
}

/// `sk` of each item, in the order returned.
fn sorts(items: &[Item]) -> Vec<String> {
    items
        .iter()
        .map(|i| match i.get("sk") {
            Some(AttributeValue::N(v)) => v.clone(),
            other => panic!("no sk: {other:?}"),
        })
        .collect()
}

/// INSERT, SELECT (point, Query with ORDER BY, IN with paging, Scan), UPDATE and DELETE.
pub async fn partiql_statements(db: &dyn DynamoDb) {
    let t = keyed_table(db, "pql", "S", Some("N")).await;
    for (pk, sk) in [("a", "1"), ("a", "2"), ("a", "3"), ("b", "1"), ("c", "1")] {
        exec(
            db,
            &format!(r#"INSERT INTO "{t}" VALUE {{'pk': ?, 'sk': ?, 'n': 1, 'l': [1, 'x'], 'm': {{'k': <<'s'>>}}}}"#),
            vec![s(pk), n(sk)],
        )
        .await
        .expect("insert");
    }

    let point = exec(
        db,
        &format!(r#"SELECT n, m.k FROM "{t}" WHERE pk = 'a' AND sk = 2"#),
        vec![],
    )
    .await
    .expect("point select");
    assert_eq!(
        point.items.unwrap(),
        vec![item(&[
            ("n", n("1")),
            (
                "m",
                AttributeValue::M(item(&[("k", AttributeValue::Ss(vec!["s".into()]))]))
            ),
        ])]
    );

    let desc = exec(
        db,
        &format!(r#"SELECT * FROM "{t}" WHERE pk = ? ORDER BY sk DESC"#),
        vec![s("a")],
    )
    .await
    .expect("query");
    assert_eq!(sorts(&desc.items.unwrap()), ["3", "2", "1"]);

    // IN over three partitions, two items a page: every item once, in partition order.
    let mut token = None;
    let mut seen = Vec::new();
    loop {
        let out = db
            .execute_statement(ExecuteStatementInput {
                statement: Some(format!(
                    r#"SELECT pk, sk FROM "{t}" WHERE pk IN ['c', 'a', 'b'] ORDER BY pk ASC"#
                )),
                limit: Some(2),
                next_token: token,
                ..Default::default()
            })
            .await
            .expect("IN page");
        let items = out.items.unwrap();
        assert!(items.len() <= 2);
        seen.extend(
            items
                .into_iter()
                .map(|i| (i["pk"].clone(), i["sk"].clone())),
        );
        token = out.next_token;
        if token.is_none() {
            break;
        }
    }
    let want: Vec<_> = [("a", "1"), ("a", "2"), ("a", "3"), ("b", "1"), ("c", "1")]
        .iter()
        .map(|(p, k)| (s(p), n(k)))
        .collect();
    assert_eq!(seen, want);

    let scan = exec(
        db,
        &format!(r#"SELECT sk FROM "{t}" WHERE sk >= 2"#),
        vec![],
    )
    .await
    .expect("scan");
    let mut got = sorts(&scan.items.unwrap());
    got.sort();
    assert_eq!(got, ["2", "3"]);

    let updated = exec(
        db,
        &format!(r#"UPDATE "{t}" SET n = n + 1 SET l = list_append(l, [2]) WHERE pk = 'b' AND sk = 1 RETURNING MODIFIED NEW *"#),
        vec![],
    )
    .await
    .expect("update");
    assert_eq!(
        updated.items.unwrap(),
        vec![item(&[
            ("n", n("2")),
            ("l", AttributeValue::L(vec![n("1"), s("x"), n("2")])),
        ])]
    );

    let deleted = exec(
        db,
        &format!(r#"DELETE FROM "{t}" WHERE pk = 'c' AND sk = 1 RETURNING ALL OLD *"#),
        vec![],
    )
    .await
    .expect("delete");
    assert_eq!(deleted.items.unwrap()[0]["pk"], s("c"));
    let gone = db
        .get_item(GetItemInput::new(
            &t,
            item(&[("pk", s("c")), ("sk", n("1"))]),
        ))
        .await
        .expect("get");
    assert_eq!(gone.item, None);
}

/// Each class of PartiQL error, with DynamoDB's exception and text, and no change to the table.
pub async fn partiql_errors(db: &dyn DynamoDb) {
    let t = keyed_table(db, "pqle", "S", Some("N")).await;
    exec(
        db,
        &format!(r#"INSERT INTO "{t}" VALUE {{'pk': 'a', 'sk': 1, 'n': 5}}"#),
        vec![],
    )
    .await
    .expect("insert");
    let v = "ValidationException";
    let fifty_one: Vec<String> = (0..51).map(|i| format!("'k{i}'")).collect();
    let cases: Vec<(String, Vec<AttributeValue>, &str, &str)> = vec![
        (
            format!(r#"SELEC * FROM "{t}""#),
            vec![],
            v,
            "Statement wasn't well formed, can't be processed: Expected data manipulation",
        ),
        (
            format!(r#"SELECT * FROM "{t}" WHERE pk = ?"#),
            vec![],
            v,
            "Number of parameters in request and statement don't match.",
        ),
        (
            r#"SELECT * FROM "pql-no-such-table" WHERE pk = 'a'"#.to_owned(),
            vec![],
            "ResourceNotFoundException",
            "Requested resource not found",
        ),
        (
            format!(r#"INSERT INTO "{t}" VALUE {{'pk': 'a', 'sk': 1}}"#),
            vec![],
            "DuplicateItemException",
            "Duplicate primary key exists in table",
        ),
        (
            format!(r#"UPDATE "{t}" SET n = 0 WHERE pk = 'a' AND sk = 1 AND n = 9"#),
            vec![],
            "ConditionalCheckFailedException",
            "The conditional request failed",
        ),
        (
            format!(r#"DELETE FROM "{t}" WHERE pk = 'a'"#),
            vec![],
            v,
            "Where clause does not contain a mandatory equality on all key attributes",
        ),
        (
            format!(r#"SELECT * FROM "{t}" WHERE pk = 1"#),
            vec![],
            v,
            "Key attribute's data type should match its data type in table's schema: Key pk",
        ),
        (
            format!(r#"SELECT * FROM "{t}" ORDER BY sk"#),
            vec![],
            v,
            "Must have WHERE clause in the statement when using ORDER BY clause.",
        ),
        (
            format!(r#"SELECT * FROM "{t}" WHERE pk = 'a' ORDER BY n"#),
            vec![],
            v,
            "Attribute n in ORDER BY clause must be part of the primary key",
        ),
        (
            format!(r#"SELECT * FROM "{t}" WHERE n = 5 ORDER BY sk"#),
            vec![],
            v,
            "Must have at least one non-optional hash key condition in WHERE clause when using ORDER BY clause.",
        ),
        (
            format!(
                r#"SELECT * FROM "{t}" WHERE pk IN [{}]"#,
                fifty_one.join(", ")
            ),
            vec![],
            v,
            "Too many decomposed read operations for a given query.",
        ),
        (
            format!(r#"EXISTS(SELECT * FROM "{t}" WHERE pk = 'a' AND sk = 1 AND n = 5)"#),
            vec![],
            v,
            "EXISTS can only be used in ExecuteTransaction write requests.",
        ),
    ];
    for (statement, params, exception, message) in cases {
        assert_error(exec(db, &statement, params).await, exception, message);
    }
    let kept = db
        .get_item(GetItemInput::new(
            &t,
            item(&[("pk", s("a")), ("sk", n("1"))]),
        ))
        .await
        .expect("get");
    assert_eq!(
        kept.item,
        Some(item(&[("pk", s("a")), ("sk", n("1")), ("n", n("5"))]))
    );
}
