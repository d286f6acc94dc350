//! Error collection in DynamoDB's order: a resolver records the first error of each kind as it walks
//! an expression, and the error reported is the first recorded kind in that expression's priority
//! order (the order dynalite found by probing DynamoDB).

use ddbmock_core::error::Error;

/// The kinds of resolve error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Parens,
    UnknownFunction,
    MisusedFunction,
    Reserved,
    Section,
    Name,
    Value,
    PathDepth,
    Overlap,
    Conflict,
    Operand,
    Distinct,
    Function,
}

const KINDS: usize = 13;

fn slot(kind: Kind) -> usize {
    kind as usize
}

/// The first error of each kind.
#[derive(Default)]
pub(crate) struct Checks {
    errors: [Option<Error>; KINDS],
}

impl Checks {
    /// Records `error` unless an error of this kind was recorded already.
    pub(crate) fn record(&mut self, kind: Kind, error: impl FnOnce() -> Error) {
        let s = &mut self.errors[slot(kind)];
        if s.is_none() {
            *s = Some(error());
        }
    }

    /// Whether an error of this kind was recorded.
    pub(crate) fn has(&self, kind: Kind) -> bool {
        self.errors[slot(kind)].is_some()
    }

    /// Fails with the first recorded error in `order`.
    pub(crate) fn finish(mut self, order: &[Kind]) -> ddbmock_core::Result<()> {
        for &k in order {
            if let Some(e) = self.errors[slot(k)].take() {
                return Err(e);
            }
        }
        Ok(())
    }
}
