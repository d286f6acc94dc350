//! The syntax tree of a PartiQL statement, as parsed and before any table is looked at.

/// One statement.
#[derive(Clone, Debug, PartialEq)]
pub enum Statement {
    /// `SELECT … FROM … [WHERE …]`.
    Select(Select),
    /// `INSERT INTO … VALUE {…}`.
    Insert(Insert),
    /// `UPDATE … SET/REMOVE … WHERE … [RETURNING …]`.
    Update(Update),
    /// `DELETE FROM … WHERE … [RETURNING …]`.
    Delete(Delete),
    /// `EXISTS(SELECT …)`: a condition check, which only ExecuteTransaction runs.
    Exists(Select),
}

/// The table (and index) a statement addresses: `"t"` or `"t"."i"`.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    /// The table's name.
    pub table: String,
    /// The index's name, for `"t"."i"`.
    pub index: Option<String>,
}

/// A `SELECT`.
#[derive(Clone, Debug, PartialEq)]
pub struct Select {
    /// The attributes to return; empty for `*`.
    pub projection: Vec<Path>,
    /// What to read.
    pub from: Source,
    /// The `WHERE` clause.
    pub filter: Option<Expr>,
    /// The `ORDER BY` clause: attribute names, each `true` for `DESC`.
    pub order_by: Vec<(String, bool)>,
}

/// An `INSERT`.
#[derive(Clone, Debug, PartialEq)]
pub struct Insert {
    /// Where to write.
    pub into: Source,
    /// The item: a tuple `{…}` (any other value is refused when run, as DynamoDB does).
    pub item: Expr,
}

/// An `UPDATE`.
#[derive(Clone, Debug, PartialEq)]
pub struct Update {
    /// Where to write.
    pub table: Source,
    /// The `SET` and `REMOVE` clauses, in order.
    pub actions: Vec<Action>,
    /// The `WHERE` clause (required when run).
    pub filter: Option<Expr>,
    /// The `RETURNING` clause.
    pub returning: Option<Returning>,
}

/// A `DELETE`.
#[derive(Clone, Debug, PartialEq)]
pub struct Delete {
    /// Where to write.
    pub from: Source,
    /// The `WHERE` clause (required when run).
    pub filter: Option<Expr>,
    /// The `RETURNING` clause.
    pub returning: Option<Returning>,
}

/// One clause of an `UPDATE`.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// `SET path = value`.
    Set(Path, Expr),
    /// `REMOVE path`.
    Remove(Path),
}

/// `RETURNING … *`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Returning {
    /// `ALL OLD *`.
    AllOld,
    /// `MODIFIED OLD *`.
    ModifiedOld,
    /// `ALL NEW *`.
    AllNew,
    /// `MODIFIED NEW *`.
    ModifiedNew,
}

impl Returning {
    /// The clause as written, without the `*` (`ALL OLD`).
    pub fn text(self) -> &'static str {
        match self {
            Returning::AllOld => "ALL OLD",
            Returning::ModifiedOld => "MODIFIED OLD",
            Returning::AllNew => "ALL NEW",
            Returning::ModifiedNew => "MODIFIED NEW",
        }
    }
}

/// A document path: `a.b[0].c`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Path {
    /// The top-level attribute.
    pub head: String,
    /// The steps below it.
    pub steps: Vec<Step>,
}

/// A step of a [`Path`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    /// `.name` or `."name"`.
    Field(String),
    /// `[n]`.
    Index(u32),
}

/// The comparison operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    /// `=`
    Eq,
    /// `<>` or `!=`
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
    /// The operator in DynamoDB's expression language.
    pub fn text(self) -> &'static str {
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

/// What `IS` tests for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IsWhat {
    /// `IS MISSING`: the attribute is absent.
    Missing,
    /// `IS NULL`.
    Null,
}

/// An expression: a value, a path, a condition or a function call.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    /// A document path.
    Path(Path),
    /// The `n`th `?` of the statement (from 0).
    Param(usize),
    /// `'text'`.
    Str(String),
    /// A number as written (`-1.5e3`).
    Num(String),
    /// `TRUE` or `FALSE`.
    Bool(bool),
    /// `NULL`.
    Null,
    /// `MISSING`.
    Missing,
    /// `[a, b]`.
    List(Vec<Expr>),
    /// `{'k': v}`, keys in the order written.
    Tuple(Vec<(String, Expr)>),
    /// `<<a, b>>`: a set.
    Bag(Vec<Expr>),
    /// `a op b`.
    Cmp(Box<Expr>, CmpOp, Box<Expr>),
    /// `a BETWEEN b AND c`.
    Between(Box<Expr>, Box<Expr>, Box<Expr>),
    /// `a IN [b, c]` (or `(b, c)`).
    In(Box<Expr>, Vec<Expr>),
    /// `a IS [NOT] MISSING|NULL`; `true` for `NOT`.
    Is(Box<Expr>, bool, IsWhat),
    /// `a AND b`.
    And(Box<Expr>, Box<Expr>),
    /// `a OR b`.
    Or(Box<Expr>, Box<Expr>),
    /// `NOT a`.
    Not(Box<Expr>),
    /// `a + b` (`true`) or `a - b` (`false`).
    Arith(Box<Expr>, bool, Box<Expr>),
    /// `name(args)`, the name in lower case.
    Call(String, Vec<Expr>),
}
