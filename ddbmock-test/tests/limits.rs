//! Item limits, as properties over generated items: valid items round-trip unchanged, items inside or
//! exactly at a limit are accepted, items just over a limit are refused with DynamoDB's exact message
//! and change nothing, and item sizes follow DynamoDB's documented formula.

use ddbmock_core::DynamoDb;
use ddbmock_core::limits::MAX_ITEM_BYTES;
use ddbmock_core::model::{AttributeValue, Item, item_size};
use ddbmock_core::operation::*;
use ddbmock_engine::Engine;
use ddbmock_test::strategy::prelude::*;
use proptest::prelude::*;
use proptest::strategy::ValueTree;

fn block_on<F: std::future::Future>(f: F) -> F::Output {
    match tokio::runtime::Builder::new_current_thread().build() {
        Ok(rt) => rt.block_on(f),
        Err(e) => panic!("tokio runtime: {e}"),
    }
}

fn scalar_type(ty: ScalarType) -> ScalarAttributeType {
    match ty {
        ScalarType::N => ScalarAttributeType::N,
        ScalarType::B => ScalarAttributeType::B,
        _ => ScalarAttributeType::S,
    }
}

/// Key shapes covering every key type, with and without a sort key.
fn shapes() -> impl Strategy<Value = KeyShape> {
    prop_oneof![
        Just(KeyShape::hash("pk", ScalarType::S)),
        Just(KeyShape::hash("pk", ScalarType::N).range("sk", ScalarType::S)),
        Just(KeyShape::hash("pk", ScalarType::B).range("sk", ScalarType::N)),
        Just(KeyShape::hash("pk", ScalarType::S).range("sk", ScalarType::B)),
    ]
}

/// A fresh engine with table `items` for `shape`.
async fn table_for(shape: &KeyShape) -> Engine {
    let db = Engine::memory();
    let created = db
        .create_table(CreateTableInput {
            table_name: Some("items".into()),
            attribute_definitions: Some(
                shape
                    .attrs()
                    .map(|(name, ty)| AttributeDefinition {
                        attribute_name: Some(name.clone()),
                        attribute_type: Some(scalar_type(*ty)),
                    })
                    .collect(),
            ),
            key_schema: Some(
                shape
                    .attrs()
                    .enumerate()
                    .map(|(i, (name, _))| KeySchemaElement {
                        attribute_name: Some(name.clone()),
                        key_type: Some(if i == 0 {
                            KeyType::Hash
                        } else {
                            KeyType::Range
                        }),
                    })
                    .collect(),
            ),
            billing_mode: Some(BillingMode::PayPerRequest),
            ..Default::default()
        })
        .await;
    assert!(created.is_ok(), "{created:?}");
    db
}

fn key_of(shape: &KeyShape, item: &Item) -> Item {
    shape
        .attrs()
        .filter_map(|(name, _)| Some((name.clone(), item.get(name)?.clone())))
        .collect()
}

async fn put(db: &Engine, item: Item) -> Result<PutItemOutput, ddbmock_core::Error> {
    db.put_item(PutItemInput {
        table_name: Some("items".into()),
        item: Some(item),
        ..Default::default()
    })
    .await
}

async fn get(db: &Engine, key: Item) -> Option<Item> {
    db.get_item(GetItemInput {
        table_name: Some("items".into()),
        key: Some(key),
        ..Default::default()
    })
    .await
    .ok()?
    .item
}

async fn count(db: &Engine) -> Option<i64> {
    db.describe_table(DescribeTableInput {
        table_name: Some("items".into()),
    })
    .await
    .ok()?
    .table?
    .item_count
}

/// DynamoDB's message for each limit, verbatim.
fn expected_message(limit: Limit) -> &'static str {
    match limit {
        Limit::ItemSize => "Item size has exceeded the maximum allowed size",
        Limit::HashKeySize => {
            "One or more parameter values were invalid: Size of hashkey has exceeded the maximum size limit of2048 bytes"
        }
        Limit::RangeKeySize => {
            "One or more parameter values were invalid: Aggregated size of all range keys has exceeded the size limit of 1024 bytes"
        }
        Limit::NumberDigits => "Attempting to store more than 38 significant digits in a Number",
        Limit::NumberLargest => {
            "Number overflow. Attempting to store a number with magnitude larger than supported range"
        }
        Limit::NumberSmallest => {
            "Number underflow. Attempting to store a number with magnitude smaller than supported range"
        }
        Limit::Nesting => {
            "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond supported limit"
        }
        Limit::StringSetMembers => {
            "One or more parameter values were invalid: An string set  may not be empty"
        }
        Limit::NumberSetMembers => {
            "One or more parameter values were invalid: An number set  may not be empty"
        }
        Limit::BinarySetMembers => {
            "One or more parameter values were invalid: Binary sets should not be empty"
        }
        _ => "(a limit this test does not know)",
    }
}

/// The Developer Guide's formula, written out independently of the engine's: strings and binaries by
/// their bytes, numbers by their base-100 digit pairs plus one byte (plus one when negative), null and
/// booleans 1, sets the sum of their members, maps and lists 3 bytes plus 1 per element.
fn oracle_size(item: &Item) -> usize {
    item.iter()
        .map(|(name, v)| name.len() + oracle_value(v))
        .sum()
}

fn oracle_value(v: &AttributeValue) -> usize {
    match v {
        AttributeValue::S(s) => s.len(),
        AttributeValue::B(b) => b.len(),
        AttributeValue::N(n) => oracle_number(n),
        AttributeValue::Ss(s) => s.iter().map(String::len).sum(),
        AttributeValue::Ns(s) => s.iter().map(|n| oracle_number(n)).sum(),
        AttributeValue::Bs(s) => s.iter().map(Vec::len).sum(),
        AttributeValue::Null(_) | AttributeValue::Bool(_) => 1,
        AttributeValue::L(l) => 3 + l.iter().map(|v| 1 + oracle_value(v)).sum::<usize>(),
        AttributeValue::M(m) => {
            3 + m
                .iter()
                .map(|(k, v)| 1 + k.len() + oracle_value(v))
                .sum::<usize>()
        }
    }
}

/// Size of a canonical number text: digits grouped in pairs aligned on the decimal point, from the
/// first non-zero pair to the last, plus an exponent byte, plus one byte for a negative number.
fn oracle_number(text: &str) -> usize {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let int = if int.len() % 2 == 1 {
        format!("0{int}")
    } else {
        int.to_owned()
    };
    let frac = if frac.len() % 2 == 1 {
        format!("{frac}0")
    } else {
        frac.to_owned()
    };
    let all = format!("{int}{frac}");
    let pairs: Vec<&str> = (0..all.len() / 2).map(|i| &all[2 * i..2 * i + 2]).collect();
    let first = pairs.iter().position(|p| *p != "00");
    let last = pairs.iter().rposition(|p| *p != "00");
    match (first, last) {
        (Some(first), Some(last)) => 1 + (last - first + 1) + usize::from(negative),
        _ => 1,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn valid_items_round_trip_unchanged(
        (shape, item) in shapes().prop_flat_map(|s| (Just(s.clone()), items(&s).max_size(16 * 1024)))
    ) {
        block_on(async {
            let db = table_for(&shape).await;
            let put = put(&db, item.clone()).await;
            prop_assert!(put.is_ok(), "{:?}", put);
            prop_assert_eq!(get(&db, key_of(&shape, &item)).await, Some(item));
            Ok(())
        })?;
    }

    #[test]
    fn numbers_come_back_in_canonical_form((text, canonical) in number_text()) {
        block_on(async {
            let shape = KeyShape::hash("pk", ScalarType::S);
            let db = table_for(&shape).await;
            let item = Item::from([
                ("pk".to_owned(), AttributeValue::S("k".into())),
                ("n".to_owned(), AttributeValue::N(text.clone())),
            ]);
            let put = put(&db, item.clone()).await;
            prop_assert!(put.is_ok(), "{text}: {:?}", put);
            let got = get(&db, key_of(&shape, &item)).await.unwrap_or_default();
            prop_assert_eq!(got.get("n"), Some(&AttributeValue::N(canonical)));
            Ok(())
        })?;
    }

    #[test]
    fn items_over_a_limit_are_refused_and_change_nothing(
        (shape, over, original) in shapes().prop_flat_map(|s| {
            (Just(s.clone()), over_limit(&s), items(&s).max_size(4 * 1024))
        })
    ) {
        block_on(async {
            let db = table_for(&shape).await;
            // An item already at the over-limit item's key (when the key itself is within limits).
            let mut original = original;
            if !matches!(over.limit, Limit::HashKeySize | Limit::RangeKeySize) {
                original.extend(key_of(&shape, &over.item));
            }
            prop_assert!(put(&db, original.clone()).await.is_ok());
            let refused = put(&db, over.item.clone()).await;
            let error = refused.err();
            prop_assert_eq!(error.as_ref().map(|e| e.type_name()), Some("ValidationException"));
            let message = error.map(|e| e.message());
            prop_assert_eq!(
                message.as_deref(),
                Some(expected_message(over.limit)),
                "{:?}", over.limit
            );
            prop_assert_eq!(count(&db).await, Some(1));
            prop_assert_eq!(get(&db, key_of(&shape, &original)).await, Some(original));
            Ok(())
        })?;
    }

    #[test]
    fn items_inside_or_at_a_limit_are_accepted_unchanged(
        (shape, at) in shapes().prop_flat_map(|s| {
            (Just(s.clone()), prop_oneof![at_limit(&s), inside_limit(&s)])
        })
    ) {
        prop_assert!(at.accepted());
        block_on(async {
            let db = table_for(&shape).await;
            let put = put(&db, at.item.clone()).await;
            prop_assert!(put.is_ok(), "{:?} {:?}: {:?}", at.limit, at.side, put);
            prop_assert_eq!(get(&db, key_of(&shape, &at.item)).await, Some(at.item.clone()));
            Ok(())
        })?;
    }

    #[test]
    fn items_of_a_size_have_that_size(
        (shape, n) in shapes().prop_flat_map(|s| (Just(s.clone()), min_item_size(&s)..=MAX_ITEM_BYTES)),
        seed in any::<u64>(),
    ) {
        let mut runner = proptest::test_runner::TestRunner::new_with_rng(
            ProptestConfig::default(),
            proptest::test_runner::TestRng::from_seed(
                proptest::test_runner::RngAlgorithm::ChaCha,
                &{
                    let mut bytes = [0u8; 32];
                    bytes[..8].copy_from_slice(&seed.to_le_bytes());
                    bytes
                },
            ),
        );
        let item = item_of_size(&shape, n).new_tree(&mut runner).map(|t| t.current());
        prop_assert_eq!(item.map(|i| item_size(&i)).ok(), Some(n));
    }

    #[test]
    fn item_size_follows_the_documented_formula(item in items(&KeyShape::hash("pk", ScalarType::S))) {
        prop_assert_eq!(item_size(&item), oracle_size(&item));
    }
}

#[test]
fn the_oracle_agrees_with_sizes_measured_against_dynamodb() {
    for (text, size) in [
        ("3.14159", 5),
        ("123456", 4),
        ("100.5", 4),
        ("0.15", 2),
        ("-42", 3),
        ("0", 1),
    ] {
        assert_eq!(oracle_number(text), size, "{text}");
    }
    assert_eq!(oracle_number(&format!("1{}", "0".repeat(125))), 2);
}

/// Each limit, inside, at and over, for each key shape: the engine's verdict, and DynamoDB's text when
/// it refuses.
#[test]
fn every_limit_holds_at_its_boundary_for_every_key_shape() {
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let shapes = [
        KeyShape::hash("pk", ScalarType::S),
        KeyShape::hash("pk", ScalarType::N).range("sk", ScalarType::S),
        KeyShape::hash("pk", ScalarType::B).range("sk", ScalarType::N),
        KeyShape::hash("pk", ScalarType::S).range("sk", ScalarType::B),
    ];
    let mut seen = 0;
    for shape in &shapes {
        for limit in limits_for(shape) {
            for side in [Side::Inside, Side::At, Side::Over] {
                // Draws until the strategy picks `limit`: it draws every applicable limit.
                let drawn = (0..1000)
                    .filter_map(|_| limit_items(shape, side).new_tree(&mut runner).ok())
                    .map(|t| t.current())
                    .find(|l| l.limit == limit);
                let Some(at) = drawn else {
                    panic!("{limit:?} {side:?} never drawn");
                };
                block_on(async {
                    let db = table_for(shape).await;
                    let put = put(&db, at.item.clone()).await;
                    match side {
                        Side::Over => {
                            let e = put.err();
                            assert_eq!(
                                e.as_ref().map(|e| (e.type_name(), e.message())),
                                Some(("ValidationException", expected_message(limit).to_owned())),
                                "{limit:?}"
                            );
                            assert_eq!(count(&db).await, Some(0));
                        }
                        _ => {
                            assert!(put.is_ok(), "{limit:?} {side:?}: {put:?}");
                            assert_eq!(get(&db, key_of(shape, &at.item)).await, Some(at.item));
                        }
                    }
                });
                seen += 1;
            }
        }
    }
    // 8 limits for every shape, plus the key size of each S or B key (1, 1, 1 and 2), on three sides.
    assert_eq!(seen, 3 * (9 + 9 + 9 + 10));
}

/// `items()` spreads its sizes up to DynamoDB's limit: the issue measured a median of 516 bytes and a
/// maximum of 3.1 KB over 500 draws before.
#[test]
fn items_reach_the_400_kb_limit() {
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let shape = KeyShape::hash("pk", ScalarType::S);
    let sizes: Vec<usize> = (0..500)
        .filter_map(|_| items(&shape).new_tree(&mut runner).ok())
        .map(|t| item_size(&t.current()))
        .collect();
    assert_eq!(sizes.len(), 500);
    assert!(sizes.iter().all(|s| *s <= MAX_ITEM_BYTES));
    assert!(sizes.contains(&MAX_ITEM_BYTES));
    assert!(sizes.iter().filter(|s| **s > 100 * 1024).count() >= 5);
}

#[test]
fn an_item_of_exactly_400_kb_is_accepted() {
    block_on(async {
        let shape = KeyShape::hash("pk", ScalarType::S);
        let db = table_for(&shape).await;
        let mut item = Item::from([("pk".to_owned(), AttributeValue::S("k".into()))]);
        let room = 400 * 1024 - item_size(&item) - "pad".len();
        item.insert("pad".to_owned(), AttributeValue::B(vec![7; room]));
        assert_eq!(item_size(&item), 400 * 1024);
        assert!(put(&db, item).await.is_ok());
    });
}
