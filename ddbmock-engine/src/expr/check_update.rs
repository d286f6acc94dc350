//! Resolving a parsed update expression: clauses used once, names and values substituted, paths that
//! overlap or conflict, function names, arities and operand types.

use super::ast::{Call, Clause, SetValue, SynOperand, SynUpdate};
use super::checks::{Checks, Kind};
use super::names::ExprContext;
use super::overlap::check_overlaps;
use super::resolved::{Action, Operand, UpdateExpr};
use ddbmock_core::Result;
use ddbmock_core::error::msg;
use ddbmock_core::model::{AttributeType, AttributeValue};

const PARAM: &str = "UpdateExpression";

/// The order in which DynamoDB reports an update expression's errors.
const ORDER: [Kind; 10] = [
    Kind::Reserved,
    Kind::UnknownFunction,
    Kind::Section,
    Kind::Name,
    Kind::Value,
    Kind::PathDepth,
    Kind::Overlap,
    Kind::Conflict,
    Kind::Operand,
    Kind::Function,
];

/// The long type names DynamoDB uses in `ADD`/`DELETE` operand messages.
fn long_type_name(t: AttributeType) -> &'static str {
    match t {
        AttributeType::S => "STRING",
        AttributeType::N => "NUMBER",
        AttributeType::B => "BINARY",
        AttributeType::Null => "NULL",
        AttributeType::Bool => "BOOLEAN",
        AttributeType::L => "LIST",
        AttributeType::M => "MAP",
        AttributeType::Ss => "STRING_SET",
        AttributeType::Ns => "NUMBER_SET",
        AttributeType::Bs => "BINARY_SET",
    }
}

/// Resolves `syn` through `ctx`.
pub(crate) fn resolve_update(ctx: &mut ExprContext<'_>, syn: &SynUpdate) -> Result<UpdateExpr> {
    let mut checks = Checks::default();
    let mut seen: Vec<&'static str> = Vec::new();
    let mut actions = Vec::new();
    for clause in &syn.clauses {
        let kw = clause.keyword();
        if seen.contains(&kw) {
            checks.record(Kind::Section, || msg::expr::section_twice(kw));
        }
        seen.push(kw);
        match clause {
            Clause::Set(list) => {
                for (path, value) in list {
                    let p = ctx.path(path, PARAM, &mut checks);
                    let v = set_value(ctx, value, &mut checks);
                    actions.push(Action::Set(p, v));
                }
            }
            Clause::Remove(list) => {
                for path in list {
                    actions.push(Action::Remove(ctx.path(path, PARAM, &mut checks)));
                }
            }
            Clause::Add(list) | Clause::Delete(list) => {
                for (path, value) in list {
                    let p = ctx.path(path, PARAM, &mut checks);
                    let v = ctx.value(value, PARAM, Kind::Value, &mut checks);
                    let t = v.attribute_type();
                    let is_set =
                        matches!(t, AttributeType::Ss | AttributeType::Ns | AttributeType::Bs);
                    let ok = is_set || (kw == "ADD" && t == AttributeType::N);
                    if !ok {
                        checks.record(Kind::Operand, || {
                            msg::expr::update_operand_type(kw, long_type_name(t))
                        });
                    }
                    actions.push(if kw == "ADD" {
                        Action::Add(p, v)
                    } else {
                        Action::Delete(p, v)
                    });
                }
            }
        }
    }
    let paths: Vec<_> = actions.iter().map(Action::path).collect();
    check_overlaps(&paths, PARAM, &mut checks);
    checks.finish(&ORDER)?;
    Ok(UpdateExpr { actions })
}

fn set_value(ctx: &mut ExprContext<'_>, v: &SetValue, checks: &mut Checks) -> Operand {
    match v {
        SetValue::Operand(o) => operand(ctx, o, checks),
        SetValue::Plus(a, b) | SetValue::Minus(a, b) => {
            let sym = if matches!(v, SetValue::Plus(..)) {
                "+"
            } else {
                "-"
            };
            let (x, y) = (operand(ctx, a, checks), operand(ctx, b, checks));
            for op in [&x, &y] {
                expect_type(op, AttributeType::N, sym, checks);
            }
            if sym == "+" {
                Operand::Plus(Box::new(x), Box::new(y))
            } else {
                Operand::Minus(Box::new(x), Box::new(y))
            }
        }
        SetValue::Paren(inner) => set_value(ctx, inner, checks),
    }
}

/// A literal operand of `+`, `-` or `list_append` must be of the type the operator takes.
fn expect_type(op: &Operand, want: AttributeType, operator: &str, checks: &mut Checks) {
    if let Operand::Value(v) = op {
        let t = v.attribute_type();
        if t != want {
            checks.record(Kind::Function, || {
                msg::expr::operand_type(PARAM, operator, t.descriptor())
            });
        }
    }
}

fn operand(ctx: &mut ExprContext<'_>, o: &SynOperand, checks: &mut Checks) -> Operand {
    match o {
        SynOperand::Path(p) => Operand::Path(ctx.path(p, PARAM, checks)),
        SynOperand::Value(v) => Operand::Value(ctx.value(v, PARAM, Kind::Value, checks)),
        SynOperand::Paren(inner) => operand(ctx, inner, checks),
        SynOperand::Call(call) => function(ctx, call, checks),
    }
}

fn function(ctx: &mut ExprContext<'_>, call: &Call, checks: &mut Checks) -> Operand {
    let mut args: Vec<Operand> = call.args.iter().map(|a| operand(ctx, a, checks)).collect();
    let placeholder = Operand::Value(AttributeValue::Null(true));
    let name = call.name.as_str();
    if name != "if_not_exists" && name != "list_append" {
        checks.record(Kind::UnknownFunction, || {
            msg::expr::invalid_function(PARAM, name)
        });
        return placeholder;
    }
    if args.len() != 2 {
        checks.record(Kind::Function, || {
            msg::expr::operand_count(PARAM, name, args.len())
        });
        return placeholder;
    }
    let (Some(second), Some(first)) = (args.pop(), args.pop()) else {
        return placeholder;
    };
    if name == "list_append" {
        expect_type(&first, AttributeType::L, name, checks);
        expect_type(&second, AttributeType::L, name, checks);
        return Operand::ListAppend(Box::new(first), Box::new(second));
    }
    match first.into_path() {
        Some(p) => Operand::IfNotExists(p, Box::new(second)),
        None => {
            checks.record(Kind::Function, || msg::expr::requires_path(PARAM, name));
            placeholder
        }
    }
}
