//! The conformance suite: DynamoDB behaviour every door must show identically.
//!
//! Each scenario is an `async fn(&dyn DynamoDb)` that panics on a deviation.
//! [`conformance_tests!`](crate::conformance_tests) turns the whole list into one `#[tokio::test]`
//! per scenario for a given way of making a client.
//! The scenarios that read DynamoDB Streams also take a `&dyn DynamoDbStreams`; they run through
//! [`conformance_stream_tests!`](crate::conformance_stream_tests).

mod backups;
mod batch;
mod capacity;
mod collections;
mod consistency;
mod control_plane_auto_scaling;
mod control_plane_insights;
mod control_plane_kinesis;
mod control_plane_policy;
mod control_plane_support;
mod control_plane_table_settings;
mod exports;
mod global_tables;
mod indexes;
mod items;
mod legacy_global_tables;
mod multi_attribute_indexes;
mod partiql;
mod partiql_ops;
mod pitr;
mod query;
mod reads;
mod scan;
mod scopes;
mod settings;
mod stream_records;
mod streams;
mod support;
mod tables;
mod transact;

pub use backups::*;
pub use batch::*;
pub use capacity::*;
pub use collections::*;
pub use consistency::*;
pub use control_plane_auto_scaling::*;
pub use control_plane_insights::*;
pub use control_plane_kinesis::*;
pub use control_plane_policy::*;
pub use control_plane_table_settings::*;
pub use exports::*;
pub use global_tables::*;
pub use indexes::*;
pub use items::*;
pub use legacy_global_tables::*;
pub use multi_attribute_indexes::*;
pub use partiql::*;
pub use partiql_ops::*;
pub use pitr::*;
pub use query::*;
pub use scan::*;
pub use scopes::*;
pub use settings::*;
pub use stream_records::*;
pub use streams::*;
pub use support::{assert_error, unique_name};
pub use tables::*;
pub use transact::*;

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
            attribute_name_limits,
            key_validation,
            numbers_are_normalized,
            return_values_put_delete,
            update_item_attribute_updates,
            item_count_and_size,
            missing_table,
            batch_write_and_get,
            consumed_capacity_of_items,
            consumed_capacity_by_index,
            consumed_capacity_of_batches_and_transactions,
            batch_validation,
            tags_by_arn,
            time_to_live_setting,
            stream_settings,
            stream_settings_on_create,
            account_limits,
            arns_name_the_clients_scope,
            query_sort_order,
            query_key_conditions,
            query_paging_and_filters,
            query_hash_only_table,
            query_one_megabyte_pages,
            query_validation,
            scan_paging_and_segments,
            scan_validation,
            lsi_queries,
            gsi_queries,
            gsi_update_table,
            multi_attribute_gsi,
            multi_attribute_gsi_backfill,
            item_collection_metrics,
            transact_write_and_get,
            transact_write_validation,
            transact_write_idempotency,
            transact_get_validation,
            transact_conditions,
            transact_validation_reasons,
            transact_get_projection,
            resource_policy_lifecycle,
            resource_policy_validation,
            contributor_insights_lifecycle,
            contributor_insights_validation,
            kinesis_destination_lifecycle,
            kinesis_destination_validation,
            replica_auto_scaling_settings,
            replica_auto_scaling_validation,
            sse_specification_described,
            warm_and_on_demand_throughput_described,
            table_settings_validation,
            partiql_statements,
            partiql_errors,
            partiql_batches,
            partiql_transactions,
            backup_then_restore,
            restore_with_overrides,
            list_and_delete_backups,
            backup_errors,
            export_errors,
            exports_listed,
            import_errors,
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

/// Generates one `#[tokio::test]` per DynamoDB Streams scenario. `$make` is an async expression that
/// yields a pair `(D, S)`, `D` implementing `DynamoDb` and `S` implementing `DynamoDbStreams`, both
/// on the same data (an engine twice, the two clients of one endpoint, …).
///
/// ```text
/// ddbmock_test::conformance_stream_tests!(async {
///     let e = ddbmock::Engine::memory();
///     (e.clone(), e)
/// });
/// ```
#[macro_export]
macro_rules! conformance_stream_tests {
    ($make:expr) => {
        $crate::conformance_stream_tests!(@each $make;
            stream_records_by_view_type,
            stream_records_of_transactions,
            stream_iterators_and_paging,
            stream_listing_and_description,
            stream_api_errors,
        );
    };
    (@each $make:expr; $($name:ident,)*) => {
        $(
            #[tokio::test]
            async fn $name() {
                let (db, streams) = $make.await;
                $crate::conformance::$name(&db, &streams).await;
            }
        )*
    };
}

/// Generates one `#[tokio::test]` per scenario that moves the engine's clock (point-in-time
/// recovery). `$make` is an async expression that yields a pair `(D, A)`, `D` implementing
/// `DynamoDb` and `A` an [`AdvanceClock`] moving the clock of the engine behind `D` (a closure
/// `Fn(Duration)` is one).
///
/// ```text
/// ddbmock_test::conformance_clock_tests!(async {
///     let clock = ddbmock::Clock::manual(std::time::SystemTime::now());
///     let e = ddbmock::Engine::memory_with_clock(clock.clone());
///     (e, move |by| { clock.advance(by); })
/// });
/// ```
#[macro_export]
macro_rules! conformance_clock_tests {
    ($make:expr) => {
        $crate::conformance_clock_tests!(@each $make;
            pitr_three_moments,
            pitr_window_moves,
            pitr_errors,
        );
    };
    (@each $make:expr; $($name:ident,)*) => {
        $(
            #[tokio::test]
            async fn $name() {
                let (db, clock) = $make.await;
                $crate::conformance::$name(&db, &clock).await;
            }
        )*
    };
}

/// Generates one `#[tokio::test]` per eventual consistency scenario. `$make` is an async
/// expression that yields a pair `(D, A)`: `D` implementing `DynamoDb`, on an engine whose
/// eventually consistent reads see the state of [`CONSISTENCY_LAG`] ago
/// (`Consistency::oldest(CONSISTENCY_LAG)`) on a manual clock, and `A` an [`AdvanceClock`]
/// moving that clock.
///
/// ```text
/// ddbmock_test::conformance_consistency_tests!(async {
///     let clock = ddbmock::Clock::manual(std::time::SystemTime::now());
///     let e = ddbmock::Engine::builder()
///         .clock(clock.clone())
///         .consistency(ddbmock::engine::Consistency::oldest(ddbmock_test::conformance::CONSISTENCY_LAG))
///         .build()
///         .unwrap();
///     (e, move |by| { clock.advance(by); })
/// });
/// ```
#[macro_export]
macro_rules! conformance_consistency_tests {
    ($make:expr) => {
        $crate::conformance_consistency_tests!(@each $make;
            gsi_read_your_write_lags,
            eventual_reads_lag_writes,
        );
    };
    (@each $make:expr; $($name:ident,)*) => {
        $(
            #[tokio::test]
            async fn $name() {
                let (db, clock) = $make.await;
                $crate::conformance::$name(&db, &clock).await;
            }
        )*
    };
}

/// Generates one `#[tokio::test]` per global tables scenario. `$make` is an async expression that
/// yields a triple `(D, O, A)`: `D` and `O` implementing `DynamoDb`, clients of one account in two
/// regions of one ddbmock (two scopes of a `Scopes`), and `A` an [`AdvanceClock`] moving their
/// shared clock.
///
/// ```text
/// ddbmock_test::conformance_region_tests!(async {
///     let clock = ddbmock::Clock::manual(std::time::SystemTime::now());
///     let scopes = ddbmock::Engine::builder().clock(clock.clone()).scopes().unwrap();
///     let eu = scopes.engine("000000000000", "eu-west-1").unwrap();
///     (scopes.home().clone(), eu, move |by| { clock.advance(by); })
/// });
/// ```
#[macro_export]
macro_rules! conformance_region_tests {
    ($make:expr) => {
        $crate::conformance_region_tests!(@each $make;
            replicas_converge_after_the_lag,
            replica_conflicts_last_writer_wins,
            replica_misuse_errors,
            legacy_global_table_replicates,
            legacy_global_table_errors,
            legacy_global_table_settings,
        );
    };
    (@each $make:expr; $($name:ident,)*) => {
        $(
            #[tokio::test]
            async fn $name() {
                let (db, other, clock) = $make.await;
                $crate::conformance::$name(&db, &other, &clock).await;
            }
        )*
    };
}
