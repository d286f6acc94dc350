//! The local folder that stands for S3 ([`EngineConfig::s3_dir`](crate::EngineConfig::s3_dir)):
//! `s3://bucket/key` is the file `DIR/bucket/key`, and a bucket is a folder of `DIR` that exists.
//!
//! Keys are split at `/` into path components; a key whose components would leave the bucket's
//! folder (`..`, `.`, an empty component, a backslash) is refused as S3 would refuse access, so a
//! request can never read or write outside `DIR`.

use std::path::{Path, PathBuf};

use ddbmock_core::error::msg::export as m;

/// Why an object could not be reached: a failure code and message, as an export or import is
/// described with.
pub(crate) type Failure = (&'static str, &'static str);

/// A bucket of the S3 folder.
#[derive(Clone, Debug)]
pub(crate) struct Bucket {
    root: PathBuf,
}

impl Bucket {
    /// The bucket `name` in the S3 folder `dir`: `NO_SUCH_BUCKET` without a folder, or when the
    /// bucket's folder does not exist.
    pub(crate) fn open(dir: Option<&Path>, name: &str) -> Result<Bucket, Failure> {
        let dir = dir.ok_or(m::NO_SUCH_BUCKET)?;
        if !safe_component(name) {
            return Err(m::NO_SUCH_BUCKET);
        }
        let root = dir.join(name);
        if root.is_dir() {
            Ok(Bucket { root })
        } else {
            Err(m::NO_SUCH_BUCKET)
        }
    }

    /// The file of the object `key`.
    pub(crate) fn path(&self, key: &str) -> Result<PathBuf, Failure> {
        let mut path = self.root.clone();
        for part in key.split('/') {
            if !safe_component(part) {
                return Err(m::ACCESS_DENIED);
            }
            path.push(part);
        }
        Ok(path)
    }

    /// Writes the object `key`, making the folders of its prefix.
    pub(crate) fn put(&self, key: &str, bytes: &[u8]) -> Result<(), Failure> {
        let path = self.path(key)?;
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|_| m::ACCESS_DENIED)?;
        }
        std::fs::write(&path, bytes).map_err(|_| m::ACCESS_DENIED)
    }

    /// Reads the object `key`.
    pub(crate) fn get(&self, key: &str) -> Result<Vec<u8>, Failure> {
        std::fs::read(self.path(key)?).map_err(|_| m::NO_SUCH_KEY)
    }

    /// The keys of the objects whose key starts with `prefix`, in key order, as S3's listing
    /// gives them. A prefix matches keys textually: `data/a` matches `data/a.csv` and
    /// `data/a/b.csv`.
    pub(crate) fn list(&self, prefix: &str) -> Result<Vec<String>, Failure> {
        let mut keys = Vec::new();
        walk(&self.root, "", &mut keys).map_err(|_| m::ACCESS_DENIED)?;
        keys.retain(|k| k.starts_with(prefix));
        keys.sort();
        Ok(keys)
    }
}

/// Collects the keys of the files under `dir`, `at` being `dir`'s key prefix.
fn walk(dir: &Path, at: &str, keys: &mut Vec<String>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let Ok(name) = entry.file_name().into_string() else {
            continue;
        };
        let key = format!("{at}{name}");
        let kind = entry.file_type()?;
        // Symbolic links are not followed: a link cannot take a listing out of the bucket.
        if kind.is_dir() {
            walk(&entry.path(), &format!("{key}/"), keys)?;
        } else if kind.is_file() {
            keys.push(key);
        }
    }
    Ok(())
}

/// Whether `part` can be one path component of a key: not empty, not `.` or `..`, without a
/// backslash or NUL (separators or terminators on some systems).
fn safe_component(part: &str) -> bool {
    !part.is_empty() && part != "." && part != ".." && !part.contains(['\\', '\0'])
}

/// The key of `name` under the request's `prefix` (none, or empty: at the bucket's root).
pub(crate) fn key_under(prefix: Option<&str>, name: &str) -> String {
    match prefix.map(|p| p.trim_end_matches('/')) {
        Some(p) if !p.is_empty() => format!("{p}/{name}"),
        _ => name.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_stay_inside_the_bucket() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("b")).unwrap();
        let bucket = Bucket::open(Some(dir.path()), "b").unwrap();
        assert_eq!(bucket.path("../x").unwrap_err(), m::ACCESS_DENIED);
        assert_eq!(bucket.path("a//x").unwrap_err(), m::ACCESS_DENIED);
        assert_eq!(bucket.path("/x").unwrap_err(), m::ACCESS_DENIED);
        assert_eq!(bucket.path("a/./x").unwrap_err(), m::ACCESS_DENIED);
        assert_eq!(bucket.path("a/x").unwrap(), dir.path().join("b/a/x"));
        assert_eq!(
            Bucket::open(Some(dir.path()), "..").unwrap_err(),
            m::NO_SUCH_BUCKET
        );
        assert_eq!(
            Bucket::open(Some(dir.path()), "missing").unwrap_err(),
            m::NO_SUCH_BUCKET
        );
        assert_eq!(Bucket::open(None, "b").unwrap_err(), m::NO_SUCH_BUCKET);
    }

    #[test]
    fn a_listing_is_by_textual_prefix_in_key_order() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("b")).unwrap();
        let bucket = Bucket::open(Some(dir.path()), "b").unwrap();
        bucket.put("p/z.csv", b"1").unwrap();
        bucket.put("p/a/b.csv", b"2").unwrap();
        bucket.put("q.csv", b"3").unwrap();
        assert_eq!(bucket.list("p").unwrap(), ["p/a/b.csv", "p/z.csv"]);
        assert_eq!(bucket.list("").unwrap().len(), 3);
        assert_eq!(bucket.get("q.csv").unwrap(), b"3");
        assert_eq!(bucket.get("nope").unwrap_err(), m::NO_SUCH_KEY);
    }

    #[test]
    fn keys_join_the_prefix() {
        assert_eq!(key_under(None, "AWSDynamoDB"), "AWSDynamoDB");
        assert_eq!(key_under(Some(""), "AWSDynamoDB"), "AWSDynamoDB");
        assert_eq!(key_under(Some("2020/"), "AWSDynamoDB"), "2020/AWSDynamoDB");
    }
}
