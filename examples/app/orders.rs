//! The order service: one table, `orders`, keyed by order id.

use std::collections::HashMap;

use ddbmock::model::{AttributeValue, Item};
use ddbmock::operation::*;
use ddbmock::{DynamoDb, Error};

use crate::retry::Retry;

/// The table the service owns.
pub(crate) const TABLE: &str = "orders";

/// An order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Order {
    /// The order's id: the table's key.
    pub(crate) id: String,
    /// Who placed it.
    pub(crate) customer: String,
    /// What it costs, in cents (a number in DynamoDB).
    pub(crate) total_cents: u64,
}

impl Order {
    fn to_item(&self) -> Item {
        Item::from([
            ("id".to_owned(), AttributeValue::S(self.id.clone())),
            (
                "customer".to_owned(),
                AttributeValue::S(self.customer.clone()),
            ),
            (
                "total_cents".to_owned(),
                AttributeValue::N(self.total_cents.to_string()),
            ),
        ])
    }

    fn from_item(item: &Item) -> Option<Order> {
        Some(Order {
            id: item.get("id")?.as_s()?.to_owned(),
            customer: item.get("customer")?.as_s()?.to_owned(),
            total_cents: item.get("total_cents")?.as_n()?.parse().ok()?,
        })
    }
}

/// Orders over any DynamoDB: the engine in tests, the AWS SDK in production.
pub(crate) struct OrderService<D> {
    db: D,
    retry: Retry,
}

impl<D: DynamoDb> OrderService<D> {
    /// A service over `db`, with the default retry policy.
    pub(crate) fn new(db: D) -> Self {
        OrderService {
            db,
            retry: Retry::default(),
        }
    }

    /// The service's DynamoDB (tests inspect a mock through it).
    #[cfg(test)]
    pub(crate) fn db(&self) -> &D {
        &self.db
    }

    /// Creates the `orders` table.
    pub(crate) async fn create_table(&self) -> Result<(), Error> {
        self.db
            .create_table(CreateTableInput {
                table_name: Some(TABLE.into()),
                attribute_definitions: Some(vec![AttributeDefinition {
                    attribute_name: Some("id".into()),
                    attribute_type: Some(ScalarAttributeType::S),
                }]),
                key_schema: Some(vec![KeySchemaElement {
                    attribute_name: Some("id".into()),
                    key_type: Some(KeyType::Hash),
                }]),
                billing_mode: Some(BillingMode::PayPerRequest),
                ..Default::default()
            })
            .await?;
        Ok(())
    }

    /// Stores an order, retrying throttling.
    pub(crate) async fn place(&self, order: &Order) -> Result<(), Error> {
        self.retry
            .run(|| {
                self.db.put_item(PutItemInput {
                    table_name: Some(TABLE.into()),
                    item: Some(order.to_item()),
                    ..Default::default()
                })
            })
            .await?;
        Ok(())
    }

    /// The order with id `id`, if any.
    pub(crate) async fn get(&self, id: &str) -> Result<Option<Order>, Error> {
        let out = self
            .retry
            .run(|| {
                self.db.get_item(GetItemInput {
                    table_name: Some(TABLE.into()),
                    key: Some(Item::from([(
                        "id".to_owned(),
                        AttributeValue::S(id.to_owned()),
                    )])),
                    consistent_read: Some(true),
                    ..Default::default()
                })
            })
            .await?;
        Ok(out.item.as_ref().and_then(Order::from_item))
    }

    /// Writes `orders` in batches of 25, resending what DynamoDB leaves unprocessed until every order
    /// is written or the retry budget of a batch runs out; returns how many were written.
    pub(crate) async fn import(&self, orders: &[Order]) -> Result<usize, Error> {
        for chunk in orders.chunks(25) {
            let mut pending: Vec<WriteRequest> = chunk
                .iter()
                .map(|o| WriteRequest {
                    put_request: Some(PutRequest {
                        item: Some(o.to_item()),
                    }),
                    ..Default::default()
                })
                .collect();
            let mut attempt = 1;
            while !pending.is_empty() {
                let requests = HashMap::from([(TABLE.to_owned(), std::mem::take(&mut pending))]);
                let out = self
                    .retry
                    .run(|| {
                        self.db.batch_write_item(BatchWriteItemInput {
                            request_items: Some(requests.clone()),
                            ..Default::default()
                        })
                    })
                    .await?;
                pending = out
                    .unprocessed_items
                    .and_then(|mut u| u.remove(TABLE))
                    .unwrap_or_default();
                if !pending.is_empty() {
                    if attempt >= self.retry.attempts * 4 {
                        return Err(Error::ProvisionedThroughputExceeded(format!(
                            "{} orders still unprocessed after {attempt} batches",
                            pending.len()
                        )));
                    }
                    tokio::time::sleep(self.retry.delay(attempt.min(4))).await;
                    attempt += 1;
                }
            }
        }
        Ok(orders.len())
    }
}
