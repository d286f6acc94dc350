//! DeleteTable.

use super::table::Table;
use super::{Engine, storage_error, validate};
use crate::storage::Write;
use ddbmock_core::error::Result;
use ddbmock_core::error::msg::table::{self as m, ConstraintErrors};
use ddbmock_core::operation::{DeleteTableInput, DeleteTableOutput, TableStatus};

impl Engine {
    /// Removes a table, its indexes' keyspaces and its metadata, and closes its stream.
    pub(crate) fn drop_table(
        &self,
        tables: &mut std::collections::BTreeMap<String, std::sync::Arc<Table>>,
        table: &Table,
    ) -> Result<()> {
        let name = table.name().to_owned();
        let mut batch = vec![Write::DropSpace(table.space)];
        batch.extend(table.indexes.iter().map(|i| Write::DropSpace(i.space)));
        batch.extend(
            table
                .extras
                .pitr
                .as_ref()
                .map(|p| Write::DropSpace(p.log_space)),
        );
        batch.push(Write::Meta {
            name: Table::meta_name(&name),
            value: None,
        });
        self.inner.storage.write(batch).map_err(storage_error)?;
        tables.remove(&name);
        self.close_stream(&name);
        Ok(())
    }

    /// Finishes the deletions whose DELETING delay has passed. Cheap when none is pending.
    pub(crate) fn purge_deleted(&self) {
        use std::sync::atomic::Ordering;
        if !self.inner.pending_deletes.load(Ordering::Acquire) {
            return;
        }
        let now = self.inner.clock.epoch_seconds();
        let mut tables = self.inner.tables.write();
        let due: Vec<_> = tables
            .values()
            .filter(
                |t| matches!(&t.transition, Some((TableStatus::Deleting, until)) if now >= *until),
            )
            .cloned()
            .collect();
        for table in due {
            // A store failure leaves the table DELETING; the next lookup tries again.
            let _ = self.drop_table(&mut tables, &table);
        }
        let still = tables
            .values()
            .any(|t| matches!(&t.transition, Some((TableStatus::Deleting, _))));
        self.inner.pending_deletes.store(still, Ordering::Release);
    }

    pub(crate) fn delete_table_now(&self, input: DeleteTableInput) -> Result<DeleteTableOutput> {
        let mut errors = ConstraintErrors::new();
        let name = validate::table_name(&mut errors, &input.table_name);
        errors.into_result()?;
        self.purge_deleted();
        let mut tables = self.inner.tables.write();
        let table = tables
            .get(name)
            .cloned()
            .ok_or_else(|| m::table_not_found_named(name))?;
        self.check_not_in_transition(&table)?;
        if table.description.deletion_protection_enabled == Some(true) {
            return Err(m::deletion_protected(table.arn()));
        }
        let replicas = table.extras.replicas.clone();
        let mut description = table.describe();
        description.table_status = Some(TableStatus::Deleting);
        match self.transition(TableStatus::Deleting) {
            // The table stays listed and describable, DELETING, until the delay has passed.
            Some(transition) => {
                let deleting = Table {
                    transition: Some(transition),
                    ..(*table).clone()
                };
                self.store_table(&deleting)?;
                tables.insert(name.to_owned(), std::sync::Arc::new(deleting));
                self.inner
                    .pending_deletes
                    .store(true, std::sync::atomic::Ordering::Release);
            }
            None => self.drop_table(&mut tables, &table)?,
        }
        drop(tables);
        self.leave_replicas(name, &replicas);
        Ok(DeleteTableOutput {
            table_description: Some(description),
        })
    }
}
