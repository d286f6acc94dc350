//! Property tests under `#[ddbmock::test]` (feature `proptest`): one runtime and one prepared engine
//! (fixtures loaded once) per store, a copy-on-write fork of it per case, and proptest's runner for
//! drawing, shrinking and reporting the minimal failing input.

use std::fmt;
use std::future::Future;

use proptest::test_runner::{Config as ProptestConfig, TestCaseError, TestError, TestRunner};

pub use proptest::strategy::Strategy;

use super::{Config, FailureReport, Store};
use crate::Engine;

/// A property test's settings, as the macro wrote them.
#[derive(Debug)]
pub struct Settings {
    /// `proptest(cases = N)`; proptest's default (256, or `PROPTEST_CASES`) when `None`.
    pub cases: Option<u32>,
    /// `proptest(config = ..)`; `ProptestConfig::default()` when `None`.
    pub config: Option<ProptestConfig>,
    /// The test's source file, where proptest keeps its regressions (`proptest-regressions/`).
    pub source_file: &'static str,
    /// The drawn parameters' names, in order, for the minimal failing input.
    pub names: &'static [&'static str],
}

/// Checks, at the strategy's span, that a drawn parameter's strategy makes values of its type; the
/// return type names `T` alone, so a mismatch is reported once, there.
pub fn drawn<T, S>(strategy: S) -> impl Strategy<Value = T> + use<T, S>
where
    T: fmt::Debug,
    S: Strategy<Value = T>,
{
    strategy
}

/// What a property test's body returned: `()` or a `Result` whose error is a [`TestCaseError`]
/// (`prop_assert!`) or any error type (`?` on a DynamoDB call).
pub trait CaseOutcome {
    /// The case's result, as proptest takes it.
    fn into_case(self) -> Result<(), TestCaseError>;
}

impl CaseOutcome for () {
    fn into_case(self) -> Result<(), TestCaseError> {
        Ok(())
    }
}

impl<T, E: Into<TestCaseError>> CaseOutcome for Result<T, E> {
    fn into_case(self) -> Result<(), TestCaseError> {
        self.map(|_| ()).map_err(Into::into)
    }
}

/// The drawn parameters of one case: a tuple of up to 12 values, printed by name.
pub trait Drawn {
    /// Writes `name = value` for each value, on a line of its own.
    fn fmt_named(&self, names: &[&str], f: &mut fmt::Formatter<'_>) -> fmt::Result;
}

macro_rules! drawn_tuple {
    ($($t:ident $i:tt),+) => {
        impl<$($t: fmt::Debug),+> Drawn for ($($t,)+) {
            fn fmt_named(&self, names: &[&str], f: &mut fmt::Formatter<'_>) -> fmt::Result {
                $(
                    writeln!(f, "{} = {:#?}", names.get($i).copied().unwrap_or("?"), self.$i)?;
                )+
                Ok(())
            }
        }
    };
}

drawn_tuple!(A 0);
drawn_tuple!(A 0, B 1);
drawn_tuple!(A 0, B 1, C 2);
drawn_tuple!(A 0, B 1, C 2, D 3);
drawn_tuple!(A 0, B 1, C 2, D 3, E 4);
drawn_tuple!(A 0, B 1, C 2, D 3, E 4, F 5);
drawn_tuple!(A 0, B 1, C 2, D 3, E 4, F 5, G 6);
drawn_tuple!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7);
drawn_tuple!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8);
drawn_tuple!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9);
drawn_tuple!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9, K 10);
drawn_tuple!(A 0, B 1, C 2, D 3, E 4, F 5, G 6, H 7, I 8, J 9, K 10, L 11);

/// Runs `body` on each case `strategy` draws, on each store of `config` in turn; panics with the
/// minimal failing input (after shrinking) when a case fails.
///
/// The runtime and the store's prepared engine are made once; each case gets [`Engine::fork`] of that
/// engine, so cases cannot see each other's writes and fixtures are not loaded again.
pub fn run<S, F, Fut, R>(config: &Config, settings: &Settings, strategy: S, body: F)
where
    S: Strategy,
    S::Value: Drawn,
    F: Fn(Engine, S::Value) -> Fut,
    Fut: Future<Output = R>,
    R: CaseOutcome,
{
    let runtime = super::runtime(config);
    let stores = config.stores();
    for store in stores {
        run_on(
            &runtime,
            config,
            settings,
            *store,
            stores.len() > 1,
            &strategy,
            &body,
        );
    }
}

fn run_on<S, F, Fut, R>(
    runtime: &tokio::runtime::Runtime,
    config: &Config,
    settings: &Settings,
    store: Store,
    several: bool,
    strategy: &S,
    body: &F,
) where
    S: Strategy,
    S::Value: Drawn,
    F: Fn(Engine, S::Value) -> Fut,
    Fut: Future<Output = R>,
    R: CaseOutcome,
{
    let (engine, database) = super::prepare(runtime, config, store);
    let mut report = FailureReport {
        test: config.name,
        store: several.then_some(store.name()),
        passed: false,
    };
    let mut proptest = settings.config.clone().unwrap_or_default();
    proptest.source_file = Some(settings.source_file);
    proptest.test_name = Some(config.name);
    if let Some(cases) = settings.cases {
        proptest.cases = cases;
    }
    let mut runner = TestRunner::new(proptest);
    let result = runner.run(strategy, |values| {
        let case = engine
            .fork()
            .map_err(|e| TestCaseError::fail(format!("cannot fork the test's engine: {e}")))?;
        runtime.block_on(body(case, values)).into_case()
    });
    report.passed = result.is_ok();
    drop(engine);
    if let Some(database) = database {
        database.finish(report.passed);
    }
    match result {
        Ok(()) => {}
        Err(TestError::Abort(why)) => panic!("{}: proptest aborted: {why}", config.name),
        Err(TestError::Fail(why, values)) => panic!(
            "{}: {why}\nminimal failing input:\n{}",
            config.name,
            Named(settings.names, &values)
        ),
    }
}

/// `name = value` lines for a case's drawn parameters.
struct Named<'a, V>(&'a [&'static str], &'a V);

impl<V: Drawn> fmt::Display for Named<'_, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.1.fmt_named(self.0, f)
    }
}
