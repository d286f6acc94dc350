//! Short constructors for the common requests, over the wire structs rather than instead of them.
//!
//! `new` fills the members a request cannot do without; `.value(":v", v)` and `.name("#n", "n")` add
//! to `ExpressionAttributeValues` and `ExpressionAttributeNames`; `.condition`, `.filter` and `.index`
//! set their expression or index. Any other member is set with struct update syntax, since the
//! structs stay plain data:
//!
//! ```
//! use ddbmock_core::item;
//! use ddbmock_core::operation::{PutItemInput, QueryInput};
//!
//! let put = PutItemInput::new("users", item! { "pk" => "u1", "n" => 3 })
//!     .condition("attribute_not_exists(pk)");
//! assert_eq!(put.table_name.as_deref(), Some("users"));
//!
//! let query = QueryInput {
//!     limit: Some(10),
//!     ..QueryInput::new("users", "pk = :pk AND #n > :n").value(":pk", "u1").value(":n", 2).name("#n", "n")
//! };
//! assert_eq!(query.expression_attribute_values, Some(item! { ":pk" => "u1", ":n" => 2 }));
//! assert_eq!(query.expression_attribute_names.unwrap()["#n"], "n");
//! ```

use super::{
    AttributeDefinition, BillingMode, CreateTableInput, DeleteItemInput, GetItemInput,
    KeySchemaElement, KeyType, PutItemInput, QueryInput, ScalarAttributeType, ScanInput,
    UpdateItemInput,
};
use crate::model::{AttributeValue, Item};

impl CreateTableInput {
    /// Creates `table` on demand (`BillingMode` `PAY_PER_REQUEST`, so that no throughput is needed),
    /// with the partition key `hash` of type `hash_type`; [`range`](Self::range) adds a sort key.
    ///
    /// ```
    /// use ddbmock_core::DynamoDb;
    /// use ddbmock_core::operation::{CreateTableInput, ScalarAttributeType::{N, S}};
    ///
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// let db = ddbmock_engine::Engine::memory();
    /// db.create_table(CreateTableInput::new("orders", "pk", S).range("sk", N)).await?;
    /// # Ok::<(), ddbmock_core::Error>(())
    /// # }).unwrap();
    /// ```
    pub fn new(
        table: impl Into<String>,
        hash: impl Into<String>,
        hash_type: ScalarAttributeType,
    ) -> Self {
        CreateTableInput {
            table_name: Some(table.into()),
            billing_mode: Some(BillingMode::PayPerRequest),
            ..Default::default()
        }
        .key(hash.into(), hash_type, KeyType::Hash)
    }

    /// Adds the sort key `range`, of type `range_type`.
    pub fn range(self, range: impl Into<String>, range_type: ScalarAttributeType) -> Self {
        self.key(range.into(), range_type, KeyType::Range)
    }

    fn key(mut self, name: String, attribute_type: ScalarAttributeType, key_type: KeyType) -> Self {
        self.attribute_definitions
            .get_or_insert_default()
            .push(AttributeDefinition {
                attribute_name: Some(name.clone()),
                attribute_type: Some(attribute_type),
            });
        self.key_schema
            .get_or_insert_default()
            .push(KeySchemaElement {
                attribute_name: Some(name),
                key_type: Some(key_type),
            });
        self
    }
}

impl PutItemInput {
    /// Puts `item` into `table`.
    pub fn new(table: impl Into<String>, item: Item) -> Self {
        PutItemInput {
            table_name: Some(table.into()),
            item: Some(item),
            ..Default::default()
        }
    }
}

impl GetItemInput {
    /// Gets the item of `key` from `table`.
    pub fn new(table: impl Into<String>, key: Item) -> Self {
        GetItemInput {
            table_name: Some(table.into()),
            key: Some(key),
            ..Default::default()
        }
    }

    /// Adds `#placeholder` → `name` to `ExpressionAttributeNames` (for `ProjectionExpression`).
    pub fn name(mut self, placeholder: impl Into<String>, name: impl Into<String>) -> Self {
        self.expression_attribute_names
            .get_or_insert_default()
            .insert(placeholder.into(), name.into());
        self
    }
}

impl DeleteItemInput {
    /// Deletes the item of `key` from `table`.
    pub fn new(table: impl Into<String>, key: Item) -> Self {
        DeleteItemInput {
            table_name: Some(table.into()),
            key: Some(key),
            ..Default::default()
        }
    }
}

impl UpdateItemInput {
    /// Updates the item of `key` in `table` with `update_expression` (`SET #n = :n`).
    pub fn new(table: impl Into<String>, key: Item, update_expression: impl Into<String>) -> Self {
        UpdateItemInput {
            table_name: Some(table.into()),
            key: Some(key),
            update_expression: Some(update_expression.into()),
            ..Default::default()
        }
    }
}

impl QueryInput {
    /// Queries `table` for the items matching `key_condition_expression` (`pk = :pk`).
    pub fn new(table: impl Into<String>, key_condition_expression: impl Into<String>) -> Self {
        QueryInput {
            table_name: Some(table.into()),
            key_condition_expression: Some(key_condition_expression.into()),
            ..Default::default()
        }
    }
}

impl ScanInput {
    /// Scans `table`.
    pub fn new(table: impl Into<String>) -> Self {
        ScanInput {
            table_name: Some(table.into()),
            ..Default::default()
        }
    }
}

/// `.value` and `.name`, for the requests with both expression maps.
macro_rules! expression_maps {
    ($($Input:ident),*) => {$(
        impl $Input {
            /// Adds `:placeholder` → `value` to `ExpressionAttributeValues`.
            pub fn value(
                mut self,
                placeholder: impl Into<String>,
                value: impl Into<AttributeValue>,
            ) -> Self {
                self.expression_attribute_values
                    .get_or_insert_default()
                    .insert(placeholder.into(), value.into());
                self
            }

            /// Adds `#placeholder` → `name` to `ExpressionAttributeNames`.
            pub fn name(mut self, placeholder: impl Into<String>, name: impl Into<String>) -> Self {
                self.expression_attribute_names
                    .get_or_insert_default()
                    .insert(placeholder.into(), name.into());
                self
            }
        }
    )*};
}

expression_maps!(
    PutItemInput,
    DeleteItemInput,
    UpdateItemInput,
    QueryInput,
    ScanInput
);

/// `.condition`, for the writes.
macro_rules! condition {
    ($($Input:ident),*) => {$(
        impl $Input {
            /// Sets `ConditionExpression`: the write happens only if the item as it is satisfies it.
            pub fn condition(mut self, expression: impl Into<String>) -> Self {
                self.condition_expression = Some(expression.into());
                self
            }
        }
    )*};
}

condition!(PutItemInput, DeleteItemInput, UpdateItemInput);

/// `.filter` and `.index`, for the reads of many items.
macro_rules! filter_and_index {
    ($($Input:ident),*) => {$(
        impl $Input {
            /// Sets `FilterExpression`, applied to the items read before they are returned.
            pub fn filter(mut self, expression: impl Into<String>) -> Self {
                self.filter_expression = Some(expression.into());
                self
            }

            /// Reads the secondary index `index` (`IndexName`) instead of the table.
            pub fn index(mut self, index: impl Into<String>) -> Self {
                self.index_name = Some(index.into());
                self
            }
        }
    )*};
}

filter_and_index!(QueryInput, ScanInput);
