//! Parsing condition expressions (also filters and key conditions): `OR` binds loosest, then `AND`,
//! then `NOT`, then comparisons, `BETWEEN`, `IN` and function calls.
//!
//! A `(` can open a condition or an operand (`(a) = :v`), so the primary parser returns either, and
//! a bare operand becomes an error only where a condition is required.

use super::ast::{CmpOp, SynCond, SynOperand};
use super::lex::Tok;
use super::parser::Parser;
use ddbmock_core::Result;

/// A condition, or an operand that may still become one (`(a)` before `= :v`).
enum Node {
    Cond(SynCond),
    Operand(SynOperand),
}

fn comparator(tok: Tok) -> Option<CmpOp> {
    Some(match tok {
        Tok::Eq => CmpOp::Eq,
        Tok::Ne => CmpOp::Ne,
        Tok::Lt => CmpOp::Lt,
        Tok::Le => CmpOp::Le,
        Tok::Gt => CmpOp::Gt,
        Tok::Ge => CmpOp::Ge,
        _ => return None,
    })
}

impl Parser<'_> {
    /// A whole condition expression, to the end of the input.
    pub(crate) fn parse_condition(&mut self) -> Result<SynCond> {
        let node = self.parse_or()?;
        let cond = self.require_cond(node)?;
        self.expect_end()?;
        Ok(cond)
    }

    /// A node that must be a condition here: a function call counts, a path or value does not,
    /// and the syntax error is at the current token.
    fn require_cond(&self, node: Node) -> Result<SynCond> {
        fn convert(op: SynOperand) -> Option<SynCond> {
            match op {
                SynOperand::Call(call) => Some(SynCond::Call(call)),
                SynOperand::Paren(inner) => convert(*inner).map(|c| SynCond::Paren(Box::new(c))),
                SynOperand::Path(_) | SynOperand::Value(_) => None,
            }
        }
        match node {
            Node::Cond(c) => Ok(c),
            Node::Operand(op) => convert(op).ok_or_else(|| self.error()),
        }
    }

    fn parse_or(&mut self) -> Result<Node> {
        let mut left = self.parse_and()?;
        while self.at_kw("OR") {
            let l = self.require_cond(left)?;
            self.bump();
            let right = self.parse_and()?;
            let r = self.require_cond(right)?;
            left = Node::Cond(SynCond::Or(Box::new(l), Box::new(r)));
        }
        Ok(left)
    }

    fn parse_and(&mut self) -> Result<Node> {
        let mut left = self.parse_not()?;
        while self.at_kw("AND") {
            let l = self.require_cond(left)?;
            self.bump();
            let right = self.parse_not()?;
            let r = self.require_cond(right)?;
            left = Node::Cond(SynCond::And(Box::new(l), Box::new(r)));
        }
        Ok(left)
    }

    fn parse_not(&mut self) -> Result<Node> {
        if !self.at_kw("NOT") {
            return self.parse_primary();
        }
        self.bump();
        self.enter()?;
        let inner = self.parse_not()?;
        let c = self.require_cond(inner)?;
        self.leave();
        Ok(Node::Cond(SynCond::Not(Box::new(c))))
    }

    fn parse_primary(&mut self) -> Result<Node> {
        let operand = if self.at(Tok::LParen) {
            self.bump();
            self.enter()?;
            let inner = self.parse_or()?;
            self.expect(Tok::RParen)?;
            self.leave();
            match inner {
                Node::Cond(c) => return Ok(Node::Cond(SynCond::Paren(Box::new(c)))),
                Node::Operand(op) => SynOperand::Paren(Box::new(op)),
            }
        } else {
            self.parse_operand()?
        };
        self.parse_comparison_tail(operand)
    }

    /// After an operand: `op operand`, `BETWEEN a AND b`, `IN (…)`, or nothing.
    fn parse_comparison_tail(&mut self, left: SynOperand) -> Result<Node> {
        if let Some(op) = comparator(self.peek().tok) {
            self.bump();
            let right = self.parse_operand()?;
            return Ok(Node::Cond(SynCond::Cmp(left, op, right)));
        }
        if self.at_kw("BETWEEN") {
            self.bump();
            let low = self.parse_operand()?;
            self.expect_kw("AND")?;
            let high = self.parse_operand()?;
            return Ok(Node::Cond(SynCond::Between(left, low, high)));
        }
        if self.at_kw("IN") {
            self.bump();
            self.expect(Tok::LParen)?;
            let mut list = vec![self.parse_operand()?];
            while self.at(Tok::Comma) {
                self.bump();
                list.push(self.parse_operand()?);
            }
            self.expect(Tok::RParen)?;
            return Ok(Node::Cond(SynCond::In(left, list)));
        }
        Ok(Node::Operand(left))
    }
}
