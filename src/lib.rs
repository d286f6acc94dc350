//! ddbmock: DynamoDB for tests — a faithful, fast emulation of Amazon DynamoDB that runs in-process,
//! on an in-memory or SQLite store, with DynamoDB's behaviour, limits and error messages.
//!
//! This page is the guide; each section's example compiles and runs as a doc test. Which door when:
//!
//! | you have | use |
//! |---|---|
//! | new Rust code | [the `DynamoDb` trait](#the-dynamodb-trait): the application takes `Arc<dyn DynamoDb>`, tests pass an [`Engine`], production `sdk::Sdk` |
//! | existing code on `aws_sdk_dynamodb::Client` | [the SDK bridge](#the-aws-sdk-bridge) (feature `aws`) |
//! | another language, the AWS CLI, end-to-end tests | [the server](#the-server) |
//! | retries and error paths to test | [`mock::Mock`](#fault-injection), around any of them |
//!
//! # The `DynamoDb` trait
//!
//! Applications code against the [`DynamoDb`] trait (one async method per operation, requests and
//! responses shaped as DynamoDB's wire JSON); tests hand them an [`Engine`], production an adapter over
//! the AWS SDK (`sdk::Sdk`, in `ddbmock-core` with feature `sdk`, so that production code needs no
//! engine):
//!
//! ```
//! use std::sync::Arc;
//! use ddbmock::operation::{CreateTableInput, GetItemInput, PutItemInput, ScalarAttributeType::S};
//! use ddbmock::{DynamoDb, Engine, item};
//!
//! /// Application code: any DynamoDB.
//! async fn register(db: &dyn DynamoDb, id: &str) -> Result<(), ddbmock::Error> {
//!     db.put_item(PutItemInput::new("users", item! { "id" => id })).await?;
//!     Ok(())
//! }
//!
//! # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
//! let db: Arc<dyn DynamoDb> = Arc::new(Engine::memory());
//! db.create_table(CreateTableInput::new("users", "id", S)).await?;
//! register(&*db, "u1").await?;
//! let found = db.get_item(GetItemInput::new("users", item! { "id" => "u1" })).await?;
//! assert!(found.item.is_some());
//! # Ok::<(), ddbmock::Error>(())
//! # }).unwrap();
//! ```
//!
//! # Items in one line
//!
//! [`item!`] and [`set!`] build items from Rust values, `new` constructors shorten the common
//! requests (the structs stay plain data), [`model::to_item`]/[`model::from_item`] convert serde
//! types, and [`pages`] follows `LastEvaluatedKey` (`db.query_pages(input)` is an async `Stream`
//! of answers; `.all()` collects their items):
//!
//! ```
//! use ddbmock::operation::{PutItemInput, QueryInput};
//! use ddbmock::pages::DynamoDbExt;
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
//! let orders = db.query_pages(query).all().await?;
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
//! A fixture file is in DynamoDB's own JSON, in one of four formats told apart by content: ddbmock's
//! `{"Tables": […], "Items": {…}}`; a `CreateTable` request (`aws dynamodb create-table
//! --cli-input-json`); a `BatchWriteItem` request, with or without `RequestItems` (`aws dynamodb
//! batch-write-item --request-items`), of any length; or DynamoDB's export to S3 (`DYNAMODB_JSON`),
//! a data file or the export's directory. Formats mix in one `fixtures(…)` list, loaded in order. See
//! [`testing::Fixture`] for the formats, and for loading fixtures without the macro.
//!
//! # Fault injection
//!
//! [`mock::Mock`] wraps any [`DynamoDb`] and fails chosen calls with a chosen DynamoDB error, returns
//! partial `UnprocessedItems`/`UnprocessedKeys` from batches (seeded), adds latency, replaces one
//! operation with a closure, and records every call, to test an application's retry paths:
//!
//! ```
//! use ddbmock::mock::{Mock, Operation, errors, ops};
//! use ddbmock::operation::ListTablesInput;
//! use ddbmock::{DynamoDb, Engine};
//!
//! #[ddbmock::test]
//! async fn the_second_listing_is_throttled(db: Engine) {
//!     let mock = Mock::new(db).fail_nth_of::<ops::ListTables>(2, errors::throttling());
//!     assert!(mock.list_tables(ListTablesInput::default()).await.is_ok());
//!     let e = mock.list_tables(ListTablesInput::default()).await.unwrap_err();
//!     assert_eq!(e, errors::throttling());
//!     assert_eq!(e.type_name(), "ThrottlingException");
//!     assert_eq!(mock.calls_to(Operation::ListTables).len(), 2);
//! }
//! # fn main() {
//! #     let config = ddbmock::__rt::Config { name: "the_second_listing_is_throttled", manifest_dir: ".",
//! #         target_tmpdir: None, fixtures: &[], stores: &[] };
//! #     ddbmock::__rt::run(&config, __ddbmock_start_the_second_listing_is_throttled);
//! # }
//! ```
//!
//! `fail_first_of`, `fail_when` (any predicate over the call), `latency_of` and `replace` (a
//! closure for one operation) are the other levers; [`mock::errors`] has DynamoDB's own errors.
//!
//! # The AWS SDK bridge
//!
//! With feature `aws`, `aws::client` is the official `aws_sdk_dynamodb::Client` on an engine
//! in-process: no server, no socket, the application's own client type unchanged. Its retries are the
//! SDK's, without the wait between attempts (`aws::retry_config`), so a throttled call costs
//! microseconds:
//!
//! ```
//! # #[cfg(feature = "aws")]
//! # fn main() {
//! use std::sync::Arc;
//! use ddbmock::Engine;
//! use ddbmock::mock::{Mock, errors, ops};
//!
//! # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
//! let engine = Engine::memory();
//! let client = ddbmock::aws::client(&engine);
//! client.create_table().table_name("users")
//!     .attribute_definitions(aws_sdk_dynamodb::types::AttributeDefinition::builder()
//!         .attribute_name("id").attribute_type("S".into()).build().unwrap())
//!     .key_schema(aws_sdk_dynamodb::types::KeySchemaElement::builder()
//!         .attribute_name("id").key_type("HASH".into()).build().unwrap())
//!     .billing_mode("PAY_PER_REQUEST".into())
//!     .send().await.unwrap();
//!
//! // Twice throttled, then answered: the SDK's standard three attempts, at once.
//! let mock = Mock::new(engine).fail_first_of::<ops::ListTables>(2, errors::throttling());
//! let throttled = ddbmock::aws::client_for(Arc::new(mock));
//! let tables = throttled.list_tables().send().await.unwrap();
//! assert_eq!(tables.table_names(), ["users"]);
//! # });
//! # }
//! # #[cfg(not(feature = "aws"))]
//! # fn main() {}
//! ```
//!
//! # The server
//!
//! `cargo run --release` serves DynamoDB's JSON protocol on `127.0.0.1:8000`, tables in memory
//! (`--help` lists the flags). A Rust test can also run it in-process, on a free port, for code in
//! another process or language:
//!
//! ```
//! # #[cfg(feature = "server")]
//! # fn main() {
//! use ddbmock::Engine;
//! # use tokio::io::{AsyncReadExt, AsyncWriteExt};
//!
//! # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
//! let endpoint = format!("http://{}", listener.local_addr()?);
//! let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
//! let server = tokio::spawn(ddbmock_server::run(listener, Engine::memory(), async { stopped.await.ok(); }));
//! // Point any SDK at `endpoint`, with any keys and region; here, one request by hand:
//! # let mut socket = tokio::net::TcpStream::connect(endpoint.trim_start_matches("http://")).await?;
//! # socket.write_all(b"POST / HTTP/1.1\r\nHost: ddbmock\r\nConnection: close\r\n\
//! #     Content-Type: application/x-amz-json-1.0\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\n\
//! #     X-Amz-Date: 20260101T000000Z\r\nAuthorization: AWS4-HMAC-SHA256 \
//! #     Credential=AKID/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=00\r\n\
//! #     Content-Length: 2\r\n\r\n{}").await?;
//! # let mut response = String::new();
//! # socket.read_to_string(&mut response).await?;
//! # assert!(response.ends_with(r#"{"TableNames":[]}"#));
//! stop.send(()).unwrap();
//! server.await.unwrap()?;
//! # Ok::<(), std::io::Error>(())
//! # }).unwrap();
//! # }
//! # #[cfg(not(feature = "server"))]
//! # fn main() {}
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
//! `examples/user-crate/` is a crate of its own outside the workspace, as an application depending
//! on ddbmock writes it: a repository over `Arc<dyn DynamoDb>` depending on `ddbmock-core` (feature
//! `sdk`), and its tests on `ddbmock`, through the engine, `Mock` and the SDK bridge.

pub use ddbmock_core::*;
pub use ddbmock_engine::{
    Clock, Consistency, Engine, EngineBuilder, EngineConfig, Scopes, Staleness, engine, expr,
    storage,
};

/// Runs an `async fn` test on a fresh engine; see [the guide](crate#tests-with-ddbmocktest), and
/// [property tests](crate#property-tests) for parameters drawn with `#[strategy(..)]`.
pub use ddbmock_macros::test;

#[cfg(feature = "aws")]
pub mod aws;
pub mod mock;
pub mod testing;

// The README's Rust snippets run as doc tests; some use the SDK bridge, hence the feature.
#[cfg(all(doctest, feature = "aws"))]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;

#[doc(hidden)]
#[path = "rt/mod.rs"]
pub mod __rt;
