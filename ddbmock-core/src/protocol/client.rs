//! The client's side of the codec: an error body read back into the [`Error`] it was made from, so
//! that a `DynamoDb` over HTTP (a remote server, DynamoDB itself) gives the same errors as the engine.

use serde::Deserialize;

use crate::error::{CancellationReason, Error};
use crate::model::Item;

#[derive(Deserialize)]
struct ErrorBody {
    #[serde(rename = "__type", default)]
    type_: String,
    #[serde(default)]
    message: Option<String>,
    #[serde(rename = "Message", default)]
    upper_message: Option<String>,
    #[serde(rename = "Item", default)]
    item: Option<Item>,
    #[serde(rename = "CancellationReasons", default)]
    reasons: Option<Vec<CancellationReason>>,
}

/// The error a non-200 response with `body` stands for. A body that is not a DynamoDB error body
/// becomes an `InternalServerError` quoting `status` and the body.
pub fn error_from_body(status: u16, body: &[u8]) -> Error {
    let Ok(parsed) = serde_json::from_slice::<ErrorBody>(body) else {
        return unreadable(status, body);
    };
    let text = parsed.message.or(parsed.upper_message).unwrap_or_default();
    // `__type` is `namespace#Name`; some services send the bare name.
    let name = parsed.type_.rsplit('#').next().unwrap_or_default();
    match name {
        "ValidationException" => Error::Validation(text),
        "ConditionalCheckFailedException" => Error::ConditionalCheckFailed {
            message: text,
            item: parsed.item,
        },
        "ResourceNotFoundException" => Error::ResourceNotFound(text),
        "ResourceInUseException" => Error::ResourceInUse(text),
        "LimitExceededException" => Error::LimitExceeded(text),
        "ProvisionedThroughputExceededException" => Error::ProvisionedThroughputExceeded(text),
        "ThrottlingException" => Error::Throttling(text),
        "RequestLimitExceeded" => Error::RequestLimitExceeded(text),
        "ItemCollectionSizeLimitExceededException" => Error::ItemCollectionSizeLimitExceeded(text),
        "TransactionCanceledException" => Error::TransactionCanceled {
            message: text,
            reasons: parsed.reasons.unwrap_or_default(),
        },
        "TransactionConflictException" => Error::TransactionConflict(text),
        "DuplicateItemException" => Error::DuplicateItem(text),
        "TransactionInProgressException" => Error::TransactionInProgress(text),
        "IdempotentParameterMismatchException" => Error::IdempotentParameterMismatch(text),
        "TrimmedDataAccessException" => Error::TrimmedDataAccess(text),
        "ExpiredIteratorException" => Error::ExpiredIterator(text),
        "SerializationException" => Error::Serialization(text),
        "UnknownOperationException" => Error::UnknownOperation(text),
        "MissingAuthenticationTokenException" => Error::MissingAuthenticationToken(text),
        "IncompleteSignatureException" => Error::IncompleteSignature(text),
        "InvalidSignatureException" => Error::InvalidSignature(text),
        "UnrecognizedClientException" => Error::UnrecognizedClient(text),
        "AccessDeniedException" => Error::AccessDenied(text),
        "InternalServerError" => Error::InternalServerError(text),
        "PolicyNotFoundException" => Error::PolicyNotFound(text),
        "BackupNotFoundException" => Error::BackupNotFound(text),
        "BackupInUseException" => Error::BackupInUse(text),
        "TableAlreadyExistsException" => Error::TableAlreadyExists(text),
        "TableNotFoundException" => Error::TableNotFound(text),
        "TableInUseException" => Error::TableInUse(text),
        "ContinuousBackupsUnavailableException" => Error::ContinuousBackupsUnavailable(text),
        "PointInTimeRecoveryUnavailableException" => Error::PointInTimeRecoveryUnavailable(text),
        "InvalidRestoreTimeException" => Error::InvalidRestoreTime(text),
        "ExportNotFoundException" => Error::ExportNotFound(text),
        "ExportConflictException" => Error::ExportConflict(text),
        "InvalidExportTimeException" => Error::InvalidExportTime(text),
        "ImportNotFoundException" => Error::ImportNotFound(text),
        "ImportConflictException" => Error::ImportConflict(text),
        "GlobalTableAlreadyExistsException" => Error::GlobalTableAlreadyExists(text),
        "GlobalTableNotFoundException" => Error::GlobalTableNotFound(text),
        "ReplicaAlreadyExistsException" => Error::ReplicaAlreadyExists(text),
        "ReplicaNotFoundException" => Error::ReplicaNotFound(text),
        _ => unreadable(status, body),
    }
}

fn unreadable(status: u16, body: &[u8]) -> Error {
    Error::InternalServerError(format!("HTTP {status}: {}", String::from_utf8_lossy(body)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::AttributeValue;
    use crate::protocol::encode::error_body;

    #[test]
    fn every_error_survives_the_round_trip() {
        let item: Item = [("k".to_owned(), AttributeValue::N("1".into()))].into();
        let reason = CancellationReason {
            code: Some("ConditionalCheckFailed".into()),
            message: Some("The conditional request failed".into()),
            item: Some(item.clone()),
        };
        let text = || "some text".to_owned();
        let errors = [
            Error::Validation(text()),
            Error::ConditionalCheckFailed {
                message: text(),
                item: Some(item),
            },
            Error::ConditionalCheckFailed {
                message: text(),
                item: None,
            },
            Error::ResourceNotFound(text()),
            Error::ResourceInUse(text()),
            Error::LimitExceeded(text()),
            Error::ProvisionedThroughputExceeded(text()),
            Error::Throttling(text()),
            Error::RequestLimitExceeded(text()),
            Error::ItemCollectionSizeLimitExceeded(text()),
            Error::TransactionCanceled {
                message: text(),
                reasons: vec![reason],
            },
            Error::TransactionConflict(text()),
            Error::DuplicateItem(text()),
            Error::TransactionInProgress(text()),
            Error::IdempotentParameterMismatch(text()),
            Error::TrimmedDataAccess(text()),
            Error::ExpiredIterator(text()),
            Error::Serialization(text()),
            Error::Serialization(String::new()),
            Error::UnknownOperation(String::new()),
            Error::MissingAuthenticationToken(text()),
            Error::IncompleteSignature(text()),
            Error::InvalidSignature(text()),
            Error::UnrecognizedClient(text()),
            Error::AccessDenied(text()),
            Error::PolicyNotFound(text()),
            Error::BackupNotFound(text()),
            Error::BackupInUse(text()),
            Error::TableAlreadyExists(text()),
            Error::TableNotFound(text()),
            Error::TableInUse(text()),
            Error::ContinuousBackupsUnavailable(text()),
            Error::PointInTimeRecoveryUnavailable(text()),
            Error::InvalidRestoreTime(text()),
            Error::ExportNotFound(text()),
            Error::ExportConflict(text()),
            Error::InvalidExportTime(text()),
            Error::ImportNotFound(text()),
            Error::ImportConflict(text()),
            Error::GlobalTableAlreadyExists(text()),
            Error::GlobalTableNotFound(text()),
            Error::ReplicaAlreadyExists(text()),
            Error::ReplicaNotFound(text()),
            Error::InternalServerError(text()),
        ];
        for error in errors {
            assert_eq!(
                error_from_body(error.status_code(), &error_body(&error)),
                error
            );
        }
    }

    #[test]
    fn other_bodies_are_internal_errors() {
        assert_eq!(
            error_from_body(502, b"<html>"),
            Error::InternalServerError("HTTP 502: <html>".into())
        );
    }
}
