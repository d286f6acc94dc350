//! The statement cache: repeated statements (the usual case with `?` parameters) skip the lexer
//! and the parser. Parsing is a pure function of the text, so one cache serves every engine.
//!
//! Bounded twice: at most [`CAPACITY`] statements, each at most the API's 8192 characters, so it
//! holds at most a few megabytes; the oldest entry goes first. Only statements that parse are
//! kept: a bad one fails again, the same way, at the cost of a parse.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex, OnceLock};

use super::{Parsed, parse};
use ddbmock_core::Result;

/// How many statements the cache keeps.
pub const CAPACITY: usize = 256;

#[derive(Default)]
struct Cache {
    map: HashMap<Arc<str>, Arc<Parsed>>,
    /// Insertion order, oldest first, for eviction.
    order: VecDeque<Arc<str>>,
}

fn cache() -> &'static Mutex<Cache> {
    static CACHE: OnceLock<Mutex<Cache>> = OnceLock::new();
    CACHE.get_or_init(Mutex::default)
}

/// `text` parsed, from the cache when it was parsed before.
pub fn parse_cached(text: &str) -> Result<Arc<Parsed>> {
    // A poisoned lock only means another thread panicked mid-insert; the map is still whole.
    if let Some(hit) = cache()
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .map
        .get(text)
    {
        return Ok(hit.clone());
    }
    // Parse outside the lock: parsing is the slow part, and two threads parsing the same new
    // statement at once only do the work twice.
    let parsed = Arc::new(parse(text)?);
    let mut c = cache().lock().unwrap_or_else(|e| e.into_inner());
    if !c.map.contains_key(text) {
        if c.order.len() >= CAPACITY
            && let Some(oldest) = c.order.pop_front()
        {
            c.map.remove(&oldest);
        }
        let key: Arc<str> = Arc::from(text);
        c.order.push_back(key.clone());
        c.map.insert(key, parsed.clone());
    }
    Ok(parsed)
}

/// How many statements the cache holds now.
pub fn cached_len() -> usize {
    cache().lock().unwrap_or_else(|e| e.into_inner()).map.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeated_statement_is_the_same_parse_and_the_cache_stays_bounded() {
        let text = "SELECT * FROM cache_test WHERE pk = ?";
        let a = parse_cached(text).unwrap();
        let b = parse_cached(text).unwrap();
        assert!(Arc::ptr_eq(&a, &b));
        for i in 0..CAPACITY + 10 {
            parse_cached(&format!("SELECT * FROM cache_fill WHERE pk = {i}")).unwrap();
        }
        assert!(cached_len() <= CAPACITY);
        // The first entry was evicted: a fresh parse, equal but not the same allocation.
        let c = parse_cached(text).unwrap();
        assert_eq!(*a, *c);
        assert!(parse_cached("SELEC * FROM t").is_err() && parse_cached("SELEC * FROM t").is_err());
    }
}
