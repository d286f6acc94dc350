//! The engine's files have owners: no two of them import each other, directly or through others.
//!
//! A file's imports are the `crate::`, `super::` and `self::` paths it names outside its tests. A
//! directory (`engine/write/`) counts as one file, and a module's imports of its own ancestors or
//! descendants are its parts talking, not a loop.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// How deep below `src/` a module is its own node: `engine/write/action` counts as `engine/write`.
const DEPTH: usize = 2;

type Module = Vec<String>;

#[test]
fn no_engine_files_import_each_other_in_a_loop() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = BTreeMap::new();
    collect(&src, &src, &mut files);
    let mut edges: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    for (module, text) in &files {
        let from = node(module);
        edges.entry(from.clone()).or_default();
        for path in imported_paths(text) {
            let Some(target) = resolve(module, &path, &files) else {
                continue;
            };
            let to = node(&target);
            if to.starts_with(&from) || from.starts_with(&to) {
                continue;
            }
            edges.entry(from.clone()).or_default().insert(to);
        }
    }
    let loops = strongly_connected(&edges);
    assert!(
        loops.is_empty(),
        "files that import each other in a loop: {loops:?}"
    );
}

#[test]
fn a_loop_is_found() {
    let files: BTreeMap<Module, String> = [
        (m("engine"), String::new()),
        (m("engine/a"), "use super::b::X;".to_owned()),
        (m("engine/b"), "use crate::engine::{c::Y, a};".to_owned()),
        (m("engine/c"), "fn f() { super::a::g() }".to_owned()),
    ]
    .into();
    let mut edges: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
    for (module, text) in &files {
        for path in imported_paths(text) {
            if let Some(t) = resolve(module, &path, &files).filter(|t| t.len() > 1) {
                edges.entry(module.clone()).or_default().insert(t);
            }
        }
    }
    assert_eq!(
        strongly_connected(&edges),
        vec![vec![m("engine/a"), m("engine/b"), m("engine/c")]]
    );
}

fn m(s: &str) -> Module {
    s.split('/').map(str::to_owned).collect()
}

fn node(module: &Module) -> Module {
    module.iter().take(DEPTH).cloned().collect()
}

/// Every `.rs` file below `dir`, by module path (`mod.rs` and `lib.rs` name their directory),
/// without its `#[cfg(test)]` part and comments.
fn collect(root: &Path, dir: &Path, out: &mut BTreeMap<Module, String>) {
    for entry in std::fs::read_dir(dir).expect("a source directory") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            collect(root, &path, out);
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let relative = path.strip_prefix(root).expect("below the root");
        let mut module: Module = relative
            .with_extension("")
            .iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
        if matches!(module.last().map(String::as_str), Some("mod" | "lib")) {
            module.pop();
        }
        let text = std::fs::read_to_string(&path).expect("a source file");
        let code: String = without_test_module(&text)
            .lines()
            .map(|l| l.split("//").next().unwrap_or_default())
            .collect::<Vec<_>>()
            .join("\n");
        out.insert(module, code);
    }
}

/// `text` up to its inline `#[cfg(test)] mod … {` (a `#[cfg(test)] mod x;` declaration is kept).
fn without_test_module(text: &str) -> &str {
    let mut from = 0;
    while let Some(at) = text[from..].find("#[cfg(test)]") {
        let at = from + at;
        let next = text[at..].lines().nth(1).unwrap_or_default().trim();
        if next.starts_with("mod ") && next.ends_with('{') {
            return &text[..at];
        }
        from = at + 1;
    }
    text
}

/// The `crate::`, `super::` and `self::` paths a file names, `use` groups expanded.
fn imported_paths(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    for statement in code.split(';') {
        if let Some(at) = statement.find("use ") {
            let tree: String = statement[at + 4..].split_whitespace().collect();
            expand("", &tree, &mut out);
        }
    }
    let words: Vec<&str> = code
        .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':'))
        .collect();
    for w in words {
        if ["crate::", "super::", "self::"]
            .iter()
            .any(|p| w.starts_with(p))
        {
            out.push(w.to_owned());
        }
    }
    out.retain(|p| ["crate", "super", "self"].contains(&p.split("::").next().unwrap_or_default()));
    out
}

/// Expands `a::{b, c::{d, e}}` below `prefix` into whole paths.
fn expand(prefix: &str, tree: &str, out: &mut Vec<String>) {
    let (mut depth, mut start) = (0, 0);
    let mut parts = Vec::new();
    for (i, c) in tree.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&tree[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&tree[start..]);
    for part in parts.into_iter().filter(|p| !p.is_empty()) {
        match part.find('{') {
            Some(open) => {
                let close = part.rfind('}').filter(|&c| c > open).unwrap_or(part.len());
                let inner = &part[open + 1..close];
                expand(&format!("{prefix}{}", &part[..open]), inner, out);
            }
            None => out.push(format!("{prefix}{part}")),
        }
    }
}

/// The file module `path` (named in `from`) leads to: the longest prefix naming a file.
fn resolve(from: &Module, path: &str, files: &BTreeMap<Module, String>) -> Option<Module> {
    let mut segments = path
        .split("::")
        .map(|s| s.split(" as ").next().unwrap_or(s));
    let mut base: Module = match segments.next()? {
        "crate" => Vec::new(),
        "self" => from.clone(),
        "super" => from[..from.len().checked_sub(1)?].to_vec(),
        _ => return None,
    };
    let mut rest: Vec<&str> = segments.collect();
    while rest.first() == Some(&"super") {
        base.pop();
        rest.remove(0);
    }
    let mut best = files.contains_key(&base).then(|| base.clone());
    for segment in rest {
        base.push(segment.to_owned());
        if !files.contains_key(&base) {
            break;
        }
        best = Some(base.clone());
    }
    best.filter(|b| b != from)
}

/// The groups of more than one node that reach each other (Tarjan), each sorted.
fn strongly_connected(edges: &BTreeMap<Module, BTreeSet<Module>>) -> Vec<Vec<Module>> {
    struct State<'a> {
        edges: &'a BTreeMap<Module, BTreeSet<Module>>,
        index: BTreeMap<&'a Module, (usize, usize)>,
        stack: Vec<&'a Module>,
        next: usize,
        found: Vec<Vec<Module>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a Module) {
        s.index.insert(v, (s.next, s.next));
        s.next += 1;
        s.stack.push(v);
        for w in s.edges.get(v).into_iter().flatten() {
            match s.index.get(w).copied() {
                None => {
                    visit(s, w);
                    let low = s.index[w].1.min(s.index[v].1);
                    s.index.get_mut(v).expect("visited").1 = low;
                }
                Some((i, _)) if s.stack.contains(&w) => {
                    let low = i.min(s.index[v].1);
                    s.index.get_mut(v).expect("visited").1 = low;
                }
                Some(_) => {}
            }
        }
        let (i, low) = s.index[v];
        if i == low {
            let at = s.stack.iter().rposition(|x| *x == v).expect("on the stack");
            let mut group: Vec<Module> = s.stack.drain(at..).cloned().collect();
            if group.len() > 1 {
                group.sort();
                s.found.push(group);
            }
        }
    }
    let mut s = State {
        edges,
        index: BTreeMap::new(),
        stack: Vec::new(),
        next: 0,
        found: Vec::new(),
    };
    for v in edges.keys() {
        if !s.index.contains_key(v) {
            visit(&mut s, v);
        }
    }
    s.found
}
