//! The SQLite store for `#[ddbmock::test(sqlite)]`: a database file under the target directory,
//! removed when the test passes, kept (and its path printed) when it fails.

use std::path::PathBuf;

use super::Config;
use crate::Engine;

/// A test's SQLite database file and the engine over it.
// Not constructed until the SQLite store (`Engine::temp_sqlite`) lands in ddbmock-core; the rest of
// the lifecycle is in place so that only `create` changes then.
#[allow(dead_code)]
pub(super) struct TempDatabase {
    engine: Engine,
    path: PathBuf,
    test: &'static str,
    finished: bool,
}

impl TempDatabase {
    /// Creates the database for one run of `config`'s test.
    pub(super) fn create(config: &Config) -> Result<TempDatabase, String> {
        let dir = database_dir(config);
        Err(format!(
            "the SQLite store is not part of this build of ddbmock yet (the database would be under {})",
            dir.display()
        ))
    }

    /// The engine over the database.
    pub(super) fn engine(&self) -> &Engine {
        &self.engine
    }

    /// Removes the database when the test passed; keeps it and says where when it failed.
    pub(super) fn finish(mut self, passed: bool) {
        self.finished = true;
        if passed {
            remove(&self.path);
        } else {
            keep(self.test, &self.path);
        }
    }
}

impl Drop for TempDatabase {
    fn drop(&mut self) {
        // Not finished: the body panicked (a failed assertion); keep the evidence.
        if !self.finished {
            keep(self.test, &self.path);
        }
    }
}

fn remove(path: &std::path::Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut file = path.as_os_str().to_owned();
        file.push(suffix);
        // A file that is already gone is what we wanted.
        let _ = std::fs::remove_file(file);
    }
}

fn keep(test: &str, path: &std::path::Path) {
    eprintln!(
        "ddbmock: {test} failed; its SQLite database is kept at {}",
        path.display()
    );
}

/// `target/ddbmock` (or `CARGO_TARGET_TMPDIR/ddbmock` in integration tests), found from the test
/// binary's own path (`target/<profile>/deps/…`) when cargo did not say.
fn database_dir(config: &Config) -> PathBuf {
    if let Some(dir) = config.target_tmpdir {
        return PathBuf::from(dir).join("ddbmock");
    }
    std::env::current_exe()
        .ok()
        .and_then(|exe| {
            exe.ancestors()
                .nth(3)
                .map(|target| target.join("tmp").join("ddbmock"))
        })
        .unwrap_or_else(|| std::env::temp_dir().join("ddbmock"))
}
