//! Messages of the Kinesis streaming destination operations, as DynamoDB answers them (observed on
//! the service; the API Reference gives no texts).

use super::validation;
use crate::error::Error;

const NOT_VALID: &str = "Table is not in a valid state to enable Kinesis Streaming Destination";

/// Enable while a destination of the table is enabling, active, updating or disabling.
pub fn enable_not_allowed() -> Error {
    validation(format!(
        "{NOT_VALID}: EnableKinesisStreamingDestination must be DISABLED or ENABLE_FAILED to perform ENABLE operation."
    ))
}

/// Disable of a destination that is not `ACTIVE` (or not there).
pub fn disable_not_allowed() -> Error {
    validation(format!(
        "{NOT_VALID}: KinesisStreamingDestination must be ACTIVE to perform DISABLE operation."
    ))
}

/// Update of a destination that is not `ACTIVE` (or not there).
pub fn update_not_allowed(table: &str, stream: &str) -> Error {
    validation(format!(
        "{NOT_VALID}: Kinesis streaming is not in ACTIVE state. Updates are only allowed in ACTIVE state. TableName: {table}, kdsArn: {stream}"
    ))
}

/// Update without a configuration, or with an empty one.
pub fn update_without_configuration() -> Error {
    validation(
        "Streaming destination cannot be updated with given parameters: UpdateKinesisStreamingConfiguration cannot be null or contain only null values",
    )
}

/// Update to the precision already in place.
pub fn precision_unchanged(precision: &str, table_id: &str, stream: &str) -> Error {
    validation(format!(
        "Invalid Request: Precision is already set to the desired value of {precision} for tableId: {table_id}, kdsArn: {stream}"
    ))
}
