//! Checks the test function's shape and writes the expansion: the body as a hidden `async fn` beside a
//! plain `#[test]` function that hands it to the facade's runtime.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{FnArg, ItemFn, ReturnType, parse_quote};

use crate::args::{Args, Store};

/// Expands `#[ddbmock::test(args)] item`; on error, the item unchanged plus the `compile_error!`s.
pub(crate) fn test(args: TokenStream, item: TokenStream) -> TokenStream {
    let func: ItemFn = match syn::parse2(item.clone()) {
        Ok(func) => func,
        Err(e) => {
            let e = e.to_compile_error();
            return quote!(#e #item);
        }
    };
    let args = syn::parse2::<Args>(args);
    let shape = check_shape(&func);
    match (args, shape) {
        (Ok(args), Ok(())) => expand(args, func),
        (args, shape) => {
            let errors = [args.err(), shape.err()]
                .into_iter()
                .flatten()
                .map(|e| e.to_compile_error());
            quote!(#(#errors)* #func)
        }
    }
}

/// The function must be a non-generic `async fn` without `self`; parameter types are the runtime's
/// business (an unsupported type fails on its `TestArg` bound, at the type's span).
fn check_shape(func: &ItemFn) -> syn::Result<()> {
    let sig = &func.sig;
    let mut errors = Vec::new();
    if sig.asyncness.is_none() {
        errors.push(syn::Error::new(
            sig.fn_token.span,
            "the `async` keyword is missing from the function declaration",
        ));
    }
    if !sig.generics.params.is_empty() || sig.generics.where_clause.is_some() {
        errors.push(syn::Error::new(
            sig.generics.span(),
            "a #[ddbmock::test] function cannot be generic",
        ));
    }
    for arg in &sig.inputs {
        if let FnArg::Receiver(receiver) = arg {
            errors.push(syn::Error::new(
                receiver.span(),
                "a #[ddbmock::test] function cannot take `self`",
            ));
        }
    }
    if let Some(variadic) = &sig.variadic {
        errors.push(syn::Error::new(
            variadic.span(),
            "expected a parameter such as `db: Engine`",
        ));
    }
    errors
        .into_iter()
        .reduce(|mut all, e| {
            all.combine(e);
            all
        })
        .map_or(Ok(()), Err)
}

fn expand(args: Args, func: ItemFn) -> TokenStream {
    let krate = args.krate.unwrap_or_else(|| parse_quote!(::ddbmock));
    let ItemFn {
        attrs,
        vis,
        sig,
        block,
    } = func;
    let name = &sig.ident;
    let output = &sig.output;
    let output_ty = match output {
        ReturnType::Default => quote!(()),
        ReturnType::Type(_, ty) => quote!(#ty),
    };
    // The body keeps the user's signature, so `?`, patterns and the return type work as written. The
    // start function that makes its arguments lives beside the test rather than inside it, so that it
    // type-checks (parameter types included) even where `#[test]` items are compiled out: doc tests,
    // `cargo check`, trybuild.
    let start = format_ident!("__ddbmock_start_{}", name);
    let mut body_sig = sig.clone();
    body_sig.ident = format_ident!("__ddbmock_body");
    let made = sig.inputs.iter().filter_map(|arg| match arg {
        FnArg::Typed(typed) => {
            let ty = &typed.ty;
            Some(quote_spanned!(ty.span()=>
                <#ty as #krate::testing::TestArg>::make(&__ddbmock_engine)
            ))
        }
        FnArg::Receiver(_) => None,
    });
    let stores = if args.stores.is_empty() {
        vec![Store::Memory]
    } else {
        args.stores
    };
    let stores = stores.iter().map(|s| match s {
        Store::Memory => quote!(#krate::__rt::Store::Memory),
        Store::Sqlite => quote!(#krate::__rt::Store::Sqlite),
    });
    let fixtures = &args.fixtures;
    quote! {
        #[doc(hidden)]
        #[allow(dead_code, non_snake_case)]
        fn #start(
            __ddbmock_engine: #krate::Engine,
        ) -> impl ::core::future::Future<Output = #output_ty> {
            #body_sig #block
            __ddbmock_body(#(#made),*)
        }

        #(#attrs)*
        #[::core::prelude::v1::test]
        #vis fn #name() #output {
            #krate::__rt::run(
                &#krate::__rt::Config {
                    name: ::core::concat!(::core::module_path!(), "::", ::core::stringify!(#name)),
                    manifest_dir: ::core::env!("CARGO_MANIFEST_DIR"),
                    target_tmpdir: ::core::option_env!("CARGO_TARGET_TMPDIR"),
                    fixtures: &[#(#fixtures),*],
                    stores: &[#(#stores),*],
                },
                #start,
            )
        }
    }
}
