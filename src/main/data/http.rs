//! A minimal DynamoDB JSON-protocol client for `ddbmock load` and `dump` against a running server:
//! one HTTP/1.1 keep-alive connection per worker (hyper), each request signed with SigV4.
//!
//! The key is the environment's, as the AWS CLI takes it (`AWS_ACCESS_KEY_ID`,
//! `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`), so that a server started with `--auth` admits
//! the tools with one of its keys; without one, a placeholder key, which a server without `--auth`
//! accepts as DynamoDB Local does.

use std::time::SystemTime;

use aws_sigv4::http_request::{SignableBody, SignableRequest, SigningSettings, sign};
use aws_smithy_runtime_api::client::identity::Identity;

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper::client::conn::http1::SendRequest;
use hyper_util::rt::TokioIo;

/// A server's address, the region whose tables are meant, and the key that signs for them.
#[derive(Clone, Debug)]
pub(crate) struct Server {
    authority: String,
    region: String,
    identity: Identity,
}

/// The environment's AWS key, or the placeholder `ddbmock` key when it has none.
fn identity() -> Identity {
    let var = |name| std::env::var(name).ok().filter(|v| !v.is_empty());
    let (key, secret) = match (var("AWS_ACCESS_KEY_ID"), var("AWS_SECRET_ACCESS_KEY")) {
        (Some(key), Some(secret)) => (key, secret),
        _ => ("ddbmock".to_owned(), "ddbmock".to_owned()),
    };
    aws_credential_types::Credentials::new(key, secret, var("AWS_SESSION_TOKEN"), None, "ddbmock")
        .into()
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
            identity: identity(),
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
        let target = format!("DynamoDB_20120810.{operation}");
        let body = Bytes::from(body);
        let mut request = hyper::Request::post("/")
            .header("host", &self.server.authority)
            .header("content-type", "application/x-amz-json-1.0")
            .header("x-amz-target", &target)
            .body(Full::new(body.clone()))
            .map_err(|e| CallError::Transport(e.to_string()))?;
        self.server
            .sign(&mut request, &body)
            .map_err(|e| CallError::Transport(format!("cannot sign the request: {e}")))?;
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

impl Server {
    /// Adds `request`'s SigV4 headers (`x-amz-date`, `authorization`, and the session token if
    /// any), signed now with this server's key for its region.
    fn sign(&self, request: &mut hyper::Request<Full<Bytes>>, body: &[u8]) -> Result<(), String> {
        let params = aws_sigv4::sign::v4::SigningParams::builder()
            .identity(&self.identity)
            .region(&self.region)
            .name("dynamodb")
            .time(SystemTime::now())
            .settings(SigningSettings::default())
            .build()
            .map_err(|e| e.to_string())?
            .into();
        let headers = request
            .headers()
            .iter()
            .filter_map(|(name, value)| Some((name.as_str(), value.to_str().ok()?)));
        let uri = format!("http://{}{}", self.authority, request.uri());
        let signable = SignableRequest::new("POST", uri, headers, SignableBody::Bytes(body))
            .map_err(|e| e.to_string())?;
        let (instructions, _) = sign(signable, &params)
            .map_err(|e| e.to_string())?
            .into_parts();
        instructions.apply_to_request_http1x(request);
        Ok(())
    }
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
}
