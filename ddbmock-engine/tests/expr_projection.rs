//! ProjectionExpression and AttributesToGet on GetItem through the `DynamoDb` trait.

mod expr_support;

use ddbmock_core::model::{AttributeValue as V, Item};
use ddbmock_core::operation::*;
use ddbmock_engine::{DynamoDb, Engine, Error};
use expr_support::*;

fn base() -> Item {
    item(&[
        ("pk", s("k")),
        ("a", V::M(item(&[("b", s("1")), ("c", s("2"))]))),
        ("l", V::L(vec![s("x"), s("y"), s("z")])),
        ("status", s("on")),
    ])
}

async fn project(db: &Engine, text: &str) -> Result<Option<Item>, Error> {
    db.get_item(GetItemInput {
        table_name: Some("tbl".into()),
        key: Some(item(&[("pk", s("k"))])),
        projection_expression: Some(text.into()),
        expression_attribute_names: names(&[("#s", "status")]).filter(|_| text.contains("#s")),
        ..Default::default()
    })
    .await
    .map(|o| o.item)
}

#[tokio::test]
async fn projections() {
    let db = engine_with(base()).await;
    let cases: &[(&str, Item)] = &[
        ("pk", item(&[("pk", s("k"))])),
        (
            "a.b, #s",
            item(&[("a", V::M(item(&[("b", s("1"))]))), ("status", s("on"))]),
        ),
        ("l[2], l[0]", item(&[("l", V::L(vec![s("x"), s("z")]))])),
        ("nope", item(&[])),
    ];
    for (text, want) in cases {
        assert_eq!(
            project(&db, text).await.unwrap().as_ref(),
            Some(want),
            "{text}"
        );
    }
}

#[tokio::test]
async fn invalid_projections() {
    let db = engine_with(base()).await;
    let cases: &[(&str, &str)] = &[
        (
            "a, a.b",
            "Invalid ProjectionExpression: Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]",
        ),
        (
            "status",
            "Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: status",
        ),
        (
            "!!!",
            r#"Invalid ProjectionExpression: Syntax error; token: "!", near: "!!""#,
        ),
        (
            "a.#u",
            "Invalid ProjectionExpression: An expression attribute name used in the document path is not defined; attribute name: #u",
        ),
    ];
    for (text, want) in cases {
        assert_eq!(
            project(&db, text).await.unwrap_err().message(),
            *want,
            "{text}"
        );
    }
    let both = db
        .get_item(GetItemInput {
            table_name: Some("tbl".into()),
            key: Some(item(&[("pk", s("k"))])),
            projection_expression: Some("a".into()),
            attributes_to_get: Some(vec!["a".into()]),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(
        both.message(),
        "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}"
    );
    let legacy = db
        .get_item(GetItemInput {
            table_name: Some("tbl".into()),
            key: Some(item(&[("pk", s("k"))])),
            attributes_to_get: Some(vec!["status".into()]),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(legacy.item, Some(item(&[("status", s("on"))])));
}
