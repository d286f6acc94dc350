//! DescribeTableReplicaAutoScaling and UpdateTableReplicaAutoScaling: the auto scaling settings
//! of a table's and its global indexes' capacity, recorded with the table and described back. No
//! capacity changes by them; the table's one replica is the engine's region.

use super::extras::{ScalingPolicyRecord, ScalingRecord};
use super::table::Table;
use super::{Engine, validate};
use ddbmock_core::error::Result;
use ddbmock_core::error::msg::auto_scaling as a;
use ddbmock_core::error::msg::query::gsi_not_found;
use ddbmock_core::error::msg::table::ConstraintErrors;
use ddbmock_core::operation::*;

/// One settings update of a request: the index (none: the table), write or read, the update.
type Target<'a> = (Option<&'a str>, bool, &'a AutoScalingSettingsUpdate);

impl Engine {
    pub(crate) fn describe_table_replica_auto_scaling_now(
        &self,
        input: DescribeTableReplicaAutoScalingInput,
    ) -> Result<DescribeTableReplicaAutoScalingOutput> {
        let table = self.described_by_name_or_arn(&input.table_name)?;
        Ok(DescribeTableReplicaAutoScalingOutput {
            table_auto_scaling_description: Some(self.auto_scaling_description(&table)),
        })
    }

    pub(crate) fn update_table_replica_auto_scaling_now(
        &self,
        input: UpdateTableReplicaAutoScalingInput,
    ) -> Result<UpdateTableReplicaAutoScalingOutput> {
        let mut errors = ConstraintErrors::new();
        let name = validate::item_table_name(&mut errors, &input.table_name);
        errors.into_result()?;
        let name = self.name_of_arn(name).to_owned();
        let mut targets: Vec<Target<'_>> = Vec::new();
        if let Some(u) = &input.provisioned_write_capacity_auto_scaling_update {
            targets.push((None, true, u));
        }
        for g in input.global_secondary_index_updates.iter().flatten() {
            if let Some(u) = &g.provisioned_write_capacity_auto_scaling_update {
                targets.push((g.index_name.as_deref(), true, u));
            }
        }
        let region = &self.inner.config.region;
        for r in input.replica_updates.iter().flatten() {
            let named = r.region_name.as_deref().unwrap_or_default();
            if named != region {
                return Err(a::no_replica(named));
            }
            let updates_nothing = r
                .replica_provisioned_read_capacity_auto_scaling_update
                .is_none()
                && r.replica_global_secondary_index_updates
                    .iter()
                    .flatten()
                    .all(|g| g.provisioned_read_capacity_auto_scaling_update.is_none());
            if updates_nothing {
                return Err(a::nothing_for_region(&name, named));
            }
            if let Some(u) = &r.replica_provisioned_read_capacity_auto_scaling_update {
                targets.push((None, false, u));
            }
            for g in r.replica_global_secondary_index_updates.iter().flatten() {
                if let Some(u) = &g.provisioned_read_capacity_auto_scaling_update {
                    targets.push((g.index_name.as_deref(), false, u));
                }
            }
        }
        // The shape of every update is checked before the table is looked up, as DynamoDB does.
        for (_, _, u) in &targets {
            check_update(&name, u)?;
        }
        let table = self.change_table(
            &name,
            || a::table_not_found(&name),
            |t| {
                let mut next = t.clone();
                for (index, write, u) in &targets {
                    if let Some(index) = index
                        && t.index(index).is_none_or(|i| i.local)
                    {
                        return Err(gsi_not_found(&name, index));
                    }
                    let list = &mut next.extras.auto_scaling;
                    let index = index.map(str::to_owned);
                    let at = match list
                        .iter()
                        .position(|r| r.index == index && r.write == *write)
                    {
                        Some(at) => at,
                        None => {
                            list.push(ScalingRecord {
                                index,
                                write: *write,
                                ..ScalingRecord::default()
                            });
                            list.len() - 1
                        }
                    };
                    apply(&mut list[at], u);
                }
                Ok(next)
            },
        )?;
        Ok(UpdateTableReplicaAutoScalingOutput {
            table_auto_scaling_description: Some(self.auto_scaling_description(&table)),
        })
    }

    /// The description of `table`'s settings: one replica, the engine's region.
    fn auto_scaling_description(&self, table: &Table) -> TableAutoScalingDescription {
        let settings = |index: Option<&str>, write: bool| {
            table
                .extras
                .auto_scaling
                .iter()
                .find(|r| r.index.as_deref() == index && r.write == write)
                .map(describe)
        };
        let description = self.describe(table);
        let indexes = description
            .global_secondary_indexes
            .iter()
            .flatten()
            .map(|g| {
                let index = g.index_name.as_deref();
                ReplicaGlobalSecondaryIndexAutoScalingDescription {
                    index_name: g.index_name.clone(),
                    index_status: g.index_status.clone(),
                    provisioned_read_capacity_auto_scaling_settings: settings(index, false),
                    provisioned_write_capacity_auto_scaling_settings: settings(index, true),
                }
            })
            .collect::<Vec<_>>();
        TableAutoScalingDescription {
            table_name: Some(table.name().to_owned()),
            table_status: description.table_status.clone(),
            replicas: Some(vec![ReplicaAutoScalingDescription {
                region_name: Some(self.inner.config.region.clone()),
                global_secondary_indexes: Some(indexes),
                replica_provisioned_read_capacity_auto_scaling_settings: settings(None, false),
                replica_provisioned_write_capacity_auto_scaling_settings: settings(None, true),
                replica_status: Some(ReplicaStatus::Active),
            }]),
        }
    }
}

/// Refuses a settings update of table `table` DynamoDB refuses: units below 1, a policy without a
/// target value, or an update that does not disable auto scaling and leaves out the minimum, the
/// maximum or the policy (each update gives all three, even where they are recorded already).
pub(crate) fn check_update(table: &str, u: &AutoScalingSettingsUpdate) -> Result<()> {
    let mut errors = ConstraintErrors::new();
    errors.at_least("minimumUnits", u.minimum_units, 1);
    errors.at_least("maximumUnits", u.maximum_units, 1);
    if let Some(p) = &u.scaling_policy_update {
        validate::required(
            &mut errors,
            "scalingPolicyUpdate.targetTrackingScalingPolicyConfiguration",
            &p.target_tracking_scaling_policy_configuration,
        );
        if let Some(c) = &p.target_tracking_scaling_policy_configuration {
            validate::required(
                &mut errors,
                "scalingPolicyUpdate.targetTrackingScalingPolicyConfiguration.targetValue",
                &c.target_value,
            );
        }
    }
    errors.into_result()?;
    if u.auto_scaling_disabled == Some(true) {
        return Ok(());
    }
    let missing: Vec<&str> = [
        ("MaximumUnits", u.maximum_units.is_none()),
        ("ScalingPolicyUpdate", u.scaling_policy_update.is_none()),
        ("MinimumUnits", u.minimum_units.is_none()),
    ]
    .into_iter()
    .filter_map(|(member, absent)| absent.then_some(member))
    .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(a::parameters_required(table, &missing))
    }
}

/// Applies the members `u` gives to `r`, keeping the others.
pub(crate) fn apply(r: &mut ScalingRecord, u: &AutoScalingSettingsUpdate) {
    r.minimum = u.minimum_units.or(r.minimum);
    r.maximum = u.maximum_units.or(r.maximum);
    r.disabled = u.auto_scaling_disabled.or(r.disabled);
    r.role_arn = u.auto_scaling_role_arn.clone().or(r.role_arn.take());
    if let Some(p) = &u.scaling_policy_update {
        let c = p
            .target_tracking_scaling_policy_configuration
            .clone()
            .unwrap_or_default();
        r.policy = Some(ScalingPolicyRecord {
            name: p.policy_name.clone(),
            disable_scale_in: c.disable_scale_in,
            scale_in_cooldown: c.scale_in_cooldown,
            scale_out_cooldown: c.scale_out_cooldown,
            target_value: c.target_value,
        });
    }
}

pub(crate) fn describe(r: &ScalingRecord) -> AutoScalingSettingsDescription {
    AutoScalingSettingsDescription {
        minimum_units: r.minimum,
        maximum_units: r.maximum,
        auto_scaling_disabled: r.disabled,
        auto_scaling_role_arn: r.role_arn.clone(),
        scaling_policies: r.policy.as_ref().map(|p| {
            vec![AutoScalingPolicyDescription {
                policy_name: p.name.clone(),
                target_tracking_scaling_policy_configuration: Some(
                    AutoScalingTargetTrackingScalingPolicyConfiguration {
                        disable_scale_in: p.disable_scale_in,
                        scale_in_cooldown: p.scale_in_cooldown,
                        scale_out_cooldown: p.scale_out_cooldown,
                        target_value: p.target_value,
                    },
                ),
            }]
        }),
    }
}

/// The record of `index`'s (none: the table's) write or read settings in `list`, added empty when
/// there is none yet.
pub(crate) fn entry<'a>(
    list: &'a mut Vec<ScalingRecord>,
    index: Option<&str>,
    write: bool,
) -> &'a mut ScalingRecord {
    let at = match list
        .iter()
        .position(|r| r.index.as_deref() == index && r.write == write)
    {
        Some(at) => at,
        None => {
            list.push(ScalingRecord {
                index: index.map(str::to_owned),
                write,
                ..ScalingRecord::default()
            });
            list.len() - 1
        }
    };
    &mut list[at]
}
