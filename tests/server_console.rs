//! The `ddbmock` binary names its web console at startup, after the endpoint and the `aws` hint,
//! and serves the page there; under `--auth` too, since the page signs its own requests.

#![cfg(unix)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

/// The first three lines `ddbmock` prints with `args`, and the process (killed by the caller).
fn start(args: &[&str]) -> (Child, Vec<String>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ddbmock"))
        .args(["--port", "0", "--log", "off"])
        .args(args)
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn ddbmock");
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let lines = (0..3)
        .map(|_| {
            let mut line = String::new();
            stdout.read_line(&mut line).unwrap();
            line
        })
        .collect();
    (child, lines)
}

/// `GET path` on `address`: the status line and the content type.
fn get(address: &str, path: &str) -> (String, String) {
    let mut stream = TcpStream::connect(address).unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut reply = String::new();
    stream.read_to_string(&mut reply).unwrap();
    let status = reply.lines().next().unwrap_or_default().to_owned();
    let content_type = reply
        .lines()
        .find_map(|l| l.strip_prefix("content-type: "))
        .unwrap_or_default()
        .to_owned();
    (status, content_type)
}

#[test]
fn the_startup_lines_name_the_console() {
    for args in [&[][..], &["--auth", "AKID:secret"][..]] {
        let (mut child, lines) = start(args);
        let endpoint = lines[0]
            .split_whitespace()
            .find(|w| w.starts_with("http://127.0.0.1:"))
            .unwrap_or_else(|| panic!("{lines:?}"))
            .to_owned();
        assert_eq!(lines[2], format!("  console: {endpoint}/ddbmock/console\n"));
        let address = endpoint.trim_start_matches("http://");
        let (status, content_type) = get(address, "/ddbmock/console");
        let _ = child.kill();
        let _ = child.wait();
        assert_eq!(status, "HTTP/1.1 200 OK", "{args:?}");
        assert_eq!(content_type, "text/html; charset=utf-8", "{args:?}");
    }
}
