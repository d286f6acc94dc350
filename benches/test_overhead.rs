//! The overhead `#[ddbmock::test]` adds to a test: what the expansion runs around an empty body (a
//! tokio runtime, a fresh engine, and for SQLite a database file created and removed).
//!
//! Property tests pay the runtime and the store once, then a fork of the engine per case: the
//! `proptest` group runs 100 cases of an empty body, so its times divided by 100 are per case.
//!
//! `cargo bench --bench test_overhead`; targets: memory ≤ 50 µs, SQLite ≤ 5 ms.

// criterion_group! generates an undocumented public function.
#![allow(missing_docs)]

use criterion::{Criterion, criterion_group, criterion_main};
use ddbmock::__rt::prop::{self, Settings};
use ddbmock::__rt::{Config, Store, run};
use ddbmock::Engine;
use proptest::strategy::Just;
use proptest::test_runner::Config as ProptestConfig;

/// One test's settings, as the macro would write them.
const fn config(stores: &'static [Store], fixtures: &'static [&'static str]) -> Config {
    Config {
        name: "bench",
        manifest_dir: env!("CARGO_MANIFEST_DIR"),
        target_tmpdir: None,
        fixtures,
        stores,
    }
}

const MEMORY: Config = config(&[Store::Memory], &[]);
const FIXTURES: Config = config(&[Store::Memory], &["tests/fixtures/users.json"]);
const SQLITE: Config = config(&[Store::Sqlite], &[]);

/// Each store's per-test cost, around an empty body.
fn overhead(c: &mut Criterion) {
    let mut group = c.benchmark_group("ddbmock::test overhead");
    for (name, cfg) in [
        ("memory", &MEMORY),
        ("memory + fixtures (fork)", &FIXTURES),
        ("sqlite", &SQLITE),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| run(cfg, |db: Engine| async move { drop(db) }))
        });
    }
    group.finish();
}

/// 100 cases of an empty property body, per store: the per-case cost is a hundredth of these.
fn property_cases(c: &mut Criterion) {
    let settings = Settings {
        cases: Some(100),
        // No regression file to look for: nothing here fails.
        config: Some(ProptestConfig {
            failure_persistence: None,
            ..ProptestConfig::default()
        }),
        source_file: file!(),
        names: &["n"],
    };
    let mut group = c.benchmark_group("ddbmock::test proptest, 100 cases");
    for (name, cfg) in [
        ("memory", &MEMORY),
        ("memory + fixtures (fork)", &FIXTURES),
        ("sqlite", &SQLITE),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| {
                prop::run(
                    cfg,
                    &settings,
                    (Just(0_u8),),
                    |db: Engine, _: (u8,)| async move { drop(db) },
                )
            })
        });
    }
    group.finish();
}

criterion_group!(benches, overhead, property_cases);
criterion_main!(benches);
