//! PartiQL conditions, operands and update clauses to DynamoDB's expression language, every name a
//! `#n` placeholder and every value a `:v` one, so that the engine's own operations run them.

use std::collections::HashMap;

use super::ast::{Action, Expr, IsWhat, Path, Step};
use super::values::value;
use ddbmock_core::Result;
use ddbmock_core::error::msg;
use ddbmock_core::model::{AttributeValue, Item};

/// The placeholders one request's expressions use, and the text they are built into.
pub(crate) struct Exprs<'p> {
    params: &'p [AttributeValue],
    names: HashMap<String, String>,
    placeholders: HashMap<String, String>,
    values: Item,
}

impl<'p> Exprs<'p> {
    pub(crate) fn new(params: &'p [AttributeValue]) -> Self {
        Exprs {
            params,
            names: HashMap::new(),
            placeholders: HashMap::new(),
            values: Item::new(),
        }
    }

    /// The `ExpressionAttributeNames` built so far, if any.
    pub(crate) fn names(&self) -> Option<HashMap<String, String>> {
        (!self.names.is_empty()).then(|| self.names.clone())
    }

    /// The `ExpressionAttributeValues` built so far, if any.
    pub(crate) fn values(&self) -> Option<Item> {
        (!self.values.is_empty()).then(|| self.values.clone())
    }

    /// The placeholder of attribute `name`, one per distinct name.
    pub(crate) fn name(&mut self, name: &str) -> String {
        if let Some(p) = self.placeholders.get(name) {
            return p.clone();
        }
        let p = format!("#n{}", self.names.len());
        self.names.insert(p.clone(), name.to_owned());
        self.placeholders.insert(name.to_owned(), p.clone());
        p
    }

    /// A new placeholder for `v`.
    pub(crate) fn value(&mut self, v: AttributeValue) -> String {
        let p = format!(":v{}", self.values.len());
        self.values.insert(p.clone(), v);
        p
    }

    /// The value `e` stands for.
    pub(crate) fn literal(&self, e: &Expr) -> Result<AttributeValue> {
        value(e, self.params, "item")
    }

    /// A document path.
    pub(crate) fn path(&mut self, p: &Path) -> String {
        let mut out = self.name(&p.head);
        for step in &p.steps {
            match step {
                Step::Field(f) => {
                    out.push('.');
                    out.push_str(&self.name(f));
                }
                Step::Index(i) => out.push_str(&format!("[{i}]")),
            }
        }
        out
    }

    /// An operand of a comparison or a function: a path, `size(path)` or a value.
    pub(crate) fn operand(&mut self, e: &Expr) -> Result<String> {
        match e {
            Expr::Path(p) => Ok(self.path(p)),
            Expr::Call(f, args) if f == "size" => {
                let [Expr::Path(p)] = args.as_slice() else {
                    return Err(msg::partiql::unsupported("size of anything but a path"));
                };
                Ok(format!("size({})", self.path(p)))
            }
            Expr::Call(f, _) => Err(msg::partiql::unrecognized_function(f)),
            Expr::Arith(..) => Err(msg::partiql::unsupported("arithmetic in a condition")),
            Expr::Cmp(..)
            | Expr::Between(..)
            | Expr::In(..)
            | Expr::Is(..)
            | Expr::And(..)
            | Expr::Or(..)
            | Expr::Not(..) => Err(msg::partiql::unsupported("a condition as an operand")),
            _ => {
                let v = self.literal(e)?;
                Ok(self.value(v))
            }
        }
    }

    /// A condition, as a condition expression.
    pub(crate) fn condition(&mut self, e: &Expr) -> Result<String> {
        Ok(match e {
            Expr::And(a, b) => format!(
                "{} AND {}",
                wrap(&self.condition(a)?),
                wrap(&self.condition(b)?)
            ),
            Expr::Or(a, b) => format!(
                "{} OR {}",
                wrap(&self.condition(a)?),
                wrap(&self.condition(b)?)
            ),
            Expr::Not(a) => format!("NOT {}", wrap(&self.condition(a)?)),
            Expr::Cmp(a, op, b) => {
                if matches!(**a, Expr::Missing) || matches!(**b, Expr::Missing) {
                    return Err(msg::partiql::missing_literal());
                }
                format!("{} {} {}", self.operand(a)?, op.text(), self.operand(b)?)
            }
            Expr::Between(a, lo, hi) => format!(
                "{} BETWEEN {} AND {}",
                self.operand(a)?,
                self.operand(lo)?,
                self.operand(hi)?
            ),
            Expr::In(a, list) => {
                if list.is_empty() {
                    return Err(msg::partiql::invalid_in());
                }
                let a = self.operand(a)?;
                let list = list
                    .iter()
                    .map(|e| self.operand(e))
                    .collect::<Result<Vec<_>>>()?;
                format!("{a} IN ({})", list.join(", "))
            }
            Expr::Is(a, negated, what) => {
                let Expr::Path(p) = &**a else {
                    return Err(msg::partiql::unsupported("IS on anything but a path"));
                };
                let p = self.path(p);
                match (what, negated) {
                    (IsWhat::Missing, false) => format!("attribute_not_exists({p})"),
                    (IsWhat::Missing, true) => format!("attribute_exists({p})"),
                    // PartiQL's NULL test holds for an absent attribute too.
                    (IsWhat::Null, false) => {
                        let t = self.value(AttributeValue::S("NULL".into()));
                        format!("attribute_not_exists({p}) OR attribute_type({p}, {t})")
                    }
                    (IsWhat::Null, true) => {
                        let t = self.value(AttributeValue::S("NULL".into()));
                        format!("attribute_exists({p}) AND NOT attribute_type({p}, {t})")
                    }
                }
            }
            Expr::Call(f, args)
                if matches!(f.as_str(), "begins_with" | "contains" | "attribute_type") =>
            {
                let args = args
                    .iter()
                    .map(|e| self.operand(e))
                    .collect::<Result<Vec<_>>>()?;
                format!("{f}({})", args.join(", "))
            }
            Expr::Call(f, _) if f != "size" => return Err(msg::partiql::unrecognized_function(f)),
            _ => return Err(msg::partiql::where_not_boolean()),
        })
    }

    /// The update expression of an UPDATE's clauses.
    pub(crate) fn update(&mut self, actions: &[Action]) -> Result<String> {
        let (mut set, mut remove, mut add, mut delete) = (vec![], vec![], vec![], vec![]);
        for action in actions {
            match action {
                Action::Remove(p) => remove.push(self.path(p)),
                Action::Set(p, Expr::Call(f, args)) if f == "set_add" || f == "set_delete" => {
                    let op = if f == "set_add" { "ADD" } else { "DELETE" };
                    let [first, second] = args.as_slice() else {
                        return Err(msg::partiql::set_function_arity(op));
                    };
                    if !matches!(first, Expr::Path(q) if q == p) {
                        return Err(msg::partiql::set_function_first_arg(op));
                    }
                    let clause = format!("{} {}", self.path(p), self.operand(second)?);
                    if op == "ADD" { &mut add } else { &mut delete }.push(clause);
                }
                Action::Set(p, rhs) => {
                    let target = self.path(p);
                    let rhs = match rhs {
                        Expr::Call(f, args) if f == "list_append" => {
                            let [a, b] = args.as_slice() else {
                                return Err(msg::partiql::unsupported(
                                    "list_append with other than two arguments",
                                ));
                            };
                            format!("list_append({}, {})", self.operand(a)?, self.operand(b)?)
                        }
                        Expr::Arith(a, plus, b) => format!(
                            "{} {} {}",
                            self.operand(a)?,
                            if *plus { '+' } else { '-' },
                            self.operand(b)?
                        ),
                        _ => self.operand(rhs)?,
                    };
                    set.push(format!("{target} = {rhs}"));
                }
            }
        }
        let mut out = Vec::new();
        for (kw, clauses) in [
            ("SET", set),
            ("REMOVE", remove),
            ("ADD", add),
            ("DELETE", delete),
        ] {
            if !clauses.is_empty() {
                out.push(format!("{kw} {}", clauses.join(", ")));
            }
        }
        Ok(out.join(" "))
    }
}

/// `cond` in parentheses, unless it is already enclosed in one pair: DynamoDB refuses doubled
/// parentheses as redundant. Names and values are placeholders, so every parenthesis in the text
/// is the expression's own.
pub(crate) fn wrap(cond: &str) -> String {
    let mut depth = 0usize;
    let enclosed = cond.starts_with('(')
        && cond.char_indices().all(|(i, c)| {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                _ => {}
            }
            depth > 0 || i == cond.len() - 1
        });
    if enclosed {
        cond.to_owned()
    } else {
        format!("({cond})")
    }
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wraps_once() {
        assert_eq!(wrap("a = b"), "(a = b)");
        assert_eq!(wrap("(a = b)"), "(a = b)");
        assert_eq!(wrap("(a) AND (b)"), "((a) AND (b))");
        assert_eq!(wrap("size(a) = b"), "(size(a) = b)");
    }
}
