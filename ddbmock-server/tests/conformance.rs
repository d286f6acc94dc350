//! The conformance suite through the server door: every scenario, over HTTP, against a fresh server.

mod common;

ddbmock_test::conformance_tests!(common::remote::Remote::start());
