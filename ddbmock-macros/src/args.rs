//! The attribute's arguments: `sqlite`, `fixtures("a.json", …)`, `stores(memory, sqlite)`,
//! `proptest(cases = N)` and `crate = "path"`, parsed with every error on the offending token.

use proc_macro2::Span;
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::{Expr, Ident, LitInt, LitStr, Path, Token, parenthesized};

/// What every "expected" message lists, so the wording stays the same in each of them.
const ARGUMENTS: &str = "`sqlite`, `fixtures(\"file.json\", ..)`, `stores(memory, sqlite)`, `proptest(cases = N, config = expr)`, `crate = \"path\"`";

/// A store a test runs on.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Store {
    Memory,
    Sqlite,
}

/// The settings of `proptest(cases = N, config = expr)`.
pub(crate) struct Proptest {
    /// The `proptest` keyword, for errors about the argument as a whole.
    pub(crate) span: Span,
    /// The number of cases, when set; proptest's default (256, or `PROPTEST_CASES`) otherwise.
    pub(crate) cases: Option<LitInt>,
    /// A whole `proptest::test_runner::Config`, when set (`cases` overrides its number of cases).
    pub(crate) config: Option<Expr>,
}

/// The parsed arguments of `#[ddbmock::test(..)]`.
#[derive(Default)]
pub(crate) struct Args {
    /// The stores to run on, in order; empty means memory only.
    pub(crate) stores: Vec<Store>,
    /// Fixture files, relative to the crate's manifest directory.
    pub(crate) fixtures: Vec<LitStr>,
    /// The path of the `ddbmock` crate, when it is renamed.
    pub(crate) krate: Option<Path>,
    /// `proptest(..)`, when given: where it was written, and its number of cases.
    pub(crate) proptest: Option<Proptest>,
    /// Which of `sqlite` / `stores` set `stores`, to reject the second.
    stores_from: Option<&'static str>,
}

impl Parse for Args {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let mut args = Args::default();
        while !input.is_empty() {
            args.parse_one(input)?;
            if input.is_empty() {
                break;
            }
            input.parse::<Token![,]>()?;
        }
        Ok(args)
    }
}

impl Args {
    fn parse_one(&mut self, input: ParseStream<'_>) -> syn::Result<()> {
        if input.peek(Token![crate]) {
            let kw: Token![crate] = input.parse()?;
            if self.krate.is_some() {
                return Err(duplicate(kw.span, "crate"));
            }
            input.parse::<Token![=]>()?;
            let lit: LitStr = input.parse()?;
            let path = lit.parse::<Path>().map_err(|_| {
                syn::Error::new(
                    lit.span(),
                    "expected a path to the ddbmock crate, such as `crate = \"my_ddbmock\"`",
                )
            })?;
            self.krate = Some(path);
            return Ok(());
        }
        let ident: Ident = input
            .parse()
            .map_err(|e| syn::Error::new(e.span(), format!("expected one of {ARGUMENTS}")))?;
        match ident.to_string().as_str() {
            "sqlite" => {
                self.set_stores(&ident, "sqlite")?;
                self.stores = vec![Store::Sqlite];
            }
            "stores" => {
                self.set_stores(&ident, "stores")?;
                let content;
                let parens = parenthesized!(content in input);
                let list = Punctuated::<Ident, Token![,]>::parse_terminated(&content)?;
                if list.is_empty() {
                    return Err(syn::Error::new(
                        parens.span.join(),
                        "expected one or more of `memory`, `sqlite`",
                    ));
                }
                for store in list {
                    let parsed = match store.to_string().as_str() {
                        "memory" => Store::Memory,
                        "sqlite" => Store::Sqlite,
                        other => {
                            return Err(syn::Error::new(
                                store.span(),
                                format!(
                                    "unknown store `{other}`, expected one of `memory`, `sqlite`"
                                ),
                            ));
                        }
                    };
                    if self.stores.contains(&parsed) {
                        return Err(syn::Error::new(
                            store.span(),
                            format!("store `{store}` is listed twice"),
                        ));
                    }
                    self.stores.push(parsed);
                }
            }
            "fixtures" => {
                if !self.fixtures.is_empty() {
                    return Err(duplicate(ident.span(), "fixtures"));
                }
                let content;
                let parens = parenthesized!(content in input);
                let list = Punctuated::<LitStr, Token![,]>::parse_terminated(&content).map_err(
                    |e| syn::Error::new(e.span(), "expected a string literal: the path of a JSON fixture file, relative to the crate's Cargo.toml"),
                )?;
                if list.is_empty() {
                    return Err(syn::Error::new(
                        parens.span.join(),
                        "expected one or more fixture files, such as `fixtures(\"tests/fixtures/orders.json\")`",
                    ));
                }
                self.fixtures.extend(list);
            }
            "proptest" => {
                if self.proptest.is_some() {
                    return Err(duplicate(ident.span(), "proptest"));
                }
                self.proptest = Some(parse_proptest(&ident, input)?);
            }
            other => {
                return Err(syn::Error::new(
                    ident.span(),
                    format!("unknown argument `{other}`, expected one of {ARGUMENTS}"),
                ));
            }
        }
        Ok(())
    }

    fn set_stores(&mut self, ident: &Ident, which: &'static str) -> syn::Result<()> {
        match self.stores_from {
            Some(previous) if previous == which => Err(duplicate(ident.span(), which)),
            Some(_) => Err(syn::Error::new(
                ident.span(),
                "`sqlite` and `stores(..)` cannot be combined: list every store in `stores(..)`",
            )),
            None => {
                self.stores_from = Some(which);
                Ok(())
            }
        }
    }
}

/// What `proptest(..)` takes.
const EXPECTED_SETTING: &str =
    "expected `cases = N` or `config = expr` (a `proptest::test_runner::Config`)";

/// `proptest(cases = N, config = expr)`, after the `proptest` keyword; `proptest` alone takes proptest's defaults.
fn parse_proptest(ident: &Ident, input: ParseStream<'_>) -> syn::Result<Proptest> {
    let mut settings = Proptest {
        span: ident.span(),
        cases: None,
        config: None,
    };
    if !input.peek(syn::token::Paren) {
        return Ok(settings);
    }
    let content;
    parenthesized!(content in input);
    while !content.is_empty() {
        let option: Ident = content
            .parse()
            .map_err(|e| syn::Error::new(e.span(), EXPECTED_SETTING))?;
        match option.to_string().as_str() {
            "cases" => {
                if settings.cases.is_some() {
                    return Err(duplicate(option.span(), "cases"));
                }
                content.parse::<Token![=]>()?;
                let cases: LitInt = content.parse().map_err(|e| {
                    syn::Error::new(
                        e.span(),
                        "expected the number of cases, such as `cases = 64`",
                    )
                })?;
                cases.base10_parse::<u32>()?;
                settings.cases = Some(cases);
            }
            "config" => {
                if settings.config.is_some() {
                    return Err(duplicate(option.span(), "config"));
                }
                content.parse::<Token![=]>()?;
                settings.config = Some(content.parse()?);
            }
            other => {
                return Err(syn::Error::new(
                    option.span(),
                    format!("unknown proptest setting `{other}`, {EXPECTED_SETTING}"),
                ));
            }
        }
        if content.is_empty() {
            break;
        }
        content.parse::<Token![,]>()?;
    }
    Ok(settings)
}

fn duplicate(span: Span, name: &str) -> syn::Error {
    syn::Error::new(span, format!("argument `{name}` is given twice"))
}
