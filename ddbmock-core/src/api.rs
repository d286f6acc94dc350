//! The `DynamoDb` and `DynamoDbStreams` traits: the operations of DynamoDB and of DynamoDB Streams as async
//! methods, one per operation, named as in `aws-sdk-dynamodb` and `aws-sdk-dynamodbstreams`.
//!
//! Applications written against the traits take any implementation: the engine in tests, an adapter over the
//! AWS SDK in production. Both traits are object safe (`Arc<dyn DynamoDb>` works), and are implemented for
//! `&T`, `Box<T>` and `Arc<T>` so that wrappers compose.

use std::sync::Arc;

use async_trait::async_trait;

use crate::Result;
use crate::operation::{
    BatchGetItemInput, BatchGetItemOutput, BatchWriteItemInput, BatchWriteItemOutput,
    CreateTableInput, CreateTableOutput, DeleteItemInput, DeleteItemOutput, DeleteTableInput,
    DeleteTableOutput, DescribeEndpointsInput, DescribeEndpointsOutput, DescribeLimitsInput,
    DescribeLimitsOutput, DescribeStreamInput, DescribeStreamOutput, DescribeTableInput,
    DescribeTableOutput, DescribeTimeToLiveInput, DescribeTimeToLiveOutput, GetItemInput,
    GetItemOutput, GetRecordsInput, GetRecordsOutput, GetShardIteratorInput,
    GetShardIteratorOutput, ListStreamsInput, ListStreamsOutput, ListTablesInput, ListTablesOutput,
    ListTagsOfResourceInput, ListTagsOfResourceOutput, PutItemInput, PutItemOutput, QueryInput,
    QueryOutput, ScanInput, ScanOutput, TagResourceInput, TagResourceOutput, TransactGetItemsInput,
    TransactGetItemsOutput, TransactWriteItemsInput, TransactWriteItemsOutput, UntagResourceInput,
    UntagResourceOutput, UpdateItemInput, UpdateItemOutput, UpdateTableInput, UpdateTableOutput,
    UpdateTimeToLiveInput, UpdateTimeToLiveOutput,
};

/// DynamoDB (API 2012-08-10): one async method per operation.
#[async_trait]
pub trait DynamoDb: Send + Sync {
    /// `CreateTable`: adds a table, in `CREATING` status.
    async fn create_table(&self, input: CreateTableInput) -> Result<CreateTableOutput>;
    /// `DescribeTable`: returns a table's description.
    async fn describe_table(&self, input: DescribeTableInput) -> Result<DescribeTableOutput>;
    /// `ListTables`: lists table names, a page at a time.
    async fn list_tables(&self, input: ListTablesInput) -> Result<ListTablesOutput>;
    /// `UpdateTable`: changes a table's throughput, indexes, stream or settings.
    async fn update_table(&self, input: UpdateTableInput) -> Result<UpdateTableOutput>;
    /// `DeleteTable`: deletes a table and its items.
    async fn delete_table(&self, input: DeleteTableInput) -> Result<DeleteTableOutput>;
    /// `PutItem`: creates or replaces an item.
    async fn put_item(&self, input: PutItemInput) -> Result<PutItemOutput>;
    /// `GetItem`: reads an item by its key.
    async fn get_item(&self, input: GetItemInput) -> Result<GetItemOutput>;
    /// `UpdateItem`: edits an item's attributes, or creates the item.
    async fn update_item(&self, input: UpdateItemInput) -> Result<UpdateItemOutput>;
    /// `DeleteItem`: deletes an item by its key.
    async fn delete_item(&self, input: DeleteItemInput) -> Result<DeleteItemOutput>;
    /// `Query`: reads the items of one partition of a table or index, in sort key order.
    async fn query(&self, input: QueryInput) -> Result<QueryOutput>;
    /// `Scan`: reads every item of a table or index, a page at a time.
    async fn scan(&self, input: ScanInput) -> Result<ScanOutput>;
    /// `BatchGetItem`: reads up to 100 items from one or more tables.
    async fn batch_get_item(&self, input: BatchGetItemInput) -> Result<BatchGetItemOutput>;
    /// `BatchWriteItem`: puts or deletes up to 25 items in one or more tables.
    async fn batch_write_item(&self, input: BatchWriteItemInput) -> Result<BatchWriteItemOutput>;
    /// `TransactGetItems`: reads up to 100 items atomically.
    async fn transact_get_items(
        &self,
        input: TransactGetItemsInput,
    ) -> Result<TransactGetItemsOutput>;
    /// `TransactWriteItems`: applies up to 100 writes and condition checks, all or nothing.
    async fn transact_write_items(
        &self,
        input: TransactWriteItemsInput,
    ) -> Result<TransactWriteItemsOutput>;
    /// `UpdateTimeToLive`: enables or disables time to live on a table.
    async fn update_time_to_live(
        &self,
        input: UpdateTimeToLiveInput,
    ) -> Result<UpdateTimeToLiveOutput>;
    /// `DescribeTimeToLive`: returns a table's time to live setting.
    async fn describe_time_to_live(
        &self,
        input: DescribeTimeToLiveInput,
    ) -> Result<DescribeTimeToLiveOutput>;
    /// `TagResource`: adds tags to a table.
    async fn tag_resource(&self, input: TagResourceInput) -> Result<TagResourceOutput>;
    /// `UntagResource`: removes tags from a table.
    async fn untag_resource(&self, input: UntagResourceInput) -> Result<UntagResourceOutput>;
    /// `ListTagsOfResource`: lists a table's tags.
    async fn list_tags_of_resource(
        &self,
        input: ListTagsOfResourceInput,
    ) -> Result<ListTagsOfResourceOutput>;
    /// `DescribeLimits`: returns the account's and tables' capacity quotas.
    async fn describe_limits(&self, input: DescribeLimitsInput) -> Result<DescribeLimitsOutput>;
    /// `DescribeEndpoints`: returns the endpoint to call.
    async fn describe_endpoints(
        &self,
        input: DescribeEndpointsInput,
    ) -> Result<DescribeEndpointsOutput>;
}

/// DynamoDB Streams (API 2012-08-10): one async method per operation.
#[async_trait]
pub trait DynamoDbStreams: Send + Sync {
    /// `ListStreams`: lists stream ARNs, of all tables or of one.
    async fn list_streams(&self, input: ListStreamsInput) -> Result<ListStreamsOutput>;
    /// `DescribeStream`: returns a stream's description and shards.
    async fn describe_stream(&self, input: DescribeStreamInput) -> Result<DescribeStreamOutput>;
    /// `GetShardIterator`: returns an iterator into a shard.
    async fn get_shard_iterator(
        &self,
        input: GetShardIteratorInput,
    ) -> Result<GetShardIteratorOutput>;
    /// `GetRecords`: reads stream records from a shard iterator.
    async fn get_records(&self, input: GetRecordsInput) -> Result<GetRecordsOutput>;
}

/// Implements a trait for `Arc<T>`, `Box<T>` and `&T` by forwarding every method to `**self`.
macro_rules! forward {
    ($Trait:ident { $($method:ident($Input:ty) -> $Output:ty;)+ }) => {
        forward!(@impl $Trait, Arc<T>, { $($method($Input) -> $Output;)+ });
        forward!(@impl $Trait, Box<T>, { $($method($Input) -> $Output;)+ });
        forward!(@impl $Trait, &T, { $($method($Input) -> $Output;)+ });
    };
    (@impl $Trait:ident, $Pointer:ty, { $($method:ident($Input:ty) -> $Output:ty;)+ }) => {
        #[async_trait]
        impl<T: $Trait + ?Sized> $Trait for $Pointer {
            $(
                async fn $method(&self, input: $Input) -> Result<$Output> {
                    (**self).$method(input).await
                }
            )+
        }
    };
}

forward!(DynamoDb {
    create_table(CreateTableInput) -> CreateTableOutput;
    describe_table(DescribeTableInput) -> DescribeTableOutput;
    list_tables(ListTablesInput) -> ListTablesOutput;
    update_table(UpdateTableInput) -> UpdateTableOutput;
    delete_table(DeleteTableInput) -> DeleteTableOutput;
    put_item(PutItemInput) -> PutItemOutput;
    get_item(GetItemInput) -> GetItemOutput;
    update_item(UpdateItemInput) -> UpdateItemOutput;
    delete_item(DeleteItemInput) -> DeleteItemOutput;
    query(QueryInput) -> QueryOutput;
    scan(ScanInput) -> ScanOutput;
    batch_get_item(BatchGetItemInput) -> BatchGetItemOutput;
    batch_write_item(BatchWriteItemInput) -> BatchWriteItemOutput;
    transact_get_items(TransactGetItemsInput) -> TransactGetItemsOutput;
    transact_write_items(TransactWriteItemsInput) -> TransactWriteItemsOutput;
    update_time_to_live(UpdateTimeToLiveInput) -> UpdateTimeToLiveOutput;
    describe_time_to_live(DescribeTimeToLiveInput) -> DescribeTimeToLiveOutput;
    tag_resource(TagResourceInput) -> TagResourceOutput;
    untag_resource(UntagResourceInput) -> UntagResourceOutput;
    list_tags_of_resource(ListTagsOfResourceInput) -> ListTagsOfResourceOutput;
    describe_limits(DescribeLimitsInput) -> DescribeLimitsOutput;
    describe_endpoints(DescribeEndpointsInput) -> DescribeEndpointsOutput;
});

forward!(DynamoDbStreams {
    list_streams(ListStreamsInput) -> ListStreamsOutput;
    describe_stream(DescribeStreamInput) -> DescribeStreamOutput;
    get_shard_iterator(GetShardIteratorInput) -> GetShardIteratorOutput;
    get_records(GetRecordsInput) -> GetRecordsOutput;
});
