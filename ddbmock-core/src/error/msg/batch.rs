//! Messages of BatchGetItem and BatchWriteItem.

use super::constraint::{map_value_length, max_length, min_length, validation_error};
use super::validation;
use crate::error::Error;
use crate::model::MULTIPLE_DATATYPES;

/// An empty `RequestItems` map; DynamoDB quotes it as Java prints an empty map.
pub fn no_request_items() -> Error {
    validation_error("'{}'", "requestItems", &min_length(1))
}

/// A table of BatchGetItem with an empty `Keys` list.
pub fn no_keys(table: &str) -> Error {
    validation_error(
        "'[]'",
        &format!("requestItems.{table}.member.keys"),
        &min_length(1),
    )
}

/// A table of BatchGetItem with more than `max` keys: DynamoDB's newer validation, which quotes
/// no value and names the member by its wire names.
pub fn too_many_keys(table: &str, max: usize) -> Error {
    validation_error(
        "",
        &format!("RequestItems.{table}.member.Keys"),
        &max_length(max),
    )
}

/// A table of BatchWriteItem with more than `max` requests: the map-value constraint on
/// `requestItems`, with the map quoted as DynamoDB's Java model prints it (`quoted`, see
/// [`quoted_write_requests`]).
pub fn too_many_writes(quoted: &str, max: usize) -> Error {
    validation_error(quoted, "requestItems", &map_value_length(1, max))
}

/// A `RequestItems` map of BatchWriteItem as DynamoDB's Java model prints it in a constraint
/// message: `'{tbl=[WriteRequest(putRequest=PutRequest(item={pk=…AttributeValue@1a2b3c4d},
/// workloadProfileName=null), deleteRequest=null), …]}'`. Java prints each attribute value as its
/// class and identity hash, which no client can predict; a hash of the value's place stands in.
pub fn quoted_write_requests(tables: &[(&str, Vec<WriteRequestShape<'_>>)]) -> String {
    let quoted: Vec<String> = tables
        .iter()
        .map(|(table, requests)| {
            let requests: Vec<String> = requests
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    let attrs = |names: &[&str]| {
                        let pairs: Vec<String> = names
                            .iter()
                            .map(|n| {
                                let hash = fnv1a(format!("{table}/{i}/{n}").as_bytes());
                                format!("{n}=com.amazonaws.dynamodb.v20120810.AttributeValue@{hash:x}")
                            })
                            .collect();
                        format!("{{{}}}", pairs.join(", "))
                    };
                    match r {
                        WriteRequestShape::Put(names) => format!(
                            "WriteRequest(putRequest=PutRequest(item={}, workloadProfileName=null), deleteRequest=null)",
                            attrs(names)
                        ),
                        WriteRequestShape::Delete(names) => format!(
                            "WriteRequest(putRequest=null, deleteRequest=DeleteRequest(key={}, workloadProfileName=null))",
                            attrs(names)
                        ),
                        WriteRequestShape::Other => {
                            "WriteRequest(putRequest=null, deleteRequest=null)".to_owned()
                        }
                    }
                })
                .collect();
            format!("{table}=[{}]", requests.join(", "))
        })
        .collect();
    format!("'{{{}}}'", quoted.join(", "))
}

/// 32-bit FNV-1a: a stable stand-in for Java's identity hash in [`quoted_write_requests`].
fn fnv1a(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5, |h, b| {
        (h ^ u32::from(*b)).wrapping_mul(0x0100_0193)
    })
}

/// What [`quoted_write_requests`] prints of one `WriteRequest`: its kind and attribute names.
pub enum WriteRequestShape<'a> {
    /// A `PutRequest` of an item with these attributes.
    Put(Vec<&'a str>),
    /// A `DeleteRequest` of a key with these attributes.
    Delete(Vec<&'a str>),
    /// Neither or both.
    Other,
}

/// More requests than the operation takes (`operation` is `BatchGetItem` or `BatchWriteItem`).
pub fn too_many_items(operation: &str) -> Error {
    validation(format!("Too many items requested for the {operation} call"))
}

/// Two requests of one batch on one item.
pub fn duplicate_keys() -> Error {
    validation("Provided list of item keys contains duplicates")
}

/// A `WriteRequest` with both or neither of `PutRequest` and `DeleteRequest`: DynamoDB answers with
/// its text for an attribute value with several data types.
pub fn write_request_members() -> Error {
    validation(MULTIPLE_DATATYPES)
}
