//! Messages of DynamoDB Streams, of stream settings on CreateTable/UpdateTable, and of time to live.
//!
//! Texts marked "observed" were seen from DynamoDB itself (quoted in public bug reports, SDK
//! documentation or test suites); the others follow DynamoDB's wording where no sample was found.

use super::table::invalid_parameter;
use super::validation;
use crate::error::Error;

/// DescribeStream, GetShardIterator or GetRecords of a stream that does not exist (observed).
pub fn stream_not_found(arn: &str) -> Error {
    Error::ResourceNotFound(format!(
        "Requested resource not found: Stream: {arn} not found"
    ))
}

/// GetShardIterator or GetRecords of a shard the stream does not have (observed).
pub fn shard_not_found() -> Error {
    Error::ResourceNotFound("Requested resource not found: Shard does not exist".to_owned())
}

/// GetRecords with an iterator that is not one (not confirmed against DynamoDB).
pub fn invalid_iterator() -> Error {
    validation("Invalid ShardIterator")
}

/// GetShardIterator with a sequence number that is not one of the shard (not confirmed).
pub fn invalid_sequence_number(seq: &str) -> Error {
    validation(format!("Invalid SequenceNumber: {seq}"))
}

/// GetShardIterator of type AT_ or AFTER_SEQUENCE_NUMBER without a sequence number (not confirmed).
pub fn sequence_number_required(iterator_type: &str) -> Error {
    validation(format!(
        "SequenceNumber is required for ShardIteratorType {iterator_type}"
    ))
}

/// GetRecords with an iterator older than 15 minutes: the Kinesis wording DynamoDB Streams shares,
/// with its 15-minute tolerance (the wording is observed for Kinesis, the tolerance documented).
pub fn expired_iterator(created: &str, now: &str) -> Error {
    Error::ExpiredIterator(format!(
        "Iterator expired. The iterator was created at time {created} while right now it is {now} \
         which is further in the future than the tolerated delay of 900000 milliseconds."
    ))
}

/// Reading below the trim horizon (the message text of the API model's documentation).
pub fn trimmed() -> Error {
    Error::TrimmedDataAccess("The data you are trying to access has been trimmed.".to_owned())
}

/// UpdateTable enabling a stream on a table that has one (observed).
pub fn stream_already_enabled(table: &str) -> Error {
    validation(format!(
        "Table already has an enabled stream: TableName: {table}"
    ))
}

/// UpdateTable disabling a stream on a table that has none (observed).
pub fn no_stream_to_disable(table: &str) -> Error {
    validation(format!(
        "Table has no stream to disable: TableName: {table}"
    ))
}

/// UpdateTable enabling a stream without a view type (observed).
pub fn enable_needs_view_type() -> Error {
    invalid_parameter("If stream is being enabled then UpdateViewType is required")
}

/// UpdateTable disabling a stream with a view type (observed).
pub fn disable_with_view_type() -> Error {
    invalid_parameter("If stream is being disabled, then UpdateViewType must not be specified")
}

/// CreateTable with a stream enabled but no view type (observed).
pub fn create_needs_view_type() -> Error {
    invalid_parameter("Table is being created with a stream enabled, UpdateViewType is required")
}

/// CreateTable with a stream disabled and a view type (observed).
pub fn create_disabled_with_view_type() -> Error {
    invalid_parameter(
        "Table is being created with a stream disabled, UpdateViewType should not be specified",
    )
}

/// UpdateTable changing the stream and the provisioned throughput at once (observed).
pub fn stream_with_throughput() -> Error {
    invalid_parameter("You cannot modify stream status while updating table IOPS")
}

/// UpdateTimeToLive enabling TTL that is enabled (observed).
pub fn ttl_already_enabled() -> Error {
    validation("TimeToLive is already enabled")
}

/// UpdateTimeToLive disabling TTL that is disabled (observed).
pub fn ttl_already_disabled() -> Error {
    validation("TimeToLive is already disabled")
}

/// UpdateTimeToLive naming another attribute than the enabled one (observed).
pub fn ttl_other_attribute(current: &str) -> Error {
    validation(format!(
        "TimeToLive is active on a different AttributeName: current AttributeName is {current}"
    ))
}

/// A second UpdateTimeToLive within the hour after a change (observed).
pub fn ttl_cooldown() -> Error {
    validation("Time to live has been modified multiple times within a fixed interval")
}

/// `Engine::stream_records` on a table without an enabled stream (ddbmock's own API).
pub fn no_enabled_stream(table: &str) -> Error {
    validation(format!("Table {table} has no enabled stream"))
}
