//! Parsing document paths (`a.#b[3].c`) and operands (paths, `:values`, function calls, parentheses).

use super::ast::{Call, PathSeg, SynOperand, SynPath};
use super::lex::Tok;
use super::parser::Parser;
use ddbmock_core::Result;

impl Parser<'_> {
    /// `name ( '.' name | '[' digits ']' )*`, where a name is a word or a `#placeholder`.
    pub(crate) fn parse_path(&mut self) -> Result<SynPath> {
        let mut segs = vec![self.parse_path_name()?];
        loop {
            match self.peek().tok {
                Tok::Dot => {
                    self.bump();
                    segs.push(self.parse_path_name()?);
                }
                Tok::LBracket => {
                    self.bump();
                    let t = self.peek();
                    if t.tok != Tok::Number {
                        return Err(self.error());
                    }
                    // An index beyond u32 is no list index DynamoDB could hold.
                    let index = self.text(t).parse::<u32>().map_err(|_| self.error())?;
                    self.bump();
                    self.expect(Tok::RBracket)?;
                    segs.push(PathSeg::Index(index));
                }
                _ => return Ok(SynPath { segs }),
            }
        }
    }

    fn parse_path_name(&mut self) -> Result<PathSeg> {
        let t = self.peek();
        let seg = match t.tok {
            Tok::Ident => PathSeg::Ident(self.text(t).to_owned()),
            Tok::Name => PathSeg::Name(self.text(t).to_owned()),
            _ => return Err(self.error()),
        };
        self.bump();
        Ok(seg)
    }

    /// A path, a `:value`, a function call `f(operand, …)` or `( operand )`.
    pub(crate) fn parse_operand(&mut self) -> Result<SynOperand> {
        let t = self.peek();
        match t.tok {
            Tok::Value => {
                self.bump();
                Ok(SynOperand::Value(self.text(t).to_owned()))
            }
            Tok::LParen => {
                self.bump();
                self.enter()?;
                let inner = self.parse_operand()?;
                self.expect(Tok::RParen)?;
                self.leave();
                Ok(SynOperand::Paren(Box::new(inner)))
            }
            Tok::Ident if self.peek_at(1).tok == Tok::LParen => {
                Ok(SynOperand::Call(self.parse_call()?))
            }
            Tok::Ident | Tok::Name => Ok(SynOperand::Path(self.parse_path()?)),
            _ => Err(self.error()),
        }
    }

    /// `name ( operand, … )`, at a word followed by `(`.
    pub(crate) fn parse_call(&mut self) -> Result<Call> {
        let t = self.bump();
        let name = self.text(t).to_owned();
        self.bump();
        self.enter()?;
        let mut args = vec![self.parse_operand()?];
        while self.at(Tok::Comma) {
            self.bump();
            args.push(self.parse_operand()?);
        }
        self.expect(Tok::RParen)?;
        self.leave();
        Ok(Call { name, args })
    }
}
