//! Item scenarios: PutItem, GetItem, DeleteItem and UpdateItem with legacy `AttributeUpdates`.

use ddbmock_core::DynamoDb;
use ddbmock_core::model::AttributeValue;
use ddbmock_core::operation::*;

use super::support::*;

const INVALID: &str = "One or more parameter values were invalid";

fn put_input(table: &str, it: ddbmock_core::model::Item) -> PutItemInput {
    PutItemInput {
        table_name: Some(table.to_owned()),
        item: Some(it),
        ..Default::default()
    }
}

/// An item written is read back exactly; a deleted one is gone.
pub async fn put_get_delete(db: &dyn DynamoDb) {
    let t = new_table(db, "crud", true).await;
    let it = item(&[
        ("pk", s("a")),
        ("sk", n("1")),
        ("str", s("")),
        ("bin", AttributeValue::B(vec![0, 1, 2])),
        ("bool", AttributeValue::Bool(true)),
        ("null", AttributeValue::Null(true)),
        ("ss", AttributeValue::Ss(vec!["x".into(), "y".into()])),
        ("ns", AttributeValue::Ns(vec!["1".into(), "2.5".into()])),
        ("bs", AttributeValue::Bs(vec![vec![1], vec![2]])),
        (
            "list",
            AttributeValue::L(vec![s("x"), n("2"), AttributeValue::L(vec![])]),
        ),
        (
            "map",
            AttributeValue::M(item(&[(
                "deep",
                AttributeValue::M(item(&[("er", n("-3"))])),
            )])),
        ),
    ]);
    put(db, &t, it.clone()).await;
    let key = item(&[("pk", s("a")), ("sk", n("1"))]);
    assert_eq!(get(db, &t, key.clone()).await, Some(it.clone()));
    assert_eq!(
        get(db, &t, item(&[("pk", s("a")), ("sk", n("2"))])).await,
        None
    );

    let replaced = item(&[("pk", s("a")), ("sk", n("1")), ("v", n("2"))]);
    put(db, &t, replaced.clone()).await;
    assert_eq!(get(db, &t, key.clone()).await, Some(replaced));

    let out = db
        .delete_item(DeleteItemInput {
            table_name: Some(t.clone()),
            key: Some(key.clone()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(out.attributes, None);
    assert_eq!(get(db, &t, key.clone()).await, None);
    // Deleting what is not there succeeds.
    db.delete_item(DeleteItemInput {
        table_name: Some(t.clone()),
        key: Some(key),
        ..Default::default()
    })
    .await
    .unwrap();
}

/// PutItem's checks of item values, each with DynamoDB's message, and the table left unchanged.
pub async fn put_item_validation(db: &dyn DynamoDb) {
    let t = new_table(db, "putv", false).await;
    let bad = |v: AttributeValue| put_input(&t, item(&[("pk", s("a")), ("v", v)]));
    assert_error(
        db.put_item(bad(AttributeValue::Ss(vec![]))).await,
        "ValidationException",
        &format!("{INVALID}: An string set  may not be empty"),
    );
    assert_error(
        db.put_item(bad(AttributeValue::Ss(vec!["a".into(), "a".into()])))
            .await,
        "ValidationException",
        &format!("{INVALID}: Input collection [a, a] contains duplicates."),
    );
    assert_error(
        db.put_item(bad(AttributeValue::Null(false))).await,
        "ValidationException",
        &format!("{INVALID}: Null attribute value types must have the value of true"),
    );
    assert_error(
        db.put_item(bad(n("123456789012345678901234567890123456789")))
            .await,
        "ValidationException",
        "Attempting to store more than 38 significant digits in a Number",
    );
    assert_error(
        db.put_item(bad(n("1e126"))).await,
        "ValidationException",
        "Number overflow. Attempting to store a number with magnitude larger than supported range",
    );
    assert_error(
        db.put_item(bad(n("1e-131"))).await,
        "ValidationException",
        "Number underflow. Attempting to store a number with magnitude smaller than supported range",
    );
    assert_error(
        db.put_item(bad(n("b"))).await,
        "ValidationException",
        "The parameter cannot be converted to a numeric value: b",
    );
    assert_error(
        db.put_item(bad(s(&"x".repeat(400 * 1024)))).await,
        "ValidationException",
        "Item size has exceeded the maximum allowed size",
    );
    // Exactly 400 KB is allowed: "pk" + "a" + "v" + the string.
    db.put_item(bad(s(&"x".repeat(400 * 1024 - 4))))
        .await
        .unwrap();
    let mut deep = s("bottom");
    for _ in 0..32 {
        deep = AttributeValue::L(vec![deep]);
    }
    let deep_result = db.put_item(bad(deep)).await;
    assert!(deep_result.is_err(), "32 levels of nesting are refused");
    assert_eq!(describe(db, &t).await.item_count, Some(1));
}

/// Key attributes: presence, types, sizes and emptiness, on PutItem and on `Key` parameters.
pub async fn key_validation(db: &dyn DynamoDb) {
    let t = new_table(db, "keys", true).await;
    assert_error(
        db.put_item(put_input(&t, item(&[("pk", s("a"))]))).await,
        "ValidationException",
        &format!("{INVALID}: Missing the key sk in the item"),
    );
    assert_error(
        db.put_item(put_input(&t, item(&[("pk", n("1")), ("sk", n("1"))])))
            .await,
        "ValidationException",
        &format!("{INVALID}: Type mismatch for key pk expected: S actual: N"),
    );
    assert_error(
        db.put_item(put_input(&t, item(&[("pk", s("")), ("sk", n("1"))])))
            .await,
        "ValidationException",
        "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk",
    );
    assert_error(
        db.put_item(put_input(
            &t,
            item(&[("pk", s(&"a".repeat(2049))), ("sk", n("1"))]),
        ))
        .await,
        "ValidationException",
        &format!("{INVALID}: Size of hashkey has exceeded the maximum size limit of2048 bytes"),
    );
    db.put_item(put_input(
        &t,
        item(&[("pk", s(&"a".repeat(2048))), ("sk", n("1"))]),
    ))
    .await
    .unwrap();

    let get_key = |k| GetItemInput {
        table_name: Some(t.clone()),
        key: Some(k),
        ..Default::default()
    };
    for k in [
        item(&[("pk", s("a"))]),
        item(&[("pk", s("a")), ("sk", s("1"))]),
        item(&[("pk", s("a")), ("sk", n("1")), ("x", n("1"))]),
        item(&[("pk", s("a")), ("zz", n("1"))]),
    ] {
        assert_error(
            db.get_item(get_key(k)).await,
            "ValidationException",
            "The provided key element does not match the schema",
        );
    }
}

/// Numbers come back in DynamoDB's canonical form, and compare by value as keys.
pub async fn numbers_are_normalized(db: &dyn DynamoDb) {
    let t = new_table(db, "nums", true).await;
    put(
        db,
        &t,
        item(&[
            ("pk", s("a")),
            ("sk", n("010.50")),
            ("v", n("-0001.2300e2")),
        ]),
    )
    .await;
    let got = get(db, &t, item(&[("pk", s("a")), ("sk", n("10.5"))]))
        .await
        .unwrap();
    assert_eq!(got["sk"], n("10.5"));
    assert_eq!(got["v"], n("-123"));
    // 1.05e1 is the same key.
    assert!(
        get(db, &t, item(&[("pk", s("a")), ("sk", n("1.05e1"))]))
            .await
            .is_some()
    );
}

/// PutItem and DeleteItem return the old item for ALL_OLD and refuse the UPDATED/NEW kinds.
pub async fn return_values_put_delete(db: &dyn DynamoDb) {
    let t = new_table(db, "rv", false).await;
    let first = item(&[("pk", s("a")), ("v", n("1"))]);
    let mut input = put_input(&t, first.clone());
    input.return_values = Some(ReturnValue::AllOld);
    assert_eq!(db.put_item(input.clone()).await.unwrap().attributes, None);
    input.item = Some(item(&[("pk", s("a")), ("v", n("2"))]));
    assert_eq!(
        db.put_item(input.clone()).await.unwrap().attributes,
        Some(first)
    );
    input.return_values = Some(ReturnValue::AllNew);
    assert_error(
        db.put_item(input.clone()).await,
        "ValidationException",
        "ReturnValues can only be ALL_OLD or NONE",
    );
    input.return_values = Some(ReturnValue::from("SOME"));
    assert_error(
        db.put_item(input).await,
        "ValidationException",
        "1 validation error detected: Value 'SOME' at 'returnValues' failed to satisfy constraint: Member must satisfy enum value set: [ALL_NEW, UPDATED_OLD, ALL_OLD, NONE, UPDATED_NEW]",
    );
    let del = DeleteItemInput {
        table_name: Some(t.clone()),
        key: Some(item(&[("pk", s("a"))])),
        return_values: Some(ReturnValue::AllOld),
        ..Default::default()
    };
    let old = db.delete_item(del).await.unwrap().attributes.unwrap();
    assert_eq!(old["v"], n("2"));
}

/// UpdateItem with legacy `AttributeUpdates`: PUT, ADD and DELETE on scalars, numbers and sets.
pub async fn update_item_attribute_updates(db: &dyn DynamoDb) {
    let t = new_table(db, "upd", false).await;
    let key = item(&[("pk", s("a"))]);
    let update = |updates: Vec<(&str, Option<AttributeValue>, AttributeAction)>,
                  rv: ReturnValue| UpdateItemInput {
        table_name: Some(t.clone()),
        key: Some(key.clone()),
        attribute_updates: Some(
            updates
                .into_iter()
                .map(|(name, value, action)| {
                    (
                        name.to_owned(),
                        AttributeValueUpdate {
                            value,
                            action: Some(action),
                        },
                    )
                })
                .collect(),
        ),
        return_values: Some(rv),
        ..Default::default()
    };
    // Updating a missing item creates it.
    let out = db
        .update_item(update(
            vec![
                ("count", Some(n("5")), AttributeAction::Add),
                (
                    "tags",
                    Some(AttributeValue::Ss(vec!["a".into(), "b".into()])),
                    AttributeAction::Add,
                ),
                ("name", Some(s("x")), AttributeAction::Put),
            ],
            ReturnValue::AllNew,
        ))
        .await
        .unwrap();
    let new = out.attributes.unwrap();
    assert_eq!(new["count"], n("5"));
    assert_eq!(new["pk"], s("a"));

    let out = db
        .update_item(update(
            vec![
                ("count", Some(n("-7.5")), AttributeAction::Add),
                (
                    "tags",
                    Some(AttributeValue::Ss(vec!["a".into()])),
                    AttributeAction::Delete,
                ),
                ("name", None, AttributeAction::Delete),
            ],
            ReturnValue::UpdatedNew,
        ))
        .await
        .unwrap();
    let updated = out.attributes.unwrap();
    assert_eq!(updated["count"], n("-2.5"));
    assert_eq!(updated["tags"], AttributeValue::Ss(vec!["b".into()]));
    assert!(!updated.contains_key("name"));

    let stored = get(db, &t, key.clone()).await.unwrap();
    assert_eq!(stored.len(), 3, "{stored:?}");

    assert_error(
        db.update_item(update(
            vec![("pk", Some(s("b")), AttributeAction::Put)],
            ReturnValue::None,
        ))
        .await,
        "ValidationException",
        &format!("{INVALID}: Cannot update attribute pk. This attribute is part of the key"),
    );
    assert_error(
        db.update_item(update(
            vec![("name", Some(s("b")), AttributeAction::Add)],
            ReturnValue::None,
        ))
        .await,
        "ValidationException",
        &format!("{INVALID}: ADD action is not supported for the type S"),
    );
}

/// DescribeTable's ItemCount and TableSizeBytes are exact after every write.
pub async fn item_count_and_size(db: &dyn DynamoDb) {
    let t = new_table(db, "count", false).await;
    // Sizes by DynamoDB's formula: names plus values.
    put(db, &t, item(&[("pk", s("a")), ("v", s("xyz"))])).await; // 2+1 + 1+3 = 7
    put(db, &t, item(&[("pk", s("b"))])).await; // 2+1 = 3
    let d = describe(db, &t).await;
    assert_eq!((d.item_count, d.table_size_bytes), (Some(2), Some(10)));
    put(db, &t, item(&[("pk", s("a"))])).await;
    let d = describe(db, &t).await;
    assert_eq!((d.item_count, d.table_size_bytes), (Some(2), Some(6)));
    db.delete_item(DeleteItemInput {
        table_name: Some(t.clone()),
        key: Some(item(&[("pk", s("b"))])),
        ..Default::default()
    })
    .await
    .unwrap();
    let d = describe(db, &t).await;
    assert_eq!((d.item_count, d.table_size_bytes), (Some(1), Some(3)));
}

/// Item operations on a missing table.
pub async fn missing_table(db: &dyn DynamoDb) {
    let t = unique_name("missing");
    assert_error(
        db.get_item(GetItemInput {
            table_name: Some(t.clone()),
            key: Some(item(&[("pk", s("a"))])),
            ..Default::default()
        })
        .await,
        "ResourceNotFoundException",
        "Requested resource not found",
    );
    assert_error(
        db.put_item(put_input(&t, item(&[("pk", s("a"))]))).await,
        "ResourceNotFoundException",
        "Requested resource not found",
    );
}

/// Attribute names are 1 to 65,535 bytes wherever they appear (items at any depth,
/// `ExpressionAttributeNames`, `AttributesToGet`), and key attribute names 1 to 255 characters.
pub async fn attribute_name_limits(db: &dyn DynamoDb) {
    const TOO_LARGE: &str =
        "1 validation error detected: Attribute name is too large, must be less than 65536 bytes";
    let t = new_table(db, "names", false).await;
    let long = "a".repeat(65_536);
    assert_error(
        db.put_item(put_input(&t, item(&[("pk", s("a")), ("", s("v"))])))
            .await,
        "ValidationException",
        "1 validation error detected: Empty attribute name",
    );
    let nested = AttributeValue::M(item(&[(&long, s("v"))]));
    assert_error(
        db.put_item(put_input(&t, item(&[("pk", s("a")), ("doc", nested)])))
            .await,
        "ValidationException",
        TOO_LARGE,
    );
    db.put_item(put_input(&t, item(&[("pk", s("a")), (&long[1..], s("v"))])))
        .await
        .unwrap();
    let get = |names: Option<(&str, &str)>, to_get: Option<Vec<String>>| GetItemInput {
        table_name: Some(t.clone()),
        key: Some(item(&[("pk", s("a"))])),
        projection_expression: names.map(|_| "#n".to_owned()),
        expression_attribute_names: names
            .map(|(k, v)| std::collections::HashMap::from([(k.to_owned(), v.to_owned())])),
        attributes_to_get: to_get,
        ..Default::default()
    };
    assert_error(
        db.get_item(get(Some(("#n", "")), None)).await,
        "ValidationException",
        "ExpressionAttributeNames contains invalid value: Empty attribute name for key #n",
    );
    assert_error(
        db.get_item(get(Some(("#n", &long)), None)).await,
        "ValidationException",
        TOO_LARGE,
    );
    assert_error(
        db.get_item(get(None, Some(vec![long.clone()]))).await,
        "ValidationException",
        TOO_LARGE,
    );
    let mut create = table_input(&unique_name("names"), false);
    create.key_schema = Some(vec![key(&long[..256], KeyType::Hash)]);
    create.attribute_definitions = Some(vec![def(&long[..256], ScalarAttributeType::S)]);
    assert_error(
        db.create_table(create).await,
        "ValidationException",
        &format!(
            "2 validation errors detected: \
             Value '{n}' at 'attributeDefinitions.1.member.attributeName' failed to satisfy constraint: Member must have length less than or equal to 255; \
             Value '{n}' at 'keySchema.1.member.attributeName' failed to satisfy constraint: Member must have length less than or equal to 255",
            n = &long[..256]
        ),
    );
}
