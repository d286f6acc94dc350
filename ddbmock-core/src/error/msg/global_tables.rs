//! Messages of global tables version 2019.11.21: UpdateTable's `ReplicaUpdates`.
//!
//! The Developer Guide and API Reference state the rules (one replica per region, the same key
//! schema and indexes, streams with new and old images, on-demand or auto-scaled write capacity)
//! but give no wire text for breaking them. Where a function says "unconfirmed", the wording is
//! ddbmock's own; the others are texts users have reported from the service, also not in the docs.

use super::{INVALID_PARAMETER_VALUES, validation};
use crate::error::Error;

/// A replica created in a region that already has the table (a replica of it, or a table of the
/// same name). The "a the" is in the text users report from the service; not in the docs
/// (unconfirmed).
pub fn replica_exists(table: &str) -> Error {
    validation(format!(
        "Failed to create a the new replica of table with name: \u{2018}{table}\u{2019} because one or more replicas already existed as tables."
    ))
}

/// A provisioned table without write auto scaling gets no replica: its write capacity could not
/// follow the replicated writes. The text users report from the service; not in the docs
/// (unconfirmed).
pub fn write_capacity_not_managed() -> Error {
    validation("Table write capacity should either be Pay-Per-Request or AutoScaled.")
}

/// A replica update for the region the request was sent to (unconfirmed).
pub fn own_region(region: &str) -> Error {
    validation(format!(
        "{INVALID_PARAMETER_VALUES}: Cannot add or remove a replica in the table's own region: {region}"
    ))
}

/// An Update or Delete of a region where the table has no replica (unconfirmed).
pub fn no_replica(table: &str, region: &str) -> Error {
    validation(format!(
        "{INVALID_PARAMETER_VALUES}: Table {table} has no replica in region {region}"
    ))
}

/// A stream already enabled with a view type other than `NEW_AND_OLD_IMAGES`: replication reads
/// both images (unconfirmed).
pub fn stream_view_type(table: &str, view_type: &str) -> Error {
    validation(format!(
        "{INVALID_PARAMETER_VALUES}: Table {table} has a stream of view type {view_type}; a replica needs NEW_AND_OLD_IMAGES"
    ))
}

/// A `ReplicationGroupUpdate` with none, or more than one, of Create, Update and Delete
/// (unconfirmed).
pub fn one_action() -> Error {
    validation(format!(
        "{INVALID_PARAMETER_VALUES}: A replica update must have exactly one of Create, Update or Delete"
    ))
}

/// `ReplicaUpdates` together with other table changes in one UpdateTable (unconfirmed).
pub fn not_with_other_updates() -> Error {
    validation(format!(
        "{INVALID_PARAMETER_VALUES}: ReplicaUpdates cannot be combined with other table updates"
    ))
}

/// An Update action that changes nothing (unconfirmed).
pub fn nothing_to_update(region: &str) -> Error {
    validation(format!(
        "{INVALID_PARAMETER_VALUES}: The replica update for region {region} changes nothing"
    ))
}

/// A replica where ddbmock has no other region to put it: one engine serves every region (the
/// server's `--shared`, or an engine outside a `Scopes`). ddbmock's own text.
pub fn no_regions() -> Error {
    validation(format!(
        "{INVALID_PARAMETER_VALUES}: Replicas need separate regions; this ddbmock serves every region with one set of tables"
    ))
}
