//! DescribeTable.

use std::sync::Arc;

use super::table::Table;
use super::{Engine, validate};
use ddbmock_core::error::Result;
use ddbmock_core::error::msg::table::{self as m, ConstraintErrors};
use ddbmock_core::operation::{DescribeTableInput, DescribeTableOutput};

impl Engine {
    pub(crate) fn describe_table_now(
        &self,
        input: DescribeTableInput,
    ) -> Result<DescribeTableOutput> {
        let table = self.described(&input.table_name)?;
        Ok(DescribeTableOutput {
            table: Some(self.describe(&table)),
        })
    }

    /// The table a describing request (DescribeTable, DescribeTimeToLive) names, whatever its
    /// status, after its one member check; the not-found error names it.
    pub(crate) fn described(&self, table_name: &Option<String>) -> Result<Arc<Table>> {
        let mut errors = ConstraintErrors::new();
        let name = validate::table_name(&mut errors, table_name);
        errors.into_result()?;
        self.table_any(name)
            .ok_or_else(|| m::table_not_found_named(name))
    }

    /// The table a table-settings request (DescribeKinesisStreamingDestination,
    /// DescribeTableReplicaAutoScaling) names by name or ARN, whatever its status, after its one
    /// member check; the not-found error names it.
    pub(crate) fn described_by_name_or_arn(
        &self,
        table_name: &Option<String>,
    ) -> Result<Arc<Table>> {
        let mut errors = ConstraintErrors::new();
        let name = validate::item_table_name(&mut errors, table_name);
        errors.into_result()?;
        let name = self.name_of_arn(name);
        self.table_any(name)
            .ok_or_else(|| m::table_not_found_named(name))
    }
}
