//! `#[ddbmock::test]`: see the `ddbmock` crate.
