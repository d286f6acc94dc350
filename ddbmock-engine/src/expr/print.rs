//! Printing syntax trees back to expression text, in a canonical spacing, so that parsing the
//! printed text gives the same tree (the round-trip property the parser tests check).

use std::fmt::{self, Display, Formatter, Write};

use super::ast::{
    Call, Clause, PathSeg, SetValue, SynCond, SynOperand, SynPath, SynProjection, SynUpdate,
};

impl Display for SynPath {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        for (i, seg) in self.segs.iter().enumerate() {
            match seg {
                PathSeg::Ident(s) | PathSeg::Name(s) => {
                    if i > 0 {
                        f.write_char('.')?;
                    }
                    f.write_str(s)?;
                }
                PathSeg::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

fn comma_list<T: Display>(f: &mut Formatter<'_>, items: &[T]) -> fmt::Result {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        item.fmt(f)?;
    }
    Ok(())
}

impl Display for Call {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        write!(f, "{}(", self.name)?;
        comma_list(f, &self.args)?;
        f.write_char(')')
    }
}

impl Display for SynOperand {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            SynOperand::Path(p) => p.fmt(f),
            SynOperand::Value(v) => f.write_str(v),
            SynOperand::Call(c) => c.fmt(f),
            SynOperand::Paren(inner) => write!(f, "({inner})"),
        }
    }
}

impl Display for SynCond {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            SynCond::Cmp(a, op, b) => write!(f, "{a} {} {b}", op.symbol()),
            SynCond::Between(a, lo, hi) => write!(f, "{a} BETWEEN {lo} AND {hi}"),
            SynCond::In(a, list) => {
                write!(f, "{a} IN (")?;
                comma_list(f, list)?;
                f.write_char(')')
            }
            SynCond::Call(c) => c.fmt(f),
            SynCond::Not(c) => write!(f, "NOT {c}"),
            SynCond::And(a, b) => {
                // AND is left-associative, so a right operand that is itself an OR or AND was
                // parenthesized in the source and is kept as a `Paren` node: print as is.
                write!(f, "{a} AND {b}")
            }
            SynCond::Or(a, b) => write!(f, "{a} OR {b}"),
            SynCond::Paren(c) => write!(f, "({c})"),
        }
    }
}

impl Display for SetValue {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        match self {
            SetValue::Operand(o) => o.fmt(f),
            SetValue::Plus(a, b) => write!(f, "{a} + {b}"),
            SetValue::Minus(a, b) => write!(f, "{a} - {b}"),
            SetValue::Paren(v) => write!(f, "({v})"),
        }
    }
}

impl Display for SynUpdate {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        for (i, clause) in self.clauses.iter().enumerate() {
            if i > 0 {
                f.write_char(' ')?;
            }
            write!(f, "{} ", clause.keyword())?;
            match clause {
                Clause::Set(actions) => {
                    for (j, (path, value)) in actions.iter().enumerate() {
                        if j > 0 {
                            f.write_str(", ")?;
                        }
                        write!(f, "{path} = {value}")?;
                    }
                }
                Clause::Remove(paths) => comma_list(f, paths)?,
                Clause::Add(actions) | Clause::Delete(actions) => {
                    for (j, (path, value)) in actions.iter().enumerate() {
                        if j > 0 {
                            f.write_str(", ")?;
                        }
                        write!(f, "{path} {value}")?;
                    }
                }
            }
        }
        Ok(())
    }
}

impl Display for SynProjection {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        comma_list(f, &self.paths)
    }
}
