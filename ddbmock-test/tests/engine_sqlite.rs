//! The conformance suite on the engine over a temporary SQLite database, through the `DynamoDb` and
//! `DynamoDbStreams` traits.

ddbmock_test::conformance_tests!(async {
    ddbmock_engine::Engine::temp_sqlite().expect("a temporary SQLite database")
});

ddbmock_test::conformance_stream_tests!(async {
    let e = ddbmock_engine::Engine::temp_sqlite().expect("a temporary SQLite database");
    (e.clone(), e)
});

ddbmock_test::conformance_clock_tests!(async {
    let clock = ddbmock_engine::Clock::manual(std::time::SystemTime::now());
    let storage =
        ddbmock_engine::storage::SqliteStorage::temp().expect("a temporary SQLite database");
    let e = ddbmock_engine::Engine::with_storage(
        std::sync::Arc::new(storage),
        clock.clone(),
        ddbmock_engine::EngineConfig::default(),
    )
    .expect("the engine opens");
    (e, move |by| {
        clock.advance(by);
    })
});
