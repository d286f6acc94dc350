//! Conversions between the engine's `Table` and its catalog record.
//!
//! What the record does not store is rebuilt: live counts (recounted on open), the description's
//! zero counts (DescribeTable fills them in), the index statuses and backfilling flags of the
//! moment (computed from `active_at` and the table's transition), and the wire key schemas (from
//! the typed keys: the partition key first, as CreateTable requires).

use std::sync::Arc;

use super::record::*;
use crate::engine::keys::{KeyAttr, KeySchema};
use crate::engine::table::{DeletingIndex, Index, Projected, Stats, Table};
use ddbmock_core::model::AttributeType;
use ddbmock_core::operation as wire;

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
            // Never set by the engine (no global tables or archival), or kept in `extras` (restores, warm
            // throughput).
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
            extras: table.extras.clone(),
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
            more_hash: key.more_hash.iter().map(attr).collect(),
            more_range: key.more_range.iter().map(attr).collect(),
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
            hash_count: Some(
                g.key_schema
                    .iter()
                    .flatten()
                    .filter(|k| k.key_type == Some(wire::KeyType::Hash))
                    .count(),
            )
            .filter(|n| *n > 1),
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
            warm_throughput: self.extras.warm.map(crate::engine::sse::warm_description),
            restore_summary: self.extras.restore.as_ref().map(|r| wire::RestoreSummary {
                source_backup_arn: r.backup_arn.clone(),
                source_table_arn: r.table_arn.clone(),
                restore_date_time: Some(r.at),
                restore_in_progress: Some(false),
            }),
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
            extras: self.extras,
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
        if !self.more_hash.is_empty() || !self.more_range.is_empty() {
            let element = |a: &KeyAttrRecord, key_type: wire::KeyType| wire::KeySchemaElement {
                attribute_name: Some(a.name.clone()),
                key_type: Some(key_type),
            };
            let hash = std::iter::once(&self.hash).chain(&self.more_hash);
            let range = self.range.iter().chain(&self.more_range);
            return hash
                .map(|a| element(a, wire::KeyType::Hash))
                .chain(range.map(|a| element(a, wire::KeyType::Range)))
                .collect();
        }
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
            more_hash: self.more_hash.iter().map(attr).collect(),
            more_range: self.more_range.iter().map(attr).collect(),
        }
    }
}

/// Key schema elements for these names: the first is the partition key, a second the sort key.
fn key_elements<'a>(names: impl Iterator<Item = &'a String>) -> Vec<wire::KeySchemaElement> {
    key_elements_split(names, 1)
}

/// Key schema elements for these names: the first `hash_count` partition attributes, the rest
/// sort attributes.
fn key_elements_split<'a>(
    names: impl Iterator<Item = &'a String>,
    hash_count: usize,
) -> Vec<wire::KeySchemaElement> {
    names
        .enumerate()
        .map(|(n, name)| wire::KeySchemaElement {
            attribute_name: Some(name.clone()),
            key_type: Some(if n < hash_count {
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
                key_schema: Some(key_elements_split(
                    self.key.iter(),
                    self.hash_count.unwrap_or(1),
                )),
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
