//! The runtime behind `#[ddbmock::test]`: not a public API (the macro's expansion is its only caller,
//! and it may change in any release).
//!
//! The macro does syntax only; everything decided at run time lives here: the tokio runtime, the
//! engine per store, fixture templates, and what becomes of a SQLite file when the test ends.

#[cfg(feature = "proptest")]
pub mod prop;
mod sqlite;
mod template;

use std::future::Future;

use crate::Engine;

/// A store a test runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Store {
    /// `Engine::memory()`.
    Memory,
    /// A SQLite database in a temporary file under the target directory.
    Sqlite,
}

impl Store {
    fn name(self) -> &'static str {
        match self {
            Store::Memory => "memory",
            Store::Sqlite => "sqlite",
        }
    }
}

/// One test's settings, as the macro wrote them.
#[derive(Debug)]
pub struct Config {
    /// The test's path, `module::name`.
    pub name: &'static str,
    /// `CARGO_MANIFEST_DIR` of the crate the test is in: fixture paths are relative to it.
    pub manifest_dir: &'static str,
    /// `CARGO_TARGET_TMPDIR`, which cargo sets for integration tests and benches.
    pub target_tmpdir: Option<&'static str>,
    /// Fixture files, loaded in order.
    pub fixtures: &'static [&'static str],
    /// Stores to run the body on, in order; empty means memory.
    pub stores: &'static [Store],
}

impl Config {
    /// The stores to run on: memory when none are named.
    fn stores(&self) -> &'static [Store] {
        if self.stores.is_empty() {
            &[Store::Memory]
        } else {
            self.stores
        }
    }
}

/// What a test body returned: `()` or a `Result`.
pub trait Outcome {
    /// Whether the test passed.
    fn is_success(&self) -> bool;
}

impl Outcome for () {
    fn is_success(&self) -> bool {
        true
    }
}

impl<T, E> Outcome for Result<T, E> {
    fn is_success(&self) -> bool {
        self.is_ok()
    }
}

/// Runs `body` on a fresh engine for each store of `config`, stopping at the first failure.
///
/// Set-up failures (a fixture that does not load, a database that cannot be created) panic: a panic
/// is how a `#[test]` fails, and the message names the test, the store and the cause.
pub fn run<R, F, Fut>(config: &Config, body: F) -> R
where
    R: Outcome,
    F: Fn(Engine) -> Fut,
    Fut: Future<Output = R>,
{
    // A current-thread runtime per test, as `#[tokio::test]` builds: tests stay isolated from each
    // other, and its cost (a few microseconds) is part of the measured per-test overhead.
    let runtime = runtime(config);
    let stores = config.stores();
    let several = stores.len() > 1;
    let Some((last, before)) = stores.split_last() else {
        return run_on(&runtime, config, Store::Memory, several, &body);
    };
    for store in before {
        let outcome = run_on(&runtime, config, *store, several, &body);
        if !outcome.is_success() {
            return outcome;
        }
    }
    run_on(&runtime, config, *last, several, &body)
}

/// A current-thread runtime for one test.
fn runtime(config: &Config) -> tokio::runtime::Runtime {
    match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => panic!("{}: cannot start a tokio runtime: {e}", config.name),
    }
}

fn run_on<R, F, Fut>(
    runtime: &tokio::runtime::Runtime,
    config: &Config,
    store: Store,
    several: bool,
    body: &F,
) -> R
where
    R: Outcome,
    F: Fn(Engine) -> Fut,
    Fut: Future<Output = R>,
{
    let (engine, database) = prepare(runtime, config, store);
    // Names the store when one body runs on several, so a failure says which one it was; the guard
    // also reports it when the body panics.
    let mut report = FailureReport {
        test: config.name,
        store: several.then_some(store.name()),
        passed: false,
    };
    let outcome = runtime.block_on(body(engine));
    report.passed = outcome.is_success();
    if let Some(database) = database {
        database.finish(report.passed);
    }
    outcome
}

/// The engine a test starts with on `store`, with its fixtures loaded, and its SQLite file if any;
/// panics (failing the test) when it cannot be made.
fn prepare(
    runtime: &tokio::runtime::Runtime,
    config: &Config,
    store: Store,
) -> (Engine, Option<sqlite::TempDatabase>) {
    let prepared = match store {
        Store::Memory => template::memory_engine(runtime, config).map(|e| (e, None)),
        // Fixtures are loaded into each SQLite database anew: a memory template cannot be forked
        // into a file.
        Store::Sqlite => sqlite::TempDatabase::create(config).and_then(|db| {
            let engine = db.engine().cloned().ok_or("the database is closed")?;
            template::load_fixtures(runtime, config, &engine)?;
            Ok((engine, Some(db)))
        }),
    };
    match prepared {
        Ok(prepared) => prepared,
        Err(e) => panic!("{} on the {} store: {e}", config.name, store.name()),
    }
}

/// Prints which store a failing test ran on, when it runs on several; on drop, so that a panicking
/// body is reported too.
struct FailureReport {
    test: &'static str,
    store: Option<&'static str>,
    passed: bool,
}

impl Drop for FailureReport {
    fn drop(&mut self) {
        if let Some(store) = self.store
            && (!self.passed || std::thread::panicking())
        {
            eprintln!("ddbmock: {} failed on the {store} store", self.test);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    const BOTH: Config = Config {
        name: "t",
        manifest_dir: "",
        target_tmpdir: None,
        fixtures: &[],
        stores: &[Store::Memory, Store::Memory],
    };

    #[test]
    fn a_body_runs_once_per_store_and_its_result_is_returned() {
        let runs = AtomicUsize::new(0);
        let out: Result<u8, String> = run(&BOTH, |_| async {
            runs.fetch_add(1, Ordering::Relaxed);
            Ok(7)
        });
        assert_eq!(out, Ok(7));
        assert_eq!(runs.load(Ordering::Relaxed), 2);
    }

    #[test]
    fn the_first_failure_stops_the_run() {
        let runs = AtomicUsize::new(0);
        let out: Result<(), String> = run(&BOTH, |_| async {
            runs.fetch_add(1, Ordering::Relaxed);
            Err("no".to_owned())
        });
        assert_eq!(out, Err("no".to_owned()));
        assert_eq!(runs.load(Ordering::Relaxed), 1);
    }

    #[test]
    #[should_panic(expected = "t on the memory store: cannot read fixture")]
    fn a_set_up_failure_fails_with_its_reason() {
        let config = Config {
            fixtures: &["no/such.json"],
            ..BOTH
        };
        run(&config, |_| async {});
    }
}
