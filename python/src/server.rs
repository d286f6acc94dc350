//! `Server`: the network server on an engine, on a free port, run by the shared runtime's threads,
//! for clients that are not boto3 (other languages' SDKs, the AWS CLI, raw HTTP).

use std::sync::Mutex;

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::types::PyAny;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// A running server; `stop()` (or leaving its `with` block) shuts it down.
#[pyclass(module = "ddbmock", frozen)]
pub(crate) struct Server {
    endpoint: String,
    running: Mutex<Option<Running>>,
}

struct Running {
    stop: oneshot::Sender<()>,
    task: JoinHandle<std::io::Result<()>>,
}

impl Server {
    pub(crate) fn start(py: Python<'_>, engine: ddbmock_engine::Engine) -> PyResult<Server> {
        let runtime = crate::runtime()?;
        let listener = std::net::TcpListener::bind(("127.0.0.1", 0))?;
        listener.set_nonblocking(true)?;
        let endpoint = format!("http://{}", listener.local_addr()?);
        let (stop, stopped) = oneshot::channel::<()>();
        let task = py.detach(|| -> std::io::Result<_> {
            // Registering the socket with the reactor needs the runtime's context.
            let _context = runtime.enter();
            let listener = tokio::net::TcpListener::from_std(listener)?;
            Ok(runtime.spawn(ddbmock_server::run(listener, engine, async {
                let _ = stopped.await;
            })))
        })?;
        Ok(Server {
            endpoint,
            running: Mutex::new(Some(Running { stop, task })),
        })
    }
}

#[pymethods]
impl Server {
    /// The server's URL, `http://127.0.0.1:PORT`: boto3's `endpoint_url`.
    #[getter]
    fn endpoint(&self) -> &str {
        &self.endpoint
    }

    /// Stops accepting, finishes the requests in flight, and returns; again, it does nothing.
    fn stop(&self, py: Python<'_>) -> PyResult<()> {
        let running = self
            .running
            .lock()
            .map_err(|_| PyRuntimeError::new_err("ddbmock server state poisoned"))?
            .take();
        let Some(Running { stop, task }) = running else {
            return Ok(());
        };
        let _ = stop.send(());
        let runtime = crate::runtime()?;
        match py.detach(|| runtime.block_on(task)) {
            Ok(Ok(())) => Ok(()),
            Ok(Err(error)) => Err(error.into()),
            Err(error) => Err(PyRuntimeError::new_err(format!(
                "ddbmock server failed: {error}"
            ))),
        }
    }

    fn __enter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    #[pyo3(signature = (*_exc))]
    fn __exit__(&self, py: Python<'_>, _exc: &Bound<'_, PyAny>) -> PyResult<bool> {
        self.stop(py)?;
        Ok(false)
    }

    fn __repr__(&self) -> String {
        format!("ddbmock.Server({:?})", self.endpoint)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        // A server dropped without `stop()` is told to stop, and finishes in the background.
        if let Ok(mut running) = self.running.lock()
            && let Some(Running { stop, .. }) = running.take()
        {
            let _ = stop.send(());
        }
    }
}
