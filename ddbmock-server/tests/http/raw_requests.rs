//! A table of raw requests, one row per case, each with DynamoDB's status, `Content-Type`, body
//! (hence type and message) and CRC: content types, content encodings, paths, the 16 MB body
//! limit, the 16 KB head limit (and hyper's own refusals of larger heads, given as DynamoDB's 400)
//! and signature dates.
//!
//! DynamoDB's answers come from dynalite's recordings of DynamoDB (`test/connection.js`: content
//! types, the 404, the serialization and signature errors, their CRCs) and ScyllaDB's Alternator
//! tests run against DynamoDB (`test_compressed_request.py`, `test_manual_requests.py`,
//! `test_health.py`: encodings, sizes, paths).

use std::io::Write;
use std::time::{Duration, SystemTime};

use crate::common::Server;
use crate::common::sign::{SIGNER, amz_date};
use ddbmock_server::{Auth, Options};

const AMZ_JSON: &str = "application/x-amz-json-1.0";
const JSON: &str = "application/json";
const NOT_FOUND: &str = "<UnknownOperationException/>\n";
const SERIALIZATION: &str = r#"{"__type":"com.amazon.coral.service#SerializationException"}"#;
const UNKNOWN_OPERATION: &str =
    r#"{"__type":"com.amazon.coral.service#UnknownOperationException"}"#;
const MISSING_TOKEN: &str = r#"{"__type":"com.amazon.coral.service#MissingAuthenticationTokenException","message":"Request is missing Authentication Token"}"#;
const INTERNAL: &str = r#"{"__type":"com.amazonaws.dynamodb.v20120810#InternalServerError","message":"Internal server error"}"#;
const NO_TABLES: &str = r#"{"TableNames":[]}"#;
const LIST_TABLES: &[u8] = br#"{"Limit":5}"#;
const MIB16: usize = 16 * 1024 * 1024;

/// What a row expects of the answer's body.
enum Expected {
    Exact(&'static str),
    /// A text naming the server's clock, made from the time it answered.
    AtTime(fn(SystemTime) -> String),
}

/// One raw request and DynamoDB's answer to it.
struct Row {
    case: &'static str,
    /// Sent to a server verifying signatures (`--auth`) rather than one taking any key.
    verifying: bool,
    request: Vec<u8>,
    status: u16,
    content_type: Option<&'static str>,
    body: Expected,
}

/// A row for the server taking any key, answering exactly `body`.
fn row(
    case: &'static str,
    request: Vec<u8>,
    status: u16,
    content_type: Option<&'static str>,
    body: &'static str,
) -> Row {
    Row {
        case,
        verifying: false,
        request,
        status,
        content_type,
        body: Expected::Exact(body),
    }
}

/// A request of `method` on `path` with `headers` and `body` under a `Content-Length`.
fn request(method: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut out = format!("{method} {path} HTTP/1.1\r\nHost: ddbmock\r\nConnection: close\r\n");
    for (name, value) in headers {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    out.push_str(&format!("Content-Length: {}\r\n\r\n", body.len()));
    let mut out = out.into_bytes();
    out.extend_from_slice(body);
    out
}

/// A `ListTables` call as an SDK sends it (signed-looking), with `extra` headers and `body`.
fn list_tables(extra: &[(&str, &str)], body: &[u8]) -> Vec<u8> {
    let mut headers = vec![
        ("Content-Type", AMZ_JSON),
        ("X-Amz-Target", "DynamoDB_20120810.ListTables"),
        ("X-Amz-Date", "20260101T000000Z"),
        ("Authorization", crate::common::AUTH),
    ];
    headers.extend_from_slice(extra);
    request("POST", "/", &headers, body)
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

fn zlib(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap()
}

/// Runs `rows` against a server taking any key and one verifying signatures.
async fn check(rows: Vec<Row>) {
    let any_key = Server::start().await;
    let verifying = Server::start_with(Options::default().with_auth(Auth::verify([(
        SIGNER.key.to_owned(),
        SIGNER.secret.to_owned(),
    )])))
    .await;
    for row in rows {
        let server = if row.verifying { &verifying } else { &any_key };
        let before = SystemTime::now();
        let reply = server.send_raw(&row.request).await;
        let after = SystemTime::now();
        let case = row.case;
        assert_eq!(
            reply.status,
            row.status,
            "{case}: {}",
            String::from_utf8_lossy(&reply.body)
        );
        assert_eq!(reply.header("content-type"), row.content_type, "{case}");
        match row.body {
            Expected::Exact(text) => assert_eq!(reply.text(), text, "{case}"),
            Expected::AtTime(text) => assert!(
                [before, after].iter().any(|t| reply.text() == text(*t)),
                "{case}: {} is not {}",
                reply.text(),
                text(after)
            ),
        }
        reply.assert_framed();
    }
}

#[tokio::test]
async fn content_types_as_dynamodb_answers_them() {
    let target = ("X-Amz-Target", "DynamoDB_20120810.ListTables");
    let typed = |content_type: &'static str, body: &[u8]| {
        request("POST", "/", &[("Content-Type", content_type)], body)
    };
    check(vec![
        row(
            "no content type, no body, no target",
            request("POST", "/", &[], b""),
            400,
            Some(JSON),
            UNKNOWN_OPERATION,
        ),
        row(
            "no content type, no body, no signature",
            request("POST", "/", &[target], b""),
            400,
            Some(JSON),
            MISSING_TOKEN,
        ),
        row(
            "no content type with a body",
            request("POST", "/", &[target], b"{}"),
            404,
            None,
            NOT_FOUND,
        ),
        row(
            "another content type with a body",
            typed("whatever", b"hi"),
            404,
            None,
            NOT_FOUND,
        ),
        row(
            "JSON 1.1 with a body",
            typed("application/x-amz-json-1.1", b"hi"),
            404,
            None,
            NOT_FOUND,
        ),
        row(
            "a longer name than JSON",
            typed("application/jsonasdf", b"hi"),
            404,
            None,
            NOT_FOUND,
        ),
        row(
            "another content type, no body",
            request("POST", "/", &[("Content-Type", "text/plain"), target], b""),
            400,
            Some(JSON),
            MISSING_TOKEN,
        ),
        row(
            "JSON, not JSON",
            typed("application/json", b"hi"),
            400,
            Some(JSON),
            SERIALIZATION,
        ),
        row(
            "JSON 1.0, not JSON",
            typed(AMZ_JSON, b"hi"),
            400,
            Some(AMZ_JSON),
            SERIALIZATION,
        ),
        row(
            "JSON and a semicolon",
            typed("application/json;", b"hi"),
            400,
            Some(JSON),
            SERIALIZATION,
        ),
        row(
            "JSON with spaces and a parameter",
            typed("  application/json  ;   asfd", b"hi"),
            400,
            Some(JSON),
            SERIALIZATION,
        ),
        row(
            "JSON 1.0 and a parameter",
            typed("application/x-amz-json-1.0;blahblah", b"hi"),
            400,
            Some(AMZ_JSON),
            SERIALIZATION,
        ),
        row(
            "JSON with a charset, no target",
            typed("application/json;charset=asfdsaf", b"{}"),
            400,
            Some(JSON),
            UNKNOWN_OPERATION,
        ),
        row(
            "JSON 1.0, no target",
            typed(AMZ_JSON, b"{}"),
            400,
            Some(AMZ_JSON),
            UNKNOWN_OPERATION,
        ),
        // Under --auth the signature is checked before anything else; its error is typed alike.
        Row {
            verifying: true,
            ..row(
                "early error, JSON 1.0",
                request("POST", "/", &[("Content-Type", AMZ_JSON), target], b"{}"),
                400,
                Some(AMZ_JSON),
                MISSING_TOKEN,
            )
        },
        Row {
            verifying: true,
            ..row(
                "early error, no content type",
                request("POST", "/", &[target], b""),
                400,
                Some(JSON),
                MISSING_TOKEN,
            )
        },
    ])
    .await;
}

#[tokio::test]
async fn content_encodings_as_dynamodb_reads_them() {
    let encoded =
        |coding: &'static str, body: Vec<u8>| list_tables(&[("Content-Encoding", coding)], &body);
    let truncated = |mut body: Vec<u8>| {
        body.pop();
        body
    };
    let bomb = gzip(&[LIST_TABLES, &vec![b' '; MIB16]].concat());
    check(vec![
        row(
            "gzip",
            encoded("gzip", gzip(LIST_TABLES)),
            200,
            Some(AMZ_JSON),
            NO_TABLES,
        ),
        row(
            "two gzip members",
            encoded(
                "gzip",
                [gzip(&LIST_TABLES[..4]), gzip(&LIST_TABLES[4..])].concat(),
            ),
            200,
            Some(AMZ_JSON),
            NO_TABLES,
        ),
        row(
            "gzip, then junk",
            encoded("gzip", [gzip(LIST_TABLES), b"junk".to_vec()].concat()),
            200,
            Some(AMZ_JSON),
            NO_TABLES,
        ),
        row(
            "gzip missing its last byte",
            encoded("gzip", truncated(gzip(LIST_TABLES))),
            500,
            Some(AMZ_JSON),
            INTERNAL,
        ),
        row(
            "gzip of nothing",
            encoded("gzip", Vec::new()),
            500,
            Some(AMZ_JSON),
            INTERNAL,
        ),
        row(
            "plain JSON said to be gzip",
            encoded("gzip", LIST_TABLES.to_vec()),
            500,
            Some(AMZ_JSON),
            INTERNAL,
        ),
        row(
            "gzip inflating past 16 MB",
            encoded("gzip", bomb),
            413,
            None,
            "",
        ),
        row(
            "deflate",
            encoded("deflate", zlib(LIST_TABLES)),
            200,
            Some(AMZ_JSON),
            NO_TABLES,
        ),
        row(
            "two deflate streams read as the first",
            encoded(
                "deflate",
                [zlib(&LIST_TABLES[..4]), zlib(&LIST_TABLES[4..])].concat(),
            ),
            400,
            Some(AMZ_JSON),
            SERIALIZATION,
        ),
        row(
            "deflate of nothing",
            encoded("deflate", Vec::new()),
            500,
            Some(AMZ_JSON),
            INTERNAL,
        ),
        row(
            "plain JSON said to be deflate",
            encoded("deflate", LIST_TABLES.to_vec()),
            500,
            Some(AMZ_JSON),
            INTERNAL,
        ),
        row(
            "an encoding DynamoDB does not read",
            encoded("garbage", LIST_TABLES.to_vec()),
            500,
            Some(AMZ_JSON),
            INTERNAL,
        ),
        row(
            "identity",
            encoded("identity", LIST_TABLES.to_vec()),
            200,
            Some(AMZ_JSON),
            NO_TABLES,
        ),
    ])
    .await;
}

#[tokio::test]
async fn paths_as_dynamodb_routes_them() {
    let api = |path| {
        let headers = [
            ("Content-Type", AMZ_JSON),
            ("X-Amz-Target", "DynamoDB_20120810.ListTables"),
            ("X-Amz-Date", "20260101T000000Z"),
            ("Authorization", crate::common::AUTH),
        ];
        request("POST", path, &headers, LIST_TABLES)
    };
    let get = |path| request("GET", path, &[], b"");
    check(vec![
        row(
            "the API at another path",
            api("/some/path"),
            200,
            Some(AMZ_JSON),
            NO_TABLES,
        ),
        row(
            "the API with a query",
            api("/?a=b"),
            200,
            Some(AMZ_JSON),
            NO_TABLES,
        ),
        row(
            "the health check",
            get("/"),
            200,
            None,
            "healthy: dynamodb.us-east-1.amazonaws.com ",
        ),
        row(
            "the health check with a query",
            get("/?a=b"),
            200,
            None,
            "healthy: dynamodb.us-east-1.amazonaws.com ",
        ),
        row("GET of another path", get("/abc"), 404, None, NOT_FOUND),
        row("GET /health", get("/health"), 404, None, NOT_FOUND),
        row("GET /index.htm", get("/index.htm"), 404, None, NOT_FOUND),
    ])
    .await;
}

#[tokio::test]
async fn sizes_as_dynamodb_limits_them() {
    // Valid JSON of exactly 16 MiB, and a byte more.
    let padded = |size: usize| [LIST_TABLES, &vec![b' '; size - LIST_TABLES.len()]].concat();
    let mut chunked = b"POST / HTTP/1.1\r\nHost: ddbmock\r\nConnection: close\r\nContent-Type: application/x-amz-json-1.0\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
    for chunk in padded(MIB16 + 1).chunks(1 << 20) {
        chunked.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        chunked.extend_from_slice(chunk);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    let declared_only = format!(
        "POST / HTTP/1.1\r\nHost: ddbmock\r\nExpect: 100-continue\r\nContent-Length: {}\r\n\r\n",
        MIB16 + 1
    )
    .into_bytes();
    let long = "x".repeat(16 * 1024);
    let fits = "x".repeat(15 * 1024);
    let huge = "x".repeat(500 * 1024);
    let names: Vec<String> = (0..150).map(|i| format!("X-Extra-{i}")).collect();
    let many_headers: Vec<(&str, &str)> = names.iter().map(|n| (n.as_str(), "1")).collect();
    check(vec![
        row(
            "a body of 16 MiB",
            list_tables(&[], &padded(MIB16)),
            200,
            Some(AMZ_JSON),
            NO_TABLES,
        ),
        // Read to its end before the answer, which the client then reads whole.
        row(
            "a body of 16 MiB and a byte",
            list_tables(&[], &padded(MIB16 + 1)),
            413,
            None,
            "",
        ),
        row("a chunked body over 16 MiB", chunked, 413, None, ""),
        row(
            "over 16 MiB, waiting for 100 Continue",
            declared_only,
            413,
            None,
            "",
        ),
        row(
            "a header of 15 KiB",
            list_tables(&[("X-Padding", &fits)], LIST_TABLES),
            200,
            Some(AMZ_JSON),
            NO_TABLES,
        ),
        row(
            "a header of 16 KiB",
            list_tables(&[("X-Padding", &long)], LIST_TABLES),
            400,
            None,
            "",
        ),
        row(
            "a path of 16 KiB",
            request("POST", &format!("/{long}"), &[], b""),
            400,
            None,
            "",
        ),
        row(
            "a GET with a header of 16 KiB",
            request("GET", "/", &[("X-Padding", &long)], b""),
            400,
            None,
            "",
        ),
        // Past hyper's read buffer (about 400 KiB), hyper refuses the head itself (431), and the
        // connection's writes give its refusal as DynamoDB's 400 (`front.rs`).
        row(
            "a header of 500 KiB",
            list_tables(&[("X-Padding", &huge)], LIST_TABLES),
            400,
            None,
            "",
        ),
        row(
            "a GET with a header of 500 KiB",
            request("GET", "/", &[("X-Padding", &huge)], b""),
            400,
            None,
            "",
        ),
        // More headers than hyper parses (100): hyper's 431, given as 400.
        row(
            "150 headers",
            list_tables(&many_headers, LIST_TABLES),
            400,
            None,
            "",
        ),
        // A URI past 64 KiB: hyper's 414, given as 400.
        row(
            "a path of 70 KiB",
            request("POST", &format!("/{}", "x".repeat(70 * 1024)), &[], b""),
            400,
            None,
            "",
        ),
    ])
    .await;
}

/// `Authorization` for the verifying server's key, scoped to `day`, signing `host`.
fn authorization(day: &str) -> String {
    format!(
        "AWS4-HMAC-SHA256 Credential={}/{day}/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000",
        SIGNER.key
    )
}

/// A `ListTables` call with `headers` (its date and signature).
fn dated(headers: &[(&str, &str)]) -> Vec<u8> {
    let mut all = vec![
        ("Content-Type", AMZ_JSON),
        ("X-Amz-Target", "DynamoDB_20120810.ListTables"),
    ];
    all.extend_from_slice(headers);
    request("POST", "/", &all, b"{}")
}

#[tokio::test]
async fn signature_dates_as_dynamodb_checks_them() {
    use Expected::{AtTime, Exact};
    let auth = authorization("20260101");
    let now = amz_date(SystemTime::now() + Duration::from_secs(120));
    let scope_mismatch = format!(
        r#"{{"__type":"com.amazon.coral.service#InvalidSignatureException","message":"Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20000101' != '{}', from '{now}'."}}"#,
        &now[..8]
    );
    let auth_2000 = authorization("20000101");
    let row = |case, verifying, request, status, body| Row {
        case,
        verifying,
        request,
        status,
        content_type: Some(AMZ_JSON),
        body,
    };
    check(vec![
        row("a date that is not ISO 8601", false, dated(&[("X-Amz-Date", "201"), ("Authorization", &auth)]), 400,
            Exact(r#"{"__type":"com.amazon.coral.service#IncompleteSignatureException","message":"Date must be in ISO-8601 'basic format'. Got '201'. See http://en.wikipedia.org/wiki/ISO_8601"}"#)),
        row("a Date header in HTTP's format", false, dated(&[("Date", "Thu, 01 Jan 2026 00:00:00 GMT"), ("Authorization", &auth)]), 400,
            Exact(r#"{"__type":"com.amazon.coral.service#IncompleteSignatureException","message":"Date must be in ISO-8601 'basic format'. Got 'Thu, 01 Jan 2026 00:00:00 GMT'. See http://en.wikipedia.org/wiki/ISO_8601"}"#)),
        row("X-Amz-Date before Date", false, dated(&[("X-Amz-Date", "2026"), ("Date", "20260101T000000Z"), ("Authorization", &auth)]), 400,
            Exact(r#"{"__type":"com.amazon.coral.service#IncompleteSignatureException","message":"Date must be in ISO-8601 'basic format'. Got '2026'. See http://en.wikipedia.org/wiki/ISO_8601"}"#)),
        row("a date in basic format, not a day", true, dated(&[("X-Amz-Date", "20261301T000000Z"), ("Authorization", &auth)]), 400,
            Exact(r#"{"__type":"com.amazon.coral.service#IncompleteSignatureException","message":"Date must be in ISO-8601 'basic format'. Got '20261301T000000Z'. See http://en.wikipedia.org/wiki/ISO_8601"}"#)),
        row("no date at all", true, dated(&[("Authorization", &auth)]), 400,
            Exact(r#"{"__type":"com.amazon.coral.service#IncompleteSignatureException","message":"Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000"}"#)),
        row("more than 15 minutes old", true, dated(&[("X-Amz-Date", "20130301T000000Z"), ("Authorization", &auth)]), 400,
            AtTime(|now| format!(
                r#"{{"__type":"com.amazon.coral.service#InvalidSignatureException","message":"Signature expired: 20130301T000000Z is now earlier than {} ({} - 15 min.)"}}"#,
                amz_date(now - Duration::from_secs(900)),
                amz_date(now)
            ))),
        row("more than 15 minutes ahead", true, dated(&[("X-Amz-Date", "20990101T000000Z"), ("Authorization", &auth)]), 400,
            AtTime(|now| format!(
                r#"{{"__type":"com.amazon.coral.service#InvalidSignatureException","message":"Signature not yet current: 20990101T000000Z is still later than {} ({} + 15 min.)"}}"#,
                amz_date(now + Duration::from_secs(900)),
                amz_date(now)
            ))),
        row("fresh, but another day in the scope", true, dated(&[("X-Amz-Date", &now), ("Authorization", &auth_2000)]), 400,
            Exact(scope_mismatch.leak())),
    ])
    .await;
}
