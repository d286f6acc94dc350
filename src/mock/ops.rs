//! One marker type per DynamoDB operation, naming its request and response types, so that
//! [`Mock::replace`](super::Mock::replace) can take a typed closure for any one operation. The
//! markers are generated from the operation list (`ddbmock_core::operations`).

use serde::Serialize;

use crate::operations;

/// A DynamoDB operation: its wire name and its request and response types.
pub trait Operation: 'static {
    /// The operation, as [`Call::operation`](super::Call::operation) names it.
    const OPERATION: operations::Operation;
    /// The operation's name on the wire (`PutItem`).
    const NAME: &'static str = Self::OPERATION.name();
    /// The request type.
    type Input: Serialize + Send + 'static;
    /// The response type.
    type Output: Send + 'static;
}

macro_rules! markers {
    (() {
        $( $(#[$doc:meta])* $Op:ident $method:ident $now:ident ($Input:ty) -> $Output:ty
           $(, route $member:ident $setter:ident)?; )+
    }) => {
        $(
            $(#[$doc])*
            #[derive(Clone, Copy, Debug)]
            pub struct $Op;

            impl Operation for $Op {
                const OPERATION: operations::Operation = operations::Operation::$Op;
                type Input = $Input;
                type Output = $Output;
            }
        )+
    };
}

crate::dynamodb_operations!(markers);
