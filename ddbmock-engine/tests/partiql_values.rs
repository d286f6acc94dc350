//! Every literal type of PartiQL: each value an INSERT writes is the AttributeValue the same
//! PutItem writes (numbers normalized the same way, sets checked the same way), read back with
//! GetItem and with a point SELECT; and the literals DynamoDB refuses, with its texts.

use ddbmock_core::item;
use ddbmock_core::model::{AttributeValue as V, Item};
use ddbmock_core::operation::ScalarAttributeType::S;
use ddbmock_core::operation::*;
use ddbmock_engine::{DynamoDb, Engine};

async fn table() -> Engine {
    let db = Engine::memory();
    db.create_table(CreateTableInput::new("tbl", "pk", S))
        .await
        .unwrap();
    db
}

fn m(pairs: &[(&str, V)]) -> V {
    V::M(
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.clone()))
            .collect(),
    )
}

fn n(s: &str) -> V {
    V::N(s.into())
}

fn s(s: &str) -> V {
    V::S(s.into())
}

/// (literal, parameters, the value it stands for).
fn literals() -> Vec<(&'static str, Vec<V>, V)> {
    vec![
        ("'text'", vec![], s("text")),
        ("'it''s'", vec![], s("it's")),
        ("''", vec![], s("")),
        ("'é ✓ \"q\"'", vec![], s("é ✓ \"q\"")),
        ("1", vec![], n("1")),
        ("-2.5", vec![], n("-2.5")),
        ("0.50", vec![], n("0.50")),
        ("1e3", vec![], n("1e3")),
        ("-1.5E-3", vec![], n("-1.5E-3")),
        (".5", vec![], n(".5")),
        ("TRUE", vec![], V::Bool(true)),
        ("false", vec![], V::Bool(false)),
        ("NULL", vec![], V::Null(true)),
        ("[]", vec![], V::L(vec![])),
        (
            "[1, 'a', [TRUE, NULL], {'k': 2}]",
            vec![],
            V::L(vec![
                n("1"),
                s("a"),
                V::L(vec![V::Bool(true), V::Null(true)]),
                m(&[("k", n("2"))]),
            ]),
        ),
        ("{}", vec![], m(&[])),
        (
            "{'a': 1, 'b': {'c': NULL, 'd': <<'x'>>}, 'e e': []}",
            vec![],
            m(&[
                ("a", n("1")),
                (
                    "b",
                    m(&[("c", V::Null(true)), ("d", V::Ss(vec!["x".into()]))]),
                ),
                ("e e", V::L(vec![])),
            ]),
        ),
        ("<<'a', 'b'>>", vec![], V::Ss(vec!["a".into(), "b".into()])),
        (
            "<<1, 2.5, -3>>",
            vec![],
            V::Ns(vec!["1".into(), "2.5".into(), "-3".into()]),
        ),
        ("<<'a', 'a'>>", vec![], V::Ss(vec!["a".into(), "a".into()])),
        ("?", vec![V::B(vec![0, 255])], V::B(vec![0, 255])),
        (
            "<<?, ?>>",
            vec![V::B(vec![1]), V::B(vec![2])],
            V::Bs(vec![vec![1], vec![2]]),
        ),
        ("?", vec![n("7")], n("7")),
        (
            "[?, {'p': ?}]",
            vec![s("x"), V::Ss(vec!["y".into()])],
            V::L(vec![s("x"), m(&[("p", V::Ss(vec!["y".into()]))])]),
        ),
    ]
}

#[tokio::test]
async fn every_literal_writes_what_put_item_writes() {
    let (partiql, api) = (table().await, table().await);
    for (i, (literal, params, value)) in literals().into_iter().enumerate() {
        let pk = format!("k{i}");
        let inserted = partiql
            .execute_statement(ExecuteStatementInput {
                statement: Some(format!(
                    "INSERT INTO tbl VALUE {{'pk': '{pk}', 'v': {literal}}}"
                )),
                parameters: (!params.is_empty()).then_some(params),
                ..Default::default()
            })
            .await;
        let put = api
            .put_item(PutItemInput::new(
                "tbl",
                item! { "pk" => pk.as_str(), "v" => value },
            ))
            .await;
        match (&inserted, &put) {
            (Ok(_), Ok(_)) => {}
            (Err(a), Err(b)) => {
                assert_eq!(a.message(), b.message(), "{literal}");
                continue;
            }
            _ => panic!("{literal}: {inserted:?} vs {put:?}"),
        }
        let key = item! { "pk" => pk.as_str() };
        let read = |db: &Engine| {
            let db = db.clone();
            let key = key.clone();
            async move {
                db.get_item(GetItemInput::new("tbl", key))
                    .await
                    .unwrap()
                    .item
                    .unwrap()
            }
        };
        let (a, b): (Item, Item) = (read(&partiql).await, read(&api).await);
        assert_eq!(a, b, "{literal}");
        let selected = partiql
            .execute_statement(ExecuteStatementInput {
                statement: Some(format!("SELECT v FROM tbl WHERE pk = '{pk}'")),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(
            selected.items.unwrap(),
            vec![item! { "v" => b["v"].clone() }],
            "{literal}"
        );
    }
}

#[tokio::test]
async fn literals_dynamodb_refuses() {
    let db = table().await;
    for (literal, message) in [
        ("<<>>", "Empty bags are not supported"),
        (
            "<<1, 'a'>>",
            "Unsupported data type in Bag. DynamoDB only supports either numbers or strings in bags",
        ),
        (
            "<<TRUE>>",
            "Unsupported data type in Bag. DynamoDB only supports either numbers or strings in bags",
        ),
        (
            "<<[1]>>",
            "Unsupported data type in Bag. DynamoDB only supports either numbers or strings in bags",
        ),
        (
            "{'a': 1, 'a': 2}",
            "Duplicate keys in tuple. Key: a under v",
        ),
        ("MISSING", "MISSING must be compared using IS operator"),
        (
            "'unterminated",
            "Statement wasn't well formed, can't be processed: Unterminated string literal",
        ),
        (
            "{a: 1}",
            "Statement wasn't well formed, can't be processed: Unexpected token",
        ),
    ] {
        let e = db
            .execute_statement(ExecuteStatementInput {
                statement: Some(format!(
                    "INSERT INTO tbl VALUE {{'pk': 'x', 'v': {literal}}}"
                )),
                ..Default::default()
            })
            .await
            .unwrap_err();
        assert_eq!(
            (e.type_name(), e.message().as_str()),
            ("ValidationException", message),
            "{literal}"
        );
    }
    let got = db
        .get_item(GetItemInput::new("tbl", item! { "pk" => "x" }))
        .await
        .unwrap();
    assert_eq!(got.item, None);
}
