//! PutItem: validate the item, then replace whatever was at its key.

use super::validate::{self, SingleWrite};
use super::write::{Action, Applied};
use super::{Engine, billing};
use ddbmock_core::error::Result;
use ddbmock_core::operation::{PutItemInput, PutItemOutput, ReturnValue};

impl Engine {
    pub(crate) fn put_item_now(&self, mut input: PutItemInput) -> Result<PutItemOutput> {
        let SingleWrite {
            table_name,
            item,
            condition,
            returns,
            ..
        } = validate::put_or_delete!(input, item, validate::put_values)?;
        let table = self.table_for(&table_name, "PutItem")?;
        self.admit(&table, true)?;
        let action = Action::put(table.clone(), item, condition)?.on_failure(returns.on_failure);
        let Applied { change, .. } = self.apply_one(action)?;
        let consumed_capacity = self.bill(
            &billing::change_consumed(&change),
            returns.capacity.as_ref(),
        );
        Ok(PutItemOutput {
            attributes: match returns.values {
                ReturnValue::AllOld => change.old.as_deref().cloned(),
                _ => None,
            },
            consumed_capacity,
            item_collection_metrics: change
                .new
                .as_deref()
                .and_then(|item| self.collection_metrics(&table, item, returns.metrics.as_ref())),
        })
    }
}
