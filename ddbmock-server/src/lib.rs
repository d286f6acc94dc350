//! The DynamoDB JSON protocol over HTTP, on a ddbmock engine.
