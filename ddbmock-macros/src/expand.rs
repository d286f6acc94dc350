//! Checks the test function's shape and writes the expansion: the body as a hidden `async fn` beside a
//! plain `#[test]` function that hands it to the facade's runtime (`__rt::run`, or `__rt::prop::run`
//! for a property test, whose drawn parameters come from a hidden strategy function).

use proc_macro2::{Group, Span, TokenStream, TokenTree};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{FnArg, ItemFn, ReturnType, parse_quote};

use crate::args::{Args, Proptest, Store};
use crate::strategy::{self, Drawn, Param};

/// Expands `#[ddbmock::test(args)] item`; on error, the item unchanged plus the `compile_error!`s.
pub(crate) fn test(args: TokenStream, item: TokenStream) -> TokenStream {
    let mut func: ItemFn = match syn::parse2(item.clone()) {
        Ok(func) => func,
        Err(e) => {
            let e = e.to_compile_error();
            return quote!(#e #item);
        }
    };
    let args = syn::parse2::<Args>(args);
    let shape = check_shape(&func);
    // Also strips `#[strategy]`, so the function emitted beside errors compiles.
    let params = strategy::params(&mut func.sig);
    let proptest = match (&args, &params) {
        (Ok(args), Ok(params)) => check_proptest(args, params),
        _ => Ok(()),
    };
    match (args, shape, params, proptest) {
        (Ok(args), Ok(()), Ok(params), Ok(())) => expand(args, params, func),
        (args, shape, params, proptest) => {
            let errors = [args.err(), shape.err(), params.err(), proptest.err()]
                .into_iter()
                .flatten()
                .map(|e| e.to_compile_error());
            quote!(#(#errors)* #func)
        }
    }
}

/// `proptest(..)` configures drawn parameters, so it needs one.
fn check_proptest(args: &Args, params: &[Param]) -> syn::Result<()> {
    match &args.proptest {
        Some(proptest) if !params.iter().any(|p| matches!(p, Param::Drawn(_))) => {
            Err(syn::Error::new(
                proptest.span,
                "`proptest` needs a parameter drawn from a strategy, such as `#[strategy(any::<u32>())] n: u32`",
            ))
        }
        _ => Ok(()),
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

fn expand(args: Args, params: Vec<Param>, func: ItemFn) -> TokenStream {
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
    let mut drawn = Vec::new();
    let made: Vec<TokenStream> = params
        .into_iter()
        .map(|param| match param {
            Param::Made(ty) => quote_spanned!(ty.span()=>
                <#ty as #krate::testing::TestArg>::make(&__ddbmock_engine)
            ),
            Param::Drawn(d) => {
                let value = format_ident!("__ddbmock_drawn_{}", drawn.len());
                drawn.push(d);
                quote!(#value)
            }
        })
        .collect();
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
    let config = quote! {
        #krate::__rt::Config {
            name: ::core::concat!(::core::module_path!(), "::", ::core::stringify!(#name)),
            manifest_dir: ::core::env!("CARGO_MANIFEST_DIR"),
            target_tmpdir: ::core::option_env!("CARGO_TARGET_TMPDIR"),
            fixtures: &[#(#fixtures),*],
            stores: &[#(#stores),*],
        }
    };
    if drawn.is_empty() {
        return quote! {
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
                #krate::__rt::run(&#config, #start)
            }
        };
    }
    let property = Property {
        krate: &krate,
        name,
        drawn: &drawn,
        settings: args.proptest.as_ref(),
    };
    let values = (0..drawn.len()).map(|i| format_ident!("__ddbmock_drawn_{}", i));
    let tys = drawn.iter().map(|d| &d.ty);
    let values_ty = quote!((#(#tys,)*));
    let strategy_fn = property.strategy_fn(&values_ty);
    let strategy = format_ident!("__ddbmock_strategy_{}", name);
    let settings = property.settings();
    quote! {
        #[doc(hidden)]
        #[allow(dead_code, non_snake_case)]
        fn #start(
            __ddbmock_engine: #krate::Engine,
            (#(#values,)*): #values_ty,
        ) -> impl ::core::future::Future<Output = #output_ty> {
            #body_sig #block
            __ddbmock_body(#(#made),*)
        }

        #strategy_fn

        #(#attrs)*
        #[::core::prelude::v1::test]
        #vis fn #name() {
            #krate::__rt::prop::run(&#config, &#settings, #strategy(), #start)
        }
    }
}

/// The parts of a property test's expansion.
struct Property<'a> {
    krate: &'a syn::Path,
    name: &'a syn::Ident,
    drawn: &'a [Drawn],
    settings: Option<&'a Proptest>,
}

impl Property<'_> {
    /// The hidden function returning the tuple of the drawn parameters' strategies; each one's
    /// `Value` is checked against its parameter's type at the strategy's span.
    fn strategy_fn(&self, values_ty: &TokenStream) -> TokenStream {
        let krate = self.krate;
        let strategy = format_ident!("__ddbmock_strategy_{}", self.name);
        let strategies = self.drawn.iter().map(|d| {
            let ty = &d.ty;
            let expr = &d.strategy;
            // The whole call at the strategy's span, the crate path included: a mismatch is then
            // reported once, there, rather than also at the attribute.
            let krate = respan(quote!(#krate), expr.span());
            quote_spanned!(expr.span()=> #krate::__rt::prop::drawn::<#ty, _>(#expr))
        });
        quote! {
            #[doc(hidden)]
            #[allow(dead_code, non_snake_case)]
            fn #strategy() -> impl #krate::__rt::prop::Strategy<Value = #values_ty> {
                (#(#strategies,)*)
            }
        }
    }

    /// `__rt::prop::Settings`: the cases and config, the source file (for proptest's regression files) and
    /// the drawn parameters' names (for the failure's minimal input).
    fn settings(&self) -> TokenStream {
        let krate = self.krate;
        let cases = match self.settings.and_then(|p| p.cases.as_ref()) {
            Some(cases) => quote!(::core::option::Option::Some(#cases)),
            None => quote!(::core::option::Option::None),
        };
        let config = match self.settings.and_then(|p| p.config.as_ref()) {
            Some(config) => quote!(::core::option::Option::Some(#config)),
            None => quote!(::core::option::Option::None),
        };
        let names = self.drawn.iter().map(|d| {
            let pat = &d.pat;
            quote!(#pat).to_string()
        });
        quote! {
            #krate::__rt::prop::Settings {
                cases: #cases,
                config: #config,
                source_file: ::core::file!(),
                names: &[#(#names),*],
            }
        }
    }
}

/// `tokens`, every one of them (inside groups too) given `span`.
fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut token| {
            if let TokenTree::Group(group) = &token {
                let mut inner = Group::new(group.delimiter(), respan(group.stream(), span));
                inner.set_span(span);
                token = TokenTree::Group(inner);
            }
            token.set_span(span);
            token
        })
        .collect()
}
