//! Limits of issue #25 and the exact texts DynamoDB refuses them with: the 4 MB aggregate of
//! TransactGetItems, and attribute name lengths wherever a name appears (items at any depth, updates,
//! `ExpressionAttributeNames`, `AttributesToGet`, the legacy conditions, key schemas and attribute
//! definitions).

use std::collections::HashMap;

use ddbmock_core::Error;
use ddbmock_core::model::{AttributeValue as V, Item};
use ddbmock_core::operation::*;
use ddbmock_engine::{DynamoDb, Engine};

const TOO_LARGE: &str =
    "1 validation error detected: Attribute name is too large, must be less than 65536 bytes";
const EMPTY: &str = "1 validation error detected: Empty attribute name";

fn s(v: &str) -> V {
    V::S(v.to_owned())
}

fn item(pairs: &[(&str, V)]) -> Item {
    pairs
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect()
}

fn key(pk: &str) -> Item {
    item(&[("pk", s(pk))])
}

fn key_schema(names: &[(&str, KeyType)]) -> Vec<KeySchemaElement> {
    names
        .iter()
        .map(|(n, t)| KeySchemaElement {
            attribute_name: Some((*n).to_owned()),
            key_type: Some(t.clone()),
        })
        .collect()
}

fn definitions(names: &[&str]) -> Vec<AttributeDefinition> {
    names
        .iter()
        .map(|n| AttributeDefinition {
            attribute_name: Some((*n).to_owned()),
            attribute_type: Some(ScalarAttributeType::S),
        })
        .collect()
}

fn table_input(name: &str, hash: &str) -> CreateTableInput {
    CreateTableInput {
        table_name: Some(name.to_owned()),
        attribute_definitions: Some(definitions(&[hash])),
        key_schema: Some(key_schema(&[(hash, KeyType::Hash)])),
        billing_mode: Some(BillingMode::PayPerRequest),
        ..Default::default()
    }
}

async fn engine() -> Engine {
    let db = Engine::memory();
    db.create_table(table_input("tbl", "pk")).await.unwrap();
    db
}

fn validation(result: Result<impl std::fmt::Debug, Error>) -> String {
    match result {
        Err(e @ Error::Validation(_)) => e.message(),
        other => panic!("expected a ValidationException, got {other:?}"),
    }
}

fn put_input(it: Item) -> PutItemInput {
    PutItemInput {
        table_name: Some("tbl".into()),
        item: Some(it),
        ..Default::default()
    }
}

async fn put(db: &Engine, it: Item) -> Result<PutItemOutput, Error> {
    db.put_item(put_input(it)).await
}

fn long(n: usize) -> String {
    "a".repeat(n)
}

#[tokio::test]
async fn transact_get_refuses_items_adding_up_to_more_than_4_mb() {
    let db = engine().await;
    // 11 items just under 400 KB add up to more than 4 MB (4,194,304 bytes); 10 do not.
    let blob = "x".repeat(399_000);
    for i in 0..11 {
        put(&db, item(&[("pk", s(&format!("k{i}"))), ("v", s(&blob))]))
            .await
            .unwrap();
    }
    let gets = |n: usize| TransactGetItemsInput {
        transact_items: Some(
            (0..n)
                .map(|i| TransactGetItem {
                    get: Some(Get {
                        table_name: Some("tbl".into()),
                        key: Some(key(&format!("k{i}"))),
                        ..Default::default()
                    }),
                })
                .collect(),
        ),
        ..Default::default()
    };
    let ten = db.transact_get_items(gets(10)).await.unwrap();
    assert_eq!(ten.responses.unwrap().len(), 10);
    assert_eq!(
        validation(db.transact_get_items(gets(11)).await),
        "Collection size of items exceeded, which can also be caused by the aggregate size of the items in the transaction exceeding the 4MB limit"
    );
}

#[tokio::test]
async fn put_item_names_are_1_to_65535_bytes_at_any_depth() {
    let db = engine().await;
    put(&db, item(&[("pk", s("a")), (&long(65_535), s("v"))]))
        .await
        .unwrap();
    let refused = [
        item(&[("pk", s("b")), ("", s("v"))]),
        item(&[("pk", s("b")), (&long(65_536), s("v"))]),
        item(&[("pk", s("b")), ("doc", V::M(item(&[("", s("v"))])))]),
        item(&[
            ("pk", s("b")),
            ("doc", V::L(vec![V::M(item(&[(&long(65_536), s("v"))]))])),
        ]),
    ];
    let mut texts = Vec::new();
    for it in refused {
        texts.push(validation(put(&db, it).await));
    }
    assert_eq!(texts, [EMPTY, TOO_LARGE, EMPTY, TOO_LARGE]);
    // Nothing refused was stored.
    let got = db
        .get_item(GetItemInput {
            table_name: Some("tbl".into()),
            key: Some(key("b")),
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(got.item.is_none());
}

#[tokio::test]
async fn batch_and_transact_writes_check_names() {
    let db = engine().await;
    let batch = BatchWriteItemInput {
        request_items: Some(HashMap::from([(
            "tbl".to_owned(),
            vec![WriteRequest {
                put_request: Some(PutRequest {
                    item: Some(item(&[("pk", s("a")), ("", s("v"))])),
                }),
                ..Default::default()
            }],
        )])),
        ..Default::default()
    };
    assert_eq!(validation(db.batch_write_item(batch).await), EMPTY);
    let transact = TransactWriteItemsInput {
        transact_items: Some(vec![TransactWriteItem {
            put: Some(Put {
                table_name: Some("tbl".into()),
                item: Some(item(&[("pk", s("a")), (&long(65_536), s("v"))])),
                ..Default::default()
            }),
            ..Default::default()
        }]),
        ..Default::default()
    };
    assert_eq!(
        validation(db.transact_write_items(transact).await),
        TOO_LARGE
    );
}

#[tokio::test]
async fn updates_check_the_names_they_write() {
    let db = engine().await;
    let update = |expr: &str, names: Option<HashMap<String, String>>, value: V| UpdateItemInput {
        table_name: Some("tbl".into()),
        key: Some(key("a")),
        update_expression: Some(expr.to_owned()),
        expression_attribute_names: names,
        expression_attribute_values: Some(HashMap::from([(":v".to_owned(), value)])),
        ..Default::default()
    };
    let names = |n: String| Some(HashMap::from([("#n".to_owned(), n)]));
    assert_eq!(
        validation(
            db.update_item(update("SET #n = :v", names(long(65_536)), s("x")))
                .await
        ),
        TOO_LARGE
    );
    assert_eq!(
        validation(
            db.update_item(update(
                "SET doc = :v",
                None,
                V::M(item(&[(&long(65_536), s("x"))]))
            ))
            .await
        ),
        TOO_LARGE
    );
    db.update_item(update("SET #n = :v", names(long(65_535)), s("x")))
        .await
        .unwrap();
    let legacy = UpdateItemInput {
        table_name: Some("tbl".into()),
        key: Some(key("a")),
        attribute_updates: Some(HashMap::from([(
            String::new(),
            AttributeValueUpdate {
                value: Some(s("x")),
                action: Some(AttributeAction::Put),
            },
        )])),
        ..Default::default()
    };
    assert_eq!(validation(db.update_item(legacy).await), EMPTY);
    // A DELETE names an attribute without writing it.
    let delete = UpdateItemInput {
        table_name: Some("tbl".into()),
        key: Some(key("a")),
        attribute_updates: Some(HashMap::from([(
            long(65_536),
            AttributeValueUpdate {
                value: None,
                action: Some(AttributeAction::Delete),
            },
        )])),
        ..Default::default()
    };
    assert_eq!(validation(db.update_item(delete).await), TOO_LARGE);
}

#[tokio::test]
async fn legacy_conditions_name_attributes() {
    let db = engine().await;
    let expected = PutItemInput {
        expected: Some(HashMap::from([(
            String::new(),
            ExpectedAttributeValue {
                exists: Some(false),
                ..Default::default()
            },
        )])),
        ..put_input(key("a"))
    };
    assert_eq!(validation(db.put_item(expected).await), EMPTY);
    let scan = ScanInput {
        table_name: Some("tbl".into()),
        scan_filter: Some(HashMap::from([(
            long(65_536),
            Condition {
                comparison_operator: Some(ComparisonOperator::NotNull),
                ..Default::default()
            },
        )])),
        ..Default::default()
    };
    assert_eq!(validation(db.scan(scan).await), TOO_LARGE);
}

#[tokio::test]
async fn expression_names_and_attributes_to_get_are_names() {
    let db = engine().await;
    let get =
        |names: Option<HashMap<String, String>>, projection: Option<&str>, to_get| GetItemInput {
            table_name: Some("tbl".into()),
            key: Some(key("a")),
            projection_expression: projection.map(str::to_owned),
            expression_attribute_names: names,
            attributes_to_get: to_get,
            ..Default::default()
        };
    let names = |n: &str| Some(HashMap::from([("#a".to_owned(), n.to_owned())]));
    assert_eq!(
        validation(db.get_item(get(names(""), Some("#a"), None)).await),
        "ExpressionAttributeNames contains invalid value: Empty attribute name for key #a"
    );
    assert_eq!(
        validation(
            db.get_item(get(names(&long(65_536)), Some("#a"), None))
                .await
        ),
        TOO_LARGE
    );
    let to_get = |n: String| Some(vec!["pk".to_owned(), n]);
    assert_eq!(
        validation(db.get_item(get(None, None, to_get(long(65_536)))).await),
        TOO_LARGE
    );
    assert_eq!(
        validation(db.get_item(get(None, None, to_get(String::new()))).await),
        EMPTY
    );
    db.get_item(get(None, None, to_get(long(65_535))))
        .await
        .unwrap();
    // Query and Scan share the check of the maps.
    let scan = ScanInput {
        table_name: Some("tbl".into()),
        projection_expression: Some("#a".into()),
        expression_attribute_names: names(""),
        ..Default::default()
    };
    assert_eq!(
        validation(db.scan(scan).await),
        "ExpressionAttributeNames contains invalid value: Empty attribute name for key #a"
    );
}

#[tokio::test]
async fn key_attribute_names_are_1_to_255_characters() {
    let db = Engine::memory();
    let n255 = long(255);
    db.create_table(table_input("fine", &n255)).await.unwrap();

    let n256 = long(256);
    assert_eq!(
        validation(db.create_table(table_input("bad", &n256)).await),
        format!(
            "2 validation errors detected: \
             Value '{n256}' at 'attributeDefinitions.1.member.attributeName' failed to satisfy constraint: Member must have length less than or equal to 255; \
             Value '{n256}' at 'keySchema.1.member.attributeName' failed to satisfy constraint: Member must have length less than or equal to 255"
        )
    );
    // An index's key schema, with the table's own attributes fine.
    let mut gsi = table_input("bad", "pk");
    gsi.attribute_definitions = Some(definitions(&["pk", "g"]));
    gsi.global_secondary_indexes = Some(vec![GlobalSecondaryIndex {
        index_name: Some("idx".into()),
        key_schema: Some(key_schema(&[("", KeyType::Hash)])),
        projection: Some(Projection {
            projection_type: Some(ProjectionType::All),
            ..Default::default()
        }),
        ..Default::default()
    }]);
    assert_eq!(
        validation(db.create_table(gsi).await),
        "1 validation error detected: Value '' at 'globalSecondaryIndexes.1.member.keySchema.1.member.attributeName' failed to satisfy constraint: Member must have length greater than or equal to 1"
    );
    // UpdateTable's definitions.
    let update = UpdateTableInput {
        table_name: Some("fine".into()),
        attribute_definitions: Some(definitions(&[&n256])),
        ..Default::default()
    };
    assert_eq!(
        validation(db.update_table(update).await),
        format!(
            "1 validation error detected: Value '{n256}' at 'attributeDefinitions.1.member.attributeName' failed to satisfy constraint: Member must have length less than or equal to 255"
        )
    );
}
