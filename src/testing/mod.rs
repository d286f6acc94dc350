//! What `#[ddbmock::test]` builds on, usable on its own: the parameter types a test can ask for
//! ([`TestArg`]), and fixture files ([`Fixture`]).

mod arg;
mod fixture;

pub use arg::TestArg;
pub use fixture::{Fixture, FixtureError, FixtureFormat};
