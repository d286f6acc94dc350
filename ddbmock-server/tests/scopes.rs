//! Scopes over HTTP: each request reaches the tables of its credential's region and its key's
//! account; two regions' tables are disjoint, with their own ARNs; a shared server merges them; keys
//! mapped to accounts see their own tables, and another account's table ARN is access denied.

mod common;

use common::Server;
use common::sign::Signer;
use ddbmock_engine::{Engine, Scopes};
use ddbmock_server::{Auth, Options};
use serde_json::{Value, json};

/// A server on `scopes` with `options`.
async fn serve(scopes: impl Into<Scopes>, options: Options) -> Server {
    Server::start_scoped(scopes.into(), options).await
}

async fn scoped() -> Server {
    serve(Engine::builder().scopes().unwrap(), Options::default()).await
}

/// A call with an unverified signature by `key` for `region` (any-key servers check its form only).
async fn call(server: &Server, key: &str, region: &str, operation: &str, body: Value) -> Value {
    let (status, body) = call_status(server, key, region, operation, body).await;
    assert_eq!(status, 200, "{operation} in {region}: {body}");
    body
}

async fn call_status(
    server: &Server,
    key: &str,
    region: &str,
    operation: &str,
    body: Value,
) -> (u16, Value) {
    let auth = format!(
        "AWS4-HMAC-SHA256 Credential={key}/20260101/{region}/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=00"
    );
    let target = format!("DynamoDB_20120810.{operation}");
    let reply = server
        .send(
            "POST",
            &[
                ("Content-Type", "application/x-amz-json-1.0"),
                ("X-Amz-Target", &target),
                ("X-Amz-Date", "20260101T000000Z"),
                ("Authorization", &auth),
            ],
            body.to_string().as_bytes(),
        )
        .await;
    reply.assert_framed();
    (reply.status, serde_json::from_slice(&reply.body).unwrap())
}

fn table(name: &str) -> Value {
    json!({
        "TableName": name,
        "AttributeDefinitions": [
            {"AttributeName": "pk", "AttributeType": "S"},
            {"AttributeName": "g", "AttributeType": "S"}
        ],
        "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
        "GlobalSecondaryIndexes": [{
            "IndexName": "by-g",
            "KeySchema": [{"AttributeName": "g", "KeyType": "HASH"}],
            "Projection": {"ProjectionType": "ALL"}
        }],
        "StreamSpecification": {"StreamEnabled": true, "StreamViewType": "KEYS_ONLY"},
        "BillingMode": "PAY_PER_REQUEST"
    })
}

#[tokio::test]
async fn two_regions_have_disjoint_tables_and_their_own_arns() {
    let server = scoped().await;
    for region in ["us-east-1", "eu-west-1"] {
        // The same name in both: no ResourceInUseException, they are two tables.
        let created = call(&server, "AKID", region, "CreateTable", table("orders")).await;
        let description = &created["TableDescription"];
        assert_eq!(
            description["TableArn"],
            format!("arn:aws:dynamodb:{region}:000000000000:table/orders")
        );
        assert_eq!(
            description["GlobalSecondaryIndexes"][0]["IndexArn"],
            format!("arn:aws:dynamodb:{region}:000000000000:table/orders/index/by-g")
        );
        let stream = description["LatestStreamArn"].as_str().unwrap();
        assert!(
            stream.starts_with(&format!(
                "arn:aws:dynamodb:{region}:000000000000:table/orders/stream/"
            )),
            "{stream}"
        );
        let endpoints = call(&server, "AKID", region, "DescribeEndpoints", json!({})).await;
        assert_eq!(
            endpoints["Endpoints"][0]["Address"],
            format!("dynamodb.{region}.amazonaws.com")
        );
    }
    call(
        &server,
        "AKID",
        "eu-west-1",
        "CreateTable",
        table("only-eu"),
    )
    .await;
    call(
        &server,
        "AKID",
        "us-east-1",
        "PutItem",
        json!({"TableName": "orders", "Item": {"pk": {"S": "a"}}}),
    )
    .await;
    let us = call(&server, "AKID", "us-east-1", "ListTables", json!({})).await;
    assert_eq!(us["TableNames"], json!(["orders"]));
    let eu = call(&server, "AKID", "eu-west-1", "ListTables", json!({})).await;
    assert_eq!(eu["TableNames"], json!(["only-eu", "orders"]));
    // The item went to us-east-1's table only.
    let scanned = call(
        &server,
        "AKID",
        "eu-west-1",
        "Scan",
        json!({"TableName": "orders"}),
    )
    .await;
    assert_eq!(scanned["Count"], 0);
    // Any access key is in the one account: another key sees the same region's tables.
    let other_key = call(&server, "AKIDOTHER", "eu-west-1", "ListTables", json!({})).await;
    assert_eq!(other_key["TableNames"], json!(["only-eu", "orders"]));
    // A region that has seen no request has no tables.
    let fresh = call(&server, "AKID", "ap-southeast-2", "ListTables", json!({})).await;
    assert_eq!(fresh["TableNames"], json!([]));
}

#[tokio::test]
async fn a_shared_server_serves_every_region_from_one_set_of_tables() {
    let server = serve(Engine::memory(), Options::default()).await;
    call(&server, "AKID", "us-east-1", "CreateTable", table("orders")).await;
    let eu = call(&server, "AKID", "eu-west-1", "ListTables", json!({})).await;
    assert_eq!(eu["TableNames"], json!(["orders"]));
    let described = call(
        &server,
        "AKID",
        "eu-west-1",
        "DescribeTable",
        json!({"TableName": "orders"}),
    )
    .await;
    // The one engine's region, whoever asks.
    assert_eq!(
        described["Table"]["TableArn"],
        "arn:aws:dynamodb:us-east-1:000000000000:table/orders"
    );
    let (status, _) =
        call_status(&server, "AKID", "eu-west-1", "CreateTable", table("orders")).await;
    assert_eq!(status, 400);
}

#[tokio::test]
async fn a_credential_scoped_to_no_region_name_is_refused_and_builds_nothing() {
    let scopes = Engine::builder().scopes().unwrap();
    let server = serve(scopes.clone(), Options::default()).await;
    let (status, body) = call_status(&server, "AKID", "bad.region", "ListTables", json!({})).await;
    assert_eq!(status, 400);
    assert_eq!(
        body,
        json!({
            "__type": "com.amazon.coral.service#InvalidSignatureException",
            "message": "Credential should be scoped to a valid region, not 'bad.region'."
        })
    );
    assert_eq!(scopes.scopes().len(), 1);
}

/// A signer for `key` in `region`, with the secret the verifying server below knows.
fn signer(key: &'static str, region: &'static str) -> Signer {
    Signer {
        key,
        secret: "secret",
        region,
        service: "dynamodb",
    }
}

async fn signed(server: &Server, signer: &Signer, operation: &str, body: Value) -> (u16, Value) {
    let body = body.to_string();
    let target = format!("DynamoDB_20120810.{operation}");
    let reply = server
        .signed(signer, &target, body.as_bytes(), body.as_bytes(), &[])
        .await;
    (reply.status, serde_json::from_slice(&reply.body).unwrap())
}

#[tokio::test]
async fn keys_mapped_to_accounts_see_their_own_tables() {
    let auth = Auth::verify([
        ("AKIDHOME".to_owned(), "secret".to_owned()),
        ("AKIDOTHER".to_owned(), "secret".to_owned()),
    ])
    .with_account("AKIDOTHER", "111122223333");
    let server = serve(
        Engine::builder().scopes().unwrap(),
        Options::default().with_auth(auth),
    )
    .await;
    let home = signer("AKIDHOME", "eu-west-1");
    let other = signer("AKIDOTHER", "eu-west-1");
    let (status, created) = signed(&server, &other, "CreateTable", table("orders")).await;
    assert_eq!(status, 200, "{created}");
    let arn = "arn:aws:dynamodb:eu-west-1:111122223333:table/orders";
    assert_eq!(created["TableDescription"]["TableArn"], arn);
    let (_, listed) = signed(&server, &home, "ListTables", json!({})).await;
    assert_eq!(listed["TableNames"], json!([]));
    // Its owner reaches it by ARN; the home account is refused with DynamoDB's text.
    let get = json!({"TableName": arn, "Key": {"pk": {"S": "a"}}});
    let (status, body) = signed(&server, &other, "GetItem", get.clone()).await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = signed(&server, &home, "GetItem", get).await;
    assert_eq!(status, 400);
    assert_eq!(
        body,
        json!({
            "__type": "com.amazon.coral.service#AccessDeniedException",
            "message": format!("User: arn:aws:iam::000000000000:root is not authorized to perform: dynamodb:GetItem on resource: {arn} because no resource-based policy allows the dynamodb:GetItem action")
        })
    );
    // A verifying server that keeps regions apart takes any region, and refuses non-names.
    let (status, body) = signed(
        &server,
        &signer("AKIDHOME", "local"),
        "ListTables",
        json!({}),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = signed(
        &server,
        &signer("AKIDHOME", "us_east_1"),
        "ListTables",
        json!({}),
    )
    .await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(
        body,
        json!({
            "__type": "com.amazon.coral.service#InvalidSignatureException",
            "message": "Credential should be scoped to a valid region, not 'us_east_1'."
        })
    );
}

/// The whole suite through a server that keeps regions apart, in a scope other than its home one.
mod scoped_conformance {
    use super::common;

    ddbmock_test::conformance_tests!(common::remote::Remote::start_scoped());

    ddbmock_test::conformance_stream_tests!(async {
        let r = std::sync::Arc::new(common::remote::Remote::start_scoped().await);
        (r.clone(), r)
    });
}
