//! The `DynamoDb` trait: DynamoDB's operations as async methods, one per operation, named as in
//! `aws-sdk-dynamodb`.
//!
//! Applications written against the trait take an [`crate::Error`]-returning implementation: the engine in
//! tests, an adapter over the AWS SDK in production. The trait is object safe (`Arc<dyn DynamoDb>` works),
//! and is implemented for `&T`, `Box<T>` and `Arc<T>` so that wrappers compose.

use std::sync::Arc;

use async_trait::async_trait;

use crate::Result;
use crate::operation::{
    CreateTableInput, CreateTableOutput, DeleteItemInput, DeleteItemOutput, DeleteTableInput,
    DeleteTableOutput, DescribeTableInput, DescribeTableOutput, GetItemInput, GetItemOutput,
    ListTablesInput, ListTablesOutput, PutItemInput, PutItemOutput, UpdateItemInput,
    UpdateItemOutput, UpdateTableInput, UpdateTableOutput,
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
}

/// Forwards every method of [`DynamoDb`] to `**self`, for a smart pointer or reference type.
macro_rules! forward_dynamodb {
    ($($generics:tt)*) => {
        #[async_trait]
        impl $($generics)* {
            async fn create_table(&self, input: CreateTableInput) -> Result<CreateTableOutput> {
                (**self).create_table(input).await
            }
            async fn describe_table(&self, input: DescribeTableInput) -> Result<DescribeTableOutput> {
                (**self).describe_table(input).await
            }
            async fn list_tables(&self, input: ListTablesInput) -> Result<ListTablesOutput> {
                (**self).list_tables(input).await
            }
            async fn update_table(&self, input: UpdateTableInput) -> Result<UpdateTableOutput> {
                (**self).update_table(input).await
            }
            async fn delete_table(&self, input: DeleteTableInput) -> Result<DeleteTableOutput> {
                (**self).delete_table(input).await
            }
            async fn put_item(&self, input: PutItemInput) -> Result<PutItemOutput> {
                (**self).put_item(input).await
            }
            async fn get_item(&self, input: GetItemInput) -> Result<GetItemOutput> {
                (**self).get_item(input).await
            }
            async fn update_item(&self, input: UpdateItemInput) -> Result<UpdateItemOutput> {
                (**self).update_item(input).await
            }
            async fn delete_item(&self, input: DeleteItemInput) -> Result<DeleteItemOutput> {
                (**self).delete_item(input).await
            }
        }
    };
}

forward_dynamodb!(<T: DynamoDb + ?Sized> DynamoDb for Arc<T>);
forward_dynamodb!(<T: DynamoDb + ?Sized> DynamoDb for Box<T>);
forward_dynamodb!(<T: DynamoDb + ?Sized> DynamoDb for &T);
