//! The resolver's context: `ExpressionAttributeNames` and `ExpressionAttributeValues` of one request,
//! which of them the request's expressions used, and the request-level checks on both maps.

use std::collections::HashMap;

use super::ast::{PathSeg, SynPath};
use super::checks::{Checks, Kind};
use super::reserved::is_reserved;
use super::resolved::{Path, PathElem};
use ddbmock_core::Result;
use ddbmock_core::error::msg;
use ddbmock_core::model::{AttributeValue, validate_attribute_name};

/// DynamoDB's limit on the depth of a document path.
pub(crate) use ddbmock_core::limits::MAX_PATH_DEPTH;

/// The names and values of one request, and which of them its expressions used.
///
/// Create one per request, compile each of the request's expressions through it, then call
/// [`ExprContext::finish`] so that names or values no expression used are rejected as DynamoDB does.
#[derive(Debug)]
pub struct ExprContext<'a> {
    names: Option<&'a HashMap<String, String>>,
    values: Option<&'a HashMap<String, AttributeValue>>,
    // Requests carry a handful of names and values: a vector beats hashing them again.
    used_names: Vec<&'a str>,
    used_values: Vec<&'a str>,
}

fn mark<'a>(used: &mut Vec<&'a str>, key: &'a str) {
    if !used.contains(&key) {
        used.push(key);
    }
}

fn valid_key(key: &str, sigil: char) -> bool {
    let mut chars = key.chars();
    chars.next() == Some(sigil)
        && key.len() > 1
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

impl<'a> ExprContext<'a> {
    /// A context over a request's `ExpressionAttributeNames` and `ExpressionAttributeValues`.
    pub fn new(
        names: Option<&'a HashMap<String, String>>,
        values: Option<&'a HashMap<String, AttributeValue>>,
    ) -> Self {
        ExprContext {
            names,
            values,
            used_names: Vec::new(),
            used_values: Vec::new(),
        }
    }

    /// DynamoDB's checks of the two maps themselves: not empty, keys well formed, names of 1 to
    /// 65,535 bytes. Values are validated by the engine with the model's rules.
    pub fn check_maps(&self) -> Result<()> {
        if let Some(names) = self.names {
            if names.is_empty() {
                return Err(msg::expr::names_empty());
            }
            if let Some(bad) = sorted(names.keys())
                .into_iter()
                .find(|k| !valid_key(k, '#'))
            {
                return Err(msg::expr::invalid_name_key(bad));
            }
            // The names stand for attribute names, so they obey the same length limits; an empty
            // one gets a text of its own, naming the key.
            for key in sorted(names.keys()) {
                let name = &names[key];
                if name.is_empty() {
                    return Err(msg::expr::names_empty_value(key));
                }
                validate_attribute_name(name)?;
            }
        }
        if let Some(values) = self.values {
            if values.is_empty() {
                return Err(msg::expr::values_empty());
            }
            if let Some(bad) = sorted(values.keys())
                .into_iter()
                .find(|k| !valid_key(k, ':'))
            {
                return Err(msg::expr::invalid_value_key(bad));
            }
        }
        Ok(())
    }

    /// Whether the request carries `ExpressionAttributeNames`.
    pub fn has_names(&self) -> bool {
        self.names.is_some()
    }

    /// Whether the request carries `ExpressionAttributeValues`.
    pub fn has_values(&self) -> bool {
        self.values.is_some()
    }

    /// Fails if a name or a value was used by none of the expressions compiled through this context.
    pub fn finish(self) -> Result<()> {
        if let Some(names) = self.names.filter(|m| m.len() != self.used_names.len()) {
            let unused: Vec<&str> = sorted(names.keys())
                .into_iter()
                .filter(|k| !self.used_names.contains(k))
                .collect();
            if !unused.is_empty() {
                return Err(msg::expr::unused_names(&unused));
            }
        }
        if let Some(values) = self.values.filter(|m| m.len() != self.used_values.len()) {
            let unused: Vec<&str> = sorted(values.keys())
                .into_iter()
                .filter(|k| !self.used_values.contains(k))
                .collect();
            if !unused.is_empty() {
                return Err(msg::expr::unused_values(&unused));
            }
        }
        Ok(())
    }

    /// Resolves a path: reserved words, `#names`, depth. Errors are recorded in `checks`.
    pub(crate) fn path(&mut self, syn: &SynPath, param: &str, checks: &mut Checks) -> Path {
        if syn.segs.len() > MAX_PATH_DEPTH {
            checks.record(Kind::PathDepth, || {
                msg::expr::path_too_deep(param, syn.segs.len())
            });
        }
        let elems = syn
            .segs
            .iter()
            .map(|seg| match seg {
                PathSeg::Ident(s) => {
                    if is_reserved(s) {
                        checks.record(Kind::Reserved, || msg::expr::reserved_keyword(param, s));
                    }
                    PathElem::Key(s.clone())
                }
                PathSeg::Name(n) => PathElem::Key(self.name(n, param, checks)),
                PathSeg::Index(i) => PathElem::Index(*i as usize),
            })
            .collect();
        Path(elems)
    }

    fn name(&mut self, placeholder: &str, param: &str, checks: &mut Checks) -> String {
        match self.names.and_then(|m| m.get_key_value(placeholder)) {
            Some((k, v)) => {
                mark(&mut self.used_names, k.as_str());
                v.clone()
            }
            None => {
                checks.record(Kind::Name, || {
                    msg::expr::name_not_defined(param, placeholder)
                });
                placeholder.to_owned()
            }
        }
    }

    /// Looks up a `:value`; an undefined one is recorded as an error of kind `kind` and stands in as
    /// `NULL`.
    pub(crate) fn value(
        &mut self,
        placeholder: &str,
        param: &str,
        kind: Kind,
        checks: &mut Checks,
    ) -> AttributeValue {
        match self.values.and_then(|m| m.get_key_value(placeholder)) {
            Some((k, v)) => {
                mark(&mut self.used_values, k.as_str());
                v.clone()
            }
            None => {
                checks.record(kind, || msg::expr::value_not_defined(param, placeholder));
                AttributeValue::Null(true)
            }
        }
    }
}

fn sorted<'k>(keys: impl Iterator<Item = &'k String>) -> Vec<&'k str> {
    let mut v: Vec<&str> = keys.map(String::as_str).collect();
    v.sort_unstable();
    v
}
