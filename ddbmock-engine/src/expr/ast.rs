//! The syntax tree: what the text says, before names and values are resolved.
//!
//! Names stay as written (`a`, `#n`), values as their placeholders (`:v`), and parentheses are kept,
//! so that [`super::print`] can print a tree back to text that parses to the same tree, and so that
//! the resolver can report what DynamoDB reports (redundant parentheses, reserved words).

/// One element of a document path as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathSeg {
    /// A bare attribute name, `a`.
    Ident(String),
    /// An expression attribute name placeholder, `#a`.
    Name(String),
    /// A list index, `[3]`.
    Index(u32),
}

/// A document path, `a.#b[3].c`: the first element is never an index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SynPath {
    /// The elements, in order.
    pub segs: Vec<PathSeg>,
}

/// An operand as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SynOperand {
    /// A document path.
    Path(SynPath),
    /// An expression attribute value placeholder, `:v`.
    Value(String),
    /// A function call, `size(a)`.
    Call(Call),
    /// An operand in parentheses, `(a)`.
    Paren(Box<SynOperand>),
}

/// A function call: its name as written and its arguments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Call {
    /// The function's name, as written.
    pub name: String,
    /// Its arguments.
    pub args: Vec<SynOperand>,
}

/// A comparator.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CmpOp {
    /// `=`
    Eq,
    /// `<>`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

impl CmpOp {
    /// The comparator's text, as DynamoDB names it in messages.
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Eq => "=",
            CmpOp::Ne => "<>",
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
        }
    }
}

/// A condition as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SynCond {
    /// `a = b`
    Cmp(SynOperand, CmpOp, SynOperand),
    /// `a BETWEEN b AND c`
    Between(SynOperand, SynOperand, SynOperand),
    /// `a IN (b, c)`
    In(SynOperand, Vec<SynOperand>),
    /// A function used as a condition, `attribute_exists(a)`.
    Call(Call),
    /// `NOT c`
    Not(Box<SynCond>),
    /// `c AND d`
    And(Box<SynCond>, Box<SynCond>),
    /// `c OR d`
    Or(Box<SynCond>, Box<SynCond>),
    /// `(c)`
    Paren(Box<SynCond>),
}

/// The right-hand side of a `SET` action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SetValue {
    /// `operand`
    Operand(SynOperand),
    /// `operand + operand`
    Plus(SynOperand, SynOperand),
    /// `operand - operand`
    Minus(SynOperand, SynOperand),
    /// `(value)`
    Paren(Box<SetValue>),
}

/// One clause of an update expression, with its actions in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Clause {
    /// `SET path = value, …`
    Set(Vec<(SynPath, SetValue)>),
    /// `REMOVE path, …`
    Remove(Vec<SynPath>),
    /// `ADD path :v, …`
    Add(Vec<(SynPath, String)>),
    /// `DELETE path :v, …`
    Delete(Vec<(SynPath, String)>),
}

impl Clause {
    /// The clause's keyword, as DynamoDB names it in messages.
    pub fn keyword(&self) -> &'static str {
        match self {
            Clause::Set(_) => "SET",
            Clause::Remove(_) => "REMOVE",
            Clause::Add(_) => "ADD",
            Clause::Delete(_) => "DELETE",
        }
    }
}

/// An update expression as written: its clauses in order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SynUpdate {
    /// The clauses.
    pub clauses: Vec<Clause>,
}

/// A projection expression as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SynProjection {
    /// The paths, in order.
    pub paths: Vec<SynPath>,
}
