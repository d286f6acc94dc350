//! The conformance suite on the in-memory engine, through the `DynamoDb` and `DynamoDbStreams` traits.

ddbmock_test::conformance_tests!(async { ddbmock_engine::Engine::memory() });

ddbmock_test::conformance_stream_tests!(async {
    let e = ddbmock_engine::Engine::memory();
    (e.clone(), e)
});

ddbmock_test::conformance_clock_tests!(async {
    let clock = ddbmock_engine::Clock::manual(std::time::SystemTime::now());
    let e = ddbmock_engine::Engine::memory_with_clock(clock.clone());
    (e, move |by| {
        clock.advance(by);
    })
});
