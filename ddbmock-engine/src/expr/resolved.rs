//! The resolved forms the evaluators run: names substituted, values looked up, checks done.

use std::fmt::{self, Display, Formatter};

pub use super::ast::CmpOp;
use ddbmock_core::model::AttributeValue;

/// One element of a resolved document path.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PathElem {
    /// A map key (or, first, the attribute name).
    Key(String),
    /// A list index.
    Index(usize),
}

/// A resolved document path; its first element is always a [`PathElem::Key`].
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Path(pub Vec<PathElem>);

impl Path {
    /// A path of one top-level attribute.
    pub fn attribute(name: impl Into<String>) -> Self {
        Path(vec![PathElem::Key(name.into())])
    }

    /// The top-level attribute the path starts at.
    pub fn attribute_name(&self) -> &str {
        match self.0.first() {
            Some(PathElem::Key(k)) => k,
            Some(PathElem::Index(_)) | None => "",
        }
    }
}

/// Prints as DynamoDB does in messages: `[a, b, [3]]`.
impl Display for Path {
    fn fmt(&self, f: &mut Formatter<'_>) -> fmt::Result {
        f.write_str("[")?;
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            match e {
                PathElem::Key(k) => f.write_str(k)?,
                PathElem::Index(n) => write!(f, "[{n}]")?,
            }
        }
        f.write_str("]")
    }
}

/// A resolved operand of a condition or of a `SET` action.
#[derive(Clone, Debug, PartialEq)]
pub enum Operand {
    /// The value at a path of the item (absent if the path is).
    Path(Path),
    /// A value from `ExpressionAttributeValues`.
    Value(AttributeValue),
    /// `size(operand)`.
    Size(Box<Operand>),
    /// `if_not_exists(path, operand)`.
    IfNotExists(Path, Box<Operand>),
    /// `list_append(operand, operand)`.
    ListAppend(Box<Operand>, Box<Operand>),
    /// `operand + operand`.
    Plus(Box<Operand>, Box<Operand>),
    /// `operand - operand`.
    Minus(Box<Operand>, Box<Operand>),
}

impl Operand {
    /// The path, when the operand is a bare path (as the functions taking a path require). The
    /// match names every kind, so a new one is decided here rather than taken for a non-path.
    pub(crate) fn into_path(self) -> Option<Path> {
        match self {
            Operand::Path(p) => Some(p),
            Operand::Value(_)
            | Operand::Size(_)
            | Operand::IfNotExists(..)
            | Operand::ListAppend(..)
            | Operand::Plus(..)
            | Operand::Minus(..) => None,
        }
    }
}

/// A resolved condition, ready to evaluate against an item.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum Condition {
    /// `a op b`.
    Cmp(Operand, CmpOp, Operand),
    /// `a BETWEEN lo AND hi`.
    Between(Operand, Operand, Operand),
    /// `a IN (b, …)`.
    In(Operand, Vec<Operand>),
    /// `attribute_exists(path)`.
    Exists(Path),
    /// `attribute_not_exists(path)`.
    NotExists(Path),
    /// `attribute_type(a, :type)`.
    AttributeType(Operand, Operand),
    /// `begins_with(a, b)`.
    BeginsWith(Operand, Operand),
    /// `contains(a, b)`.
    Contains(Operand, Operand),
    /// `NOT c`.
    Not(Box<Condition>),
    /// All of these (true when empty).
    All(Vec<Condition>),
    /// Any of these (false when empty).
    Any(Vec<Condition>),
}

/// One action of an update expression.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// `SET path = value`.
    Set(Path, Operand),
    /// `REMOVE path`.
    Remove(Path),
    /// `ADD path :v`: add to a number or a set.
    Add(Path, AttributeValue),
    /// `DELETE path :v`: remove elements from a set.
    Delete(Path, AttributeValue),
}

impl Action {
    /// The path the action writes.
    pub fn path(&self) -> &Path {
        match self {
            Action::Set(p, _) | Action::Remove(p) | Action::Add(p, _) | Action::Delete(p, _) => p,
        }
    }
}

/// A resolved update expression (or the update built from legacy `AttributeUpdates`).
#[derive(Clone, Debug, PartialEq)]
pub struct UpdateExpr {
    /// The actions, in the order written.
    pub actions: Vec<Action>,
}

/// A resolved projection expression (or legacy `AttributesToGet`).
#[derive(Clone, Debug, PartialEq)]
pub struct Projection {
    /// The paths to keep.
    pub paths: Vec<Path>,
}

/// The paths an update wrote, to build `UPDATED_OLD` and `UPDATED_NEW` return values.
#[derive(Clone, Debug, PartialEq)]
pub struct UpdatedPaths {
    /// The paths, as in the update's actions.
    pub paths: Vec<Path>,
}
