//! DeleteTable.

use super::table::Table;
use super::{Engine, storage_error, validate};
use crate::error::Result;
use crate::error::msg::table::{self as m, ConstraintErrors};
use crate::operation::{DeleteTableInput, DeleteTableOutput, TableStatus};
use crate::storage::Write;

impl Engine {
    pub(crate) fn delete_table_now(&self, input: DeleteTableInput) -> Result<DeleteTableOutput> {
        let mut errors = ConstraintErrors::new();
        let name = validate::table_name(&mut errors, &input.table_name);
        errors.into_result()?;
        let mut tables = self.inner.tables.write();
        let table = tables
            .get(name)
            .cloned()
            .ok_or_else(|| m::table_not_found_named(name))?;
        self.check_not_in_transition(&table)?;
        if table.description.deletion_protection_enabled == Some(true) {
            return Err(m::deletion_protected(table.arn()));
        }
        let mut batch = vec![Write::DropSpace(table.space)];
        batch.extend(table.indexes.iter().map(|i| Write::DropSpace(i.space)));
        batch.push(Write::Meta {
            name: Table::meta_name(name),
            value: None,
        });
        self.inner.storage.write(batch).map_err(storage_error)?;
        tables.remove(name);
        self.close_stream(name);
        let mut description = table.describe();
        description.table_status = Some(TableStatus::Deleting);
        Ok(DeleteTableOutput {
            table_description: Some(description),
        })
    }
}
