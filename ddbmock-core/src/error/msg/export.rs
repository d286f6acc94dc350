//! Messages of exports to and imports from S3, and the failure codes an export or import is
//! described with.
//!
//! Unconfirmed: DynamoDB's API Reference documents each of these exceptions by one sentence, and
//! not the message text DynamoDB sends with it; the texts below are those documented sentences,
//! verbatim, until a capture from DynamoDB shows otherwise. The failure codes and messages of a
//! failed export or import are not documented either: they are S3's own error code and message for
//! the condition (a missing bucket, a missing key), prefixed `S3` as DynamoDB reports S3 errors.

use super::validation;
use crate::error::Error;

/// `ExportNotFoundException`: no export has the ARN.
pub fn export_not_found() -> Error {
    Error::ExportNotFound("The specified export was not found.".to_owned())
}

/// `ExportConflictException`: a client token already used with other parameters.
pub fn export_conflict() -> Error {
    Error::ExportConflict(
        "There was a conflict when writing to the specified S3 bucket.".to_owned(),
    )
}

/// `InvalidExportTimeException`: an `ExportTime` outside the point-in-time recovery window.
pub fn invalid_export_time() -> Error {
    Error::InvalidExportTime(
        "The specified ExportTime is outside of the point in time recovery window.".to_owned(),
    )
}

/// `ImportNotFoundException`: no import has the ARN.
pub fn import_not_found() -> Error {
    Error::ImportNotFound("The specified import was not found.".to_owned())
}

/// `ImportConflictException`: a client token already used with other parameters.
pub fn import_conflict() -> Error {
    Error::ImportConflict(
        "There was a conflict when importing from the specified S3 source. This can occur when the current import conflicts with a previous import request that had the same client token."
            .to_owned(),
    )
}

/// `ValidationException`: an incremental export's period is missing or inverted. Unconfirmed:
/// worded in DynamoDB's style.
pub fn incremental_period_invalid() -> Error {
    validation("IncrementalExportSpecification must have an ExportFromTime before its ExportToTime")
}

/// `ValidationException`: an incremental export's period is shorter than 15 minutes or longer
/// than 24 hours (the documented bounds: "from 15 minutes up to 24 hours"). Unconfirmed: worded in
/// DynamoDB's style.
pub fn incremental_period_length() -> Error {
    validation(
        "The period of an incremental export, from ExportFromTime to ExportToTime, must be at least 15 minutes and at most 24 hours",
    )
}

/// The failure code and message of an export or import whose bucket does not exist (or which
/// ddbmock has no S3 folder for).
pub const NO_SUCH_BUCKET: (&str, &str) = ("S3NoSuchBucket", "The specified bucket does not exist");

/// The failure code and message of an export or import that could not write or read an object.
pub const ACCESS_DENIED: (&str, &str) = ("S3AccessDenied", "Access Denied");

/// The failure code and message of an import whose prefix names no object.
pub const NO_SUCH_KEY: (&str, &str) = ("S3NoSuchKey", "The specified key does not exist.");
