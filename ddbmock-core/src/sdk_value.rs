//! Conversions between ddbmock's [`AttributeValue`] and `aws_sdk_dynamodb::types::AttributeValue`
//! (feature `sdk`), for code that holds SDK values and calls the trait, or the other way round.
//!
//! ddbmock → SDK always succeeds (`From`); SDK → ddbmock fails only on the SDK's `Unknown` variant
//! (a type newer than the SDK knows), with [`Error::Serialization`] (`TryFrom`). Items convert with
//! [`to_sdk_item`] and [`from_sdk_item`], since `From` between two `HashMap`s cannot be implemented
//! here.

use std::collections::HashMap;

use aws_sdk_dynamodb::primitives::Blob;
use aws_sdk_dynamodb::types::AttributeValue as SdkValue;

use crate::error::{Error, Result};
use crate::model::{AttributeValue, Item};

impl From<AttributeValue> for SdkValue {
    fn from(value: AttributeValue) -> Self {
        match value {
            AttributeValue::S(s) => SdkValue::S(s),
            AttributeValue::N(n) => SdkValue::N(n),
            AttributeValue::B(b) => SdkValue::B(Blob::new(b)),
            AttributeValue::Ss(ss) => SdkValue::Ss(ss),
            AttributeValue::Ns(ns) => SdkValue::Ns(ns),
            AttributeValue::Bs(bs) => SdkValue::Bs(bs.into_iter().map(Blob::new).collect()),
            AttributeValue::M(m) => SdkValue::M(to_sdk_item(m)),
            AttributeValue::L(l) => SdkValue::L(l.into_iter().map(SdkValue::from).collect()),
            AttributeValue::Null(b) => SdkValue::Null(b),
            AttributeValue::Bool(b) => SdkValue::Bool(b),
        }
    }
}

impl TryFrom<SdkValue> for AttributeValue {
    type Error = Error;

    fn try_from(value: SdkValue) -> Result<Self> {
        Ok(match value {
            SdkValue::S(s) => AttributeValue::S(s),
            SdkValue::N(n) => AttributeValue::N(n),
            SdkValue::B(b) => AttributeValue::B(b.into_inner()),
            SdkValue::Ss(ss) => AttributeValue::Ss(ss),
            SdkValue::Ns(ns) => AttributeValue::Ns(ns),
            SdkValue::Bs(bs) => AttributeValue::Bs(bs.into_iter().map(Blob::into_inner).collect()),
            SdkValue::M(m) => AttributeValue::M(from_sdk_item(m)?),
            SdkValue::L(l) => AttributeValue::L(
                l.into_iter()
                    .map(AttributeValue::try_from)
                    .collect::<Result<_>>()?,
            ),
            SdkValue::Null(b) => AttributeValue::Null(b),
            SdkValue::Bool(b) => AttributeValue::Bool(b),
            // `Unknown`, and any variant a later SDK adds: the SDK's enum is non-exhaustive.
            _ => {
                return Err(Error::Serialization(
                    "an SDK AttributeValue of a type this SDK version does not know".to_owned(),
                ));
            }
        })
    }
}

/// The SDK's form of an item (`HashMap<String, aws_sdk_dynamodb::types::AttributeValue>`).
///
/// ```
/// use aws_sdk_dynamodb::types::AttributeValue as SdkValue;
/// use ddbmock_core::item;
/// use ddbmock_core::sdk::{from_sdk_item, to_sdk_item};
///
/// let item = item! { "pk" => "u1", "n" => 3, "b" => vec![0_u8] };
/// let sdk = to_sdk_item(item.clone());
/// assert_eq!(sdk["n"], SdkValue::N("3".into()));
/// assert_eq!(from_sdk_item(sdk)?, item);
/// # Ok::<(), ddbmock_core::Error>(())
/// ```
pub fn to_sdk_item(item: Item) -> HashMap<String, SdkValue> {
    item.into_iter().map(|(k, v)| (k, v.into())).collect()
}

/// ddbmock's form of an SDK item; an error only for the SDK's `Unknown` values.
pub fn from_sdk_item(item: HashMap<String, SdkValue>) -> Result<Item> {
    item.into_iter()
        .map(|(k, v)| Ok((k, AttributeValue::try_from(v)?)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_type_round_trips() {
        let value = AttributeValue::M(crate::item! {
            "s" => "x", "n" => 1.5, "b" => vec![1_u8], "ss" => crate::set!["a"], "ns" => crate::set![2],
            "bs" => crate::set![vec![3_u8]], "l" => AttributeValue::list([true]), "null" => None::<bool>,
        });
        let sdk = SdkValue::from(value.clone());
        assert_eq!(AttributeValue::try_from(sdk), Ok(value));
        // `Unknown` cannot be built outside the SDK, so its error path is not reachable from here.
    }
}
