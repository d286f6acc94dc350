//! ddbmock: DynamoDB for tests — a faithful, fast emulation of Amazon DynamoDB that runs in-process,
//! on an in-memory or SQLite store, with DynamoDB's behaviour, limits and error messages.
//!
//! This page is the guide; each section's example compiles and runs as a doc test.
//!
//! # The `DynamoDb` trait
//!
//! Applications code against the [`DynamoDb`] trait (one async method per operation, requests and
//! responses shaped as DynamoDB's wire JSON); tests hand them an [`Engine`], production an adapter over
//! the AWS SDK:
//!
//! ```
//! use ddbmock::operation::*;
//! use ddbmock::model::AttributeValue;
//! use ddbmock::{DynamoDb, Engine};
//!
//! # tokio_test_block(async {
//! let db = Engine::memory();
//! db.create_table(CreateTableInput {
//!     table_name: Some("users".into()),
//!     attribute_definitions: Some(vec![AttributeDefinition {
//!         attribute_name: Some("id".into()),
//!         attribute_type: Some(ScalarAttributeType::S),
//!     }]),
//!     key_schema: Some(vec![KeySchemaElement {
//!         attribute_name: Some("id".into()),
//!         key_type: Some(KeyType::Hash),
//!     }]),
//!     billing_mode: Some(BillingMode::PayPerRequest),
//!     ..Default::default()
//! })
//! .await?;
//! let item = [("id".to_owned(), AttributeValue::S("u1".into()))].into_iter().collect();
//! db.put_item(PutItemInput { table_name: Some("users".into()), item: Some(item), ..Default::default() })
//!     .await?;
//! # Ok::<(), ddbmock::Error>(())
//! # });
//! # fn tokio_test_block<F: std::future::Future<Output = Result<(), ddbmock::Error>>>(f: F) {
//! #     tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(f).unwrap();
//! # }
//! ```
//!
//! # Items in one line
//!
//! [`item!`] and [`set!`] build items from Rust values, `new` constructors shorten the common
//! requests (the structs stay plain data), [`model::to_item`]/[`model::from_item`] convert serde
//! types, and [`pages`] follows `LastEvaluatedKey`:
//!
//! ```
//! use ddbmock::operation::{PutItemInput, QueryInput};
//! use ddbmock::pages::query_all;
//! use ddbmock::{DynamoDb, Engine, item, set};
//!
//! # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
//! # let db = Engine::memory();
//! # ddbmock::testing::Fixture::from_json(r#"{"Tables":[{"TableName":"orders",
//! #   "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},{"AttributeName":"sk","AttributeType":"N"}],
//! #   "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"},{"AttributeName":"sk","KeyType":"RANGE"}],
//! #   "BillingMode":"PAY_PER_REQUEST"}]}"#).unwrap().load(&db).await.unwrap();
//! db.put_item(PutItemInput::new("orders", item! { "pk" => "u1", "sk" => 1, "tags" => set!["new"] })).await?;
//! let query = QueryInput::new("orders", "pk = :pk").value(":pk", "u1");
//! let orders = query_all(&db, query).await?;
//! assert_eq!(orders[0]["tags"], set!["new"]);
//! # Ok::<(), ddbmock::Error>(())
//! # }).unwrap();
//! ```
//!
//! # Tests with `#[ddbmock::test]`
//!
//! [`#[ddbmock::test]`](macro@test) runs an `async fn` test in a tokio runtime and hands it a fresh,
//! empty engine, in memory unless told otherwise. Parameters say what the test wants, in any number:
//! [`Engine`], `Arc<dyn DynamoDb>`, or any type implementing [`testing::TestArg`]; all of one test's
//! parameters share its engine. A test may return `Result<(), E>` and use `?`:
//!
//! ```
//! use std::sync::Arc;
//! use ddbmock::operation::ListTablesInput;
//! use ddbmock::{DynamoDb, Engine};
//!
//! #[ddbmock::test]
//! async fn starts_empty(db: Engine, shared: Arc<dyn DynamoDb>) -> Result<(), ddbmock::Error> {
//!     let tables = shared.list_tables(ListTablesInput::default()).await?;
//!     assert_eq!(tables.table_names, Some(vec![]));
//!     # drop(db);
//!     Ok(())
//! }
//! # fn main() {
//! #     let config = ddbmock::__rt::Config { name: "starts_empty", manifest_dir: ".",
//! #         target_tmpdir: None, fixtures: &[], stores: &[] };
//! #     ddbmock::__rt::run(&config, __ddbmock_start_starts_empty).unwrap();
//! # }
//! ```
//!
//! Arguments, in any combination:
//!
//! | argument | effect |
//! |---|---|
//! | `fixtures("tests/fixtures/orders.json", …)` | loads [fixture files](testing::Fixture) (paths relative to the crate's `Cargo.toml`) before the test. Each fixture set is loaded once per test binary into a template engine; every test gets a copy-on-write [`Engine::fork`] of it, so tests cannot see each other's writes |
//! | `sqlite` | runs on a SQLite database file under the target directory (`target/tmp/ddbmock/`), removed when the test passes, kept and its path printed when it fails. Fixtures are loaded into each database anew |
//! | `stores(memory, sqlite)` | runs the one body on each store in turn, and says which one failed |
//! | `proptest(cases = 64, config = expr)` | settings of a [property test](#property-tests): the number of cases, and a whole `proptest::test_runner::Config` (`cases` overrides its count); both optional |
//! | `crate = "my_ddbmock"` | the path of this crate, when the dependency is renamed |
//!
//! ```
//! use ddbmock::Engine;
//! use ddbmock::operation::DescribeTableInput;
//! use ddbmock::DynamoDb;
//!
//! #[ddbmock::test(stores(memory, sqlite), fixtures("tests/fixtures/users.json"))]
//! async fn users_are_loaded(db: Engine) {
//!     let users = db.describe_table(DescribeTableInput { table_name: Some("users".into()) });
//!     assert_eq!(users.await.unwrap().table.unwrap().item_count, Some(2));
//! }
//! # fn main() {
//! #     let config = ddbmock::__rt::Config { name: "users_are_loaded",
//! #         manifest_dir: env!("CARGO_MANIFEST_DIR"), target_tmpdir: None,
//! #         fixtures: &["tests/fixtures/users.json"],
//! #         stores: &[ddbmock::__rt::Store::Memory, ddbmock::__rt::Store::Sqlite] };
//! #     ddbmock::__rt::run(&config, __ddbmock_start_users_are_loaded);
//! # }
//! ```
//!
//! Wrong arguments are compile errors on the offending token (`unknown store `postgres`, expected one
//! of `memory`, `sqlite``), and so is a parameter type the macro cannot make. The overhead per test
//! (runtime, engine, teardown) is about 2 µs in memory and 2 ms on SQLite (`cargo bench --bench
//! test_overhead`).
//!
//! # Fixtures
//!
//! A fixture file holds `CreateTable` requests and items in DynamoDB's own JSON, the format of the AWS
//! CLI; see [`testing::Fixture`] for the format, and for loading fixtures without the macro.
//!
//! # Fault injection
//!
//! [`mock::Mock`] wraps any [`DynamoDb`] and fails chosen calls with a chosen DynamoDB error, returns
//! partial `UnprocessedItems`/`UnprocessedKeys` from batches (seeded), adds latency, replaces one
//! operation with a closure, and records every call, to test an application's retry paths:
//!
//! ```
//! use ddbmock::mock::Mock;
//! use ddbmock::operation::ListTablesInput;
//! use ddbmock::{DynamoDb, Engine, Error};
//!
//! #[ddbmock::test]
//! async fn the_second_call_fails(db: Engine) {
//!     let mock = Mock::new(db).fail_nth(2, Error::InternalServerError("Internal server error".into()));
//!     assert!(mock.list_tables(ListTablesInput::default()).await.is_ok());
//!     let e = mock.list_tables(ListTablesInput::default()).await.unwrap_err();
//!     assert_eq!(e.type_name(), "InternalServerError");
//!     assert_eq!(mock.calls().len(), 2);
//! }
//! # fn main() {
//! #     let config = ddbmock::__rt::Config { name: "the_second_call_fails", manifest_dir: ".",
//! #         target_tmpdir: None, fixtures: &[], stores: &[] };
//! #     ddbmock::__rt::run(&config, __ddbmock_start_the_second_call_fails);
//! # }
//! ```
//!
//! # Property tests
//!
//! A parameter marked `#[strategy(expr)]` is drawn from a proptest strategy (feature `proptest`, on
//! by default), which makes the test a property test. The runtime, the store and its fixtures are
//! made once per store; each case gets a copy-on-write [`Engine::fork`] of that engine, so cases
//! cannot see each other's writes. A case costs a few microseconds in memory (2 µs, 9 µs with
//! fixtures to fork) and a few milliseconds on SQLite (a copy of the database file), on a busy
//! machine (`cargo bench --bench test_overhead`). proptest draws, shrinks, and reports the minimal failing input by parameter name; large
//! values print cut short (a 400 KB binary on one line). A body returns `()` and panics, or returns
//! `Result<(), TestCaseError>` and uses `prop_assert!` (and `?` on DynamoDB calls):
//!
//! ```
//! use ddbmock::Engine;
//! use ddbmock::model::Item;
//! use ddbmock::operation::{GetItemInput, PutItemInput};
//! use ddbmock::DynamoDb;
//! use ddbmock_test::strategy::prelude::*;
//! use proptest::prelude::*;
//! use proptest::test_runner::TestCaseError;
//!
//! fn users() -> KeyShape {
//!     KeyShape::hash("id", ScalarType::S)
//! }
//!
//! #[ddbmock::test(fixtures("tests/fixtures/users.json"), proptest(cases = 32))]
//! async fn users_read_back(
//!     db: Engine,
//!     #[strategy(items(&users()))] user: Item,
//! ) -> Result<(), TestCaseError> {
//!     let key = Item::from([("id".to_owned(), user["id"].clone())]);
//!     db.put_item(PutItemInput::new("users", user.clone())).await?;
//!     let got = db.get_item(GetItemInput::new("users", key)).await?;
//!     prop_assert_eq!(got.item, Some(user));
//!     Ok(())
//! }
//! # fn main() {
//! #     let config = ddbmock::__rt::Config { name: "users_read_back",
//! #         manifest_dir: env!("CARGO_MANIFEST_DIR"), target_tmpdir: None,
//! #         fixtures: &["tests/fixtures/users.json"], stores: &[] };
//! #     let settings = ddbmock::__rt::prop::Settings { cases: Some(32), config: None,
//! #         source_file: file!(), names: &["user"] };
//! #     ddbmock::__rt::prop::run(&config, &settings, __ddbmock_strategy_users_read_back(),
//! #         __ddbmock_start_users_read_back);
//! # }
//! ```
//!
//! Misuse is a compile error on its token: `proptest(..)` without a drawn parameter, a strategy
//! whose values are not of its parameter's type, more than 12 drawn parameters (draw a tuple).
//!
//! The `ddbmock-test` crate has the strategies for DynamoDB data (`ddbmock_test::strategy`):
//! attribute values of every type, numbers over DynamoDB's whole range and precision, items for a key
//! schema within a size (some of them large, up to 400 KB), items of an exact size, and items at, just
//! under and just over each of DynamoDB's [limits]:
//!
//! ```
//! use ddbmock::model::item_size;
//! use ddbmock_test::strategy::prelude::*;
//! use proptest::prelude::*;
//!
//! let shape = KeyShape::hash("id", ScalarType::S).range("at", ScalarType::N);
//! proptest!(|(item in items(&shape).max_size(1024))| {
//!     prop_assert!(item_size(&item) <= 1024);
//!     prop_assert!(item.contains_key("id") && item.contains_key("at"));
//! });
//! ```
//!
//! # Examples
//!
//! `examples/quickstart.rs` shows the trait; `examples/app/` is a small order service with its tests:
//! `#[ddbmock::test]`, fixtures, a property test and fault injection of its retry logic.

pub use ddbmock_core::*;
pub use ddbmock_engine::{Clock, Engine, EngineConfig, engine, expr, storage};

/// Runs an `async fn` test on a fresh engine; see [the guide](crate#tests-with-ddbmocktest), and
/// [property tests](crate#property-tests) for parameters drawn with `#[strategy(..)]`.
pub use ddbmock_macros::test;

#[cfg(feature = "aws")]
pub mod aws;
pub mod mock;
pub mod testing;

#[doc(hidden)]
#[path = "rt/mod.rs"]
pub mod __rt;
