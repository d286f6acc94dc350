//! Messages of on-demand backups and point-in-time recovery.
//!
//! Unconfirmed: DynamoDB's API Reference documents each of these exceptions by one sentence, and
//! not the message text DynamoDB sends with it; the texts below are those documented sentences,
//! verbatim, until a capture from DynamoDB shows otherwise.

use super::validation;
use crate::error::Error;

/// `BackupNotFoundException`: no backup has the ARN (or it was deleted).
pub fn backup_not_found() -> Error {
    Error::BackupNotFound("Backup not found for the given BackupARN.".to_owned())
}

/// `BackupInUseException`: the backup is still being created, or the table has a backup being
/// created.
pub fn backup_in_use() -> Error {
    Error::BackupInUse(
        "There is another ongoing conflicting backup control plane operation on the table. The backup is either being created, deleted or restored to a table."
            .to_owned(),
    )
}

/// `TableAlreadyExistsException`: a restore's target table exists.
pub fn table_already_exists() -> Error {
    Error::TableAlreadyExists("A target table with the specified name already exists.".to_owned())
}

/// `TableNotFoundException`: a backup's or restore's source table does not exist.
pub fn table_not_found() -> Error {
    Error::TableNotFound(
        "A source table with the name TableName does not currently exist within the subscriber's account or the subscriber is operating in the wrong Amazon Web Services Region."
            .to_owned(),
    )
}

/// `TableInUseException`: a restore's target table is being created or deleted, or a backup's
/// table is being created or deleted.
pub fn table_in_use() -> Error {
    Error::TableInUse(
        "A target table with the specified name is either being created or deleted.".to_owned(),
    )
}

/// `ContinuousBackupsUnavailableException`: the table is not ready for backups yet (it is being
/// created).
pub fn continuous_backups_unavailable() -> Error {
    Error::ContinuousBackupsUnavailable(
        "Backups have not yet been enabled for this table.".to_owned(),
    )
}

/// `PointInTimeRecoveryUnavailableException`: RestoreTableToPointInTime from a table without
/// point-in-time recovery.
pub fn point_in_time_recovery_unavailable() -> Error {
    Error::PointInTimeRecoveryUnavailable(
        "Point in time recovery has not yet been enabled for this source table.".to_owned(),
    )
}

/// `InvalidRestoreTimeException`: a `RestoreDateTime` outside the restorable window.
pub fn invalid_restore_time() -> Error {
    Error::InvalidRestoreTime(
        "An invalid restore time was specified. RestoreDateTime must be between EarliestRestorableDateTime and LatestRestorableDateTime."
            .to_owned(),
    )
}

/// `ValidationException`: RestoreTableToPointInTime names its source by neither name nor ARN, or
/// by both. Unconfirmed: worded in DynamoDB's style, as its text is not documented.
pub fn source_table_required() -> Error {
    validation("Either SourceTableArn or SourceTableName must be specified, but not both")
}

/// `ValidationException`: RestoreTableToPointInTime with both `RestoreDateTime` and
/// `UseLatestRestorableTime` true, or with neither. Unconfirmed: worded in DynamoDB's style.
pub fn restore_time_required() -> Error {
    validation(
        "Exactly one of RestoreDateTime or UseLatestRestorableTime (set to true) must be specified",
    )
}

/// `ValidationException`: an index override names an index the source table does not have, or
/// changes its key schema. Unconfirmed: worded in DynamoDB's style.
pub fn index_override_unknown(index: &str) -> Error {
    validation(format!(
        "One or more parameter values were invalid: The index {index} in the override does not match an index of the source table"
    ))
}
