//! Expressions: conditions (`OR` < `AND` < `NOT` < comparisons, `IS`, `IN`, `BETWEEN` < `+`/`-`),
//! values (literals, `?`, lists, tuples, sets), paths and function calls.
//!
//! Binary operators loop rather than recurse, but each link of a chain counts a level (see
//! [`Chain`]); `NOT`, parentheses, calls and nested values recurse, each through [`Parser::enter`].

use super::ast::{CmpOp, Expr, IsWhat, Path, Step};
use super::lex::{Tok, unquote};
use super::parser::Parser;
use ddbmock_core::Result;

/// The levels a chain of binary operators adds: `a AND b AND c` builds a tree as deep as the chain
/// is long, which the evaluators and `Drop` walk recursively, so each link counts against the
/// nesting bound as a parenthesis does. On an error the parser is abandoned, so only success
/// gives the levels back.
#[derive(Default)]
struct Chain(usize);

impl Chain {
    fn link(&mut self, p: &mut Parser<'_>) -> Result<()> {
        p.enter()?;
        self.0 += 1;
        Ok(())
    }

    fn end(self, p: &mut Parser<'_>) {
        for _ in 0..self.0 {
            p.leave();
        }
    }
}

impl Parser<'_> {
    /// A whole expression.
    pub(crate) fn expr(&mut self) -> Result<Expr> {
        let mut left = self.and()?;
        let mut chain = Chain::default();
        while self.eat_kw("OR") {
            chain.link(self)?;
            left = Expr::Or(Box::new(left), Box::new(self.and()?));
        }
        chain.end(self);
        Ok(left)
    }

    fn and(&mut self) -> Result<Expr> {
        let mut left = self.not()?;
        let mut chain = Chain::default();
        while self.eat_kw("AND") {
            chain.link(self)?;
            left = Expr::And(Box::new(left), Box::new(self.not()?));
        }
        chain.end(self);
        Ok(left)
    }

    fn not(&mut self) -> Result<Expr> {
        if !self.eat_kw("NOT") {
            return self.predicate();
        }
        self.enter()?;
        let inner = self.not();
        self.leave();
        Ok(Expr::Not(Box::new(inner?)))
    }

    fn predicate(&mut self) -> Result<Expr> {
        let left = self.additive()?;
        let op = match self.peek().tok {
            Tok::Eq => Some(CmpOp::Eq),
            Tok::Ne => Some(CmpOp::Ne),
            Tok::Lt => Some(CmpOp::Lt),
            Tok::Le => Some(CmpOp::Le),
            Tok::Gt => Some(CmpOp::Gt),
            Tok::Ge => Some(CmpOp::Ge),
            _ => None,
        };
        if let Some(op) = op {
            self.bump();
            let right = self.additive()?;
            return Ok(Expr::Cmp(Box::new(left), op, Box::new(right)));
        }
        if self.eat_kw("IS") {
            let negated = self.eat_kw("NOT");
            let what = if self.eat_kw("MISSING") {
                IsWhat::Missing
            } else if self.eat_kw("NULL") {
                IsWhat::Null
            } else {
                return Err(self.error());
            };
            return Ok(Expr::Is(Box::new(left), negated, what));
        }
        let negated = self.at_kw("NOT")
            && (self.is_kw(self.peek_at(1), "IN") || self.is_kw(self.peek_at(1), "BETWEEN"));
        if negated {
            self.bump();
        }
        let pred = if self.eat_kw("IN") {
            let close = if self.eat(Tok::LBracket) {
                Tok::RBracket
            } else {
                self.expect(Tok::LParen)?;
                Tok::RParen
            };
            Expr::In(Box::new(left), self.items(close)?)
        } else if self.eat_kw("BETWEEN") {
            let low = self.additive()?;
            self.expect_kw("AND")?;
            let high = self.additive()?;
            Expr::Between(Box::new(left), Box::new(low), Box::new(high))
        } else {
            return Ok(left);
        };
        Ok(if negated {
            Expr::Not(Box::new(pred))
        } else {
            pred
        })
    }

    fn additive(&mut self) -> Result<Expr> {
        let mut left = self.primary()?;
        let mut chain = Chain::default();
        loop {
            let plus = match self.peek().tok {
                Tok::Plus => true,
                Tok::Minus => false,
                _ => {
                    chain.end(self);
                    return Ok(left);
                }
            };
            self.bump();
            chain.link(self)?;
            left = Expr::Arith(Box::new(left), plus, Box::new(self.primary()?));
        }
    }

    fn primary(&mut self) -> Result<Expr> {
        self.enter()?;
        let e = self.primary_inner();
        self.leave();
        e
    }

    fn primary_inner(&mut self) -> Result<Expr> {
        let t = self.peek();
        let simple = match t.tok {
            Tok::Param => {
                self.params += 1;
                Some(Expr::Param(self.params - 1))
            }
            Tok::Str => Some(Expr::Str(unquote(self.text(t)))),
            Tok::Number => Some(Expr::Num(self.text(t).to_owned())),
            Tok::Minus if self.peek_at(1).tok == Tok::Number => {
                self.bump();
                Some(Expr::Num(format!("-{}", self.text(self.peek()))))
            }
            _ if self.is_kw(t, "TRUE") => Some(Expr::Bool(true)),
            _ if self.is_kw(t, "FALSE") => Some(Expr::Bool(false)),
            _ if self.is_kw(t, "NULL") => Some(Expr::Null),
            _ if self.is_kw(t, "MISSING") => Some(Expr::Missing),
            _ => None,
        };
        if let Some(e) = simple {
            self.bump();
            return Ok(e);
        }
        match t.tok {
            Tok::LParen => {
                self.bump();
                let e = self.expr()?;
                self.expect(Tok::RParen)?;
                Ok(e)
            }
            Tok::LBracket => {
                self.bump();
                Ok(Expr::List(self.items(Tok::RBracket)?))
            }
            Tok::LBag => {
                self.bump();
                Ok(Expr::Bag(self.items(Tok::RBag)?))
            }
            Tok::LBrace => {
                self.bump();
                self.tuple()
            }
            Tok::Ident if !self.is_keyword(t) && self.peek_at(1).tok == Tok::LParen => {
                self.bump();
                self.bump();
                let name = self.text(t).to_ascii_lowercase();
                Ok(Expr::Call(name, self.items(Tok::RParen)?))
            }
            _ => Ok(Expr::Path(self.path()?)),
        }
    }

    /// Comma-separated expressions up to `close`, which is consumed; none at all is allowed.
    fn items(&mut self, close: Tok) -> Result<Vec<Expr>> {
        let mut out = Vec::new();
        if self.eat(close) {
            return Ok(out);
        }
        loop {
            out.push(self.expr()?);
            if self.eat(close) {
                return Ok(out);
            }
            self.expect(Tok::Comma)?;
        }
    }

    /// The rest of `{'k': v, …}`, after the `{`.
    fn tuple(&mut self) -> Result<Expr> {
        let mut out = Vec::new();
        if self.eat(Tok::RBrace) {
            return Ok(Expr::Tuple(out));
        }
        loop {
            let key = self.expect(Tok::Str)?;
            let key = unquote(self.text(key));
            self.expect(Tok::Colon)?;
            out.push((key, self.expr()?));
            if self.eat(Tok::RBrace) {
                return Ok(Expr::Tuple(out));
            }
            self.expect(Tok::Comma)?;
        }
    }

    /// `name(.name | [n])*`.
    pub(crate) fn path(&mut self) -> Result<Path> {
        let head = self.name()?;
        let mut steps = Vec::new();
        loop {
            if self.eat(Tok::Dot) {
                steps.push(Step::Field(self.name()?));
            } else if self.eat(Tok::LBracket) {
                let t = self.peek();
                let index = match t.tok {
                    Tok::Number => self.text(t).parse::<u32>().ok(),
                    _ => None,
                };
                let Some(index) = index else {
                    return Err(self.error());
                };
                self.bump();
                self.expect(Tok::RBracket)?;
                steps.push(Step::Index(index));
            } else {
                return Ok(Path { head, steps });
            }
        }
    }
}
