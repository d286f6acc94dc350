//! Compile errors of `#[ddbmock::test]`, as snapshots (`tests/ui/*.stderr`; regenerate with
//! `TRYBUILD=overwrite cargo test -p ddbmock-macros --test ui`).

#[test]
fn macro_errors() {
    let t = trybuild::TestCases::new();
    t.compile_fail("tests/ui/*.rs");
}
