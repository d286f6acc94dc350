//! The `ddbmock` binary: the startup line names the endpoint, the endpoint answers, and SIGTERM stops
//! the server cleanly (exit status 0).

#![cfg(unix)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

#[test]
fn starts_answers_and_stops_on_sigterm() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ddbmock"))
        .args(["--port", "0", "--log", "off"])
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn ddbmock");
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    stdout.read_line(&mut line).unwrap();
    assert!(
        line.starts_with("ddbmock listening on http://127.0.0.1:"),
        "{line}"
    );
    assert!(line.contains("(in memory, any access key)"), "{line}");
    let mut hint = String::new();
    stdout.read_line(&mut hint).unwrap();
    assert!(
        hint.contains("aws dynamodb list-tables --endpoint-url http://127.0.0.1:"),
        "{hint}"
    );

    let address = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap()
        .to_owned();
    let mut stream = TcpStream::connect(&address).unwrap();
    let auth = "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=00";
    write!(
        stream,
        "POST / HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\nContent-Type: application/x-amz-json-1.0\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\nX-Amz-Date: 20260101T000000Z\r\nAuthorization: {auth}\r\nContent-Length: 2\r\n\r\n{{}}"
    )
    .unwrap();
    let mut reply = String::new();
    stream.read_to_string(&mut reply).unwrap();
    assert!(reply.starts_with("HTTP/1.1 200 OK"), "{reply}");
    assert!(reply.ends_with(r#"{"TableNames":[]}"#), "{reply}");

    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "{status}");
            break;
        }
        assert!(Instant::now() < deadline, "ddbmock did not stop on SIGTERM");
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(TcpStream::connect(&address).is_err());
}
