//! Stream settings of tables: StreamSpecification on CreateTable and UpdateTable, LatestStreamArn and
//! LatestStreamLabel, and closing a table's stream when the table goes.

use std::time::{Duration, SystemTime};

use super::{NewStream, time};
use crate::engine::Engine;
use crate::engine::table::Table;
use ddbmock_core::error::Result;
use ddbmock_core::error::msg::streams as m;
use ddbmock_core::error::msg::table::ConstraintErrors;
use ddbmock_core::operation::{
    StreamSpecification, StreamViewType, TableDescription, UpdateTableInput,
};

/// What an UpdateTable does to the table's stream, once the new table is published.
pub(crate) enum StreamUpdate {
    /// Opens a new stream (a new ARN, even for a table that had one before).
    Enable(NewStream),
    /// Closes the enabled stream: its shard closes, it stays readable for 24 hours.
    Disable,
}

/// Checks the `StreamSpecification` of a CreateTable.
pub(crate) fn check_create(spec: Option<&StreamSpecification>) -> Result<()> {
    let Some(spec) = spec else { return Ok(()) };
    required_enabled(spec)?;
    match (spec.stream_enabled == Some(true), &spec.stream_view_type) {
        (true, None) => Err(m::create_needs_view_type()),
        (false, Some(_)) => Err(m::create_disabled_with_view_type()),
        _ => Ok(()),
    }
}

fn required_enabled(spec: &StreamSpecification) -> Result<()> {
    let mut errors = ConstraintErrors::new();
    if spec.stream_enabled.is_none() {
        errors.null("streamSpecification.streamEnabled");
    }
    errors.into_result()
}

fn enabled(d: &TableDescription) -> bool {
    d.stream_specification
        .as_ref()
        .is_some_and(|s| s.stream_enabled == Some(true))
}

impl Engine {
    /// A new stream of the table described by `d`, with a label (and so an ARN) no stream of this
    /// engine has had. Callers hold the catalog's write lock, which keeps labels unique.
    fn new_stream(&self, d: &TableDescription, view: StreamViewType) -> NewStream {
        let now = self.inner.clock.now();
        let table_arn = d.table_arn.clone().unwrap_or_default();
        let st = self.inner.streams.state.lock();
        // A manual clock can enable twice in one millisecond; the next free millisecond keeps the
        // new stream's ARN new, as DynamoDB's always is.
        let mut at = now;
        let (label, arn) = loop {
            let label = time::stream_label(at);
            let arn = format!("{table_arn}/stream/{label}");
            if !st.has_arn(&arn) {
                break (label, arn);
            }
            at += Duration::from_millis(1);
        };
        NewStream {
            arn,
            label,
            table_name: d.table_name.clone().unwrap_or_default(),
            view_type: view,
            key_schema: d.key_schema.clone().unwrap_or_default(),
            created: now,
        }
    }

    /// For CreateTable: when the new table's stream is enabled, sets its LatestStreamArn and
    /// LatestStreamLabel and returns the stream to open once the table is published.
    pub(crate) fn plan_new_table_stream(&self, table: &mut Table) -> Option<NewStream> {
        let d = &mut table.description;
        if !enabled(d) {
            return None;
        }
        let view = d
            .stream_specification
            .as_ref()
            .and_then(|s| s.stream_view_type.clone())?;
        let new = self.new_stream(d, view);
        d.latest_stream_arn = Some(new.arn.clone());
        d.latest_stream_label = Some(new.label.clone());
        Some(new)
    }

    /// For UpdateTable: checks the requested stream change against the table's stream and writes it
    /// into the next description `d`; the returned change is applied once `d` is published.
    pub(crate) fn plan_stream_update(
        &self,
        d: &mut TableDescription,
        input: &UpdateTableInput,
    ) -> Result<Option<StreamUpdate>> {
        let Some(spec) = &input.stream_specification else {
            return Ok(None);
        };
        required_enabled(spec)?;
        if input.provisioned_throughput.is_some() {
            return Err(m::stream_with_throughput());
        }
        let name = d.table_name.clone().unwrap_or_default();
        if spec.stream_enabled == Some(true) {
            let Some(view) = spec.stream_view_type.clone() else {
                return Err(m::enable_needs_view_type());
            };
            if enabled(d) {
                return Err(m::stream_already_enabled(&name));
            }
            let new = self.new_stream(d, view);
            d.stream_specification = Some(spec.clone());
            d.latest_stream_arn = Some(new.arn.clone());
            d.latest_stream_label = Some(new.label.clone());
            Ok(Some(StreamUpdate::Enable(new)))
        } else {
            if spec.stream_view_type.is_some() {
                return Err(m::disable_with_view_type());
            }
            if !enabled(d) {
                return Err(m::no_stream_to_disable(&name));
            }
            // DynamoDB drops StreamSpecification and keeps the latest ARN and label.
            d.stream_specification = None;
            Ok(Some(StreamUpdate::Disable))
        }
    }

    /// Applies a planned stream change of `table`.
    pub(crate) fn apply_stream_update(&self, table: &str, update: StreamUpdate) {
        match update {
            StreamUpdate::Enable(new) => self.open_stream(new),
            StreamUpdate::Disable => self.close_stream(table),
        }
    }

    /// Starts recording a table's changes in a new stream.
    pub(crate) fn open_stream(&self, new: NewStream) {
        let mut st = self.inner.streams.state.lock();
        st.maintain(new.created);
        // A table has at most one enabled stream: an earlier one (restored, or raced) closes.
        let table = new.table_name.clone();
        st.close(&table, new.created);
        st.open(new);
    }

    /// Closes the enabled stream of `table`, if any (UpdateTable disabling it, DeleteTable).
    pub(crate) fn close_stream(&self, table: &str) {
        let now = self.inner.clock.now();
        let mut st = self.inner.streams.state.lock();
        st.maintain(now);
        st.close(table, now);
    }

    /// Reopens, empty and under their ARNs, the enabled streams of tables restored from a store:
    /// stream records are not persisted.
    pub(crate) fn restore_streams(&self) {
        let tables: Vec<_> = self.inner.tables.read().values().cloned().collect();
        let now: SystemTime = self.inner.clock.now();
        for t in tables {
            let d = &t.description;
            let view = d
                .stream_specification
                .as_ref()
                .and_then(|s| s.stream_view_type.clone());
            if let (true, Some(view), Some(arn), Some(label)) = (
                enabled(d),
                view,
                d.latest_stream_arn.clone(),
                d.latest_stream_label.clone(),
            ) {
                self.open_stream(NewStream {
                    arn,
                    label,
                    table_name: t.name().to_owned(),
                    view_type: view,
                    key_schema: d.key_schema.clone().unwrap_or_default(),
                    created: now,
                });
            }
        }
    }
}
