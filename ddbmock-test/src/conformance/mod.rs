//! The conformance suite: DynamoDB behaviour every door must show identically.
//!
//! Each scenario is an `async fn(&dyn DynamoDb)` that panics on a deviation. [`conformance_tests!`]
//! turns the whole list into one `#[tokio::test]` per scenario for a given way of making a client.

mod batch;
mod items;
mod settings;
mod support;
mod tables;

pub use batch::*;
pub use items::*;
pub use settings::*;
pub use support::{assert_error, unique_name};
pub use tables::*;

/// Generates one `#[tokio::test]` per conformance scenario. `$make` is an async expression that
/// yields a value implementing `DynamoDb` (a fresh engine, a client of a server, …).
///
/// ```text
/// ddbmock_test::conformance_tests!(async { ddbmock::Engine::memory() });
/// ```
#[macro_export]
macro_rules! conformance_tests {
    ($make:expr) => {
        $crate::conformance_tests!(@each $make;
            table_lifecycle,
            list_tables_pages,
            create_table_validation,
            create_table_indexes_validation,
            update_table_changes,
            deletion_protection,
            put_get_delete,
            put_item_validation,
            key_validation,
            numbers_are_normalized,
            return_values_put_delete,
            update_item_attribute_updates,
            item_count_and_size,
            missing_table,
            batch_write_and_get,
            batch_validation,
            tags_by_arn,
            time_to_live_setting,
            account_limits,
        );
    };
    (@each $make:expr; $($name:ident,)*) => {
        $(
            #[tokio::test]
            async fn $name() {
                let db = $make.await;
                $crate::conformance::$name(&db).await;
            }
        )*
    };
}
