//! What a Query or Scan returns of each entry it read: `Select` with DynamoDB's rules on combining it
//! with a projection, the filter, and the fetch from the table that a local secondary index query
//! makes for attributes the index does not carry.

use std::sync::Arc;

use super::consistency::View;
use super::paging::{Page, Range, Target};
use super::read_params::{FilterSource, ReadExprs, condition_attributes};
use super::{Engine, keys};
use crate::expr::{Condition, Projection};
use ddbmock_core::api::output_json;
use ddbmock_core::error::Result;
use ddbmock_core::error::msg::query as m;
use ddbmock_core::model::{Item, item_size};
use ddbmock_core::operation::{ConsumedCapacity, ReturnConsumedCapacity, Select};
use serde::Serialize;

/// What each returned item holds.
pub(crate) enum Shape {
    /// Nothing: only `Count`.
    Count,
    /// The whole item (from the table when the index does not carry it all).
    All,
    /// The entry as the index holds it.
    Projected,
    /// The projection's paths.
    Specific(Projection),
}

/// A page's result: items (unless `Select: COUNT`), counts, and where to resume.
pub(crate) struct Shaped {
    pub(crate) items: Option<Vec<Item>>,
    pub(crate) count: i32,
    pub(crate) scanned: i32,
    pub(crate) last_key: Option<Item>,
    /// The bytes of the items fetched from the table beside their index entries (`None`: none was).
    pub(crate) fetched: Option<usize>,
}

/// The plan for turning entries into results.
pub(crate) struct Output {
    shape: Shape,
    filter: Option<Condition>,
    /// Whether entries must be completed from the table first (a local index missing attributes
    /// that the projection, the filter or `ALL_ATTRIBUTES` need).
    fetch: bool,
}

/// A validated Query or Scan, ready to read its page.
pub(crate) struct PageRead<'a> {
    pub(crate) target: &'a Target<'a>,
    pub(crate) output: Output,
    pub(crate) range: Range,
    pub(crate) reverse: bool,
    /// Whether the page can be resumed (`LastEvaluatedKey` given when it is cut short).
    pub(crate) resumable: bool,
    pub(crate) limit: Option<i32>,
    pub(crate) consistent_read: Option<bool>,
    pub(crate) return_consumed_capacity: Option<&'a ReturnConsumedCapacity>,
}

impl Output {
    /// Whether each entry read is returned whole, as stored: no filter, no projection, no count
    /// alone, no fetch from the table.
    pub(crate) fn returns_stored_entries(&self) -> bool {
        self.filter.is_none() && !self.fetch && matches!(self.shape, Shape::All | Shape::Projected)
    }
}

/// Applies DynamoDB's rules on `Select` and the projection, and its checks of what a global
/// secondary index can serve.
pub(crate) fn plan_output(
    select: Option<&Select>,
    exprs: ReadExprs,
    target: &Target<'_>,
) -> Result<Output> {
    let param = exprs.projection_param;
    let index_name = target.index.map(|i| i.name.as_str());
    let shape = match (select, exprs.projection) {
        (None, Some(p)) => Shape::Specific(p),
        (None, None) if target.index.is_some() => Shape::Projected,
        (None, None) => Shape::All,
        (Some(Select::AllAttributes), Some(_)) => {
            return Err(m::select_all_with(
                param.unwrap_or_default(),
                "ALL_ATTRIBUTES",
            ));
        }
        (Some(Select::AllAttributes), None) => {
            if target.is_gsi() && !target.projects_all() {
                return Err(m::select_all_on_gsi(index_name.unwrap_or_default()));
            }
            Shape::All
        }
        (Some(Select::AllProjectedAttributes), Some(_)) => {
            return Err(m::select_all_with(
                param.unwrap_or_default(),
                "ALL_PROJECTED_ATTRIBUTES",
            ));
        }
        (Some(Select::AllProjectedAttributes), None) => {
            if target.index.is_none() {
                return Err(m::select_projected_without_index());
            }
            Shape::Projected
        }
        (Some(Select::Count), Some(_)) => {
            return Err(m::select_count_with(param.unwrap_or_default()));
        }
        (Some(Select::Count), None) => Shape::Count,
        (Some(Select::SpecificAttributes), Some(p)) => Shape::Specific(p),
        (Some(_), None) => return Err(m::select_specific_without_projection()),
        // Unknown values were rejected with the enum's message before.
        (Some(_), Some(p)) => Shape::Specific(p),
    };
    let filter_attrs = exprs
        .filter
        .as_ref()
        .map(|(f, _)| {
            let mut out = Vec::new();
            condition_attributes(f, &mut out);
            out
        })
        .unwrap_or_default();
    let projected_attrs: Vec<&str> = match &shape {
        Shape::Specific(p) => p.paths.iter().map(|p| p.attribute_name()).collect(),
        _ => Vec::new(),
    };
    let mut fetch = false;
    if !target.projects_all() {
        let missing = |names: &mut dyn Iterator<Item = &str>| -> Vec<String> {
            let mut out: Vec<String> = Vec::new();
            for n in names {
                if !target.projects(n) && !out.iter().any(|o| o == n) {
                    out.push(n.to_owned());
                }
            }
            out
        };
        let filter_missing = missing(&mut filter_attrs.iter().map(String::as_str));
        let projection_missing = missing(&mut projected_attrs.iter().copied());
        if target.is_gsi() {
            if !filter_missing.is_empty() {
                let mut sorted = filter_missing;
                sorted.sort();
                return Err(m::filter_not_projected(
                    index_name.unwrap_or_default(),
                    &sorted,
                ));
            }
            if !projection_missing.is_empty() {
                return Err(m::projection_not_projected(
                    index_name.unwrap_or_default(),
                    &projection_missing,
                ));
            }
        } else {
            fetch = matches!(shape, Shape::All)
                || !filter_missing.is_empty()
                || !projection_missing.is_empty();
        }
    }
    Ok(Output {
        shape,
        filter: exprs.filter.map(|(f, _)| f),
        fetch,
    })
}

/// A Query's filter may not read the key attributes of the keyspace it queries.
pub(crate) fn check_filter_keys(exprs: &ReadExprs, target: &Target<'_>) -> Result<()> {
    let Some((filter, source)) = &exprs.filter else {
        return Ok(());
    };
    let mut attrs = Vec::new();
    condition_attributes(filter, &mut attrs);
    for key in target.key().attrs() {
        if attrs.contains(&key.name) {
            return Err(match source {
                FilterSource::Legacy => m::query_filter_on_key(&key.name),
                FilterSource::Expression => m::filter_expression_on_key(&key.name),
            });
        }
    }
    Ok(())
}

impl Engine {
    /// One page of `range` in `target` (at most `limit` entries, and 1 MB), shaped by `output`, and
    /// billed as DynamoDB bills the read (`consistent` or eventually consistent): the entries read,
    /// and the items fetched from the table for a local index that lacks attributes the request
    /// asks for. Reported as `mode` asks.
    pub(crate) fn read_shaped_page(
        &self,
        target: &Target<'_>,
        output: &Output,
        (range, reverse, limit, resumable): (&Range, bool, Option<i32>, bool),
        consistent: Option<bool>,
        mode: Option<&ReturnConsumedCapacity>,
    ) -> Result<(Shaped, Option<ConsumedCapacity>)> {
        let limit = limit.and_then(|l| usize::try_from(l).ok());
        let view = self.page_view(target, consistent);
        let page = self
            .read_page_in(view, target.space(), range, reverse, limit)
            .map_err(|e| self.dropped([target.table], e))?;
        let read: usize = page.entries.iter().map(|e| item_size(e)).sum();
        let shaped = self.shape_page(target, output, page, resumable, view)?;
        let consumed = self.bill_page(
            target.table,
            target.index,
            (read, shaped.fetched),
            consistent == Some(true),
            mode,
        );
        Ok((shaped, consumed))
    }

    /// The page `read` asks for, shaped, and its consumed capacity.
    pub(crate) fn read_typed_page(
        &self,
        read: &PageRead<'_>,
    ) -> Result<(Shaped, Option<ConsumedCapacity>)> {
        self.read_shaped_page(
            read.target,
            &read.output,
            (&read.range, read.reverse, read.limit, read.resumable),
            read.consistent_read,
            read.return_consumed_capacity,
        )
    }

    /// A page's JSON body: written from the stored encoding (`json_page`) when each item is
    /// returned whole, as stored, and read as it is now; otherwise `typed`'s output, serialized.
    pub(crate) fn page_json<T: Serialize>(
        &self,
        read: PageRead<'_>,
        typed: impl FnOnce(PageRead<'_>) -> Result<T>,
    ) -> Result<Vec<u8>> {
        let view = self.page_view(read.target, read.consistent_read);
        if read.output.returns_stored_entries() && matches!(view, View::Latest) {
            self.json_page(read)
        } else {
            output_json(&typed(read)?)
        }
    }

    /// What a page read of `target` sees.
    pub(crate) fn page_view(&self, target: &Target<'_>, consistent: Option<bool>) -> View {
        // A global index is never read consistently (DynamoDB refuses to).
        self.view(consistent == Some(true) && !target.is_gsi())
    }

    /// Filters and shapes a page's entries, and works out `LastEvaluatedKey`; items fetched from
    /// the table are read as `view` sees them, as the page was.
    pub(crate) fn shape_page(
        &self,
        target: &Target<'_>,
        output: &Output,
        page: Page,
        resumable: bool,
        view: View,
    ) -> Result<Shaped> {
        let scanned = page.entries.len();
        let last_key = match page.entries.last() {
            Some(last) if page.truncated && resumable => Some(target.last_key(last)),
            _ => None,
        };
        let mut items = match output.shape {
            Shape::Count => None,
            _ => Some(Vec::with_capacity(scanned)),
        };
        let mut count = 0usize;
        let mut fetched = None;
        for entry in page.entries {
            // The index entry, when the item had to be fetched beside it.
            let (entry, item): (Option<Arc<Item>>, Arc<Item>) = if output.fetch {
                let key = keys::item_storage_key(&target.table.key, &entry)?;
                match self.read_in(view, target.table, &key)? {
                    Some(item) => {
                        *fetched.get_or_insert(0) += item_size(&item);
                        (Some(entry), item)
                    }
                    // Deleted since the page was read: the index entry is gone too.
                    None => continue,
                }
            } else {
                (None, entry)
            };
            if let Some(f) = &output.filter
                && !f.evaluate(Some(&item))?
            {
                continue;
            }
            count += 1;
            let Some(items) = items.as_mut() else {
                continue;
            };
            items.push(match &output.shape {
                Shape::Specific(p) => p.apply(&item),
                // A store that decodes items (SQLite) hands out fresh copies, which move into the page.
                Shape::Projected => Arc::unwrap_or_clone(entry.unwrap_or(item)),
                _ => Arc::unwrap_or_clone(item),
            });
        }
        Ok(Shaped {
            items,
            count: i32::try_from(count).unwrap_or(i32::MAX),
            scanned: i32::try_from(scanned).unwrap_or(i32::MAX),
            last_key,
            fetched,
        })
    }
}
