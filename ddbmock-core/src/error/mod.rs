//! The one error type of ddbmock: a variant per DynamoDB exception, each carrying DynamoDB's message.
//!
//! Message texts are built only by the functions in [`msg`], one per DynamoDB message, so that the
//! wording can follow DynamoDB in one place.

pub mod msg;

use serde::{Deserialize, Serialize};
use thiserror::Error as ThisError;

use crate::model::Item;

/// A DynamoDB error: its exception type is the variant, its message is DynamoDB's text.
#[derive(Clone, Debug, PartialEq, ThisError)]
#[non_exhaustive]
pub enum Error {
    /// `ValidationException` (400).
    #[error("{0}")]
    Validation(String),
    /// `ConditionalCheckFailedException` (400), with the item when `ReturnValuesOnConditionCheckFailure`
    /// is `ALL_OLD` and the item existed.
    #[error("{message}")]
    ConditionalCheckFailed {
        /// DynamoDB's message.
        message: String,
        /// The item as it was, when asked for.
        item: Option<Item>,
    },
    /// `ResourceNotFoundException` (400).
    #[error("{0}")]
    ResourceNotFound(String),
    /// `ResourceInUseException` (400).
    #[error("{0}")]
    ResourceInUse(String),
    /// `LimitExceededException` (400).
    #[error("{0}")]
    LimitExceeded(String),
    /// `ProvisionedThroughputExceededException` (400).
    #[error("{0}")]
    ProvisionedThroughputExceeded(String),
    /// `ThrottlingException` (400).
    #[error("{0}")]
    Throttling(String),
    /// `RequestLimitExceeded` (400).
    #[error("{0}")]
    RequestLimitExceeded(String),
    /// `ItemCollectionSizeLimitExceededException` (400).
    #[error("{0}")]
    ItemCollectionSizeLimitExceeded(String),
    /// `TransactionCanceledException` (400), with one reason per action, in order.
    #[error("{message}")]
    TransactionCanceled {
        /// DynamoDB's message, listing the reason codes.
        message: String,
        /// One reason per action of the request.
        reasons: Vec<CancellationReason>,
    },
    /// `TransactionConflictException` (400).
    #[error("{0}")]
    TransactionConflict(String),
    /// `DuplicateItemException` (400): a PartiQL `INSERT` of a key that exists.
    #[error("{0}")]
    DuplicateItem(String),
    /// `TransactionInProgressException` (400).
    #[error("{0}")]
    TransactionInProgress(String),
    /// `IdempotentParameterMismatchException` (400).
    #[error("{0}")]
    IdempotentParameterMismatch(String),
    /// `TrimmedDataAccessException` (400), DynamoDB Streams.
    #[error("{0}")]
    TrimmedDataAccess(String),
    /// `ExpiredIteratorException` (400), DynamoDB Streams.
    #[error("{0}")]
    ExpiredIterator(String),
    /// `SerializationException` (400): the request body is not the JSON the operation takes.
    #[error("{0}")]
    Serialization(String),
    /// `UnknownOperationException` (400).
    #[error("{0}")]
    UnknownOperation(String),
    /// `MissingAuthenticationTokenException` (400).
    #[error("{0}")]
    MissingAuthenticationToken(String),
    /// `IncompleteSignatureException` (400).
    #[error("{0}")]
    IncompleteSignature(String),
    /// `InvalidSignatureException` (400).
    #[error("{0}")]
    InvalidSignature(String),
    /// `UnrecognizedClientException` (400).
    #[error("{0}")]
    UnrecognizedClient(String),
    /// `AccessDeniedException` (400): a resource of another account, which no policy shares.
    #[error("{0}")]
    AccessDenied(String),
    /// `InternalServerError` (500).
    #[error("{0}")]
    InternalServerError(String),
    /// `PolicyNotFoundException` (400): no resource-based policy, or not the expected revision.
    #[error("{0}")]
    PolicyNotFound(String),
    /// `BackupNotFoundException` (400): no backup has the ARN.
    #[error("{0}")]
    BackupNotFound(String),
    /// `BackupInUseException` (400): another backup operation on the table or backup is in progress.
    #[error("{0}")]
    BackupInUse(String),
    /// `TableAlreadyExistsException` (400): a restore's target table exists.
    #[error("{0}")]
    TableAlreadyExists(String),
    /// `TableNotFoundException` (400): a backup's or restore's source table does not exist.
    #[error("{0}")]
    TableNotFound(String),
    /// `TableInUseException` (400): a backup's or restore's table is being created or deleted.
    #[error("{0}")]
    TableInUse(String),
    /// `ContinuousBackupsUnavailableException` (400): backups are not yet enabled for the table.
    #[error("{0}")]
    ContinuousBackupsUnavailable(String),
    /// `PointInTimeRecoveryUnavailableException` (400): point-in-time recovery is not enabled on a restore's source table.
    #[error("{0}")]
    PointInTimeRecoveryUnavailable(String),
    /// `InvalidRestoreTimeException` (400): a restore time outside the restorable window.
    #[error("{0}")]
    InvalidRestoreTime(String),
    /// `ExportNotFoundException` (400): no export has the ARN.
    #[error("{0}")]
    ExportNotFound(String),
    /// `ExportConflictException` (400): an export's client token was used with other parameters.
    #[error("{0}")]
    ExportConflict(String),
    /// `InvalidExportTimeException` (400): an export time outside the point-in-time recovery window.
    #[error("{0}")]
    InvalidExportTime(String),
    /// `ImportNotFoundException` (400): no import has the ARN.
    #[error("{0}")]
    ImportNotFound(String),
    /// `ImportConflictException` (400): an import's client token was used with other parameters.
    #[error("{0}")]
    ImportConflict(String),
    /// `GlobalTableAlreadyExistsException` (400): CreateGlobalTable of a global table that exists.
    #[error("{0}")]
    GlobalTableAlreadyExists(String),
    /// `GlobalTableNotFoundException` (400): no global table (version 2017.11.29) has the name.
    #[error("{0}")]
    GlobalTableNotFound(String),
    /// `ReplicaAlreadyExistsException` (400): the region is already in the global table.
    #[error("{0}")]
    ReplicaAlreadyExists(String),
    /// `ReplicaNotFoundException` (400): the region is not in the global table.
    #[error("{0}")]
    ReplicaNotFound(String),
}

impl Error {
    /// The exception's name on the wire, as in `__type` after the `#`.
    pub fn type_name(&self) -> &'static str {
        match self {
            Error::Validation(_) => "ValidationException",
            Error::ConditionalCheckFailed { .. } => "ConditionalCheckFailedException",
            Error::ResourceNotFound(_) => "ResourceNotFoundException",
            Error::ResourceInUse(_) => "ResourceInUseException",
            Error::LimitExceeded(_) => "LimitExceededException",
            Error::ProvisionedThroughputExceeded(_) => "ProvisionedThroughputExceededException",
            Error::Throttling(_) => "ThrottlingException",
            Error::RequestLimitExceeded(_) => "RequestLimitExceeded",
            Error::ItemCollectionSizeLimitExceeded(_) => "ItemCollectionSizeLimitExceededException",
            Error::TransactionCanceled { .. } => "TransactionCanceledException",
            Error::TransactionConflict(_) => "TransactionConflictException",
            Error::DuplicateItem(_) => "DuplicateItemException",
            Error::TransactionInProgress(_) => "TransactionInProgressException",
            Error::IdempotentParameterMismatch(_) => "IdempotentParameterMismatchException",
            Error::TrimmedDataAccess(_) => "TrimmedDataAccessException",
            Error::ExpiredIterator(_) => "ExpiredIteratorException",
            Error::Serialization(_) => "SerializationException",
            Error::UnknownOperation(_) => "UnknownOperationException",
            Error::MissingAuthenticationToken(_) => "MissingAuthenticationTokenException",
            Error::IncompleteSignature(_) => "IncompleteSignatureException",
            Error::InvalidSignature(_) => "InvalidSignatureException",
            Error::UnrecognizedClient(_) => "UnrecognizedClientException",
            Error::AccessDenied(_) => "AccessDeniedException",
            Error::InternalServerError(_) => "InternalServerError",
            Error::PolicyNotFound(_) => "PolicyNotFoundException",
            Error::BackupNotFound(_) => "BackupNotFoundException",
            Error::BackupInUse(_) => "BackupInUseException",
            Error::TableAlreadyExists(_) => "TableAlreadyExistsException",
            Error::TableNotFound(_) => "TableNotFoundException",
            Error::TableInUse(_) => "TableInUseException",
            Error::ContinuousBackupsUnavailable(_) => "ContinuousBackupsUnavailableException",
            Error::PointInTimeRecoveryUnavailable(_) => "PointInTimeRecoveryUnavailableException",
            Error::InvalidRestoreTime(_) => "InvalidRestoreTimeException",
            Error::ExportNotFound(_) => "ExportNotFoundException",
            Error::ExportConflict(_) => "ExportConflictException",
            Error::InvalidExportTime(_) => "InvalidExportTimeException",
            Error::ImportNotFound(_) => "ImportNotFoundException",
            Error::ImportConflict(_) => "ImportConflictException",
            Error::GlobalTableAlreadyExists(_) => "GlobalTableAlreadyExistsException",
            Error::GlobalTableNotFound(_) => "GlobalTableNotFoundException",
            Error::ReplicaAlreadyExists(_) => "ReplicaAlreadyExistsException",
            Error::ReplicaNotFound(_) => "ReplicaNotFoundException",
        }
    }

    /// The namespace DynamoDB puts before the `#` in `__type`: validation errors come from coral's
    /// validator, protocol-level errors from coral's service framework, the rest from DynamoDB itself.
    pub fn namespace(&self) -> &'static str {
        match self {
            Error::Validation(_) => "com.amazon.coral.validate",
            Error::Serialization(_)
            | Error::UnknownOperation(_)
            | Error::MissingAuthenticationToken(_)
            | Error::IncompleteSignature(_)
            | Error::InvalidSignature(_)
            | Error::UnrecognizedClient(_)
            | Error::AccessDenied(_) => "com.amazon.coral.service",
            _ => "com.amazonaws.dynamodb.v20120810",
        }
    }

    /// The HTTP status DynamoDB answers with.
    pub fn status_code(&self) -> u16 {
        match self {
            Error::InternalServerError(_) => 500,
            _ => 400,
        }
    }

    /// DynamoDB's message text.
    pub fn message(&self) -> String {
        self.to_string()
    }

    /// Whether the SDKs treat this error as retryable throttling.
    pub fn is_throttling(&self) -> bool {
        matches!(
            self,
            Error::ProvisionedThroughputExceeded(_)
                | Error::Throttling(_)
                | Error::RequestLimitExceeded(_)
        )
    }
}

/// Why one action of a transaction was cancelled (`CancellationReasons` member).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct CancellationReason {
    /// `None`, `ConditionalCheckFailed`, `ItemCollectionSizeLimitExceeded`, `TransactionConflict`,
    /// `ProvisionedThroughputExceeded`, `ThrottlingError` or `ValidationError`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The reason's message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// The item, when `ReturnValuesOnConditionCheckFailure` asked for it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<Item>,
}

/// Shorthand for results whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
