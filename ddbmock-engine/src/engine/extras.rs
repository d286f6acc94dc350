//! The settings of a table that later operations added (resource policies, contributor insights,
//! Kinesis streaming destinations, replica auto scaling): kept on the `Table` as these plain
//! types and persisted as they are, an optional part of the catalog record that records written
//! before it existed read as empty.

use serde::{Deserialize, Serialize};

/// A table's later settings; each empty until its operation is called.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub(crate) struct Extras {
    /// Resource-based policies: the table's and its streams', by resource ARN.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) policies: Vec<PolicyRecord>,
}

impl Extras {
    /// Whether nothing is set, so that the record of a table without them stays as it was.
    pub(crate) fn is_empty(&self) -> bool {
        self == &Extras::default()
    }
}

/// A resource-based policy.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct PolicyRecord {
    /// The table's or stream's ARN.
    pub(crate) resource_arn: String,
    /// The document as PutResourcePolicy sent it.
    pub(crate) document: String,
    /// The revision id: epoch milliseconds, strictly increasing per table.
    pub(crate) revision: String,
}
