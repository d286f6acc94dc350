//! The operations the protocol serves: `X-Amz-Target` names to [`DynamoDb`] methods.
//!
//! The target parser and the dispatch of [`Operation`] (declared with the lists, in
//! [`operations`](crate::operations)) are generated from the lists, so a new row there is served
//! with no change here.

use crate::api::{DynamoDb, DynamoDbStreams};
use crate::error::{Result, msg};
use crate::operations::Operation;

use super::decode;
use crate::api::output_json;

/// The `X-Amz-Target` prefix of DynamoDB's operations (API version 2012-08-10).
const DYNAMODB_PREFIX: &str = "DynamoDB_20120810.";
/// The `X-Amz-Target` prefix of DynamoDB Streams' operations.
const STREAMS_PREFIX: &str = "DynamoDBStreams_20120810.";

/// Generates the target parsing and dispatch of [`Operation`] from both lists.
macro_rules! protocol {
    (() {
        $( $(#[$doc:meta])* $Wire:ident $method:ident $now:ident ($Input:ty) -> $Output:ty
           $(, route $member:ident $setter:ident)?; )+
    } {
        $( $(#[$sdoc:meta])* $SWire:ident $smethod:ident $snow:ident ($SInput:ty) -> $SOutput:ty; )+
    }) => {
        impl Operation {
            /// The `X-Amz-Target` prefix of the operation's service.
            pub fn prefix(self) -> &'static str {
                match self {
                    $( Operation::$Wire => DYNAMODB_PREFIX, )+
                    $( Operation::$SWire => STREAMS_PREFIX, )+
                }
            }

            /// The operation a `X-Amz-Target` value names (`DynamoDB_20120810.PutItem`,
            /// `DynamoDBStreams_20120810.GetRecords`), if any. DynamoDB matches target names
            /// exactly, case included.
            pub fn from_target(target: &str) -> Option<Operation> {
                if let Some(name) = target.strip_prefix(DYNAMODB_PREFIX) {
                    return match name {
                        $( stringify!($Wire) => Some(Operation::$Wire), )+
                        _ => None,
                    };
                }
                match target.strip_prefix(STREAMS_PREFIX)? {
                    $( stringify!($SWire) => Some(Operation::$SWire), )+
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
                // The reads with JSON answers of their own (see `DynamoDb`).
                match self {
                    Operation::GetItem => return db.get_item_json(decode::input(body)?).await,
                    Operation::Query => return db.query_json(decode::input(body)?).await,
                    Operation::Scan => return db.scan_json(decode::input(body)?).await,
                    _ => {}
                }
                match self {
                    $( Operation::$Wire => output_json(&db.$method(decode::input(body)?).await?), )+
                    $( Operation::$SWire => match streams {
                        Some(s) => output_json(&s.$smethod(decode::input(body)?).await?),
                        None => Err(msg::protocol::unknown_operation()),
                    }, )+
                }
            }
        }
    };
}

crate::all_operations!(protocol);

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
