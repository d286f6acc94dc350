//! The conformance suite on the in-memory engine, through the `DynamoDb` trait.

ddbmock_test::conformance_tests!(async { ddbmock_core::Engine::memory() });
