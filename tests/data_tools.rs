//! The data tools of the `ddbmock` binary: `load` and `dump` against a `--db` file and a running
//! server, in DynamoDB's export data format (plain and gzip) and as BatchWriteItem requests; bad
//! input names its file, line and item and loads nothing; `--seed` starts a server with data.

#![cfg(unix)]

use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const TABLE: &str = r#"{"TableName": "people",
  "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
  "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
  "BillingMode": "PAY_PER_REQUEST"}"#;

/// A fresh folder for one test, under the target directory.
fn folder(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("data_tools")
        .join(test);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_owned()
}

fn gzip(text: &str) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(text.as_bytes()).unwrap();
    encoder.finish().unwrap()
}

fn gunzip(bytes: &[u8]) -> String {
    let mut text = String::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// Runs the binary to its end: success, standard output, standard error.
fn ddbmock(args: &[&str]) -> (bool, String, String) {
    ddbmock_with_key(args, None)
}

/// [`ddbmock`], with `key` (access key id, secret) as the environment's AWS key, or with none.
fn ddbmock_with_key(args: &[&str], key: Option<(&str, &str)>) -> (bool, String, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_ddbmock"));
    command.args(args);
    for name in [
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN",
    ] {
        command.env_remove(name);
    }
    if let Some((id, secret)) = key {
        command
            .env("AWS_ACCESS_KEY_ID", id)
            .env("AWS_SECRET_ACCESS_KEY", secret);
    }
    let output = command.output().expect("run ddbmock");
    (
        output.status.success(),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

/// Export data lines, each in one canonical form (members in name order), sorted, so that items
/// of any member order in scans of any order compare.
fn sorted_lines(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = text
        .lines()
        .map(|line| {
            serde_json::from_str::<serde_json::Value>(line)
                .unwrap()
                .to_string()
        })
        .collect();
    lines.sort();
    lines
}

#[track_caller]
fn assert_summary(stderr: &str, start: &str) {
    assert!(
        stderr.starts_with(start) && stderr.ends_with(" items/s)\n") && stderr.lines().count() == 1,
        "{stderr}"
    );
}

#[test]
fn loads_each_format_into_a_db_file_and_dumps_it_back() {
    let dir = folder("db_round_trip");
    let db = dir.join("t.db");
    let db = db.to_str().unwrap();
    let table = write(&dir, "people.table.json", TABLE);
    let export = dir.join("people.json.gz");
    std::fs::write(
        &export,
        gzip("{\"Item\":{\"id\":{\"S\":\"a\"},\"n\":{\"N\":\"1.50\"}}}\n\n{\"Item\":{\"id\":{\"S\":\"b\"}}}\n"),
    )
    .unwrap();
    let batch = write(
        &dir,
        "more.json",
        r#"{"people": [
            {"PutRequest": {"Item": {"id": {"S": "c"}, "tags": {"SS": ["x"]}}}},
            {"PutRequest": {"Item": {"id": {"S": "b"}, "v": {"S": "last"}}}}
        ]}"#,
    );
    let (ok, _, stderr) = ddbmock(&["load", "--db", db, &table, export.to_str().unwrap(), &batch]);
    assert!(ok, "{stderr}");
    // b is given twice: its last item is kept, and counted once.
    assert_summary(&stderr, "loaded 3 items into 1 table in ");

    let out = dir.join("people.out.json");
    let (ok, _, stderr) = ddbmock(&[
        "dump",
        "--db",
        db,
        "--table",
        "people",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(ok, "{stderr}");
    assert_summary(&stderr, "dumped 3 items from 1 table in ");
    assert_eq!(
        sorted_lines(&std::fs::read_to_string(&out).unwrap()),
        [
            r#"{"Item":{"id":{"S":"a"},"n":{"N":"1.5"}}}"#,
            r#"{"Item":{"id":{"S":"b"},"v":{"S":"last"}}}"#,
            r#"{"Item":{"id":{"S":"c"},"tags":{"SS":["x"]}}}"#,
        ]
    );

    // As a BatchWriteItem request on standard output: what `aws dynamodb batch-write-item` takes.
    let (ok, stdout, stderr) = ddbmock(&["dump", "--db", db, "--format", "batch"]);
    assert!(ok, "{stderr}");
    let request: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let requests = request["people"].as_array().unwrap();
    assert_eq!(requests.len(), 3);
    assert!(requests.contains(
        &serde_json::json!({"PutRequest": {"Item": {"id": {"S": "a"}, "n": {"N": "1.5"}}}})
    ));

    // The dump loads into a new database as it is, with the table's definition.
    let copy = dir.join("copy.db");
    let dumped = write(&dir, "dumped.json", &stdout);
    let (ok, _, stderr) = ddbmock(&["load", "--db", copy.to_str().unwrap(), &table, &dumped]);
    assert!(ok, "{stderr}");
    assert_summary(&stderr, "loaded 3 items into 1 table in ");
}

#[test]
fn a_bad_item_at_line_5000_loads_nothing_and_is_named() {
    let dir = folder("bad_line");
    let db = dir.join("t.db");
    let db = db.to_str().unwrap();
    let table = write(&dir, "people.table.json", TABLE);
    let (ok, _, stderr) = ddbmock(&["load", "--db", db, &table]);
    assert!(ok, "{stderr}");
    assert_summary(&stderr, "loaded 0 items into 1 table in ");

    let mut text = String::new();
    for n in 1..=6000 {
        if n == 5000 {
            text.push_str("{\"Item\":{\"name\":{\"S\":\"no id\"}}}\n");
        } else {
            text.push_str(&format!("{{\"Item\":{{\"id\":{{\"S\":\"p{n}\"}}}}}}\n"));
        }
    }
    let data = write(&dir, "people.json", &text);
    let (ok, _, stderr) = ddbmock(&["load", "--db", db, &data]);
    assert!(!ok);
    assert_eq!(
        stderr,
        format!(
            "ddbmock load: {data} line 5000, table people: ValidationException: One or more parameter values were invalid: Missing the key id in the item\n  item: {{\"Item\":{{\"name\":{{\"S\":\"no id\"}}}}}}\nnothing was loaded\n"
        )
    );
    let (ok, stdout, stderr) = ddbmock(&["dump", "--db", db, "--table", "people"]);
    assert!(ok, "{stderr}");
    assert_eq!(stdout, "");
    assert_summary(&stderr, "dumped 0 items from 1 table in ");

    // Text that is not an item at all is named the same way, and so is a missing table.
    let broken = write(
        &dir,
        "people.broken.json",
        "{\"Item\":{\"id\":{\"S\":\"a\"}}}\n{\"Item\":{\"id\":{\"Q\":\"a\"}}}\n",
    );
    let (ok, _, stderr) = ddbmock(&["load", "--db", db, &broken]);
    assert!(!ok);
    assert!(
        stderr.starts_with(&format!("ddbmock load: {broken} line 2, table people: ")),
        "{stderr}"
    );
    let (ok, _, stderr) = ddbmock(&["load", "--db", db, "--table", "nobody", &broken]);
    assert!(!ok);
    assert_eq!(
        stderr,
        format!(
            "ddbmock load: {broken}: table nobody does not exist in the database: create it first, or give its CreateTable request before its data\nnothing was loaded\n"
        )
    );
}

/// A server started with `args`, killed on drop.
struct Server {
    child: std::process::Child,
    endpoint: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn server(args: &[&str]) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ddbmock"))
        .args(["--port", "0", "--log", "off"])
        .args(args)
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn ddbmock");
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let endpoint = line
        .split_whitespace()
        .find(|w| w.starts_with("http://"))
        .unwrap_or_else(|| panic!("no endpoint in {line:?}"))
        .to_owned();
    Server { child, endpoint }
}

#[test]
fn loads_into_and_dumps_from_a_server_and_seeds_one() {
    let dir = folder("server");
    let table = write(&dir, "people.table.json", TABLE);
    let mut text = String::new();
    for n in 0..120 {
        text.push_str(&format!("{{\"Item\":{{\"id\":{{\"S\":\"p{n:03}\"}}}}}}\n"));
    }
    let data = write(&dir, "people.json", &text);
    let running = server(&[]);
    let at = ["--endpoint", running.endpoint.as_str()];
    let (ok, _, stderr) = ddbmock(&[&["load"][..], &at, &[&table, &data]].concat());
    assert!(ok, "{stderr}");
    assert_summary(&stderr, "loaded 120 items into 1 table in ");
    // The same definition again is no change; another is refused before anything is written.
    let (ok, _, stderr) = ddbmock(&[&["load"][..], &at, &[&table, &data]].concat());
    assert!(ok, "{stderr}");
    assert_summary(&stderr, "loaded 120 items into 1 table in ");
    let other = write(&dir, "other.json", &TABLE.replace("PAY_PER_REQUEST\"", "PROVISIONED\", \"ProvisionedThroughput\": {\"ReadCapacityUnits\": 1, \"WriteCapacityUnits\": 1}"));
    let (ok, _, stderr) = ddbmock(&[&["load"][..], &at, &[&other, &data]].concat());
    assert!(!ok);
    assert_eq!(
        stderr,
        "ddbmock load: table people already exists on the server, and its definition given is another\nnothing was loaded\n"
    );

    let out = dir.join("out/");
    let (ok, _, stderr) =
        ddbmock(&[&["dump", "--gzip", "--out", out.to_str().unwrap()][..], &at].concat());
    assert!(ok, "{stderr}");
    assert_summary(&stderr, "dumped 120 items from 1 table in ");
    let dumped = gunzip(&std::fs::read(out.join("people.json.gz")).unwrap());
    assert_eq!(sorted_lines(&dumped), sorted_lines(&text));
    drop(running);

    // A server seeded with the table and the dump answers with them from its first request.
    let seeded = server(&[
        "--seed",
        &table,
        out.join("people.json.gz").to_str().unwrap(),
    ]);
    let (ok, stdout, stderr) =
        ddbmock(&["dump", "--endpoint", &seeded.endpoint, "--table", "people"]);
    assert!(ok, "{stderr}");
    assert_eq!(sorted_lines(&stdout), sorted_lines(&text));
}

#[test]
fn load_and_dump_sign_with_the_environments_key_for_a_server_with_auth() {
    let dir = folder("auth");
    let table = write(&dir, "people.table.json", TABLE);
    let data = write(&dir, "people.json", "{\"Item\":{\"id\":{\"S\":\"a\"}}}\n");
    let running = server(&["--auth", "AKIDLOADER:s3cret"]);
    let at = ["--endpoint", running.endpoint.as_str()];
    let load = [&["load"][..], &at, &[&table, &data]].concat();

    // The server's key signs: the table and its item arrive, and come back.
    let (ok, _, stderr) = ddbmock_with_key(&load, Some(("AKIDLOADER", "s3cret")));
    assert!(ok, "{stderr}");
    assert_summary(&stderr, "loaded 1 item into 1 table in ");
    let dump = [&["dump", "--table", "people"][..], &at].concat();
    let (ok, stdout, stderr) = ddbmock_with_key(&dump, Some(("AKIDLOADER", "s3cret")));
    assert!(ok, "{stderr}");
    assert_eq!(stdout, "{\"Item\":{\"id\":{\"S\":\"a\"}}}\n");

    // Another secret, or no key at all, gets DynamoDB's refusal and writes nothing.
    let (ok, _, stderr) = ddbmock_with_key(&load, Some(("AKIDLOADER", "wrong")));
    assert!(!ok);
    // The rest of DynamoDB's message is the canonical request, which holds the time.
    assert!(
        stderr.starts_with(
            "ddbmock load: InvalidSignatureException: The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n"
        ) && stderr.ends_with("\nnothing was loaded\n"),
        "{stderr}"
    );
    let (ok, _, stderr) = ddbmock_with_key(&load, None);
    assert!(!ok);
    assert_eq!(
        stderr,
        "ddbmock load: UnrecognizedClientException: The security token included in the request is invalid.\nnothing was loaded\n"
    );
}

#[test]
fn a_bad_seed_stops_the_server_from_starting() {
    let dir = folder("bad_seed");
    let data = write(&dir, "people.json", "{\"Item\":{\"id\":{\"S\":\"a\"}}}\n");
    let (ok, stdout, stderr) = ddbmock(&["--port", "0", "--log", "off", "--seed", &data]);
    assert!(!ok);
    assert_eq!(stdout, "");
    assert_eq!(
        stderr,
        format!(
            "ddbmock: --seed: {data}: table people does not exist in the database: create it first, or give its CreateTable request before its data\nnothing was loaded\n"
        )
    );
}
