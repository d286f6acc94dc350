//! A small order service coded against the `DynamoDb` trait, with its tests: `#[ddbmock::test]`,
//! fixtures, a property test, and fault injection of its retry logic with `ddbmock::mock::Mock`.
//!
//! Run it with `cargo run --example app`; test it with `cargo test --example app`.

mod orders;
mod retry;
#[cfg(test)]
mod tests;

use ddbmock::Engine;
use orders::{Order, OrderService};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), ddbmock::Error> {
    // Production would pass an adapter over the AWS SDK; the service cannot tell the difference.
    let service = OrderService::new(Engine::memory());
    service.create_table().await?;
    service
        .place(&Order {
            id: "o-1".into(),
            customer: "ada".into(),
            total_cents: 1250,
        })
        .await?;
    let imported = service
        .import(&[
            Order {
                id: "o-2".into(),
                customer: "grace".into(),
                total_cents: 990,
            },
            Order {
                id: "o-3".into(),
                customer: "ada".into(),
                total_cents: 4200,
            },
        ])
        .await?;
    let first = service.get("o-1").await?;
    println!("placed {first:?}, imported {imported} more");
    Ok(())
}
