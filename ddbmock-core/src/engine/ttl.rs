//! UpdateTimeToLive and DescribeTimeToLive: the TTL setting of a table.

use super::{Engine, validate};
use crate::error::msg::table::{self as m, ConstraintErrors};
use crate::error::{Result, msg};
use crate::operation::*;

impl Engine {
    pub(crate) fn update_ttl_now(
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
                if a.is_empty() {
                    errors.push(
                        "''",
                        "timeToLiveSpecification.attributeName",
                        "Member must have length greater than or equal to 1",
                    );
                }
                if a.len() > 255 {
                    errors.push(
                        &format!("'{a}'"),
                        "timeToLiveSpecification.attributeName",
                        "Member must have length less than or equal to 255",
                    );
                }
            }
        }
        errors.into_result()?;
        let spec = input.time_to_live_specification.unwrap_or_default();
        let enable = spec.enabled == Some(true);
        self.change_table(
            &name,
            || m::table_not_found_named(&name),
            |t| {
                let on = t.ttl.as_ref().is_some_and(|s| s.enabled == Some(true));
                if enable && on {
                    return Err(msg::validation("TimeToLive is already enabled"));
                }
                if !enable && !on {
                    return Err(msg::validation("TimeToLive is already disabled"));
                }
                let mut next = t.clone();
                next.ttl = Some(spec.clone());
                Ok(next)
            },
        )?;
        Ok(UpdateTimeToLiveOutput {
            time_to_live_specification: Some(spec),
        })
    }

    pub(crate) fn describe_ttl_now(
        &self,
        input: DescribeTimeToLiveInput,
    ) -> Result<DescribeTimeToLiveOutput> {
        let mut errors = ConstraintErrors::new();
        let name = validate::table_name(&mut errors, &input.table_name);
        errors.into_result()?;
        let table = self
            .table(name)
            .map_err(|_| m::table_not_found_named(name))?;
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
