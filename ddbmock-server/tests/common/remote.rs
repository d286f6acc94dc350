//! `Remote`: the `DynamoDb` and `DynamoDbStreams` traits over HTTP, against a ddbmock server of its
//! own, so that the conformance suite runs through the server door exactly as it runs on the engine.

use async_trait::async_trait;
use ddbmock_core::operation::*;
use ddbmock_core::protocol::error_from_body;
use ddbmock_core::{DynamoDb, DynamoDbStreams, Result};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::Server;

/// A client of a fresh server on port 0; the server stops when the client is dropped.
pub struct Remote {
    server: Server,
}

impl Remote {
    pub async fn start() -> Remote {
        Remote {
            server: Server::start().await,
        }
    }

    async fn call<I: Serialize + Sync, O: DeserializeOwned>(
        &self,
        operation: &str,
        input: &I,
    ) -> Result<O> {
        let body = serde_json::to_string(input).expect("inputs serialize");
        let reply = self.server.call(operation, &body).await;
        if reply.status == 200 {
            Ok(serde_json::from_slice(&reply.body).expect("outputs deserialize"))
        } else {
            Err(error_from_body(reply.status, &reply.body))
        }
    }
}

macro_rules! remote {
    ($Trait:ident { $($method:ident($Input:ty) -> $Output:ty = $operation:literal;)+ }) => {
        #[async_trait]
        impl $Trait for Remote {
            $(
                async fn $method(&self, input: $Input) -> Result<$Output> {
                    self.call($operation, &input).await
                }
            )+
        }
    };
}

remote!(DynamoDb {
    create_table(CreateTableInput) -> CreateTableOutput = "CreateTable";
    describe_table(DescribeTableInput) -> DescribeTableOutput = "DescribeTable";
    list_tables(ListTablesInput) -> ListTablesOutput = "ListTables";
    update_table(UpdateTableInput) -> UpdateTableOutput = "UpdateTable";
    delete_table(DeleteTableInput) -> DeleteTableOutput = "DeleteTable";
    put_item(PutItemInput) -> PutItemOutput = "PutItem";
    get_item(GetItemInput) -> GetItemOutput = "GetItem";
    update_item(UpdateItemInput) -> UpdateItemOutput = "UpdateItem";
    delete_item(DeleteItemInput) -> DeleteItemOutput = "DeleteItem";
    query(QueryInput) -> QueryOutput = "Query";
    scan(ScanInput) -> ScanOutput = "Scan";
    batch_get_item(BatchGetItemInput) -> BatchGetItemOutput = "BatchGetItem";
    batch_write_item(BatchWriteItemInput) -> BatchWriteItemOutput = "BatchWriteItem";
    transact_get_items(TransactGetItemsInput) -> TransactGetItemsOutput = "TransactGetItems";
    transact_write_items(TransactWriteItemsInput) -> TransactWriteItemsOutput = "TransactWriteItems";
    update_time_to_live(UpdateTimeToLiveInput) -> UpdateTimeToLiveOutput = "UpdateTimeToLive";
    describe_time_to_live(DescribeTimeToLiveInput) -> DescribeTimeToLiveOutput = "DescribeTimeToLive";
    tag_resource(TagResourceInput) -> TagResourceOutput = "TagResource";
    untag_resource(UntagResourceInput) -> UntagResourceOutput = "UntagResource";
    list_tags_of_resource(ListTagsOfResourceInput) -> ListTagsOfResourceOutput = "ListTagsOfResource";
    describe_limits(DescribeLimitsInput) -> DescribeLimitsOutput = "DescribeLimits";
    describe_endpoints(DescribeEndpointsInput) -> DescribeEndpointsOutput = "DescribeEndpoints";
});

// `Server::call` sends these under the Streams target prefix.
remote!(DynamoDbStreams {
    list_streams(ListStreamsInput) -> ListStreamsOutput = "ListStreams";
    describe_stream(DescribeStreamInput) -> DescribeStreamOutput = "DescribeStream";
    get_shard_iterator(GetShardIteratorInput) -> GetShardIteratorOutput = "GetShardIterator";
    get_records(GetRecordsInput) -> GetRecordsOutput = "GetRecords";
});
