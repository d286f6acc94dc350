//! The conformance suite through the server door: every scenario, over HTTP, against a fresh server.
//! The Streams scenarios share one server between their two clients.

mod common;

ddbmock_test::conformance_tests!(common::remote::Remote::start());

ddbmock_test::conformance_stream_tests!(async {
    let r = std::sync::Arc::new(common::remote::Remote::start().await);
    (r.clone(), r)
});
