//! A put checked but not applied: `ddbmock load` validates a whole file against a table before its
//! first write, with the very checks PutItem runs, so that bad input loads nothing.

use super::change::check_index_keys;
use super::keys::validate_item_key;
use super::{Engine, validate};
use ddbmock_core::error::Result;
use ddbmock_core::model::Item;

impl Engine {
    /// Checks `item` as `PutItem` into `table` (a name or an ARN) would, without writing it: its
    /// values (numbers are normalized to their canonical text in place), its attribute names and
    /// size, its key against the table's key schema, and its index key attributes. Gives the error
    /// `PutItem` would give, or none if `PutItem` would accept the item (its condition aside).
    pub fn check_put(&self, table: &str, item: &mut Item) -> Result<()> {
        validate::put_values(item)?;
        let table = self.table_for(table, "PutItem")?;
        validate_item_key(&table.key, item)?;
        check_index_keys(&table, item)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ddbmock_core::DynamoDb;
    use ddbmock_core::model::AttributeValue;
    use ddbmock_core::operation::{CreateTableInput, ScalarAttributeType, ScanInput};

    fn block_on<F: std::future::Future>(f: F) -> F::Output {
        match tokio::runtime::Builder::new_current_thread().build() {
            Ok(rt) => rt.block_on(f),
            Err(e) => panic!("runtime: {e}"),
        }
    }

    #[test]
    fn checks_as_put_item_does_and_writes_nothing() {
        let db = Engine::memory();
        block_on(db.create_table(CreateTableInput::new("tbl", "id", ScalarAttributeType::S)))
            .unwrap();
        let mut good = Item::from([("id".to_owned(), AttributeValue::S("a".into()))]);
        db.check_put("tbl", &mut good).unwrap();
        let mut keyless = Item::from([("x".to_owned(), AttributeValue::N("01".into()))]);
        assert_eq!(
            db.check_put("tbl", &mut keyless).unwrap_err().to_string(),
            "One or more parameter values were invalid: Missing the key id in the item"
        );
        assert_eq!(keyless["x"], AttributeValue::N("1".into()));
        assert_eq!(
            db.check_put("missing", &mut good).unwrap_err().to_string(),
            "Requested resource not found"
        );
        let scan = block_on(db.scan(ScanInput {
            table_name: Some("tbl".into()),
            ..Default::default()
        }))
        .unwrap();
        assert_eq!(scan.count, Some(0));
    }
}
