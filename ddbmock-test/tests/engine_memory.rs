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

ddbmock_test::conformance_region_tests!(async {
    let clock = ddbmock_engine::Clock::manual(std::time::SystemTime::now());
    let scopes = ddbmock_engine::Engine::builder()
        .clock(clock.clone())
        .scopes()
        .expect("scopes");
    let eu = scopes
        .engine("000000000000", "eu-west-1")
        .expect("the eu-west-1 scope");
    let home = scopes.home().clone();
    // The closure keeps the scopes alive: replicas reach each other through them.
    (home, eu, move |by| {
        let _ = &scopes;
        clock.advance(by);
    })
});

ddbmock_test::conformance_consistency_tests!(async {
    let clock = ddbmock_engine::Clock::manual(std::time::SystemTime::now());
    let e = ddbmock_engine::Engine::builder()
        .clock(clock.clone())
        .consistency(ddbmock_engine::Consistency::oldest(
            ddbmock_test::conformance::CONSISTENCY_LAG,
        ))
        .build()
        .expect("the engine");
    (e, move |by| {
        clock.advance(by);
    })
});
