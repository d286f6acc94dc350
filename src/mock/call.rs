//! [`Call`]: the record of one request that went through a [`Mock`](super::Mock).

use crate::operations::Operation;

/// One request made through a [`Mock`](super::Mock), as recorded before anything else happens to it
/// (so calls that a fault failed or a replacement answered are recorded too).
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Call {
    /// The call's position among all calls through the mock, from 1.
    pub index: usize,
    /// The call's position among the calls of the same operation, from 1.
    pub operation_index: usize,
    /// The operation: [`Operation::PutItem`], [`Operation::BatchWriteItem`], …
    pub operation: Operation,
    /// The request as DynamoDB's wire JSON.
    pub request: serde_json::Value,
}

impl Call {
    /// Whether this is a call of `operation`.
    pub fn is(&self, operation: Operation) -> bool {
        self.operation == operation
    }
}
