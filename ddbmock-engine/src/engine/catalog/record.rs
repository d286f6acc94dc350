//! The catalog record, version 3: what a table's catalog entry persists, in types of its own.
//!
//! Versions 1 to 3 have the same types; they differ in the storage keys of the table's items and
//! index entries. Version 2 keys lead with DynamoDB's partition hash (`key_hash`) and order a global
//! index's equal keys by the table key's hash; version 3 orders a local index's equal keys that way
//! too; version 1 keys led with a 64-bit FNV hash. A table of an older version is re-keyed when
//! the store is opened (see `catalog`).
//!
//! Nothing here is a wire struct: renaming a field of `ddbmock_core::operation` must not change
//! what a database file holds, so every stored shape and enumeration is spelled out below, and
//! converted to and from the engine's `Table` by `convert` (which rebuilds the DescribeTable
//! description exactly). A change to these types is a change of the file format: it needs a new version
//! and a migration (see `catalog`).

use serde::{Deserialize, Serialize};

use crate::storage::SpaceId;
use ddbmock_core::operation as wire;

/// The version this build writes, and the newest it reads.
pub(crate) const VERSION: u32 = 3;

/// The last version whose storage keys led with the FNV hash: tables up to it are re-keyed.
pub(crate) const FNV_KEYS: u32 = 1;

/// The last version whose local index entries with equal index keys kept the table's sort key
/// order: its tables are re-keyed too.
pub(crate) const UNTIED_LOCAL_KEYS: u32 = 2;

/// Defines an enumeration of the record: its variants with their stored spelling, and `Other` for
/// a value the engine accepted without knowing it (DynamoDB's enumerations grow; the engine keeps
/// unvalidated values such as a table class as sent), stored as a plain string. Conversions to and
/// from the wire's enumeration go through the string, so they are total both ways.
macro_rules! record_enum {
    ($(#[$meta:meta])* $name:ident, $wire:ty { $($(#[$vmeta:meta])* $variant:ident => $value:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub(crate) enum $name {
            $($(#[$vmeta])* $variant,)+
            /// A value this build does not name, as it was stored.
            Other(String),
        }

        impl $name {
            fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $value,)+
                    Self::Other(s) => s,
                }
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                match s {
                    $($value => Self::$variant,)+
                    other => Self::Other(other.to_owned()),
                }
            }
        }

        impl From<&$wire> for $name {
            fn from(w: &$wire) -> Self {
                Self::from(w.as_str())
            }
        }

        impl From<&$name> for $wire {
            fn from(r: &$name) -> Self {
                <$wire>::from(r.as_str())
            }
        }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                Ok(Self::from(String::deserialize(d)?.as_str()))
            }
        }
    };
}

record_enum!(
    /// A key or attribute definition's scalar type.
    ScalarType, wire::ScalarAttributeType { S => "S", N => "N", B => "B", }
);
record_enum!(
    /// A table's status.
    TableStatus, wire::TableStatus {
        Creating => "CREATING", Updating => "UPDATING", Deleting => "DELETING", Active => "ACTIVE",
    }
);
record_enum!(
    /// A global secondary index's status.
    IndexStatus, wire::IndexStatus {
        Creating => "CREATING", Updating => "UPDATING", Deleting => "DELETING", Active => "ACTIVE",
    }
);
record_enum!(
    /// How a table is billed.
    BillingMode, wire::BillingMode { Provisioned => "PROVISIONED", PayPerRequest => "PAY_PER_REQUEST", }
);
record_enum!(
    /// Which attributes an index carries.
    ProjectionType, wire::ProjectionType { All => "ALL", KeysOnly => "KEYS_ONLY", Include => "INCLUDE", }
);
record_enum!(
    /// What a stream record holds.
    StreamViewType, wire::StreamViewType {
        NewImage => "NEW_IMAGE", OldImage => "OLD_IMAGE", NewAndOldImages => "NEW_AND_OLD_IMAGES",
        KeysOnly => "KEYS_ONLY",
    }
);
record_enum!(
    /// A table's storage class.
    TableClass, wire::TableClass {
        Standard => "STANDARD", StandardInfrequentAccess => "STANDARD_INFREQUENT_ACCESS",
    }
);
record_enum!(
    /// The state of server-side encryption.
    SseStatus, wire::SseStatus {
        Enabling => "ENABLING", Enabled => "ENABLED", Disabling => "DISABLING", Disabled => "DISABLED",
    }
);
record_enum!(
    /// The server-side encryption type.
    SseType, wire::SseType { Aes256 => "AES256", Kms => "KMS", }
);

/// One table's catalog entry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct TableRecord {
    /// Always [`VERSION`] when written by this build.
    pub(crate) version: u32,
    pub(crate) name: String,
    pub(crate) arn: String,
    /// DynamoDB's `TableId`.
    pub(crate) id: String,
    /// Epoch seconds.
    pub(crate) created_at: f64,
    /// The settled status (a transition in progress is `transition`).
    pub(crate) status: TableStatus,
    /// The primary key, with its attributes' types.
    pub(crate) key: KeyRecord,
    /// The attribute definitions, in the order DescribeTable lists them.
    pub(crate) attributes: Vec<AttributeRecord>,
    /// The keyspace of the table's items.
    pub(crate) space: SpaceId,
    /// The billing mode, once set explicitly (absent: provisioned, never switched).
    pub(crate) billing_mode: Option<BillingModeRecord>,
    pub(crate) throughput: Option<ThroughputRecord>,
    pub(crate) on_demand: Option<OnDemandRecord>,
    /// Local indexes, then global ones, each group in DescribeTable's order.
    pub(crate) indexes: Vec<IndexRecord>,
    /// Global indexes UpdateTable deleted that DescribeTable still shows `DELETING`.
    pub(crate) deleting_indexes: Vec<DeletingIndexRecord>,
    /// The stream, while enabled.
    pub(crate) stream: Option<StreamRecord>,
    /// The latest stream's ARN and label, kept after the stream is disabled.
    pub(crate) latest_stream: Option<LatestStreamRecord>,
    pub(crate) sse: Option<SseRecord>,
    pub(crate) table_class: Option<TableClassRecord>,
    pub(crate) deletion_protection: bool,
    /// In the order they were added.
    pub(crate) tags: Vec<TagRecord>,
    /// The time-to-live setting, once UpdateTimeToLive has been called.
    pub(crate) ttl: Option<TtlRecord>,
    /// A status transition in progress.
    pub(crate) transition: Option<TransitionRecord>,
    /// Settings of later operations (policies, insights, Kinesis, auto scaling): optional, so
    /// that records written before them read as none set.
    #[serde(
        default,
        skip_serializing_if = "crate::engine::extras::Extras::is_empty"
    )]
    pub(crate) extras: crate::engine::extras::Extras,
}

/// A key schema: partition key and optional sort key, with their types.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct KeyRecord {
    pub(crate) hash: KeyAttrRecord,
    pub(crate) range: Option<KeyAttrRecord>,
    /// The further partition attributes of a multi-attribute index key. Absent (so version 1
    /// files written before multi-attribute keys read unchanged) when there are none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) more_hash: Vec<KeyAttrRecord>,
    /// The further sort attributes of a multi-attribute index key, absent when none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) more_range: Vec<KeyAttrRecord>,
}

/// A key attribute.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct KeyAttrRecord {
    pub(crate) name: String,
    #[serde(rename = "type")]
    pub(crate) ty: ScalarType,
}

/// An attribute definition.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct AttributeRecord {
    pub(crate) name: String,
    /// Absent when CreateTable's definition had none (the key then is of type `S`).
    #[serde(rename = "type")]
    pub(crate) ty: Option<ScalarType>,
}

/// The billing mode and when it was last switched.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct BillingModeRecord {
    pub(crate) mode: BillingMode,
    /// Epoch seconds (DynamoDB's `LastUpdateToPayPerRequestDateTime`).
    pub(crate) switched_at: Option<f64>,
}

/// Provisioned throughput and its change history (fields absent as the request left them).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub(crate) struct ThroughputRecord {
    pub(crate) read: Option<i64>,
    pub(crate) write: Option<i64>,
    pub(crate) last_increase: Option<f64>,
    pub(crate) last_decrease: Option<f64>,
    pub(crate) decreases_today: Option<i64>,
}

/// On-demand throughput limits.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct OnDemandRecord {
    pub(crate) max_read: Option<i64>,
    pub(crate) max_write: Option<i64>,
}

/// Local or global.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum IndexKind {
    Local,
    Global,
}

/// A projection as the request gave it (`non_key_attributes` absent or present as sent).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct ProjectionRecord {
    #[serde(rename = "type")]
    pub(crate) kind: ProjectionType,
    pub(crate) non_key_attributes: Option<Vec<String>>,
}

/// A live secondary index.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct IndexRecord {
    pub(crate) name: String,
    pub(crate) kind: IndexKind,
    pub(crate) key: KeyRecord,
    pub(crate) projection: ProjectionRecord,
    pub(crate) arn: String,
    /// The keyspace of its entries.
    pub(crate) space: SpaceId,
    /// When an index added by UpdateTable turns `ACTIVE` (epoch seconds on the engine's clock).
    pub(crate) active_at: Option<f64>,
    /// Global indexes only, as are the throughputs.
    pub(crate) status: Option<IndexStatus>,
    pub(crate) throughput: Option<ThroughputRecord>,
    pub(crate) on_demand: Option<OnDemandRecord>,
}

/// A global index being deleted, as DescribeTable shows it until `until`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct DeletingIndexRecord {
    pub(crate) name: String,
    /// The key attribute names, partition key first (the types went with the index).
    pub(crate) key: Vec<String>,
    /// How many of `key` are partition attributes, when more than one (a multi-attribute key);
    /// absent means one, as in files written before multi-attribute keys.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) hash_count: Option<usize>,
    pub(crate) projection: Option<ProjectionRecord>,
    pub(crate) arn: Option<String>,
    pub(crate) status: Option<IndexStatus>,
    pub(crate) throughput: Option<ThroughputRecord>,
    pub(crate) on_demand: Option<OnDemandRecord>,
    /// Its counts when it was deleted.
    pub(crate) item_count: Option<i64>,
    pub(crate) size_bytes: Option<i64>,
    /// Epoch seconds on the engine's clock.
    pub(crate) until: f64,
}

/// An enabled stream.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct StreamRecord {
    pub(crate) view_type: Option<StreamViewType>,
}

/// The latest stream of a table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct LatestStreamRecord {
    pub(crate) arn: Option<String>,
    pub(crate) label: Option<String>,
}

/// Server-side encryption.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct SseRecord {
    pub(crate) status: Option<SseStatus>,
    #[serde(rename = "type")]
    pub(crate) sse_type: Option<SseType>,
    pub(crate) kms_master_key_arn: Option<String>,
    pub(crate) inaccessible_since: Option<f64>,
}

/// The table class and when UpdateTable last changed it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct TableClassRecord {
    pub(crate) class: TableClass,
    pub(crate) updated_at: Option<f64>,
}

/// A tag (a value may be absent).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct TagRecord {
    pub(crate) key: String,
    pub(crate) value: Option<String>,
}

/// The time-to-live setting.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct TtlRecord {
    pub(crate) enabled: bool,
    pub(crate) attribute: String,
}

/// A status transition and the epoch second (engine's clock) it ends at.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct TransitionRecord {
    pub(crate) status: TableStatus,
    pub(crate) until: f64,
}
