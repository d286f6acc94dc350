//! A server on port 0 and a raw HTTP/1.1 client, so tests control every byte sent.

#![allow(dead_code, unreachable_pub)]

pub mod remote;
pub mod sign;

use std::net::SocketAddr;

use ddbmock_core::protocol::Operation;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub const AUTH: &str = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=0000000000000000000000000000000000000000000000000000000000000000";

/// A running server; dropping `stop` (or sending to it) shuts it down.
pub struct Server {
    pub addr: SocketAddr,
    pub stop: Option<oneshot::Sender<()>>,
    pub task: JoinHandle<std::io::Result<()>>,
}

impl Server {
    pub async fn start() -> Server {
        Self::start_with(ddbmock_server::Options::default()).await
    }

    pub async fn start_with(options: ddbmock_server::Options) -> Server {
        Self::start_on(ddbmock_engine::Engine::memory(), options).await
    }

    /// A server on `engine` (one on a manual clock, for instance).
    pub async fn start_on(
        engine: ddbmock_engine::Engine,
        options: ddbmock_server::Options,
    ) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(ddbmock_server::run_with(listener, engine, options, async {
            let _ = stopped.await;
        }));
        Server {
            addr,
            stop: Some(stop),
            task,
        }
    }

    /// A server on `scopes` (an engine per account and region) with `options`.
    pub async fn start_scoped(
        scopes: ddbmock_engine::Scopes,
        options: ddbmock_server::Options,
    ) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(ddbmock_server::run_with(listener, scopes, options, async {
            let _ = stopped.await;
        }));
        Server {
            addr,
            stop: Some(stop),
            task,
        }
    }

    /// Sends raw request bytes on a new connection and reads the whole response.
    pub async fn send_raw(&self, request: &[u8]) -> Reply {
        let mut stream = TcpStream::connect(self.addr).await.unwrap();
        stream.write_all(request).await.unwrap();
        let mut bytes = Vec::new();
        stream.read_to_end(&mut bytes).await.unwrap();
        Reply::parse(&bytes)
    }

    /// Sends a request with `headers` (besides Host and Connection: close) and `body`.
    pub async fn send(&self, method: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
        let mut request = format!(
            "{method} / HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n",
            self.addr
        );
        for (name, value) in headers {
            request.push_str(&format!("{name}: {value}\r\n"));
        }
        request.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
        let mut bytes = request.into_bytes();
        bytes.extend_from_slice(body);
        self.send_raw(&bytes).await
    }

    /// A call of `target` signed by `signer` with `body`, sent with `sent_body` instead (the same
    /// bytes unless a test swaps them); `extra` headers are signed too.
    pub async fn signed(
        &self,
        signer: &sign::Signer,
        target: &str,
        body: &[u8],
        sent_body: &[u8],
        extra: &[(&str, &str)],
    ) -> Reply {
        let headers = signer.post(&self.addr.to_string(), target, body, extra);
        let headers: Vec<(&str, &str)> = headers
            .iter()
            .map(|(n, v)| (n.as_str(), v.as_str()))
            .collect();
        self.send("POST", &headers, sent_body).await
    }

    /// A signed-looking call of `operation` with a JSON body, under its service's target prefix
    /// (`DynamoDBStreams_20120810.` for the Streams operations, else `DynamoDB_20120810.`, which
    /// names made-up operations too).
    pub async fn call(&self, operation: &str, body: &str) -> Reply {
        self.call_in("us-east-1", operation, body).await
    }

    /// [`Server::call`] with `region` in the credential scope, which a scoped server serves from
    /// that region's tables.
    pub async fn call_in(&self, region: &str, operation: &str, body: &str) -> Reply {
        let auth = AUTH.replace("/us-east-1/", &format!("/{region}/"));
        let prefix = Operation::ALL
            .iter()
            .find(|op| op.name() == operation)
            .map_or("DynamoDB_20120810.", |op| op.prefix());
        let target = format!("{prefix}{operation}");
        self.send(
            "POST",
            &[
                ("Content-Type", "application/x-amz-json-1.0"),
                ("X-Amz-Target", &target),
                ("X-Amz-Date", "20260101T000000Z"),
                ("Authorization", &auth),
            ],
            body.as_bytes(),
        )
        .await
    }
}

/// A parsed HTTP response.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    fn parse(bytes: &[u8]) -> Reply {
        let split = bytes
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .expect("a complete response head");
        let head = std::str::from_utf8(&bytes[..split]).unwrap();
        let mut lines = head.split("\r\n");
        let status = lines
            .next()
            .unwrap()
            .split(' ')
            .nth(1)
            .unwrap()
            .parse()
            .unwrap();
        let headers = lines
            .map(|line| {
                let (name, value) = line.split_once(':').unwrap();
                (name.trim().to_ascii_lowercase(), value.trim().to_owned())
            })
            .collect();
        Reply {
            status,
            headers,
            body: bytes[split + 4..].to_vec(),
        }
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    pub fn text(&self) -> &str {
        std::str::from_utf8(&self.body).unwrap()
    }

    /// Asserts the headers every response carries, and that the CRC is the body's.
    #[track_caller]
    pub fn assert_framed(&self) {
        let id = self.header("x-amzn-requestid").expect("x-amzn-RequestId");
        assert_eq!(id.len(), 52, "{id}");
        assert!(
            id.bytes()
                .all(|b| b.is_ascii_digit() || b.is_ascii_uppercase()),
            "{id}"
        );
        let crc = self.header("x-amz-crc32").expect("x-amz-crc32");
        assert_eq!(crc, crc32fast::hash(&self.body).to_string());
        assert_eq!(
            self.header("content-length"),
            Some(self.body.len().to_string().as_str())
        );
    }
}
