//! ExecuteStatement: checks the request, parses the statement, and runs it as the operation
//! `partiql::plan` picks, answering in ExecuteStatement's shape.

use super::{Engine, validate};
use crate::partiql::ast::Source;
use crate::partiql::parse_cached;
use crate::partiql::plan::{Keys, Plan, Request, plan};
use crate::partiql::run::Resume;
use ddbmock_core::error::msg::table::ConstraintErrors;
use ddbmock_core::error::{Error, Result, msg};
use ddbmock_core::model::Item;
use ddbmock_core::operation::{ExecuteStatementInput, ExecuteStatementOutput};

/// The API's bound on `Statement`, in characters.
const MAX_STATEMENT: usize = 8192;

impl Engine {
    pub(crate) fn execute_statement_now(
        &self,
        input: ExecuteStatementInput,
    ) -> Result<ExecuteStatementOutput> {
        let mut errors = ConstraintErrors::new();
        validate::required(&mut errors, "statement", &input.statement);
        if let Some(s) = &input.statement {
            errors.length("statement", s, s.chars().count(), 1, MAX_STATEMENT);
        }
        validate::return_capacity(&mut errors, input.return_consumed_capacity.as_ref(), None);
        validate::return_on_failure(
            &mut errors,
            input.return_values_on_condition_check_failure.as_ref(),
        );
        errors.into_result()?;

        let parsed = parse_cached(input.statement.as_deref().unwrap_or_default())?;
        let params = input.parameters.as_deref().unwrap_or_default();
        // Extra parameters go unused, as in DynamoDB; missing ones are an error.
        if parsed.parameters > params.len() {
            return Err(msg::partiql::parameter_count());
        }
        // Every parameter is a value the request carries, checked before the table is looked up
        // as an item's values are (a value of no type or several, a bad number). DynamoDB's order
        // for PartiQL is unconfirmed; this is the order of the item operations.
        for param in params {
            ddbmock_core::model::validate_value(&mut param.clone())?;
        }
        let resume = input
            .next_token
            .as_deref()
            .map(Resume::decode)
            .transpose()?;
        // A single read's token is its last evaluated key; several Queries' tokens also say
        // which Query is next.
        let start_key = match &resume {
            Some(Resume { part: None, key }) => key.clone(),
            _ => None,
        };
        let request = Request {
            params,
            consistent_read: input.consistent_read,
            limit: input.limit,
            start_key,
            capacity: input.return_consumed_capacity.clone(),
            on_failure: input.return_values_on_condition_check_failure.clone(),
        };
        let planned = plan(&parsed.statement, request, |src| self.keys_of(src))?;
        if matches!(&resume, Some(Resume { part: Some(_), .. }))
            && !matches!(planned, Plan::Queries(_))
        {
            return Err(msg::partiql::invalid_next_token());
        }
        match planned {
            Plan::Get(g) => {
                let out = self.get_item_now(g)?;
                Ok(page(
                    Some(out.item.into_iter().collect()),
                    None,
                    out.consumed_capacity,
                ))
            }
            Plan::Queries(qs) => {
                let out = self.run_queries(&qs, input.limit, resume)?;
                Ok(ExecuteStatementOutput {
                    items: Some(out.items),
                    next_token: out.next.as_ref().map(Resume::encode),
                    consumed_capacity: out.consumed_capacity,
                    last_evaluated_key: out.last_evaluated_key,
                })
            }
            Plan::Query(q) => {
                let out = self.query_now(q)?;
                Ok(page(
                    out.items,
                    out.last_evaluated_key,
                    out.consumed_capacity,
                ))
            }
            Plan::Scan(s) => {
                let out = self.scan_now(s)?;
                Ok(page(
                    out.items,
                    out.last_evaluated_key,
                    out.consumed_capacity,
                ))
            }
            Plan::Insert(p) => match self.put_item_now(p) {
                Ok(out) => Ok(written(None, out.consumed_capacity)),
                Err(Error::ConditionalCheckFailed { .. }) => Err(msg::partiql::duplicate_item()),
                Err(e) => Err(e),
            },
            Plan::Update(u) => {
                let out = self.update_item_now(u)?;
                Ok(written(out.attributes, out.consumed_capacity))
            }
            Plan::Delete(d) => {
                let out = self.delete_item_now(d)?;
                Ok(written(out.attributes, out.consumed_capacity))
            }
        }
    }

    /// The key attributes of a statement's table, or of its index; `None` for an index the table
    /// lacks (the operation reports it).
    pub(super) fn keys_of(&self, src: &Source) -> Result<Option<Keys>> {
        let table = self.table(&src.table)?;
        let schema = match &src.index {
            None => &table.key,
            Some(name) => match table.index(name) {
                Some(index) => &index.key,
                None => return Ok(None),
            },
        };
        Ok(Some(Keys {
            hash: schema.hash.name.clone(),
            range: schema.range.as_ref().map(|r| r.name.clone()),
            types: schema
                .hash_attrs()
                .chain(schema.range_attrs())
                .map(|a| (a.name.clone(), a.ty))
                .collect(),
            multi: schema.is_multi(),
        }))
    }
}

/// A read's answer: its items, and where to go on from when it stopped early.
fn page(
    items: Option<Vec<Item>>,
    last: Option<Item>,
    consumed_capacity: Option<ddbmock_core::operation::ConsumedCapacity>,
) -> ExecuteStatementOutput {
    ExecuteStatementOutput {
        items: Some(items.unwrap_or_default()),
        next_token: last.as_ref().map(|k| {
            Resume {
                part: None,
                key: Some(k.clone()),
            }
            .encode()
        }),
        consumed_capacity,
        last_evaluated_key: last,
    }
}

/// A write's answer: no items, or the one its RETURNING clause asked for.
fn written(
    attributes: Option<Item>,
    consumed_capacity: Option<ddbmock_core::operation::ConsumedCapacity>,
) -> ExecuteStatementOutput {
    ExecuteStatementOutput {
        items: Some(attributes.into_iter().collect()),
        consumed_capacity,
        ..Default::default()
    }
}
