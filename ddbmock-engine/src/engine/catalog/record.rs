//! The catalog record, version 1: what a table's catalog entry persists, in types of its own.
//!
//! Nothing here is a wire struct: renaming a field of `ddbmock_core::operation` must not change
//! what a database file holds, so every stored shape and enumeration is spelled out below, and
//! converted to and from the engine's `Table` (whose DescribeTable description is rebuilt from
//! it exactly). A change to these types is a change of the file format: it needs a new version
//! and a migration (see `catalog`).
//!
//! What is not stored is rebuilt: live counts (recounted on open), the description's zero counts
//! (DescribeTable fills them in), index statuses and backfilling flags of the moment (computed
//! from `active_at` and the table's transition).

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::engine::keys::{KeyAttr, KeySchema};
use crate::engine::table::{DeletingIndex, Index, Projected, Stats, Table};
use crate::storage::SpaceId;
use ddbmock_core::model::AttributeType;
use ddbmock_core::operation as wire;

/// The version this build writes, and the newest it reads.
pub(crate) const VERSION: u32 = 1;

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
}

/// A key schema: partition key and optional sort key, with their types.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct KeyRecord {
    pub(crate) hash: KeyAttrRecord,
    pub(crate) range: Option<KeyAttrRecord>,
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

// Table -> record.

impl TableRecord {
    /// The record of `table`.
    pub(crate) fn of(table: &Table) -> TableRecord {
        // Destructured field by field, so that a field added to the description fails to compile
        // here until it is stored or ruled out.
        let wire::TableDescription {
            attribute_definitions,
            table_name: _,
            key_schema: _,
            table_status,
            creation_date_time,
            provisioned_throughput,
            table_size_bytes: _,
            item_count: _,
            table_arn: _,
            table_id,
            billing_mode_summary,
            local_secondary_indexes,
            global_secondary_indexes,
            stream_specification,
            latest_stream_label,
            latest_stream_arn,
            sse_description,
            table_class_summary,
            deletion_protection_enabled,
            on_demand_throughput,
            // Never set by the engine (no global tables, restores, archival or warm throughput).
            global_table_version: _,
            replicas: _,
            global_table_witnesses: _,
            global_table_settings_replication_mode: _,
            restore_summary: _,
            archival_summary: _,
            warm_throughput: _,
            multi_region_consistency: _,
        } = &table.description;
        let lsis = local_secondary_indexes.as_deref().unwrap_or_default();
        let gsis = global_secondary_indexes.as_deref().unwrap_or_default();
        let indexes = table
            .indexes
            .iter()
            .map(|i| {
                if i.local {
                    let d = lsis
                        .iter()
                        .find(|d| d.index_name.as_deref() == Some(&i.name));
                    IndexRecord::of(
                        i,
                        d.and_then(|d| d.projection.as_ref()),
                        d.and_then(|d| d.index_arn.clone()),
                        None,
                    )
                } else {
                    let d = gsis
                        .iter()
                        .find(|d| d.index_name.as_deref() == Some(&i.name));
                    IndexRecord::of(
                        i,
                        d.and_then(|d| d.projection.as_ref()),
                        d.and_then(|d| d.index_arn.clone()),
                        d,
                    )
                }
            })
            .collect();
        TableRecord {
            version: VERSION,
            name: table.name().to_owned(),
            arn: table.arn().to_owned(),
            id: table_id.clone().unwrap_or_default(),
            created_at: creation_date_time.unwrap_or_default(),
            status: table_status
                .as_ref()
                .map_or(TableStatus::Active, Into::into),
            key: KeyRecord::of(&table.key),
            attributes: attribute_definitions
                .iter()
                .flatten()
                .map(|a| AttributeRecord {
                    name: a.attribute_name.clone().unwrap_or_default(),
                    ty: a.attribute_type.as_ref().map(Into::into),
                })
                .collect(),
            space: table.space,
            billing_mode: billing_mode_summary.as_ref().map(|b| BillingModeRecord {
                mode: b
                    .billing_mode
                    .as_ref()
                    .map_or(BillingMode::Provisioned, Into::into),
                switched_at: b.last_update_to_pay_per_request_date_time,
            }),
            throughput: provisioned_throughput.as_ref().map(ThroughputRecord::of),
            on_demand: on_demand_throughput.as_ref().map(OnDemandRecord::of),
            indexes,
            deleting_indexes: table.deleting.iter().map(DeletingIndexRecord::of).collect(),
            stream: stream_specification
                .as_ref()
                .filter(|s| s.stream_enabled == Some(true))
                .map(|s| StreamRecord {
                    view_type: s.stream_view_type.as_ref().map(Into::into),
                }),
            latest_stream: (latest_stream_arn.is_some() || latest_stream_label.is_some()).then(
                || LatestStreamRecord {
                    arn: latest_stream_arn.clone(),
                    label: latest_stream_label.clone(),
                },
            ),
            sse: sse_description.as_ref().map(|s| SseRecord {
                status: s.status.as_ref().map(Into::into),
                sse_type: s.sse_type.as_ref().map(Into::into),
                kms_master_key_arn: s.kms_master_key_arn.clone(),
                inaccessible_since: s.inaccessible_encryption_date_time,
            }),
            table_class: table_class_summary.as_ref().and_then(|c| {
                Some(TableClassRecord {
                    class: TableClass::from(c.table_class.as_ref()?),
                    updated_at: c.last_update_date_time,
                })
            }),
            deletion_protection: *deletion_protection_enabled == Some(true),
            tags: table
                .tags
                .iter()
                .map(|t| TagRecord {
                    key: t.key.clone().unwrap_or_default(),
                    value: t.value.clone(),
                })
                .collect(),
            ttl: table.ttl.as_ref().map(|t| TtlRecord {
                enabled: t.enabled == Some(true),
                attribute: t.attribute_name.clone().unwrap_or_default(),
            }),
            transition: table
                .transition
                .as_ref()
                .map(|(status, until)| TransitionRecord {
                    status: status.into(),
                    until: *until,
                }),
        }
    }
}

impl KeyRecord {
    fn of(key: &KeySchema) -> KeyRecord {
        let attr = |a: &KeyAttr| KeyAttrRecord {
            name: a.name.clone(),
            ty: ScalarType::from(a.ty.descriptor()),
        };
        KeyRecord {
            hash: attr(&key.hash),
            range: key.range.as_ref().map(attr),
        }
    }
}

impl ThroughputRecord {
    fn of(t: &wire::ProvisionedThroughputDescription) -> ThroughputRecord {
        ThroughputRecord {
            read: t.read_capacity_units,
            write: t.write_capacity_units,
            last_increase: t.last_increase_date_time,
            last_decrease: t.last_decrease_date_time,
            decreases_today: t.number_of_decreases_today,
        }
    }
}

impl OnDemandRecord {
    fn of(o: &wire::OnDemandThroughput) -> OnDemandRecord {
        OnDemandRecord {
            max_read: o.max_read_request_units,
            max_write: o.max_write_request_units,
        }
    }
}

impl ProjectionRecord {
    fn of(p: &wire::Projection) -> Option<ProjectionRecord> {
        Some(ProjectionRecord {
            kind: p.projection_type.as_ref()?.into(),
            non_key_attributes: p.non_key_attributes.clone(),
        })
    }

    /// The projection the engine derived from an index's request, for an index whose description
    /// is missing (never, as the engine keeps both).
    fn derived(p: &Projected) -> ProjectionRecord {
        let (kind, non_key_attributes) = match p {
            Projected::All => (ProjectionType::All, None),
            Projected::KeysOnly => (ProjectionType::KeysOnly, None),
            Projected::Include(a) => (ProjectionType::Include, Some(a.clone())),
        };
        ProjectionRecord {
            kind,
            non_key_attributes,
        }
    }
}

impl IndexRecord {
    fn of(
        i: &Index,
        projection: Option<&wire::Projection>,
        arn: Option<String>,
        global: Option<&wire::GlobalSecondaryIndexDescription>,
    ) -> IndexRecord {
        IndexRecord {
            name: i.name.clone(),
            kind: if i.local {
                IndexKind::Local
            } else {
                IndexKind::Global
            },
            key: KeyRecord::of(&i.key),
            projection: projection
                .and_then(ProjectionRecord::of)
                .unwrap_or_else(|| ProjectionRecord::derived(&i.projected)),
            arn: arn.unwrap_or_default(),
            space: i.space,
            active_at: i.active_at,
            status: global.and_then(|g| g.index_status.as_ref()).map(Into::into),
            throughput: global
                .and_then(|g| g.provisioned_throughput.as_ref())
                .map(ThroughputRecord::of),
            on_demand: global
                .and_then(|g| g.on_demand_throughput.as_ref())
                .map(OnDemandRecord::of),
        }
    }
}

impl DeletingIndexRecord {
    fn of(d: &DeletingIndex) -> DeletingIndexRecord {
        let g = &d.description;
        DeletingIndexRecord {
            name: g.index_name.clone().unwrap_or_default(),
            key: g
                .key_schema
                .iter()
                .flatten()
                .map(|k| k.attribute_name.clone().unwrap_or_default())
                .collect(),
            projection: g.projection.as_ref().and_then(ProjectionRecord::of),
            arn: g.index_arn.clone(),
            status: g.index_status.as_ref().map(Into::into),
            throughput: g.provisioned_throughput.as_ref().map(ThroughputRecord::of),
            on_demand: g.on_demand_throughput.as_ref().map(OnDemandRecord::of),
            item_count: g.item_count,
            size_bytes: g.index_size_bytes,
            until: d.until,
        }
    }
}

// Record -> table.

impl TableRecord {
    /// The table this record describes, with zero counters (the caller recounts them).
    pub(crate) fn into_table(self) -> Table {
        let lsis: Vec<_> = self
            .indexes
            .iter()
            .filter(|i| i.kind == IndexKind::Local)
            .map(|i| wire::LocalSecondaryIndexDescription {
                index_name: Some(i.name.clone()),
                key_schema: Some(i.key.elements()),
                projection: Some(i.projection.to_wire()),
                index_size_bytes: Some(0),
                item_count: Some(0),
                index_arn: Some(i.arn.clone()),
            })
            .collect();
        let gsis: Vec<_> = self
            .indexes
            .iter()
            .filter(|i| i.kind == IndexKind::Global)
            .map(|i| wire::GlobalSecondaryIndexDescription {
                index_name: Some(i.name.clone()),
                key_schema: Some(i.key.elements()),
                projection: Some(i.projection.to_wire()),
                index_status: i.status.as_ref().map(Into::into),
                provisioned_throughput: i.throughput.as_ref().map(ThroughputRecord::to_wire),
                index_size_bytes: Some(0),
                item_count: Some(0),
                index_arn: Some(i.arn.clone()),
                on_demand_throughput: i.on_demand.as_ref().map(OnDemandRecord::to_wire),
                ..Default::default()
            })
            .collect();
        let description = wire::TableDescription {
            attribute_definitions: Some(
                self.attributes
                    .iter()
                    .map(|a| wire::AttributeDefinition {
                        attribute_name: Some(a.name.clone()),
                        attribute_type: a.ty.as_ref().map(Into::into),
                    })
                    .collect(),
            ),
            table_name: Some(self.name.clone()),
            key_schema: Some(self.key.elements()),
            table_status: Some((&self.status).into()),
            creation_date_time: Some(self.created_at),
            provisioned_throughput: self.throughput.as_ref().map(ThroughputRecord::to_wire),
            table_size_bytes: Some(0),
            item_count: Some(0),
            table_arn: Some(self.arn.clone()),
            table_id: Some(self.id.clone()),
            billing_mode_summary: self
                .billing_mode
                .as_ref()
                .map(|b| wire::BillingModeSummary {
                    billing_mode: Some((&b.mode).into()),
                    last_update_to_pay_per_request_date_time: b.switched_at,
                }),
            local_secondary_indexes: (!lsis.is_empty()).then_some(lsis),
            global_secondary_indexes: (!gsis.is_empty()).then_some(gsis),
            stream_specification: self.stream.as_ref().map(|s| wire::StreamSpecification {
                stream_enabled: Some(true),
                stream_view_type: s.view_type.as_ref().map(Into::into),
            }),
            latest_stream_label: self.latest_stream.as_ref().and_then(|l| l.label.clone()),
            latest_stream_arn: self.latest_stream.as_ref().and_then(|l| l.arn.clone()),
            sse_description: self.sse.as_ref().map(|s| wire::SseDescription {
                status: s.status.as_ref().map(Into::into),
                sse_type: s.sse_type.as_ref().map(Into::into),
                kms_master_key_arn: s.kms_master_key_arn.clone(),
                inaccessible_encryption_date_time: s.inaccessible_since,
            }),
            table_class_summary: self.table_class.as_ref().map(|c| wire::TableClassSummary {
                table_class: Some((&c.class).into()),
                last_update_date_time: c.updated_at,
            }),
            deletion_protection_enabled: Some(self.deletion_protection),
            on_demand_throughput: self.on_demand.as_ref().map(OnDemandRecord::to_wire),
            ..Default::default()
        };
        Table {
            key: self.key.to_schema(),
            space: self.space,
            indexes: self.indexes.iter().map(IndexRecord::to_index).collect(),
            stats: Arc::new(Stats::default()),
            tags: self
                .tags
                .into_iter()
                .map(|t| wire::Tag {
                    key: Some(t.key),
                    value: t.value,
                })
                .collect(),
            ttl: self.ttl.map(|t| wire::TimeToLiveSpecification {
                enabled: Some(t.enabled),
                attribute_name: Some(t.attribute),
            }),
            transition: self
                .transition
                .map(|t| (wire::TableStatus::from(&t.status), t.until)),
            live: Default::default(),
            deleting: self
                .deleting_indexes
                .iter()
                .map(DeletingIndexRecord::to_deleting)
                .collect(),
            name: self.name,
            arn: self.arn,
            description,
        }
    }
}

impl KeyRecord {
    /// The key schema as DescribeTable lists it.
    fn elements(&self) -> Vec<wire::KeySchemaElement> {
        key_elements(std::iter::once(&self.hash.name).chain(self.range.as_ref().map(|r| &r.name)))
    }

    fn to_schema(&self) -> KeySchema {
        let attr = |a: &KeyAttrRecord| KeyAttr {
            name: a.name.clone(),
            ty: match a.ty {
                ScalarType::N => AttributeType::N,
                ScalarType::B => AttributeType::B,
                // Keys are scalars: CreateTable read any other definition as `S`.
                ScalarType::S | ScalarType::Other(_) => AttributeType::S,
            },
        };
        KeySchema {
            hash: attr(&self.hash),
            range: self.range.as_ref().map(attr),
        }
    }
}

/// Key schema elements for these names: the first is the partition key, a second the sort key.
fn key_elements<'a>(names: impl Iterator<Item = &'a String>) -> Vec<wire::KeySchemaElement> {
    names
        .enumerate()
        .map(|(n, name)| wire::KeySchemaElement {
            attribute_name: Some(name.clone()),
            key_type: Some(if n == 0 {
                wire::KeyType::Hash
            } else {
                wire::KeyType::Range
            }),
        })
        .collect()
}

impl ThroughputRecord {
    fn to_wire(&self) -> wire::ProvisionedThroughputDescription {
        wire::ProvisionedThroughputDescription {
            last_increase_date_time: self.last_increase,
            last_decrease_date_time: self.last_decrease,
            number_of_decreases_today: self.decreases_today,
            read_capacity_units: self.read,
            write_capacity_units: self.write,
        }
    }
}

impl OnDemandRecord {
    fn to_wire(&self) -> wire::OnDemandThroughput {
        wire::OnDemandThroughput {
            max_read_request_units: self.max_read,
            max_write_request_units: self.max_write,
        }
    }
}

impl ProjectionRecord {
    fn to_wire(&self) -> wire::Projection {
        wire::Projection {
            projection_type: Some((&self.kind).into()),
            non_key_attributes: self.non_key_attributes.clone(),
        }
    }

    /// What the index carries, as CreateTable derived it from the request.
    fn to_projected(&self) -> Projected {
        match self.kind {
            ProjectionType::KeysOnly => Projected::KeysOnly,
            ProjectionType::Include => {
                Projected::Include(self.non_key_attributes.clone().unwrap_or_default())
            }
            // CreateTable and UpdateTable refuse any other projection type.
            ProjectionType::All | ProjectionType::Other(_) => Projected::All,
        }
    }
}

impl IndexRecord {
    fn to_index(&self) -> Index {
        Index {
            name: self.name.clone(),
            local: self.kind == IndexKind::Local,
            key: self.key.to_schema(),
            projected: self.projection.to_projected(),
            space: self.space,
            active_at: self.active_at,
            stats: Arc::new(Stats::default()),
            filling: Default::default(),
        }
    }
}

impl DeletingIndexRecord {
    fn to_deleting(&self) -> DeletingIndex {
        DeletingIndex {
            description: wire::GlobalSecondaryIndexDescription {
                index_name: Some(self.name.clone()),
                key_schema: Some(key_elements(self.key.iter())),
                projection: self.projection.as_ref().map(ProjectionRecord::to_wire),
                index_status: self.status.as_ref().map(Into::into),
                provisioned_throughput: self.throughput.as_ref().map(ThroughputRecord::to_wire),
                index_size_bytes: self.size_bytes,
                item_count: self.item_count,
                index_arn: self.arn.clone(),
                on_demand_throughput: self.on_demand.as_ref().map(OnDemandRecord::to_wire),
                ..Default::default()
            },
            until: self.until,
        }
    }
}
