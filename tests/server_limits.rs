//! The `ddbmock` binary under a hostile client, over raw sockets: 50 stalled 16 MiB uploads keep its
//! peak memory under the body budget's bound and are all closed by the body deadline; SIGTERM with
//! a stalled upload exits within 2 seconds; and under `--auth` the admin route wants the token the
//! server printed, in the region given by `--region`.

#![cfg(target_os = "linux")]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const MIB16: usize = 16 * 1024 * 1024;

/// A running server, killed on drop; its address, and the startup lines after the first (the
/// `try:` line, the console's, then any others).
struct Running {
    child: Child,
    address: String,
    lines: Vec<String>,
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(args: &[&str], extra_lines: usize) -> Running {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ddbmock"))
        .args(["--port", "0", "--log", "off"])
        .args(args)
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn ddbmock");
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    let address = first
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_else(|| panic!("{first}"))
        .to_owned();
    let lines = (0..2 + extra_lines)
        .map(|_| {
            let mut line = String::new();
            stdout.read_line(&mut line).unwrap();
            line
        })
        .collect();
    Running {
        child,
        address,
        lines,
    }
}

/// Sends the headers of a `POST` declaring 16 MiB and `sent` bytes of it; `None` if the server
/// closed the connection first (refused with ThrottlingException).
fn stalled_upload(address: &str, sent: usize) -> Option<TcpStream> {
    let mut stream = TcpStream::connect(address).unwrap();
    let head = format!(
        "POST / HTTP/1.1\r\nHost: {address}\r\nContent-Type: application/x-amz-json-1.0\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\nX-Amz-Date: 20260101T000000Z\r\nAuthorization: AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=00\r\nContent-Length: {MIB16}\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).ok()?;
    let chunk = vec![b' '; 1024 * 1024];
    let mut left = sent;
    while left > 0 {
        let n = left.min(chunk.len());
        stream.write_all(&chunk[..n]).ok()?;
        left -= n;
    }
    Some(stream)
}

/// Reads until the server closes, at most `limit`: `Some(first bytes)` once closed.
fn until_closed(stream: &mut TcpStream, limit: Duration) -> Option<Vec<u8>> {
    stream.set_read_timeout(Some(limit)).unwrap();
    let mut bytes = Vec::new();
    match stream.read_to_end(&mut bytes) {
        Ok(_) => Some(bytes),
        Err(e) if e.kind() == std::io::ErrorKind::ConnectionReset => Some(bytes),
        Err(_) => None,
    }
}

/// `VmHWM` (peak resident memory) of process `pid`, in KiB.
fn peak_rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap()
}

#[test]
fn fifty_stalled_16_mib_uploads_stay_under_the_budget_and_are_closed() {
    let server = start(&["--body-timeout", "2", "--body-budget", "64"], 0);
    let started = Instant::now();
    let threads: Vec<_> = (0..50)
        .map(|_| {
            let address = server.address.clone();
            std::thread::spawn(move || {
                let Some(mut stream) = stalled_upload(&address, MIB16 - 1) else {
                    return true;
                };
                until_closed(&mut stream, Duration::from_secs(10)).is_some()
            })
        })
        .collect();
    for thread in threads {
        assert!(thread.join().unwrap(), "a stalled upload was never closed");
    }
    let elapsed = started.elapsed();
    let peak = peak_rss_kib(server.child.id());
    eprintln!("50 stalled 16 MiB uploads: all closed after {elapsed:?}; peak RSS {peak} KiB");
    // The budget (64 MiB) plus the server's own memory and per-connection buffers.
    assert!(peak < 128 * 1024, "peak RSS {peak} KiB");
    assert!(elapsed < Duration::from_secs(10), "{elapsed:?}");
}

#[test]
fn sigterm_with_a_stalled_upload_exits_within_2_seconds() {
    let mut server = start(&["--body-timeout", "600"], 0);
    let _stalled = stalled_upload(&server.address, 1024).unwrap();
    std::thread::sleep(Duration::from_millis(200));
    let started = Instant::now();
    let killed = Command::new("kill")
        .args(["-TERM", &server.child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            assert!(status.success(), "{status}");
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(2),
            "still running 2 s after SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn get(address: &str, path: &str, authorization: Option<&str>) -> String {
    let mut stream = TcpStream::connect(address).unwrap();
    let authorization = authorization.map_or(String::new(), |a| format!("Authorization: {a}\r\n"));
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\n{authorization}Connection: close\r\n\r\n"
    )
    .unwrap();
    let mut text = String::new();
    stream.read_to_string(&mut text).unwrap();
    text
}

#[test]
fn under_auth_the_admin_route_takes_the_printed_token() {
    let server = start(&["--auth", "AKID:secret", "--region", "eu-west-1"], 1);
    let token = server.lines[2]
        .trim()
        .rsplit(' ')
        .next()
        .unwrap()
        .to_owned();
    assert_eq!(token.len(), 32, "{:?}", server.lines);
    let refused = get(&server.address, "/ddbmock/capacity", None);
    assert!(refused.starts_with("HTTP/1.1 400"), "{refused}");
    assert!(
        refused.ends_with(r#"{"__type":"com.amazon.coral.service#MissingAuthenticationTokenException","message":"Request is missing Authentication Token"}"#),
        "{refused}"
    );
    let answered = get(
        &server.address,
        "/ddbmock/capacity",
        Some(&format!("Bearer {token}")),
    );
    assert!(answered.starts_with("HTTP/1.1 200"), "{answered}");
    let health = get(&server.address, "/", None);
    assert!(
        health.ends_with("healthy: dynamodb.eu-west-1.amazonaws.com "),
        "{health}"
    );
}
