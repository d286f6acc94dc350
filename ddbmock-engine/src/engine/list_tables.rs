//! ListTables: table names in order, paged by `Limit` and `ExclusiveStartTableName`.

use std::ops::Bound;

use super::Engine;
use ddbmock_core::error::Result;
use ddbmock_core::error::msg::table::ConstraintErrors;
use ddbmock_core::operation::{ListTablesInput, ListTablesOutput};

/// DynamoDB's largest (and default) page of ListTables.
use ddbmock_core::limits::MAX_LIST_TABLES_LIMIT as MAX_LIMIT;

impl Engine {
    pub(crate) fn list_tables_now(&self, input: ListTablesInput) -> Result<ListTablesOutput> {
        self.purge_deleted();
        let mut errors = ConstraintErrors::new();
        if let Some(start) = &input.exclusive_start_table_name {
            errors.name("exclusiveStartTableName", Some(start));
        }
        errors.at_least("limit", input.limit.map(i64::from), 1);
        errors.at_most("limit", input.limit.map(i64::from), 100);
        errors.into_result()?;

        let limit = input
            .limit
            .map_or(MAX_LIMIT, |l| usize::try_from(l).unwrap_or(MAX_LIMIT));
        let tables = self.inner.tables.read();
        let start = match &input.exclusive_start_table_name {
            Some(s) => Bound::Excluded(s.as_str()),
            None => Bound::Unbounded,
        };
        let mut names = tables
            .range::<str, _>((start, Bound::Unbounded))
            .map(|(n, _)| n.clone());
        let page: Vec<String> = names.by_ref().take(limit).collect();
        let more = names.next().is_some();
        Ok(ListTablesOutput {
            last_evaluated_table_name: if more { page.last().cloned() } else { None },
            table_names: Some(page),
        })
    }
}
