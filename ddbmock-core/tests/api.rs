//! The `DynamoDb` trait is object safe, and references, boxes and `Arc`s of an implementation implement it.

use std::sync::Arc;

use async_trait::async_trait;
use ddbmock_core::operation::{
    CreateTableInput, CreateTableOutput, DeleteItemInput, DeleteItemOutput, DeleteTableInput,
    DeleteTableOutput, DescribeTableInput, DescribeTableOutput, GetItemInput, GetItemOutput,
    ListTablesInput, ListTablesOutput, PutItemInput, PutItemOutput, UpdateItemInput,
    UpdateItemOutput, UpdateTableInput, UpdateTableOutput,
};
use ddbmock_core::{DynamoDb, Error, Result};

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
async fn errors_pass_through_unchanged() {
    let db: Arc<dyn DynamoDb> = Arc::new(Fixed(Vec::new()));
    let result = db.get_item(GetItemInput::default()).await;
    assert_eq!(result, Err(not_here()));
}
