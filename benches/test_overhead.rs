//! The overhead `#[ddbmock::test]` adds to a test: what the expansion runs around an empty body (a
//! tokio runtime, a fresh engine, and for SQLite a database file created and removed).
//!
//! `cargo bench --bench test_overhead`; targets: memory ≤ 50 µs, SQLite ≤ 5 ms.

// criterion_group! generates an undocumented public function.
#![allow(missing_docs)]

use criterion::{Criterion, criterion_group, criterion_main};
use ddbmock::__rt::{Config, Store, run};
use ddbmock::Engine;

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

criterion_group!(benches, overhead);
criterion_main!(benches);
