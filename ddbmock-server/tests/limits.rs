//! Bounded request reading, over raw sockets: stalled and trickling uploads are closed by the body
//! deadline and the minimum rate, the body budget answers DynamoDB's throttling error when full,
//! idle connections and headers that never finish are closed, and shutdown does not wait for a
//! stalled upload.

mod common;

use std::time::{Duration, Instant};

use common::Server;
use ddbmock_server::{Limits, Options};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const MIB16: usize = 16 * 1024 * 1024;

fn limits(change: impl FnOnce(&mut Limits)) -> Options {
    let mut limits = Limits::default();
    change(&mut limits);
    Options::default().with_limits(limits)
}

/// Opens a connection and sends the headers of a `POST` declaring `length` bytes, then `sent` of
/// them.
async fn upload(server: &Server, length: usize, sent: usize) -> TcpStream {
    let mut stream = TcpStream::connect(server.addr).await.unwrap();
    let head = format!(
        "POST / HTTP/1.1\r\nHost: {}\r\nContent-Type: application/x-amz-json-1.0\r\nX-Amz-Target: DynamoDB_20120810.ListTables\r\nX-Amz-Date: 20260101T000000Z\r\nAuthorization: {}\r\nContent-Length: {length}\r\n\r\n",
        server.addr,
        common::AUTH
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let chunk = vec![b' '; 1024 * 1024];
    let mut left = sent;
    while left > 0 {
        let n = left.min(chunk.len());
        stream.write_all(&chunk[..n]).await.unwrap();
        left -= n;
    }
    stream
}

/// Reads until the server closes the connection, at most `limit`; what was read, or `None` when
/// the connection was still open at `limit`.
async fn until_closed(stream: &mut TcpStream, limit: Duration) -> Option<Vec<u8>> {
    let mut bytes = Vec::new();
    let mut buf = [0u8; 4096];
    let deadline = tokio::time::Instant::now() + limit;
    loop {
        match tokio::time::timeout_at(deadline, stream.read(&mut buf)).await {
            Err(_) => return None,
            Ok(Ok(0) | Err(_)) => return Some(bytes),
            Ok(Ok(n)) => bytes.extend_from_slice(&buf[..n]),
        }
    }
}

fn status(bytes: &[u8]) -> &str {
    std::str::from_utf8(bytes.get(9..12).unwrap_or(b"")).unwrap_or("")
}

#[tokio::test]
async fn stalled_16_mib_uploads_are_closed_by_the_body_deadline() {
    let server = Server::start_with(limits(|l| l.body_timeout = Duration::from_secs(1))).await;
    let started = Instant::now();
    let mut streams = Vec::new();
    for _ in 0..4 {
        streams.push(upload(&server, MIB16, MIB16 - 1).await);
    }
    for stream in &mut streams {
        let reply = until_closed(stream, Duration::from_secs(5))
            .await
            .expect("closed by the deadline");
        assert_eq!(status(&reply), "408", "{}", String::from_utf8_lossy(&reply));
    }
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "{:?}",
        started.elapsed()
    );
    // The server still serves.
    assert_eq!(server.call("ListTables", "{}").await.status, 200);
}

#[tokio::test]
async fn a_trickling_client_is_closed_by_the_minimum_rate() {
    let server = Server::start_with(limits(|l| {
        l.body_timeout = Duration::from_secs(60);
        l.rate_grace = Duration::from_millis(500);
        l.body_min_rate = 1024;
    }))
    .await;
    let started = Instant::now();
    let mut stream = upload(&server, 100_000, 0).await;
    let closed = loop {
        if stream.write_all(b" ").await.is_err() {
            break until_closed(&mut stream, Duration::from_secs(1)).await;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        // Check without blocking the trickle for long.
        let mut probe = [0u8; 1];
        match tokio::time::timeout(Duration::from_millis(1), stream.peek(&mut probe)).await {
            Ok(_) => break until_closed(&mut stream, Duration::from_secs(1)).await,
            Err(_) if started.elapsed() > Duration::from_secs(5) => break None,
            Err(_) => {}
        }
    };
    let reply = closed.expect("closed well before the 60 s deadline");
    if !reply.is_empty() {
        assert_eq!(status(&reply), "408");
    }
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn a_full_body_budget_answers_throttling() {
    let server = Server::start_with(limits(|l| {
        // The smallest budget there is: one 16 MiB request.
        l.body_budget = 0;
        l.budget_wait = Duration::from_millis(200);
        l.body_timeout = Duration::from_secs(2);
    }))
    .await;
    let mut stalled = upload(&server, MIB16, 1024).await;
    // Let the server reserve the stalled body's 16 MiB.
    tokio::time::sleep(Duration::from_millis(200)).await;
    let reply = server.call("ListTables", "{}").await;
    assert_eq!(
        (reply.status, reply.text()),
        (
            400,
            r#"{"__type":"com.amazonaws.dynamodb.v20120810#ThrottlingException","message":"Rate of requests exceeds the allowed throughput."}"#
        )
    );
    reply.assert_framed();
    // Once the stalled body is dropped at its deadline, the budget is back.
    until_closed(&mut stalled, Duration::from_secs(5))
        .await
        .expect("closed by the deadline");
    assert_eq!(server.call("ListTables", "{}").await.status, 200);
}

#[tokio::test]
async fn idle_connections_are_closed() {
    let server = Server::start_with(limits(|l| l.idle_timeout = Duration::from_millis(500))).await;
    // Never a request.
    let mut silent = TcpStream::connect(server.addr).await.unwrap();
    // One request, then keep-alive and nothing.
    let mut kept = TcpStream::connect(server.addr).await.unwrap();
    kept.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        .await
        .unwrap();
    let started = Instant::now();
    assert!(
        until_closed(&mut silent, Duration::from_secs(3))
            .await
            .is_some()
    );
    let answered = until_closed(&mut kept, Duration::from_secs(3))
        .await
        .expect("closed when idle");
    assert_eq!(status(&answered), "200");
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn headers_that_take_the_idle_timeout_are_closed_even_while_trickling() {
    let server = Server::start_with(limits(|l| l.idle_timeout = Duration::from_millis(500))).await;
    let mut stalled = TcpStream::connect(server.addr).await.unwrap();
    stalled
        .write_all(b"POST / HTTP/1.1\r\nHost: x\r\nContent-")
        .await
        .unwrap();
    let mut trickling = TcpStream::connect(server.addr).await.unwrap();
    let started = Instant::now();
    // A header byte every 50 ms: never a whole head, never quiet.
    let trickle = async {
        for _ in 0..60 {
            if trickling.write_all(b"X").await.is_err() {
                return started.elapsed();
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        started.elapsed()
    };
    let (stalled, trickled) =
        tokio::join!(until_closed(&mut stalled, Duration::from_secs(3)), trickle);
    assert!(stalled.is_some(), "stalled headers closed");
    assert!(
        trickled < Duration::from_secs(2),
        "trickling headers closed: {trickled:?}"
    );
    assert_eq!(server.call("ListTables", "{}").await.status, 200);
}

#[tokio::test]
async fn shutdown_does_not_wait_for_a_stalled_upload() {
    let mut server = Server::start_with(limits(|l| l.body_timeout = Duration::from_secs(60))).await;
    let mut stalled = upload(&server, MIB16, 1024).await;
    tokio::time::sleep(Duration::from_millis(100)).await;
    let started = Instant::now();
    drop(server.stop.take());
    let result = tokio::time::timeout(Duration::from_secs(2), &mut server.task).await;
    assert!(matches!(result, Ok(Ok(Ok(())))), "{result:?}");
    assert!(started.elapsed() < Duration::from_secs(2));
    assert!(
        until_closed(&mut stalled, Duration::from_secs(1))
            .await
            .is_some()
    );
}

#[tokio::test]
async fn shutdown_does_not_wait_for_unfinished_headers() {
    let mut server = Server::start().await;
    let mut stalled = TcpStream::connect(server.addr).await.unwrap();
    stalled
        .write_all(b"POST / HTTP/1.1\r\nHost: x\r\nContent-")
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(100)).await;
    let started = Instant::now();
    drop(server.stop.take());
    let result = tokio::time::timeout(Duration::from_secs(2), &mut server.task).await;
    assert!(matches!(result, Ok(Ok(Ok(())))), "{result:?}");
    assert!(started.elapsed() < Duration::from_secs(2));
    assert!(
        until_closed(&mut stalled, Duration::from_secs(1))
            .await
            .is_some()
    );
}
