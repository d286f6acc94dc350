//! The conformance suite on the engine over a temporary SQLite database, through the `DynamoDb` trait.

ddbmock_test::conformance_tests!(async {
    ddbmock_core::Engine::temp_sqlite().expect("a temporary SQLite database")
});
