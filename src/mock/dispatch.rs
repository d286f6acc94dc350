//! `impl DynamoDb for Mock`, generated from the operation list: every operation goes through
//! `Mock::before`, then to its replacement, the batch splitter, or the wrapped implementation.

use async_trait::async_trait;

use super::Mock;
use super::ops;
use crate::DynamoDb;

/// A method of the mock: `Mock::before`, then the replacement or [`pass_on!`].
macro_rules! mocked {
    ($mock:ident, $input:ident, $Op:ident $method:ident $($rest:tt)*) => {{
        if let Some(handler) = $mock.before::<ops::$Op>(&$input).await? {
            return handler($input);
        }
        pass_on!($mock, $method, $input)
    }};
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

crate::dynamodb_operations!(crate::impl_operations, [D: DynamoDb] DynamoDb for Mock<D> => mocked);
