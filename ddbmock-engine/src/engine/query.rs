//! Query: one partition of a table or index, a sort-key range of it, a page at a time; answered
//! as a typed output or, for the wire protocol, as JSON (see `json_page`).

use super::key_conditions::plan;
use super::paging::Target;
use super::read_params::{ReadParams, compile_read};
use super::select::{PageRead, check_filter_keys, plan_output};
use super::{Engine, keys, validate};
use ddbmock_core::error::Result;
use ddbmock_core::error::msg::query as m;
use ddbmock_core::error::msg::table::ConstraintErrors;
use ddbmock_core::operation::{QueryInput, QueryOutput};

impl Engine {
    pub(crate) fn query_now(&self, input: QueryInput) -> Result<QueryOutput> {
        self.query_with(&input, |read| self.query_typed(read))
    }

    /// Query's JSON body (see [`Engine::page_json`]).
    pub(crate) fn query_json_now(&self, input: QueryInput) -> Result<Vec<u8>> {
        self.query_with(&input, |read| {
            self.page_json(read, |read| self.query_typed(read))
        })
    }

    fn query_typed(&self, read: PageRead<'_>) -> Result<QueryOutput> {
        let (shaped, consumed_capacity) = self.read_typed_page(&read)?;
        Ok(QueryOutput {
            items: shaped.items,
            count: Some(shaped.count),
            scanned_count: Some(shaped.scanned),
            last_evaluated_key: shaped.last_key,
            consumed_capacity,
        })
    }

    /// Validates `input` in DynamoDB's order, then reads with `page`.
    fn query_with<R>(
        &self,
        input: &QueryInput,
        page: impl FnOnce(PageRead<'_>) -> Result<R>,
    ) -> Result<R> {
        let members = validate::read_members!(input);
        let mut errors = ConstraintErrors::new();
        let name = validate::read_request(&mut errors, &members, validate::ReadOp::Query);
        errors.into_result()?;

        let exprs = compile_read(&ReadParams {
            key_condition_expression: input.key_condition_expression.as_deref(),
            filter_expression: input.filter_expression.as_deref(),
            projection_expression: input.projection_expression.as_deref(),
            names: input.expression_attribute_names.as_ref(),
            values: input.expression_attribute_values.as_ref(),
            key_conditions: input.key_conditions.as_ref(),
            filter: input.query_filter.as_ref(),
            conditional_operator: input.conditional_operator.as_ref(),
            attributes_to_get: input.attributes_to_get.as_deref(),
            filter_name: "QueryFilter",
            is_query: true,
        })?;
        let esk = validate::start_key(&members)?;

        let table = self.table_for(name, "Query")?;
        self.admit(&table, false)?;
        super::key_paths::check(
            &table,
            exprs.projection.as_ref(),
            exprs.filter.as_ref().map(|f| &f.0),
        )?;
        let target = Target::of(&table, input.index_name.as_deref())?;
        self.check_index_readable(&target, input.consistent_read)?;
        let key = plan(target.key(), &exprs.key_terms)?;
        let start = match &esk {
            Some(esk) => {
                let storage_key = target.start_key(esk)?;
                if target.index.is_none() && table.key.range.is_none() {
                    return Err(m::start_key_single_row());
                }
                let schema = target.key();
                if schema
                    .hash_attrs()
                    .zip(&key.hash)
                    .any(|(a, v)| esk.get(&a.name) != Some(v))
                {
                    return Err(m::start_key_outside_query());
                }
                // A multi-attribute key: the sort attributes fixed by equality, then the one the
                // last condition is on.
                let sorts: Vec<_> = schema.range_attrs().collect();
                if sorts
                    .iter()
                    .zip(&key.sort_eq)
                    .any(|(a, v)| esk.get(&a.name) != Some(v))
                {
                    return Err(m::start_key_range_predicate());
                }
                if let Some(r) = sorts.get(key.sort_eq.len())
                    && !esk.get(&r.name).is_some_and(|v| key.admits_start(v))
                {
                    return Err(m::start_key_range_predicate());
                }
                Some(storage_key)
            }
            None => None,
        };
        check_filter_keys(&exprs, &target)?;
        let output = plan_output(input.select.as_ref(), exprs, &target)?;

        let mut prefix = keys::composite_partition_prefix(&key.hash.iter().collect::<Vec<_>>())?;
        for v in &key.sort_eq {
            keys::escape_scalar_into(v, &mut prefix)?;
        }
        let mut range = key.range(&target.sort_bounds(&prefix))?;
        let reverse = input.scan_index_forward == Some(false);
        if let Some(k) = start {
            range.resume_after(k, reverse);
        }
        // A query of a hash-only table reads at most one item, and cannot be resumed.
        let resumable = target.index.is_some() || table.key.range.is_some();
        page(PageRead {
            target: &target,
            output,
            range,
            reverse,
            resumable,
            limit: input.limit,
            consistent_read: input.consistent_read,
            return_consumed_capacity: input.return_consumed_capacity.as_ref(),
        })
    }

    /// The checks every read of an index makes: no consistent read of a global index, and none of
    /// an index still backfilling.
    pub(crate) fn check_index_readable(
        &self,
        target: &Target<'_>,
        consistent_read: Option<bool>,
    ) -> Result<()> {
        let Some(index) = target.index else {
            return Ok(());
        };
        if !index.local && consistent_read == Some(true) {
            return Err(m::consistent_read_on_gsi());
        }
        if !index.local && self.index_creating(index) {
            return Err(m::index_backfilling(&index.name));
        }
        Ok(())
    }
}
