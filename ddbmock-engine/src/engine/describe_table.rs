//! DescribeTable.

use super::{Engine, validate};
use ddbmock_core::error::Result;
use ddbmock_core::error::msg::table::{self as m, ConstraintErrors};
use ddbmock_core::operation::{DescribeTableInput, DescribeTableOutput};

impl Engine {
    pub(crate) fn describe_table_now(
        &self,
        input: DescribeTableInput,
    ) -> Result<DescribeTableOutput> {
        let mut errors = ConstraintErrors::new();
        let name = validate::table_name(&mut errors, &input.table_name);
        errors.into_result()?;
        let table = self
            .table_any(name)
            .map_err(|_| m::table_not_found_named(name))?;
        Ok(DescribeTableOutput {
            table: Some(self.describe(&table)),
        })
    }
}
