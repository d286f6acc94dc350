//! ConditionExpression (and legacy `Expected`) on PutItem, UpdateItem and DeleteItem, through the
//! `DynamoDb` trait: which conditions hold, and DynamoDB's exact messages for the invalid ones.

mod expr_support;

use ddbmock_core::model::{AttributeValue, Item};
use ddbmock_core::operation::*;
use ddbmock_engine::{DynamoDb, Error};
use expr_support::*;

/// Placeholder values of one case.
type Values = Vec<(&'static str, AttributeValue)>;

fn base() -> Item {
    item(&[
        ("pk", s("k")),
        ("n", n("5")),
        ("txt", s("hello")),
        ("tags", AttributeValue::Ss(vec!["a".into(), "b".into()])),
        ("m", AttributeValue::M(item(&[("x", n("1"))]))),
    ])
}

async fn put_if(cond: &str, values: &[(&str, AttributeValue)]) -> Result<(), Error> {
    let db = engine_with(base()).await;
    db.put_item(PutItemInput {
        table_name: Some("tbl".into()),
        item: Some(base()),
        condition_expression: Some(cond.into()),
        expression_attribute_names: names(&[("#s", "status")]).filter(|_| cond.contains("#s")),
        expression_attribute_values: (!values.is_empty()).then(|| item(values)),
        ..Default::default()
    })
    .await
    .map(|_| ())
}

#[tokio::test]
async fn conditions_that_hold_and_fail() {
    let five = || (":v", n("5"));
    let cases: &[(&str, Values, bool)] = &[
        ("n = :v", vec![five()], true),
        ("n <> :v", vec![five()], false),
        ("n > :v", vec![(":v", n("4.99"))], true),
        (
            "n BETWEEN :a AND :b",
            vec![(":a", n("1")), (":b", n("5"))],
            true,
        ),
        ("n IN (:a, :b)", vec![(":a", n("1")), (":b", n("2"))], false),
        (
            "attribute_exists(m.x) AND attribute_not_exists(m.y)",
            vec![],
            true,
        ),
        ("begins_with(txt, :p)", vec![(":p", s("he"))], true),
        ("contains(tags, :e)", vec![(":e", s("b"))], true),
        ("size(txt) = :v", vec![five()], true),
        ("attribute_type(n, :t)", vec![(":t", s("N"))], true),
        (
            "NOT (n = :v OR txt = :t)",
            vec![five(), (":t", s("x"))],
            false,
        ),
        ("attribute_not_exists(#s)", vec![], true),
        ("txt < :v", vec![five()], false),
    ];
    for (cond, values, holds) in cases {
        let got = put_if(cond, values).await;
        match (holds, got) {
            (true, Ok(())) => {}
            (false, Err(Error::ConditionalCheckFailed { message, item })) => {
                assert_eq!(message, "The conditional request failed", "{cond}");
                assert_eq!(item, None);
            }
            (_, other) => panic!("{cond}: {other:?}"),
        }
    }
}

#[tokio::test]
async fn invalid_conditions_get_dynamodb_messages() {
    let cases: &[(&str, Values, &str)] = &[
        (
            "n =",
            vec![],
            r#"Invalid ConditionExpression: Syntax error; token: "<EOF>", near: "=""#,
        ),
        (
            "status = :v",
            vec![(":v", n("1"))],
            "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: status",
        ),
        (
            "n = :nope",
            vec![],
            "Invalid ConditionExpression: An expression attribute value used in expression is not defined; attribute value: :nope",
        ),
        (
            "n = :v",
            vec![(":v", n("1")), (":w", n("2"))],
            "Value provided in ExpressionAttributeValues unused in expressions: keys: {:w}",
        ),
        (
            "((n = :v))",
            vec![(":v", n("1"))],
            "Invalid ConditionExpression: The expression has redundant parentheses;",
        ),
        (
            "n > :v",
            vec![(":v", AttributeValue::Bool(true))],
            "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or function: >, operand type: BOOL",
        ),
        (
            "",
            vec![],
            "Invalid ConditionExpression: The expression can not be empty;",
        ),
    ];
    for (cond, values, want) in cases {
        match put_if(cond, values).await {
            Err(Error::Validation(m)) => assert_eq!(&m, want, "{cond}"),
            other => panic!("{cond}: {other:?}"),
        }
    }
}

#[tokio::test]
async fn failed_condition_returns_the_old_item_when_asked() {
    let db = engine_with(base()).await;
    let err = db
        .delete_item(DeleteItemInput {
            table_name: Some("tbl".into()),
            key: Some(item(&[("pk", s("k"))])),
            condition_expression: Some("attribute_not_exists(pk)".into()),
            return_values_on_condition_check_failure: Some(
                ReturnValuesOnConditionCheckFailure::AllOld,
            ),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(
        err,
        Error::ConditionalCheckFailed {
            message: "The conditional request failed".into(),
            item: Some(base()),
        }
    );
    assert!(get(&db, "k").await.is_some());
}

#[tokio::test]
async fn legacy_expected_and_mixing() {
    let db = engine_with(base()).await;
    let expected = |v: AttributeValue| {
        Some(
            [(
                "n".to_owned(),
                ExpectedAttributeValue {
                    value: Some(v),
                    ..Default::default()
                },
            )]
            .into(),
        )
    };
    let put = |exp, cond: Option<&str>| PutItemInput {
        table_name: Some("tbl".into()),
        item: Some(base()),
        expected: exp,
        condition_expression: cond.map(Into::into),
        ..Default::default()
    };
    db.put_item(put(expected(n("5")), None)).await.unwrap();
    assert!(matches!(
        db.put_item(put(expected(n("6")), None)).await,
        Err(Error::ConditionalCheckFailed { .. })
    ));
    assert_eq!(
        db.put_item(put(expected(n("5")), Some("attribute_exists(pk)")))
            .await
            .unwrap_err()
            .message(),
        "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {Expected} Expression parameters: {ConditionExpression}"
    );
    let mut p = put(None, None);
    p.expression_attribute_names = names(&[("#a", "a")]);
    assert_eq!(
        db.put_item(p).await.unwrap_err().message(),
        "ExpressionAttributeNames can only be specified when using expressions"
    );
    let mut p = put(None, None);
    p.expression_attribute_values = Some(item(&[(":v", n("1"))]));
    assert_eq!(
        db.put_item(p).await.unwrap_err().message(),
        "ExpressionAttributeValues can only be specified when using expressions: ConditionExpression is null"
    );
}
