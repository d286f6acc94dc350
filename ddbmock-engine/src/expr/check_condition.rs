//! Resolving a parsed condition: names and values substituted, and DynamoDB's checks of function
//! names and arities, operand types, distinct operands and redundant parentheses.

use super::ast::{Call, CmpOp, SynCond, SynOperand};
use super::checks::{Checks, Kind};
use super::names::ExprContext;
use super::resolved::{Condition, Operand};
use super::value_ops::{compare, orderable};
use ddbmock_core::Result;
use ddbmock_core::error::msg;
use ddbmock_core::model::{AttributeType, AttributeValue};

/// The order in which DynamoDB reports a condition's errors.
const ORDER: [Kind; 9] = [
    Kind::Parens,
    Kind::UnknownFunction,
    Kind::MisusedFunction,
    Kind::Reserved,
    Kind::Name,
    Kind::PathDepth,
    Kind::Operand,
    Kind::Distinct,
    Kind::Function,
];

/// DynamoDB's limit on the values of one `IN`.
use ddbmock_core::limits::MAX_IN_VALUES;

/// What `attribute_type` reports when its second operand is not a value.
const ANY_TYPE: &str = "{NS,SS,L,BS,N,M,B,BOOL,NULL,S}";

const CONDITION_FUNCTIONS: [&str; 6] = [
    "attribute_exists",
    "attribute_not_exists",
    "attribute_type",
    "begins_with",
    "contains",
    "size",
];

/// Resolves `syn` through `ctx`; `param` names the expression in messages.
pub(crate) fn resolve_condition(
    ctx: &mut ExprContext<'_>,
    syn: &SynCond,
    param: &'static str,
) -> Result<Condition> {
    let mut r = Resolver {
        ctx,
        param,
        checks: Checks::default(),
    };
    let cond = r.cond(syn);
    r.checks.finish(&ORDER)?;
    Ok(cond)
}

struct Resolver<'c, 'a> {
    ctx: &'c mut ExprContext<'a>,
    param: &'static str,
    checks: Checks,
}

fn is_ordering(op: CmpOp) -> bool {
    matches!(op, CmpOp::Lt | CmpOp::Le | CmpOp::Gt | CmpOp::Ge)
}

impl Resolver<'_, '_> {
    fn cond(&mut self, syn: &SynCond) -> Condition {
        match syn {
            SynCond::Cmp(a, op, b) => {
                let (x, y) = (self.operand(a), self.operand(b));
                self.distinct(op.symbol(), &x, &y);
                if is_ordering(*op) {
                    self.orderable(op.symbol(), &x);
                    self.orderable(op.symbol(), &y);
                }
                Condition::Cmp(x, *op, y)
            }
            SynCond::Between(a, lo, hi) => {
                let (x, l, h) = (self.operand(a), self.operand(lo), self.operand(hi));
                self.orderable("BETWEEN", &x);
                self.orderable("BETWEEN", &l);
                self.orderable("BETWEEN", &h);
                self.bounds(&l, &h);
                Condition::Between(x, l, h)
            }
            SynCond::In(a, list) => {
                let x = self.operand(a);
                if list.len() > MAX_IN_VALUES {
                    let param = self.param;
                    self.checks
                        .record(Kind::Function, || msg::expr::in_too_many(param, list.len()));
                }
                let list = list.iter().map(|o| self.operand(o)).collect();
                Condition::In(x, list)
            }
            SynCond::Call(call) => self.call(call),
            SynCond::Not(c) => Condition::Not(Box::new(self.cond(c))),
            SynCond::And(a, b) => Condition::All(vec![self.cond(a), self.cond(b)]),
            SynCond::Or(a, b) => Condition::Any(vec![self.cond(a), self.cond(b)]),
            SynCond::Paren(inner) => {
                if matches!(**inner, SynCond::Paren(_)) {
                    self.redundant();
                }
                self.cond(inner)
            }
        }
    }

    fn redundant(&mut self) {
        let param = self.param;
        self.checks
            .record(Kind::Parens, || msg::expr::redundant_parentheses(param));
    }

    fn operand(&mut self, syn: &SynOperand) -> Operand {
        let param = self.param;
        match syn {
            SynOperand::Path(p) => Operand::Path(self.ctx.path(p, param, &mut self.checks)),
            SynOperand::Value(v) => {
                Operand::Value(self.ctx.value(v, param, Kind::Name, &mut self.checks))
            }
            SynOperand::Paren(inner) => {
                if matches!(**inner, SynOperand::Paren(_)) {
                    self.redundant();
                }
                self.operand(inner)
            }
            SynOperand::Call(call) if call.name == "size" => {
                let mut args = self.args(call);
                self.arity(call, args.len(), 1);
                if let Some(Operand::Value(v)) = args.first() {
                    let t = v.attribute_type();
                    if matches!(
                        t,
                        AttributeType::N | AttributeType::Bool | AttributeType::Null
                    ) {
                        self.checks.record(Kind::Function, || {
                            msg::expr::operand_type(param, "size", t.descriptor())
                        });
                    }
                }
                if args.is_empty() {
                    return Operand::Value(AttributeValue::Null(true));
                }
                Operand::Size(Box::new(args.swap_remove(0)))
            }
            SynOperand::Call(call) => {
                self.not_here(call);
                self.args(call);
                Operand::Value(AttributeValue::Null(true))
            }
        }
    }

    /// A function that cannot stand where it stands: misused if DynamoDB has it, unknown if not.
    fn not_here(&mut self, call: &Call) {
        let param = self.param;
        let name = call.name.as_str();
        if CONDITION_FUNCTIONS.contains(&name) {
            self.checks.record(Kind::MisusedFunction, || {
                msg::expr::function_misused(param, name)
            });
        } else {
            self.checks.record(Kind::UnknownFunction, || {
                msg::expr::invalid_function(param, name)
            });
        }
    }

    fn args(&mut self, call: &Call) -> Vec<Operand> {
        call.args.iter().map(|a| self.operand(a)).collect()
    }

    fn arity(&mut self, call: &Call, got: usize, want: usize) -> bool {
        if got != want {
            let param = self.param;
            self.checks.record(Kind::Operand, || {
                msg::expr::operand_count(param, &call.name, got)
            });
        }
        got == want
    }

    fn call(&mut self, call: &Call) -> Condition {
        let param = self.param;
        let placeholder = Condition::All(Vec::new());
        let name = call.name.as_str();
        if !CONDITION_FUNCTIONS.contains(&name) || name == "size" {
            self.not_here(call);
            self.args(call);
            return placeholder;
        }
        let mut args = self.args(call);
        let want = if name.starts_with("attribute_") && name != "attribute_type" {
            1
        } else {
            2
        };
        if !self.arity(call, args.len(), want) {
            return placeholder;
        }
        let second = if want == 2 { args.pop() } else { None };
        let first = args
            .pop()
            .unwrap_or(Operand::Value(AttributeValue::Null(true)));
        match (name, second) {
            ("attribute_exists" | "attribute_not_exists", _) => match first.into_path() {
                Some(p) if name == "attribute_exists" => Condition::Exists(p),
                Some(p) => Condition::NotExists(p),
                None => {
                    self.checks
                        .record(Kind::Function, || msg::expr::requires_path(param, name));
                    placeholder
                }
            },
            ("attribute_type", Some(t)) => {
                self.distinct(name, &first, &t);
                match &t {
                    Operand::Value(AttributeValue::S(s)) => {
                        if AttributeType::from_descriptor(s).is_none() {
                            self.checks
                                .record(Kind::Function, || msg::expr::invalid_type_name(param, s));
                        }
                    }
                    other => {
                        let ty = match other {
                            Operand::Value(v) => v.attribute_type().descriptor(),
                            Operand::Path(_)
                            | Operand::Size(_)
                            | Operand::IfNotExists(..)
                            | Operand::ListAppend(..)
                            | Operand::Plus(..)
                            | Operand::Minus(..) => ANY_TYPE,
                        };
                        self.checks
                            .record(Kind::Function, || msg::expr::operand_type(param, name, ty));
                    }
                }
                Condition::AttributeType(first, t)
            }
            ("begins_with", Some(prefix)) => {
                self.distinct(name, &first, &prefix);
                for op in [&first, &prefix] {
                    if let Operand::Value(v) = op {
                        let t = v.attribute_type();
                        if !matches!(t, AttributeType::S | AttributeType::B) {
                            self.checks.record(Kind::Function, || {
                                msg::expr::operand_type(param, name, t.descriptor())
                            });
                        }
                    }
                }
                Condition::BeginsWith(first, prefix)
            }
            (_, Some(needle)) => {
                self.distinct(name, &first, &needle);
                Condition::Contains(first, needle)
            }
            (_, None) => placeholder,
        }
    }

    /// `a = a`: DynamoDB wants the operands of a comparison or function distinct.
    fn distinct(&mut self, operator: &str, a: &Operand, b: &Operand) {
        if let (Operand::Path(x), Operand::Path(y)) = (a, b)
            && x == y
        {
            let param = self.param;
            self.checks.record(Kind::Distinct, || {
                msg::expr::operands_not_distinct(param, operator, &x.to_string())
            });
        }
    }

    /// An ordering operator's literal operands must be of an ordered type.
    fn orderable(&mut self, operator: &str, op: &Operand) {
        if let Operand::Value(v) = op
            && !orderable(v)
        {
            let param = self.param;
            self.checks.record(Kind::Function, || {
                msg::expr::operand_type(param, operator, v.attribute_type().descriptor())
            });
        }
    }

    fn bounds(&mut self, lo: &Operand, hi: &Operand) {
        let (Operand::Value(l), Operand::Value(h)) = (lo, hi) else {
            return;
        };
        if !orderable(l) || !orderable(h) {
            return;
        }
        let param = self.param;
        if l.attribute_type() != h.attribute_type() {
            self.checks
                .record(Kind::Function, || msg::expr::between_types(param, l, h));
        } else if compare(l, h) == Some(std::cmp::Ordering::Greater) {
            self.checks
                .record(Kind::Function, || msg::expr::between_order(param, l, h));
        }
    }
}
