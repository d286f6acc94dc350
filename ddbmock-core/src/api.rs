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
    (($(#[$meta:meta])* $Trait:ident) {
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
        }
    };
}

crate::dynamodb_operations!(service_trait,
    /// DynamoDB (API 2012-08-10): one async method per operation.
    DynamoDb
);

crate::streams_operations!(service_trait,
    /// DynamoDB Streams (API 2012-08-10): one async method per operation.
    DynamoDbStreams
);

/// A method of a pointer's impl: the same method of the implementation pointed to.
macro_rules! forward {
    ($pointer:ident, $input:ident, $Wire:ident $method:ident $($rest:tt)*) => {
        (**$pointer).$method($input).await
    };
}

/// Implements `$Trait` for `Arc<T>`, `Box<T>` and `&T`, from the list `$operations`.
macro_rules! forward_pointers {
    ($operations:ident, $Trait:ident) => {
        crate::$operations!(crate::impl_operations, [T: $Trait + ?Sized] $Trait for Arc<T> => forward);
        crate::$operations!(crate::impl_operations, [T: $Trait + ?Sized] $Trait for Box<T> => forward);
        crate::$operations!(crate::impl_operations, [T: $Trait + ?Sized] $Trait for &T => forward);
    };
}

forward_pointers!(dynamodb_operations, DynamoDb);
forward_pointers!(streams_operations, DynamoDbStreams);
