//! UpdateContributorInsights, DescribeContributorInsights, ListContributorInsights: the
//! contributor insights setting of a table and of each of its global indexes, kept with the table.
//!
//! An update is `ENABLING` (or `DISABLING`) for the engine's `table_status_delay`, then
//! `ENABLED` (`DISABLED`); no metrics are collected.

use super::extras::InsightsRecord;
use super::table::Table;
use super::{Engine, validate};
use ddbmock_core::error::Result;
use ddbmock_core::error::msg::insights as i;
use ddbmock_core::error::msg::query::gsi_not_found;
use ddbmock_core::error::msg::table::{self as m, ConstraintErrors};
use ddbmock_core::operation::*;

/// ListContributorInsights' largest page, and its page when `MaxResults` is absent.
const MAX_RESULTS: i32 = 100;

impl Engine {
    pub(crate) fn update_contributor_insights_now(
        &self,
        input: UpdateContributorInsightsInput,
    ) -> Result<UpdateContributorInsightsOutput> {
        let mut errors = ConstraintErrors::new();
        let name = validate::item_table_name(&mut errors, &input.table_name);
        let name = self.name_of_arn(name).to_owned();
        if let Some(index) = &input.index_name {
            errors.name("indexName", Some(index));
        }
        validate::required(
            &mut errors,
            "contributorInsightsAction",
            &input.contributor_insights_action,
        );
        errors.enum_value(
            "contributorInsightsAction",
            input
                .contributor_insights_action
                .as_ref()
                .map(|a| a.as_str()),
            ContributorInsightsAction::VALUES,
        );
        errors.enum_value(
            "contributorInsightsMode",
            input.contributor_insights_mode.as_ref().map(|a| a.as_str()),
            ContributorInsightsMode::VALUES,
        );
        errors.into_result()?;
        let enable = input.contributor_insights_action == Some(ContributorInsightsAction::Enable);
        let mode = input
            .contributor_insights_mode
            .unwrap_or(ContributorInsightsMode::AccessedAndThrottledKeys);
        let index = input.index_name;
        let now = self.inner.clock.epoch_seconds();
        let until = now + self.inner.config.table_status_delay.as_secs_f64();
        self.change_table(
            &name,
            || m::table_not_found_named(&name),
            |t| {
                check_index(t, index.as_deref())?;
                if enable && t.transition_at(now).is_some() {
                    return Err(i::table_not_active());
                }
                let mut next = t.clone();
                let record = InsightsRecord {
                    index: index.clone(),
                    enabled: enable,
                    mode: mode.as_str().to_owned(),
                    updated_at: now,
                    until,
                };
                let list = &mut next.extras.insights;
                match list.iter_mut().find(|r| r.index == index) {
                    Some(r) => *r = record,
                    None => list.push(record),
                }
                Ok(next)
            },
        )?;
        Ok(UpdateContributorInsightsOutput {
            table_name: Some(name),
            index_name: index,
            contributor_insights_status: Some(if enable {
                ContributorInsightsStatus::Enabling
            } else {
                ContributorInsightsStatus::Disabling
            }),
            contributor_insights_mode: enable.then_some(mode),
        })
    }

    pub(crate) fn describe_contributor_insights_now(
        &self,
        input: DescribeContributorInsightsInput,
    ) -> Result<DescribeContributorInsightsOutput> {
        let mut errors = ConstraintErrors::new();
        let name = validate::item_table_name(&mut errors, &input.table_name);
        let name = self.name_of_arn(name).to_owned();
        if let Some(index) = &input.index_name {
            errors.name("indexName", Some(index));
        }
        errors.into_result()?;
        let table = self
            .table_any(&name)
            .ok_or_else(|| m::table_not_found_named(&name))?;
        check_index(&table, input.index_name.as_deref())?;
        let record = table
            .extras
            .insights
            .iter()
            .find(|r| r.index == input.index_name);
        let status = self.insights_status(record);
        Ok(DescribeContributorInsightsOutput {
            contributor_insights_rule_list: record
                .filter(|_| status == ContributorInsightsStatus::Enabled)
                .map(|r| rules(&table, r)),
            table_name: Some(name),
            index_name: input.index_name,
            contributor_insights_status: Some(status),
            last_update_date_time: record.map(|r| r.updated_at),
            failure_exception: None,
            contributor_insights_mode: record
                .filter(|r| r.enabled)
                .map(|r| ContributorInsightsMode::from(r.mode.as_str())),
        })
    }

    pub(crate) fn list_contributor_insights_now(
        &self,
        input: ListContributorInsightsInput,
    ) -> Result<ListContributorInsightsOutput> {
        let mut errors = ConstraintErrors::new();
        if let Some(t) = &input.table_name {
            errors.table_name_or_arn("tableName", Some(t));
        }
        errors.at_most(
            "maxResults",
            input.max_results.map(i64::from),
            MAX_RESULTS.into(),
        );
        errors.into_result()?;
        let page =
            usize::try_from(input.max_results.unwrap_or(MAX_RESULTS).max(0)).unwrap_or_default();
        let tables: Vec<_> = match &input.table_name {
            Some(t) => {
                let name = self.name_of_arn(t);
                vec![
                    self.table_any(name)
                        .ok_or_else(|| m::table_not_found_named(name))?,
                ]
            }
            None => {
                self.purge_deleted();
                self.inner.tables.read().values().cloned().collect()
            }
        };
        let all: Vec<ContributorInsightsSummary> = tables
            .iter()
            .flat_map(|t| {
                t.extras
                    .insights
                    .iter()
                    .map(|r| ContributorInsightsSummary {
                        table_name: Some(t.name().to_owned()),
                        index_name: r.index.clone(),
                        contributor_insights_status: Some(self.insights_status(Some(r))),
                        contributor_insights_mode: r
                            .enabled
                            .then(|| ContributorInsightsMode::from(r.mode.as_str())),
                    })
            })
            .collect();
        // The token is the position of the next entry.
        let start = match &input.next_token {
            None => 0,
            Some(token) => token
                .parse::<usize>()
                .ok()
                .filter(|n| *n <= all.len())
                .ok_or_else(|| i::invalid_next_token(token))?,
        };
        let end = start.saturating_add(page).min(all.len());
        Ok(ListContributorInsightsOutput {
            contributor_insights_summaries: Some(all[start..end].to_vec()),
            next_token: (end < all.len()).then(|| end.to_string()),
        })
    }

    /// The status of a setting at the engine's present (none set: `DISABLED`).
    fn insights_status(&self, record: Option<&InsightsRecord>) -> ContributorInsightsStatus {
        let Some(r) = record else {
            return ContributorInsightsStatus::Disabled;
        };
        let settled = self.inner.clock.epoch_seconds() >= r.until;
        match (r.enabled, settled) {
            (true, true) => ContributorInsightsStatus::Enabled,
            (true, false) => ContributorInsightsStatus::Enabling,
            (false, true) => ContributorInsightsStatus::Disabled,
            (false, false) => ContributorInsightsStatus::Disabling,
        }
    }
}

/// Refuses an index that is not a global secondary index of `table`.
fn check_index(table: &Table, index: Option<&str>) -> Result<()> {
    match index {
        Some(index) if table.index(index).is_none_or(|i| i.local) => {
            Err(gsi_not_found(table.name(), index))
        }
        _ => Ok(()),
    }
}

/// The CloudWatch rules of an enabled setting: partition key (`PK`) and, with a sort key, sort key
/// (`SK`) rules, counting accesses (`C`, unless only throttled keys are tracked) and throttles (`T`),
/// named after the table, the index and the update's epoch milliseconds.
fn rules(table: &Table, r: &InsightsRecord) -> Vec<String> {
    let ranged = match &r.index {
        Some(index) => table.index(index).is_some_and(|i| i.key.range.is_some()),
        None => table.key.range.is_some(),
    };
    let accessed = r.mode != ContributorInsightsMode::ThrottledKeys.as_str();
    let scope = match &r.index {
        Some(index) => format!("{}-{index}", table.name()),
        None => table.name().to_owned(),
    };
    let ms = (r.updated_at * 1000.0) as i64;
    let mut kinds = Vec::new();
    for key in ["PK", "SK"].into_iter().take(if ranged { 2 } else { 1 }) {
        if accessed {
            kinds.push(format!("{key}C"));
        }
        kinds.push(format!("{key}T"));
    }
    kinds
        .into_iter()
        .map(|k| format!("DynamoDBContributorInsights-{k}-{scope}-{ms}"))
        .collect()
}
