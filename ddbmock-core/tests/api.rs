//! The `DynamoDb` and `DynamoDbStreams` traits are object safe, and references, boxes and `Arc`s of an implementation implement it.

use std::sync::Arc;

use async_trait::async_trait;
use ddbmock_core::operation::*;
use ddbmock_core::{DynamoDb, DynamoDbStreams, Error, Result};

/// Answers `ListTables` with the table names it was built with, and everything else with an error.
struct Fixed(Vec<String>);

fn not_here() -> Error {
    Error::ResourceNotFound("Requested resource not found".to_owned())
}

#[async_trait]
impl DynamoDb for Fixed {
    async fn create_table(&self, _: CreateTableInput) -> Result<CreateTableOutput> {
        Err(not_here())
    }
    async fn describe_table(&self, _: DescribeTableInput) -> Result<DescribeTableOutput> {
        Err(not_here())
    }
    async fn list_tables(&self, _: ListTablesInput) -> Result<ListTablesOutput> {
        Ok(ListTablesOutput {
            table_names: Some(self.0.clone()),
            ..Default::default()
        })
    }
    async fn update_table(&self, _: UpdateTableInput) -> Result<UpdateTableOutput> {
        Err(not_here())
    }
    async fn delete_table(&self, _: DeleteTableInput) -> Result<DeleteTableOutput> {
        Err(not_here())
    }
    async fn put_item(&self, _: PutItemInput) -> Result<PutItemOutput> {
        Err(not_here())
    }
    async fn get_item(&self, _: GetItemInput) -> Result<GetItemOutput> {
        Err(not_here())
    }
    async fn update_item(&self, _: UpdateItemInput) -> Result<UpdateItemOutput> {
        Err(not_here())
    }
    async fn delete_item(&self, _: DeleteItemInput) -> Result<DeleteItemOutput> {
        Err(not_here())
    }
    async fn query(&self, _: QueryInput) -> Result<QueryOutput> {
        Err(not_here())
    }
    async fn scan(&self, _: ScanInput) -> Result<ScanOutput> {
        Err(not_here())
    }
    async fn batch_get_item(&self, _: BatchGetItemInput) -> Result<BatchGetItemOutput> {
        Err(not_here())
    }
    async fn batch_write_item(&self, _: BatchWriteItemInput) -> Result<BatchWriteItemOutput> {
        Err(not_here())
    }
    async fn transact_get_items(&self, _: TransactGetItemsInput) -> Result<TransactGetItemsOutput> {
        Err(not_here())
    }
    async fn transact_write_items(
        &self,
        _: TransactWriteItemsInput,
    ) -> Result<TransactWriteItemsOutput> {
        Err(not_here())
    }
    async fn execute_statement(&self, _: ExecuteStatementInput) -> Result<ExecuteStatementOutput> {
        Err(not_here())
    }
    async fn batch_execute_statement(
        &self,
        _: BatchExecuteStatementInput,
    ) -> Result<BatchExecuteStatementOutput> {
        Err(not_here())
    }
    async fn execute_transaction(
        &self,
        _: ExecuteTransactionInput,
    ) -> Result<ExecuteTransactionOutput> {
        Err(not_here())
    }
    async fn update_time_to_live(
        &self,
        _: UpdateTimeToLiveInput,
    ) -> Result<UpdateTimeToLiveOutput> {
        Err(not_here())
    }
    async fn describe_time_to_live(
        &self,
        _: DescribeTimeToLiveInput,
    ) -> Result<DescribeTimeToLiveOutput> {
        Err(not_here())
    }
    async fn tag_resource(&self, _: TagResourceInput) -> Result<TagResourceOutput> {
        Err(not_here())
    }
    async fn untag_resource(&self, _: UntagResourceInput) -> Result<UntagResourceOutput> {
        Err(not_here())
    }
    async fn list_tags_of_resource(
        &self,
        _: ListTagsOfResourceInput,
    ) -> Result<ListTagsOfResourceOutput> {
        Err(not_here())
    }
    async fn describe_limits(&self, _: DescribeLimitsInput) -> Result<DescribeLimitsOutput> {
        Err(not_here())
    }
    async fn describe_endpoints(
        &self,
        _: DescribeEndpointsInput,
    ) -> Result<DescribeEndpointsOutput> {
        Err(not_here())
    }
    async fn put_resource_policy(
        &self,
        _: PutResourcePolicyInput,
    ) -> Result<PutResourcePolicyOutput> {
        Err(not_here())
    }
    async fn get_resource_policy(
        &self,
        _: GetResourcePolicyInput,
    ) -> Result<GetResourcePolicyOutput> {
        Err(not_here())
    }
    async fn delete_resource_policy(
        &self,
        _: DeleteResourcePolicyInput,
    ) -> Result<DeleteResourcePolicyOutput> {
        Err(not_here())
    }
    async fn update_contributor_insights(
        &self,
        _: UpdateContributorInsightsInput,
    ) -> Result<UpdateContributorInsightsOutput> {
        Err(not_here())
    }
    async fn describe_contributor_insights(
        &self,
        _: DescribeContributorInsightsInput,
    ) -> Result<DescribeContributorInsightsOutput> {
        Err(not_here())
    }
    async fn list_contributor_insights(
        &self,
        _: ListContributorInsightsInput,
    ) -> Result<ListContributorInsightsOutput> {
        Err(not_here())
    }
    async fn enable_kinesis_streaming_destination(
        &self,
        _: EnableKinesisStreamingDestinationInput,
    ) -> Result<EnableKinesisStreamingDestinationOutput> {
        Err(not_here())
    }
    async fn disable_kinesis_streaming_destination(
        &self,
        _: DisableKinesisStreamingDestinationInput,
    ) -> Result<DisableKinesisStreamingDestinationOutput> {
        Err(not_here())
    }
    async fn describe_kinesis_streaming_destination(
        &self,
        _: DescribeKinesisStreamingDestinationInput,
    ) -> Result<DescribeKinesisStreamingDestinationOutput> {
        Err(not_here())
    }
    async fn update_kinesis_streaming_destination(
        &self,
        _: UpdateKinesisStreamingDestinationInput,
    ) -> Result<UpdateKinesisStreamingDestinationOutput> {
        Err(not_here())
    }
    async fn describe_table_replica_auto_scaling(
        &self,
        _: DescribeTableReplicaAutoScalingInput,
    ) -> Result<DescribeTableReplicaAutoScalingOutput> {
        Err(not_here())
    }
    async fn update_table_replica_auto_scaling(
        &self,
        _: UpdateTableReplicaAutoScalingInput,
    ) -> Result<UpdateTableReplicaAutoScalingOutput> {
        Err(not_here())
    }
    async fn create_global_table(
        &self,
        _: CreateGlobalTableInput,
    ) -> Result<CreateGlobalTableOutput> {
        Err(not_here())
    }
    async fn describe_global_table(
        &self,
        _: DescribeGlobalTableInput,
    ) -> Result<DescribeGlobalTableOutput> {
        Err(not_here())
    }
    async fn list_global_tables(&self, _: ListGlobalTablesInput) -> Result<ListGlobalTablesOutput> {
        Err(not_here())
    }
    async fn update_global_table(
        &self,
        _: UpdateGlobalTableInput,
    ) -> Result<UpdateGlobalTableOutput> {
        Err(not_here())
    }
    async fn describe_global_table_settings(
        &self,
        _: DescribeGlobalTableSettingsInput,
    ) -> Result<DescribeGlobalTableSettingsOutput> {
        Err(not_here())
    }
    async fn update_global_table_settings(
        &self,
        _: UpdateGlobalTableSettingsInput,
    ) -> Result<UpdateGlobalTableSettingsOutput> {
        Err(not_here())
    }
    async fn create_backup(&self, _: CreateBackupInput) -> Result<CreateBackupOutput> {
        Err(not_here())
    }
    async fn describe_backup(&self, _: DescribeBackupInput) -> Result<DescribeBackupOutput> {
        Err(not_here())
    }
    async fn list_backups(&self, _: ListBackupsInput) -> Result<ListBackupsOutput> {
        Err(not_here())
    }
    async fn delete_backup(&self, _: DeleteBackupInput) -> Result<DeleteBackupOutput> {
        Err(not_here())
    }
    async fn restore_table_from_backup(
        &self,
        _: RestoreTableFromBackupInput,
    ) -> Result<RestoreTableFromBackupOutput> {
        Err(not_here())
    }
    async fn update_continuous_backups(
        &self,
        _: UpdateContinuousBackupsInput,
    ) -> Result<UpdateContinuousBackupsOutput> {
        Err(not_here())
    }
    async fn describe_continuous_backups(
        &self,
        _: DescribeContinuousBackupsInput,
    ) -> Result<DescribeContinuousBackupsOutput> {
        Err(not_here())
    }
    async fn restore_table_to_point_in_time(
        &self,
        _: RestoreTableToPointInTimeInput,
    ) -> Result<RestoreTableToPointInTimeOutput> {
        Err(not_here())
    }
    async fn export_table_to_point_in_time(
        &self,
        _: ExportTableToPointInTimeInput,
    ) -> Result<ExportTableToPointInTimeOutput> {
        Err(not_here())
    }
    async fn describe_export(&self, _: DescribeExportInput) -> Result<DescribeExportOutput> {
        Err(not_here())
    }
    async fn list_exports(&self, _: ListExportsInput) -> Result<ListExportsOutput> {
        Err(not_here())
    }
    async fn import_table(&self, _: ImportTableInput) -> Result<ImportTableOutput> {
        Err(not_here())
    }
    async fn describe_import(&self, _: DescribeImportInput) -> Result<DescribeImportOutput> {
        Err(not_here())
    }
    async fn list_imports(&self, _: ListImportsInput) -> Result<ListImportsOutput> {
        Err(not_here())
    }
}

#[async_trait]
impl DynamoDbStreams for Fixed {
    async fn list_streams(&self, _: ListStreamsInput) -> Result<ListStreamsOutput> {
        let streams = self
            .0
            .iter()
            .map(|table| Stream {
                table_name: Some(table.clone()),
                ..Default::default()
            })
            .collect();
        Ok(ListStreamsOutput {
            streams: Some(streams),
            ..Default::default()
        })
    }
    async fn describe_stream(&self, _: DescribeStreamInput) -> Result<DescribeStreamOutput> {
        Err(not_here())
    }
    async fn get_shard_iterator(&self, _: GetShardIteratorInput) -> Result<GetShardIteratorOutput> {
        Err(not_here())
    }
    async fn get_records(&self, _: GetRecordsInput) -> Result<GetRecordsOutput> {
        Err(not_here())
    }
}

/// Generic code over the trait, as applications write it.
async fn table_names<D: DynamoDb + ?Sized>(db: &D) -> Vec<String> {
    db.list_tables(ListTablesInput::default())
        .await
        .ok()
        .and_then(|out| out.table_names)
        .unwrap_or_default()
}

#[tokio::test]
async fn the_trait_works_through_every_pointer() {
    let names = vec!["t".to_owned()];
    let shared: Arc<dyn DynamoDb> = Arc::new(Fixed(names.clone()));
    assert_eq!(table_names(&shared).await, names);
    assert_eq!(table_names(shared.as_ref()).await, names);
    let boxed: Box<dyn DynamoDb> = Box::new(Fixed(names.clone()));
    assert_eq!(table_names(&boxed).await, names);
    let by_ref: &dyn DynamoDb = &Fixed(names.clone());
    assert_eq!(table_names(&by_ref).await, names);
    let arc_of_arc: Arc<Arc<dyn DynamoDb>> = Arc::new(shared);
    assert_eq!(table_names(&arc_of_arc).await, names);
}

#[tokio::test]
async fn the_streams_trait_works_through_every_pointer() {
    let streams: Arc<dyn DynamoDbStreams> = Arc::new(Fixed(vec!["t".to_owned()]));
    let boxed: Box<Arc<dyn DynamoDbStreams>> = Box::new(streams);
    let by_ref = &boxed;
    let out = by_ref.list_streams(ListStreamsInput::default()).await;
    let tables: Vec<Option<String>> = out
        .ok()
        .and_then(|out| out.streams)
        .unwrap_or_default()
        .into_iter()
        .map(|stream| stream.table_name)
        .collect();
    assert_eq!(tables, vec![Some("t".to_owned())]);
}

#[tokio::test]
async fn errors_pass_through_unchanged() {
    let db: Arc<dyn DynamoDb> = Arc::new(Fixed(Vec::new()));
    let result = db.get_item(GetItemInput::default()).await;
    assert_eq!(result, Err(not_here()));
}
