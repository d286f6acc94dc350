//! Parsing update expressions: `SET`, `REMOVE`, `ADD` and `DELETE` clauses in any order. Repeated
//! clauses parse; the resolver rejects them with DynamoDB's message.

use super::ast::{Clause, SetValue, SynPath, SynUpdate};
use super::lex::Tok;
use super::parser::Parser;
use ddbmock_core::Result;

impl Parser<'_> {
    /// A whole update expression, to the end of the input.
    pub(crate) fn parse_update(&mut self) -> Result<SynUpdate> {
        let mut clauses = Vec::new();
        loop {
            let clause = if self.at_kw("SET") {
                self.bump();
                Clause::Set(self.comma_list(|p| {
                    let path = p.parse_path()?;
                    p.expect(Tok::Eq)?;
                    Ok((path, p.parse_set_value()?))
                })?)
            } else if self.at_kw("REMOVE") {
                self.bump();
                Clause::Remove(self.comma_list(Parser::parse_path)?)
            } else if self.at_kw("ADD") {
                self.bump();
                Clause::Add(self.comma_list(Parser::parse_path_value)?)
            } else if self.at_kw("DELETE") {
                self.bump();
                Clause::Delete(self.comma_list(Parser::parse_path_value)?)
            } else if self.at(Tok::Eof) && !clauses.is_empty() {
                return Ok(SynUpdate { clauses });
            } else {
                return Err(self.error());
            };
            clauses.push(clause);
        }
    }

    fn comma_list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Result<T>) -> Result<Vec<T>> {
        let mut out = vec![item(self)?];
        while self.at(Tok::Comma) {
            self.bump();
            out.push(item(self)?);
        }
        Ok(out)
    }

    fn parse_path_value(&mut self) -> Result<(SynPath, String)> {
        let path = self.parse_path()?;
        let t = self.expect(Tok::Value)?;
        Ok((path, self.text(t).to_owned()))
    }

    /// `atom`, `atom + atom` or `atom - atom`.
    fn parse_set_value(&mut self) -> Result<SetValue> {
        let left = self.parse_set_atom()?;
        let plus = match self.peek().tok {
            Tok::Plus => true,
            Tok::Minus => false,
            _ => return Ok(left),
        };
        let SetValue::Operand(l) = left else {
            return Err(self.error());
        };
        self.bump();
        let SetValue::Operand(r) = self.parse_set_atom()? else {
            return Err(self.error());
        };
        Ok(if plus {
            SetValue::Plus(l, r)
        } else {
            SetValue::Minus(l, r)
        })
    }

    /// An operand, or a parenthesized set value (`(a + :b)`).
    fn parse_set_atom(&mut self) -> Result<SetValue> {
        if !self.at(Tok::LParen) {
            return Ok(SetValue::Operand(self.parse_operand()?));
        }
        self.bump();
        self.enter()?;
        let inner = self.parse_set_value()?;
        self.expect(Tok::RParen)?;
        self.leave();
        Ok(match inner {
            SetValue::Operand(op) => SetValue::Operand(super::ast::SynOperand::Paren(Box::new(op))),
            other @ (SetValue::Plus(..) | SetValue::Minus(..) | SetValue::Paren(_)) => {
                SetValue::Paren(Box::new(other))
            }
        })
    }
}
