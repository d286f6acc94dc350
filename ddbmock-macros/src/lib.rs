//! `#[ddbmock::test]`: the attribute macro behind `ddbmock::test`; see the `ddbmock` crate for the guide.
//!
//! This crate does syntax only: it reads the attribute's arguments and the test's signature, and writes
//! a call into the facade's hidden runtime (`ddbmock::__rt`), which decides everything else at run time
//! (which engine, which store, how each parameter is made). A parameter marked `#[strategy(expr)]` is
//! drawn from that proptest strategy instead, and the test runs through `ddbmock::__rt::prop`. Every error points at the offending token,
//! and on error the function is still emitted beside the `compile_error!`, so that the rest of the file
//! keeps type-checking and IDEs keep their completions.

mod args;
mod expand;
mod strategy;

use proc_macro::TokenStream;

/// Runs an `async fn` test on a fresh DynamoDB engine; see `ddbmock::test` for the guide.
#[proc_macro_attribute]
pub fn test(args: TokenStream, item: TokenStream) -> TokenStream {
    expand::test(args.into(), item.into()).into()
}
