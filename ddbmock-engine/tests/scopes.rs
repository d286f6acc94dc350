//! `Engine::builder` and `Scopes`: an engine's region and account reach its ARNs (table, index,
//! stream) and DescribeEndpoints; scopes of one template are disjoint, share its clock and
//! settings, and on SQLite each keeps its tables in a file of its own that a reopened `Scopes`
//! finds again.

use std::time::{Duration, UNIX_EPOCH};

use ddbmock_core::operation::{
    CreateTableInput, CreateTableOutput, DescribeTableInput, ListTablesInput,
};
use ddbmock_engine::engine::scope_file;
use ddbmock_engine::{Clock, DynamoDb, Engine};
use serde_json::json;

fn create_input(name: &str) -> CreateTableInput {
    serde_json::from_value(json!({
        "TableName": name,
        "AttributeDefinitions": [
            {"AttributeName": "pk", "AttributeType": "S"},
            {"AttributeName": "g", "AttributeType": "S"}
        ],
        "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
        "GlobalSecondaryIndexes": [{
            "IndexName": "by-g",
            "KeySchema": [{"AttributeName": "g", "KeyType": "HASH"}],
            "Projection": {"ProjectionType": "KEYS_ONLY"}
        }],
        "StreamSpecification": {"StreamEnabled": true, "StreamViewType": "KEYS_ONLY"},
        "BillingMode": "PAY_PER_REQUEST"
    }))
    .expect("a valid request")
}

async fn create(engine: &Engine, name: &str) -> CreateTableOutput {
    engine
        .create_table(create_input(name))
        .await
        .expect("create table")
}

async fn names(engine: &Engine) -> Vec<String> {
    engine
        .list_tables(ListTablesInput::default())
        .await
        .expect("list tables")
        .table_names
        .unwrap_or_default()
}

#[tokio::test]
async fn the_builders_region_and_account_are_in_every_arn() {
    let engine = Engine::builder()
        .region("eu-central-1")
        .account("111122223333")
        .build()
        .unwrap();
    let table = create(&engine, "orders").await.table_description.unwrap();
    let prefix = "arn:aws:dynamodb:eu-central-1:111122223333:table/orders";
    assert_eq!(table.table_arn.as_deref(), Some(prefix));
    let index = &table.global_secondary_indexes.unwrap()[0];
    assert_eq!(
        index.index_arn.as_deref(),
        Some(format!("{prefix}/index/by-g").as_str())
    );
    let stream = table.latest_stream_arn.unwrap();
    assert!(stream.starts_with(&format!("{prefix}/stream/")), "{stream}");
    let endpoints = engine.describe_endpoints(Default::default()).await.unwrap();
    assert_eq!(
        endpoints.endpoints.unwrap()[0].address.as_deref(),
        Some("dynamodb.eu-central-1.amazonaws.com")
    );
}

#[tokio::test]
async fn scopes_are_disjoint_and_share_the_templates_clock_and_settings() {
    let clock = Clock::manual(UNIX_EPOCH + Duration::from_secs(1_700_000_000));
    let scopes = Engine::builder()
        .clock(clock.clone())
        .table_status_delay(Duration::from_secs(5))
        .scopes()
        .unwrap();
    let us = scopes.engine("000000000000", "us-east-1").unwrap();
    let eu = scopes.engine("000000000000", "eu-west-1").unwrap();
    let other = scopes.engine("111122223333", "eu-west-1").unwrap();
    create(&us, "orders").await;
    create(&eu, "orders").await;
    create(&eu, "only-eu").await;
    assert_eq!(names(&us).await, ["orders"]);
    assert_eq!(names(&eu).await, ["only-eu", "orders"]);
    assert!(names(&other).await.is_empty());
    let status = |engine: Engine| async move {
        engine
            .describe_table(DescribeTableInput {
                table_name: Some("orders".to_owned()),
            })
            .await
            .unwrap()
            .table
            .unwrap()
            .table_status
    };
    // The template's status delay, on the template's clock, in every scope.
    assert_eq!(
        serde_json::to_value(status(eu.clone()).await).unwrap(),
        "CREATING"
    );
    clock.advance(Duration::from_secs(5));
    assert_eq!(serde_json::to_value(status(eu).await).unwrap(), "ACTIVE");
    assert_eq!(serde_json::to_value(status(us).await).unwrap(), "ACTIVE");
}

#[tokio::test]
async fn on_sqlite_each_scope_has_a_file_beside_the_home_file_and_keeps_its_tables() {
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("tables.db");
    {
        let scopes = Engine::builder().sqlite(&home).scopes().unwrap();
        create(scopes.home(), "home-table").await;
        let eu = scopes.engine("111122223333", "eu-west-1").unwrap();
        create(&eu, "eu-table").await;
    }
    let eu_file = scope_file(&home, "111122223333", "eu-west-1");
    assert_eq!(eu_file, dir.path().join("tables.111122223333.eu-west-1.db"));
    assert!(eu_file.exists());
    let scopes = Engine::builder().sqlite(&home).scopes().unwrap();
    assert_eq!(names(scopes.home()).await, ["home-table"]);
    let eu = scopes.engine("111122223333", "eu-west-1").unwrap();
    assert_eq!(names(&eu).await, ["eu-table"]);
    let described = eu
        .describe_table(DescribeTableInput {
            table_name: Some("eu-table".to_owned()),
        })
        .await
        .unwrap();
    assert_eq!(
        described.table.unwrap().table_arn.as_deref(),
        Some("arn:aws:dynamodb:eu-west-1:111122223333:table/eu-table")
    );
}
