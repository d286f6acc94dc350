//! The operations the protocol serves: `X-Amz-Target` names to [`DynamoDb`] methods.
//!
//! The [`Operation`] enum, the target parser and the dispatch are generated from the lists in
//! [`operations`](crate::operations), so a new row there is served with no change here.

use crate::api::{DynamoDb, DynamoDbStreams};
use crate::error::{Result, msg};

use super::{decode, encode};

/// The `X-Amz-Target` prefix of DynamoDB's operations (API version 2012-08-10).
const DYNAMODB_PREFIX: &str = "DynamoDB_20120810.";
/// The `X-Amz-Target` prefix of DynamoDB Streams' operations.
const STREAMS_PREFIX: &str = "DynamoDBStreams_20120810.";

/// Takes DynamoDB's rows and asks for Streams' rows, so that `operations!` sees both lists.
macro_rules! with_streams {
    (() { $($dynamodb:tt)* }) => {
        crate::streams_operations!(operations, { $($dynamodb)* });
    };
}

/// Generates the [`Operation`] enum and its target parsing and dispatch from both lists.
macro_rules! operations {
    (
        ({ $( $(#[$meta:meta])* $name:ident $method:ident $now:ident ($Input:ty) -> $Output:ty
              $(, route $member:ident $setter:ident)?; )+ })
        { $( $(#[$smeta:meta])* $sname:ident $smethod:ident $snow:ident ($sInput:ty) -> $sOutput:ty; )+ }
    ) => {
        /// An operation of the API, as named after the `.` in `X-Amz-Target`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Operation {
            $( $(#[$meta])* $name, )+
            $( $(#[$smeta])* $sname, )+
        }

        impl Operation {
            /// Every operation served, in the order of the lists: DynamoDB's, then Streams'.
            pub const ALL: &'static [Operation] = &[$(Operation::$name,)+ $(Operation::$sname,)+];

            /// The operation's name (`PutItem`).
            pub const fn name(self) -> &'static str {
                match self {
                    $( Operation::$name => stringify!($name), )+
                    $( Operation::$sname => stringify!($sname), )+
                }
            }

            /// The `X-Amz-Target` prefix of the operation's service.
            pub fn prefix(self) -> &'static str {
                match self {
                    $( Operation::$name => DYNAMODB_PREFIX, )+
                    $( Operation::$sname => STREAMS_PREFIX, )+
                }
            }

            /// The operation a `X-Amz-Target` value names (`DynamoDB_20120810.PutItem`,
            /// `DynamoDBStreams_20120810.GetRecords`), if any. DynamoDB matches target names
            /// exactly, case included.
            pub fn from_target(target: &str) -> Option<Operation> {
                if let Some(name) = target.strip_prefix(DYNAMODB_PREFIX) {
                    return match name {
                        $( stringify!($name) => Some(Operation::$name), )+
                        _ => None,
                    };
                }
                match target.strip_prefix(STREAMS_PREFIX)? {
                    $( stringify!($sname) => Some(Operation::$sname), )+
                    _ => None,
                }
            }

            /// Reads the input from `body`, calls the method, and gives back the output's JSON.
            /// Streams operations need `streams`; without it they are unknown, as on an endpoint
            /// that serves only DynamoDB.
            pub(super) async fn call(
                self,
                db: &dyn DynamoDb,
                streams: Option<&dyn DynamoDbStreams>,
                body: &[u8],
            ) -> Result<Vec<u8>> {
                match self {
                    $( Operation::$name => encode::output(&db.$method(decode::input(body)?).await?), )+
                    $( Operation::$sname => match streams {
                        Some(s) => encode::output(&s.$smethod(decode::input(body)?).await?),
                        None => Err(msg::protocol::unknown_operation()),
                    }, )+
                }
            }
        }
    };
}

crate::dynamodb_operations!(with_streams);

impl std::fmt::Display for Operation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_name_operations_exactly() {
        for op in Operation::ALL {
            let target = format!("{}{}", op.prefix(), op.name());
            assert_eq!(Operation::from_target(&target), Some(*op));
        }
        assert_eq!(Operation::from_target("DynamoDB_20120810.ListTable"), None);
        assert_eq!(Operation::from_target("DynamoDB_20120810.listTables"), None);
        assert_eq!(Operation::from_target("DynamoDB_20111205.ListTables"), None);
        assert_eq!(Operation::from_target("ListTables"), None);
        assert_eq!(Operation::from_target("DynamoDB_20120810.GetRecords"), None);
        assert_eq!(
            Operation::from_target("DynamoDBStreams_20120810.PutItem"),
            None
        );
        assert_eq!(Operation::from_target(""), None);
    }
}
