//! The unversioned catalog entry of earlier builds, frozen: the serde JSON of the engine's `Table`
//! as it was, with the wire `TableDescription` inside (PascalCase), read only to migrate it.
//!
//! These types copy the shape of that time, not today's wire structs, so that a change to
//! `ddbmock_core::operation` cannot change what a legacy file means. Only the fields the engine
//! ever wrote are read; serde ignores the rest. Enumerations are read as the strings they were.

use serde::Deserialize;

use super::record::{
    AttributeRecord, BillingModeRecord, DeletingIndexRecord, IndexKind, IndexRecord, KeyAttrRecord,
    KeyRecord, LatestStreamRecord, OnDemandRecord, ProjectionRecord, SseRecord, StreamRecord,
    TableClassRecord, TableRecord, TableStatus, TagRecord, ThroughputRecord, TransitionRecord,
    TtlRecord, VERSION,
};

/// The old `Table`.
#[derive(Deserialize)]
pub(crate) struct LegacyTable {
    description: Description,
    key: Key,
    space: u64,
    indexes: Vec<Index>,
    #[serde(default)]
    tags: Vec<Tag>,
    #[serde(default)]
    ttl: Option<Ttl>,
    #[serde(default)]
    transition: Option<(String, f64)>,
    #[serde(default)]
    deleting: Vec<Deleting>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Description {
    attribute_definitions: Option<Vec<AttributeDefinition>>,
    table_name: Option<String>,
    table_status: Option<String>,
    creation_date_time: Option<f64>,
    provisioned_throughput: Option<Throughput>,
    table_arn: Option<String>,
    table_id: Option<String>,
    billing_mode_summary: Option<BillingModeSummary>,
    local_secondary_indexes: Option<Vec<IndexDescription>>,
    global_secondary_indexes: Option<Vec<IndexDescription>>,
    stream_specification: Option<StreamSpecification>,
    latest_stream_label: Option<String>,
    latest_stream_arn: Option<String>,
    #[serde(rename = "SSEDescription")]
    sse_description: Option<SseDescription>,
    table_class_summary: Option<TableClassSummary>,
    deletion_protection_enabled: Option<bool>,
    on_demand_throughput: Option<OnDemand>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct AttributeDefinition {
    attribute_name: Option<String>,
    attribute_type: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Throughput {
    last_increase_date_time: Option<f64>,
    last_decrease_date_time: Option<f64>,
    number_of_decreases_today: Option<i64>,
    read_capacity_units: Option<i64>,
    write_capacity_units: Option<i64>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct OnDemand {
    max_read_request_units: Option<i64>,
    max_write_request_units: Option<i64>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct BillingModeSummary {
    billing_mode: Option<String>,
    last_update_to_pay_per_request_date_time: Option<f64>,
}

/// A local or global index's description (the local ones lack the global-only fields).
#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct IndexDescription {
    index_name: Option<String>,
    key_schema: Option<Vec<KeySchemaElement>>,
    projection: Option<Projection>,
    index_status: Option<String>,
    provisioned_throughput: Option<Throughput>,
    index_size_bytes: Option<i64>,
    item_count: Option<i64>,
    index_arn: Option<String>,
    on_demand_throughput: Option<OnDemand>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct KeySchemaElement {
    attribute_name: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Projection {
    projection_type: Option<String>,
    non_key_attributes: Option<Vec<String>>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct StreamSpecification {
    stream_enabled: Option<bool>,
    stream_view_type: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct SseDescription {
    status: Option<String>,
    #[serde(rename = "SSEType")]
    sse_type: Option<String>,
    #[serde(rename = "KMSMasterKeyArn")]
    kms_master_key_arn: Option<String>,
    inaccessible_encryption_date_time: Option<f64>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct TableClassSummary {
    table_class: Option<String>,
    last_update_date_time: Option<f64>,
}

/// The engine's key schema: `{"hash": {"name", "ty"}, "range": …}`, `ty` a model type's variant
/// name (`S`, `N`, `B`).
#[derive(Deserialize)]
struct Key {
    hash: KeyAttr,
    range: Option<KeyAttr>,
}

#[derive(Deserialize)]
struct KeyAttr {
    name: String,
    ty: String,
}

#[derive(Deserialize)]
struct Index {
    name: String,
    local: bool,
    key: Key,
    space: u64,
    #[serde(default)]
    active_at: Option<f64>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Tag {
    key: Option<String>,
    value: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Ttl {
    enabled: Option<bool>,
    attribute_name: Option<String>,
}

#[derive(Deserialize)]
struct Deleting {
    description: IndexDescription,
    until: f64,
}

impl LegacyTable {
    /// The same table as a current record.
    pub(crate) fn into_record(self) -> TableRecord {
        let d = self.description;
        let lsis = d.local_secondary_indexes.unwrap_or_default();
        let gsis = d.global_secondary_indexes.unwrap_or_default();
        let indexes = self
            .indexes
            .into_iter()
            .map(|i| {
                let list = if i.local { &lsis } else { &gsis };
                let desc = list
                    .iter()
                    .find(|g| g.index_name.as_deref() == Some(&i.name));
                let global = desc.filter(|_| !i.local);
                IndexRecord {
                    kind: if i.local {
                        IndexKind::Local
                    } else {
                        IndexKind::Global
                    },
                    key: i.key.into_record(),
                    // Every index was described with its projection: the fallback is never taken.
                    projection: desc
                        .and_then(|d| d.projection.as_ref())
                        .and_then(Projection::to_record)
                        .unwrap_or(ProjectionRecord {
                            kind: super::record::ProjectionType::All,
                            non_key_attributes: None,
                        }),
                    arn: desc.and_then(|d| d.index_arn.clone()).unwrap_or_default(),
                    space: i.space,
                    active_at: i.active_at,
                    status: global
                        .and_then(|g| g.index_status.as_deref())
                        .map(Into::into),
                    throughput: global
                        .and_then(|g| g.provisioned_throughput.as_ref())
                        .map(Throughput::to_record),
                    on_demand: global
                        .and_then(|g| g.on_demand_throughput.as_ref())
                        .map(OnDemand::to_record),
                    name: i.name,
                }
            })
            .collect();
        TableRecord {
            version: VERSION,
            name: d.table_name.unwrap_or_default(),
            arn: d.table_arn.unwrap_or_default(),
            id: d.table_id.unwrap_or_default(),
            created_at: d.creation_date_time.unwrap_or_default(),
            status: d
                .table_status
                .as_deref()
                .map_or(TableStatus::Active, Into::into),
            key: self.key.into_record(),
            attributes: d
                .attribute_definitions
                .into_iter()
                .flatten()
                .map(|a| AttributeRecord {
                    name: a.attribute_name.unwrap_or_default(),
                    ty: a.attribute_type.as_deref().map(Into::into),
                })
                .collect(),
            space: self.space,
            billing_mode: d.billing_mode_summary.map(|b| BillingModeRecord {
                mode: b.billing_mode.as_deref().unwrap_or("PROVISIONED").into(),
                switched_at: b.last_update_to_pay_per_request_date_time,
            }),
            throughput: d.provisioned_throughput.as_ref().map(Throughput::to_record),
            on_demand: d.on_demand_throughput.as_ref().map(OnDemand::to_record),
            indexes,
            deleting_indexes: self
                .deleting
                .into_iter()
                .map(Deleting::into_record)
                .collect(),
            stream: d
                .stream_specification
                .filter(|s| s.stream_enabled == Some(true))
                .map(|s| StreamRecord {
                    view_type: s.stream_view_type.as_deref().map(Into::into),
                }),
            latest_stream: (d.latest_stream_arn.is_some() || d.latest_stream_label.is_some())
                .then_some(LatestStreamRecord {
                    arn: d.latest_stream_arn,
                    label: d.latest_stream_label,
                }),
            sse: d.sse_description.map(|s| SseRecord {
                status: s.status.as_deref().map(Into::into),
                sse_type: s.sse_type.as_deref().map(Into::into),
                kms_master_key_arn: s.kms_master_key_arn,
                inaccessible_since: s.inaccessible_encryption_date_time,
            }),
            table_class: d.table_class_summary.and_then(|c| {
                Some(TableClassRecord {
                    class: c.table_class.as_deref()?.into(),
                    updated_at: c.last_update_date_time,
                })
            }),
            deletion_protection: d.deletion_protection_enabled == Some(true),
            tags: self
                .tags
                .into_iter()
                .map(|t| TagRecord {
                    key: t.key.unwrap_or_default(),
                    value: t.value,
                })
                .collect(),
            ttl: self.ttl.map(|t| TtlRecord {
                enabled: t.enabled == Some(true),
                attribute: t.attribute_name.unwrap_or_default(),
            }),
            transition: self.transition.map(|(status, until)| TransitionRecord {
                status: status.as_str().into(),
                until,
            }),
            extras: Default::default(),
        }
    }
}

impl Key {
    fn into_record(self) -> KeyRecord {
        let attr = |a: KeyAttr| KeyAttrRecord {
            name: a.name,
            ty: a.ty.as_str().into(),
        };
        KeyRecord {
            hash: attr(self.hash),
            range: self.range.map(attr),
            more_hash: Vec::new(),
            more_range: Vec::new(),
        }
    }
}

impl Throughput {
    fn to_record(&self) -> ThroughputRecord {
        ThroughputRecord {
            read: self.read_capacity_units,
            write: self.write_capacity_units,
            last_increase: self.last_increase_date_time,
            last_decrease: self.last_decrease_date_time,
            decreases_today: self.number_of_decreases_today,
        }
    }
}

impl OnDemand {
    fn to_record(&self) -> OnDemandRecord {
        OnDemandRecord {
            max_read: self.max_read_request_units,
            max_write: self.max_write_request_units,
        }
    }
}

impl Projection {
    fn to_record(&self) -> Option<ProjectionRecord> {
        Some(ProjectionRecord {
            kind: self.projection_type.as_deref()?.into(),
            non_key_attributes: self.non_key_attributes.clone(),
        })
    }
}

impl Deleting {
    fn into_record(self) -> DeletingIndexRecord {
        let g = self.description;
        DeletingIndexRecord {
            name: g.index_name.unwrap_or_default(),
            key: g
                .key_schema
                .into_iter()
                .flatten()
                .map(|k| k.attribute_name.unwrap_or_default())
                .collect(),
            // Legacy files predate multi-attribute keys.
            hash_count: None,
            projection: g.projection.as_ref().and_then(Projection::to_record),
            arn: g.index_arn,
            status: g.index_status.as_deref().map(Into::into),
            throughput: g.provisioned_throughput.as_ref().map(Throughput::to_record),
            on_demand: g.on_demand_throughput.as_ref().map(OnDemand::to_record),
            item_count: g.item_count,
            size_bytes: g.index_size_bytes,
            until: self.until,
        }
    }
}
