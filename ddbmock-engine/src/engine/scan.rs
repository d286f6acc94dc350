//! Scan: every entry of a table or index in storage order (DynamoDB's partition hash first), a page
//! at a time; a parallel-scan segment is a range of hash buckets, so every partition is in exactly
//! one. Answered as a typed output or, for the wire protocol, as JSON (see `json_page`).

use super::paging::{Range, Target, segment_buckets};
use super::read_params::{ReadParams, compile_read};
use super::select::{PageRead, plan_output};
use super::{Engine, validate};
use ddbmock_core::error::Result;
use ddbmock_core::error::msg::query as m;
use ddbmock_core::error::msg::table::ConstraintErrors;
use ddbmock_core::operation::{ScanInput, ScanOutput};

/// DynamoDB's largest `TotalSegments`.
use ddbmock_core::limits::MAX_SCAN_SEGMENTS as MAX_TOTAL_SEGMENTS;

impl Engine {
    pub(crate) fn scan_now(&self, input: ScanInput) -> Result<ScanOutput> {
        self.scan_with(&input, |read| self.scan_typed(read))
    }

    /// Scan's JSON body (see [`Engine::page_json`]).
    pub(crate) fn scan_json_now(&self, input: ScanInput) -> Result<Vec<u8>> {
        self.scan_with(&input, |read| {
            self.page_json(read, |read| self.scan_typed(read))
        })
    }

    fn scan_typed(&self, read: PageRead<'_>) -> Result<ScanOutput> {
        let (shaped, consumed_capacity) = self.read_typed_page(&read)?;
        Ok(ScanOutput {
            items: shaped.items,
            count: Some(shaped.count),
            scanned_count: Some(shaped.scanned),
            last_evaluated_key: shaped.last_key,
            consumed_capacity,
        })
    }

    /// Validates `input` in DynamoDB's order, then reads with `page`.
    fn scan_with<R>(
        &self,
        input: &ScanInput,
        page: impl FnOnce(PageRead<'_>) -> Result<R>,
    ) -> Result<R> {
        let members = validate::read_members!(input);
        let mut errors = ConstraintErrors::new();
        let name = validate::read_request(&mut errors, &members, validate::ReadOp::Scan);
        let segment = input.segment.map(i64::from);
        let total = input.total_segments.map(i64::from);
        errors.at_least("segment", segment, 0);
        errors.at_most("segment", segment, MAX_TOTAL_SEGMENTS - 1);
        errors.at_least("totalSegments", total, 1);
        errors.at_most("totalSegments", total, MAX_TOTAL_SEGMENTS);
        errors.into_result()?;

        let exprs = compile_read(&ReadParams {
            key_condition_expression: None,
            filter_expression: input.filter_expression.as_deref(),
            projection_expression: input.projection_expression.as_deref(),
            names: input.expression_attribute_names.as_ref(),
            values: input.expression_attribute_values.as_ref(),
            key_conditions: None,
            filter: input.scan_filter.as_ref(),
            conditional_operator: input.conditional_operator.as_ref(),
            attributes_to_get: input.attributes_to_get.as_deref(),
            filter_name: "ScanFilter",
            is_query: false,
        })?;
        let esk = validate::start_key(&members)?;
        let segments = match (segment, total) {
            (Some(_), None) => return Err(m::total_segments_missing()),
            (None, Some(_)) => return Err(m::segment_missing()),
            (Some(s), Some(t)) if s >= t => return Err(m::segment_out_of_range(s, t)),
            (Some(s), Some(t)) => Some((s, t)),
            (None, None) => None,
        };

        let table = self.table_for(name, "Scan")?;
        self.admit(&table, false)?;
        super::key_paths::check(
            &table,
            exprs.projection.as_ref(),
            exprs.filter.as_ref().map(|f| &f.0),
        )?;
        let target = Target::of(&table, input.index_name.as_deref())?;
        self.check_index_readable(&target, input.consistent_read)?;
        let output = plan_output(input.select.as_ref(), exprs, &target)?;

        let mut range = match segments {
            Some((s, t)) => Range::segment(s.unsigned_abs(), t.unsigned_abs()),
            None => Range::all(),
        };
        if let Some(esk) = &esk {
            let key = target.start_key(esk)?;
            if let Some((s, t)) = segments {
                let bucket = u32::from(target.bucket(esk)?);
                if !segment_buckets(s.unsigned_abs(), t.unsigned_abs()).contains(&bucket) {
                    return Err(m::start_key_wrong_segment(t, s));
                }
            }
            range.resume_after(key, false);
        }
        page(PageRead {
            target: &target,
            output,
            range,
            reverse: false,
            resumable: true,
            limit: input.limit,
            consistent_read: input.consistent_read,
            return_consumed_capacity: input.return_consumed_capacity.as_ref(),
        })
    }
}
