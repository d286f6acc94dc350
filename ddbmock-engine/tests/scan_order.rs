//! The order of Scan and Query results (issue #16, part 4): partitions in DynamoDB's hash order,
//! parallel-scan segments over that hash's first twelve bits, and the entries of a global index
//! that share an index key ordered by the hash of their table key.
//!
//! The recorded rows are the orders dynalite's tests expect (test/scan.js "segmented scan
//! behavior", test/query.js "should query on a global index if values are equal"): tests written
//! to pass against DynamoDB itself. The computed rows hash the keys here, independently of the
//! engine: MD5("Outliers" ‖ key bytes), numbers in DynamoDB's byte encoding.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use base64::Engine as _;
use ddbmock_core::protocol::handle;
use ddbmock_engine::Engine;
use md5::{Digest, Md5};
use serde_json::{Value, json};

/// An engine spoken to in DynamoDB's JSON.
struct Db(Engine);

impl Db {
    async fn call(&self, op: &str, body: Value) -> Value {
        let target = format!("DynamoDB_20120810.{op}");
        let response = handle(&self.0, Some(&target), body.to_string().as_bytes()).await;
        let out: Value = serde_json::from_slice(&response.body).unwrap();
        assert_eq!(response.status, 200, "{op} {body}: {out}");
        out
    }

    async fn hash_table(&self, name: &str, ty: &str) {
        self.call(
            "CreateTable",
            json!({
                "TableName": name,
                "AttributeDefinitions": [{"AttributeName": "a", "AttributeType": ty}],
                "KeySchema": [{"AttributeName": "a", "KeyType": "HASH"}],
                "BillingMode": "PAY_PER_REQUEST"
            }),
        )
        .await;
    }

    async fn put_all(&self, table: &str, items: &[Value]) {
        for item in items {
            self.call("PutItem", json!({"TableName": table, "Item": item}))
                .await;
        }
    }

    /// Every item of a scan (or of one segment), following LastEvaluatedKey.
    async fn scan(&self, table: &str, segment: Option<(u32, u32)>) -> Vec<Value> {
        let mut items = Vec::new();
        let mut start: Option<Value> = None;
        loop {
            let mut req = json!({"TableName": table, "Limit": 7});
            if let Some((s, t)) = segment {
                req["Segment"] = json!(s);
                req["TotalSegments"] = json!(t);
            }
            if let Some(k) = start.take() {
                req["ExclusiveStartKey"] = k;
            }
            let out = self.call("Scan", req).await;
            items.extend(out["Items"].as_array().unwrap().iter().cloned());
            match out.get("LastEvaluatedKey") {
                Some(k) => start = Some(k.clone()),
                None => return items,
            }
        }
    }
}

fn memory() -> Db {
    Db(Engine::memory())
}

fn key_values(items: &[Value], attr: &str, ty: &str) -> Vec<String> {
    items
        .iter()
        .map(|i| i[attr][ty].as_str().unwrap().to_owned())
        .collect()
}

/// Rows recorded by dynalite's "should return items in string/number hash order".
#[tokio::test]
async fn scan_returns_partitions_in_the_recorded_hash_order() {
    let rows: [(&str, &[&str], &[&str]); 2] = [
        (
            "S",
            &[
                "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "aardman", "hello", "zapf",
                "äáöü",
            ],
            &[
                "2", "8", "9", "1", "6", "hello", "0", "5", "4", "äáöü", "aardman", "7", "3",
                "zapf",
            ],
        ),
        (
            "N",
            &[
                "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "-0.09", "999.9", "0.012345",
                "-999.9",
            ],
            &[
                "7", "999.9", "8", "3", "2", "-999.9", "9", "4", "-0.09", "6", "1", "0",
                "0.012345", "5",
            ],
        ),
    ];
    for (ty, keys, expected) in rows {
        let db = memory();
        db.hash_table("tbl", ty).await;
        let items: Vec<Value> = keys.iter().map(|k| json!({"a": {ty: k}})).collect();
        db.put_all("tbl", &items).await;
        assert_eq!(
            key_values(&db.scan("tbl", None).await, "a", ty),
            expected,
            "{ty}"
        );
    }
}

/// Rows recorded by dynalite's "should return items from correct string/number hash segments".
#[tokio::test]
async fn a_key_is_in_the_recorded_segment_of_4096() {
    let rows = [
        ("S", "3635", 0),
        ("S", "228", 0),
        ("S", "1668", 1),
        ("S", "3435", 4),
        ("N", "251", 1),
        ("N", "2388", 4095),
    ];
    for (ty, key, segment) in rows {
        let db = memory();
        db.hash_table("tbl", ty).await;
        db.put_all("tbl", &[json!({"a": {ty: key}})]).await;
        for s in [segment.max(1) - 1, segment, (segment + 1).min(4095)] {
            let found = db.scan("tbl", Some((s, 4096))).await.len();
            assert_eq!(
                found,
                usize::from(s == segment),
                "{ty} {key} in segment {s}"
            );
        }
    }
}

/// Recorded by dynalite's "should query on a global index if values are equal": entries sharing
/// the index key come in the order of their table key's hash.
#[tokio::test]
async fn equal_global_index_keys_come_in_the_recorded_order() {
    let db = memory();
    db.call(
        "CreateTable",
        json!({
            "TableName": "tbl",
            "AttributeDefinitions": [
                {"AttributeName": "a", "AttributeType": "S"},
                {"AttributeName": "b", "AttributeType": "S"},
                {"AttributeName": "c", "AttributeType": "S"},
                {"AttributeName": "d", "AttributeType": "S"}
            ],
            "KeySchema": [
                {"AttributeName": "a", "KeyType": "HASH"},
                {"AttributeName": "b", "KeyType": "RANGE"}
            ],
            "GlobalSecondaryIndexes": [{
                "IndexName": "index4",
                "KeySchema": [
                    {"AttributeName": "c", "KeyType": "HASH"},
                    {"AttributeName": "d", "KeyType": "RANGE"}
                ],
                "Projection": {"ProjectionType": "ALL"}
            }],
            "BillingMode": "PAY_PER_REQUEST"
        }),
    )
    .await;
    let keys = [
        ("a", "a"),
        ("b", "a"),
        ("c", "a"),
        ("c", "b"),
        ("d", "a"),
        ("d", "b"),
    ];
    let items: Vec<Value> = keys
        .iter()
        .map(|(a, b)| json!({"a": {"S": a}, "b": {"S": b}, "c": {"S": "c"}, "d": {"S": "a"}}))
        .collect();
    db.put_all("tbl", &items).await;
    let out = db
        .call(
            "Query",
            json!({
                "TableName": "tbl",
                "IndexName": "index4",
                "KeyConditionExpression": "c = :c",
                "ExpressionAttributeValues": {":c": {"S": "c"}}
            }),
        )
        .await;
    let got: Vec<(String, String)> = out["Items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["a"]["S"].as_str().unwrap().to_owned(),
                i["b"]["S"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let want = [
        ("a", "a"),
        ("d", "a"),
        ("b", "a"),
        ("c", "a"),
        ("d", "b"),
        ("c", "b"),
    ];
    let want: Vec<(String, String)> = want
        .iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect();
    assert_eq!(got, want);
}

/// A local index's equal keys are in the table key's hash order, as a global index's are: dynalite
/// ends both kinds of index key with the hash of the table key (`createIndexKey`). Scan and Query
/// of the index both give that order; distinct index sort keys stay in sort-key order.
#[tokio::test]
async fn equal_local_index_keys_come_in_the_table_key_hash_order() {
    let db = memory();
    db.call(
        "CreateTable",
        json!({
            "TableName": "tbl",
            "AttributeDefinitions": [
                {"AttributeName": "a", "AttributeType": "S"},
                {"AttributeName": "b", "AttributeType": "S"},
                {"AttributeName": "l", "AttributeType": "S"}
            ],
            "KeySchema": [
                {"AttributeName": "a", "KeyType": "HASH"},
                {"AttributeName": "b", "KeyType": "RANGE"}
            ],
            "LocalSecondaryIndexes": [{
                "IndexName": "local",
                "KeySchema": [
                    {"AttributeName": "a", "KeyType": "HASH"},
                    {"AttributeName": "l", "KeyType": "RANGE"}
                ],
                "Projection": {"ProjectionType": "KEYS_ONLY"}
            }],
            "BillingMode": "PAY_PER_REQUEST"
        }),
    )
    .await;
    // One partition: twelve sort keys, `l` = "x" for ten of them (ties) and "w"/"y" for two.
    let sorts: Vec<String> = (0..12).map(|i| format!("s{i:02}")).collect();
    let l_of = |i: usize| match i {
        0 => "y",
        11 => "w",
        _ => "x",
    };
    let items: Vec<Value> = sorts
        .iter()
        .enumerate()
        .map(|(i, b)| json!({"a": {"S": "p"}, "b": {"S": b}, "l": {"S": l_of(i)}}))
        .collect();
    db.put_all("tbl", &items).await;
    let mut ties: Vec<([u8; 3], String)> = sorts[1..11]
        .iter()
        .map(|b| (hash_of(format!("p{b}").as_bytes()), b.clone()))
        .collect();
    ties.sort();
    let mut want = vec![sorts[11].clone()];
    want.extend(ties.into_iter().map(|(_, b)| b));
    want.push(sorts[0].clone());
    assert_ne!(
        want[1..11],
        sorts[1..11],
        "the hash order differs from the sort key order, so the test tells them apart"
    );

    let scanned = db
        .call("Scan", json!({"TableName": "tbl", "IndexName": "local"}))
        .await;
    assert_eq!(
        key_values(scanned["Items"].as_array().unwrap(), "b", "S"),
        want
    );
    let queried = db
        .call(
            "Query",
            json!({
                "TableName": "tbl", "IndexName": "local",
                "KeyConditionExpression": "a = :a",
                "ExpressionAttributeValues": {":a": {"S": "p"}}
            }),
        )
        .await;
    assert_eq!(
        key_values(queried["Items"].as_array().unwrap(), "b", "S"),
        want
    );
    // Paging through the ties with a start key resumes where the page ended.
    let mut paged = Vec::new();
    let mut start: Option<Value> = None;
    loop {
        let mut req = json!({"TableName": "tbl", "IndexName": "local", "Limit": 3});
        if let Some(k) = start.take() {
            req["ExclusiveStartKey"] = k;
        }
        let out = db.call("Scan", req).await;
        paged.extend(key_values(out["Items"].as_array().unwrap(), "b", "S"));
        match out.get("LastEvaluatedKey") {
            Some(k) => start = Some(k.clone()),
            None => break,
        }
    }
    assert_eq!(paged, want);
}

/// DynamoDB's byte encoding of a plain decimal text (no exponent), written after dynalite's
/// `numToBuffer`: base-100 digits aligned on the point.
fn number_bytes(text: &str) -> Vec<u8> {
    let negative = text.starts_with('-');
    let unsigned = text.trim_start_matches('-');
    let (int, frac) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let int = int.trim_start_matches('0');
    let frac = frac.trim_end_matches('0');
    if int.is_empty() && frac.chars().all(|c| c == '0') {
        return vec![0x80];
    }
    // Digits before the point, counting leading zeros after it as negative.
    let (exponent, digits) = if int.is_empty() {
        let zeros = frac.len() - frac.trim_start_matches('0').len();
        (-(zeros as i64), frac.trim_start_matches('0').to_owned())
    } else {
        (int.len() as i64, format!("{int}{frac}"))
    };
    let digits = digits.trim_end_matches('0');
    let padded = if exponent % 2 != 0 {
        format!("0{digits}")
    } else {
        digits.to_owned()
    };
    let head = (exponent + i64::from(exponent % 2 != 0)) / 2 - 64;
    let mut out = vec![if negative { !head as u8 } else { head as u8 }];
    let d: Vec<u8> = padded.bytes().map(|b| b - b'0').collect();
    for pair in d.chunks(2) {
        let v = pair[0] * 10 + pair.get(1).copied().unwrap_or(0);
        out.push(if negative { 101 - v } else { v + 1 });
    }
    if negative && out.len() - 1 < 20 {
        out.push(102);
    }
    out
}

fn hash_of(bytes: &[u8]) -> [u8; 3] {
    let digest = Md5::new()
        .chain_update(b"Outliers")
        .chain_update(bytes)
        .finalize();
    [digest[0], digest[1], digest[2]]
}

/// A key value and the bytes DynamoDB hashes for it.
type HashedKey = (Value, Vec<u8>);

/// Keys of each type, with the bytes DynamoDB hashes.
fn computed_keys() -> Vec<(&'static str, Vec<HashedKey>)> {
    let b64 = base64::engine::general_purpose::STANDARD;
    let strings: Vec<(Value, Vec<u8>)> = (0..30)
        .map(|i| format!("user#{i}"))
        .chain(["", "é", "中文", "Z"].iter().map(|s| format!("k{s}")))
        .map(|s| (json!({"S": s}), s.into_bytes()))
        .collect();
    let numbers: Vec<(Value, Vec<u8>)> = [
        "0",
        "1",
        "-1",
        "7",
        "10",
        "11",
        "99",
        "100",
        "101",
        "-100",
        "0.5",
        "-0.5",
        "0.05",
        "0.001",
        "123.456",
        "-123.456",
        "3.14159",
        "1000000",
        "-1000001",
        "42",
        "-42",
        "2.5",
        "-2.5",
        "12345678901234567890",
        "0.000123",
        "-0.000123",
        "9.99",
        "65536",
        "-7",
        "250",
    ]
    .iter()
    .map(|n| (json!({"N": n}), number_bytes(n)))
    .collect();
    let binaries: Vec<(Value, Vec<u8>)> = (0u8..30)
        .map(|i| vec![i, i.wrapping_mul(37), 0xFF - i])
        .map(|b| (json!({"B": b64.encode(&b)}), b))
        .collect();
    vec![("S", strings), ("N", numbers), ("B", binaries)]
}

#[tokio::test]
async fn scan_order_is_md5_order_for_strings_numbers_and_binaries() {
    for (ty, keys) in computed_keys() {
        let db = memory();
        db.hash_table("tbl", ty).await;
        let items: Vec<Value> = keys.iter().map(|(k, _)| json!({"a": k})).collect();
        db.put_all("tbl", &items).await;
        let mut expected: Vec<([u8; 3], Value)> =
            keys.iter().map(|(k, b)| (hash_of(b), k.clone())).collect();
        expected.sort_by_key(|x| x.0);
        assert!(
            expected.windows(2).all(|w| w[0].0 != w[1].0),
            "{ty}: the rows have no hash tie"
        );
        let got: Vec<Value> = db
            .scan("tbl", None)
            .await
            .into_iter()
            .map(|i| i["a"].clone())
            .collect();
        let want: Vec<Value> = expected.into_iter().map(|(_, k)| k).collect();
        assert_eq!(got, want, "{ty}");
    }
}

#[tokio::test]
async fn segments_cover_every_item_once_in_its_hash_bucket() {
    for (ty, keys) in computed_keys() {
        let db = memory();
        db.hash_table("tbl", ty).await;
        let items: Vec<Value> = keys.iter().map(|(k, _)| json!({"a": k})).collect();
        db.put_all("tbl", &items).await;
        let bucket = |v: &Value| {
            let (_, b) = keys.iter().find(|(k, _)| k == v).unwrap();
            let h = hash_of(b);
            (u32::from(h[0]) << 4) | u32::from(h[1] >> 4)
        };
        for total in [1u32, 2, 3, 7, 16, 100] {
            let mut seen = Vec::new();
            for s in 0..total {
                for item in db.scan("tbl", Some((s, total))).await {
                    let b = bucket(&item["a"]);
                    let lo = (4096 * s).div_ceil(total);
                    let hi = (4096 * (s + 1)).div_ceil(total) - 1;
                    assert!((lo..=hi).contains(&b), "{ty} {item} in segment {s}/{total}");
                    seen.push(item["a"].to_string());
                }
            }
            let unique: BTreeSet<_> = seen.iter().cloned().collect();
            assert_eq!(
                seen.len(),
                keys.len(),
                "{ty}: {total} segments, each item once"
            );
            assert_eq!(
                unique.len(),
                keys.len(),
                "{ty}: {total} segments, no duplicate"
            );
        }
    }
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// `fixtures/keys-v1.sqlite` was written by the engine of commit 35d0bb8 (catalog record version
/// 1, keys led by the FNV hash): table `events` (pk S, sk N; LSI `by-l`, KEYS_ONLY GSI `by-g` on
/// `g`), 40 items `user{i % 8}`/`i` with `g = group{i % 3}` and `l = l{i % 2}`, and table
/// `numbers` (pk N) with 14 numbers. Opening it re-keys both tables.
#[tokio::test]
async fn a_version_1_store_is_rekeyed_and_scans_in_the_new_order() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("db.sqlite");
    std::fs::copy(fixture("keys-v1.sqlite"), &path).unwrap();
    for reopen in 0..2 {
        let db = Db(Engine::sqlite(&path).expect("the version 1 store opens"));
        // The table: partitions in hash order, sort keys ascending within each.
        let events = db.scan("events", None).await;
        assert_eq!(events.len(), 40, "reopen {reopen}");
        let mut expected: Vec<([u8; 3], u64, String)> = (0..40u64)
            .map(|i| {
                let pk = format!("user{}", i % 8);
                (hash_of(pk.as_bytes()), i, pk)
            })
            .collect();
        expected.sort();
        let got: Vec<(String, u64)> = events
            .iter()
            .map(|i| {
                (
                    i["pk"]["S"].as_str().unwrap().to_owned(),
                    i["sk"]["N"].as_str().unwrap().parse().unwrap(),
                )
            })
            .collect();
        let want: Vec<(String, u64)> = expected.into_iter().map(|(_, i, pk)| (pk, i)).collect();
        assert_eq!(got, want, "reopen {reopen}");

        // Items are found by their key.
        let got = db
            .call(
                "GetItem",
                json!({"TableName": "events", "Key": {"pk": {"S": "user3"}, "sk": {"N": "11"}}}),
            )
            .await;
        assert_eq!(got["Item"]["g"]["S"], "group2");

        // The global index: its ties in the table key's hash order.
        let out = db
            .call(
                "Query",
                json!({
                    "TableName": "events", "IndexName": "by-g",
                    "KeyConditionExpression": "g = :g",
                    "ExpressionAttributeValues": {":g": {"S": "group1"}}
                }),
            )
            .await;
        let mut want: Vec<([u8; 3], String)> = (0..40u64)
            .filter(|i| i % 3 == 1)
            .map(|i| {
                let pk = format!("user{}", i % 8);
                let mut bytes = pk.clone().into_bytes();
                bytes.extend(number_bytes(&i.to_string()));
                (hash_of(&bytes), i.to_string())
            })
            .collect();
        want.sort();
        let want: Vec<String> = want.into_iter().map(|(_, sk)| sk).collect();
        assert_eq!(
            key_values(out["Items"].as_array().unwrap(), "sk", "N"),
            want
        );

        // The local index: a partition, by its sort key and then, for equal ones, the table key's
        // hash (as a version 1 store is re-keyed to the current layout).
        let out = db
            .call(
                "Query",
                json!({
                    "TableName": "events", "IndexName": "by-l",
                    "KeyConditionExpression": "pk = :p AND l = :l",
                    "ExpressionAttributeValues": {":p": {"S": "user2"}, ":l": {"S": "l0"}}
                }),
            )
            .await;
        let mut want: Vec<([u8; 3], String)> = [2u64, 10, 18, 26, 34]
            .iter()
            .map(|i| {
                let mut bytes = b"user2".to_vec();
                bytes.extend(number_bytes(&i.to_string()));
                (hash_of(&bytes), i.to_string())
            })
            .collect();
        want.sort();
        let want: Vec<String> = want.into_iter().map(|(_, sk)| sk).collect();
        assert_eq!(
            key_values(out["Items"].as_array().unwrap(), "sk", "N"),
            want
        );

        // Numbers are hashed in DynamoDB's byte encoding.
        let numbers = db.scan("numbers", None).await;
        let mut want: Vec<([u8; 3], String)> = key_values(&numbers, "n", "N")
            .into_iter()
            .map(|n| (hash_of(&number_bytes(&n)), n))
            .collect();
        want.sort();
        assert_eq!(numbers.len(), 14);
        assert_eq!(
            key_values(&numbers, "n", "N"),
            want.into_iter().map(|(_, n)| n).collect::<Vec<_>>()
        );
    }
}
