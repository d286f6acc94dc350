//! Authentication over HTTP: DynamoDB's errors for missing and incomplete signatures, and with
//! `--auth` verified signatures over the body received, the scope's region, DynamoDB's order, and the
//! admin routes behind the same layer.

mod common;

use common::Server;
use common::sign::SIGNER;
use ddbmock_server::{Auth, Options};
use sha2::Digest;

const JSON: (&str, &str) = ("Content-Type", "application/x-amz-json-1.0");
const LIST_TABLES: (&str, &str) = ("X-Amz-Target", "DynamoDB_20120810.ListTables");

#[tokio::test]
async fn a_request_without_a_signature_is_refused() {
    let server = Server::start().await;
    let reply = server.send("POST", &[JSON, LIST_TABLES], b"{}").await;
    assert_eq!(reply.status, 400);
    reply.assert_framed();
    assert_eq!(
        reply.text(),
        r#"{"__type":"com.amazon.coral.service#MissingAuthenticationTokenException","message":"Request is missing Authentication Token"}"#
    );
    let reply = server
        .send(
            "POST",
            &[JSON, LIST_TABLES, ("Authorization", "AWS4-")],
            b"{}",
        )
        .await;
    assert_eq!(
        reply.text(),
        r#"{"__type":"com.amazon.coral.service#IncompleteSignatureException","message":"Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=AWS4-"}"#
    );
    // dynalite's recording of DynamoDB gives this CRC for that body.
    assert_eq!(reply.header("x-amz-crc32"), Some("1828866742"));
}

#[tokio::test]
async fn verified_keys_refuse_wrong_signatures_and_unknown_keys() {
    let server = Server::start_with(Options::default().with_auth(Auth::verify([(
        "AKIDEXAMPLE".to_owned(),
        "secret".to_owned(),
    )])))
    .await;
    // The harness's fixed date is long past for a verifying server.
    let reply = server.call("ListTables", "{}").await;
    assert_eq!(reply.status, 400);
    let body: serde_json::Value = serde_json::from_slice(&reply.body).unwrap();
    assert_eq!(
        body["__type"],
        "com.amazon.coral.service#InvalidSignatureException"
    );
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .starts_with("Signature expired: 20260101T000000Z is now earlier than ")
    );
}

fn verifying() -> Options {
    Options::default().with_auth(Auth::verify([(
        SIGNER.key.to_owned(),
        SIGNER.secret.to_owned(),
    )]))
}

const PUT: &str = "DynamoDB_20120810.PutItem";

async fn create_table(server: &Server) {
    let reply = server
        .signed(
            &SIGNER,
            "DynamoDB_20120810.CreateTable",
            br#"{"TableName":"tab","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"BillingMode":"PAY_PER_REQUEST"}"#,
            br#"{"TableName":"tab","KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"BillingMode":"PAY_PER_REQUEST"}"#,
            &[],
        )
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text());
}

async fn items(server: &Server) -> serde_json::Value {
    let body = br#"{"TableName":"tab"}"#;
    let reply = server
        .signed(&SIGNER, "DynamoDB_20120810.Scan", body, body, &[])
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    serde_json::from_slice::<serde_json::Value>(&reply.body).unwrap()["Items"].clone()
}

const MISMATCH: &str = "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.";

/// The message of an error reply, after checking its type.
#[track_caller]
fn error(reply: &common::Reply, kind: &str) -> String {
    assert_eq!(reply.status, 400, "{}", reply.text());
    let body: serde_json::Value = serde_json::from_slice(&reply.body).unwrap();
    assert_eq!(
        body["__type"],
        format!("com.amazon.coral.service#{kind}"),
        "{}",
        reply.text()
    );
    body["message"].as_str().unwrap_or("").to_owned()
}

#[tokio::test]
async fn a_signed_request_replayed_with_another_body_is_refused_and_stores_nothing() {
    let server = Server::start_with(verifying()).await;
    create_table(&server).await;
    let signed = br#"{"TableName":"tab","Item":{"pk":{"S":"signed"}}}"#;
    let forged = br#"{"TableName":"tab","Item":{"pk":{"S":"forged"}}}"#;
    let declared = hex::encode(sha2::Sha256::digest(signed));

    // With the signed body's hash declared in X-Amz-Content-Sha256 (which the verifier used to trust).
    let reply = server
        .signed(
            &SIGNER,
            PUT,
            signed,
            forged,
            &[("X-Amz-Content-Sha256", &declared)],
        )
        .await;
    let message = error(&reply, "InvalidSignatureException");
    assert!(message.starts_with(MISMATCH), "{message}");
    // What the server computed is the forged body's hash, as DynamoDB shows it.
    let forged_hash = hex::encode(sha2::Sha256::digest(forged));
    assert!(message.contains(&format!("\n{forged_hash}'")), "{message}");

    // Without the header.
    let reply = server.signed(&SIGNER, PUT, signed, forged, &[]).await;
    assert!(error(&reply, "InvalidSignatureException").starts_with(MISMATCH));

    // A header that disagrees with a correctly signed body is refused too.
    let reply = server
        .signed(
            &SIGNER,
            PUT,
            forged,
            forged,
            &[("X-Amz-Content-Sha256", &declared)],
        )
        .await;
    assert!(error(&reply, "InvalidSignatureException").starts_with(MISMATCH));
    assert_eq!(items(&server).await, serde_json::json!([]));

    // The request as signed goes through, with or without the (correct) header.
    let reply = server
        .signed(
            &SIGNER,
            PUT,
            signed,
            signed,
            &[("X-Amz-Content-Sha256", &declared)],
        )
        .await;
    assert_eq!((reply.status, reply.text()), (200, "{}"));
    assert_eq!(
        items(&server).await,
        serde_json::json!([{"pk": {"S": "signed"}}])
    );
}

fn capacity_request(server: &Server, authorization: Option<&str>) -> Vec<u8> {
    let mut request = format!(
        "GET /ddbmock/capacity HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n",
        server.addr
    );
    if let Some(value) = authorization {
        request.push_str(&format!("Authorization: {value}\r\n"));
    }
    request.push_str("\r\n");
    request.into_bytes()
}

#[tokio::test]
async fn admin_routes_are_behind_auth_too() {
    let server = Server::start_with(verifying()).await;
    let reply = server.send_raw(&capacity_request(&server, None)).await;
    reply.assert_framed();
    assert_eq!(
        (reply.status, reply.text()),
        (
            400,
            r#"{"__type":"com.amazon.coral.service#MissingAuthenticationTokenException","message":"Request is missing Authentication Token"}"#
        )
    );
    let reply = server
        .send_raw(&capacity_request(&server, Some("Bearer guess")))
        .await;
    assert_eq!(
        error(&reply, "UnrecognizedClientException"),
        "The security token included in the request is invalid."
    );

    // Signed, it answers.
    let date = common::sign::amz_date(std::time::SystemTime::now());
    let headers = vec![
        ("host".to_owned(), server.addr.to_string()),
        ("x-amz-date".to_owned(), date.clone()),
    ];
    let auth = SIGNER.authorization("GET", "/ddbmock/capacity", &headers, b"");
    let request = format!(
        "GET /ddbmock/capacity HTTP/1.1\r\nHost: {}\r\nX-Amz-Date: {date}\r\nAuthorization: {auth}\r\nConnection: close\r\n\r\n",
        server.addr
    );
    let reply = server.send_raw(request.as_bytes()).await;
    assert_eq!(reply.status, 200, "{}", reply.text());
    assert!(reply.text().contains("\"Tables\""), "{}", reply.text());

    // So does the startup token.
    let server = Server::start_with(
        Options::default().with_auth(
            Auth::verify([(SIGNER.key.to_owned(), SIGNER.secret.to_owned())])
                .with_token("s3cret-token"),
        ),
    )
    .await;
    let reply = server
        .send_raw(&capacity_request(&server, Some("Bearer s3cret-token")))
        .await;
    assert_eq!(reply.status, 200, "{}", reply.text());
}

#[tokio::test]
async fn under_auth_authentication_comes_before_the_body_and_the_target() {
    let server = Server::start_with(verifying()).await;
    let missing = r#"{"__type":"com.amazon.coral.service#MissingAuthenticationTokenException","message":"Request is missing Authentication Token"}"#;
    for (target, body) in [
        ("DynamoDB_20120810.ListTables", &b"{not json"[..]),
        ("DynamoDB_20120810.NoSuchOperation", b"{}"),
        ("nonsense", b"{not json"),
    ] {
        let reply = server
            .send("POST", &[JSON, ("X-Amz-Target", target)], body)
            .await;
        assert_eq!((reply.status, reply.text()), (400, missing), "{target}");
    }
    // Signed with a key it knows, a malformed body then gets DynamoDB's SerializationException.
    let body = b"{not json";
    let reply = server
        .signed(&SIGNER, "DynamoDB_20120810.ListTables", body, body, &[])
        .await;
    assert_eq!(error(&reply, "SerializationException"), "");
}

#[tokio::test]
async fn under_auth_the_scope_must_name_the_servers_region_and_dynamodb() {
    let server = Server::start_with(verifying()).await;
    let body = b"{}";
    let elsewhere = common::sign::Signer {
        region: "eu-west-1",
        service: "dynamo",
        ..SIGNER
    };
    let reply = server
        .signed(&elsewhere, "DynamoDB_20120810.ListTables", body, body, &[])
        .await;
    assert_eq!(
        error(&reply, "InvalidSignatureException"),
        "Credential should be scoped to a valid region, not 'eu-west-1'. Credential should be scoped to correct service: 'dynamodb'."
    );
}

#[tokio::test]
async fn under_auth_a_signature_in_uppercase_hex_is_refused() {
    let server = Server::start_with(verifying()).await;
    let body = b"{}";
    let host = server.addr.to_string();
    let mut headers = SIGNER.post(&host, "DynamoDB_20120810.ListTables", body, &[]);
    let good: Vec<(&str, &str)> = headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    assert_eq!(server.send("POST", &good, body).await.status, 200);
    for (name, value) in &mut headers {
        if name == "authorization" {
            let (head, signature) = value.rsplit_once("Signature=").unwrap();
            *value = format!("{head}Signature={}", signature.to_ascii_uppercase());
        }
    }
    let upper: Vec<(&str, &str)> = headers
        .iter()
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    let reply = server.send("POST", &upper, body).await;
    assert!(error(&reply, "InvalidSignatureException").starts_with(MISMATCH));
}
