//! Enable…, Disable…, Describe… and UpdateKinesisStreamingDestination: a table's Kinesis
//! streaming destinations and their status, kept with the table. No record is sent anywhere.
//!
//! A change is `ENABLING`, `UPDATING` or `DISABLING` for the engine's `table_status_delay`, then
//! `ACTIVE` (`DISABLED`). A table has at most one destination that is not `DISABLED`.

use super::extras::KinesisRecord;
use super::table::Table;
use super::{Engine, validate};
use ddbmock_core::error::Result;
use ddbmock_core::error::msg::kinesis as k;
use ddbmock_core::error::msg::table::{self as m, ConstraintErrors};
use ddbmock_core::operation::*;

impl Engine {
    pub(crate) fn enable_kinesis_streaming_destination_now(
        &self,
        input: KinesisStreamingDestinationInput,
    ) -> Result<KinesisStreamingDestinationOutput> {
        let (name, stream) = destination_members(&input.table_name, &input.stream_arn, |e| {
            precision_member(
                e,
                "enableKinesisStreamingConfiguration.approximateCreationDateTimePrecision",
                input
                    .enable_kinesis_streaming_configuration
                    .as_ref()
                    .and_then(|c| c.approximate_creation_date_time_precision.as_ref()),
            );
        })?;
        let name = self.name_of_arn(&name).to_owned();
        let config = input.enable_kinesis_streaming_configuration;
        let until = self.settles_at();
        self.change_destinations(&name, |_, list| {
            if list
                .iter()
                .any(|r| self.kinesis_status(r).is_some_and(busy))
            {
                return Err(k::enable_not_allowed());
            }
            let record = KinesisRecord {
                stream_arn: stream.clone(),
                status: DestinationStatus::Enabling.as_str().to_owned(),
                until,
                precision: config
                    .as_ref()
                    .and_then(|c| c.approximate_creation_date_time_precision.as_ref())
                    .map(|p| p.as_str().to_owned()),
            };
            match list.iter_mut().find(|r| r.stream_arn == stream) {
                Some(r) => *r = record,
                None => list.push(record),
            }
            Ok(())
        })?;
        Ok(KinesisStreamingDestinationOutput {
            table_name: Some(name),
            stream_arn: Some(stream),
            destination_status: Some(DestinationStatus::Enabling),
            // DynamoDB echoes the configuration, an empty one when none was sent.
            enable_kinesis_streaming_configuration: Some(config.unwrap_or_default()),
        })
    }

    pub(crate) fn disable_kinesis_streaming_destination_now(
        &self,
        input: KinesisStreamingDestinationInput,
    ) -> Result<KinesisStreamingDestinationOutput> {
        let (name, stream) = destination_members(&input.table_name, &input.stream_arn, |_| {})?;
        let name = self.name_of_arn(&name).to_owned();
        let until = self.settles_at();
        self.change_destinations(&name, |_, list| {
            let record = list
                .iter_mut()
                .find(|r| r.stream_arn == stream)
                .filter(|r| self.kinesis_status(r) == Some(DestinationStatus::Active))
                .ok_or_else(k::disable_not_allowed)?;
            record.status = DestinationStatus::Disabling.as_str().to_owned();
            record.until = until;
            Ok(())
        })?;
        Ok(KinesisStreamingDestinationOutput {
            table_name: Some(name),
            stream_arn: Some(stream),
            destination_status: Some(DestinationStatus::Disabling),
            enable_kinesis_streaming_configuration: input.enable_kinesis_streaming_configuration,
        })
    }

    pub(crate) fn describe_kinesis_streaming_destination_now(
        &self,
        input: DescribeKinesisStreamingDestinationInput,
    ) -> Result<DescribeKinesisStreamingDestinationOutput> {
        let table = self.described_by_name_or_arn(&input.table_name)?;
        let destinations = table
            .extras
            .kinesis
            .iter()
            .map(|r| KinesisDataStreamDestination {
                stream_arn: Some(r.stream_arn.clone()),
                destination_status: self.kinesis_status(r),
                destination_status_description: None,
                approximate_creation_date_time_precision: r
                    .precision
                    .as_deref()
                    .map(ApproximateCreationDateTimePrecision::from),
            })
            .collect();
        Ok(DescribeKinesisStreamingDestinationOutput {
            table_name: Some(table.name.clone()),
            kinesis_data_stream_destinations: Some(destinations),
        })
    }

    pub(crate) fn update_kinesis_streaming_destination_now(
        &self,
        input: UpdateKinesisStreamingDestinationInput,
    ) -> Result<UpdateKinesisStreamingDestinationOutput> {
        let precision = input
            .update_kinesis_streaming_configuration
            .as_ref()
            .and_then(|c| c.approximate_creation_date_time_precision.clone());
        let (name, stream) = destination_members(&input.table_name, &input.stream_arn, |e| {
            precision_member(
                e,
                "updateKinesisStreamingConfiguration.approximateCreationDateTimePrecision",
                precision.as_ref(),
            );
        })?;
        let Some(precision) = precision else {
            return Err(k::update_without_configuration());
        };
        let name = self.name_of_arn(&name).to_owned();
        let until = self.settles_at();
        self.change_destinations(&name, |t, list| {
            let record = list
                .iter_mut()
                .find(|r| r.stream_arn == stream)
                .filter(|r| self.kinesis_status(r) == Some(DestinationStatus::Active))
                .ok_or_else(|| k::update_not_allowed(&name, &stream))?;
            let current = record
                .precision
                .as_deref()
                .unwrap_or(ApproximateCreationDateTimePrecision::Millisecond.as_str());
            if current == precision.as_str() {
                let id = t.description.table_id.as_deref().unwrap_or_default();
                return Err(k::precision_unchanged(current, id, &stream));
            }
            record.precision = Some(precision.as_str().to_owned());
            record.status = DestinationStatus::Updating.as_str().to_owned();
            record.until = until;
            Ok(())
        })?;
        Ok(UpdateKinesisStreamingDestinationOutput {
            table_name: Some(name),
            stream_arn: Some(stream),
            destination_status: Some(DestinationStatus::Updating),
            update_kinesis_streaming_configuration: input.update_kinesis_streaming_configuration,
        })
    }

    /// When a change made now settles.
    fn settles_at(&self) -> f64 {
        self.inner.clock.epoch_seconds() + self.inner.config.table_status_delay.as_secs_f64()
    }

    /// Applies `change` to the destinations of table `name`, under the catalog lock, persisted.
    fn change_destinations(
        &self,
        name: &str,
        change: impl FnOnce(&Table, &mut Vec<KinesisRecord>) -> Result<()>,
    ) -> Result<()> {
        self.change_table(
            name,
            || m::table_not_found_named(name),
            |t| {
                let mut next = t.clone();
                change(t, &mut next.extras.kinesis)?;
                Ok(next)
            },
        )
        .map(|_| ())
    }

    /// A destination's status at the engine's present.
    fn kinesis_status(&self, r: &KinesisRecord) -> Option<DestinationStatus> {
        let status = DestinationStatus::from(r.status.as_str());
        if self.inner.clock.epoch_seconds() < r.until {
            return Some(status);
        }
        Some(match status {
            DestinationStatus::Enabling | DestinationStatus::Updating => DestinationStatus::Active,
            DestinationStatus::Disabling => DestinationStatus::Disabled,
            other => other,
        })
    }
}

/// Whether a destination in `status` keeps another from being enabled.
fn busy(status: DestinationStatus) -> bool {
    !matches!(
        status,
        DestinationStatus::Disabled | DestinationStatus::EnableFailed
    )
}

/// Checks the members every destination operation has (and `more`), returning the table name and
/// the stream ARN.
fn destination_members(
    table_name: &Option<String>,
    stream_arn: &Option<String>,
    more: impl FnOnce(&mut ConstraintErrors),
) -> Result<(String, String)> {
    let mut errors = ConstraintErrors::new();
    let name = validate::item_table_name(&mut errors, table_name).to_owned();
    validate::required(&mut errors, "streamArn", stream_arn);
    if let Some(s) = stream_arn {
        errors.length("streamArn", s, s.chars().count(), 37, 1024);
    }
    more(&mut errors);
    errors.into_result()?;
    Ok((name, stream_arn.clone().unwrap_or_default()))
}

/// Records an unknown timestamp precision.
fn precision_member(
    errors: &mut ConstraintErrors,
    member: &str,
    precision: Option<&ApproximateCreationDateTimePrecision>,
) {
    errors.enum_value(
        member,
        precision.map(|p| p.as_str()),
        ApproximateCreationDateTimePrecision::VALUES,
    );
}
