//! On-demand backup scenarios: backup, change, restore gives the old state (items, index entries,
//! counts); overrides; listing with filters and pages; deletion; the errors of each misuse.

use std::collections::BTreeSet;

use ddbmock_core::DynamoDb;
use ddbmock_core::model::Item;
use ddbmock_core::operation::*;

use super::reads::{query_all, scan_all, scan_input};
use super::support::*;

/// A backup ARN no backup has (of DynamoDB's form and length).
const NO_BACKUP: &str =
    "arn:aws:dynamodb:us-east-1:000000000000:table/none/backup/01700000000000-0000abcd";

/// Creates a table keyed `pk` (S) and `sk` (N), provisioned, with the global index `by_g` on
/// `g` (S), all attributes projected; returns its name once it is ACTIVE.
pub(crate) async fn indexed_table(db: &dyn DynamoDb, prefix: &str) -> String {
    let name = unique_name(prefix);
    let mut input = table_input(&name, true);
    input
        .attribute_definitions
        .get_or_insert_with(Vec::new)
        .push(def("g", ScalarAttributeType::S));
    input.global_secondary_indexes = Some(vec![GlobalSecondaryIndex {
        index_name: Some("by_g".to_owned()),
        key_schema: Some(vec![key("g", KeyType::Hash)]),
        projection: Some(Projection {
            projection_type: Some(ProjectionType::All),
            non_key_attributes: None,
        }),
        provisioned_throughput: Some(throughput(5, 5)),
        ..Default::default()
    }]);
    db.create_table(input).await.expect("create table");
    until_active(db, &name).await;
    name
}

/// The item `pk`/`sk` with `g` (when given) and a payload `v`.
pub(crate) fn row(pk: &str, sk: &str, g: Option<&str>, v: &str) -> Item {
    let mut it = item(&[("pk", s(pk)), ("sk", n(sk)), ("v", s(v))]);
    if let Some(g) = g {
        it.insert("g".to_owned(), s(g));
    }
    it
}

/// The items of a table and of its index `by_g`, each as a sorted set of their JSON, and the
/// counts DescribeTable gives: what a restore must reproduce exactly.
#[derive(Debug, PartialEq)]
pub(crate) struct State {
    items: BTreeSet<String>,
    index: BTreeSet<String>,
    item_count: Option<i64>,
    size: Option<i64>,
    index_count: Option<i64>,
    index_size: Option<i64>,
}

fn as_set(items: Vec<Item>) -> BTreeSet<String> {
    items
        .iter()
        .map(|i| {
            let sorted: std::collections::BTreeMap<_, _> = i.iter().collect();
            format!("{sorted:?}")
        })
        .collect()
}

/// The state of `table` now.
pub(crate) async fn state(db: &dyn DynamoDb, table: &str) -> State {
    let (items, _) = scan_all(db, scan_input(table)).await;
    let mut index_scan = scan_input(table);
    index_scan.index_name = Some("by_g".to_owned());
    let (index, _) = scan_all(db, index_scan).await;
    let d = describe(db, table).await;
    let gsi = d
        .global_secondary_indexes
        .iter()
        .flatten()
        .find(|g| g.index_name.as_deref() == Some("by_g"));
    State {
        items: as_set(items),
        index: as_set(index),
        item_count: d.item_count,
        size: d.table_size_bytes,
        index_count: gsi.and_then(|g| g.item_count),
        index_size: gsi.and_then(|g| g.index_size_bytes),
    }
}

async fn backup(db: &dyn DynamoDb, table: &str, name: &str) -> String {
    let details = db
        .create_backup(CreateBackupInput {
            table_name: Some(table.to_owned()),
            backup_name: Some(name.to_owned()),
        })
        .await
        .expect("create backup")
        .backup_details
        .expect("backup details");
    assert_eq!(details.backup_name.as_deref(), Some(name));
    assert_eq!(details.backup_type, Some(BackupType::User));
    let arn = details.backup_arn.expect("a backup ARN");
    assert!(arn.starts_with("arn:aws:dynamodb:"), "{arn}");
    assert!(arn.contains(&format!(":table/{table}/backup/")), "{arn}");
    until_available(db, &arn).await;
    arn
}

/// Waits until backup `arn` is AVAILABLE (at once on ddbmock with no status delay).
async fn until_available(db: &dyn DynamoDb, arn: &str) {
    const PATIENCE: std::time::Duration = std::time::Duration::from_secs(600);
    let began = std::time::Instant::now();
    loop {
        let status = describe_backup(db, arn)
            .await
            .backup_details
            .and_then(|d| d.backup_status);
        if status == Some(BackupStatus::Available) {
            return;
        }
        assert!(
            began.elapsed() < PATIENCE,
            "backup {arn} not AVAILABLE: {status:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    }
}

async fn describe_backup(db: &dyn DynamoDb, arn: &str) -> BackupDescription {
    db.describe_backup(DescribeBackupInput {
        backup_arn: Some(arn.to_owned()),
    })
    .await
    .expect("describe backup")
    .backup_description
    .expect("a backup description")
}

fn restore_input(arn: &str, target: &str) -> RestoreTableFromBackupInput {
    RestoreTableFromBackupInput {
        target_table_name: Some(target.to_owned()),
        backup_arn: Some(arn.to_owned()),
        ..Default::default()
    }
}

/// Backup, then change the table, then restore: the restored table is the table as it was
/// (items, index entries, item counts and sizes), the source keeps its changes, and the backup
/// describes its source.
pub async fn backup_then_restore(db: &dyn DynamoDb) {
    let t = indexed_table(db, "bk").await;
    put(db, &t, row("a", "1", Some("x"), "one")).await;
    put(db, &t, row("a", "2", Some("y"), "two")).await;
    put(db, &t, row("b", "1", None, "three")).await;
    let before = state(db, &t).await;
    assert_eq!(before.item_count, Some(3));

    let arn = backup(db, &t, "before-changes").await;
    let d = describe_backup(db, &arn).await;
    let source = d.source_table_details.expect("source table details");
    assert_eq!(source.table_name.as_deref(), Some(t.as_str()));
    assert_eq!(source.item_count, Some(3));
    assert_eq!(source.table_size_bytes, before.size);
    assert_eq!(source.billing_mode, Some(BillingMode::Provisioned));
    let features = d.source_table_feature_details.expect("feature details");
    let gsis = features.global_secondary_indexes.expect("the index");
    assert_eq!(gsis[0].index_name.as_deref(), Some("by_g"));

    db.delete_item(DeleteItemInput {
        table_name: Some(t.clone()),
        key: Some(item(&[("pk", s("a")), ("sk", n("1"))])),
        ..Default::default()
    })
    .await
    .expect("delete");
    put(db, &t, row("a", "2", Some("z"), "two, changed")).await;
    put(db, &t, row("c", "9", Some("x"), "new")).await;
    let after = state(db, &t).await;
    assert_ne!(after, before);

    let target = unique_name("bk-restored");
    let out = db
        .restore_table_from_backup(restore_input(&arn, &target))
        .await
        .expect("restore")
        .table_description
        .expect("a table description");
    assert_eq!(out.table_name.as_deref(), Some(target.as_str()));
    until_active(db, &target).await;
    assert_eq!(
        state(db, &target).await,
        before,
        "the restored table is the backup"
    );
    assert_eq!(state(db, &t).await, after, "the source keeps its changes");
    let restored = describe(db, &target).await;
    let summary = restored.restore_summary.expect("a restore summary");
    assert_eq!(summary.source_backup_arn.as_deref(), Some(arn.as_str()));
    assert_eq!(summary.source_table_arn, describe(db, &t).await.table_arn);
    assert_eq!(summary.restore_in_progress, Some(false));
    let q = QueryInput {
        table_name: Some(target.clone()),
        index_name: Some("by_g".to_owned()),
        key_condition_expression: Some("g = :g".to_owned()),
        expression_attribute_values: Some(item(&[(":g", s("y"))])),
        ..Default::default()
    };
    let (found, _) = query_all(db, q).await;
    assert_eq!(found, vec![row("a", "2", Some("y"), "two")]);

    // The restored table is an ordinary table.
    put(db, &target, row("d", "1", None, "later")).await;
    assert_eq!(describe(db, &target).await.item_count, Some(4));
    assert_eq!(state(db, &t).await, after);
}

/// A restore with overrides: on demand, without the global index, with encryption.
pub async fn restore_with_overrides(db: &dyn DynamoDb) {
    let t = indexed_table(db, "bko").await;
    put(db, &t, row("a", "1", Some("x"), "one")).await;
    let arn = backup(db, &t, "overrides").await;
    let target = unique_name("bko-restored");
    let mut input = restore_input(&arn, &target);
    input.billing_mode_override = Some(BillingMode::PayPerRequest);
    input.global_secondary_index_override = Some(Vec::new());
    input.sse_specification_override = Some(SseSpecification {
        enabled: Some(true),
        sse_type: Some(SseType::Kms),
        kms_master_key_id: None,
    });
    db.restore_table_from_backup(input).await.expect("restore");
    until_active(db, &target).await;
    let d = describe(db, &target).await;
    assert_eq!(
        d.billing_mode_summary.and_then(|b| b.billing_mode),
        Some(BillingMode::PayPerRequest)
    );
    assert_eq!(d.global_secondary_indexes, None);
    assert_eq!(
        d.attribute_definitions.map(|a| a.len()),
        Some(2),
        "the dropped index's key is no longer defined"
    );
    assert_eq!(
        d.sse_description.and_then(|s| s.status),
        Some(SseStatus::Enabled)
    );
    assert_eq!(d.item_count, Some(1));
    let got = get(db, &target, item(&[("pk", s("a")), ("sk", n("1"))])).await;
    assert_eq!(got, Some(row("a", "1", Some("x"), "one")));

    // An override can leave indexes out, not add one.
    let mut input = restore_input(&arn, &unique_name("bko-bad"));
    input.global_secondary_index_override = Some(vec![GlobalSecondaryIndex {
        index_name: Some("other".to_owned()),
        key_schema: Some(vec![key("g", KeyType::Hash)]),
        projection: Some(Projection {
            projection_type: Some(ProjectionType::All),
            non_key_attributes: None,
        }),
        provisioned_throughput: Some(throughput(5, 5)),
        ..Default::default()
    }]);
    assert_error(
        db.restore_table_from_backup(input).await,
        "ValidationException",
        "One or more parameter values were invalid: The index other in the override does not match an index of the source table",
    );
}

async fn list(db: &dyn DynamoDb, input: ListBackupsInput) -> (Vec<String>, Option<String>) {
    let out = db.list_backups(input).await.expect("list backups");
    let arns = out
        .backup_summaries
        .unwrap_or_default()
        .into_iter()
        .filter_map(|b| b.backup_arn)
        .collect();
    (arns, out.last_evaluated_backup_arn)
}

/// ListBackups by table, type and time, a page at a time; DeleteBackup removes a backup from
/// the list and from DescribeBackup.
pub async fn list_and_delete_backups(db: &dyn DynamoDb) {
    let t = new_table(db, "bkl", false).await;
    let other = new_table(db, "bkl-other", false).await;
    let mut arns = Vec::new();
    for i in 0..3 {
        arns.push(backup(db, &t, &format!("bk{i}")).await);
    }
    let theirs = backup(db, &other, "theirs").await;
    let of_t = |limit: Option<i32>, start: Option<String>| ListBackupsInput {
        table_name: Some(t.clone()),
        limit,
        exclusive_start_backup_arn: start,
        ..Default::default()
    };
    let (all, last) = list(db, of_t(None, None)).await;
    assert_eq!(all, arns, "in creation order, only the table's");
    assert_eq!(last, None);
    let (first, last) = list(db, of_t(Some(2), None)).await;
    assert_eq!(first, arns[..2]);
    assert_eq!(last.as_deref(), Some(arns[1].as_str()));
    let (rest, last) = list(db, of_t(Some(2), last)).await;
    assert_eq!(rest, arns[2..]);
    assert_eq!(last, None);

    let mut system = of_t(None, None);
    system.backup_type = Some(BackupTypeFilter::System);
    assert_eq!(list(db, system).await.0, Vec::<String>::new());
    let mut all_types = of_t(None, None);
    all_types.backup_type = Some(BackupTypeFilter::All);
    assert_eq!(list(db, all_types).await.0, arns);
    let created = describe_backup(db, &arns[0])
        .await
        .backup_details
        .and_then(|d| d.backup_creation_date_time)
        .expect("a creation time");
    let mut later = of_t(None, None);
    later.time_range_lower_bound = Some(created + 86_400.0);
    assert_eq!(list(db, later).await.0, Vec::<String>::new());
    let mut earlier = of_t(None, None);
    earlier.time_range_upper_bound = Some(created);
    assert_eq!(
        list(db, earlier).await.0,
        Vec::<String>::new(),
        "the upper bound is exclusive"
    );

    let deleted = db
        .delete_backup(DeleteBackupInput {
            backup_arn: Some(arns[1].clone()),
        })
        .await
        .expect("delete backup")
        .backup_description
        .and_then(|d| d.backup_details)
        .expect("backup details");
    assert_eq!(deleted.backup_status, Some(BackupStatus::Deleted));
    assert_eq!(
        list(db, of_t(None, None)).await.0,
        [arns[0].clone(), arns[2].clone()]
    );
    assert_error(
        db.describe_backup(DescribeBackupInput {
            backup_arn: Some(arns[1].clone()),
        })
        .await,
        "BackupNotFoundException",
        "Backup not found for the given BackupARN.",
    );
    // The other table's backup is untouched, and restores.
    let target = unique_name("bkl-restored");
    db.restore_table_from_backup(restore_input(&theirs, &target))
        .await
        .expect("restore");
}

/// Each misuse gets DynamoDB's exception.
pub async fn backup_errors(db: &dyn DynamoDb) {
    let missing = unique_name("bke-missing");
    assert_error(
        db.create_backup(CreateBackupInput {
            table_name: Some(missing.clone()),
            backup_name: Some("b".repeat(3)),
        })
        .await,
        "TableNotFoundException",
        "A source table with the name TableName does not currently exist within the subscriber's account or the subscriber is operating in the wrong Amazon Web Services Region.",
    );
    let t = new_table(db, "bke", false).await;
    assert_error(
        db.create_backup(CreateBackupInput {
            table_name: Some(t.clone()),
            backup_name: Some("b".to_owned()),
        })
        .await,
        "ValidationException",
        "1 validation error detected: Value 'b' at 'backupName' failed to satisfy constraint: Member must have length greater than or equal to 3",
    );
    assert_error(
        db.create_backup(CreateBackupInput {
            table_name: Some(t.clone()),
            backup_name: None,
        })
        .await,
        "ValidationException",
        "1 validation error detected: Value null at 'backupName' failed to satisfy constraint: Member must not be null",
    );
    let not_found = "Backup not found for the given BackupARN.";
    assert_error(
        db.describe_backup(DescribeBackupInput {
            backup_arn: Some(NO_BACKUP.to_owned()),
        })
        .await,
        "BackupNotFoundException",
        not_found,
    );
    assert_error(
        db.delete_backup(DeleteBackupInput {
            backup_arn: Some(NO_BACKUP.to_owned()),
        })
        .await,
        "BackupNotFoundException",
        not_found,
    );
    assert_error(
        db.restore_table_from_backup(restore_input(NO_BACKUP, &unique_name("bke-target")))
            .await,
        "BackupNotFoundException",
        not_found,
    );
    let arn = backup(db, &t, "errors").await;
    assert_error(
        db.restore_table_from_backup(restore_input(&arn, &t)).await,
        "TableAlreadyExistsException",
        "A target table with the specified name already exists.",
    );
    assert_error(
        db.restore_table_from_backup(restore_input(&arn, "x")).await,
        "ValidationException",
        "1 validation error detected: Value 'x' at 'targetTableName' failed to satisfy constraint: Member must have length greater than or equal to 3",
    );
}
