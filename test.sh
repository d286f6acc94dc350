#!/usr/bin/env bash
# Runs every check and test of the workspace: formatting, lints, unit, integration, doc and example tests.
set -euo pipefail
cd "$(dirname "$0")"
cargo fmt --all --check
cargo clippy --workspace --all-targets -- -D warnings
cargo test --workspace --all-targets
cargo test --workspace --doc
cargo run --quiet --example quickstart
cargo run --quiet --example app
