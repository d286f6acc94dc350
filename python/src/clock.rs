//! `Clock`: a manual engine clock that Python moves, for TTL, stream retention and status delays.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

/// A clock that stands still until told to move. Engines built on it read their time from it;
/// `advance` runs their TTL sweeper before it returns.
#[pyclass(module = "ddbmock", frozen)]
pub(crate) struct Clock {
    pub(crate) inner: ddbmock_engine::Clock,
}

/// `seconds` as a duration, or the ValueError naming `what`.
pub(crate) fn duration(what: &str, seconds: f64) -> PyResult<Duration> {
    Duration::try_from_secs_f64(seconds).map_err(|_| {
        PyValueError::new_err(format!(
            "{what} must be a finite, non-negative number of seconds, not {seconds}"
        ))
    })
}

#[pymethods]
impl Clock {
    /// A clock stopped at `start` (seconds since the epoch), or at the current time.
    #[new]
    #[pyo3(signature = (start=None))]
    fn new(start: Option<f64>) -> PyResult<Self> {
        let at = match start {
            None => SystemTime::now(),
            Some(s) => UNIX_EPOCH + duration("start", s)?,
        };
        Ok(Clock {
            inner: ddbmock_engine::Clock::manual(at),
        })
    }

    /// Moves the clock forward by `seconds`, then runs the TTL sweeper of each engine on it.
    fn advance(&self, py: Python<'_>, seconds: f64) -> PyResult<()> {
        let by = duration("advance", seconds)?;
        let clock = self.inner.clone();
        py.detach(move || clock.advance(by));
        Ok(())
    }

    /// Sets the clock to `at` (seconds since the epoch), then runs the TTL sweepers.
    fn set(&self, py: Python<'_>, at: f64) -> PyResult<()> {
        let at = UNIX_EPOCH + duration("set", at)?;
        let clock = self.inner.clone();
        py.detach(move || clock.set(at));
        Ok(())
    }

    /// The clock's time in seconds since the epoch.
    fn now(&self) -> f64 {
        self.inner.epoch_seconds()
    }

    fn __repr__(&self) -> String {
        format!("ddbmock.Clock({})", self.inner.epoch_seconds())
    }
}
