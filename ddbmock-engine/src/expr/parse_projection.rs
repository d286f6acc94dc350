//! Parsing projection expressions: document paths separated by commas.

use super::ast::SynProjection;
use super::lex::Tok;
use super::parser::Parser;
use ddbmock_core::Result;

impl Parser<'_> {
    /// A whole projection expression, to the end of the input.
    pub(crate) fn parse_projection(&mut self) -> Result<SynProjection> {
        let mut paths = vec![self.parse_path()?];
        while self.at(Tok::Comma) {
            self.bump();
            paths.push(self.parse_path()?);
        }
        self.expect_end()?;
        Ok(SynProjection { paths })
    }
}
