//! The `ddbmock` binary: the startup line names the endpoint, the endpoint answers, and SIGTERM stops
//! the server cleanly (exit status 0); `--status-delay` and `--index-delay` make table and index
//! changes take time; each region keeps its tables (beside the `--db` file), `--shared` merges them,
//! `--auth` takes an account per key, and `--eventual-lag` makes eventually consistent reads stale.

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
    assert!(
        line.contains(
            "(in memory, any access key; tables per region, every key in account 000000000000)"
        ),
        "{line}"
    );
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

/// A server started by [`spawn`], killed on drop.
struct Spawned {
    child: std::process::Child,
    address: String,
    /// The startup line.
    line: String,
    // Kept open: the server prints more lines, and a closed pipe would fail it.
    _stdout: BufReader<std::process::ChildStdout>,
}

impl Drop for Spawned {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts the binary with `args`.
fn spawn(args: &[&str]) -> Spawned {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ddbmock"))
        .args(["--port", "0", "--log", "off"])
        .args(args)
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn ddbmock");
    let mut line = String::new();
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    stdout.read_line(&mut line).unwrap();
    let address = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap()
        .to_owned();
    Spawned {
        child,
        address,
        line,
        _stdout: stdout,
    }
}

/// Calls `operation` with `body`; the answer's JSON.
fn call(address: &str, operation: &str, body: &str) -> serde_json::Value {
    call_in(address, "us-east-1", operation, body)
}

/// [`call`] with a credential scoped to `region`.
fn call_in(address: &str, region: &str, operation: &str, body: &str) -> serde_json::Value {
    let mut stream = TcpStream::connect(address).unwrap();
    let auth = format!(
        "AWS4-HMAC-SHA256 Credential=AKID/20260101/{region}/dynamodb/aws4_request, SignedHeaders=host, Signature=00"
    );
    write!(
        stream,
        "POST / HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\nContent-Type: application/x-amz-json-1.0\r\nX-Amz-Target: DynamoDB_20120810.{operation}\r\nX-Amz-Date: 20260101T000000Z\r\nAuthorization: {auth}\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut reply = String::new();
    stream.read_to_string(&mut reply).unwrap();
    let (_, json) = reply.split_once("\r\n\r\n").unwrap();
    serde_json::from_str(json).unwrap()
}

fn describe(address: &str) -> serde_json::Value {
    call(address, "DescribeTable", r#"{"TableName":"slow"}"#)
}

/// Polls DescribeTable until `done` holds of the answer (at most 10 s); the time it took.
fn wait_for(address: &str, done: impl Fn(&serde_json::Value) -> bool) -> Duration {
    let started = Instant::now();
    while !done(&describe(address)) {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "{}",
            describe(address)
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    started.elapsed()
}

const CREATE: &str = r#"{"TableName":"slow","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"BillingMode":"PAY_PER_REQUEST"}"#;

#[test]
fn status_delays_show_creating_updating_and_deleting() {
    // Off by default: a new table is ACTIVE at once.
    let server = spawn(&[]);
    call(&server.address, "CreateTable", CREATE);
    assert_eq!(describe(&server.address)["Table"]["TableStatus"], "ACTIVE");
    drop(server);

    let server = spawn(&["--status-delay", "400", "--index-delay", "400"]);
    let address = server.address.as_str();
    let created = call(address, "CreateTable", CREATE);
    assert_eq!(created["TableDescription"]["TableStatus"], "CREATING");
    assert_eq!(describe(address)["Table"]["TableStatus"], "CREATING");
    let put = call(
        address,
        "PutItem",
        r#"{"TableName":"slow","Item":{"pk":{"S":"a"}}}"#,
    );
    assert_eq!(
        put["__type"],
        "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException"
    );
    let took = wait_for(address, |d| d["Table"]["TableStatus"] == "ACTIVE");
    assert!(took >= Duration::from_millis(250), "{took:?}");

    let updated = call(
        address,
        "UpdateTable",
        r#"{"TableName":"slow","AttributeDefinitions":[{"AttributeName":"g","AttributeType":"S"}],"GlobalSecondaryIndexUpdates":[{"Create":{"IndexName":"gsi","KeySchema":[{"AttributeName":"g","KeyType":"HASH"}],"Projection":{"ProjectionType":"ALL"}}}]}"#,
    );
    assert_eq!(updated["TableDescription"]["TableStatus"], "UPDATING");
    assert_eq!(
        describe(address)["Table"]["GlobalSecondaryIndexes"][0]["IndexStatus"],
        "CREATING"
    );
    wait_for(address, |d| d["Table"]["TableStatus"] == "ACTIVE");
    // The index backfills after the table's transition, for --index-delay.
    let index = &describe(address)["Table"]["GlobalSecondaryIndexes"][0];
    assert_eq!(index["IndexStatus"], "CREATING", "{index}");
    assert_eq!(index["Backfilling"], true, "{index}");
    wait_for(address, |d| {
        d["Table"]["GlobalSecondaryIndexes"][0]["IndexStatus"] == "ACTIVE"
    });

    let deleted = call(address, "DeleteTable", r#"{"TableName":"slow"}"#);
    assert_eq!(deleted["TableDescription"]["TableStatus"], "DELETING");
    assert_eq!(describe(address)["Table"]["TableStatus"], "DELETING");
    wait_for(address, |d| {
        d["__type"] == "com.amazonaws.dynamodb.v20120810#ResourceNotFoundException"
    });
}

#[test]
fn each_region_keeps_its_tables_in_a_file_beside_the_db_and_finds_them_after_a_restart() {
    let dir = TempDir::new();
    let db = dir.0.join("tables.db");
    let db = db.to_str().unwrap();
    {
        let server = spawn(&["--db", db]);
        assert!(
            server.line.contains(&format!(
                "(in {db}, any access key; tables per region, every key in account 000000000000)"
            )),
            "{}",
            server.line
        );
        let created = call_in(&server.address, "eu-west-1", "CreateTable", CREATE);
        assert_eq!(
            created["TableDescription"]["TableArn"],
            "arn:aws:dynamodb:eu-west-1:000000000000:table/slow"
        );
        assert!(dir.0.join("tables.000000000000.eu-west-1.db").exists());
        let home = call(&server.address, "ListTables", "{}");
        assert_eq!(home["TableNames"], serde_json::json!([]));
    }
    let server = spawn(&["--db", db]);
    let eu = call_in(&server.address, "eu-west-1", "ListTables", "{}");
    assert_eq!(eu["TableNames"], serde_json::json!(["slow"]));
}

#[test]
fn shared_serves_every_region_from_the_home_region() {
    let server = spawn(&["--shared", "--region", "eu-west-1"]);
    assert!(
        server.line.contains("(in memory, any access key; one set of tables for every region and key (--shared), eu-west-1)"),
        "{}",
        server.line
    );
    call_in(&server.address, "us-west-2", "CreateTable", CREATE);
    let described = call_in(
        &server.address,
        "ap-south-1",
        "DescribeTable",
        r#"{"TableName":"slow"}"#,
    );
    assert_eq!(
        described["Table"]["TableArn"],
        "arn:aws:dynamodb:eu-west-1:000000000000:table/slow"
    );
}

#[test]
fn auth_takes_an_account_per_key() {
    let server = spawn(&[
        "--auth",
        "AKID:secret@111122223333",
        "--auth",
        "AKID2:secret",
    ]);
    assert!(
        server.line.contains(
            "(in memory, verifying signatures; tables per account and region, accounts by key)"
        ),
        "{}",
        server.line
    );
    let refused = Command::new(env!("CARGO_BIN_EXE_ddbmock"))
        .args(["--port", "0", "--auth", "AKID:secret@12345"])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains("invalid value 'AKID:secret@12345' for '--auth <KEY:SECRET[@ACCOUNT]>': expected ACCESS_KEY_ID:SECRET_ACCESS_KEY[@ACCOUNT_ID], ACCOUNT_ID 12 digits"),
        "{stderr}"
    );
}

/// `--eventual-lag MS` makes eventually consistent reads miss writes of up to MS ago (all of them
/// with `--eventual-worst-case`), while consistent reads see them; both need the lag.
#[test]
fn eventual_lag_hides_recent_writes_from_eventually_consistent_reads() {
    // A minute: however slow the machine, the read comes within the lag.
    let server = spawn(&["--eventual-lag", "60000", "--eventual-worst-case"]);
    assert!(
        server.line.contains(
            "every key in account 000000000000; eventually consistent reads 60000 ms behind)"
        ),
        "{}",
        server.line
    );
    let address = server.address.as_str();
    call(address, "CreateTable", CREATE);
    call(
        address,
        "PutItem",
        r#"{"TableName":"slow","Item":{"pk":{"S":"a"}}}"#,
    );
    let get = |consistent: bool| {
        call(
            address,
            "GetItem",
            &format!(
                r#"{{"TableName":"slow","Key":{{"pk":{{"S":"a"}}}},"ConsistentRead":{consistent}}}"#
            ),
        )
    };
    assert_eq!(get(false), serde_json::json!({}));
    assert_eq!(get(true), serde_json::json!({"Item": {"pk": {"S": "a"}}}));
    drop(server);

    let seeded = spawn(&["--eventual-lag", "500", "--eventual-seed", "7"]);
    assert!(
        seeded
            .line
            .contains("; eventually consistent reads up to 500 ms behind)"),
        "{}",
        seeded.line
    );
    drop(seeded);

    for args in [
        &["--eventual-worst-case"][..],
        &["--eventual-seed", "1"],
        &[
            "--eventual-lag",
            "5",
            "--eventual-seed",
            "1",
            "--eventual-worst-case",
        ],
    ] {
        let refused = Command::new(env!("CARGO_BIN_EXE_ddbmock"))
            .args(["--port", "0"])
            .args(args)
            .output()
            .unwrap();
        assert_eq!(refused.status.code(), Some(2), "{args:?}");
    }
}

/// A directory of its own under the system's temporary directory, removed on drop.
struct TempDir(std::path::PathBuf);

impl TempDir {
    fn new() -> TempDir {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos();
        let path =
            std::env::temp_dir().join(format!("ddbmock-test-{}-{nanos}", std::process::id()));
        std::fs::create_dir(&path).unwrap();
        TempDir(path)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// `--s3-dir DIR` is S3 for ImportTable and ExportTableToPointInTime: `s3://in/data/` is
/// `DIR/in/data/`.
#[test]
fn s3_dir_is_the_bucket_folder_of_imports() {
    let dir = TempDir::new();
    std::fs::create_dir_all(dir.0.join("in/data")).unwrap();
    std::fs::write(dir.0.join("in/data/rows.csv"), "pk,color\na,red\nb,blue\n").unwrap();
    let server = spawn(&["--s3-dir", dir.0.to_str().unwrap()]);
    let import = call(
        &server.address,
        "ImportTable",
        r#"{"S3BucketSource":{"S3Bucket":"in","S3KeyPrefix":"data/"},"InputFormat":"CSV","TableCreationParameters":{"TableName":"slow","AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"}],"KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],"BillingMode":"PAY_PER_REQUEST"}}"#,
    );
    let d = &import["ImportTableDescription"];
    assert_eq!(d["ImportStatus"], "COMPLETED", "{import}");
    assert_eq!(d["ImportedItemCount"], 2);
    let got = call(
        &server.address,
        "GetItem",
        r#"{"TableName":"slow","Key":{"pk":{"S":"b"}}}"#,
    );
    assert_eq!(got["Item"]["color"]["S"], "blue");
}
