//! Incremental exports: the period's rules, the net change of each item within the period (read
//! from the point-in-time recovery log), and the data lines DynamoDB writes for them.
//!
//! The documented rules: the period runs from `ExportFromTime` (inclusive) to `ExportToTime`
//! (exclusive, "the latest time with data available" without one), lies in the recovery window,
//! and is "from 15 minutes up to 24 hours" long; `ExportViewType` is `NEW_AND_OLD_IMAGES` unless
//! it says `NEW_IMAGE`. The export is compacted: one line per item changed in the period, with the
//! item's state before the period (`OldImage`, absent when it did not exist) and after it
//! (`NewImage`, absent when it was deleted), its key (`Keys`) and the time of its last write in
//! the period (`Metadata.WriteTimestampMicros`, a DynamoDB JSON number); an item created and
//! deleted within the period has no line.
//!
//! Unconfirmed: the messages of the ValidationExceptions, which the documentation does not give;
//! and that an item whose last state equals its first still has a line (DynamoDB writes a line
//! per changed item, and a rewrite of the same item is a change in the log).

use std::collections::BTreeMap;
use std::ops::{Bound, ControlFlow};

use serde_json::json;

use crate::engine::extras::PitrRecord;
use crate::engine::keys::key_of;
use crate::engine::pitr::log::{entry_key, micros_of, read_entry};
use crate::engine::table::Table;
use crate::engine::{Engine, storage_error};
use crate::storage::SpaceId;
use ddbmock_core::error::msg::export as m;
use ddbmock_core::error::{Error, Result};
use ddbmock_core::model::{Item, item_size};
use ddbmock_core::operation::{ExportViewType, IncrementalExportSpecification};

/// The shortest period an incremental export may cover: 15 minutes.
pub(crate) const MIN_PERIOD_SECONDS: f64 = 15.0 * 60.0;

/// The longest period an incremental export may cover: 24 hours.
pub(crate) const MAX_PERIOD_SECONDS: f64 = 24.0 * 3600.0;

/// The period and view of an incremental export, defaults filled in.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Period {
    pub(crate) from: f64,
    pub(crate) to: f64,
    pub(crate) view: ExportViewType,
}

impl Period {
    /// The period `spec` asks for, checked against the recovery window `[earliest, now]`.
    pub(crate) fn checked(
        spec: Option<&IncrementalExportSpecification>,
        earliest: f64,
        now: f64,
    ) -> Result<Period, Error> {
        let spec = spec.cloned().unwrap_or_default();
        let Some(from) = spec.export_from_time else {
            return Err(m::incremental_period_invalid());
        };
        let to = spec.export_to_time.unwrap_or(now);
        if to <= from {
            return Err(m::incremental_period_invalid());
        }
        if !(MIN_PERIOD_SECONDS..=MAX_PERIOD_SECONDS).contains(&(to - from)) {
            return Err(m::incremental_period_length());
        }
        if from < earliest || to > now {
            return Err(m::invalid_export_time());
        }
        Ok(Period {
            from,
            to,
            view: spec
                .export_view_type
                .unwrap_or(ExportViewType::NewAndOldImages),
        })
    }

    /// The specification an export's description shows.
    pub(crate) fn spec(&self) -> IncrementalExportSpecification {
        IncrementalExportSpecification {
            export_from_time: Some(self.from),
            export_to_time: Some(self.to),
            export_view_type: Some(self.view.clone()),
        }
    }
}

/// One item's net change within a period.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct NetChange {
    pub(crate) keys: Item,
    pub(crate) old: Option<Item>,
    pub(crate) new: Option<Item>,
    /// Epoch microseconds of the item's last write in the period.
    pub(crate) micros: u64,
}

impl NetChange {
    /// The data line of this change under `view`.
    pub(crate) fn line(&self, view: &ExportViewType) -> serde_json::Result<String> {
        // Built field by field: the documented order is Metadata, Keys, NewImage, OldImage.
        let mut line = format!(
            "{{\"Metadata\":{{\"WriteTimestampMicros\":{}}},\"Keys\":{}",
            json!({ "N": self.micros.to_string() }),
            serde_json::to_string(&self.keys)?
        );
        if let Some(new) = &self.new {
            line.push_str(&format!(",\"NewImage\":{}", serde_json::to_string(new)?));
        }
        if let (ExportViewType::NewAndOldImages, Some(old)) = (view, &self.old) {
            line.push_str(&format!(",\"OldImage\":{}", serde_json::to_string(old)?));
        }
        line.push('}');
        Ok(line)
    }

    /// The line of this change under `view` in an Ion export.
    pub(crate) fn ion_line(&self, view: &ExportViewType) -> String {
        let old = match view {
            ExportViewType::NewAndOldImages => self.old.as_ref(),
            _ => None,
        };
        super::ion::write::change_line(self.micros, &self.keys, self.new.as_ref(), old)
    }

    /// The bytes the change bills: the size of the images it writes.
    pub(crate) fn size(&self) -> usize {
        self.old.as_ref().map_or(0, item_size) + self.new.as_ref().map_or(0, item_size)
    }
}

/// Epoch microseconds of a log entry's key (its first eight bytes).
fn entry_micros(key: &[u8]) -> u64 {
    key.get(..8)
        .and_then(|b| <[u8; 8]>::try_from(b).ok())
        .map_or(0, u64::from_be_bytes)
}

impl Engine {
    /// The net change of each item of `table` written within `period`, in storage key order.
    pub(crate) fn changes_within(
        &self,
        table: &Table,
        pitr: &PitrRecord,
        period: &Period,
    ) -> Result<Vec<NetChange>> {
        self.with_pitr_copies(table, pitr, |copy, log| {
            self.read_changes(table, copy, log, period)
        })
    }

    fn read_changes(
        &self,
        table: &Table,
        copy: SpaceId,
        log: SpaceId,
        period: &Period,
    ) -> Result<Vec<NetChange>> {
        let (from, to) = (micros_of(period.from), micros_of(period.to));
        // Per item written in the period: its state before the first write there, and the time
        // of the last; per item written after the period: its state before the first such write.
        let mut within: BTreeMap<Vec<u8>, (Option<Item>, u64)> = BTreeMap::new();
        let mut after: BTreeMap<Vec<u8>, Option<Item>> = BTreeMap::new();
        let start = entry_key(from, 0);
        self.inner
            .storage
            .scan(
                log,
                Bound::Included(&start),
                Bound::Unbounded,
                false,
                &mut |k, e| {
                    let at = entry_micros(k);
                    if let Some((key, old)) = read_entry(e) {
                        if at < to {
                            within.entry(key).or_insert((old, at)).1 = at;
                        } else {
                            after.entry(key).or_insert(old);
                        }
                    }
                    ControlFlow::Continue(())
                },
            )
            .map_err(storage_error)?;
        let mut changes = Vec::with_capacity(within.len());
        for (key, (old, micros)) in within {
            let new = match after.remove(&key) {
                Some(then) => then,
                None => self
                    .inner
                    .storage
                    .get(copy, &key)
                    .map_err(storage_error)?
                    .map(|i| (*i).clone()),
            };
            let Some(any) = new.as_ref().or(old.as_ref()) else {
                continue;
            };
            changes.push(NetChange {
                keys: key_of(&table.key, any),
                old,
                new,
                micros,
            });
        }
        Ok(changes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ddbmock_core::model::AttributeValue;

    fn item(v: &str) -> Item {
        Item::from([
            ("pk".to_owned(), AttributeValue::S("a".into())),
            ("v".to_owned(), AttributeValue::S(v.into())),
        ])
    }

    fn spec(from: f64, to: Option<f64>) -> IncrementalExportSpecification {
        IncrementalExportSpecification {
            export_from_time: Some(from),
            export_to_time: to,
            export_view_type: None,
        }
    }

    #[test]
    fn a_line_holds_the_images_its_view_asks_for() {
        let change = NetChange {
            keys: Item::from([("pk".to_owned(), AttributeValue::S("a".into()))]),
            old: Some(item("1")),
            new: Some(item("2")),
            micros: 7,
        };
        let both = change.line(&ExportViewType::NewAndOldImages).unwrap();
        assert!(
            both.starts_with(
                "{\"Metadata\":{\"WriteTimestampMicros\":{\"N\":\"7\"}},\"Keys\":{\"pk\":{\"S\":\"a\"}},\"NewImage\":{"
            ),
            "{both}"
        );
        assert!(both.contains(",\"OldImage\":{"), "{both}");
        let new = change.line(&ExportViewType::NewImage).unwrap();
        assert!(!new.contains("OldImage"), "{new}");
        let deleted = NetChange {
            new: None,
            ..change
        };
        let line = deleted.line(&ExportViewType::NewImage).unwrap();
        assert_eq!(
            line,
            "{\"Metadata\":{\"WriteTimestampMicros\":{\"N\":\"7\"}},\"Keys\":{\"pk\":{\"S\":\"a\"}}}"
        );
    }

    #[test]
    fn the_period_is_checked_and_defaulted() {
        let p = Period::checked(Some(&spec(0.0, None)), 0.0, 900.0).unwrap();
        assert_eq!(
            (p.from, p.to, p.view),
            (0.0, 900.0, ExportViewType::NewAndOldImages)
        );
        let err = |s: Option<IncrementalExportSpecification>, earliest| {
            Period::checked(s.as_ref(), earliest, 100_000.0)
                .unwrap_err()
                .to_string()
        };
        assert_eq!(err(None, 0.0), m::incremental_period_invalid().to_string());
        assert_eq!(
            err(Some(spec(10.0, Some(10.0))), 0.0),
            m::incremental_period_invalid().to_string()
        );
        assert_eq!(
            err(Some(spec(0.0, Some(899.0))), 0.0),
            m::incremental_period_length().to_string()
        );
        assert_eq!(
            err(Some(spec(0.0, Some(86_401.0))), 0.0),
            m::incremental_period_length().to_string()
        );
        assert_eq!(
            err(Some(spec(0.0, Some(900.0))), 1.0),
            m::invalid_export_time().to_string()
        );
        assert_eq!(
            err(Some(spec(99_000.0, Some(100_001.0))), 0.0),
            m::invalid_export_time().to_string()
        );
    }
}
