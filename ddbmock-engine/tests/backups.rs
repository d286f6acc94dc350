//! On-demand backups on the engine, beyond the conformance scenarios: status transitions on the
//! engine clock and the errors they bring, backups surviving a reopened SQLite file, and the
//! snapshot's independence from the table.

#[path = "streams_support/mod.rs"]
mod streams_support;

use std::sync::Arc;
use std::time::Duration;

use ddbmock_core::operation::*;
use ddbmock_engine::storage::SqliteStorage;
use ddbmock_engine::{Clock, DynamoDb, Engine, EngineConfig};
use streams_support::*;

fn delayed(clock: &Clock) -> Engine {
    Engine::memory_with_config(
        clock.clone(),
        EngineConfig {
            table_status_delay: Duration::from_secs(10),
            ..EngineConfig::default()
        },
    )
}

async fn backup(db: &Engine, table: &str) -> Result<BackupDetails, ddbmock_engine::Error> {
    db.create_backup(CreateBackupInput {
        table_name: Some(table.to_owned()),
        backup_name: Some("nightly".to_owned()),
    })
    .await
    .map(|o| o.backup_details.expect("details"))
}

fn restore(arn: &str, target: &str) -> RestoreTableFromBackupInput {
    RestoreTableFromBackupInput {
        target_table_name: Some(target.to_owned()),
        backup_arn: Some(arn.to_owned()),
        ..Default::default()
    }
}

const IN_USE: &str = "There is another ongoing conflicting backup control plane operation on the table. The backup is either being created, deleted or restored to a table.";
const TABLE_IN_USE: &str =
    "A target table with the specified name is either being created or deleted.";

/// With status delays, a backup is CREATING for the delay: meanwhile it cannot be deleted or
/// restored, nor can the table be backed up again; then it is AVAILABLE. A restored table is
/// CREATING, its restore in progress, for the delay too; a table being created cannot be backed
/// up (nor its recovery enabled), nor restored over.
#[tokio::test]
async fn statuses_follow_the_engine_clock() {
    let clock = Clock::manual(start());
    let db = delayed(&clock);
    create(&db, "tbl", None).await;
    assert_error(
        backup(&db, "tbl").await,
        "TableInUseException",
        TABLE_IN_USE,
    );
    assert_error(
        db.update_continuous_backups(UpdateContinuousBackupsInput {
            table_name: Some("tbl".to_owned()),
            point_in_time_recovery_specification: Some(PointInTimeRecoverySpecification {
                point_in_time_recovery_enabled: Some(true),
                recovery_period_in_days: None,
            }),
        })
        .await,
        "ContinuousBackupsUnavailableException",
        "Backups have not yet been enabled for this table.",
    );
    clock.advance(Duration::from_secs(10));
    put(&db, "tbl", item(&[("pk", s("a"))])).await;

    let details = backup(&db, "tbl").await.unwrap();
    assert_eq!(details.backup_status, Some(BackupStatus::Creating));
    let arn = details.backup_arn.unwrap();
    assert_error(backup(&db, "tbl").await, "BackupInUseException", IN_USE);
    assert_error(
        db.restore_table_from_backup(restore(&arn, "res")).await,
        "BackupInUseException",
        IN_USE,
    );
    assert_error(
        db.delete_backup(DeleteBackupInput {
            backup_arn: Some(arn.clone()),
        })
        .await,
        "BackupInUseException",
        IN_USE,
    );
    clock.advance(Duration::from_secs(10));
    let described = db
        .describe_backup(DescribeBackupInput {
            backup_arn: Some(arn.clone()),
        })
        .await
        .unwrap()
        .backup_description
        .unwrap()
        .backup_details
        .unwrap();
    assert_eq!(described.backup_status, Some(BackupStatus::Available));

    let restored = db
        .restore_table_from_backup(restore(&arn, "res"))
        .await
        .unwrap()
        .table_description
        .unwrap();
    assert_eq!(restored.table_status, Some(TableStatus::Creating));
    assert_eq!(
        restored
            .restore_summary
            .as_ref()
            .and_then(|r| r.restore_in_progress),
        Some(true)
    );
    assert_error(
        db.restore_table_from_backup(restore(&arn, "res")).await,
        "TableInUseException",
        TABLE_IN_USE,
    );
    clock.advance(Duration::from_secs(10));
    let d = describe(&db, "res").await;
    assert_eq!(d.table_status, Some(TableStatus::Active));
    assert_eq!(
        d.restore_summary.and_then(|r| r.restore_in_progress),
        Some(false)
    );
    assert_eq!(get(&db, "res", "a").await, Some(item(&[("pk", s("a"))])));
}

/// Backups persist with the store: after reopening the file they are listed, described and
/// restored, and a new backup never reuses a backup's keyspace.
#[tokio::test]
async fn backups_survive_a_reopened_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db.sqlite");
    let open = || {
        let storage = Arc::new(SqliteStorage::open(&path).unwrap());
        Engine::with_storage(storage, Clock::manual(start()), EngineConfig::default()).unwrap()
    };
    let arn = {
        let db = open();
        create(&db, "tbl", None).await;
        put(&db, "tbl", item(&[("pk", s("kept"))])).await;
        let arn = backup(&db, "tbl").await.unwrap().backup_arn.unwrap();
        delete(&db, "tbl", "kept").await;
        arn
    };
    let db = open();
    let listed = db
        .list_backups(ListBackupsInput::default())
        .await
        .unwrap()
        .backup_summaries
        .unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].backup_arn.as_deref(), Some(arn.as_str()));
    assert_eq!(listed[0].backup_size_bytes, Some(6), "\"pk\" and \"kept\"");
    // A second backup after reopening takes new keyspaces: the first still restores its items.
    put(&db, "tbl", item(&[("pk", s("later"))])).await;
    let second = backup(&db, "tbl").await.unwrap().backup_arn.unwrap();
    db.restore_table_from_backup(restore(&arn, "first"))
        .await
        .unwrap();
    db.restore_table_from_backup(restore(&second, "second"))
        .await
        .unwrap();
    assert_eq!(
        get(&db, "first", "kept").await,
        Some(item(&[("pk", s("kept"))]))
    );
    assert_eq!(get(&db, "first", "later").await, None);
    assert_eq!(
        get(&db, "second", "later").await,
        Some(item(&[("pk", s("later"))]))
    );
    assert_eq!(get(&db, "second", "kept").await, None);
}

/// A backup is a snapshot: writes to the table after it, and writes to a restored table, never
/// reach it, on either store.
#[tokio::test]
async fn a_backup_is_independent_of_the_table() {
    let sqlite = Engine::with_storage(
        Arc::new(SqliteStorage::temp().unwrap()),
        Clock::manual(start()),
        EngineConfig::default(),
    )
    .unwrap();
    for db in [engine(), sqlite] {
        create(&db, "tbl", None).await;
        for i in 0..50 {
            put(&db, "tbl", item(&[("pk", s(&format!("k{i}")))])).await;
        }
        let arn = backup(&db, "tbl").await.unwrap().backup_arn.unwrap();
        for i in 0..50 {
            delete(&db, "tbl", &format!("k{i}")).await;
        }
        db.restore_table_from_backup(restore(&arn, "res1"))
            .await
            .unwrap();
        for i in 0..25 {
            delete(&db, "res1", &format!("k{i}")).await;
        }
        db.restore_table_from_backup(restore(&arn, "res2"))
            .await
            .unwrap();
        assert_eq!(describe(&db, "tbl").await.item_count, Some(0));
        assert_eq!(describe(&db, "res1").await.item_count, Some(25));
        assert_eq!(describe(&db, "res2").await.item_count, Some(50));
    }
}
