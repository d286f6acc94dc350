//! Trait-level mocking: [`Mock`] wraps any [`DynamoDb`] and injects faults, partial batches, latency
//! and replacement answers, recording every call, so a test can drive an application's error paths.
//!
//! ```
//! use ddbmock::mock::{Mock, Operation, ops};
//! use ddbmock::operation::*;
//! use ddbmock::{DynamoDb, Engine, Error};
//!
//! # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
//! let mock = Mock::new(Engine::memory())
//!     // The first two PutItem calls are throttled; the third goes through.
//!     .fail_when(
//!         |call| call.is(Operation::PutItem) && call.operation_index <= 2,
//!         Error::ProvisionedThroughputExceeded("Rate exceeded".into()),
//!     )
//!     // DescribeLimits answers what the test says; everything else reaches the engine.
//!     .replace::<ops::DescribeLimits>(|_| {
//!         Ok(DescribeLimitsOutput { table_max_read_capacity_units: Some(5), ..Default::default() })
//!     });
//! let limits = mock.describe_limits(DescribeLimitsInput::default()).await.unwrap();
//! assert_eq!(limits.table_max_read_capacity_units, Some(5));
//! assert_eq!(mock.calls()[0].operation, Operation::DescribeLimits);
//! # });
//! ```
//!
//! Faults name their calls by position among all calls ([`fail_nth`](Mock::fail_nth)), by position
//! among one operation's calls ([`fail_nth_of`](Mock::fail_nth_of),
//! [`fail_first_of`](Mock::fail_first_of)), or by predicate ([`fail_when`](Mock::fail_when)); the
//! operation is the marker type of [`ops`], as in [`replace`](Mock::replace) and
//! [`latency_of`](Mock::latency_of). [`errors`] has DynamoDB's throttling, conditional-check,
//! transaction-conflict and internal errors with DynamoDB's texts.
//!
//! Everything is deterministic: faults match on call positions or predicates, and the one random
//! choice (which batch requests to hold back) comes from a seed.

mod batch;
mod call;
mod dispatch;
pub mod errors;
pub mod ops;
mod rng;

use std::any::Any;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

pub use crate::operations::Operation;
pub use call::Call;
use rng::Rng;

use crate::{DynamoDb, Error, Result};

/// A replacement answer for operation `O`.
type Handler<O> = Arc<
    dyn Fn(<O as ops::Operation>::Input) -> Result<<O as ops::Operation>::Output> + Send + Sync,
>;

/// Which calls a fault fails.
enum Matcher {
    /// The call at this position among all calls, from 1.
    Nth(usize),
    /// The call at this position among the calls of one operation, from 1.
    NthOf(Operation, usize),
    /// The calls of one operation up to this position, from 1.
    FirstOf(Operation, usize),
    /// Every call the predicate accepts.
    When(Box<dyn Fn(&Call) -> bool + Send + Sync>),
}

struct Fault {
    matcher: Matcher,
    error: Error,
}

/// The mutable part of a mock, behind one lock: calls are recorded and the generator drawn from in
/// one place, so that concurrent calls still get distinct positions and a reproducible draw order.
struct State {
    calls: Vec<Call>,
    per_operation: HashMap<Operation, usize>,
    rng: Rng,
}

/// A [`DynamoDb`] that wraps another one (an [`Engine`](crate::Engine), or anything implementing the
/// trait) and lets a test change what its calls do.
///
/// For each call, in order: the call is recorded ([`calls`](Mock::calls)); the [latency](Mock::latency)
/// passes; the first [fault](Mock::fail_nth) that matches fails it; a [replacement](Mock::replace)
/// answers it; [batches](Mock::unprocessed) hold back some of their requests; the rest goes to the
/// wrapped implementation.
pub struct Mock<D> {
    inner: D,
    faults: Vec<Fault>,
    replacements: HashMap<Operation, Box<dyn Any + Send + Sync>>,
    unprocessed: f64,
    latency: Duration,
    /// Latencies that replace [`Mock::latency`] for one operation each.
    latencies: HashMap<Operation, Duration>,
    state: Mutex<State>,
}

impl<D: DynamoDb> Mock<D> {
    /// Wraps `inner`; until configured, the mock only records calls.
    pub fn new(inner: D) -> Self {
        Mock {
            inner,
            faults: Vec::new(),
            replacements: HashMap::new(),
            unprocessed: 0.0,
            latency: Duration::ZERO,
            latencies: HashMap::new(),
            state: Mutex::new(State {
                calls: Vec::new(),
                per_operation: HashMap::new(),
                rng: Rng::new(0),
            }),
        }
    }

    /// Fails the `n`th call through the mock (counting from 1, every operation counted) with `error`.
    #[must_use]
    pub fn fail_nth(mut self, n: usize, error: Error) -> Self {
        self.faults.push(Fault {
            matcher: Matcher::Nth(n),
            error,
        });
        self
    }

    /// Fails the `n`th call of operation `O` (counting from 1, only that operation's calls counted)
    /// with `error`: "the second PutItem is throttled", whatever else the code calls in between.
    ///
    /// ```
    /// use ddbmock::mock::{Mock, errors, ops};
    /// use ddbmock::operation::*;
    /// use ddbmock::{DynamoDb, Engine};
    ///
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// let mock = Mock::new(Engine::memory())
    ///     .fail_nth_of::<ops::ListTables>(2, errors::throttling());
    /// let list = || mock.list_tables(ListTablesInput::default());
    /// assert!(list().await.is_ok());
    /// // Other operations do not count.
    /// assert!(mock.describe_limits(DescribeLimitsInput::default()).await.is_ok());
    /// assert_eq!(list().await.unwrap_err(), errors::throttling());
    /// assert!(list().await.is_ok());
    /// # });
    /// ```
    #[must_use]
    pub fn fail_nth_of<O: ops::Operation>(mut self, n: usize, error: Error) -> Self {
        self.faults.push(Fault {
            matcher: Matcher::NthOf(O::OPERATION, n),
            error,
        });
        self
    }

    /// Fails the first `count` calls of operation `O` with `error`; the calls after them go
    /// through. A retry loop that must outlast `count` throttled attempts is the usual case.
    ///
    /// ```
    /// use ddbmock::mock::{Mock, errors, ops};
    /// use ddbmock::operation::ListTablesInput;
    /// use ddbmock::{DynamoDb, Engine};
    ///
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// let mock = Mock::new(Engine::memory())
    ///     .fail_first_of::<ops::ListTables>(3, errors::provisioned_throughput_exceeded());
    /// let mut attempts = 1;
    /// while mock.list_tables(ListTablesInput::default()).await.is_err() {
    ///     attempts += 1;
    /// }
    /// assert_eq!(attempts, 4);
    /// # });
    /// ```
    #[must_use]
    pub fn fail_first_of<O: ops::Operation>(mut self, count: usize, error: Error) -> Self {
        self.faults.push(Fault {
            matcher: Matcher::FirstOf(O::OPERATION, count),
            error,
        });
        self
    }

    /// Fails every call that `predicate` accepts with `error`. [`Call::operation_index`] lets a
    /// predicate fail only the first few calls of an operation.
    #[must_use]
    pub fn fail_when(
        mut self,
        predicate: impl Fn(&Call) -> bool + Send + Sync + 'static,
        error: Error,
    ) -> Self {
        self.faults.push(Fault {
            matcher: Matcher::When(Box::new(predicate)),
            error,
        });
        self
    }

    /// Makes `BatchWriteItem` and `BatchGetItem` hold back each request with probability
    /// `probability`, returning it in `UnprocessedItems` / `UnprocessedKeys`, as DynamoDB does under
    /// load. The requests held back are drawn from `seed`: the same seed and calls give the same
    /// answers.
    #[must_use]
    pub fn unprocessed(mut self, probability: f64, seed: u64) -> Self {
        self.unprocessed = probability;
        self.state_mut().rng = Rng::new(seed);
        self
    }

    /// Delays every call by `latency` (on the tokio timer, so a paused test clock skips it), except
    /// the operations given their own with [`latency_of`](Mock::latency_of).
    #[must_use]
    pub fn latency(mut self, latency: Duration) -> Self {
        self.latency = latency;
        self
    }

    /// Delays every call of operation `O` by `latency`, instead of the [`latency`](Mock::latency)
    /// of all calls (the two do not add up), on the tokio timer.
    ///
    /// ```
    /// use std::time::{Duration, Instant};
    /// use ddbmock::mock::{Mock, ops};
    /// use ddbmock::operation::*;
    /// use ddbmock::{DynamoDb, Engine};
    ///
    /// # tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap().block_on(async {
    /// let mock = Mock::new(Engine::memory())
    ///     .latency_of::<ops::ListTables>(Duration::from_millis(30));
    /// mock.describe_limits(DescribeLimitsInput::default()).await.unwrap(); // no latency
    /// let start = Instant::now();
    /// mock.list_tables(ListTablesInput::default()).await.unwrap();
    /// assert!(start.elapsed() >= Duration::from_millis(30));
    /// # });
    /// ```
    #[must_use]
    pub fn latency_of<O: ops::Operation>(mut self, latency: Duration) -> Self {
        self.latencies.insert(O::OPERATION, latency);
        self
    }

    /// Answers every call of operation `O` with `handler` instead of the wrapped implementation.
    #[must_use]
    pub fn replace<O: ops::Operation>(
        mut self,
        handler: impl Fn(O::Input) -> Result<O::Output> + Send + Sync + 'static,
    ) -> Self {
        let handler: Handler<O> = Arc::new(handler);
        self.replacements.insert(O::OPERATION, Box::new(handler));
        self
    }

    /// The wrapped implementation.
    pub fn inner(&self) -> &D {
        &self.inner
    }

    /// Every call made so far, in order.
    pub fn calls(&self) -> Vec<Call> {
        self.state().calls.clone()
    }

    /// The calls of one operation, in order.
    pub fn calls_to(&self, operation: Operation) -> Vec<Call> {
        self.state()
            .calls
            .iter()
            .filter(|c| c.is(operation))
            .cloned()
            .collect()
    }

    fn state(&self) -> MutexGuard<'_, State> {
        // A panic elsewhere while recording leaves the record usable; the test fails on that panic.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    fn state_mut(&mut self) -> &mut State {
        self.state.get_mut().unwrap_or_else(PoisonError::into_inner)
    }

    /// Records the call, waits out the latency, applies the first matching fault, and returns the
    /// replacement for `O` if there is one.
    async fn before<O: ops::Operation>(&self, input: &O::Input) -> Result<Option<Handler<O>>> {
        let call = {
            let mut state = self.state();
            let per = state.per_operation.entry(O::OPERATION).or_default();
            *per += 1;
            let per = *per;
            let call = Call {
                index: state.calls.len() + 1,
                operation_index: per,
                operation: O::OPERATION,
                // The operation structs are the wire JSON, so this cannot fail; a record of `null`
                // beats failing the call if it ever did.
                request: serde_json::to_value(input).unwrap_or_default(),
            };
            state.calls.push(call.clone());
            call
        };
        let latency = self
            .latencies
            .get(&O::OPERATION)
            .copied()
            .unwrap_or(self.latency);
        // No timer at all for no latency: even a zero sleep waits for the timer's next tick.
        if !latency.is_zero() {
            tokio::time::sleep(latency).await;
        }
        let failed = self.faults.iter().find(|f| match &f.matcher {
            Matcher::Nth(n) => call.index == *n,
            Matcher::NthOf(op, n) => call.is(*op) && call.operation_index == *n,
            Matcher::FirstOf(op, count) => call.is(*op) && call.operation_index <= *count,
            Matcher::When(predicate) => predicate(&call),
        });
        if let Some(fault) = failed {
            return Err(fault.error.clone());
        }
        Ok(self
            .replacements
            .get(&O::OPERATION)
            .and_then(|h| h.downcast_ref::<Handler<O>>())
            .cloned())
    }
}

impl<D> std::fmt::Debug for Mock<D> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Mock")
            .field("faults", &self.faults.len())
            .field("replaced", &self.replacements.keys().collect::<Vec<_>>())
            .field("unprocessed", &self.unprocessed)
            .field("latency", &self.latency)
            .field("latencies", &self.latencies)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests;
