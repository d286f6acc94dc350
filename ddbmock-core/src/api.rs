//! The `DynamoDb` and `DynamoDbStreams` traits: the operations of DynamoDB and of DynamoDB Streams as async
//! methods, one per operation, named as in `aws-sdk-dynamodb` and `aws-sdk-dynamodbstreams`.
//!
//! Applications written against the traits take any implementation: the engine in tests, an adapter over the
//! AWS SDK in production. Both traits are object safe (`Arc<dyn DynamoDb>` works), and are implemented for
//! `&T`, `Box<T>` and `Arc<T>` so that wrappers compose. Their methods come from the lists in
//! [`operations`](crate::operations).

use std::sync::Arc;

use async_trait::async_trait;

use crate::Result;

/// Declares trait `$Trait` with one async method per row of an operation list.
macro_rules! service_trait {
    (($(#[$meta:meta])* $Trait:ident $({ $($provided:tt)* })?) {
        $( $(#[$doc:meta])* $Wire:ident $method:ident $now:ident ($Input:ty) -> $Output:ty
           $(, route $member:ident $setter:ident)?; )+
    }) => {
        $(#[$meta])*
        #[async_trait]
        pub trait $Trait: Send + Sync {
            $(
                $(#[$doc])*
                async fn $method(&self, input: $Input) -> Result<$Output>;
            )+
            $($($provided)*)?
        }
    };
}

crate::dynamodb_operations!(service_trait,
    /// DynamoDB (API 2012-08-10): one async method per operation.
    ///
    /// Besides the operations, three provided methods answer the reads that return items in
    /// DynamoDB's JSON, the body the wire protocol sends back; the protocol calls them in place of
    /// [`get_item`](DynamoDb::get_item), [`query`](DynamoDb::query) and [`scan`](DynamoDb::scan).
    /// Their defaults serialize what those return. An implementation that holds items in an encoded form (the engine)
    /// overrides them to write that form out as JSON, without building the typed output first.
    DynamoDb {
        /// `GetItem`, answered as the JSON body of its output.
        async fn get_item_json(&self, input: crate::operation::GetItemInput) -> Result<Vec<u8>> {
            output_json(&self.get_item(input).await?)
        }

        /// `Query`, answered as the JSON body of its output.
        async fn query_json(&self, input: crate::operation::QueryInput) -> Result<Vec<u8>> {
            output_json(&self.query(input).await?)
        }

        /// `Scan`, answered as the JSON body of its output.
        async fn scan_json(&self, input: crate::operation::ScanInput) -> Result<Vec<u8>> {
            output_json(&self.scan(input).await?)
        }
    }
);

crate::streams_operations!(service_trait,
    /// DynamoDB Streams (API 2012-08-10): one async method per operation.
    DynamoDbStreams
);

/// An output's JSON body, as the wire protocol sends it back.
pub fn output_json<T: serde::Serialize>(output: &T) -> Result<Vec<u8>> {
    serde_json::to_vec(output).map_err(|e| crate::Error::InternalServerError(e.to_string()))
}

/// A method of a pointer's impl: the same method of the implementation pointed to.
macro_rules! forward {
    ($pointer:ident, $input:ident, $Wire:ident $method:ident $($rest:tt)*) => {
        (**$pointer).$method($input).await
    };
}

/// Implements `$Trait` for `Arc<T>`, `Box<T>` and `&T`, from the list `$operations`.
macro_rules! forward_pointers {
    ($operations:ident, $Trait:ident $(, { $($provided:tt)* })?) => {
        crate::$operations!(crate::impl_operations, [T: $Trait + ?Sized] $Trait for Arc<T> => forward; { $($($provided)*)? });
        crate::$operations!(crate::impl_operations, [T: $Trait + ?Sized] $Trait for Box<T> => forward; { $($($provided)*)? });
        crate::$operations!(crate::impl_operations, [T: $Trait + ?Sized] $Trait for &T => forward; { $($($provided)*)? });
    };
}

// A pointer forwards the provided methods too, or the implementation's own would never be called.
forward_pointers!(dynamodb_operations, DynamoDb, {
    async fn get_item_json(&self, input: crate::operation::GetItemInput) -> Result<Vec<u8>> {
        (**self).get_item_json(input).await
    }

    async fn query_json(&self, input: crate::operation::QueryInput) -> Result<Vec<u8>> {
        (**self).query_json(input).await
    }

    async fn scan_json(&self, input: crate::operation::ScanInput) -> Result<Vec<u8>> {
        (**self).scan_json(input).await
    }
});
forward_pointers!(streams_operations, DynamoDbStreams);
