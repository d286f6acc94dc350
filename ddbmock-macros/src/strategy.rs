//! `#[strategy(expr)]` on a parameter: the parameter is drawn from a proptest strategy instead of
//! being made from the engine, which makes the test a property test.

use syn::spanned::Spanned;
use syn::{Attribute, Expr, FnArg, Pat, Signature, Type};

/// The most drawn parameters: proptest implements `Strategy` for tuples of up to 12.
const MAX_DRAWN: usize = 12;

/// How one parameter of the test gets its value.
pub(crate) enum Param {
    /// Made from the case's engine by `TestArg`.
    Made(Box<Type>),
    /// Drawn from a strategy.
    Drawn(Drawn),
}

/// A parameter drawn from a strategy.
pub(crate) struct Drawn {
    /// The parameter's pattern, for naming it in a failure.
    pub(crate) pat: Box<Pat>,
    /// The parameter's type: the strategy's `Value`.
    pub(crate) ty: Box<Type>,
    /// The strategy expression.
    pub(crate) strategy: Expr,
}

/// Reads each parameter's `#[strategy(..)]` and removes it from `sig`, where it would not compile.
pub(crate) fn params(sig: &mut Signature) -> syn::Result<Vec<Param>> {
    let mut params = Vec::new();
    let mut errors: Option<syn::Error> = None;
    let mut add = |e: syn::Error| match &mut errors {
        Some(all) => all.combine(e),
        None => errors = Some(e),
    };
    let mut drawn = 0;
    for arg in &mut sig.inputs {
        let FnArg::Typed(typed) = arg else { continue };
        let (strategies, others): (Vec<Attribute>, Vec<Attribute>) = typed
            .attrs
            .drain(..)
            .partition(|a| a.path().is_ident("strategy"));
        typed.attrs = others;
        let mut strategies = strategies.into_iter();
        let Some(first) = strategies.next() else {
            params.push(Param::Made(typed.ty.clone()));
            continue;
        };
        if let Some(second) = strategies.next() {
            add(syn::Error::new(
                second.meta.span(),
                "a parameter takes one `#[strategy(..)]`",
            ));
        }
        match first.parse_args::<Expr>() {
            Ok(strategy) => {
                drawn += 1;
                if drawn == MAX_DRAWN + 1 {
                    add(syn::Error::new(
                        first.meta.span(),
                        format!(
                            "at most {MAX_DRAWN} parameters can have a `#[strategy(..)]`: draw a tuple or a struct in one of them"
                        ),
                    ));
                }
                params.push(Param::Drawn(Drawn {
                    pat: typed.pat.clone(),
                    ty: typed.ty.clone(),
                    strategy,
                }));
            }
            Err(_) => add(syn::Error::new(
                first.meta.span(),
                "expected a strategy expression, such as `#[strategy(any::<u32>())]`",
            )),
        }
    }
    match errors {
        Some(e) => Err(e),
        None => Ok(params),
    }
}
