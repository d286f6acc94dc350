//! Projections: resolving a projection expression, and copying the projected parts of an item
//! (list elements keep their index order, nested maps keep only the projected keys).

use std::collections::{BTreeMap, HashMap};

use super::ast::SynProjection;
use super::checks::{Checks, Kind};
use super::eval_condition::lookup;
use super::names::ExprContext;
use super::overlap::check_overlaps;
use super::resolved::{Path, PathElem, Projection, UpdatedPaths};
use ddbmock_core::Result;
use ddbmock_core::model::{AttributeValue, Item};

const ORDER: [Kind; 5] = [
    Kind::Reserved,
    Kind::Name,
    Kind::PathDepth,
    Kind::Overlap,
    Kind::Conflict,
];

/// Resolves `syn` through `ctx`.
pub(crate) fn resolve_projection(
    ctx: &mut ExprContext<'_>,
    syn: &SynProjection,
) -> Result<Projection> {
    let param = "ProjectionExpression";
    let mut checks = Checks::default();
    let paths: Vec<Path> = syn
        .paths
        .iter()
        .map(|p| ctx.path(p, param, &mut checks))
        .collect();
    let refs: Vec<&Path> = paths.iter().collect();
    check_overlaps(&refs, param, &mut checks);
    checks.finish(&ORDER)?;
    Ok(Projection { paths })
}

/// The projected parts of one value, before they become attribute values again.
enum Node {
    Leaf(AttributeValue),
    Map(HashMap<String, Node>),
    List(BTreeMap<usize, Node>),
}

impl Node {
    fn into_value(self) -> AttributeValue {
        match self {
            Node::Leaf(v) => v,
            Node::Map(m) => {
                AttributeValue::M(m.into_iter().map(|(k, n)| (k, n.into_value())).collect())
            }
            Node::List(l) => AttributeValue::L(l.into_values().map(Node::into_value).collect()),
        }
    }
}

/// Puts `value` under `node` at the path elements `rest`.
fn place(node: &mut Node, rest: &[PathElem], value: &AttributeValue) {
    let Some((first, tail)) = rest.split_first() else {
        *node = Node::Leaf(value.clone());
        return;
    };
    let child = match first {
        PathElem::Key(k) => {
            if !matches!(node, Node::Map(_)) {
                *node = Node::Map(HashMap::new());
            }
            let Node::Map(m) = node else { return };
            m.entry(k.clone()).or_insert(Node::Map(HashMap::new()))
        }
        PathElem::Index(i) => {
            if !matches!(node, Node::List(_)) {
                *node = Node::List(BTreeMap::new());
            }
            let Node::List(l) = node else { return };
            l.entry(*i).or_insert(Node::Map(HashMap::new()))
        }
    };
    place(child, tail, value);
}

/// The parts of `item` at `paths`; paths that are not in the item are left out.
pub(crate) fn project<'p>(item: &Item, paths: impl IntoIterator<Item = &'p Path>) -> Item {
    let mut root: HashMap<String, Node> = HashMap::new();
    for path in paths {
        let Some(value) = lookup(item, path) else {
            continue;
        };
        let Some((PathElem::Key(attr), rest)) = path.0.split_first() else {
            continue;
        };
        let node = root
            .entry(attr.clone())
            .or_insert(Node::Map(HashMap::new()));
        place(node, rest, value);
    }
    root.into_iter().map(|(k, n)| (k, n.into_value())).collect()
}

impl Projection {
    /// The projected item.
    pub fn apply(&self, item: &Item) -> Item {
        project(item, &self.paths)
    }
}

impl UpdatedPaths {
    /// The parts of `item` the update wrote: `UPDATED_OLD` on the old item, `UPDATED_NEW` on the new.
    pub fn project(&self, item: &Item) -> Item {
        project(item, &self.paths)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use AttributeValue as V;

    fn s(x: &str) -> V {
        V::S(x.to_owned())
    }

    #[test]
    fn nested_paths_keep_only_projected_parts() {
        let item: Item = HashMap::from([
            (
                "a".to_owned(),
                V::M(HashMap::from([("b".into(), s("1")), ("c".into(), s("2"))])),
            ),
            ("l".to_owned(), V::L(vec![s("x"), s("y"), s("z")])),
            ("z".to_owned(), s("no")),
        ]);
        let p = |e: Vec<PathElem>| Path(e);
        let key = |k: &str| PathElem::Key(k.to_owned());
        let out = project(
            &item,
            &[
                p(vec![key("l"), PathElem::Index(2)]),
                p(vec![key("a"), key("b")]),
                p(vec![key("l"), PathElem::Index(0)]),
                p(vec![key("missing")]),
            ],
        );
        assert_eq!(out.len(), 2);
        assert_eq!(out["a"], V::M(HashMap::from([("b".into(), s("1"))])));
        assert_eq!(out["l"], V::L(vec![s("x"), s("z")]));
    }
}
