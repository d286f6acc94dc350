//! `Engine`: one ddbmock engine (memory or SQLite) behind the server's in-process handler.

use std::path::PathBuf;

use ddbmock_engine::EngineConfig;
use ddbmock_engine::engine::meter::ThrottleConfig;
use ddbmock_server::InProcess;
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::clock::{Clock, duration};
use crate::seed::{self, Failure};
use crate::server::Server;
use crate::{FixtureError, StoreError};

/// An engine and the handler that answers HTTP requests on it as the server does.
#[pyclass(module = "ddbmock", frozen)]
pub(crate) struct Engine {
    handler: InProcess,
}

impl From<Failure> for PyErr {
    fn from(failure: Failure) -> PyErr {
        match failure {
            Failure::Store(e) => StoreError::new_err(e.to_string()),
            Failure::Fixture(e) => FixtureError::new_err(e.to_string()),
        }
    }
}

/// A response as Python receives it: status, headers (names lowercase), body.
type Answer = (u16, Vec<(String, String)>, Py<PyBytes>);

#[pymethods]
impl Engine {
    /// A new engine: in memory, or on the SQLite database `db` (created when missing); on `clock`
    /// (the system's by default); tables taking `status_delay` seconds to leave `CREATING` and
    /// `UPDATING`; holding what the `fixtures` files hold (loaded in order); enforcing provisioned
    /// throughput when `throttle`.
    #[new]
    #[pyo3(signature = (db=None, status_delay=0.0, clock=None, fixtures=Vec::new(), throttle=false))]
    fn new(
        py: Python<'_>,
        db: Option<PathBuf>,
        status_delay: f64,
        clock: Option<PyRef<'_, Clock>>,
        fixtures: Vec<PathBuf>,
        throttle: bool,
    ) -> PyResult<Self> {
        let config = EngineConfig {
            table_status_delay: duration("status_delay", status_delay)?,
            throttle: ThrottleConfig {
                enabled: throttle,
                ..ThrottleConfig::default()
            },
            ..EngineConfig::default()
        };
        let clock = clock.map_or_else(ddbmock_engine::Clock::system, |c| c.inner.clone());
        let runtime = crate::runtime()?;
        let engine = py.detach(move || seed::engine(runtime, db, clock, config, &fixtures))?;
        Ok(Engine {
            handler: InProcess::new(engine),
        })
    }

    /// Answers one HTTP request (`path` with its query) as the server would, without a socket.
    fn handle(
        &self,
        py: Python<'_>,
        method: &str,
        path: &str,
        headers: Vec<(String, Vec<u8>)>,
        body: Vec<u8>,
    ) -> PyResult<Answer> {
        let runtime = crate::runtime()?;
        let handler = self.handler.clone();
        let (method, path) = (method.to_owned(), path.to_owned());
        let reply = py.detach(move || {
            let headers: Vec<(&str, &[u8])> = headers
                .iter()
                .map(|(n, v)| (n.as_str(), v.as_slice()))
                .collect();
            runtime.block_on(handler.handle(&method, &path, &headers, body))
        });
        let reply = reply.map_err(|e| PyValueError::new_err(e.to_string()))?;
        // Header values the server sets are ASCII; Latin-1 is HTTP's reading of any other byte.
        let headers = reply
            .headers
            .iter()
            .map(|(n, v)| (n.clone(), v.iter().map(|&b| char::from(b)).collect()))
            .collect();
        Ok((
            reply.status,
            headers,
            PyBytes::new(py, &reply.body).unbind(),
        ))
    }

    /// The capacity report (units consumed, sizes, throttling, cost per table and index) as JSON.
    fn capacity_report_json(&self, py: Python<'_>) -> PyResult<String> {
        let engine = self.handler.engine().clone();
        py.detach(move || serde_json::to_string(&engine.capacity_report()))
            .map_err(|e| PyRuntimeError::new_err(format!("capacity report: {e}")))
    }

    /// Starts the network server on this engine, on 127.0.0.1 and a free port.
    fn serve(&self, py: Python<'_>) -> PyResult<Server> {
        Server::start(py, self.handler.engine().clone())
    }
}
