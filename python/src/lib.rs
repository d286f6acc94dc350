//! `ddbmock._native`: the Python package's native module. It holds an engine and the server's
//! in-process handler ([`ddbmock_server::InProcess`]), so that the package's botocore hook hands
//! each request's bytes to the same code that answers them on a socket, and gets the server's
//! answer back. Nothing here knows DynamoDB: it only moves bytes, options and errors between
//! Python and the engine.
//!
//! The GIL is released while a request is answered, so boto3 clients in several threads share an
//! engine in parallel.

mod clock;
mod engine;
mod seed;
mod server;

use std::sync::OnceLock;

use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyRuntimeError};
use pyo3::prelude::*;

create_exception!(
    ddbmock,
    StoreError,
    PyException,
    "The store could not be opened, read or written (a SQLite file that is not ddbmock's, or unreadable)."
);

/// The Tokio runtime every engine of the process shares: its workers run the servers started by
/// `serve()`; in-process requests run on the calling thread (`block_on`), with the GIL released.
fn runtime() -> PyResult<&'static tokio::runtime::Runtime> {
    static RUNTIME: OnceLock<Result<tokio::runtime::Runtime, String>> = OnceLock::new();
    RUNTIME
        .get_or_init(|| {
            tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .thread_name("ddbmock")
                .enable_all()
                .build()
                .map_err(|e| e.to_string())
        })
        .as_ref()
        .map_err(|e| PyRuntimeError::new_err(format!("ddbmock could not start its runtime: {e}")))
}

create_exception!(
    ddbmock,
    FixtureError,
    PyException,
    "A fixture file could not be read, is not a fixture, or holds what DynamoDB refuses; the message names the file and the place in it."
);

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<clock::Clock>()?;
    m.add_class::<engine::Engine>()?;
    m.add_class::<server::Server>()?;
    m.add("StoreError", m.py().get_type::<StoreError>())?;
    m.add("FixtureError", m.py().get_type::<FixtureError>())?;
    Ok(())
}
