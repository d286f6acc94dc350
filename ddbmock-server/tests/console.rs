//! The web console's files: every file of `console/` is served beneath `/ddbmock/console`, byte for
//! byte, with its content type and the page's security headers; nothing else is; the files are open
//! under `--auth` while the data behind them is not; and together they stay small.

mod common;

use std::path::{Path, PathBuf};

use common::Server;
use ddbmock_server::{Auth, CONSOLE_PATH, Options};

/// The console's source folder.
fn folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("console")
}

/// Every file beneath `dir`, as paths relative to `root` with `/` separators.
fn files(root: &Path, dir: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(root, &path, out);
        } else {
            let relative = path.strip_prefix(root).unwrap();
            let parts: Vec<_> = relative.iter().map(|p| p.to_str().unwrap()).collect();
            out.push(parts.join("/"));
        }
    }
}

fn console_files() -> Vec<String> {
    let mut out = Vec::new();
    files(&folder(), &folder(), &mut out);
    out.sort();
    out
}

fn get(server: &Server, path: &str) -> Vec<u8> {
    format!(
        "GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
        server.addr
    )
    .into_bytes()
}

const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'none'; base-uri 'none'; frame-ancestors 'none'";

#[tokio::test]
async fn every_file_is_served_with_its_content_type() {
    let server = Server::start().await;
    let names = console_files();
    assert!(names.len() >= 10, "{names:?}");
    for name in &names {
        let reply = server
            .send_raw(&get(&server, &format!("{CONSOLE_PATH}/{name}")))
            .await;
        assert_eq!(reply.status, 200, "{name}");
        reply.assert_framed();
        let expected = match name.rsplit('.').next() {
            Some("html") => "text/html; charset=utf-8",
            Some("css") => "text/css; charset=utf-8",
            Some("js") => "text/javascript; charset=utf-8",
            Some("svg") => "image/svg+xml",
            other => panic!("{name}: no content type known for {other:?}"),
        };
        assert_eq!(reply.header("content-type"), Some(expected), "{name}");
        assert_eq!(
            reply.body,
            std::fs::read(folder().join(name)).unwrap(),
            "{name}"
        );
        assert_eq!(reply.header("content-security-policy"), Some(CSP));
        assert_eq!(reply.header("x-content-type-options"), Some("nosniff"));
        assert_eq!(reply.header("cache-control"), Some("no-cache"));
        assert_eq!(reply.header("referrer-policy"), Some("no-referrer"));
    }
}

#[tokio::test]
async fn the_page_is_served_at_the_console_path_with_or_without_a_slash() {
    let server = Server::start().await;
    let page = std::fs::read(folder().join("index.html")).unwrap();
    for path in [CONSOLE_PATH.to_owned(), format!("{CONSOLE_PATH}/")] {
        let reply = server.send_raw(&get(&server, &path)).await;
        assert_eq!(reply.status, 200, "{path}");
        assert_eq!(
            reply.header("content-type"),
            Some("text/html; charset=utf-8")
        );
        assert_eq!(reply.body, page, "{path}");
    }
    assert_eq!(CONSOLE_PATH, "/ddbmock/console");
}

#[tokio::test]
async fn what_the_page_links_to_is_served() {
    let server = Server::start().await;
    let page = std::fs::read_to_string(folder().join("index.html")).unwrap();
    let mut linked = 0;
    for quoted in page.split('"').filter(|s| s.starts_with("/ddbmock/")) {
        let reply = server.send_raw(&get(&server, quoted)).await;
        assert_eq!(reply.status, 200, "{quoted}");
        linked += 1;
    }
    // The stylesheet, the icon and the entry module.
    assert_eq!(linked, 3);
}

#[tokio::test]
async fn names_the_console_does_not_have_get_dynamodbs_404() {
    let server = Server::start().await;
    for path in [
        "/ddbmock/console/js/missing.js",
        "/ddbmock/console/../capacity",
        "/ddbmock/console//index.html",
        "/ddbmock/console/js",
        "/ddbmock/consoles",
    ] {
        let reply = server.send_raw(&get(&server, path)).await;
        assert_eq!(reply.status, 404, "{path}");
        assert_eq!(reply.text(), "<UnknownOperationException/>\n", "{path}");
    }
}

#[tokio::test]
async fn under_auth_the_files_are_open_and_the_data_is_not() {
    let options = Options::default()
        .with_auth(Auth::verify([("AKID".to_owned(), "secret".to_owned())]).with_token("t0ken"));
    let server = Server::start_with(options).await;
    for name in ["", "/js/main.js", "/console.css"] {
        let reply = server
            .send_raw(&get(&server, &format!("{CONSOLE_PATH}{name}")))
            .await;
        assert_eq!(reply.status, 200, "{name}");
    }
    let report = server.send_raw(&get(&server, "/ddbmock/capacity")).await;
    assert_eq!(report.status, 400);
    assert_eq!(
        report.text(),
        r#"{"__type":"com.amazon.coral.service#MissingAuthenticationTokenException","message":"Request is missing Authentication Token"}"#
    );
}

/// What the console adds to the binary is its files' bytes (plus a table of their names): kept far
/// under the issue's 1 MB.
#[test]
fn the_files_together_stay_small() {
    let total: u64 = console_files()
        .iter()
        .map(|name| std::fs::metadata(folder().join(name)).unwrap().len())
        .sum();
    assert!(total < 160 * 1024, "the console's files take {total} bytes");
}
