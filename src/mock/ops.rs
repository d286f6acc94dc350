//! One marker type per DynamoDB operation, naming its request and response types, so that
//! [`Mock::replace`](super::Mock::replace) can take a typed closure for any one operation.

use serde::Serialize;

use crate::operation::*;

/// A DynamoDB operation: its wire name and its request and response types.
pub trait Operation: 'static {
    /// The operation's name on the wire (`PutItem`).
    const NAME: &'static str;
    /// The request type.
    type Input: Serialize + Send + 'static;
    /// The response type.
    type Output: Send + 'static;
}

macro_rules! operations {
    ($($Op:ident($Input:ident -> $Output:ident);)+) => {
        $(
            #[doc = concat!("`", stringify!($Op), "`.")]
            #[derive(Clone, Copy, Debug)]
            pub struct $Op;

            impl Operation for $Op {
                const NAME: &'static str = stringify!($Op);
                type Input = $Input;
                type Output = $Output;
            }
        )+
    };
}

operations! {
    CreateTable(CreateTableInput -> CreateTableOutput);
    DescribeTable(DescribeTableInput -> DescribeTableOutput);
    ListTables(ListTablesInput -> ListTablesOutput);
    UpdateTable(UpdateTableInput -> UpdateTableOutput);
    DeleteTable(DeleteTableInput -> DeleteTableOutput);
    PutItem(PutItemInput -> PutItemOutput);
    GetItem(GetItemInput -> GetItemOutput);
    UpdateItem(UpdateItemInput -> UpdateItemOutput);
    DeleteItem(DeleteItemInput -> DeleteItemOutput);
    Query(QueryInput -> QueryOutput);
    Scan(ScanInput -> ScanOutput);
    BatchGetItem(BatchGetItemInput -> BatchGetItemOutput);
    BatchWriteItem(BatchWriteItemInput -> BatchWriteItemOutput);
    TransactGetItems(TransactGetItemsInput -> TransactGetItemsOutput);
    TransactWriteItems(TransactWriteItemsInput -> TransactWriteItemsOutput);
    UpdateTimeToLive(UpdateTimeToLiveInput -> UpdateTimeToLiveOutput);
    DescribeTimeToLive(DescribeTimeToLiveInput -> DescribeTimeToLiveOutput);
    TagResource(TagResourceInput -> TagResourceOutput);
    UntagResource(UntagResourceInput -> UntagResourceOutput);
    ListTagsOfResource(ListTagsOfResourceInput -> ListTagsOfResourceOutput);
    DescribeLimits(DescribeLimitsInput -> DescribeLimitsOutput);
    DescribeEndpoints(DescribeEndpointsInput -> DescribeEndpointsOutput);
}
