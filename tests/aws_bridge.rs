//! The AWS SDK bridge (feature `aws`): the conformance suite through both conversions, typed SDK
//! errors, paginators, SDK retries against injected throttling, `#[ddbmock::test]` injection, and
//! signing.
#![cfg(feature = "aws")]

use std::collections::HashMap;
use std::sync::Arc;

use aws_sdk_dynamodb::error::ProvideErrorMetadata;
use aws_sdk_dynamodb::types::{
    ConditionCheck, Put, ReturnValuesOnConditionCheckFailure, TransactWriteItem,
};
use aws_support::{create_table, n, s};
use ddbmock::mock::{Mock, Operation};
use ddbmock::{DynamoDb, Engine, Error};

mod aws_support;

/// The suite through the trait on `aws::Sdk`, over an SDK client on the engine: every call goes
/// trait input → wire JSON → SDK → bridge → codec → engine and back.
mod conformance {
    ddbmock_test::conformance_tests!(async {
        ddbmock::aws::Sdk::new(ddbmock::aws::client(&ddbmock::Engine::memory()))
    });

    // The scenarios that move the clock: an engine on a manual clock behind the SDK client.
    ddbmock_test::conformance_clock_tests!(async {
        let clock = ddbmock::Clock::manual(std::time::SystemTime::now());
        let engine = ddbmock::Engine::memory_with_clock(clock.clone());
        (
            ddbmock::aws::Sdk::new(ddbmock::aws::client(&engine)),
            move |by| {
                clock.advance(by);
            },
        )
    });

    // The eventual consistency scenarios: an engine simulating the worst case on a manual clock.
    ddbmock_test::conformance_consistency_tests!(async {
        let clock = ddbmock::Clock::manual(std::time::SystemTime::now());
        let engine = ddbmock::Engine::builder()
            .clock(clock.clone())
            .consistency(ddbmock::engine::Consistency::oldest(
                ddbmock_test::conformance::CONSISTENCY_LAG,
            ))
            .build()
            .expect("the engine");
        (
            ddbmock::aws::Sdk::new(ddbmock::aws::client(&engine)),
            move |by| {
                clock.advance(by);
            },
        )
    });

    // The global tables scenarios: SDK clients of two scopes of one `Scopes`, which the clock's
    // closure keeps alive (replicas reach each other through it).
    ddbmock_test::conformance_region_tests!(async {
        let clock = ddbmock::Clock::manual(std::time::SystemTime::now());
        let scopes = ddbmock::Engine::builder()
            .clock(clock.clone())
            .scopes()
            .expect("scopes");
        let eu = scopes
            .engine("000000000000", "eu-west-1")
            .expect("the eu-west-1 scope");
        (
            ddbmock::aws::Sdk::new(ddbmock::aws::client(scopes.home())),
            ddbmock::aws::Sdk::new(ddbmock::aws::client(&eu)),
            move |by| {
                let _ = &scopes;
                clock.advance(by);
            },
        )
    });

    // The Streams scenarios: `aws::StreamsSdk` over `aws::streams_client`, on the same engine as the
    // DynamoDB client that writes.
    ddbmock_test::conformance_stream_tests!(async {
        let engine = ddbmock::Engine::memory();
        (
            ddbmock::aws::Sdk::new(ddbmock::aws::client(&engine)),
            ddbmock::aws::StreamsSdk::new(ddbmock::aws::streams_client(&engine)),
        )
    });
}

#[tokio::test]
async fn headers_match_the_server() {
    let engine = Engine::memory();
    let client = ddbmock::aws::client(&engine);
    let output = client.list_tables().send().await.unwrap();
    assert!(output.table_names().is_empty());
    let request_id = aws_sdk_dynamodb::operation::RequestId::request_id(&output).unwrap();
    assert_eq!(request_id.len(), 52);
}

#[tokio::test]
async fn resource_not_found_is_typed() {
    let client = ddbmock::aws::client(&Engine::memory());
    let error = client
        .get_item()
        .table_name("missing")
        .key("pk", s("a"))
        .send()
        .await
        .unwrap_err()
        .into_service_error();
    assert!(error.is_resource_not_found_exception(), "{error:?}");
    assert_eq!(error.code(), Some("ResourceNotFoundException"));
    assert_eq!(error.message(), Some("Requested resource not found"));
}

#[tokio::test]
async fn conditional_check_failed_carries_the_item() {
    let client = ddbmock::aws::client(&Engine::memory());
    create_table(&client, "tbl", None).await;
    let item = HashMap::from([
        ("pk".into(), s("a")),
        ("sk".into(), n("1")),
        ("v".into(), n("7")),
    ]);
    client
        .put_item()
        .table_name("tbl")
        .set_item(Some(item.clone()))
        .send()
        .await
        .unwrap();
    let error = client
        .put_item()
        .table_name("tbl")
        .set_item(Some(item.clone()))
        .condition_expression("attribute_not_exists(pk)")
        .return_values_on_condition_check_failure(ReturnValuesOnConditionCheckFailure::AllOld)
        .send()
        .await
        .unwrap_err()
        .into_service_error();
    let aws_sdk_dynamodb::operation::put_item::PutItemError::ConditionalCheckFailedException(e) =
        error
    else {
        panic!("not a ConditionalCheckFailedException: {error:?}");
    };
    assert_eq!(e.message(), Some("The conditional request failed"));
    assert_eq!(e.item(), Some(&item));
}

#[tokio::test]
async fn transaction_canceled_carries_reasons() {
    let client = ddbmock::aws::client(&Engine::memory());
    create_table(&client, "tbl", None).await;
    let key = HashMap::from([("pk".into(), s("a")), ("sk".into(), n("1"))]);
    let error = client
        .transact_write_items()
        .transact_items(
            TransactWriteItem::builder()
                .condition_check(
                    ConditionCheck::builder()
                        .table_name("tbl")
                        .set_key(Some(key.clone()))
                        .condition_expression("attribute_exists(pk)")
                        .build()
                        .unwrap(),
                )
                .build(),
        )
        .transact_items(
            TransactWriteItem::builder()
                .put(
                    Put::builder()
                        .table_name("tbl")
                        .item("pk", s("b"))
                        .item("sk", n("2"))
                        .build()
                        .unwrap(),
                )
                .build(),
        )
        .send()
        .await
        .unwrap_err()
        .into_service_error();
    let aws_sdk_dynamodb::operation::transact_write_items::TransactWriteItemsError::TransactionCanceledException(e) = error else {
        panic!("not a TransactionCanceledException: {error:?}");
    };
    let codes: Vec<_> = e.cancellation_reasons().iter().map(|r| r.code()).collect();
    assert_eq!(codes, [Some("ConditionalCheckFailed"), Some("None")]);
    assert!(
        e.message().unwrap_or_default().starts_with(
            "Transaction cancelled, please refer cancellation reasons for specific reasons"
        ),
        "{:?}",
        e.message()
    );
}

#[tokio::test]
async fn paginators_over_query_and_scan() {
    let client = ddbmock::aws::client(&Engine::memory());
    create_table(&client, "tbl", None).await;
    for i in 0..25 {
        client
            .put_item()
            .table_name("tbl")
            .item("pk", s(if i % 5 == 0 { "other" } else { "p" }))
            .item("sk", n(&i.to_string()))
            .send()
            .await
            .unwrap();
    }
    let pages: Vec<_> = client
        .query()
        .table_name("tbl")
        .key_condition_expression("pk = :p")
        .expression_attribute_values(":p", s("p"))
        .limit(3)
        .into_paginator()
        .send()
        .collect::<Result<Vec<_>, _>>()
        .await
        .unwrap();
    let keys: Vec<String> = pages
        .iter()
        .flat_map(|page| page.items())
        .map(|item| item["sk"].as_n().unwrap().clone())
        .collect();
    let expected: Vec<String> = (0..25)
        .filter(|i| i % 5 != 0)
        .map(|i| i.to_string())
        .collect();
    assert_eq!(keys, expected);
    assert!(pages.len() >= 7, "{} pages", pages.len());

    let scanned: Vec<_> = client
        .scan()
        .table_name("tbl")
        .limit(4)
        .into_paginator()
        .items()
        .send()
        .collect::<Result<Vec<_>, _>>()
        .await
        .unwrap();
    assert_eq!(scanned.len(), 25);
}

#[tokio::test]
async fn sdk_retries_injected_throttling() {
    let mock = Arc::new(Mock::new(Engine::memory()).fail_when(
        |call| call.is(Operation::ListTables) && call.operation_index == 1,
        Error::ProvisionedThroughputExceeded("Rate exceeded".into()),
    ));
    let client = ddbmock::aws::client_for(mock.clone());
    let output = client.list_tables().send().await.unwrap();
    assert!(output.table_names().is_empty());
    assert_eq!(
        mock.calls_to(Operation::ListTables).len(),
        2,
        "one throttled call, one retry"
    );
}

#[tokio::test]
async fn sdk_gives_up_after_its_attempts() {
    let mock = Arc::new(Mock::new(Engine::memory()).fail_when(
        |call| call.is(Operation::ListTables),
        Error::ProvisionedThroughputExceeded("Rate exceeded".into()),
    ));
    let db = ddbmock::aws::Sdk::new(ddbmock::aws::client_for(mock.clone()));
    let error = db.list_tables(Default::default()).await.unwrap_err();
    assert_eq!(
        error,
        Error::ProvisionedThroughputExceeded("Rate exceeded".into())
    );
    assert_eq!(
        mock.calls_to(Operation::ListTables).len(),
        3,
        "the SDK's standard 3 attempts"
    );
}

#[ddbmock::test]
async fn test_macro_injects_the_sdk_client(client: aws_sdk_dynamodb::Client, engine: Engine) {
    create_table(&client, "tbl", None).await;
    let tables = engine.list_tables(Default::default()).await.unwrap();
    assert_eq!(tables.table_names, Some(vec!["tbl".to_owned()]));
}

/// What the SDK's requests carry once signed, seen by an interceptor just before transmission.
mod signing {
    use std::sync::{Arc, Mutex};

    use aws_credential_types::provider::error::CredentialsError;
    use aws_credential_types::provider::{ProvideCredentials, future};
    use aws_sdk_dynamodb::error::DisplayErrorContext;
    use aws_smithy_runtime_api::box_error::BoxError;
    use aws_smithy_runtime_api::client::interceptors::Intercept;
    use aws_smithy_runtime_api::client::interceptors::context::BeforeTransmitInterceptorContextRef;
    use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
    use aws_smithy_types::config_bag::ConfigBag;
    use ddbmock::Engine;
    use ddbmock::mock::Mock;

    /// A request's `authorization` and `x-amz-user-agent` headers.
    type Sent = (Option<String>, String);

    /// The headers of each request sent.
    #[derive(Clone, Debug, Default)]
    struct Seen(Arc<Mutex<Vec<Sent>>>);

    /// The headers of the one ListTables request a client of `config` sends.
    async fn sent(config: aws_sdk_dynamodb::config::Builder) -> Sent {
        let seen = Seen::default();
        let config = config.interceptor(seen.clone()).build();
        aws_sdk_dynamodb::Client::from_conf(config)
            .list_tables()
            .send()
            .await
            .unwrap();
        let mut sent = std::mem::take(&mut *seen.0.lock().unwrap());
        assert_eq!(sent.len(), 1, "one request: {sent:?}");
        sent.remove(0)
    }

    impl Intercept for Seen {
        fn name(&self) -> &'static str {
            "Seen"
        }

        fn read_before_transmit(
            &self,
            context: &BeforeTransmitInterceptorContextRef<'_>,
            _: &RuntimeComponents,
            _: &mut ConfigBag,
        ) -> Result<(), BoxError> {
            let headers = context.request().headers();
            let authorization = headers.get("authorization").map(str::to_owned);
            let agent = headers
                .get("x-amz-user-agent")
                .unwrap_or_default()
                .to_owned();
            self.0.lock().unwrap().push((authorization, agent));
            Ok(())
        }
    }

    #[tokio::test]
    async fn the_bridge_sends_no_signature_and_names_itself() {
        let (authorization, agent) =
            sent(ddbmock::aws::config(&Engine::memory()).to_builder()).await;
        assert_eq!(authorization, None);
        assert!(agent.ends_with(" md/http#ddbmock"), "{agent}");
    }

    /// The bridge's configuration with another HTTP client (here a socket to a ddbmock server,
    /// which refuses unsigned requests) signs as the SDK does.
    #[cfg(feature = "server")]
    #[tokio::test]
    async fn another_http_client_gets_the_sdks_sigv4_signature() {
        let config = ddbmock::aws::config(&Engine::memory())
            .to_builder()
            .endpoint_url(super::over_http::server().await)
            .http_client(super::over_http::Tcp);
        let (Some(authorization), _) = sent(config).await else {
            panic!("no signature");
        };
        let (scope, rest) = authorization
            .strip_prefix("AWS4-HMAC-SHA256 Credential=AKIDDDBMOCK/")
            .and_then(|rest| rest.split_once(", SignedHeaders="))
            .unwrap_or_else(|| panic!("{authorization}"));
        let (date, scope) = scope.split_at(8);
        assert!(date.bytes().all(|b| b.is_ascii_digit()), "{authorization}");
        assert_eq!(scope, "/us-east-1/dynamodb/aws4_request");
        let (headers, signature) = rest.split_once(", Signature=").unwrap();
        assert!(headers.contains("x-amz-target"), "{authorization}");
        assert_eq!(signature.len(), 64, "{authorization}");
        assert!(signature.bytes().all(|b| b.is_ascii_hexdigit()));
    }

    /// A credentials provider that has none.
    #[derive(Debug)]
    struct NoCredentials;

    impl ProvideCredentials for NoCredentials {
        fn provide_credentials<'a>(&'a self) -> future::ProvideCredentials<'a>
        where
            Self: 'a,
        {
            future::ProvideCredentials::ready(Err(CredentialsError::not_loaded(
                "no credentials in this test",
            )))
        }
    }

    #[tokio::test]
    async fn the_bridge_still_resolves_credentials() {
        let mock = Arc::new(Mock::new(Engine::memory()));
        let config = ddbmock::aws::config_for(mock.clone())
            .to_builder()
            .credentials_provider(NoCredentials)
            .build();
        let error = aws_sdk_dynamodb::Client::from_conf(config)
            .list_tables()
            .send()
            .await
            .unwrap_err();
        let text = DisplayErrorContext(&error).to_string();
        assert!(text.contains("no credentials in this test"), "{text}");
        assert!(mock.calls().is_empty(), "nothing reached the engine");
    }
}

/// The third door: `aws::Sdk` over an SDK client that reaches a ddbmock server through a socket.
#[cfg(feature = "server")]
mod over_http {
    use aws_credential_types::provider::SharedCredentialsProvider;
    use aws_sdk_dynamodb::config::{BehaviorVersion, Credentials, Region};
    use aws_smithy_runtime_api::client::http::{
        HttpClient, HttpConnector, HttpConnectorFuture, HttpConnectorSettings, SharedHttpClient,
        SharedHttpConnector,
    };
    use aws_smithy_runtime_api::client::orchestrator::{HttpRequest, HttpResponse};
    use aws_smithy_runtime_api::client::result::ConnectorError;
    use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
    use aws_smithy_runtime_api::http::StatusCode;
    use aws_smithy_types::body::SdkBody;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio::net::{TcpListener, TcpStream};

    /// A bare HTTP/1.1 client (one connection per request), since the lean SDK has none.
    #[derive(Clone, Debug)]
    pub(super) struct Tcp;

    fn fail(message: impl Into<String>) -> ConnectorError {
        ConnectorError::io(message.into().into())
    }

    async fn exchange(request: HttpRequest) -> Result<HttpResponse, ConnectorError> {
        let uri = request.uri().to_owned();
        let rest = uri.strip_prefix("http://").ok_or_else(|| fail(&*uri))?;
        let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        let path = if path.is_empty() { "/" } else { path };
        let body = request.body().bytes().unwrap_or_default();
        let mut head = format!(
            "{} {path} HTTP/1.1\r\nHost: {authority}\r\nConnection: close\r\n",
            request.method()
        );
        for (name, value) in request.headers() {
            if !name.eq_ignore_ascii_case("content-length") {
                head.push_str(&format!("{name}: {value}\r\n"));
            }
        }
        head.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
        let mut stream = TcpStream::connect(authority)
            .await
            .map_err(|e| fail(e.to_string()))?;
        stream
            .write_all(head.as_bytes())
            .await
            .map_err(|e| fail(e.to_string()))?;
        stream
            .write_all(body)
            .await
            .map_err(|e| fail(e.to_string()))?;
        let mut bytes = Vec::new();
        stream
            .read_to_end(&mut bytes)
            .await
            .map_err(|e| fail(e.to_string()))?;
        let split = bytes
            .windows(4)
            .position(|w| w == b"\r\n\r\n")
            .ok_or_else(|| fail("no header end"))?;
        let head = String::from_utf8_lossy(&bytes[..split]).into_owned();
        let mut lines = head.split("\r\n");
        let status: u16 = lines
            .next()
            .and_then(|line| line.split(' ').nth(1))
            .and_then(|code| code.parse().ok())
            .ok_or_else(|| fail("no status"))?;
        let status = StatusCode::try_from(status).map_err(|e| fail(e.to_string()))?;
        let headers: Vec<(String, String)> = lines
            .filter_map(|line| line.split_once(':'))
            .map(|(name, value)| (name.trim().to_ascii_lowercase(), value.trim().to_owned()))
            .collect();
        let chunked = headers
            .iter()
            .any(|(name, value)| name == "transfer-encoding" && value.contains("chunked"));
        let body = &bytes[split + 4..];
        // Other endpoints (DynamoDB Local's Jetty, say) may send a body in chunks.
        let body = if chunked {
            dechunk(body).ok_or_else(|| fail("malformed chunked body"))?
        } else {
            body.to_vec()
        };
        let mut response = HttpResponse::new(status, SdkBody::from(body));
        for (name, value) in headers {
            if name != "transfer-encoding" {
                let _ = response.headers_mut().try_append(name, value);
            }
        }
        Ok(response)
    }

    /// The payload of a chunked HTTP/1.1 body: `None` if it is cut short or malformed.
    fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
        let mut out = Vec::new();
        loop {
            let line_end = body.windows(2).position(|w| w == b"\r\n")?;
            let size = std::str::from_utf8(&body[..line_end]).ok()?;
            let size = usize::from_str_radix(size.split(';').next()?.trim(), 16).ok()?;
            body = &body[line_end + 2..];
            if size == 0 {
                return Some(out);
            }
            out.extend_from_slice(body.get(..size)?);
            body = body.get(size + 2..)?;
        }
    }

    impl HttpConnector for Tcp {
        fn call(&self, request: HttpRequest) -> HttpConnectorFuture {
            HttpConnectorFuture::new(exchange(request))
        }
    }

    impl HttpClient for Tcp {
        fn http_connector(
            &self,
            _: &HttpConnectorSettings,
            _: &RuntimeComponents,
        ) -> SharedHttpConnector {
            SharedHttpConnector::new(self.clone())
        }
    }

    /// A fresh server on port 0, on the test's runtime (it stops with the test): its URL.
    pub(super) async fn server() -> String {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(ddbmock_server::run(
            listener,
            ddbmock::Engine::memory(),
            std::future::pending(),
        ));
        format!("http://{addr}")
    }

    /// The environment variable naming another endpoint for the conformance suite.
    const ENDPOINT: &str = "DDBMOCK_CONFORMANCE_ENDPOINT";

    /// The settings of an SDK client of the endpoint the conformance suite runs against, whatever
    /// its service: `DDBMOCK_CONFORMANCE_ENDPOINT` (DynamoDB Local, another emulator, a ddbmock
    /// server; DynamoDB itself over `https://` with feature `conformance-https`) with the region
    /// and credentials of the usual `AWS_*` variables when they are set, or else a fresh ddbmock
    /// server of the test's own.
    async fn sdk_config() -> aws_types::SdkConfig {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        let endpoint = match var(ENDPOINT) {
            Some(endpoint) => endpoint,
            None => server().await,
        };
        let region = var("AWS_REGION")
            .or_else(|| var("AWS_DEFAULT_REGION"))
            .unwrap_or_else(|| "us-east-1".to_owned());
        let credentials = match (var("AWS_ACCESS_KEY_ID"), var("AWS_SECRET_ACCESS_KEY")) {
            (Some(id), Some(secret)) => {
                Credentials::new(id, secret, var("AWS_SESSION_TOKEN"), None, "environment")
            }
            _ => Credentials::new("AKIDEXAMPLE", "secret", None, None, "test"),
        };
        aws_types::SdkConfig::builder()
            .behavior_version(BehaviorVersion::latest())
            .region(Region::new(region))
            .credentials_provider(SharedCredentialsProvider::new(credentials))
            .http_client(http_client(&endpoint))
            .endpoint_url(endpoint)
            .build()
    }

    /// The HTTP client for `endpoint`: the bare one above for `http://`; for `https://` (DynamoDB
    /// itself), the SDK's own HTTPS client, with feature `conformance-https`. It trusts the
    /// system's roots, or those of `SSL_CERT_FILE` when that is set.
    fn http_client(endpoint: &str) -> SharedHttpClient {
        if endpoint.starts_with("https://") {
            #[cfg(feature = "conformance-https")]
            {
                use aws_smithy_http_client::tls::{Provider, rustls_provider::CryptoMode};
                return aws_smithy_http_client::Builder::new()
                    .tls_provider(Provider::Rustls(CryptoMode::Ring))
                    .build_https();
            }
            #[cfg(not(feature = "conformance-https"))]
            panic!("{ENDPOINT}={endpoint}: an https endpoint needs --features conformance-https");
        }
        SharedHttpClient::new(Tcp)
    }

    /// The suite over HTTP: `aws::Sdk` and `aws::StreamsSdk` over SDK clients of one endpoint (see
    /// [`sdk_config`]). `DDBMOCK_CONFORMANCE_ENDPOINT=http://localhost:8000 cargo test -p ddbmock
    /// --features aws --test aws_bridge over_http` runs it against another endpoint.
    mod conformance {
        ddbmock_test::conformance_tests!(async {
            ddbmock::aws::Sdk::new(aws_sdk_dynamodb::Client::new(&super::sdk_config().await))
        });

        ddbmock_test::conformance_stream_tests!(async {
            let config = super::sdk_config().await;
            (
                ddbmock::aws::Sdk::new(aws_sdk_dynamodb::Client::new(&config)),
                ddbmock::aws::StreamsSdk::new(aws_sdk_dynamodbstreams::Client::new(&config)),
            )
        });
    }

    #[test]
    fn chunked_bodies_are_joined() {
        let body = b"5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\n\r\n";
        assert_eq!(dechunk(body).as_deref(), Some(&b"hello, world"[..]));
        assert_eq!(dechunk(b"5\r\nhel"), None);
        assert_eq!(dechunk(b"zz\r\n"), None);
    }
}

/// The later control-plane operations through the SDK: its typed client on the engine, and the
/// trait over it (`aws::Sdk`), including one that routes by no member.
#[tokio::test]
async fn control_plane_operations_cross_the_bridge() {
    use ddbmock::operation::*;
    let engine = Engine::memory();
    let client = ddbmock::aws::client(&engine);
    let arn = create_table(&client, "tbl", None).await.table_arn.unwrap();
    let missing = client
        .get_resource_policy()
        .resource_arn(&arn)
        .send()
        .await
        .unwrap_err()
        .into_service_error();
    assert!(missing.is_policy_not_found_exception(), "{missing:?}");
    let revision = client
        .put_resource_policy()
        .resource_arn(&arn)
        .policy(r#"{"Statement":[{"Effect":"Allow","Principal":"*","Action":"dynamodb:*","Resource":"*"}]}"#)
        .send()
        .await
        .unwrap()
        .revision_id
        .unwrap();
    let sdk = ddbmock::aws::Sdk::new(client);
    let got = sdk
        .get_resource_policy(GetResourcePolicyInput {
            resource_arn: Some(arn),
        })
        .await
        .unwrap();
    assert_eq!(got.revision_id, Some(revision));
    sdk.update_contributor_insights(UpdateContributorInsightsInput {
        table_name: Some("tbl".into()),
        contributor_insights_action: Some(ContributorInsightsAction::Enable),
        ..Default::default()
    })
    .await
    .unwrap();
    let listed = sdk
        .list_contributor_insights(ListContributorInsightsInput::default())
        .await
        .unwrap()
        .contributor_insights_summaries
        .unwrap();
    assert_eq!(listed[0].table_name.as_deref(), Some("tbl"));
    assert_eq!(
        listed[0].contributor_insights_status,
        Some(ContributorInsightsStatus::Enabled)
    );
}
