//! The writer's memory of which keyspaces exist, so that a write to a keyspace it already knows
//! needs no lookup in the file.
//!
//! Why: every write must fail on a missing keyspace, and looking it up was a statement of its own
//! on every commit — 6% of the instructions of a one-item write. The memory is of the file as this
//! store's writer left it, so it holds only while no other connection has changed the file. SQLite
//! counts the changes to a file from every connection (`SQLITE_FCNTL_DATA_VERSION`): the writer
//! records the count after each of its commits and forgets what it knew when, inside its next
//! transaction, the count is another. (Only another store opened on the same file, in this process,
//! can change it: the file is locked against other processes, and this store's other connections
//! only read.)

use std::collections::HashSet;

use rusqlite::{Connection, FileControl, MAIN_DB, OptionalExtension};

use crate::storage::{SpaceId, StorageError};

/// Keyspaces known to exist in the file at data version `version`.
#[derive(Default)]
pub(super) struct Spaces {
    known: HashSet<SpaceId>,
    /// `None` until a commit records it, and after a failed batch.
    version: Option<u32>,
}

fn data_version(conn: &Connection) -> Result<u32, StorageError> {
    let mut version = 0;
    conn.file_control(Some(MAIN_DB), FileControl::DataVersion(&mut version))?;
    Ok(version)
}

impl Spaces {
    /// Forgets everything unless the file is as this writer's last commit left it. Called inside
    /// the write transaction, before its first write.
    pub(super) fn validate(&mut self, conn: &Connection) -> Result<(), StorageError> {
        if self.version != Some(data_version(conn)?) {
            self.known.clear();
            self.version = None;
        }
        Ok(())
    }

    /// Whether `space` is known to have existed when the transaction began.
    pub(super) fn contains(&self, space: SpaceId) -> bool {
        self.known.contains(&space)
    }

    /// After a batch's commit: the keyspaces as the batch left them (`after`), then the data
    /// version the commit left. Infallible, since the batch is committed: without that version,
    /// the memory is only dropped at the next batch.
    pub(super) fn committed(&mut self, conn: &Connection, after: BatchOutcome) {
        for space in &after.dropped {
            self.known.remove(space);
        }
        self.known.extend(after.known);
        self.version = data_version(conn).ok();
    }

    /// After a failed batch: the file may be anything, so nothing is known.
    pub(super) fn forget(&mut self) {
        self.known.clear();
        self.version = None;
    }
}

/// One batch's view of which keyspaces exist, as it goes: the writer's memory of the file before
/// the batch, less what the batch dropped so far, plus what it made and what it looked up and found.
pub(super) struct BatchSpaces<'s> {
    before: &'s Spaces,
    outcome: BatchOutcome,
}

/// What a batch did to the keyspaces: those known to exist after it (made, or looked up and found,
/// and not dropped since), and those it dropped.
#[derive(Default)]
pub(super) struct BatchOutcome {
    known: Vec<SpaceId>,
    dropped: Vec<SpaceId>,
}

impl<'s> BatchSpaces<'s> {
    pub(super) fn new(before: &'s Spaces) -> Self {
        Self {
            before,
            outcome: BatchOutcome::default(),
        }
    }

    /// Fails with [`StorageError::NoSuchSpace`] unless `space` exists, looking it up in the
    /// transaction `tx` only when neither the writer's memory nor this batch tells.
    pub(super) fn ensure(&mut self, tx: &Connection, space: SpaceId) -> Result<(), StorageError> {
        let BatchOutcome { known, dropped } = &self.outcome;
        if known.contains(&space) || (self.before.contains(space) && !dropped.contains(&space)) {
            return Ok(());
        }
        let exists = tx
            .prepare_cached("SELECT 1 FROM spaces WHERE id = ?1")?
            .query_row([super::space_param(space)], |_| Ok(()))
            .optional()?
            .is_some();
        if !exists {
            return Err(StorageError::NoSuchSpace(space));
        }
        self.outcome.known.push(space);
        Ok(())
    }

    /// The batch dropped `space`.
    pub(super) fn dropped(&mut self, space: SpaceId) {
        self.outcome.known.retain(|s| *s != space);
        self.outcome.dropped.push(space);
    }

    /// The batch made `space` (created it, or copied another into it).
    pub(super) fn made(&mut self, space: SpaceId) {
        if !self.outcome.known.contains(&space) {
            self.outcome.known.push(space);
        }
    }

    /// What the batch did, for [`Spaces::committed`] once it is committed.
    pub(super) fn outcome(self) -> BatchOutcome {
        self.outcome
    }
}
