//! `#[ddbmock::test]`: what a test gets injected, fixtures, stores, `Result` tests and renamed crates.

use std::sync::Arc;

use ddbmock::model::{AttributeValue, Item};
use ddbmock::operation::*;
use ddbmock::{DynamoDb, Engine};

fn key(id: &str) -> Item {
    Item::from([("id".to_owned(), AttributeValue::S(id.to_owned()))])
}

async fn table_names(db: &dyn DynamoDb) -> Vec<String> {
    match db.list_tables(ListTablesInput::default()).await {
        Ok(out) => out.table_names.unwrap_or_default(),
        Err(e) => panic!("ListTables: {e}"),
    }
}

async fn user_count(db: &dyn DynamoDb) -> i64 {
    match db
        .describe_table(DescribeTableInput {
            table_name: Some("users".into()),
        })
        .await
    {
        Ok(out) => out.table.and_then(|t| t.item_count).unwrap_or(-1),
        Err(e) => panic!("DescribeTable: {e}"),
    }
}

#[ddbmock::test]
async fn an_engine_starts_empty(db: Engine) {
    assert!(table_names(&db).await.is_empty());
}

#[ddbmock::test]
async fn every_parameter_sees_the_same_engine(db: Engine, dyn_db: Arc<dyn DynamoDb>) {
    let fixture = ddbmock::testing::Fixture::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/users.json"
    ))
    .unwrap();
    fixture.load(&db).await.unwrap();
    assert_eq!(table_names(&*dyn_db).await, ["users"]);
}

#[ddbmock::test]
async fn a_test_without_parameters_runs() {}

#[ddbmock::test]
async fn result_tests_can_use_the_question_mark() -> Result<(), ddbmock::Error> {
    Engine::memory()
        .describe_limits(DescribeLimitsInput::default())
        .await?;
    Ok(())
}

#[ddbmock::test(fixtures("tests/fixtures/users.json"))]
async fn fixtures_are_loaded(db: Engine) {
    let got = db
        .get_item(GetItemInput {
            table_name: Some("users".into()),
            key: Some(key("u-2")),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(got.item.unwrap()["name"], AttributeValue::S("Grace".into()));
}

#[ddbmock::test(fixtures("tests/fixtures/users.json"))]
async fn each_test_gets_its_own_fork_of_the_fixtures(db: Engine) {
    // Two tests write to the same fixture set; neither sees the other's write.
    db.delete_item(DeleteItemInput {
        table_name: Some("users".into()),
        key: Some(key("u-1")),
        ..Default::default()
    })
    .await
    .unwrap();
    assert_eq!(user_count(&db).await, 1);
}

#[ddbmock::test(fixtures("tests/fixtures/users.json"))]
async fn forks_do_not_see_each_other(db: Engine) {
    db.delete_item(DeleteItemInput {
        table_name: Some("users".into()),
        key: Some(key("u-2")),
        ..Default::default()
    })
    .await
    .unwrap();
    assert_eq!(user_count(&db).await, 1);
}

#[ddbmock::test(fixtures("tests/fixtures/users.json", "tests/fixtures/more_users.json"))]
async fn fixture_files_load_in_order(db: Engine) {
    assert_eq!(user_count(&db).await, 3);
}

#[ddbmock::test(fixtures("tests/fixtures/missing.json"))]
#[should_panic(expected = "on the memory store: cannot read fixture")]
async fn a_missing_fixture_fails_the_test(_db: Engine) {}

#[ddbmock::test(stores(memory))]
async fn stores_can_be_listed(db: Engine) {
    assert!(table_names(&db).await.is_empty());
}

mod renamed {
    extern crate ddbmock as my_ddbmock;

    #[my_ddbmock::test(crate = "my_ddbmock")]
    async fn the_crate_path_can_be_renamed(db: my_ddbmock::Engine) {
        drop(db);
    }
}

#[ddbmock::test(sqlite)]
async fn sqlite_tests_get_a_database_file(db: Engine) {
    assert!(table_names(&db).await.is_empty());
}

#[ddbmock::test(stores(memory, sqlite), fixtures("tests/fixtures/users.json"))]
async fn one_body_runs_on_both_stores(db: Engine) {
    assert_eq!(user_count(&db).await, 2);
}
