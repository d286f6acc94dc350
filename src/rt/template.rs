//! Fixture templates: each distinct list of fixture files is loaded once per test binary into a
//! template engine, and every test that names it gets a copy-on-write fork.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use super::Config;
use crate::Engine;
use crate::testing::Fixture;

/// A template: the loaded engine, or why it failed to load (every test naming it fails the same way).
type Template = Arc<OnceLock<Result<Engine, String>>>;

/// Templates by fixture list. The map's lock is held only to find or insert a slot; loading happens
/// under the slot's own `OnceLock`, so tests of other fixture sets are not held up by a slow load, and
/// tests of the same set wait for the one load instead of repeating it.
fn templates() -> &'static Mutex<HashMap<&'static [&'static str], Template>> {
    static TEMPLATES: OnceLock<Mutex<HashMap<&'static [&'static str], Template>>> = OnceLock::new();
    TEMPLATES.get_or_init(Default::default)
}

/// The memory engine a test starts with: a fresh one, or a fork of its fixtures' template.
pub(super) fn memory_engine(
    runtime: &tokio::runtime::Runtime,
    config: &Config,
) -> Result<Engine, String> {
    if config.fixtures.is_empty() {
        return Ok(Engine::memory());
    }
    let slot = templates()
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .entry(config.fixtures)
        .or_default()
        .clone();
    let template = slot.get_or_init(|| {
        let engine = Engine::memory();
        load_fixtures(runtime, config, &engine).map(|()| engine)
    });
    match template {
        Ok(template) => template
            .fork()
            .map_err(|e| format!("cannot fork the fixture template: {e}")),
        Err(e) => Err(e.clone()),
    }
}

/// Loads `config`'s fixture files into `engine`, in order.
pub(super) fn load_fixtures(
    runtime: &tokio::runtime::Runtime,
    config: &Config,
    engine: &Engine,
) -> Result<(), String> {
    for file in config.fixtures {
        let path = Path::new(config.manifest_dir).join(file);
        let fixture = Fixture::read(&path).map_err(|e| e.to_string())?;
        runtime
            .block_on(fixture.load(engine))
            // The error names the file itself.
            .map_err(|e| e.to_string())?;
    }
    Ok(())
}
