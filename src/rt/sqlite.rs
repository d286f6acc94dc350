//! The SQLite store for `#[ddbmock::test(sqlite)]`: a database file under the target directory,
//! removed when the test passes, kept (and its path printed) when it fails.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use super::Config;
use crate::Engine;

/// A test's SQLite database file and the engine over it.
pub(super) struct TempDatabase {
    /// `None` once finished: the engine is dropped (closing the file) before the file is removed.
    engine: Option<Engine>,
    path: PathBuf,
    test: &'static str,
}

impl TempDatabase {
    /// Creates the database for one run of `config`'s test.
    pub(super) fn create(config: &Config) -> Result<TempDatabase, String> {
        // Unique within the process (a body may run on several stores, a test binary runs many tests)
        // and across processes (two test binaries may share a target directory).
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let dir = database_dir(config);
        std::fs::create_dir_all(&dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        let name: String = config
            .name
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '_' {
                    c
                } else {
                    '-'
                }
            })
            .collect();
        let path = dir.join(format!(
            "{name}-{}-{}.sqlite3",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        let engine =
            Engine::sqlite(&path).map_err(|e| format!("cannot open {}: {e}", path.display()))?;
        Ok(TempDatabase {
            engine: Some(engine),
            path,
            test: config.name,
        })
    }

    /// The engine over the database.
    pub(super) fn engine(&self) -> Option<&Engine> {
        self.engine.as_ref()
    }

    /// Removes the database when the test passed; keeps it and says where when it failed.
    pub(super) fn finish(mut self, passed: bool) {
        self.engine = None;
        if passed {
            remove(&self.path);
        } else {
            keep(self.test, &self.path);
        }
    }
}

impl Drop for TempDatabase {
    fn drop(&mut self) {
        // Still open: the body panicked (a failed assertion) before `finish`; keep the evidence.
        if self.engine.take().is_some() {
            keep(self.test, &self.path);
        }
    }
}

fn remove(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let mut file = path.as_os_str().to_owned();
        file.push(suffix);
        // A file that is already gone is what we wanted.
        let _ = std::fs::remove_file(file);
    }
}

fn keep(test: &str, path: &Path) {
    eprintln!(
        "ddbmock: {test} failed; its SQLite database is kept at {}",
        path.display()
    );
}

/// `CARGO_TARGET_TMPDIR/ddbmock` in integration tests; elsewhere `target/tmp/ddbmock`, found from the
/// test binary's own path (`target/<profile>/deps/<binary>`).
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

#[cfg(test)]
mod tests {
    use super::*;

    const CONFIG: Config = Config {
        name: "rt::sqlite::t",
        manifest_dir: "",
        target_tmpdir: None,
        fixtures: &[],
        stores: &[],
    };

    #[test]
    fn a_passing_test_removes_its_database() {
        let db = TempDatabase::create(&CONFIG).unwrap();
        let path = db.path.clone();
        assert!(path.exists());
        db.finish(true);
        assert!(!path.exists());
    }

    #[test]
    fn a_failing_test_keeps_its_database() {
        let db = TempDatabase::create(&CONFIG).unwrap();
        let path = db.path.clone();
        db.finish(false);
        assert!(path.exists());
        remove(&path);
    }
}
