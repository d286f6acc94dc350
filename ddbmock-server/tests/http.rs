//! HTTP beyond the protocol: the server's own routes (health check, CORS, shutdown, the capacity
//! report) here, and DynamoDB's answers to raw requests in `raw_requests`.

mod common;
#[path = "http/raw_requests.rs"]
mod raw_requests;

use common::Server;

#[tokio::test]
async fn get_is_the_health_check() {
    let server = Server::start().await;
    let reply = server.send("GET", &[], b"").await;
    assert_eq!(
        (reply.status, reply.text()),
        (200, "healthy: dynamodb.us-east-1.amazonaws.com ")
    );
    reply.assert_framed();
    assert_eq!(reply.header("x-amz-crc32"), Some("3128867991"));
}

#[tokio::test]
async fn other_methods_get_dynamodbs_404() {
    let server = Server::start().await;
    for method in ["PUT", "DELETE", "PATCH", "OPTIONS"] {
        let reply = server.send(method, &[], b"").await;
        assert_eq!(
            (reply.status, reply.text()),
            (404, "<UnknownOperationException/>\n"),
            "{method}"
        );
        reply.assert_framed();
    }
}

#[tokio::test]
async fn browsers_get_cors_preflight_and_headers() {
    let server = Server::start().await;
    let reply = server
        .send(
            "OPTIONS",
            &[
                ("Origin", "http://localhost:3000"),
                ("Access-Control-Request-Method", "POST"),
                (
                    "Access-Control-Request-Headers",
                    "content-type, x-amz-target, authorization",
                ),
            ],
            b"",
        )
        .await;
    assert_eq!((reply.status, reply.text()), (200, ""));
    reply.assert_framed();
    assert_eq!(reply.header("access-control-allow-origin"), Some("*"));
    assert_eq!(reply.header("access-control-allow-methods"), Some("POST"));
    assert_eq!(
        reply.header("access-control-allow-headers"),
        Some("content-type, x-amz-target, authorization")
    );
    assert_eq!(reply.header("access-control-max-age"), Some("172800"));

    let reply = server
        .send(
            "POST",
            &[
                ("Origin", "http://localhost:3000"),
                ("X-Amz-Target", "nope"),
            ],
            b"",
        )
        .await;
    assert_eq!(reply.status, 400);
    assert_eq!(reply.header("access-control-allow-origin"), Some("*"));
    assert!(
        reply
            .header("access-control-expose-headers")
            .unwrap()
            .contains("x-amz-crc32")
    );
}

#[tokio::test]
async fn shutdown_finishes_and_returns() {
    let mut server = Server::start().await;
    let reply = server.call("ListTables", "{}").await;
    assert_eq!(reply.status, 200);
    drop(server.stop.take());
    let result = tokio::time::timeout(std::time::Duration::from_secs(5), &mut server.task).await;
    assert!(matches!(result, Ok(Ok(Ok(())))), "{result:?}");
    assert!(tokio::net::TcpStream::connect(server.addr).await.is_err());
}

#[tokio::test]
async fn the_capacity_report_is_served_outside_the_api() {
    let server = Server::start().await;
    let created = server
        .call(
            "CreateTable",
            r#"{"TableName":"report","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],
                "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"BillingMode":"PAY_PER_REQUEST"}"#,
        )
        .await;
    assert_eq!(created.status, 200, "{}", created.text());
    let put = server
        .call(
            "PutItem",
            r#"{"TableName":"report","Item":{"pk":{"S":"a"}}}"#,
        )
        .await;
    assert_eq!(put.status, 200, "{}", put.text());
    let reply = server
        .send_raw(
            format!(
                "GET /ddbmock/capacity HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n",
                server.addr
            )
            .as_bytes(),
        )
        .await;
    assert_eq!(reply.status, 200);
    assert_eq!(reply.header("content-type"), Some("application/json"));
    let report: serde_json::Value = serde_json::from_str(reply.text()).unwrap();
    let table = &report["Tables"]["report"];
    assert_eq!(table["Usage"]["TotalWriteUnits"], 1.0);
    assert_eq!(table["ItemCount"], 1);
}
