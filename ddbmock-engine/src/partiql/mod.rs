//! PartiQL, the SQL-compatible language of ExecuteStatement: the DynamoDB subset of `SELECT`,
//! `INSERT`, `UPDATE` and `DELETE`, with `?` parameters and literals of every attribute type.
//!
//! # Inside
//!
//! Text goes through the lexer (`lex`, tokens with spans), a recursive-descent parser
//! (`parse_stmt`, `parse_expr` over the `parser` cursor, with a nesting bound so no input
//! overflows the stack, and linear in the input) to the syntax tree ([`ast`]). The planner
//! (`plan`, with `plan::select` for SELECT) then turns a statement into the engine operations that run it (GetItem
//! for a point read, Query, one Query per partition key for `IN`/`OR`, Scan, PutItem, UpdateItem,
//! DeleteItem, and a `ConditionCheck` for `EXISTS` in a transaction, `exists`), its WHERE clause
//! and SET clauses translated (`translate`, `values`) into DynamoDB's expression language, so that
//! PartiQL shares every rule, bill and stream record with the rest of the API. `run` pages the
//! several Queries of one statement; `cache` keeps parsed statements so a repeated one skips the
//! parser.
//!
//! ```
//! use ddbmock_engine::partiql::{parse, ast::Statement};
//!
//! let parsed = parse(r#"SELECT a.b[0] FROM "t"."i" WHERE k = ? AND begins_with(s, 'x')"#)?;
//! assert!(matches!(parsed.statement, Statement::Select(_)));
//! assert_eq!(parsed.parameters, 1);
//! # Ok::<(), ddbmock_core::Error>(())
//! ```

pub mod ast;
mod cache;
pub(crate) mod exists;
pub(crate) mod keyed;
mod lex;
mod parse_expr;
mod parse_stmt;
mod parser;
pub(crate) mod plan;
pub(crate) mod run;
mod translate;
mod values;

pub use cache::{CAPACITY as CACHE_CAPACITY, cached_len, parse_cached};

use ddbmock_core::Result;

/// A parsed statement and how many `?` parameters it takes.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    /// The statement.
    pub statement: ast::Statement,
    /// How many `?` it holds.
    pub parameters: usize,
}

/// Parses one statement; a syntax error is DynamoDB's `ValidationException`
/// (`Statement wasn't well formed, can't be processed: …`).
pub fn parse(text: &str) -> Result<Parsed> {
    let mut p = parser::Parser::new(text);
    let statement = p.statement()?;
    Ok(Parsed {
        statement,
        parameters: p.params,
    })
}

#[cfg(test)]
mod tests;
