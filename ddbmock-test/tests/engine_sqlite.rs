//! The conformance suite on the engine over a temporary SQLite database, through the `DynamoDb` and
//! `DynamoDbStreams` traits.

ddbmock_test::conformance_tests!(async {
    ddbmock_engine::Engine::temp_sqlite().expect("a temporary SQLite database")
});

ddbmock_test::conformance_stream_tests!(async {
    let e = ddbmock_engine::Engine::temp_sqlite().expect("a temporary SQLite database");
    (e.clone(), e)
});
