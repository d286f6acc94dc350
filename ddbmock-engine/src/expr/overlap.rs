//! The overlap and conflict checks of projection and update paths: no path may be a prefix of (or
//! equal to) another, and no element may be used both as a map key and as a list index.

use super::checks::{Checks, Kind};
use super::resolved::{Path, PathElem};
use ddbmock_core::error::msg;

/// Checks each path against every earlier one, in order; the earlier path is "path one".
pub(crate) fn check_overlaps(paths: &[&Path], param: &str, checks: &mut Checks) {
    for (j, two) in paths.iter().enumerate() {
        for one in &paths[..j] {
            if checks.has(Kind::Overlap) {
                return;
            }
            check_pair(one, two, param, checks);
        }
    }
}

fn check_pair(one: &Path, two: &Path, param: &str, checks: &mut Checks) {
    for (a, b) in one.0.iter().zip(&two.0) {
        match (a, b) {
            (PathElem::Key(x), PathElem::Key(y)) if x == y => {}
            (PathElem::Index(x), PathElem::Index(y)) if x == y => {}
            (PathElem::Key(_), PathElem::Key(_)) | (PathElem::Index(_), PathElem::Index(_)) => {
                return;
            }
            // A map key on one side and a list index on the other.
            (PathElem::Key(_), PathElem::Index(_)) | (PathElem::Index(_), PathElem::Key(_)) => {
                checks.record(Kind::Conflict, || {
                    msg::expr::paths_conflict(param, &one.to_string(), &two.to_string())
                });
                return;
            }
        }
    }
    checks.record(Kind::Overlap, || {
        msg::expr::paths_overlap(param, &one.to_string(), &two.to_string())
    });
}
