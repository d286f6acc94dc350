//! `TestArg` for a type of another crate, from a test crate: through a newtype, as its docs show
//! (the orphan rule refuses the direct impl).

use ddbmock::mock::{Mock, errors, ops};
use ddbmock::operation::{GetItemInput, PutItemInput};
use ddbmock::testing::TestArg;
use ddbmock::{DynamoDb, Engine, item};

/// A client that throttles its first PutItem, on the test's engine: `Mock` is foreign here, so the
/// newtype is what may implement `TestArg`.
struct Throttled(Mock<Engine>);

impl TestArg for Throttled {
    fn make(engine: &Engine) -> Self {
        Throttled(Mock::new(engine.clone()).fail_first_of::<ops::PutItem>(1, errors::throttling()))
    }
}

#[ddbmock::test(stores(memory, sqlite), fixtures("tests/fixtures/orders.json"))]
async fn a_newtype_parameter_is_made_on_the_tests_engine(Throttled(client): Throttled, db: Engine) {
    let put = || client.put_item(PutItemInput::new("orders", item! { "id" => "o-1" }));
    assert_eq!(put().await.unwrap_err(), errors::throttling());
    put().await.unwrap();
    // Written through the newtype's client, read through the engine parameter: the same engine.
    let got = db
        .get_item(GetItemInput::new("orders", item! { "id" => "o-1" }))
        .await
        .unwrap();
    assert_eq!(got.item, Some(item! { "id" => "o-1" }));
}
