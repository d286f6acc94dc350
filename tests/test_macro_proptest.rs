//! `#[ddbmock::test]` property tests: parameters drawn with `#[strategy(..)]`, one engine forked per
//! case on every store, fixtures loaded once, and failures shrunk to the minimal input.

use std::sync::atomic::{AtomicUsize, Ordering};

use ddbmock::model::{AttributeValue, Item};
use ddbmock::operation::*;
use ddbmock::{DynamoDb, Engine};
use ddbmock_test::strategy::prelude::*;
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

fn users() -> KeyShape {
    KeyShape::hash("id", ScalarType::S)
}

async fn user_count(db: &Engine) -> i64 {
    let input = DescribeTableInput {
        table_name: Some("users".into()),
    };
    match db.describe_table(input).await {
        Ok(out) => out.table.and_then(|t| t.item_count).unwrap_or(-1),
        Err(e) => panic!("DescribeTable: {e}"),
    }
}

/// Each case sees the two fixture items and only its own write: the engine is forked per case, on
/// both stores.
#[ddbmock::test(
    stores(memory, sqlite),
    fixtures("tests/fixtures/users.json"),
    proptest(cases = 8)
)]
async fn each_case_starts_from_the_fixtures(
    db: Engine,
    #[strategy(items(&users()).max_size(2_000))] item: Item,
) -> Result<(), TestCaseError> {
    let key = Item::from([("id".to_owned(), item["id"].clone())]);
    db.put_item(PutItemInput::new("users", item.clone()))
        .await?;
    let got = db.get_item(GetItemInput::new("users", key)).await?;
    prop_assert_eq!(got.item, Some(item.clone()));
    // The fixtures' u-1 and u-2, plus this case's item unless it replaced one of them.
    let expected = if ["u-1", "u-2"].contains(&item["id"].as_s().unwrap_or_default()) {
        2
    } else {
        3
    };
    prop_assert_eq!(user_count(&db).await, expected);
    Ok(())
}

/// Drawn and made parameters mix in any order, and a `()` body fails by panicking.
#[ddbmock::test(proptest(cases = 16))]
async fn drawn_and_made_parameters_mix(
    #[strategy(1u32..100)] n: u32,
    db: Engine,
    #[strategy(any::<bool>())] flag: bool,
) {
    assert!((1..100).contains(&n));
    let tables = db.list_tables(ListTablesInput::default()).await.unwrap();
    assert_eq!(tables.table_names, Some(vec![]), "{flag}");
}

/// `proptest` alone takes proptest's defaults (256 cases unless `PROPTEST_CASES` says otherwise):
/// the last of them panics, so fewer cases would fail this test.
#[ddbmock::test(proptest(config = no_regressions()))]
#[should_panic(expected = "reached the default number of cases")]
async fn default_settings_run_proptests_default_cases(#[strategy(Just(()))] _unit: ()) {
    let expected = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(256);
    if RUNS.fetch_add(1, Ordering::Relaxed) + 1 >= expected {
        panic!("reached the default number of cases");
    }
}

static RUNS: AtomicUsize = AtomicUsize::new(0);

/// A `#[strategy]` alone makes a property test; a body may use `?` on DynamoDB calls.
#[ddbmock::test]
async fn a_strategy_alone_makes_a_property_test(
    db: Engine,
    #[strategy("[a-z]{3,8}")] table: String,
) -> Result<(), ddbmock::Error> {
    db.create_table(CreateTableInput::new(&table, "pk", ScalarAttributeType::S))
        .await?;
    // Only this case's table: the previous cases' are in other forks.
    let tables = db.list_tables(ListTablesInput::default()).await?;
    assert_eq!(tables.table_names, Some(vec![table]));
    Ok(())
}

/// Kept out of `proptest-regressions/`: it fails on purpose.
fn no_regressions() -> ProptestConfig {
    ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// A failure is shrunk to the minimal input, printed by parameter name.
#[ddbmock::test(proptest(cases = 64, config = no_regressions()))]
#[should_panic(
    expected = "test_macro_proptest::fails_from_100: n is 100\nminimal failing input:\nn = 100\n"
)]
async fn fails_from_100(db: Engine, #[strategy(0u32..10_000)] n: u32) {
    drop(db);
    assert!(n < 100, "n is {n}");
}

/// A failing case of a 410,000-byte item prints in a few lines.
#[ddbmock::test(proptest(config = ProptestConfig { cases: 4, ..no_regressions() }))]
#[should_panic(
    expected = "test_macro_proptest::fails_on_a_large_item: not empty\nminimal failing input:\nitem = {\n    \"pad\": B(\n        [7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7]… (410000 bytes),\n    ),\n}\n"
)]
async fn fails_on_a_large_item(
    #[strategy(Just(Item::from([("pad".to_owned(), AttributeValue::B(vec![7; 410_000]))])))]
    item: Item,
) {
    assert!(item.is_empty(), "not empty");
}
