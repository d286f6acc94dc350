//! [`Scopes`]: an engine per (account, region), as DynamoDB keeps each account's tables in each
//! region apart, created on first use from one [`EngineBuilder`] template.

use std::collections::BTreeMap;
use std::sync::Arc;

use parking_lot::RwLock;

use super::{Engine, EngineBuilder};
use crate::storage::StorageError;

/// The engines of several (account, region) scopes, each with its own tables, ARNs and streams:
/// cheap to clone (clones share the engines), `Send + Sync`.
///
/// The home scope is the template's own account and region, built at once; any other scope is
/// built from the template on first use, with the same clock and settings. In memory each scope is
/// a memory store; on a SQLite file (`EngineBuilder::sqlite`) the home scope keeps that file and
/// each other scope has one beside it, named by [`scope_file`](super::builder::scope_file)
/// (`tables.db` → `tables.111122223333.eu-west-1.db`), so a restarted server finds every scope's
/// tables again. A [`Scopes::shared`] one answers every scope with one engine.
///
/// ```
/// use ddbmock_engine::Engine;
///
/// let scopes = Engine::builder().scopes()?;
/// let us = scopes.engine("000000000000", "us-east-1")?;
/// let eu = scopes.engine("000000000000", "eu-west-1")?;
/// assert_eq!(us.config().region, "us-east-1");
/// assert_eq!(eu.config().region, "eu-west-1");
/// # Ok::<(), ddbmock_engine::engine::ScopeError>(())
/// ```
#[derive(Clone)]
pub struct Scopes {
    inner: Arc<Inner>,
}

pub(crate) struct Inner {
    home: Engine,
    /// `None` when shared: every scope is `home`.
    template: Option<EngineBuilder>,
    /// Every scope's engine but home's, by (account, region). Written once per scope; a scope is
    /// built under the write lock, so two first requests at once open its store once.
    others: RwLock<BTreeMap<(String, String), Engine>>,
}

/// Why a scope has no engine.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ScopeError {
    /// Not a region name: ASCII letters, digits and hyphens, 1 to 64 of them, not starting with a
    /// hyphen.
    #[error("not a region name: {0:?}")]
    InvalidRegion(String),
    /// Not an account id: 12 digits.
    #[error("not an account id (12 digits): {0:?}")]
    InvalidAccount(String),
    /// The scope's store could not be opened.
    #[error(transparent)]
    Storage(#[from] StorageError),
}

impl std::fmt::Debug for Scopes {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Scopes")
            .field("shared", &self.is_shared())
            .field("scopes", &self.scopes())
            .finish()
    }
}

impl From<Engine> for Scopes {
    /// [`Scopes::shared`].
    fn from(engine: Engine) -> Self {
        Scopes::shared(engine)
    }
}

impl Scopes {
    /// The scopes of `template`: its engine as home, the others from it on first use.
    pub fn new(template: EngineBuilder) -> Result<Scopes, StorageError> {
        let home = template.clone().build()?;
        let inner = Arc::new(Inner {
            home,
            template: Some(template),
            others: RwLock::new(BTreeMap::new()),
        });
        // Each scope reaches the others through this link, for global tables' replicas.
        inner.home.inner.global.link(Arc::downgrade(&inner));
        Ok(Scopes { inner })
    }

    /// The scopes behind a link that [`Scopes::new`] gave an engine, while they exist.
    pub(crate) fn upgrade(link: &std::sync::Weak<Inner>) -> Option<Scopes> {
        link.upgrade().map(|inner| Scopes { inner })
    }

    /// One engine for every scope (ddbmock's behaviour before scopes, and the server's `--shared`):
    /// its ARNs name its own account and region, whichever scope asks.
    pub fn shared(engine: Engine) -> Scopes {
        Scopes {
            inner: Arc::new(Inner {
                home: engine,
                template: None,
                others: RwLock::new(BTreeMap::new()),
            }),
        }
    }

    /// Whether every scope is served by one engine.
    pub fn is_shared(&self) -> bool {
        self.inner.template.is_none()
    }

    /// The home scope's engine: the template's account and region, or the shared engine.
    pub fn home(&self) -> &Engine {
        &self.inner.home
    }

    /// The engine of `account` in `region`, built on first use.
    pub fn engine(&self, account: &str, region: &str) -> Result<Engine, ScopeError> {
        let Some(template) = &self.inner.template else {
            return Ok(self.inner.home.clone());
        };
        let home = self.inner.home.config();
        if account == home.account_id && region == home.region {
            return Ok(self.inner.home.clone());
        }
        if !is_region(region) {
            return Err(ScopeError::InvalidRegion(region.to_owned()));
        }
        if !is_account(account) {
            return Err(ScopeError::InvalidAccount(account.to_owned()));
        }
        let key = (account.to_owned(), region.to_owned());
        if let Some(engine) = self.inner.others.read().get(&key) {
            return Ok(engine.clone());
        }
        let mut others = self.inner.others.write();
        if let Some(engine) = others.get(&key) {
            return Ok(engine.clone());
        }
        let engine = template.for_scope(account, region).build()?;
        engine.inner.global.link(Arc::downgrade(&self.inner));
        others.insert(key, engine.clone());
        Ok(engine)
    }

    /// The (account, region) of every scope built so far, home first, then in order.
    pub fn scopes(&self) -> Vec<(String, String)> {
        let home = self.inner.home.config();
        std::iter::once((home.account_id.clone(), home.region.clone()))
            .chain(self.inner.others.read().keys().cloned())
            .collect()
    }

    /// The engine of every scope built so far, in the order of [`Scopes::scopes`].
    pub fn engines(&self) -> Vec<Engine> {
        std::iter::once(self.inner.home.clone())
            .chain(self.inner.others.read().values().cloned())
            .collect()
    }
}

/// Whether `region` can name a scope: ASCII letters, digits and hyphens (`us-east-1`, and the
/// `local` or `localhost` that DynamoDB Local users often configure), 1 to 64, not starting with a
/// hyphen. The region also names the scope's SQLite file, so nothing else may pass.
pub fn is_region(region: &str) -> bool {
    (1..=64).contains(&region.len())
        && !region.starts_with('-')
        && region
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// Whether `account` is an AWS account id: 12 digits.
pub fn is_account(account: &str) -> bool {
    account.len() == 12 && account.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_names_are_letters_digits_and_hyphens() {
        for good in [
            "us-east-1",
            "eu-west-1",
            "us-gov-west-1",
            "local",
            "localhost",
        ] {
            assert!(is_region(good), "{good}");
        }
        for bad in ["", "-x", "..", "us east", "a/b", "é", &"a".repeat(65)] {
            assert!(!is_region(bad), "{bad}");
        }
    }

    #[test]
    fn accounts_are_twelve_digits() {
        assert!(is_account("111122223333"));
        assert!(!is_account("11112222333"));
        assert!(!is_account("11112222333x"));
    }

    #[test]
    fn a_scope_is_built_once_and_kept() {
        let scopes = Engine::builder().scopes().unwrap();
        let a = scopes.engine("111122223333", "eu-west-1").unwrap();
        let b = scopes.engine("111122223333", "eu-west-1").unwrap();
        assert!(Arc::ptr_eq(&a.inner, &b.inner));
        let home = scopes.engine("000000000000", "us-east-1").unwrap();
        assert!(Arc::ptr_eq(&home.inner, &scopes.home().inner));
        assert_eq!(
            scopes.scopes(),
            vec![
                ("000000000000".to_owned(), "us-east-1".to_owned()),
                ("111122223333".to_owned(), "eu-west-1".to_owned()),
            ]
        );
    }

    #[test]
    fn bad_names_build_nothing() {
        let scopes = Engine::builder().scopes().unwrap();
        assert!(matches!(
            scopes.engine("000000000000", "../x"),
            Err(ScopeError::InvalidRegion(r)) if r == "../x"
        ));
        assert!(matches!(
            scopes.engine("root", "eu-west-1"),
            Err(ScopeError::InvalidAccount(a)) if a == "root"
        ));
        assert_eq!(scopes.scopes().len(), 1);
    }

    #[test]
    fn shared_scopes_answer_with_one_engine() {
        let scopes = Scopes::shared(Engine::memory());
        let eu = scopes.engine("111122223333", "eu-west-1").unwrap();
        assert!(Arc::ptr_eq(&eu.inner, &scopes.home().inner));
        assert!(scopes.is_shared());
        // Even names that could not scope a store: nothing is built from them.
        assert!(scopes.engine("x", "..").is_ok());
    }
}
