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

        forward!($Trait, Arc<T> { $($method($Input) -> $Output;)+ });
        forward!($Trait, Box<T> { $($method($Input) -> $Output;)+ });
        forward!($Trait, &T { $($method($Input) -> $Output;)+ });
    };
}

/// Implements `$Trait` for a pointer to an implementation by forwarding every method to `**self`.
macro_rules! forward {
    ($Trait:ident, $Pointer:ty { $($method:ident($Input:ty) -> $Output:ty;)+ }) => {
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

crate::dynamodb_operations!(service_trait,
    /// DynamoDB (API 2012-08-10): one async method per operation.
    DynamoDb
);

crate::streams_operations!(service_trait,
    /// DynamoDB Streams (API 2012-08-10): one async method per operation.
    DynamoDbStreams
);
