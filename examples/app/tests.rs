//! The order service's tests: a fresh engine per test, fixtures, a property, and injected faults.

use std::sync::Arc;

use ddbmock::mock::{Mock, Operation};
use ddbmock::{DynamoDb, Engine, Error};
use proptest::prelude::*;
use proptest::test_runner::TestCaseError;

use crate::orders::{Order, OrderService};

fn order(id: &str, total_cents: u64) -> Order {
    Order {
        id: id.into(),
        customer: "ada".into(),
        total_cents,
    }
}

fn throttled() -> Error {
    Error::ProvisionedThroughputExceeded(
        "The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API.".into(),
    )
}

#[ddbmock::test]
async fn a_placed_order_can_be_read_back(db: Engine) -> Result<(), Error> {
    let service = OrderService::new(db);
    service.create_table().await?;
    service.place(&order("o-1", 1250)).await?;
    assert_eq!(service.get("o-1").await?, Some(order("o-1", 1250)));
    assert_eq!(service.get("o-2").await?, None);
    Ok(())
}

#[ddbmock::test(fixtures("examples/app/fixtures/orders.json"))]
async fn fixture_orders_are_there(db: Arc<dyn DynamoDb>) -> Result<(), Error> {
    let service = OrderService::new(db);
    let grace = service.get("o-101").await?;
    assert_eq!(
        grace.map(|o| (o.customer, o.total_cents)),
        Some(("grace".into(), 990))
    );
    Ok(())
}

#[ddbmock::test]
async fn throttled_writes_are_retried(db: Engine) -> Result<(), Error> {
    OrderService::new(db.clone()).create_table().await?;
    // The first two PutItems are throttled, as DynamoDB does under a burst.
    let mock = Mock::new(db).fail_when(
        |c| c.is(Operation::PutItem) && c.operation_index <= 2,
        throttled(),
    );
    let service = OrderService::new(mock);
    service.place(&order("o-1", 500)).await?;
    assert_eq!(service.db().calls_to(Operation::PutItem).len(), 3);
    assert_eq!(service.get("o-1").await?, Some(order("o-1", 500)));
    Ok(())
}

#[ddbmock::test]
async fn retries_give_up_after_the_budget(db: Engine) -> Result<(), Error> {
    OrderService::new(db.clone()).create_table().await?;
    let mock = Mock::new(db).fail_when(|c| c.is(Operation::PutItem), throttled());
    let service = OrderService::new(mock);
    assert_eq!(service.place(&order("o-1", 500)).await, Err(throttled()));
    assert_eq!(service.db().calls_to(Operation::PutItem).len(), 4);
    Ok(())
}

#[ddbmock::test]
async fn validation_errors_are_not_retried(db: Engine) -> Result<(), Error> {
    // No table: DynamoDB says so once, and retrying cannot help.
    let service = OrderService::new(Mock::new(db));
    let e = service.place(&order("o-1", 1)).await.unwrap_err();
    assert_eq!(e.type_name(), "ResourceNotFoundException");
    assert_eq!(service.db().calls().len(), 1);
    Ok(())
}

#[ddbmock::test]
async fn an_import_resends_unprocessed_orders(db: Engine) -> Result<(), Error> {
    OrderService::new(db.clone()).create_table().await?;
    // Half of each batch comes back unprocessed, and one batch call fails outright once.
    let mock = Mock::new(db.clone()).unprocessed(0.5, 2026).fail_nth(
        2,
        Error::InternalServerError("Internal server error".into()),
    );
    let service = OrderService::new(mock);
    let orders: Vec<Order> = (0..60).map(|i| order(&format!("o-{i}"), i)).collect();
    assert_eq!(service.import(&orders).await?, 60);
    assert!(service.db().calls_to(Operation::BatchWriteItem).len() > 3);
    let direct = OrderService::new(db);
    for o in &orders {
        assert_eq!(direct.get(&o.id).await?.as_ref(), Some(o));
    }
    Ok(())
}

/// Whatever the id, customer and total, an order reads back as it was placed; each case gets its own
/// fork of the test's engine.
#[ddbmock::test(proptest(cases = 64))]
async fn any_order_round_trips(
    db: Engine,
    #[strategy("[a-z0-9-]{1,40}")] id: String,
    #[strategy("\\PC{1,20}")] customer: String,
    #[strategy(any::<u64>())] total_cents: u64,
) -> Result<(), TestCaseError> {
    let placed = Order {
        id,
        customer,
        total_cents,
    };
    let service = OrderService::new(db);
    service.create_table().await?;
    service.place(&placed).await?;
    prop_assert_eq!(service.get(&placed.id).await?, Some(placed));
    Ok(())
}
