//! The list of the operations, written once: the macros `dynamodb_operations!` for DynamoDB's operations
//! and `streams_operations!` for DynamoDB Streams' 4 (`all_operations!` for both), exported but
//! hidden, for the crates of this workspace; and the [`Operation`] enum made from them.
//!
//! Everything that has one piece per operation is generated from these lists by a callback macro:
//! the enum, the traits and their forwarding impls ([`api`](crate::api)), the codec's target parsing
//! and dispatch, the SDK adapter, the engine's trait impls, `Mock`'s plumbing and the test clients.
//! Adding an operation is adding a row here (and its input/output structs); the compiler then
//! points at every implementation that lacks it.
//!
//! # Calling a list
//!
//! `dynamodb_operations!(path::to::callback, ARGS…)` expands to
//! `path::to::callback! { (ARGS…) { ROWS } }`, ARGS being any tokens the callback wants back (a
//! trait name, a receiver). Each row is
//!
//! ```text
//! /// doc line
//! Wire method now (Input) -> Output, route member setter;
//! ```
//!
//! - `Wire`: the PascalCase name after the `.` of `X-Amz-Target` (`PutItem`);
//! - `method`: the snake_case trait method, also the SDK client's method (`put_item`);
//! - `now`: the engine's synchronous method doing the work, always `method` + `_now`, written out
//!   because `macro_rules!` cannot build an identifier;
//! - `Input`, `Output`: the types, as `$crate::operation::…` paths so that callers need no import;
//! - `route member setter` (optional, DynamoDB only): the input member the SDK routes by, and the
//!   SDK input builder's setter for it (see `sdk`).
//!
//! A callback matches the rows with
//!
//! ```text
//! $( $(#[$doc:meta])* $Wire:ident $method:ident $now:ident ($Input:ty) -> $Output:ty
//!    $(, route $member:ident $setter:ident)?; )+
//! ```
//!
//! `all_operations!(callback, ARGS…)` expands to `callback! { (ARGS…) { DYNAMODB ROWS } { STREAMS
//! ROWS } }`.

use std::fmt;

/// Declares [`Operation`] from both lists.
macro_rules! operation_enum {
    (() {
        $( $(#[$doc:meta])* $Wire:ident $method:ident $now:ident ($Input:ty) -> $Output:ty
           $(, route $member:ident $setter:ident)?; )+
    } {
        $( $(#[$sdoc:meta])* $SWire:ident $smethod:ident $snow:ident ($SInput:ty) -> $SOutput:ty; )+
    }) => {
        /// An operation of DynamoDB or DynamoDB Streams, as named after the `.` in `X-Amz-Target`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Operation {
            $( $(#[$doc])* $Wire, )+
            $( $(#[$sdoc])* $SWire, )+
        }

        impl Operation {
            /// Every operation, in the order of the lists: DynamoDB's, then Streams'.
            pub const ALL: &'static [Operation] = &[$(Operation::$Wire,)+ $(Operation::$SWire,)+];

            /// The operation's name (`PutItem`).
            pub const fn name(self) -> &'static str {
                match self {
                    $( Operation::$Wire => stringify!($Wire), )+
                    $( Operation::$SWire => stringify!($SWire), )+
                }
            }
        }
    };
}

crate::all_operations!(operation_enum);

impl fmt::Display for Operation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The callback that implements a service trait from a list:
/// `dynamodb_operations!(impl_operations, [GENERICS] Trait for Type => body)` writes
/// `impl<GENERICS> Trait for Type`, each method's body being
/// `body!(self, input, Wire method now $(, route member setter)?)`, the row's names for `body` to
/// pick from; items in a trailing `; { ... }` (the provided methods an impl overrides) are added
/// to the impl as written. The impl is `#[async_trait]`, as the caller has it in scope: every crate with such an
/// impl has it already for its own code, and so no line of the caller's goes unused.
#[doc(hidden)]
#[macro_export]
macro_rules! impl_operations {
    (([$($generics:tt)*] $Trait:ident for $Type:ty => $body:path $(; { $($extra:tt)* })?) {
        $( $(#[$doc:meta])* $Wire:ident $method:ident $now:ident ($Input:ty) -> $Output:ty
           $(, route $member:ident $setter:ident)?; )+
    }) => {
        #[async_trait]
        impl<$($generics)*> $Trait for $Type {
            $(
                async fn $method(&self, input: $Input) -> $crate::Result<$Output> {
                    $body!(self, input, $Wire $method $now $(, route $member $setter)?)
                }
            )+
            $($($extra)*)?
        }
    };
}

/// Calls `$callback! { ($args) { DYNAMODB ROWS } { STREAMS ROWS } }`: both lists at once, for what
/// spans both services.
#[doc(hidden)]
#[macro_export]
macro_rules! all_operations {
    ($callback:path $(, $($args:tt)*)?) => {
        $crate::dynamodb_operations! { $crate::__then_streams, $callback, ($($($args)*)?) }
    };
}

/// `all_operations!`'s second step: holds DynamoDB's rows while it asks for Streams'.
#[doc(hidden)]
#[macro_export]
macro_rules! __then_streams {
    (($callback:path, $args:tt) { $($dynamodb:tt)* }) => {
        $crate::streams_operations! { $crate::__both_lists, $callback, $args { $($dynamodb)* } }
    };
}

/// `all_operations!`'s last step: hands both lists to the callback.
#[doc(hidden)]
#[macro_export]
macro_rules! __both_lists {
    (($callback:path, ($($args:tt)*) { $($dynamodb:tt)* }) { $($streams:tt)* }) => {
        $callback! { ($($args)*) { $($dynamodb)* } { $($streams)* } }
    };
}

/// Calls `$callback! { ($args) { ROWS } }` with one row per DynamoDB operation: see
/// `ddbmock_core::operations` for the row's form.
#[doc(hidden)]
#[macro_export]
macro_rules! dynamodb_operations {
    ($callback:path $(, $($args:tt)*)?) => {
        $callback! { ($($($args)*)?) {
            /// `CreateTable`: adds a table, in `CREATING` status.
            CreateTable create_table create_table_now ($crate::operation::CreateTableInput)
                -> $crate::operation::CreateTableOutput, route table_name set_table_name;
            /// `DescribeTable`: returns a table's description.
            DescribeTable describe_table describe_table_now ($crate::operation::DescribeTableInput)
                -> $crate::operation::DescribeTableOutput, route table_name set_table_name;
            /// `ListTables`: lists table names, a page at a time.
            ListTables list_tables list_tables_now ($crate::operation::ListTablesInput)
                -> $crate::operation::ListTablesOutput;
            /// `UpdateTable`: changes a table's throughput, indexes, stream or settings.
            UpdateTable update_table update_table_now ($crate::operation::UpdateTableInput)
                -> $crate::operation::UpdateTableOutput, route table_name set_table_name;
            /// `DeleteTable`: deletes a table and its items.
            DeleteTable delete_table delete_table_now ($crate::operation::DeleteTableInput)
                -> $crate::operation::DeleteTableOutput, route table_name set_table_name;
            /// `PutItem`: creates or replaces an item.
            PutItem put_item put_item_now ($crate::operation::PutItemInput)
                -> $crate::operation::PutItemOutput, route table_name set_table_name;
            /// `GetItem`: reads an item by its key.
            GetItem get_item get_item_now ($crate::operation::GetItemInput)
                -> $crate::operation::GetItemOutput, route table_name set_table_name;
            /// `UpdateItem`: edits an item's attributes, or creates the item.
            UpdateItem update_item update_item_now ($crate::operation::UpdateItemInput)
                -> $crate::operation::UpdateItemOutput, route table_name set_table_name;
            /// `DeleteItem`: deletes an item by its key.
            DeleteItem delete_item delete_item_now ($crate::operation::DeleteItemInput)
                -> $crate::operation::DeleteItemOutput, route table_name set_table_name;
            /// `Query`: reads the items of one partition of a table or index, in sort key order.
            Query query query_now ($crate::operation::QueryInput)
                -> $crate::operation::QueryOutput, route table_name set_table_name;
            /// `Scan`: reads every item of a table or index, a page at a time.
            Scan scan scan_now ($crate::operation::ScanInput)
                -> $crate::operation::ScanOutput, route table_name set_table_name;
            /// `BatchGetItem`: reads up to 100 items from one or more tables.
            BatchGetItem batch_get_item batch_get_item_now ($crate::operation::BatchGetItemInput)
                -> $crate::operation::BatchGetItemOutput;
            /// `BatchWriteItem`: puts or deletes up to 25 items in one or more tables.
            BatchWriteItem batch_write_item batch_write_item_now
                ($crate::operation::BatchWriteItemInput) -> $crate::operation::BatchWriteItemOutput;
            /// `TransactGetItems`: reads up to 100 items atomically.
            TransactGetItems transact_get_items transact_get_items_now
                ($crate::operation::TransactGetItemsInput)
                -> $crate::operation::TransactGetItemsOutput;
            /// `TransactWriteItems`: applies up to 100 writes and condition checks, all or nothing.
            TransactWriteItems transact_write_items transact_write_items_now
                ($crate::operation::TransactWriteItemsInput)
                -> $crate::operation::TransactWriteItemsOutput;
            /// `UpdateTimeToLive`: enables or disables time to live on a table.
            UpdateTimeToLive update_time_to_live update_time_to_live_now
                ($crate::operation::UpdateTimeToLiveInput)
                -> $crate::operation::UpdateTimeToLiveOutput, route table_name set_table_name;
            /// `DescribeTimeToLive`: returns a table's time to live setting.
            DescribeTimeToLive describe_time_to_live describe_time_to_live_now
                ($crate::operation::DescribeTimeToLiveInput)
                -> $crate::operation::DescribeTimeToLiveOutput, route table_name set_table_name;
            /// `TagResource`: adds tags to a table.
            TagResource tag_resource tag_resource_now ($crate::operation::TagResourceInput)
                -> $crate::operation::TagResourceOutput, route resource_arn set_resource_arn;
            /// `UntagResource`: removes tags from a table.
            UntagResource untag_resource untag_resource_now ($crate::operation::UntagResourceInput)
                -> $crate::operation::UntagResourceOutput, route resource_arn set_resource_arn;
            /// `ListTagsOfResource`: lists a table's tags.
            ListTagsOfResource list_tags_of_resource list_tags_of_resource_now
                ($crate::operation::ListTagsOfResourceInput)
                -> $crate::operation::ListTagsOfResourceOutput, route resource_arn set_resource_arn;
            /// `DescribeLimits`: returns the account's and tables' capacity quotas.
            DescribeLimits describe_limits describe_limits_now
                ($crate::operation::DescribeLimitsInput) -> $crate::operation::DescribeLimitsOutput;
            /// `ExecuteStatement`: runs one PartiQL statement, a read or a single-item write.
            ExecuteStatement execute_statement execute_statement_now
                ($crate::operation::ExecuteStatementInput)
                -> $crate::operation::ExecuteStatementOutput;
            /// `DescribeEndpoints`: returns the endpoint to call.
            DescribeEndpoints describe_endpoints describe_endpoints_now
                ($crate::operation::DescribeEndpointsInput)
                -> $crate::operation::DescribeEndpointsOutput;
            /// `PutResourcePolicy`: attaches a resource-based policy to a table or stream.
            PutResourcePolicy put_resource_policy put_resource_policy_now
                ($crate::operation::PutResourcePolicyInput)
                -> $crate::operation::PutResourcePolicyOutput, route resource_arn set_resource_arn;
            /// `GetResourcePolicy`: returns the resource-based policy of a table or stream.
            GetResourcePolicy get_resource_policy get_resource_policy_now
                ($crate::operation::GetResourcePolicyInput)
                -> $crate::operation::GetResourcePolicyOutput, route resource_arn set_resource_arn;
            /// `DeleteResourcePolicy`: removes the resource-based policy of a table or stream.
            DeleteResourcePolicy delete_resource_policy delete_resource_policy_now
                ($crate::operation::DeleteResourcePolicyInput)
                -> $crate::operation::DeleteResourcePolicyOutput, route resource_arn set_resource_arn;
            /// `UpdateContributorInsights`: enables or disables contributor insights on a table or index.
            UpdateContributorInsights update_contributor_insights update_contributor_insights_now
                ($crate::operation::UpdateContributorInsightsInput)
                -> $crate::operation::UpdateContributorInsightsOutput, route table_name set_table_name;
            /// `DescribeContributorInsights`: returns the contributor insights of a table or index.
            DescribeContributorInsights describe_contributor_insights
                describe_contributor_insights_now
                ($crate::operation::DescribeContributorInsightsInput)
                -> $crate::operation::DescribeContributorInsightsOutput, route table_name set_table_name;
            /// `ListContributorInsights`: lists the contributor insights of tables and indexes.
            ListContributorInsights list_contributor_insights list_contributor_insights_now
                ($crate::operation::ListContributorInsightsInput)
                -> $crate::operation::ListContributorInsightsOutput;
            /// `EnableKinesisStreamingDestination`: starts streaming a table's changes to a Kinesis data stream.
            EnableKinesisStreamingDestination enable_kinesis_streaming_destination
                enable_kinesis_streaming_destination_now ($crate::operation::EnableKinesisStreamingDestinationInput)
                -> $crate::operation::EnableKinesisStreamingDestinationOutput, route table_name set_table_name;
            /// `DisableKinesisStreamingDestination`: stops streaming to a Kinesis data stream.
            DisableKinesisStreamingDestination disable_kinesis_streaming_destination
                disable_kinesis_streaming_destination_now ($crate::operation::DisableKinesisStreamingDestinationInput)
                -> $crate::operation::DisableKinesisStreamingDestinationOutput, route table_name set_table_name;
            /// `DescribeKinesisStreamingDestination`: lists a table's Kinesis streaming destinations.
            DescribeKinesisStreamingDestination describe_kinesis_streaming_destination
                describe_kinesis_streaming_destination_now ($crate::operation::DescribeKinesisStreamingDestinationInput)
                -> $crate::operation::DescribeKinesisStreamingDestinationOutput, route table_name set_table_name;
            /// `UpdateKinesisStreamingDestination`: changes a Kinesis streaming destination's settings.
            UpdateKinesisStreamingDestination update_kinesis_streaming_destination
                update_kinesis_streaming_destination_now ($crate::operation::UpdateKinesisStreamingDestinationInput)
                -> $crate::operation::UpdateKinesisStreamingDestinationOutput, route table_name set_table_name;
            /// `DescribeTableReplicaAutoScaling`: returns a table's auto scaling settings.
            DescribeTableReplicaAutoScaling describe_table_replica_auto_scaling
                describe_table_replica_auto_scaling_now
                ($crate::operation::DescribeTableReplicaAutoScalingInput)
                -> $crate::operation::DescribeTableReplicaAutoScalingOutput, route table_name set_table_name;
            /// `UpdateTableReplicaAutoScaling`: changes a table's auto scaling settings.
            UpdateTableReplicaAutoScaling update_table_replica_auto_scaling
                update_table_replica_auto_scaling_now
                ($crate::operation::UpdateTableReplicaAutoScalingInput)
                -> $crate::operation::UpdateTableReplicaAutoScalingOutput, route table_name set_table_name;
            /// `BatchExecuteStatement`: runs up to 25 PartiQL statements, all reads or all writes, each on its own.
            BatchExecuteStatement batch_execute_statement batch_execute_statement_now
                ($crate::operation::BatchExecuteStatementInput)
                -> $crate::operation::BatchExecuteStatementOutput;
            /// `ExecuteTransaction`: runs up to 100 PartiQL statements as one transaction, all reads or all writes.
            ExecuteTransaction execute_transaction execute_transaction_now
                ($crate::operation::ExecuteTransactionInput)
                -> $crate::operation::ExecuteTransactionOutput;
            /// `CreateBackup`: takes an on-demand backup of a table.
            CreateBackup create_backup create_backup_now ($crate::operation::CreateBackupInput)
                -> $crate::operation::CreateBackupOutput, route table_name set_table_name;
            /// `DescribeBackup`: returns a backup's description.
            DescribeBackup describe_backup describe_backup_now
                ($crate::operation::DescribeBackupInput)
                -> $crate::operation::DescribeBackupOutput, route backup_arn set_backup_arn;
            /// `ListBackups`: lists backups, a page at a time.
            ListBackups list_backups list_backups_now ($crate::operation::ListBackupsInput)
                -> $crate::operation::ListBackupsOutput;
            /// `DeleteBackup`: deletes an on-demand backup.
            DeleteBackup delete_backup delete_backup_now ($crate::operation::DeleteBackupInput)
                -> $crate::operation::DeleteBackupOutput, route backup_arn set_backup_arn;
            /// `RestoreTableFromBackup`: creates a table from a backup.
            RestoreTableFromBackup restore_table_from_backup restore_table_from_backup_now
                ($crate::operation::RestoreTableFromBackupInput)
                -> $crate::operation::RestoreTableFromBackupOutput,
                route target_table_name set_target_table_name;
            /// `UpdateContinuousBackups`: enables or disables point-in-time recovery on a table.
            UpdateContinuousBackups update_continuous_backups update_continuous_backups_now
                ($crate::operation::UpdateContinuousBackupsInput)
                -> $crate::operation::UpdateContinuousBackupsOutput, route table_name set_table_name;
            /// `DescribeContinuousBackups`: returns a table's point-in-time recovery settings.
            DescribeContinuousBackups describe_continuous_backups describe_continuous_backups_now
                ($crate::operation::DescribeContinuousBackupsInput)
                -> $crate::operation::DescribeContinuousBackupsOutput, route table_name set_table_name;
            /// `RestoreTableToPointInTime`: creates a table as another was at a moment.
            RestoreTableToPointInTime restore_table_to_point_in_time
                restore_table_to_point_in_time_now
                ($crate::operation::RestoreTableToPointInTimeInput)
                -> $crate::operation::RestoreTableToPointInTimeOutput,
                route target_table_name set_target_table_name;
            /// `ExportTableToPointInTime`: exports a table as it was at a moment to S3.
            ExportTableToPointInTime export_table_to_point_in_time
                export_table_to_point_in_time_now
                ($crate::operation::ExportTableToPointInTimeInput)
                -> $crate::operation::ExportTableToPointInTimeOutput, route table_arn set_table_arn;
            /// `DescribeExport`: returns an export's description.
            DescribeExport describe_export describe_export_now
                ($crate::operation::DescribeExportInput)
                -> $crate::operation::DescribeExportOutput, route export_arn set_export_arn;
            /// `ListExports`: lists exports, a page at a time.
            ListExports list_exports list_exports_now ($crate::operation::ListExportsInput)
                -> $crate::operation::ListExportsOutput;
            /// `ImportTable`: creates a table from files in S3.
            ImportTable import_table import_table_now ($crate::operation::ImportTableInput)
                -> $crate::operation::ImportTableOutput;
            /// `DescribeImport`: returns an import's description.
            DescribeImport describe_import describe_import_now
                ($crate::operation::DescribeImportInput)
                -> $crate::operation::DescribeImportOutput, route import_arn set_import_arn;
            /// `ListImports`: lists imports, a page at a time.
            ListImports list_imports list_imports_now ($crate::operation::ListImportsInput)
                -> $crate::operation::ListImportsOutput;
            /// `CreateGlobalTable`: makes tables of one name in several regions a global table (version 2017.11.29).
            /// The legacy global table operations route by `GlobalTableName`, which the SDK requires.
            CreateGlobalTable create_global_table create_global_table_now
                ($crate::operation::CreateGlobalTableInput)
                -> $crate::operation::CreateGlobalTableOutput,
                route global_table_name set_global_table_name;
            /// `DescribeGlobalTable`: returns a global table's description (version 2017.11.29).
            DescribeGlobalTable describe_global_table describe_global_table_now
                ($crate::operation::DescribeGlobalTableInput)
                -> $crate::operation::DescribeGlobalTableOutput,
                route global_table_name set_global_table_name;
            /// `ListGlobalTables`: lists global tables (version 2017.11.29), a page at a time.
            ListGlobalTables list_global_tables list_global_tables_now
                ($crate::operation::ListGlobalTablesInput)
                -> $crate::operation::ListGlobalTablesOutput;
            /// `UpdateGlobalTable`: adds or removes a global table's replicas (version 2017.11.29).
            UpdateGlobalTable update_global_table update_global_table_now
                ($crate::operation::UpdateGlobalTableInput)
                -> $crate::operation::UpdateGlobalTableOutput,
                route global_table_name set_global_table_name;
            /// `DescribeGlobalTableSettings`: returns a global table's capacity settings per region.
            DescribeGlobalTableSettings describe_global_table_settings
                describe_global_table_settings_now
                ($crate::operation::DescribeGlobalTableSettingsInput)
                -> $crate::operation::DescribeGlobalTableSettingsOutput,
                route global_table_name set_global_table_name;
            /// `UpdateGlobalTableSettings`: changes a global table's capacity settings.
            UpdateGlobalTableSettings update_global_table_settings
                update_global_table_settings_now
                ($crate::operation::UpdateGlobalTableSettingsInput)
                -> $crate::operation::UpdateGlobalTableSettingsOutput,
                route global_table_name set_global_table_name;
        } }
    };
}

/// Calls `$callback! { ($args) { ROWS } }` with one row per DynamoDB Streams operation, in the
/// form of `dynamodb_operations!`' rows. None has a `route`: the
/// Streams SDK's endpoint rules take no member of the input.
#[doc(hidden)]
#[macro_export]
macro_rules! streams_operations {
    ($callback:path $(, $($args:tt)*)?) => {
        $callback! { ($($($args)*)?) {
            /// `ListStreams`: lists stream ARNs, of all tables or of one.
            ListStreams list_streams list_streams_now ($crate::operation::ListStreamsInput)
                -> $crate::operation::ListStreamsOutput;
            /// `DescribeStream`: returns a stream's description and shards.
            DescribeStream describe_stream describe_stream_now
                ($crate::operation::DescribeStreamInput) -> $crate::operation::DescribeStreamOutput;
            /// `GetShardIterator`: returns an iterator into a shard.
            GetShardIterator get_shard_iterator get_shard_iterator_now
                ($crate::operation::GetShardIteratorInput)
                -> $crate::operation::GetShardIteratorOutput;
            /// `GetRecords`: reads stream records from a shard iterator.
            GetRecords get_records get_records_now ($crate::operation::GetRecordsInput)
                -> $crate::operation::GetRecordsOutput;
        } }
    };
}
