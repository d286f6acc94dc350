//! Checkpoints of the SQLite store, off the request path.
//!
//! A checkpoint copies the write-ahead log into the database file and syncs both, even at
//! `synchronous = NORMAL`. SQLite's automatic checkpoint runs inside the commit that crosses its
//! threshold, so every few thousand writes one caller would wait for two `fsync`s — on the machine
//! this was measured on, ten microseconds a write on average, half the cost of a PutItem. Here a
//! thread of the store's own runs a `PASSIVE` checkpoint every [`COMMITS_PER_CHECKPOINT`] commits (by
//! default) on
//! a connection of its own, while the writer goes on appending to the log: WAL lets both proceed.
//!
//! Durability is unchanged: a commit is durable once its frames are in the log, before and without
//! any checkpoint. The writer keeps SQLite's automatic checkpoint as a backstop at a much larger log
//! (see `WRITER_AUTOCHECKPOINT_PAGES` in the store).
//!
//! # What this thread does not do: start the log over
//!
//! SQLite starts the log over only when a write transaction begins with every frame already
//! copied, and syncs the database file only after a checkpoint that copied every frame. Beside a
//! writer that never pauses, a `PASSIVE` checkpoint never gets there (frames are appended while it
//! copies), so under a steady stream of writes the log grows to the backstop, where one caller's
//! commit copies the rest, syncs the file and the log starts over. Measured on a 2-core VM with a
//! virtio disk (ext4), that is most of the time a sustained insert load spends waiting on I/O.
//! Tried and dropped: a second pass holding the writer's mutex to finish the copy (the writer then
//! waited 10–30 ms for the file's sync instead; repeating unlocked passes first did not converge,
//! the disk being slower than the writer), and syncing the file from this thread between passes
//! (it needs a second descriptor on the file, whose closing would drop the process's lock on it).
//!
//! The thread starts at the first checkpoint a store needs, so the many small databases of a test
//! suite seldom start one.

use std::path::PathBuf;
use std::sync::Arc;
use std::thread::JoinHandle;

use parking_lot::{Condvar, Mutex};
use rusqlite::{Connection, OpenFlags};

/// Commits between two checkpoints by default: about two log frames each, so about 2 MiB of log.
///
/// Why this often: each checkpoint syncs the log it copies, so the writer's backstop checkpoint
/// (where the log starts over, see the module's doc) finds less of it unsynced. Measured with 200,000
/// one-item writes of random keys on a 2-core VM, the writer was blocked on I/O 12–16.5% of the time
/// at 250 and at 100, against 19.5% at 1,000 and 20.5% at 4,000.
pub(super) const COMMITS_PER_CHECKPOINT: u64 = 250;

#[derive(Default)]
struct Signal {
    /// Checkpoints asked for and not yet started.
    wanted: bool,
    stop: bool,
}

/// The store's checkpoint thread, started on demand and stopped (after any checkpoint in progress)
/// on drop.
pub(super) struct Checkpointer {
    path: PathBuf,
    every: u64,
    commits: u64,
    signal: Arc<(Mutex<Signal>, Condvar)>,
    thread: Option<JoinHandle<()>>,
}

impl Checkpointer {
    pub(super) fn new(path: PathBuf, every: u64) -> Self {
        Checkpointer {
            path,
            every: every.max(1),
            commits: 0,
            signal: Arc::default(),
            thread: None,
        }
    }

    /// Counts one commit; every `every`th asks the thread for a checkpoint.
    /// Called with the writer held, so commits are counted one at a time.
    pub(super) fn committed(&mut self) {
        self.commits += 1;
        if !self.commits.is_multiple_of(self.every) {
            return;
        }
        if self.thread.is_none() {
            // A store that cannot start the thread still works: the writer's own automatic
            // checkpoint takes over.
            self.thread = spawn(self.path.clone(), self.signal.clone());
        }
        let (lock, wake) = &*self.signal;
        lock.lock().wanted = true;
        wake.notify_one();
    }
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        let (lock, wake) = &*self.signal;
        lock.lock().stop = true;
        wake.notify_one();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn spawn(path: PathBuf, signal: Arc<(Mutex<Signal>, Condvar)>) -> Option<JoinHandle<()>> {
    let conn = super::connect(&path, OpenFlags::empty()).ok()?;
    conn.busy_timeout(super::BUSY_TIMEOUT).ok()?;
    std::thread::Builder::new()
        .name("ddbmock-checkpoint".into())
        .spawn(move || run(&conn, &signal))
        .ok()
}

fn run(conn: &Connection, signal: &(Mutex<Signal>, Condvar)) {
    let (lock, wake) = signal;
    loop {
        {
            let mut s = lock.lock();
            while !s.wanted && !s.stop {
                wake.wait(&mut s);
            }
            if s.stop {
                return;
            }
            s.wanted = false;
        }
        // PASSIVE never waits for the writer or readers: it copies what it can now, and what it
        // could not is copied by the next one. A failure (say, the disk is full) leaves the log as
        // it is, which is safe; the writer's backstop checkpoint will report the problem.
        let _ = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
    }
}
