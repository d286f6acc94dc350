//! The bridge's retries (feature `aws`): the SDK's own retry strategy, without its wait between
//! attempts, so a test of throttling costs microseconds rather than the seconds of backoff a real
//! client sleeps.
#![cfg(feature = "aws")]

use std::sync::Arc;
use std::time::{Duration, Instant};

use aws_sdk_dynamodb::config::retry::RetryConfig;
use ddbmock::mock::{Mock, Operation, errors, ops};
use ddbmock::{DynamoDb, Engine};

/// A client on `db` allowed `attempts` attempts per call, with the bridge's other settings.
fn client(db: Arc<dyn DynamoDb>, attempts: u32) -> aws_sdk_dynamodb::Client {
    let config = ddbmock::aws::config_for(db)
        .to_builder()
        .retry_config(ddbmock::aws::retry_config().with_max_attempts(attempts))
        .build();
    aws_sdk_dynamodb::Client::from_conf(config)
}

#[tokio::test]
async fn three_throttled_attempts_then_success_take_no_wall_time() {
    let mock = Arc::new(
        Mock::new(Engine::memory())
            .fail_first_of::<ops::ListTables>(3, errors::provisioned_throughput_exceeded()),
    );
    let client = client(mock.clone(), 4);
    // The first call pays for the client's one-time setup (endpoint resolver, interceptors), not
    // for retries: it goes first, through a different operation, so the measure is the retries'.
    client.describe_limits().send().await.unwrap();

    let start = Instant::now();
    let output = client.list_tables().send().await.unwrap();
    let elapsed = start.elapsed();

    assert!(output.table_names().is_empty());
    assert_eq!(
        mock.calls_to(Operation::ListTables).len(),
        4,
        "three throttled attempts, then the fourth"
    );
    println!("4 attempts, 3 of them throttled: {elapsed:?}");
    // Under 10 ms on an idle machine; the bound leaves room for a loaded CI runner, and is still
    // far below the one second the SDK's first backoff alone may take.
    assert!(elapsed < Duration::from_millis(100), "{elapsed:?}");
}

#[tokio::test]
async fn every_retryable_error_is_retried_without_waiting() {
    for error in [
        errors::throttling(),
        errors::provisioned_throughput_exceeded(),
        errors::request_limit_exceeded(),
        errors::internal_server_error(),
    ] {
        let name = error.type_name();
        let mock = Arc::new(Mock::new(Engine::memory()).fail_first_of::<ops::ListTables>(2, error));
        let client = client(mock.clone(), 3);
        let start = Instant::now();
        client
            .list_tables()
            .send()
            .await
            .unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert_eq!(mock.calls_to(Operation::ListTables).len(), 3, "{name}");
        assert!(start.elapsed() < Duration::from_millis(100), "{name}");
    }
}

#[tokio::test]
async fn the_sdks_attempts_run_out_as_in_production() {
    // The default configuration keeps the SDK's standard three attempts; only the wait is gone.
    let mock = Arc::new(
        Mock::new(Engine::memory()).fail_first_of::<ops::ListTables>(3, errors::throttling()),
    );
    let db = ddbmock::aws::Sdk::new(ddbmock::aws::client_for(mock.clone()));
    let start = Instant::now();
    let error = db.list_tables(Default::default()).await.unwrap_err();
    assert_eq!(error, errors::throttling());
    assert_eq!(mock.calls_to(Operation::ListTables).len(), 3);
    assert!(start.elapsed() < Duration::from_millis(100));
    // The next call goes through: the three failures were the mock's whole budget.
    assert!(db.list_tables(Default::default()).await.is_ok());
}

#[tokio::test]
async fn a_non_retryable_error_is_not_retried() {
    // Neither is a transaction conflict: the Rust SDK leaves it to the application.
    for error in [
        errors::conditional_check_failed(),
        errors::transaction_conflict(),
    ] {
        let mock = Arc::new(
            Mock::new(Engine::memory()).fail_first_of::<ops::ListTables>(1, error.clone()),
        );
        let db = ddbmock::aws::Sdk::new(ddbmock::aws::client_for(mock.clone()));
        assert_eq!(db.list_tables(Default::default()).await.unwrap_err(), error);
        assert_eq!(mock.calls_to(Operation::ListTables).len(), 1);
    }
}

#[tokio::test]
async fn the_backoff_is_the_sdks_again_when_configured() {
    let config = ddbmock::aws::config(&Engine::memory());
    let retry = config.retry_config().unwrap();
    assert_eq!(retry.initial_backoff(), Duration::ZERO);
    assert_eq!(retry.max_attempts(), RetryConfig::standard().max_attempts());

    // `.to_builder()` restores production's backoff for a test that wants to see it.
    let production = config
        .to_builder()
        .retry_config(RetryConfig::standard())
        .build();
    assert_eq!(
        production.retry_config().unwrap().initial_backoff(),
        Duration::from_secs(1)
    );
}

#[tokio::test]
async fn each_client_has_its_own_retry_quota() {
    // The SDK's retry quota (500 tokens, 5 per throttled retry, given back only by a success) would
    // be shared by every client of the process; exhausted by the calls below, it would leave the
    // next client no retries at all.
    let always = || {
        Arc::new(
            Mock::new(Engine::memory())
                .fail_when(|call| call.is(Operation::ListTables), errors::throttling()),
        )
    };
    let exhausting = client(always(), 10);
    for _ in 0..15 {
        // 9 retries of 5 tokens each: 675 tokens over the 15 calls, more than a bucket holds.
        assert!(exhausting.list_tables().send().await.is_err());
    }

    let mock = Arc::new(
        Mock::new(Engine::memory()).fail_first_of::<ops::ListTables>(2, errors::throttling()),
    );
    let fresh = client(mock.clone(), 3);
    fresh.list_tables().send().await.unwrap();
    assert_eq!(mock.calls_to(Operation::ListTables).len(), 3);
}
