//! What an operation reports about itself: consumed capacity and item collection metrics.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::model::Item;

/// The capacity units consumed by an operation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ConsumedCapacity {
    /// The name of the table that was affected by the operation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table_name: Option<String>,
    /// The total number of capacity units consumed by the operation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capacity_units: Option<f64>,
    /// The total number of read capacity units consumed by the operation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub read_capacity_units: Option<f64>,
    /// The total number of write capacity units consumed by the operation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub write_capacity_units: Option<f64>,
    /// The amount of throughput consumed on the table affected by the operation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub table: Option<Capacity>,
    /// The amount of throughput consumed on each local index affected by the operation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub local_secondary_indexes: Option<HashMap<String, Capacity>>,
    /// The amount of throughput consumed on each global index affected by the operation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub global_secondary_indexes: Option<HashMap<String, Capacity>>,
}

/// Represents the amount of provisioned throughput capacity consumed on a table or an index.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct Capacity {
    /// The total number of read capacity units consumed on a table or an index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub read_capacity_units: Option<f64>,
    /// The total number of write capacity units consumed on a table or an index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub write_capacity_units: Option<f64>,
    /// The total number of capacity units consumed on a table or an index.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capacity_units: Option<f64>,
}

/// Information about item collections, if any, that were affected by the operation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct ItemCollectionMetrics {
    /// The partition key value of the item collection.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item_collection_key: Option<Item>,
    /// An estimate of item collection size, in gigabytes.
    #[serde(
        rename = "SizeEstimateRangeGB",
        skip_serializing_if = "Option::is_none"
    )]
    pub size_estimate_range_gb: Option<Vec<f64>>,
}
