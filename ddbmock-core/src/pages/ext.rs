//! The paginators on the traits: [`DynamoDbExt`] on every [`DynamoDb`] and [`DynamoDbStreamsExt`]
//! on every [`DynamoDbStreams`], one `…_pages` method per paginated operation.

use super::stream::Pages;
use crate::api::{DynamoDb, DynamoDbStreams};
use crate::operation::{
    DescribeStreamInput, ListStreamsInput, ListTablesInput, ListTagsOfResourceInput, QueryInput,
    ScanInput,
};

/// The paginated operations of [`DynamoDb`] as [`Pages`]: implemented for every `DynamoDb`,
/// `dyn DynamoDb` included, so `use ddbmock_core::pages::DynamoDbExt` is all it takes.
pub trait DynamoDbExt: DynamoDb {
    /// The pages of a Query, following `LastEvaluatedKey`; `.all()` collects the items.
    ///
    /// ```
    /// use ddbmock_core::operation::{PutItemInput, QueryInput};
    /// use ddbmock_core::pages::DynamoDbExt;
    /// use ddbmock_core::{DynamoDb, item};
    ///
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// # let db = ddbmock_engine::Engine::memory();
    /// # use ddbmock_core::operation::{CreateTableInput, ScalarAttributeType::{N, S}};
    /// # db.create_table(CreateTableInput::new("orders", "pk", S).range("sk", N)).await?;
    /// db.put_item(PutItemInput::new("orders", item! { "pk" => "u1", "sk" => 1 })).await?;
    /// let query = QueryInput::new("orders", "pk = :pk").value(":pk", "u1");
    /// let orders = db.query_pages(query).all().await?;
    /// assert_eq!(orders, [item! { "pk" => "u1", "sk" => 1 }]);
    /// # Ok::<(), ddbmock_core::Error>(())
    /// # }).unwrap();
    /// ```
    fn query_pages(&self, input: QueryInput) -> Pages<'_, Self, QueryInput> {
        Pages::new(self, input)
    }

    /// The pages of a Scan (or of one segment of a parallel Scan), following `LastEvaluatedKey`;
    /// `.all()` collects the items.
    ///
    /// ```
    /// use std::sync::Arc;
    /// use ddbmock_core::operation::ScanInput;
    /// use ddbmock_core::pages::DynamoDbExt;
    /// use ddbmock_core::DynamoDb;
    ///
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// let db: Arc<dyn DynamoDb> = Arc::new(ddbmock_engine::Engine::memory());
    /// let e = db.scan_pages(ScanInput::new("missing")).all().await.unwrap_err();
    /// assert_eq!(e.type_name(), "ResourceNotFoundException");
    /// # });
    /// ```
    fn scan_pages(&self, input: ScanInput) -> Pages<'_, Self, ScanInput> {
        Pages::new(self, input)
    }

    /// The pages of ListTables, following `LastEvaluatedTableName`; `.all()` collects the table
    /// names.
    ///
    /// ```
    /// use ddbmock_core::operation::{CreateTableInput, ListTablesInput, ScalarAttributeType::S};
    /// use ddbmock_core::pages::DynamoDbExt;
    /// use ddbmock_core::DynamoDb;
    ///
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// let db = ddbmock_engine::Engine::memory();
    /// for name in ["ants", "bees", "cats"] {
    ///     db.create_table(CreateTableInput::new(name, "pk", S)).await?;
    /// }
    /// let one_a_page = ListTablesInput { limit: Some(1), ..Default::default() };
    /// assert_eq!(db.list_tables_pages(one_a_page).all().await?, ["ants", "bees", "cats"]);
    /// # Ok::<(), ddbmock_core::Error>(())
    /// # }).unwrap();
    /// ```
    fn list_tables_pages(&self, input: ListTablesInput) -> Pages<'_, Self, ListTablesInput> {
        Pages::new(self, input)
    }

    /// The pages of ListTagsOfResource, following `NextToken`; `.all()` collects the tags.
    ///
    /// ```
    /// use ddbmock_core::operation::*;
    /// use ddbmock_core::pages::DynamoDbExt;
    /// use ddbmock_core::DynamoDb;
    ///
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// let db = ddbmock_engine::Engine::memory();
    /// let created = db.create_table(CreateTableInput::new("orders", "pk", ScalarAttributeType::S)).await?;
    /// let arn = created.table_description.and_then(|d| d.table_arn);
    /// let tag = Tag { key: Some("team".into()), value: Some("orders".into()) };
    /// db.tag_resource(TagResourceInput { resource_arn: arn.clone(), tags: Some(vec![tag.clone()]) })
    ///     .await?;
    /// let input = ListTagsOfResourceInput { resource_arn: arn, next_token: None };
    /// assert_eq!(db.list_tags_of_resource_pages(input).all().await?, [tag]);
    /// # Ok::<(), ddbmock_core::Error>(())
    /// # }).unwrap();
    /// ```
    fn list_tags_of_resource_pages(
        &self,
        input: ListTagsOfResourceInput,
    ) -> Pages<'_, Self, ListTagsOfResourceInput> {
        Pages::new(self, input)
    }
}

impl<D: DynamoDb + ?Sized> DynamoDbExt for D {}

/// The paginated operations of [`DynamoDbStreams`] as [`Pages`]: implemented for every
/// `DynamoDbStreams`, `dyn DynamoDbStreams` included.
pub trait DynamoDbStreamsExt: DynamoDbStreams {
    /// The pages of ListStreams, following `LastEvaluatedStreamArn`; `.all()` collects the
    /// streams.
    ///
    /// ```
    /// use ddbmock_core::operation::ListStreamsInput;
    /// use ddbmock_core::pages::DynamoDbStreamsExt;
    ///
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// let db = ddbmock_engine::Engine::memory();
    /// assert!(db.list_streams_pages(ListStreamsInput::default()).all().await?.is_empty());
    /// # Ok::<(), ddbmock_core::Error>(())
    /// # }).unwrap();
    /// ```
    fn list_streams_pages(&self, input: ListStreamsInput) -> Pages<'_, Self, ListStreamsInput> {
        Pages::new(self, input)
    }

    /// The pages of DescribeStream, following the description's `LastEvaluatedShardId`; `.all()`
    /// collects the shards. Each page also carries the rest of the stream's description.
    ///
    /// ```
    /// use ddbmock_core::operation::*;
    /// use ddbmock_core::pages::DynamoDbStreamsExt;
    /// use ddbmock_core::DynamoDb;
    ///
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// let db = ddbmock_engine::Engine::memory();
    /// let created = db
    ///     .create_table(CreateTableInput {
    ///         stream_specification: Some(StreamSpecification {
    ///             stream_enabled: Some(true),
    ///             stream_view_type: Some(StreamViewType::NewImage),
    ///         }),
    ///         ..CreateTableInput::new("orders", "pk", ScalarAttributeType::S)
    ///     })
    ///     .await?;
    /// let stream_arn = created.table_description.and_then(|d| d.latest_stream_arn);
    /// let input = DescribeStreamInput { stream_arn, ..Default::default() };
    /// let shards = db.describe_stream_pages(input).all().await?;
    /// assert_eq!(shards.len(), 1);
    /// # Ok::<(), ddbmock_core::Error>(())
    /// # }).unwrap();
    /// ```
    fn describe_stream_pages(
        &self,
        input: DescribeStreamInput,
    ) -> Pages<'_, Self, DescribeStreamInput> {
        Pages::new(self, input)
    }
}

impl<D: DynamoDbStreams + ?Sized> DynamoDbStreamsExt for D {}
