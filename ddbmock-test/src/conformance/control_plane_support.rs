//! Helpers of the control-plane scenarios: a table with a global index, ARNs rewritten into other
//! regions, accounts and partitions, and waiting for a status that settles over time.

use std::future::Future;
use std::time::{Duration, Instant};

use ddbmock_core::DynamoDb;
use ddbmock_core::operation::*;

use super::support::*;

/// How long a status may take to settle: ddbmock's settle at once, DynamoDB's take a while.
const PATIENCE: Duration = Duration::from_secs(300);

/// Calls `read` until `settled` holds for its answer, and returns that answer.
#[track_caller]
pub(crate) fn eventually<T, F, Fut>(
    what: &'static str,
    mut read: F,
    settled: impl Fn(&T) -> bool,
) -> impl Future<Output = T>
where
    T: std::fmt::Debug,
    F: FnMut() -> Fut,
    Fut: Future<Output = T>,
{
    let caller = std::panic::Location::caller();
    async move {
        let began = Instant::now();
        loop {
            let answer = read().await;
            if settled(&answer) {
                return answer;
            }
            assert!(
                began.elapsed() < PATIENCE,
                "{what} not settled after {PATIENCE:?} ({caller}): {answer:?}"
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }
}

/// Creates a fresh on-demand table keyed by `pk` (S) and `sk` (N), with the global index `gsi`
/// keyed by `g` (S), waits until it is ACTIVE, and returns its name and ARN.
pub(crate) async fn table_with_index(db: &dyn DynamoDb, prefix: &str) -> (String, String) {
    let name = unique_name(prefix);
    let mut input = table_input(&name, true);
    input.provisioned_throughput = None;
    input.billing_mode = Some(BillingMode::PayPerRequest);
    input
        .attribute_definitions
        .get_or_insert_default()
        .push(def("g", ScalarAttributeType::S));
    input.global_secondary_indexes = Some(vec![GlobalSecondaryIndex {
        index_name: Some("gsi".into()),
        key_schema: Some(vec![key("g", KeyType::Hash)]),
        projection: Some(Projection {
            projection_type: Some(ProjectionType::All),
            non_key_attributes: None,
        }),
        ..Default::default()
    }]);
    db.create_table(input).await.expect("create table");
    until_active(db, &name).await;
    let arn = describe(db, &name).await.table_arn.expect("a table ARN");
    (name, arn)
}

/// The parts of an ARN `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`.
pub(crate) struct Arn<'a> {
    pub(crate) partition: &'a str,
    pub(crate) region: &'a str,
    pub(crate) account: &'a str,
    service: &'a str,
    resource: &'a str,
}

impl<'a> Arn<'a> {
    /// The parts of `arn`, which DescribeTable gave.
    #[track_caller]
    pub(crate) fn parse(arn: &'a str) -> Self {
        let parts: Vec<&str> = arn.splitn(6, ':').collect();
        match parts[..] {
            ["arn", partition, service, region, account, resource] => Arn {
                partition,
                region,
                account,
                service,
                resource,
            },
            _ => panic!("not an ARN: {arn}"),
        }
    }

    /// The same ARN in a region other than its own.
    pub(crate) fn in_other_region(&self) -> String {
        let other = if self.region == "eu-west-1" {
            "us-west-2"
        } else {
            "eu-west-1"
        };
        self.with(self.partition, other, self.account)
    }

    /// The same ARN in an account other than its own.
    pub(crate) fn in_other_account(&self) -> String {
        let other = if self.account == "111111111111" {
            "222222222222"
        } else {
            "111111111111"
        };
        self.with(self.partition, self.region, other)
    }

    /// The same ARN in a partition other than its own.
    pub(crate) fn in_other_partition(&self) -> String {
        let other = if self.partition == "aws-cn" {
            "aws"
        } else {
            "aws-cn"
        };
        self.with(other, self.region, self.account)
    }

    fn with(&self, partition: &str, region: &str, account: &str) -> String {
        format!(
            "arn:{partition}:{}:{region}:{account}:{}",
            self.service, self.resource
        )
    }
}
