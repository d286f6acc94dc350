//! Applying planned actions: one at a time (PutItem, UpdateItem, DeleteItem), or together, their
//! items locked at once, committed as one storage batch and their item collections' growth checked
//! as a whole (TransactWriteItems, all or nothing; BatchWriteItem, each request standing alone).

use std::sync::Arc;

use super::{Action, Change, Touched};
use crate::engine::item_collections::Refused;
use crate::engine::streams::Origin;
use crate::engine::table::Table;
use crate::engine::{Engine, billing};
use crate::storage::SpaceId;
use ddbmock_core::error::{CancellationReason, Error, Result, msg};
use ddbmock_core::model::Item;

/// An applied action: the key it named (empty for a put), its item's change (stored unless it
/// changed nothing), and what an update wrote.
pub(crate) struct Applied {
    pub(crate) key: Item,
    pub(crate) change: Change,
    pub(crate) touched: Touched,
}

/// One action applied with others: its item's change, and whether it went to the store (a
/// condition check, or a delete of a missing item, changes nothing).
pub(crate) struct Outcome {
    pub(crate) change: Change,
    pub(crate) stored: bool,
}

/// How actions applied together treat the items other transactions are writing, and failures.
pub(crate) enum Together {
    /// All or nothing: a busy item, a failed condition or a full item collection cancels the whole
    /// transaction, with one reason per action.
    Transaction,
    /// Each action stands alone: those on busy items are left out (the positions are returned), and
    /// the others are applied; a full item collection fails the call with nothing written.
    Batch,
}

impl Engine {
    /// Applies one action (PutItem, UpdateItem, DeleteItem): locks its item, reads it, checks the
    /// condition (a failed one is billed, as DynamoDB bills it), and commits the change unless it
    /// changes nothing. `TransactionConflictException` when a transaction is writing the item.
    pub(crate) fn apply_one(&self, action: Action) -> Result<Applied> {
        let _lock = self.lock_item(action.table.space, &action.storage_key)?;
        self.apply_locked(action)
    }

    /// The time-to-live process's deletion of the item at `key` in `table`, if it is there and
    /// `still_expired` holds of it under its lock; recorded as the TTL service's stream record, not
    /// billed. The engine's own work is no request: it waits for a transaction on the item instead
    /// of conflicting with it.
    pub(crate) fn expire(
        &self,
        table: &Arc<Table>,
        key: Vec<u8>,
        still_expired: impl Fn(&Item) -> bool,
    ) -> Result<bool> {
        let _lock = self.lock_item_waiting(table.space, &key);
        let Some(old) = self.read(table, &key)? else {
            return Ok(false);
        };
        if !still_expired(&old) {
            return Ok(false);
        }
        let change = Change::new(table.clone(), key, Some(old), None);
        self.commit_as(std::slice::from_ref(&change), Origin::TimeToLive)?;
        Ok(true)
    }

    fn apply_locked(&self, action: Action) -> Result<Applied> {
        let table = &action.table;
        let old = self.read(table, &action.storage_key)?;
        let (new, touched) = match action.evaluate(old.as_ref()) {
            Ok(done) => done,
            Err(e) => {
                if matches!(e, Error::ConditionalCheckFailed { .. }) {
                    // A write whose condition fails still consumes write capacity.
                    self.bill(&billing::failed_write_consumed(table, old.as_deref()), None);
                }
                return Err(e);
            }
        };
        let change = Change::new(action.table, action.storage_key, old, new);
        if change.old.is_some() || change.new.is_some() {
            self.commit(std::slice::from_ref(&change))?;
        }
        Ok(Applied {
            key: action.key,
            change,
            touched,
        })
    }

    /// Applies `actions` together: locks all their items, evaluates each against its item, and
    /// commits every change as one storage batch, the item collections' growth reserved as a whole.
    /// Returns one entry per action, in order: `None` for an action left out (a busy item in a
    /// batch).
    pub(crate) fn apply_together(
        &self,
        actions: &[Action],
        mode: Together,
    ) -> Result<Vec<Option<Outcome>>> {
        let mut skipped = vec![false; actions.len()];
        let _held = loop {
            let ids: Vec<(SpaceId, &[u8])> = actions
                .iter()
                .zip(&skipped)
                .filter(|(_, skip)| !**skip)
                .map(|(a, _)| (a.table.space, a.storage_key.as_slice()))
                .collect();
            // The positions of `ids` among all actions, to map conflicts back.
            let positions: Vec<usize> = (0..actions.len()).filter(|&i| !skipped[i]).collect();
            match self
                .inner
                .locks
                .lock_all(&ids, matches!(mode, Together::Transaction))
            {
                Ok(held) => break held,
                Err(conflicts) => match mode {
                    Together::Transaction => {
                        return Err(cancel_for_conflicts(actions.len(), &conflicts.0));
                    }
                    Together::Batch => {
                        for c in conflicts.0 {
                            skipped[positions[c]] = true;
                        }
                    }
                },
            }
        };

        let mut reasons: Vec<CancellationReason> = Vec::with_capacity(actions.len());
        let mut outcomes: Vec<Option<Change>> = Vec::with_capacity(actions.len());
        let mut failed = false;
        for (a, skip) in actions.iter().zip(&skipped) {
            if *skip {
                outcomes.push(None);
                continue;
            }
            let old = self.read(&a.table, &a.storage_key)?;
            match a.evaluate(old.as_ref()) {
                Ok((new, _)) => {
                    reasons.push(msg::transact::reason_none());
                    outcomes.push(Some(Change::new(
                        a.table.clone(),
                        a.storage_key.clone(),
                        old,
                        new,
                    )));
                }
                Err(e) if matches!(mode, Together::Transaction) => {
                    failed = true;
                    reasons.push(reason_for(e));
                    outcomes.push(None);
                }
                Err(e) => return Err(e),
            }
        }
        if failed {
            return Err(msg::transact::transaction_canceled(reasons));
        }

        // What goes to the store: the changes of actions that write and change something.
        let mut acting = Vec::new();
        let mut stored = Vec::new();
        for (i, slot) in outcomes.iter_mut().enumerate() {
            if let Some(c) =
                slot.take_if(|c| actions[i].writes() && (c.old.is_some() || c.new.is_some()))
            {
                acting.push(i);
                stored.push(c);
            }
        }
        let growth = match (self.reserve_collections(&stored), mode) {
            (Ok(growth), _) => growth,
            (Err(Refused::Full(full)), Together::Transaction) => {
                let over: Vec<usize> = full.iter().map(|&c| acting[c]).collect();
                return Err(cancel_marking(
                    actions.len(),
                    &over,
                    msg::transact::reason_collection_size_exceeded,
                ));
            }
            (Err(refused), _) => return Err(refused.into()),
        };
        self.commit_reserved(&stored, Origin::Request, growth)?;
        let mut done: Vec<Option<Outcome>> = outcomes
            .into_iter()
            .map(|c| {
                c.map(|change| Outcome {
                    change,
                    stored: false,
                })
            })
            .collect();
        for (i, change) in acting.into_iter().zip(stored) {
            done[i] = Some(Outcome {
                change,
                stored: true,
            });
        }
        Ok(done)
    }
}

/// The cancellation reason of an action that failed with `e`.
fn reason_for(e: Error) -> CancellationReason {
    match e {
        Error::ConditionalCheckFailed { item, .. } => msg::transact::reason_condition_failed(item),
        other => msg::transact::reason_validation(other.message()),
    }
}

/// The cancellation of a transaction (TransactWriteItems or TransactGetItems) some of whose items
/// another transaction is writing.
pub(crate) fn cancel_for_conflicts(len: usize, conflicting: &[usize]) -> Error {
    cancel_marking(len, conflicting, msg::transact::reason_conflict)
}

/// The cancellation of a transaction of `len` actions in which those at `marked` fail for
/// `reason` and the others for none.
fn cancel_marking(len: usize, marked: &[usize], reason: fn() -> CancellationReason) -> Error {
    let reasons = (0..len)
        .map(|i| {
            if marked.contains(&i) {
                reason()
            } else {
                msg::transact::reason_none()
            }
        })
        .collect();
    msg::transact::transaction_canceled(reasons)
}
