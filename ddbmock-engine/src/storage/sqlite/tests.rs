//! The SQLite store's own tests: the backend suite, file checks, crash and lock behaviour.

use super::file::FORMAT_VERSION;
use super::*;
use ddbmock_core::model::AttributeValue;
use std::ops::ControlFlow;

fn item(n: u64) -> Arc<Item> {
    Arc::new(Item::from([(
        "n".to_owned(),
        AttributeValue::N(n.to_string()),
    )]))
}

fn put(space: SpaceId, n: u64) -> Write {
    Write::Put {
        space,
        key: n.to_be_bytes().to_vec(),
        item: item(n),
    }
}

fn count(store: &dyn Storage, space: SpaceId) -> usize {
    let mut n = 0;
    store
        .scan(
            space,
            Bound::Unbounded,
            Bound::Unbounded,
            false,
            &mut |_, _| {
                n += 1;
                ControlFlow::Continue(())
            },
        )
        .unwrap();
    n
}

#[test]
fn sqlite_store_passes_the_storage_suite() {
    crate::storage::suite::run(&SqliteStorage::temp().unwrap());
}

#[test]
fn full_durability_passes_the_storage_suite() {
    let store =
        SqliteStorage::temp_with(SqliteOptions::default().durability(Durability::Full)).unwrap();
    crate::storage::suite::run(&store);
}

/// The writer's `PRAGMA synchronous`: 0 is OFF, 1 NORMAL, 2 FULL.
fn synchronous(store: &SqliteStorage) -> i64 {
    store
        .writer
        .lock()
        .conn
        .pragma_query_value(None, "synchronous", |r| r.get(0))
        .unwrap()
}

#[test]
fn only_a_temporary_database_at_normal_durability_skips_syncs() {
    let dir = tempfile::tempdir().unwrap();
    let file = SqliteStorage::open(dir.path().join("db.sqlite")).unwrap();
    assert_eq!(synchronous(&file), 1);
    let full = SqliteOptions::default().durability(Durability::Full);
    let file_full = SqliteStorage::open_with(dir.path().join("full.sqlite"), full.clone()).unwrap();
    assert_eq!(synchronous(&file_full), 2);
    let temp = SqliteStorage::temp().unwrap();
    assert_eq!(synchronous(&temp), 0);
    assert_eq!(synchronous(&SqliteStorage::temp_with(full).unwrap()), 2);
}

#[test]
fn the_checkpoint_thread_copies_the_log_into_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db.sqlite");
    let store =
        SqliteStorage::open_with(&path, SqliteOptions::default().commits_per_checkpoint(10))
            .unwrap();
    store.write(vec![Write::CreateSpace(1)]).unwrap();
    let empty = std::fs::metadata(&path).unwrap().len();
    // 200 commits are a few hundred log pages, far below the writer's own checkpoint: only the
    // thread copies them into the database file.
    for n in 0..200 {
        store.write(vec![put(1, n)]).unwrap();
    }
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    while std::fs::metadata(&path).unwrap().len() == empty {
        assert!(
            std::time::Instant::now() < deadline,
            "no checkpoint copied the log into the file"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
    drop(store);
    assert_eq!(count(&SqliteStorage::open(&path).unwrap(), 1), 200);
}

#[test]
fn a_reopened_file_keeps_items_spaces_and_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db.sqlite");
    {
        let store = SqliteStorage::open(&path).unwrap();
        store
            .write(vec![
                Write::CreateSpace(7),
                Write::CreateSpace(8),
                put(7, 1),
                put(7, 2),
                Write::Meta {
                    name: "table/t".into(),
                    value: Some(b"desc".to_vec()),
                },
            ])
            .unwrap();
    }
    let store = SqliteStorage::open(&path).unwrap();
    assert_eq!(store.get(7, &1u64.to_be_bytes()).unwrap(), Some(item(1)));
    assert_eq!(count(&store, 7), 2);
    assert_eq!(count(&store, 8), 0);
    assert_eq!(
        store.metadata().unwrap(),
        [("table/t".to_owned(), b"desc".to_vec())]
    );
}

#[test]
fn a_temporary_database_is_deleted_on_drop() {
    let store = SqliteStorage::temp().unwrap();
    let dir = store.path().parent().unwrap().to_path_buf();
    store.write(vec![Write::CreateSpace(1), put(1, 1)]).unwrap();
    assert!(dir.exists());
    drop(store);
    assert!(!dir.exists());
}

#[test]
fn a_batch_naming_a_missing_space_changes_nothing() {
    let store = SqliteStorage::temp().unwrap();
    store.write(vec![Write::CreateSpace(1)]).unwrap();
    let err = store.write(vec![put(1, 1), put(2, 2)]).unwrap_err();
    assert!(matches!(err, StorageError::NoSuchSpace(2)), "{err}");
    assert_eq!(count(&store, 1), 0);
    assert!(matches!(
        store.scan(2, Bound::Unbounded, Bound::Unbounded, false, &mut |_, _| {
            ControlFlow::Continue(())
        }),
        Err(StorageError::NoSuchSpace(2))
    ));
}

/// A write to a keyspace the writer remembers must still fail once the keyspace is gone.
fn assert_no_space(result: Result<(), StorageError>, space: SpaceId) {
    match result {
        Err(StorageError::NoSuchSpace(s)) => assert_eq!(s, space),
        other => panic!("expected NoSuchSpace({space}), got {other:?}"),
    }
}

#[test]
fn a_keyspace_dropped_by_another_store_on_the_file_is_missing_for_this_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db.sqlite");
    let a = SqliteStorage::open(&path).unwrap();
    let b = SqliteStorage::open(&path).unwrap();
    a.write(vec![Write::CreateSpace(1)]).unwrap();
    // `a` now remembers keyspace 1 twice over: it created it and wrote to it.
    a.write(vec![put(1, 1)]).unwrap();
    b.write(vec![Write::DropSpace(1)]).unwrap();
    assert_no_space(a.write(vec![put(1, 2)]), 1);
    assert_no_space(
        a.write(vec![Write::Delete {
            space: 1,
            key: vec![1],
        }]),
        1,
    );
    b.write(vec![Write::CreateSpace(1)]).unwrap();
    a.write(vec![put(1, 3)]).unwrap();
    assert_eq!(count(&b, 1), 1);
}

#[test]
fn a_keyspace_dropped_earlier_in_a_batch_is_missing_later_in_it() {
    let store = SqliteStorage::temp().unwrap();
    store.write(vec![Write::CreateSpace(1)]).unwrap();
    store.write(vec![put(1, 1)]).unwrap();
    assert_no_space(store.write(vec![Write::DropSpace(1), put(1, 2)]), 1);
    assert_eq!(count(&store, 1), 1, "the failed batch changed nothing");
    store
        .write(vec![
            Write::DropSpace(1),
            Write::CopySpace { from: 2, to: 1 },
        ])
        .unwrap_err();
    // Dropped, then made again as a copy: the batch's later writes see it.
    store.write(vec![Write::CreateSpace(2), put(2, 7)]).unwrap();
    store
        .write(vec![
            Write::DropSpace(1),
            Write::CopySpace { from: 2, to: 1 },
            put(1, 8),
        ])
        .unwrap();
    assert_eq!(count(&store, 1), 2);
    store.write(vec![Write::DropSpace(1)]).unwrap();
    assert_no_space(store.write(vec![put(1, 9)]), 1);
}

#[test]
fn a_keyspace_created_by_a_failed_batch_does_not_exist() {
    let store = SqliteStorage::temp().unwrap();
    assert_no_space(
        store.write(vec![Write::CreateSpace(1), put(1, 1), put(2, 2)]),
        2,
    );
    assert_no_space(store.write(vec![put(1, 3)]), 1);
    store.write(vec![Write::CreateSpace(1)]).unwrap();
    store.write(vec![put(1, 4)]).unwrap();
    assert_eq!(count(&store, 1), 1);
}

#[test]
fn scans_respect_every_bound_in_both_directions() {
    let store = SqliteStorage::temp().unwrap();
    let mut batch = vec![Write::CreateSpace(1)];
    batch.extend((0..10).map(|n| put(1, n)));
    store.write(batch).unwrap();
    let key = |n: u64| n.to_be_bytes();
    let (k2, k5) = (key(2), key(5));
    type Case<'a> = (Bound<&'a [u8]>, Bound<&'a [u8]>, Vec<u64>);
    let cases: [Case<'_>; 5] = [
        (Bound::Included(&k2), Bound::Included(&k5), vec![2, 3, 4, 5]),
        (Bound::Excluded(&k2), Bound::Excluded(&k5), vec![3, 4]),
        (Bound::Unbounded, Bound::Excluded(&k2), vec![0, 1]),
        (Bound::Excluded(&k5), Bound::Included(&k2), vec![]),
        (Bound::Included(&k5), Bound::Excluded(&k5), vec![]),
    ];
    for (start, end, want) in cases {
        for reverse in [false, true] {
            let mut got = Vec::new();
            store
                .scan(1, start, end, reverse, &mut |k, _| {
                    got.push(u64::from_be_bytes(k.try_into().unwrap()));
                    ControlFlow::Continue(())
                })
                .unwrap();
            let mut want = want.clone();
            if reverse {
                want.reverse();
            }
            assert_eq!(got, want, "{start:?} {end:?} reverse={reverse}");
        }
    }
}

#[test]
fn concurrent_readers_see_whole_batches_while_a_writer_commits() {
    // Each batch puts two entries with the same number; a reader must never see them differ.
    let store = Arc::new(SqliteStorage::temp().unwrap());
    store.write(vec![Write::CreateSpace(1)]).unwrap();
    let pair = |n: u64| {
        vec![
            Write::Put {
                space: 1,
                key: b"a".to_vec(),
                item: item(n),
            },
            Write::Put {
                space: 1,
                key: b"b".to_vec(),
                item: item(n),
            },
        ]
    };
    store.write(pair(0)).unwrap();
    let done = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|s| {
        s.spawn(|| {
            for n in 1..=300 {
                store.write(pair(n)).unwrap();
            }
            done.store(true, std::sync::atomic::Ordering::Release);
        });
        let readers: Vec<_> = (0..4)
            .map(|_| {
                s.spawn(|| {
                    let mut last = 0;
                    let mut reads = 0;
                    while !done.load(std::sync::atomic::Ordering::Acquire) || reads < 100 {
                        let mut seen = Vec::new();
                        store
                            .scan(1, Bound::Unbounded, Bound::Unbounded, false, &mut |_, v| {
                                seen.push(v.clone());
                                ControlFlow::Continue(())
                            })
                            .unwrap();
                        assert_eq!(seen.len(), 2);
                        assert_eq!(seen[0], seen[1], "a torn batch");
                        let Some(AttributeValue::N(n)) = seen[0].get("n") else {
                            panic!("not an item of this test")
                        };
                        let n: u64 = n.parse().unwrap();
                        assert!(n >= last, "time went backwards");
                        last = n;
                        assert!(store.get(1, b"a").unwrap().is_some());
                        reads += 1;
                    }
                })
            })
            .collect();
        for r in readers {
            r.join().unwrap();
        }
    });
    assert_eq!(store.get(1, b"b").unwrap(), Some(item(300)));
}

#[test]
fn two_stores_on_one_file_never_report_a_locked_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db.sqlite");
    let a = SqliteStorage::open(&path).unwrap();
    let b = SqliteStorage::open(&path).unwrap();
    a.write(vec![Write::CreateSpace(1)]).unwrap();
    std::thread::scope(|s| {
        for (store, base) in [(&a, 0), (&b, 1000)] {
            s.spawn(move || {
                for n in 0..200 {
                    store.write(vec![put(1, base + n)]).unwrap();
                }
            });
        }
    });
    assert_eq!(count(&a, 1), 400);
}

#[test]
fn a_fork_is_an_independent_persistent_copy() {
    let store = SqliteStorage::temp().unwrap();
    store
        .write(vec![
            Write::CreateSpace(1),
            put(1, 1),
            Write::Meta {
                name: "m".into(),
                value: Some(vec![1]),
            },
        ])
        .unwrap();
    let fork = store.fork().unwrap();
    fork.write(vec![put(1, 2)]).unwrap();
    assert_eq!(count(&store, 1), 1);
    assert_eq!(count(fork.as_ref(), 1), 2);
    assert_eq!(fork.metadata().unwrap(), store.metadata().unwrap());
}

fn assert_untouched(path: &Path, bytes: &[u8], err: StorageError, want: &str) {
    assert_eq!(err.to_string(), want);
    assert_eq!(std::fs::read(path).unwrap(), bytes, "the file was changed");
}

#[test]
fn a_file_that_is_not_sqlite_is_refused_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("random.bin");
    let bytes: Vec<u8> = (0..8192u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    std::fs::write(&path, &bytes).unwrap();
    let err = SqliteStorage::open(&path).unwrap_err();
    let want = format!(
        "{} is not a ddbmock database (not an SQLite file); it was left untouched",
        path.display()
    );
    assert_untouched(&path, &bytes, err, &want);
}

#[test]
fn another_applications_sqlite_file_is_refused_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.sqlite");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE TABLE users (id INTEGER PRIMARY KEY); INSERT INTO users VALUES (1);",
        )
        .unwrap();
    }
    let bytes = std::fs::read(&path).unwrap();
    let err = SqliteStorage::open(&path).unwrap_err();
    let want = format!(
        "{} is not a ddbmock database (an SQLite database of another application); it was left untouched",
        path.display()
    );
    assert_untouched(&path, &bytes, err, &want);

    let conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "application_id", 0x1234).unwrap();
    drop(conn);
    let bytes = std::fs::read(&path).unwrap();
    let err = SqliteStorage::open(&path).unwrap_err();
    let want = format!(
        "{} is not a ddbmock database (an SQLite database with application id 0x1234); it was left untouched",
        path.display()
    );
    assert_untouched(&path, &bytes, err, &want);
}

#[test]
fn a_database_of_another_format_version_is_refused_and_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db.sqlite");
    drop(SqliteStorage::open(&path).unwrap());
    let conn = Connection::open(&path).unwrap();
    conn.pragma_update(None, "user_version", FORMAT_VERSION + 1)
        .unwrap();
    drop(conn);
    let bytes = std::fs::read(&path).unwrap();
    let err = SqliteStorage::open(&path).unwrap_err();
    let want = format!(
        "{} is a ddbmock database of format version 2, but this build reads only version 1; it was left untouched",
        path.display()
    );
    assert_untouched(&path, &bytes, err, &want);
}

/// Set to a path, makes [`hold_a_file_open`] a helper process that holds that database.
const HOLD_ENV: &str = "DDBMOCK_TEST_HOLD_DATABASE";

#[test]
fn another_process_cannot_open_a_file_in_use() {
    use std::io::BufRead;
    // Re-run by itself with HOLD_ENV set, this test is the other process: it holds the file
    // open until its standard input closes.
    if let Some(path) = std::env::var_os(HOLD_ENV) {
        let _store = SqliteStorage::open(path).unwrap();
        println!("holding");
        let _ = std::io::stdin().read_line(&mut String::new());
        return;
    }
    use std::process::{Command, Stdio};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db.sqlite");
    drop(SqliteStorage::open(&path).unwrap());
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "storage::sqlite::tests::another_process_cannot_open_a_file_in_use",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(HOLD_ENV, &path)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    while !line.contains("holding") {
        line.clear();
        assert_ne!(out.read_line(&mut line).unwrap(), 0, "the helper exited");
    }
    let err = SqliteStorage::open(&path).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("{} is in use by another process", path.display())
    );
    drop(child.stdin.take());
    assert!(child.wait().unwrap().success());
    SqliteStorage::open(&path).unwrap();
}

#[test]
fn an_empty_file_becomes_a_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.sqlite");
    std::fs::write(&path, b"").unwrap();
    let store = SqliteStorage::open(&path).unwrap();
    store.write(vec![Write::CreateSpace(1), put(1, 1)]).unwrap();
    assert_eq!(count(&store, 1), 1);
}

#[test]
fn a_corrupt_item_is_an_error_not_a_panic() {
    let store = SqliteStorage::temp().unwrap();
    store.write(vec![Write::CreateSpace(1)]).unwrap();
    let conn = connect(store.path(), OpenFlags::empty()).unwrap();
    conn.execute(
        "INSERT INTO items (space, key, item) VALUES (1, x'01', x'0105')",
        [],
    )
    .unwrap();
    let err = store.get(1, &[1]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "storage failure: corrupt item encoding: count exceeds the remaining bytes"
    );
}
