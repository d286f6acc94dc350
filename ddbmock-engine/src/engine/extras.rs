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
    /// Contributor insights of the table (`index` none) and of its global indexes.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) insights: Vec<InsightsRecord>,
    /// Kinesis streaming destinations, in the order they were first enabled.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) kinesis: Vec<KinesisRecord>,
    /// Auto scaling settings of the table's and its global indexes' read and write capacity.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) auto_scaling: Vec<ScalingRecord>,
    /// The warm throughput CreateTable or UpdateTable asked for, as read and write units per second.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) warm: Option<(Option<i64>, Option<i64>)>,
    /// Point-in-time recovery, once UpdateContinuousBackups has enabled it (see `pitr`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) pitr: Option<PitrRecord>,
    /// Where a restored table came from (its `RestoreSummary`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) restore: Option<RestoreRecord>,
    /// The table's replicas in other regions (global tables version 2019.11.21).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) replicas: Vec<ReplicaRecord>,
    /// Membership of a global table version 2017.11.29, whose other members are `replicas`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) legacy_global: Option<LegacyGlobalRecord>,
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

/// The contributor insights setting of a table or of one of its global indexes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct InsightsRecord {
    /// The index, or none for the table.
    pub(crate) index: Option<String>,
    /// Whether the last update enabled it.
    pub(crate) enabled: bool,
    /// `ACCESSED_AND_THROTTLED_KEYS` or `THROTTLED_KEYS`.
    pub(crate) mode: String,
    /// Epoch seconds of the last update; the rules are named after it.
    pub(crate) updated_at: f64,
    /// Epoch seconds when the change settles (`ENABLING` to `ENABLED`, `DISABLING` to `DISABLED`).
    pub(crate) until: f64,
}

/// A Kinesis streaming destination of a table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct KinesisRecord {
    /// The Kinesis data stream's ARN.
    pub(crate) stream_arn: String,
    /// The status the last operation set: `ENABLING`, `UPDATING` or `DISABLING`, which settle
    /// into `ACTIVE`, `ACTIVE` and `DISABLED` at `until`.
    pub(crate) status: String,
    /// Epoch seconds when the status settles.
    pub(crate) until: f64,
    /// The timestamp precision, once set explicitly.
    pub(crate) precision: Option<String>,
}

/// The auto scaling settings of one capacity (read or write) of the table or of a global index.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub(crate) struct ScalingRecord {
    /// The index, or none for the table.
    pub(crate) index: Option<String>,
    /// Whether this is the write capacity's (else the read capacity's).
    pub(crate) write: bool,
    pub(crate) minimum: Option<i64>,
    pub(crate) maximum: Option<i64>,
    pub(crate) disabled: Option<bool>,
    pub(crate) role_arn: Option<String>,
    pub(crate) policy: Option<ScalingPolicyRecord>,
}

/// A target tracking scaling policy.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub(crate) struct ScalingPolicyRecord {
    pub(crate) name: Option<String>,
    pub(crate) disable_scale_in: Option<bool>,
    pub(crate) scale_in_cooldown: Option<i32>,
    pub(crate) scale_out_cooldown: Option<i32>,
    pub(crate) target_value: Option<f64>,
}

/// The point-in-time recovery setting of a table. Its change log keyspace stays with the table once
/// made, emptied while recovery is disabled, so that a write racing a disable never meets a dropped
/// keyspace.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct PitrRecord {
    /// Whether recovery is on.
    pub(crate) enabled: bool,
    /// Epoch seconds when it was last turned on: the earliest restorable time, at first.
    pub(crate) enabled_at: f64,
    /// The recovery period, 1 to 35 days.
    pub(crate) days: i32,
    /// The keyspace of the table's change log (see `pitr::log`).
    pub(crate) log_space: u64,
}

/// The source of a restored table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct RestoreRecord {
    /// The backup restored, for RestoreTableFromBackup.
    pub(crate) backup_arn: Option<String>,
    /// The source table's ARN.
    pub(crate) table_arn: Option<String>,
    /// The moment restored to: the backup's creation, or the point in time.
    pub(crate) at: f64,
}

/// A replica of a table (global tables version 2019.11.21, see `global_tables`): its region, and
/// when it turns `ACTIVE` (epoch seconds on the engine clock).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct ReplicaRecord {
    pub(crate) region: String,
    pub(crate) active_at: f64,
}

/// A table's membership of a global table version 2017.11.29 (see `global_tables::legacy`): every
/// member keeps the same record, and lists the other members in `Extras::replicas`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct LegacyGlobalRecord {
    /// When CreateGlobalTable made the global table (epoch seconds).
    pub(crate) created_at: f64,
    /// When it turns `ACTIVE` (epoch seconds on the engine clock).
    pub(crate) active_at: f64,
}
