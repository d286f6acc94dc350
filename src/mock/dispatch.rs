//! `impl DynamoDb for Mock`, generated from the operation list: every operation goes through
//! `Mock::before`, then to its replacement, the batch splitter, or the wrapped implementation.

use async_trait::async_trait;

use super::Mock;
use super::ops;
use crate::{DynamoDb, Result};

macro_rules! mocked {
    (() {
        $( $(#[$doc:meta])* $Op:ident $method:ident $now:ident ($Input:ty) -> $Output:ty
           $(, route $member:ident $setter:ident)?; )+
    }) => {
        #[async_trait]
        impl<D: DynamoDb> DynamoDb for Mock<D> {
            $(
                async fn $method(&self, input: $Input) -> Result<$Output> {
                    if let Some(handler) = self.before::<ops::$Op>(&input).await? {
                        return handler(input);
                    }
                    pass_on!(self, $method, input)
                }
            )+
        }
    };
}

/// Where a call goes once nothing replaced it: the batches, which the mock may hold some requests
/// of back, to their splitters; everything else straight to the wrapped implementation.
macro_rules! pass_on {
    ($mock:ident, batch_get_item, $input:ident) => {
        $mock.split_batch_get($input).await
    };
    ($mock:ident, batch_write_item, $input:ident) => {
        $mock.split_batch_write($input).await
    };
    ($mock:ident, $method:ident, $input:ident) => {
        $mock.inner.$method($input).await
    };
}

crate::dynamodb_operations!(mocked);
