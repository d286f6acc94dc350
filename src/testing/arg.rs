//! [`TestArg`]: how `#[ddbmock::test]` makes each parameter of a test from the test's engine.

use std::sync::Arc;

use crate::{DynamoDb, Engine};

/// A type a `#[ddbmock::test]` function can take as a parameter, made from the test's fresh engine.
///
/// Every parameter of one test is made from the same engine, so `db: Engine, dyn_db: Arc<dyn DynamoDb>`
/// see the same tables. Implement it to inject your own handle type (an application's repository, a
/// client wired to the engine):
///
/// ```
/// use ddbmock::Engine;
/// use ddbmock::testing::TestArg;
///
/// /// The application's repository, over any DynamoDB.
/// struct Orders(Engine);
///
/// impl TestArg for Orders {
///     fn make(engine: &Engine) -> Self {
///         Orders(engine.clone())
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
