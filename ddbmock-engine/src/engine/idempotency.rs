//! `ClientRequestToken`s of TransactWriteItems: a token seen with a request is bound to that request
//! for 10 minutes after it completed, on the engine's clock.
//!
//! Only a transaction that committed binds its token: one that failed changed nothing, so sending it
//! again is a new attempt, as DynamoDB treats it.

use std::collections::HashMap;
use std::time::{Duration, SystemTime};

use parking_lot::Mutex;

use ddbmock_core::error::{Result, msg};
use ddbmock_core::operation::{
    ReturnItemCollectionMetrics, TransactWriteItem, TransactWriteItemsOutput,
};

/// How long a token stays bound after its request completed.
pub(crate) const WINDOW: Duration = Duration::from_secs(10 * 60);

/// What identifies a request for idempotency: everything that decides what it writes.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Fingerprint {
    pub(crate) items: Vec<TransactWriteItem>,
    pub(crate) metrics: Option<ReturnItemCollectionMetrics>,
}

enum State {
    /// The first request with this token is being applied now.
    Running,
    /// It committed at `at`, answering `output`.
    Done {
        at: SystemTime,
        output: TransactWriteItemsOutput,
    },
}

struct Entry {
    request: Fingerprint,
    state: State,
}

/// The tokens of one engine.
#[derive(Default)]
pub(crate) struct Tokens {
    entries: Mutex<HashMap<String, Entry>>,
}

/// What to do with a request carrying a token.
pub(crate) enum Claim {
    /// Apply it; report the outcome with [`Tokens::finish`].
    Run,
    /// It was applied already: answer this again, without writing.
    Replay(TransactWriteItemsOutput),
}

impl Tokens {
    /// Binds `token` to `request` for as long as it runs, or finds the earlier outcome.
    pub(crate) fn claim(
        &self,
        token: &str,
        request: &Fingerprint,
        now: SystemTime,
    ) -> Result<Claim> {
        let mut entries = self.entries.lock();
        entries.retain(|_, e| match e.state {
            State::Running => true,
            State::Done { at, .. } => now < at + WINDOW,
        });
        if let Some(e) = entries.get(token) {
            if e.request != *request {
                return Err(msg::transact::idempotent_parameter_mismatch());
            }
            return match &e.state {
                State::Running => Err(msg::transact::transaction_in_progress()),
                State::Done { output, .. } => Ok(Claim::Replay(output.clone())),
            };
        }
        entries.insert(
            token.to_owned(),
            Entry {
                request: request.clone(),
                state: State::Running,
            },
        );
        Ok(Claim::Run)
    }

    /// Records the outcome of a claimed token: a committed output binds it, a failure frees it.
    pub(crate) fn finish(
        &self,
        token: &str,
        outcome: Option<&TransactWriteItemsOutput>,
        now: SystemTime,
    ) {
        let mut entries = self.entries.lock();
        match outcome {
            Some(output) => {
                if let Some(e) = entries.get_mut(token) {
                    e.state = State::Done {
                        at: now,
                        output: output.clone(),
                    };
                }
            }
            None => {
                entries.remove(token);
            }
        }
    }
}
