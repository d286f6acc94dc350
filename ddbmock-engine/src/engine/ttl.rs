//! UpdateTimeToLive and DescribeTimeToLive: the TTL setting of a table. The sweeper that deletes
//! expired items is `ttl_sweep`.

use super::{Engine, validate};
use ddbmock_core::error::Result;
use ddbmock_core::error::msg::streams as s;
use ddbmock_core::error::msg::table::{self as m, ConstraintErrors};
use ddbmock_core::operation::*;

impl Engine {
    pub(crate) fn update_time_to_live_now(
        &self,
        input: UpdateTimeToLiveInput,
    ) -> Result<UpdateTimeToLiveOutput> {
        let mut errors = ConstraintErrors::new();
        let name = validate::table_name(&mut errors, &input.table_name).to_owned();
        validate::required(
            &mut errors,
            "timeToLiveSpecification",
            &input.time_to_live_specification,
        );
        if let Some(spec) = &input.time_to_live_specification {
            validate::required(
                &mut errors,
                "timeToLiveSpecification.enabled",
                &spec.enabled,
            );
            validate::required(
                &mut errors,
                "timeToLiveSpecification.attributeName",
                &spec.attribute_name,
            );
            if let Some(a) = &spec.attribute_name {
                errors.length("timeToLiveSpecification.attributeName", a, a.len(), 1, 255);
            }
        }
        errors.into_result()?;
        let spec = input.time_to_live_specification.unwrap_or_default();
        let enable = spec.enabled == Some(true);
        let attr = spec.attribute_name.clone().unwrap_or_default();
        let now = self.inner.clock.now();
        let cooldown = self.inner.config.ttl_change_cooldown;
        let table = self.change_table(
            &name,
            || m::table_not_found_named(&name),
            |t| {
                let current = t
                    .ttl
                    .as_ref()
                    .filter(|s| s.enabled == Some(true))
                    .and_then(|s| s.attribute_name.as_deref());
                match (enable, current) {
                    (true, Some(a)) if a == attr => return Err(s::ttl_already_enabled()),
                    (_, Some(a)) if a != attr => return Err(s::ttl_other_attribute(a)),
                    (false, None) => return Err(s::ttl_already_disabled()),
                    _ => {}
                }
                let id = t.description.table_id.clone().unwrap_or_default();
                if let Some(at) = self.inner.ttl.changed.lock().get(&id)
                    && *at + cooldown > now
                {
                    return Err(s::ttl_cooldown());
                }
                let mut next = t.clone();
                next.ttl = Some(spec.clone());
                Ok(next)
            },
        )?;
        let id = table.description.table_id.clone().unwrap_or_default();
        self.inner.ttl.changed.lock().insert(id, now);
        if enable {
            self.ensure_ttl_thread();
        }
        Ok(UpdateTimeToLiveOutput {
            time_to_live_specification: Some(spec),
        })
    }

    pub(crate) fn describe_time_to_live_now(
        &self,
        input: DescribeTimeToLiveInput,
    ) -> Result<DescribeTimeToLiveOutput> {
        let table = self.described(&input.table_name)?;
        let description = match &table.ttl {
            Some(s) if s.enabled == Some(true) => TimeToLiveDescription {
                time_to_live_status: Some(TimeToLiveStatus::Enabled),
                attribute_name: s.attribute_name.clone(),
            },
            _ => TimeToLiveDescription {
                time_to_live_status: Some(TimeToLiveStatus::Disabled),
                attribute_name: None,
            },
        };
        Ok(DescribeTimeToLiveOutput {
            time_to_live_description: Some(description),
        })
    }
}
