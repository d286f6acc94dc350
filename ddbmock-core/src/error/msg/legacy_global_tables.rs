//! Messages of global tables version 2017.11.29 (legacy): CreateGlobalTable, UpdateGlobalTable,
//! DescribeGlobalTable, ListGlobalTables and the settings operations.
//!
//! The API Reference names the exception of each failure and describes it in one sentence ("The
//! specified global table already exists.") but gives no wire text. Each function says where its
//! text comes from; "unconfirmed" marks ddbmock's own wording.

use super::{INVALID_PARAMETER_VALUES, validation};
use crate::error::Error;

/// `TableNotFoundException`: a region of the replication group has no table of the global table's
/// name. The text users report from the service for CreateGlobalTable
/// (aws-controllers-k8s/community#1034); not in the docs.
pub fn table_not_found(table: &str, region: &str) -> Error {
    Error::TableNotFound(format!(
        "Table not found: Table: '{table}' not found in region: '{region}'."
    ))
}

/// `GlobalTableAlreadyExistsException`: CreateGlobalTable of a name that is a global table
/// (unconfirmed; the API Reference's description of the exception with the name).
pub fn global_table_exists(name: &str) -> Error {
    Error::GlobalTableAlreadyExists(format!("The specified global table already exists: {name}"))
}

/// `GlobalTableNotFoundException` (unconfirmed; the API Reference's description of the exception
/// with the name).
pub fn global_table_not_found(name: &str) -> Error {
    Error::GlobalTableNotFound(format!("The specified global table does not exist: {name}"))
}

/// `ReplicaAlreadyExistsException`: UpdateGlobalTable adding a region already in the group
/// (unconfirmed; the API Reference's description of the exception with the region).
pub fn replica_exists(region: &str) -> Error {
    Error::ReplicaAlreadyExists(format!(
        "The specified replica is already part of the global table: {region}"
    ))
}

/// `ReplicaNotFoundException`: a region not in the group (unconfirmed; the API Reference's
/// description of the exception with the region).
pub fn replica_not_found(region: &str) -> Error {
    Error::ReplicaNotFound(format!(
        "The specified replica is no longer part of the global table: {region}"
    ))
}

/// A table that is already a replica of a version 2019.11.21 global table (unconfirmed).
pub fn already_2019(table: &str, region: &str) -> Error {
    validation(format!(
        "{INVALID_PARAMETER_VALUES}: Table {table} in region {region} is a replica of a version 2019.11.21 global table"
    ))
}

/// A replica table without a stream of `NEW_AND_OLD_IMAGES` (unconfirmed; the API Reference
/// states the rule: "The table must have DynamoDB Streams enabled, with the stream containing
/// both the new and the old images of the item").
pub fn stream_required(table: &str, region: &str) -> Error {
    validation(format!(
        "{INVALID_PARAMETER_VALUES}: Table {table} in region {region} must have DynamoDB Streams enabled with view type NEW_AND_OLD_IMAGES"
    ))
}

/// A replica table that holds items (unconfirmed; the rule: "None of the replica tables in the
/// global table can contain any data").
pub fn not_empty(table: &str, region: &str) -> Error {
    validation(format!(
        "{INVALID_PARAMETER_VALUES}: Table {table} in region {region} is not empty"
    ))
}

/// Replica tables whose key schema or secondary indexes differ (unconfirmed; the rules: the same
/// primary key, and indexes of the same names with the same hash and sort keys).
pub fn schema_differs(table: &str, region: &str) -> Error {
    validation(format!(
        "{INVALID_PARAMETER_VALUES}: Table {table} in region {region} does not have the same key schema and secondary indexes as the other replicas"
    ))
}

/// A region named twice in one request (unconfirmed).
pub fn duplicate_region(region: &str) -> Error {
    validation(format!(
        "{INVALID_PARAMETER_VALUES}: Region {region} is named more than once"
    ))
}

/// A `ReplicaUpdate` with none, or both, of Create and Delete (unconfirmed).
pub fn one_action() -> Error {
    validation(format!(
        "{INVALID_PARAMETER_VALUES}: A replica update must have exactly one of Create or Delete"
    ))
}

/// UpdateTable's `ReplicaUpdates` on a member of a version 2017.11.29 global table, which
/// UpdateGlobalTable manages (unconfirmed).
pub fn legacy_member(table: &str) -> Error {
    validation(format!(
        "{INVALID_PARAMETER_VALUES}: Table {table} belongs to a version 2017.11.29 global table; use UpdateGlobalTable"
    ))
}

/// A global secondary index the global table's tables do not have (unconfirmed).
pub fn index_not_found(name: &str, index: &str) -> Error {
    validation(format!(
        "{INVALID_PARAMETER_VALUES}: Global table {name} has no global secondary index {index}"
    ))
}

/// Provisioned capacity settings for a global table billed on demand (unconfirmed).
pub fn capacity_on_demand(name: &str) -> Error {
    validation(format!(
        "{INVALID_PARAMETER_VALUES}: Global table {name} is billed PAY_PER_REQUEST and has no provisioned capacity to update"
    ))
}
