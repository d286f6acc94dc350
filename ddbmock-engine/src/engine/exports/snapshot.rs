//! A table's items as they were at a moment within its point-in-time recovery window.
//!
//! The table's keyspace and its change log are copied in one batch (one consistent moment, O(1)
//! in the memory store); the copy's items are read, and each item the log records a change of
//! after the moment is replaced by its state before the first such change (or left out, when it
//! did not exist then).

use std::ops::{Bound, ControlFlow};

use crate::engine::extras::PitrRecord;
use crate::engine::table::Table;
use crate::engine::{Engine, storage_error};
use crate::storage::{SpaceId, Write};
use ddbmock_core::error::Result;
use ddbmock_core::model::Item;

impl Engine {
    /// Runs `read` on copies of `table`'s keyspace and of its change log, taken in one batch (one
    /// consistent moment, O(1) in the memory store), and drops the copies whether or not it worked.
    pub(crate) fn with_pitr_copies<T>(
        &self,
        table: &Table,
        pitr: &PitrRecord,
        read: impl FnOnce(SpaceId, SpaceId) -> Result<T>,
    ) -> Result<T> {
        let (copy, log) = (self.new_space(), self.new_space());
        self.inner
            .storage
            .write(vec![
                Write::CopySpace {
                    from: table.space,
                    to: copy,
                },
                Write::CopySpace {
                    from: pitr.log_space,
                    to: log,
                },
            ])
            .map_err(storage_error)?;
        let read = read(copy, log);
        let dropped = self
            .inner
            .storage
            .write(vec![Write::DropSpace(copy), Write::DropSpace(log)])
            .map_err(storage_error);
        let value = read?;
        dropped?;
        Ok(value)
    }

    /// The items of `table` at epoch second `at`, in storage key order.
    pub(crate) fn items_at(&self, table: &Table, pitr: &PitrRecord, at: f64) -> Result<Vec<Item>> {
        self.with_pitr_copies(table, pitr, |copy, log| {
            self.states_at(log, at).and_then(|mut states| {
                let mut items = Vec::new();
                self.inner
                    .storage
                    .scan(
                        copy,
                        Bound::Unbounded,
                        Bound::Unbounded,
                        false,
                        &mut |k, item| {
                            match states.remove(k) {
                                Some(Some(then)) => items.push(then),
                                Some(None) => {}
                                None => items.push((**item).clone()),
                            }
                            ControlFlow::Continue(())
                        },
                    )
                    .map_err(storage_error)?;
                // Items deleted since the moment: in the log, no longer in the table.
                items.extend(states.into_values().flatten());
                Ok(items)
            })
        })
    }
}
