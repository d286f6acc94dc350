//! UpdateExpression on UpdateItem through the `DynamoDb` trait: effects, ReturnValues, and DynamoDB's
//! exact messages.

mod expr_support;

use ddbmock_core::model::{AttributeValue as V, Item};
use ddbmock_core::operation::*;
use ddbmock_engine::{DynamoDb, Engine, Error};
use expr_support::*;

fn base() -> Item {
    item(&[
        ("pk", s("k")),
        ("n", n("5")),
        ("l", V::L(vec![n("1"), n("2")])),
        ("m", V::M(item(&[("x", n("1"))]))),
        ("tags", V::Ss(vec!["a".into()])),
    ])
}

fn values() -> Item {
    item(&[
        (":one", n("1")),
        (":s", s("v")),
        (":l", V::L(vec![n("3")])),
        (":ss", V::Ss(vec!["b".into()])),
    ])
}

async fn update(db: &Engine, text: &str, rv: ReturnValue) -> Result<Option<Item>, Error> {
    let vals: Item = values()
        .into_iter()
        .filter(|(k, _)| {
            text.split(|c: char| !(c.is_alphanumeric() || c == ':' || c == '_'))
                .any(|w| w == k)
        })
        .collect();
    db.update_item(UpdateItemInput {
        table_name: Some("tbl".into()),
        key: Some(item(&[("pk", s("k"))])),
        update_expression: Some(text.into()),
        expression_attribute_names: names(&[("#n", "n")]).filter(|_| text.contains("#n")),
        expression_attribute_values: (!vals.is_empty()).then_some(vals),
        return_values: Some(rv),
        ..Default::default()
    })
    .await
    .map(|o| o.attributes)
}

#[tokio::test]
async fn updates_and_their_effects() {
    let cases: &[(&str, &str, V)] = &[
        ("SET #n = #n + :one", "n", n("6")),
        ("SET n = n - :one", "n", n("4")),
        (
            "SET l = list_append(l, :l)",
            "l",
            V::L(vec![n("1"), n("2"), n("3")]),
        ),
        ("SET l[5] = :s", "l", V::L(vec![n("1"), n("2"), s("v")])),
        ("REMOVE l[0]", "l", V::L(vec![n("2")])),
        (
            "SET m.y = :s",
            "m",
            V::M(item(&[("x", n("1")), ("y", s("v"))])),
        ),
        ("ADD tags :ss", "tags", V::Ss(vec!["a".into(), "b".into()])),
        ("ADD n :one", "n", n("6")),
        ("SET z = if_not_exists(z, :s)", "z", s("v")),
    ];
    for (text, attr, want) in cases {
        let db = engine_with(base()).await;
        update(&db, text, ReturnValue::None).await.unwrap();
        assert_eq!(&get(&db, "k").await.unwrap()[*attr], want, "{text}");
    }
}

#[tokio::test]
async fn return_values() {
    let db = engine_with(base()).await;
    let old = update(&db, "SET m.x = :s", ReturnValue::UpdatedOld)
        .await
        .unwrap();
    assert_eq!(old, Some(item(&[("m", V::M(item(&[("x", n("1"))])))])));
    let new = update(&db, "SET m.x = :one REMOVE tags", ReturnValue::UpdatedNew)
        .await
        .unwrap();
    assert_eq!(new, Some(item(&[("m", V::M(item(&[("x", n("1"))])))])));
    let all = update(&db, "SET n = :one", ReturnValue::AllNew)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(all["n"], n("1"));
    assert!(!all.contains_key("tags"));
}

#[tokio::test]
async fn invalid_updates_get_dynamodb_messages() {
    let cases: &[(&str, &str)] = &[
        (
            "SET a",
            r#"Invalid UpdateExpression: Syntax error; token: "<EOF>", near: "a""#,
        ),
        (
            "SET pk = :s",
            "One or more parameter values were invalid: Cannot update attribute pk. This attribute is part of the key",
        ),
        (
            "SET a = :s, a.b = :s",
            "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]",
        ),
        (
            "ADD n :s",
            "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, operand type: STRING",
        ),
        (
            "SET a = :nope",
            "Invalid UpdateExpression: An expression attribute value used in expression is not defined; attribute value: :nope",
        ),
        (
            "SET nope.x = :s",
            "The document path provided in the update expression is invalid for update",
        ),
        (
            "SET l = n + :one, n = l + :one",
            "An operand in the update expression has an incorrect data type",
        ),
        (
            "REMOVE a SET b = :s REMOVE c",
            r#"Invalid UpdateExpression: The "REMOVE" section can only be used once in an update expression;"#,
        ),
    ];
    for (text, want) in cases {
        let db = engine_with(base()).await;
        let got = update(&db, text, ReturnValue::None).await.unwrap_err();
        assert_eq!(got.message(), *want, "{text}");
        assert_eq!(
            get(&db, "k").await.unwrap(),
            base(),
            "{text} changed the item"
        );
    }
}

#[tokio::test]
async fn condition_guards_the_update() {
    let db = engine_with(base()).await;
    let err = db
        .update_item(UpdateItemInput {
            table_name: Some("tbl".into()),
            key: Some(item(&[("pk", s("k"))])),
            update_expression: Some("SET n = :one".into()),
            condition_expression: Some("n = :one".into()),
            expression_attribute_values: Some(item(&[(":one", n("1"))])),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert!(matches!(err, Error::ConditionalCheckFailed { .. }));
    assert_eq!(get(&db, "k").await.unwrap(), base());
}
