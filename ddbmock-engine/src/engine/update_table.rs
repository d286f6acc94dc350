//! UpdateTable: billing mode, throughput, deletion protection, streams, table class.

use std::sync::Arc;

use super::table::{DeletingIndex, Table};
use super::{Engine, gsi_update, storage_error, validate};
use crate::storage::Write;
use ddbmock_core::error::Result;
use ddbmock_core::error::msg::table::{self as m, ConstraintErrors};
use ddbmock_core::operation::*;

impl Engine {
    pub(crate) fn update_table_now(&self, input: UpdateTableInput) -> Result<UpdateTableOutput> {
        let mut errors = ConstraintErrors::new();
        let name = validate::table_name(&mut errors, &input.table_name).to_owned();
        errors.enum_value(
            "billingMode",
            input.billing_mode.as_ref().map(|v| v.as_str()),
            BillingMode::VALUES,
        );
        if let Some(pt) = &input.provisioned_throughput {
            errors.at_least(
                "provisionedThroughput.readCapacityUnits",
                pt.read_capacity_units,
                1,
            );
            errors.at_least(
                "provisionedThroughput.writeCapacityUnits",
                pt.write_capacity_units,
                1,
            );
        }
        validate::definition_names(&mut errors, input.attribute_definitions.as_deref());
        validate::attribute_types(&mut errors, input.attribute_definitions.as_deref());
        if let Some(updates) = &input.global_secondary_index_updates {
            gsi_update::check_updates(&mut errors, updates);
        }
        validate::stream_view_type(&mut errors, input.stream_specification.as_ref());
        super::sse::check(&mut errors, input.sse_specification.as_ref());
        errors.into_result()?;
        validate::distinct_definitions(input.attribute_definitions.as_deref())?;
        let asks_nothing = input.provisioned_throughput.is_none()
            && input.billing_mode.is_none()
            && input.stream_specification.is_none()
            && input
                .global_secondary_index_updates
                .as_ref()
                .is_none_or(|u| u.is_empty())
            && input.sse_specification.is_none()
            && input.replica_updates.is_none()
            && input.deletion_protection_enabled.is_none()
            && input.on_demand_throughput.is_none()
            && input.warm_throughput.is_none()
            && input.table_class.is_none();
        if asks_nothing {
            return Err(m::nothing_to_update());
        }
        if let Some(updates) = input.replica_updates.as_deref().filter(|u| !u.is_empty()) {
            if super::global_tables::asks_more_than_replicas(&input) {
                return Err(ddbmock_core::error::msg::global_tables::not_with_other_updates());
            }
            return self.update_replicas(&name, updates);
        }
        // Said in the request itself, this needs no table; with the billing mode left out, it is
        // checked against the table's below.
        if input.billing_mode == Some(BillingMode::PayPerRequest)
            && input.provisioned_throughput.is_some()
        {
            return Err(m::throughput_with_on_demand());
        }

        let changes_index_set = input
            .global_secondary_index_updates
            .iter()
            .flatten()
            .any(|u| u.create.is_some() || u.delete.is_some());

        self.purge_deleted();
        // A change of the index set holds every item stripe until it is published, so that no write
        // commits to the indexes of the older version meanwhile (see `index_epoch`); the stripes
        // come first, as writes take them after their catalog lookup.
        let stripes = changes_index_set.then(|| self.inner.locks.lock_every_stripe());
        let mut tables = self.inner.tables.write();
        let current = tables
            .get(&name)
            .cloned()
            .ok_or_else(|| m::table_not_found_named(&name))?;
        self.check_not_in_transition(&current)?;
        let mut d = current.description.clone();
        let now = self.inner.clock.epoch_seconds();
        let was_on_demand = d
            .billing_mode_summary
            .as_ref()
            .and_then(|b| b.billing_mode.as_ref())
            == Some(&BillingMode::PayPerRequest);
        let on_demand = match &input.billing_mode {
            Some(BillingMode::PayPerRequest) => true,
            Some(_) => false,
            None => was_on_demand,
        };
        super::sse::check_on_demand(input.on_demand_throughput.as_ref(), on_demand, true)?;
        match (&input.provisioned_throughput, on_demand) {
            (Some(_), true) => return Err(m::throughput_with_on_demand()),
            (None, false) if was_on_demand => return Err(m::throughput_required()),
            (Some(pt), false) => {
                let cur = d.provisioned_throughput.clone().unwrap_or_default();
                let (r, w) = (
                    pt.read_capacity_units.unwrap_or(0),
                    pt.write_capacity_units.unwrap_or(0),
                );
                if !was_on_demand
                    && input.billing_mode.is_none()
                    && cur.read_capacity_units == Some(r)
                    && cur.write_capacity_units == Some(w)
                {
                    return Err(m::throughput_unchanged(r, w));
                }
                let decreased = cur.read_capacity_units.is_some_and(|c| r < c)
                    || cur.write_capacity_units.is_some_and(|c| w < c);
                d.provisioned_throughput = Some(ProvisionedThroughputDescription {
                    last_increase_date_time: if decreased {
                        cur.last_increase_date_time
                    } else {
                        Some(now)
                    },
                    last_decrease_date_time: if decreased {
                        Some(now)
                    } else {
                        cur.last_decrease_date_time
                    },
                    number_of_decreases_today: Some(
                        cur.number_of_decreases_today.unwrap_or(0) + i64::from(decreased),
                    ),
                    read_capacity_units: Some(r),
                    write_capacity_units: Some(w),
                });
            }
            _ => {}
        }
        if on_demand != was_on_demand {
            d.billing_mode_summary = Some(BillingModeSummary {
                billing_mode: Some(if on_demand {
                    BillingMode::PayPerRequest
                } else {
                    BillingMode::Provisioned
                }),
                last_update_to_pay_per_request_date_time: Some(now),
            });
            if on_demand {
                d.provisioned_throughput = Some(ProvisionedThroughputDescription {
                    number_of_decreases_today: Some(0),
                    read_capacity_units: Some(0),
                    write_capacity_units: Some(0),
                    ..Default::default()
                });
            }
        }
        if let Some(p) = input.deletion_protection_enabled {
            d.deletion_protection_enabled = Some(p);
        }
        let stream_update = self.plan_stream_update(&mut d, &input)?;
        if let Some(c) = &input.table_class {
            d.table_class_summary = Some(TableClassSummary {
                table_class: Some(c.clone()),
                last_update_date_time: Some(now),
            });
        }
        if let Some(o) = &input.on_demand_throughput {
            d.on_demand_throughput = Some(o.clone());
        }
        if let Some(spec) = &input.sse_specification {
            d.sse_description = self.sse_description(spec);
        }

        let gsi = match input.global_secondary_index_updates.as_deref() {
            Some(updates) if !updates.is_empty() => Some(self.apply_gsi_updates(
                &current,
                &mut d,
                updates,
                input.attribute_definitions.as_deref(),
                on_demand,
            )?),
            _ => None,
        };
        let mut extras = current.extras.clone();
        if let Some(asked) = &input.warm_throughput {
            let (units, described) = super::sse::warm(extras.warm, asked);
            extras.warm = Some(units);
            d.warm_throughput = Some(described);
        }
        let mut table = Table {
            description: d,
            transition: self.transition(TableStatus::Updating),
            extras,
            ..(*current).clone()
        };
        let mut created = None;
        let mut dropped = Vec::new();
        table.deleting.retain(|g| now < g.until);
        if let Some(gsi) = gsi {
            table.indexes = gsi.indexes;
            created = gsi.created;
            dropped = gsi.dropped;
            // A deleted index shows DELETING for as long as the table is UPDATING; with no delay it
            // is gone at once.
            if let Some((_, until)) = table.transition {
                table.deleting.extend(
                    gsi.deleting
                        .into_iter()
                        .map(|description| DeletingIndex { description, until }),
                );
            }
        }
        if let Some(index) = created.as_deref().and_then(|n| table.index(n)) {
            self.inner
                .storage
                .write(vec![Write::CreateSpace(index.space)])
                .map_err(storage_error)?;
        }
        self.store_table(&table)?;
        if created.is_some() || !dropped.is_empty() {
            table.live.epoch = current.live.epoch.advance();
        }
        let table = Arc::new(table);
        tables.insert(name.clone(), table.clone());
        // Dropped only once no write can reach the keyspace: writes that looked the older version
        // up find the index gone when they commit.
        if !dropped.is_empty() {
            self.inner
                .storage
                .write(dropped.into_iter().map(Write::DropSpace).collect())
                .map_err(storage_error)?;
        }
        if let Some(update) = stream_update {
            self.apply_stream_update(&name, update);
        }
        // The backfill runs outside the catalog lock and the stripes, on the published table, so
        // that writes keep flowing (and maintaining the new index) meanwhile.
        drop(tables);
        drop(stripes);
        if let Some(index) = created {
            self.backfill(&table, &index)?;
        }
        Ok(UpdateTableOutput {
            table_description: Some(self.describe(&table)),
        })
    }
}
