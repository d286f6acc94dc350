//! [`TestArg`]: how `#[ddbmock::test]` makes each parameter of a test from the test's engine.

use std::sync::Arc;

use crate::{DynamoDb, Engine};

/// A type a `#[ddbmock::test]` function can take as a parameter, made from the test's fresh engine.
///
/// Every parameter of one test is made from the same engine, so `db: Engine, dyn_db: Arc<dyn DynamoDb>`
/// see the same tables.
///
/// # Injecting your own types
///
/// Implement it for a type of the crate your tests are in. An application's integration tests
/// (`tests/*.rs`) are a crate of their own, so there `TestArg` and the application's types are both
/// foreign and the orphan rule refuses `impl TestArg for app::Orders` (error E0117); an impl in the
/// application's library would make ddbmock a normal dependency of it. Wrap the type in a newtype
/// declared in the test crate, and take it apart in the parameter list:
///
/// ```
/// use ddbmock::operation::GetItemInput;
/// use ddbmock::testing::TestArg;
/// use ddbmock::{DynamoDb, Engine, item};
///
/// // Stands in for the application's crate: `app::Orders` is defined there, not in the tests.
/// mod app {
///     use ddbmock::operation::PutItemInput;
///     use ddbmock::{DynamoDb, item};
///
///     pub struct Orders<D>(pub D);
///
///     impl<D: DynamoDb> Orders<D> {
///         pub async fn place(&self, id: &str) -> Result<(), ddbmock::Error> {
///             let order = item! { "id" => id, "status" => "placed" };
///             self.0.put_item(PutItemInput::new("orders", order)).await.map(drop)
///         }
///     }
/// }
///
/// /// The newtype, in the test crate: implementing `TestArg` for it is allowed.
/// struct Orders(app::Orders<Engine>);
///
/// impl TestArg for Orders {
///     fn make(engine: &Engine) -> Self {
///         Orders(app::Orders(engine.clone()))
///     }
/// }
///
/// #[ddbmock::test(fixtures("tests/fixtures/orders.json"))]
/// async fn placing_an_order_stores_it(Orders(orders): Orders, db: Engine) {
///     orders.place("o-1").await.unwrap();
///     let got = db.get_item(GetItemInput::new("orders", item! { "id" => "o-1" })).await;
///     assert_eq!(got.unwrap().item.unwrap()["status"], "placed".into());
/// }
/// # fn main() {
/// #     let config = ddbmock::__rt::Config { name: "placing_an_order_stores_it",
/// #         manifest_dir: env!("CARGO_MANIFEST_DIR"), target_tmpdir: None,
/// #         fixtures: &["tests/fixtures/orders.json"], stores: &[] };
/// #     ddbmock::__rt::run(&config, __ddbmock_start_placing_an_order_stores_it);
/// # }
/// ```
///
/// Implementing it for the foreign type itself does not compile:
///
/// ```compile_fail,E0117
/// use ddbmock::Engine;
/// use ddbmock::mock::Mock;
///
/// impl ddbmock::testing::TestArg for Mock<Engine> {
///     fn make(engine: &Engine) -> Self {
///         Mock::new(engine.clone())
///     }
/// }
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be a parameter of a #[ddbmock::test] function",
    label = "not a type #[ddbmock::test] can make",
    note = "parameters can be `ddbmock::Engine`, `Arc<dyn ddbmock::DynamoDb>`, or a type that implements `ddbmock::testing::TestArg`"
)]
pub trait TestArg: Sized {
    /// Makes the parameter from the test's engine.
    fn make(engine: &Engine) -> Self;
}

impl TestArg for Engine {
    fn make(engine: &Engine) -> Self {
        engine.clone()
    }
}

impl TestArg for Arc<dyn DynamoDb> {
    fn make(engine: &Engine) -> Self {
        Arc::new(engine.clone())
    }
}

/// `#[ddbmock::test]` injects the official SDK client, on the test's engine (feature `aws`).
#[cfg(feature = "aws")]
impl TestArg for aws_sdk_dynamodb::Client {
    fn make(engine: &Engine) -> Self {
        crate::aws::client(engine)
    }
}

/// `#[ddbmock::test]` injects the official DynamoDB Streams client, on the test's engine (feature
/// `aws`): it reads the streams of what the test writes through its other parameters.
#[cfg(feature = "aws")]
impl TestArg for aws_sdk_dynamodbstreams::Client {
    fn make(engine: &Engine) -> Self {
        crate::aws::streams_client(engine)
    }
}
