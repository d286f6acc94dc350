//! The conformance suite on the in-memory engine, through the `DynamoDb` and `DynamoDbStreams` traits.

ddbmock_test::conformance_tests!(async { ddbmock_engine::Engine::memory() });

ddbmock_test::conformance_stream_tests!(async {
    let e = ddbmock_engine::Engine::memory();
    (e.clone(), e)
});
