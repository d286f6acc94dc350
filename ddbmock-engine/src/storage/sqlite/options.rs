//! The settings of a [`super::SqliteStorage`]: what a commit survives, cache size, checkpoints.

use super::checkpoint;

/// What a committed write survives.
///
/// Both settings use SQLite's write-ahead log, so a crash at any moment leaves each batch wholly applied
/// or not at all, and the file always opens cleanly.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Durability {
    /// `synchronous = NORMAL`: a committed write survives the process being killed at any moment, but the
    /// last commits may be lost if the operating system crashes or the power fails (the log is synced
    /// only at checkpoints). About a tenth of a millisecond a commit. The default: a test database needs
    /// to survive a crashing test or server, not a power cut. A temporary database is not synced at
    /// checkpoints either (`synchronous = OFF`): nothing reads it after a crash.
    #[default]
    Normal,
    /// `synchronous = FULL`: the log is synced on every commit, so a committed write also survives an
    /// operating system crash or power loss, at about ten times the commit cost.
    Full,
}

impl Durability {
    /// The `synchronous` setting that gives this durability to a database file, or to a temporary
    /// one (deleted with its store).
    ///
    /// Why a temporary database at [`Durability::Normal`] is never synced (`OFF`): what `NORMAL`'s
    /// syncs at checkpoints add is a file that opens cleanly after an operating system crash, and
    /// nothing opens a temporary database after its process is gone. A commit still hands its log
    /// frames to the operating system, so a committed write survives the process being killed, as
    /// `Normal` promises. The checkpoint syncs were about a tenth of a new-item PutItem's time
    /// (`examples/sqlite_put_rate`: 18.4–19.2 µs against 15.0–16.7 µs at 350,000 items). `Full`
    /// is kept as asked: it is chosen to pay for a sync per commit.
    pub(super) fn pragma(self, temporary: bool) -> &'static str {
        match self {
            Durability::Normal if temporary => "OFF",
            Durability::Normal => "NORMAL",
            Durability::Full => "FULL",
        }
    }
}

/// Settings of a [`SqliteStorage`].
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct SqliteOptions {
    /// What a committed write survives.
    pub durability: Durability,
    /// The page cache of each connection, in KiB. Items live on disk; this, times the connections open
    /// at once (one writer and the concurrent readers), bounds the memory the store holds.
    pub cache_size_kib: u32,
    /// Commits between two checkpoints of the log into the database file, which run on a thread of
    /// the store's own (see the `checkpoint` module).
    pub commits_per_checkpoint: u64,
}

impl Default for SqliteOptions {
    fn default() -> Self {
        Self {
            durability: Durability::default(),
            cache_size_kib: 4096,
            commits_per_checkpoint: checkpoint::COMMITS_PER_CHECKPOINT,
        }
    }
}

impl SqliteOptions {
    /// These options with `durability`.
    #[must_use]
    pub fn durability(mut self, durability: Durability) -> Self {
        self.durability = durability;
        self
    }

    /// These options with a page cache of `kib` KiB per connection.
    #[must_use]
    pub fn cache_size_kib(mut self, kib: u32) -> Self {
        self.cache_size_kib = kib;
        self
    }

    /// These options with a checkpoint every `commits` commits (at least one).
    #[must_use]
    pub fn commits_per_checkpoint(mut self, commits: u64) -> Self {
        self.commits_per_checkpoint = commits.max(1);
        self
    }
}
