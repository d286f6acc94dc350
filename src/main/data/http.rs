//! A minimal DynamoDB JSON-protocol client for `ddbmock load` and `dump` against a running server:
//! one HTTP/1.1 keep-alive connection per worker (hyper), requests signed with a placeholder
//! signature, which a server without `--auth` accepts from any key, as DynamoDB Local does.

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::client::conn::http1::SendRequest;
use hyper_util::rt::TokioIo;

/// A server's address and the region whose tables are meant.
#[derive(Clone, Debug)]
pub(crate) struct Server {
    authority: String,
    region: String,
}

/// One connection to the server.
pub(crate) struct Connection {
    send: SendRequest<Full<Bytes>>,
    server: Server,
}

/// An error DynamoDB answered: its exception's name and message.
#[derive(Debug)]
pub(crate) struct Refusal {
    pub(crate) kind: String,
    pub(crate) message: String,
}

impl Refusal {
    /// Whether DynamoDB asks the caller to retry later.
    pub(crate) fn is_throttling(&self) -> bool {
        matches!(
            self.kind.as_str(),
            "ThrottlingException"
                | "ProvisionedThroughputExceededException"
                | "RequestLimitExceeded"
        )
    }
}

/// What a call can end in besides an answer.
#[derive(Debug)]
pub(crate) enum CallError {
    /// The server answered with DynamoDB's error.
    Refused(Refusal),
    /// No answer: the connection or the protocol failed.
    Transport(String),
}

impl std::fmt::Display for CallError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CallError::Refused(r) => write!(f, "{}: {}", r.kind, r.message),
            CallError::Transport(e) => f.write_str(e),
        }
    }
}

impl Server {
    /// The server at `endpoint` (`http://HOST:PORT`), for `region`'s tables.
    pub(crate) fn new(endpoint: &str, region: &str) -> Result<Server, String> {
        let authority = endpoint
            .strip_prefix("http://")
            .ok_or_else(|| format!("the endpoint must be http://HOST:PORT, not {endpoint}"))?
            .trim_end_matches('/');
        if authority.is_empty() || authority.contains('/') {
            return Err(format!(
                "the endpoint must be http://HOST:PORT, not {endpoint}"
            ));
        }
        Ok(Server {
            authority: authority.to_owned(),
            region: region.to_owned(),
        })
    }

    /// Opens a connection.
    pub(crate) async fn connect(&self) -> Result<Connection, String> {
        let unreachable =
            |e: &dyn std::fmt::Display| format!("cannot reach http://{}: {e}", self.authority);
        let stream = tokio::net::TcpStream::connect(&self.authority)
            .await
            .map_err(|e| unreachable(&e))?;
        let _ = stream.set_nodelay(true);
        let (send, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
            .await
            .map_err(|e| unreachable(&e))?;
        // The connection's I/O runs beside its requests until the sender is dropped.
        tokio::spawn(connection);
        Ok(Connection {
            send,
            server: self.clone(),
        })
    }
}

impl Connection {
    /// Calls `operation` (`BatchWriteItem`, ...) with a JSON `body`; gives the answer's body.
    pub(crate) async fn call(
        &mut self,
        operation: &str,
        body: Vec<u8>,
    ) -> Result<Bytes, CallError> {
        let (date, day) = amz_date();
        let request = hyper::Request::post("/")
            .header("host", &self.server.authority)
            .header("content-type", "application/x-amz-json-1.0")
            .header("x-amz-target", format!("DynamoDB_20120810.{operation}"))
            .header("x-amz-date", date)
            .header(
                "authorization",
                format!(
                    "AWS4-HMAC-SHA256 Credential=ddbmock/{day}/{}/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000000000000000000000000000000000000000000000000000000000000000",
                    self.server.region
                ),
            )
            .body(Full::new(Bytes::from(body)))
            .map_err(|e| CallError::Transport(e.to_string()))?;
        self.send
            .ready()
            .await
            .map_err(|e| CallError::Transport(format!("connection lost: {e}")))?;
        let response = self
            .send
            .send_request(request)
            .await
            .map_err(|e| CallError::Transport(format!("no answer: {e}")))?;
        let status = response.status();
        let body = response
            .into_body()
            .collect()
            .await
            .map_err(|e| CallError::Transport(format!("answer cut short: {e}")))?
            .to_bytes();
        if status.is_success() {
            return Ok(body);
        }
        #[derive(serde::Deserialize)]
        struct Wire {
            #[serde(rename = "__type")]
            kind: Option<String>,
            #[serde(alias = "Message")]
            message: Option<String>,
        }
        match serde_json::from_slice::<Wire>(&body) {
            Ok(Wire {
                kind: Some(kind),
                message,
            }) => Err(CallError::Refused(Refusal {
                kind: kind.rsplit('#').next().unwrap_or(&kind).to_owned(),
                message: message.unwrap_or_default(),
            })),
            _ => Err(CallError::Transport(format!(
                "answered {status}: {}",
                String::from_utf8_lossy(&body)
            ))),
        }
    }
}

/// Now as `X-Amz-Date` (`20260101T000000Z`) and as the credential scope's day (`20260101`).
fn amz_date() -> (String, String) {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    let (y, m, d) = ddbmock::time::civil_from_days(secs.div_euclid(86_400));
    let s = secs.rem_euclid(86_400);
    let day = format!("{y:04}{m:02}{d:02}");
    (
        format!("{day}T{:02}{:02}{:02}Z", s / 3600, s % 3600 / 60, s % 60),
        day,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn takes_only_plain_http_endpoints() {
        assert!(Server::new("http://127.0.0.1:8000/", "us-east-1").is_ok());
        assert_eq!(
            Server::new("https://x:1", "us-east-1").unwrap_err(),
            "the endpoint must be http://HOST:PORT, not https://x:1"
        );
    }

    #[test]
    fn dates_as_sigv4_wants() {
        let (date, day) = amz_date();
        assert_eq!(date.len(), 16);
        assert!(date.starts_with(&day) && date.ends_with('Z'));
    }
}
