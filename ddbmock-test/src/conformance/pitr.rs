//! Point-in-time recovery scenarios, on a clock the scenario moves: restores to three moments
//! give each state exactly (items, index entries, counts and sizes); the restorable window moves
//! with the clock and the recovery period; the errors of each misuse.
//!
//! They run through [`conformance_clock_tests!`](crate::conformance_clock_tests), whose doors
//! hand them a way to move the engine's clock.

use std::time::Duration;

use ddbmock_core::DynamoDb;
use ddbmock_core::operation::*;

use super::backups::{indexed_table, row, state};
use super::support::*;

/// Moves the clock of the engine behind a door forward.
pub trait AdvanceClock: Sync {
    /// Moves the clock forward by `by`.
    fn advance(&self, by: Duration);
}

impl<F: Fn(Duration) + Sync> AdvanceClock for F {
    fn advance(&self, by: Duration) {
        self(by);
    }
}

const DAY: f64 = 86_400.0;
const MINUTES_6: Duration = Duration::from_secs(360);

async fn enable(
    db: &dyn DynamoDb,
    table: &str,
    days: Option<i32>,
) -> PointInTimeRecoveryDescription {
    db.update_continuous_backups(UpdateContinuousBackupsInput {
        table_name: Some(table.to_owned()),
        point_in_time_recovery_specification: Some(PointInTimeRecoverySpecification {
            point_in_time_recovery_enabled: Some(true),
            recovery_period_in_days: days,
        }),
    })
    .await
    .expect("enable point-in-time recovery")
    .continuous_backups_description
    .and_then(|d| d.point_in_time_recovery_description)
    .expect("a recovery description")
}

async fn recovery(db: &dyn DynamoDb, table: &str) -> PointInTimeRecoveryDescription {
    let d = db
        .describe_continuous_backups(DescribeContinuousBackupsInput {
            table_name: Some(table.to_owned()),
        })
        .await
        .expect("describe continuous backups")
        .continuous_backups_description
        .expect("a continuous backups description");
    assert_eq!(
        d.continuous_backups_status,
        Some(ContinuousBackupsStatus::Enabled)
    );
    d.point_in_time_recovery_description
        .expect("a recovery description")
}

/// The latest restorable time now.
async fn latest(db: &dyn DynamoDb, table: &str) -> f64 {
    recovery(db, table)
        .await
        .latest_restorable_date_time
        .expect("a latest restorable time")
}

fn restore_input(source: &str, target: &str, at: Option<f64>) -> RestoreTableToPointInTimeInput {
    RestoreTableToPointInTimeInput {
        source_table_name: Some(source.to_owned()),
        target_table_name: Some(target.to_owned()),
        restore_date_time: at,
        use_latest_restorable_time: at.is_none().then_some(true),
        ..Default::default()
    }
}

async fn restore(db: &dyn DynamoDb, source: &str, at: Option<f64>) -> String {
    let target = unique_name("pitr-restored");
    db.restore_table_to_point_in_time(restore_input(source, &target, at))
        .await
        .expect("restore to a point in time");
    until_active(db, &target).await;
    target
}

/// Three states, each left for six minutes; a restore to each moment gives that state exactly,
/// and UseLatestRestorableTime the last.
pub async fn pitr_three_moments(db: &dyn DynamoDb, clock: &dyn AdvanceClock) {
    let t = indexed_table(db, "pitr").await;
    put(db, &t, row("a", "0", Some("x"), "before recovery")).await;
    let on = enable(db, &t, Some(1)).await;
    assert_eq!(
        on.point_in_time_recovery_status,
        Some(ContinuousBackupsStatus::Enabled)
    );
    assert_eq!(on.recovery_period_in_days, Some(1));
    clock.advance(Duration::from_secs(1));

    put(db, &t, row("a", "1", Some("x"), "one")).await;
    put(db, &t, row("a", "2", Some("y"), "two")).await;
    let first = state(db, &t).await;
    clock.advance(MINUTES_6);
    let at_first = latest(db, &t).await;

    put(db, &t, row("a", "1", Some("z"), "one, changed")).await;
    db.delete_item(DeleteItemInput {
        table_name: Some(t.clone()),
        key: Some(item(&[("pk", s("a")), ("sk", n("2"))])),
        ..Default::default()
    })
    .await
    .expect("delete");
    put(db, &t, row("b", "1", None, "three")).await;
    let second = state(db, &t).await;
    clock.advance(MINUTES_6);
    let at_second = latest(db, &t).await;

    db.delete_item(DeleteItemInput {
        table_name: Some(t.clone()),
        key: Some(item(&[("pk", s("a")), ("sk", n("0"))])),
        ..Default::default()
    })
    .await
    .expect("delete");
    put(db, &t, row("c", "1", Some("x"), "four")).await;
    let third = state(db, &t).await;
    clock.advance(MINUTES_6);
    let at_third = latest(db, &t).await;
    assert!(at_first < at_second && at_second < at_third);

    // In reverse order, so no restore depends on the one before.
    let r3 = restore(db, &t, Some(at_third)).await;
    let r1 = restore(db, &t, Some(at_first)).await;
    let r2 = restore(db, &t, Some(at_second)).await;
    assert_eq!(state(db, &r1).await, first);
    assert_eq!(state(db, &r2).await, second);
    assert_eq!(state(db, &r3).await, third);
    let newest = restore(db, &t, None).await;
    assert_eq!(state(db, &newest).await, third);
    assert_eq!(state(db, &t).await, third, "the source is untouched");

    let summary = describe(db, &r2)
        .await
        .restore_summary
        .expect("a restore summary");
    assert_eq!(summary.restore_date_time, Some(at_second));
    assert_eq!(summary.source_table_arn, describe(db, &t).await.table_arn);
    assert_eq!(summary.source_backup_arn, None);
    assert_eq!(
        recovery(db, &r2).await.point_in_time_recovery_status,
        Some(ContinuousBackupsStatus::Disabled),
        "a restored table starts without recovery"
    );
}

/// The earliest restorable time is when recovery was enabled, until the recovery period is
/// full; then it moves with the clock, and older times are refused. Disabling ends recovery.
pub async fn pitr_window_moves(db: &dyn DynamoDb, clock: &dyn AdvanceClock) {
    let t = indexed_table(db, "pitr-window").await;
    let off = recovery(db, &t).await;
    assert_eq!(
        off,
        PointInTimeRecoveryDescription {
            point_in_time_recovery_status: Some(ContinuousBackupsStatus::Disabled),
            ..Default::default()
        }
    );
    let on = enable(db, &t, Some(1)).await;
    let enabled_at = on.earliest_restorable_date_time.expect("an earliest time");
    assert_eq!(on.latest_restorable_date_time, Some(enabled_at));
    put(db, &t, row("a", "1", Some("x"), "kept")).await;

    clock.advance(Duration::from_secs(2 * 86_400));
    let moved = recovery(db, &t).await;
    let earliest = moved
        .earliest_restorable_date_time
        .expect("an earliest time");
    let latest = moved.latest_restorable_date_time.expect("a latest time");
    assert!(
        (earliest - (enabled_at + DAY)).abs() < 0.01,
        "{earliest} {enabled_at}"
    );
    assert!(
        (latest - (enabled_at + 2.0 * DAY - 300.0)).abs() < 0.01,
        "{latest}"
    );

    let invalid = "An invalid restore time was specified. RestoreDateTime must be between EarliestRestorableDateTime and LatestRestorableDateTime.";
    for at in [enabled_at, earliest - 1.0, latest + 1.0] {
        assert_error(
            db.restore_table_to_point_in_time(restore_input(&t, &unique_name("pitr-w"), Some(at)))
                .await,
            "InvalidRestoreTimeException",
            invalid,
        );
    }
    let oldest = restore(db, &t, Some(earliest)).await;
    assert_eq!(describe(db, &oldest).await.item_count, Some(1));

    // A longer period reaches back to the enabling again.
    let longer = enable(db, &t, Some(3)).await;
    assert_eq!(longer.recovery_period_in_days, Some(3));
    let back = longer
        .earliest_restorable_date_time
        .expect("an earliest time");
    assert!((back - enabled_at).abs() < 0.01, "{back} {enabled_at}");

    let off = db
        .update_continuous_backups(UpdateContinuousBackupsInput {
            table_name: Some(t.clone()),
            point_in_time_recovery_specification: Some(PointInTimeRecoverySpecification {
                point_in_time_recovery_enabled: Some(false),
                recovery_period_in_days: None,
            }),
        })
        .await
        .expect("disable")
        .continuous_backups_description
        .and_then(|d| d.point_in_time_recovery_description)
        .expect("a recovery description");
    assert_eq!(
        off.point_in_time_recovery_status,
        Some(ContinuousBackupsStatus::Disabled)
    );
    assert_error(
        db.restore_table_to_point_in_time(restore_input(&t, &unique_name("pitr-w"), None))
            .await,
        "PointInTimeRecoveryUnavailableException",
        "Point in time recovery has not yet been enabled for this source table.",
    );
}

/// Each misuse of the point-in-time operations gets DynamoDB's exception.
pub async fn pitr_errors(db: &dyn DynamoDb, clock: &dyn AdvanceClock) {
    let missing = unique_name("pitr-missing");
    let not_found = "A source table with the name TableName does not currently exist within the subscriber's account or the subscriber is operating in the wrong Amazon Web Services Region.";
    assert_error(
        db.describe_continuous_backups(DescribeContinuousBackupsInput {
            table_name: Some(missing.clone()),
        })
        .await,
        "TableNotFoundException",
        not_found,
    );
    let t = indexed_table(db, "pitr-errors").await;
    for (days, constraint) in [
        (0, "Member must have value greater than or equal to 1"),
        (36, "Member must have value less than or equal to 35"),
    ] {
        assert_error(
            db.update_continuous_backups(UpdateContinuousBackupsInput {
                table_name: Some(t.clone()),
                point_in_time_recovery_specification: Some(PointInTimeRecoverySpecification {
                    point_in_time_recovery_enabled: Some(true),
                    recovery_period_in_days: Some(days),
                }),
            })
            .await,
            "ValidationException",
            &format!(
                "1 validation error detected: Value '{days}' at 'pointInTimeRecoverySpecification.recoveryPeriodInDays' failed to satisfy constraint: {constraint}"
            ),
        );
    }
    assert_error(
        db.update_continuous_backups(UpdateContinuousBackupsInput {
            table_name: Some(t.clone()),
            point_in_time_recovery_specification: None,
        })
        .await,
        "ValidationException",
        "1 validation error detected: Value null at 'pointInTimeRecoverySpecification' failed to satisfy constraint: Member must not be null",
    );
    assert_error(
        db.restore_table_to_point_in_time(restore_input(&t, &unique_name("pitr-e"), None))
            .await,
        "PointInTimeRecoveryUnavailableException",
        "Point in time recovery has not yet been enabled for this source table.",
    );
    enable(db, &t, None).await;
    clock.advance(MINUTES_6);
    assert_error(
        db.restore_table_to_point_in_time(restore_input(&missing, &unique_name("pitr-e"), None))
            .await,
        "TableNotFoundException",
        not_found,
    );
    assert_error(
        db.restore_table_to_point_in_time(restore_input(&t, &t, None))
            .await,
        "TableAlreadyExistsException",
        "A target table with the specified name already exists.",
    );
    let mut both = restore_input(&t, &unique_name("pitr-e"), None);
    both.source_table_arn = describe(db, &t).await.table_arn;
    assert_error(
        db.restore_table_to_point_in_time(both).await,
        "ValidationException",
        "Either SourceTableArn or SourceTableName must be specified, but not both",
    );
    let mut no_time = restore_input(&t, &unique_name("pitr-e"), None);
    no_time.use_latest_restorable_time = None;
    assert_error(
        db.restore_table_to_point_in_time(no_time).await,
        "ValidationException",
        "Exactly one of RestoreDateTime or UseLatestRestorableTime (set to true) must be specified",
    );
    // By ARN, the source is found as by name.
    let mut by_arn = restore_input(&t, &unique_name("pitr-e"), None);
    by_arn.source_table_name = None;
    by_arn.source_table_arn = describe(db, &t).await.table_arn;
    db.restore_table_to_point_in_time(by_arn)
        .await
        .expect("restore by the source's ARN");
}
