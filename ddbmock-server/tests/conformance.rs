//! The conformance suite through the server door: every scenario, over HTTP, against a fresh server.
//! The Streams scenarios share one server between their two clients.

mod common;

ddbmock_test::conformance_tests!(common::remote::Remote::start());

ddbmock_test::conformance_stream_tests!(async {
    let r = std::sync::Arc::new(common::remote::Remote::start().await);
    (r.clone(), r)
});

ddbmock_test::conformance_clock_tests!(async {
    let clock = ddbmock_engine::Clock::manual(std::time::SystemTime::now());
    let engine = ddbmock_engine::Engine::memory_with_clock(clock.clone());
    (common::remote::Remote::start_on(engine).await, move |by| {
        clock.advance(by);
    })
});

ddbmock_test::conformance_consistency_tests!(async {
    let clock = ddbmock_engine::Clock::manual(std::time::SystemTime::now());
    let engine = ddbmock_engine::Engine::builder()
        .clock(clock.clone())
        .consistency(ddbmock_engine::Consistency::oldest(
            ddbmock_test::conformance::CONSISTENCY_LAG,
        ))
        .build()
        .expect("the engine");
    (common::remote::Remote::start_on(engine).await, move |by| {
        clock.advance(by);
    })
});

ddbmock_test::conformance_region_tests!(async {
    let clock = ddbmock_engine::Clock::manual(std::time::SystemTime::now());
    let scopes = ddbmock_engine::Engine::builder()
        .clock(clock.clone())
        .scopes()
        .expect("scopes");
    let (us, eu) = common::remote::Remote::start_regions(scopes).await;
    (us, eu, move |by| {
        clock.advance(by);
    })
});
