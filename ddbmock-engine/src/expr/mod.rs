//! The expression language: condition, filter, key condition, update and projection expressions,
//! and the legacy parameters they superseded.
//!
//! # How the engine uses it
//!
//! One [`ExprContext`] per request, over its `ExpressionAttributeNames` and
//! `ExpressionAttributeValues`. Compile each expression of the request through it, then call
//! [`ExprContext::finish`], which rejects names and values no expression used:
//!
//! ```
//! use std::collections::HashMap;
//! use ddbmock_engine::expr::{ConditionKind, ExprContext};
//! use ddbmock_core::model::{AttributeValue, Item};
//!
//! let names = HashMap::from([("#s".to_owned(), "status".to_owned())]);
//! let values = HashMap::from([(":one".to_owned(), AttributeValue::N("1".into()))]);
//! let mut cx = ExprContext::new(Some(&names), Some(&values));
//! let update = cx.update("SET #s = :one")?;
//! let cond = cx.condition("attribute_not_exists(#s)", ConditionKind::Condition)?;
//! cx.finish()?;
//!
//! let mut item = Item::new();
//! assert!(cond.evaluate(Some(&item))?);
//! update.apply(&mut item)?;
//! assert_eq!(item["status"], AttributeValue::N("1".into()));
//! # Ok::<(), ddbmock_core::Error>(())
//! ```
//!
//! * [`Condition::evaluate`] decides a `ConditionExpression` or `FilterExpression` (and the legacy
//!   `Expected`, `QueryFilter` and `ScanFilter`, built by [`legacy_expected`] and
//!   [`legacy_conditions`]).
//! * [`UpdateExpr::apply`] runs an `UpdateExpression` (legacy `AttributeUpdates` are applied by
//!   the engine's UpdateItem) and returns the [`UpdatedPaths`] that `UPDATED_OLD` and
//!   `UPDATED_NEW` project; [`UpdateExpr::check_keys`] rejects updates of key attributes.
//! * [`Projection::apply`] projects an item (`ProjectionExpression`, or legacy `AttributesToGet`
//!   through [`legacy_attributes_to_get`]).
//! * [`KeyCondition::for_schema`] checks a `KeyConditionExpression` against the key schema.
//!
//! # Inside
//!
//! Text goes through the lexer (`lex`), a recursive-descent parser (`parse_*`, over the shared
//! `parser` cursor, with a nesting bound so no input overflows the stack) to a syntax tree
//! ([`ast`], printable back to text by `print`), then through the resolver (`names`, `check_*`,
//! `overlap`), which substitutes names and values and makes DynamoDB's checks in DynamoDB's order
//! (`checks`), to the resolved forms ([`Condition`], [`UpdateExpr`], [`Projection`]) that the
//! evaluators (`eval_*`, `projection`) run.

pub mod ast;
mod check_condition;
mod check_update;
mod checks;
mod eval_condition;
mod eval_update;
mod key_condition;
mod legacy;
mod lex;
mod names;
mod overlap;
mod parse_condition;
mod parse_path;
mod parse_projection;
mod parse_update;
mod parser;
mod print;
mod projection;
mod reserved;
mod resolved;
mod sets;
mod value_ops;

pub use key_condition::{KeyCondition, KeyOp, KeyTerm};
pub(crate) use legacy::checked_values;
pub use legacy::{legacy_attributes_to_get, legacy_conditions, legacy_expected};
pub use names::ExprContext;
pub use resolved::{
    Action, CmpOp, Condition, Operand, Path, PathElem, Projection, UpdateExpr, UpdatedPaths,
};
pub(crate) use sets::{set_add, set_delete};
pub(crate) use value_ops::compare;

use ddbmock_core::Result;
use parser::Parser;

/// Which parameter a condition-grammar expression came in: it names the expression in messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ConditionKind {
    /// `ConditionExpression`.
    Condition,
    /// `FilterExpression`.
    Filter,
    /// `KeyConditionExpression`.
    KeyCondition,
}

impl ConditionKind {
    /// The request parameter's name.
    pub fn param(self) -> &'static str {
        match self {
            ConditionKind::Condition => "ConditionExpression",
            ConditionKind::Filter => "FilterExpression",
            ConditionKind::KeyCondition => "KeyConditionExpression",
        }
    }

    /// Whether DynamoDB quotes the size in this parameter's too-long message.
    fn size_in_message(self) -> bool {
        !matches!(self, ConditionKind::KeyCondition)
    }
}

/// Parses a condition expression to its syntax tree, without resolving it.
pub fn parse_condition(text: &str, kind: ConditionKind) -> Result<ast::SynCond> {
    Parser::new(text, kind.param(), kind.size_in_message())?.parse_condition()
}

/// Parses an update expression to its syntax tree, without resolving it.
pub fn parse_update(text: &str) -> Result<ast::SynUpdate> {
    Parser::new(text, "UpdateExpression", false)?.parse_update()
}

/// Parses a projection expression to its syntax tree, without resolving it.
pub fn parse_projection(text: &str) -> Result<ast::SynProjection> {
    Parser::new(text, "ProjectionExpression", false)?.parse_projection()
}

impl ExprContext<'_> {
    /// Compiles a condition or filter expression.
    pub fn condition(&mut self, text: &str, kind: ConditionKind) -> Result<Condition> {
        let syn = parse_condition(text, kind)?;
        check_condition::resolve_condition(self, &syn, kind.param())
    }

    /// Compiles an update expression.
    pub fn update(&mut self, text: &str) -> Result<UpdateExpr> {
        let syn = parse_update(text)?;
        check_update::resolve_update(self, &syn)
    }

    /// Compiles a projection expression.
    pub fn projection(&mut self, text: &str) -> Result<Projection> {
        let syn = parse_projection(text)?;
        projection::resolve_projection(self, &syn)
    }

    /// Compiles a key condition expression; check it against the key schema with
    /// [`KeyCondition::for_schema`].
    pub fn key_condition(&mut self, text: &str) -> Result<KeyCondition> {
        let cond = self.condition(text, ConditionKind::KeyCondition)?;
        let mut terms = Vec::new();
        key_condition::key_terms(&cond, &mut terms)?;
        Ok(KeyCondition { terms })
    }
}

#[cfg(test)]
mod tests;
