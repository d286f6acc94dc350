//! `impl DynamoDb for Mock`: every operation goes through `Mock::before`, then to its replacement,
//! the batch splitter, or the wrapped implementation.

use async_trait::async_trait;

use super::Mock;
use super::ops::{self, Operation};
use crate::{DynamoDb, Result};

macro_rules! mocked {
    (
        plain { $($method:ident($Op:ident);)+ }
        batch { $($batch_method:ident($BatchOp:ident) => $split:ident;)+ }
    ) => {
        #[async_trait]
        impl<D: DynamoDb> DynamoDb for Mock<D> {
            $(
                async fn $method(
                    &self,
                    input: <ops::$Op as Operation>::Input,
                ) -> Result<<ops::$Op as Operation>::Output> {
                    if let Some(handler) = self.before::<ops::$Op>(&input).await? {
                        return handler(input);
                    }
                    self.inner.$method(input).await
                }
            )+
            $(
                async fn $batch_method(
                    &self,
                    input: <ops::$BatchOp as Operation>::Input,
                ) -> Result<<ops::$BatchOp as Operation>::Output> {
                    if let Some(handler) = self.before::<ops::$BatchOp>(&input).await? {
                        return handler(input);
                    }
                    self.$split(input).await
                }
            )+
        }
    };
}

mocked! {
    plain {
        create_table(CreateTable);
        describe_table(DescribeTable);
        list_tables(ListTables);
        update_table(UpdateTable);
        delete_table(DeleteTable);
        put_item(PutItem);
        get_item(GetItem);
        update_item(UpdateItem);
        delete_item(DeleteItem);
        query(Query);
        scan(Scan);
        transact_get_items(TransactGetItems);
        transact_write_items(TransactWriteItems);
        update_time_to_live(UpdateTimeToLive);
        describe_time_to_live(DescribeTimeToLive);
        tag_resource(TagResource);
        untag_resource(UntagResource);
        list_tags_of_resource(ListTagsOfResource);
        describe_limits(DescribeLimits);
        describe_endpoints(DescribeEndpoints);
    }
    batch {
        batch_get_item(BatchGetItem) => split_batch_get;
        batch_write_item(BatchWriteItem) => split_batch_write;
    }
}
