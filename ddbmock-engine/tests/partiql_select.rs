//! SELECT's reads beyond one partition or one direction: ORDER BY on the key, `IN` and `OR` on the
//! partition key as several Queries paged by NextToken, a point SELECT billed as a GetItem, the
//! EXISTS answer outside a transaction, and PartiQL's texts for key type mistakes.

use ddbmock_core::item;
use ddbmock_core::model::{AttributeValue, Item};
use ddbmock_core::operation::ScalarAttributeType::{N, S};
use ddbmock_core::operation::*;
use ddbmock_engine::{DynamoDb, Engine, Error};

/// `tbl` keyed by `pk` (S) and `sk` (N): partitions `p00`..`p11`, with sort keys 1..=3 in `p00`,
/// `p01` and `p02` and 1 elsewhere; `n` is `sk * 10`.
async fn engine() -> Engine {
    let db = Engine::memory();
    db.create_table(CreateTableInput::new("tbl", "pk", S).range("sk", N))
        .await
        .unwrap();
    for p in 0..12 {
        let sorts = if p < 3 { 1..=3 } else { 1..=1 };
        for sk in sorts {
            let pk = format!("p{p:02}");
            db.put_item(PutItemInput::new(
                "tbl",
                item! { "pk" => pk.as_str(), "sk" => sk, "n" => sk * 10 },
            ))
            .await
            .unwrap();
        }
    }
    db
}

async fn run(db: &Engine, input: ExecuteStatementInput) -> Result<ExecuteStatementOutput, Error> {
    db.execute_statement(input).await
}

fn stmt(text: &str) -> ExecuteStatementInput {
    ExecuteStatementInput {
        statement: Some(text.into()),
        ..Default::default()
    }
}

/// `(pk, sk)` of each item, in the order returned.
fn keys(items: &[Item]) -> Vec<(String, i64)> {
    items
        .iter()
        .map(|i| {
            let AttributeValue::S(pk) = &i["pk"] else {
                panic!("{i:?}")
            };
            let AttributeValue::N(sk) = &i["sk"] else {
                panic!("{i:?}")
            };
            (pk.clone(), sk.parse().unwrap())
        })
        .collect()
}

fn k(pairs: &[(&str, i64)]) -> Vec<(String, i64)> {
    pairs.iter().map(|(p, s)| ((*p).to_owned(), *s)).collect()
}

async fn items(db: &Engine, text: &str) -> Vec<(String, i64)> {
    let out = run(db, stmt(text)).await.unwrap();
    assert_eq!(out.next_token, None, "{text}");
    keys(&out.items.unwrap())
}

#[track_caller]
fn assert_message(r: Result<ExecuteStatementOutput, Error>, text: &str) {
    let e = r.unwrap_err();
    assert_eq!(
        (e.type_name(), e.message().as_str()),
        ("ValidationException", text)
    );
}

#[tokio::test]
async fn order_by_reads_the_sort_key_in_the_direction_asked() {
    let db = engine().await;
    let desc = items(
        &db,
        "SELECT pk, sk FROM tbl WHERE pk = 'p00' ORDER BY sk DESC",
    )
    .await;
    assert_eq!(desc, k(&[("p00", 3), ("p00", 2), ("p00", 1)]));
    for asc in [
        "SELECT pk, sk FROM tbl WHERE pk = 'p00' ORDER BY sk ASC",
        "SELECT pk, sk FROM tbl WHERE pk = 'p00' ORDER BY sk",
        "SELECT pk, sk FROM tbl WHERE pk = 'p00' ORDER BY pk DESC",
    ] {
        assert_eq!(
            items(&db, asc).await,
            k(&[("p00", 1), ("p00", 2), ("p00", 3)]),
            "{asc}"
        );
    }
    assert_eq!(
        items(
            &db,
            "SELECT pk, sk FROM tbl WHERE pk IN ['p00', 'p02', 'p01'] AND sk >= 2 ORDER BY pk DESC, sk DESC"
        )
        .await,
        k(&[
            ("p02", 3),
            ("p02", 2),
            ("p01", 3),
            ("p01", 2),
            ("p00", 3),
            ("p00", 2)
        ])
    );
    assert_eq!(
        items(
            &db,
            "SELECT pk, sk FROM tbl WHERE (pk = 'p01' OR pk = 'p00') AND n = 30 ORDER BY pk"
        )
        .await,
        k(&[("p00", 3), ("p01", 3)])
    );
}

#[tokio::test]
async fn order_by_errors_are_dynamodbs() {
    let db = engine().await;
    for (text, message) in [
        (
            "SELECT * FROM tbl ORDER BY sk",
            "Must have WHERE clause in the statement when using ORDER BY clause.",
        ),
        (
            "SELECT * FROM tbl WHERE pk = 'p00' ORDER BY n",
            "Attribute n in ORDER BY clause must be part of the primary key",
        ),
        (
            "SELECT * FROM tbl WHERE n = 10 ORDER BY sk",
            "Must have at least one non-optional hash key condition in WHERE clause when using ORDER BY clause.",
        ),
        (
            "SELECT * FROM tbl WHERE pk > 'p00' ORDER BY sk",
            "Must have at least one non-optional hash key condition in WHERE clause when using ORDER BY clause.",
        ),
        (
            "SELECT * FROM tbl WHERE pk IN ['p00', 'p01'] ORDER BY sk",
            "Must have hash key in ORDER BY clause when more than one hash key condition specified in WHERE clause.",
        ),
        (
            "SELECT * FROM tbl WHERE pk = 'p00' ORDER BY m.x",
            "Argument to ORDER BY must be of type VariableReference. Type: Path",
        ),
        (
            "SELECT * FROM tbl WHERE pk = 'p00' ORDER BY",
            "Statement wasn't well formed, can't be processed: Unexpected end of statement",
        ),
        (
            "SELECT * FROM tbl WHERE pk = 'p00' ORDER sk",
            "Statement wasn't well formed, can't be processed: Unexpected token",
        ),
    ] {
        let r = run(&db, stmt(text)).await;
        let e = r.unwrap_err();
        assert_eq!(e.message(), message, "{text}");
    }
}

#[tokio::test]
async fn in_and_or_on_the_partition_key_read_each_partition() {
    let db = engine().await;
    let want = k(&[("p01", 1), ("p01", 2), ("p01", 3), ("p05", 1)]);
    assert_eq!(
        items(
            &db,
            "SELECT pk, sk FROM tbl WHERE pk IN ['p01', 'p05', 'p01']"
        )
        .await,
        want
    );
    assert_eq!(
        items(&db, "SELECT pk, sk FROM tbl WHERE pk = 'p01' OR pk = 'p05'").await,
        want
    );
    assert_eq!(
        items(
            &db,
            "SELECT pk, sk FROM tbl WHERE pk IN ('p05', 'p01', 'nope') AND sk BETWEEN 2 AND 3"
        )
        .await,
        k(&[("p01", 2), ("p01", 3)])
    );
    // `OR` with anything but the partition key is a Scan's filter.
    assert_eq!(
        items(&db, "SELECT pk, sk FROM tbl WHERE pk = 'p01' OR n = 30")
            .await
            .len(),
        5
    );

    // Two partitions bill two Queries, far less than the Scan of the table.
    let units = |text: &'static str| {
        let db = db.clone();
        async move {
            run(
                &db,
                ExecuteStatementInput {
                    return_consumed_capacity: Some(ReturnConsumedCapacity::Total),
                    ..stmt(text)
                },
            )
            .await
            .unwrap()
            .consumed_capacity
            .unwrap()
            .capacity_units
            .unwrap()
        }
    };
    assert_eq!(
        units("SELECT * FROM tbl WHERE pk IN ['p01', 'p05']").await,
        1.0
    );
    assert_eq!(units("SELECT * FROM tbl WHERE pk = 'p01'").await, 0.5);

    let fifty: Vec<String> = (0..50).map(|i| format!("'x{i}'")).collect();
    let ok = format!("SELECT * FROM tbl WHERE pk IN [{}]", fifty.join(", "));
    assert!(run(&db, stmt(&ok)).await.is_ok());
    let too_many = format!(
        "SELECT * FROM tbl WHERE pk IN [{}, 'x50']",
        fifty.join(", ")
    );
    assert_message(
        run(&db, stmt(&too_many)).await,
        "Too many decomposed read operations for a given query.",
    );
}

#[tokio::test]
async fn several_partitions_page_ten_at_a_time_and_by_limit() {
    let db = engine().await;
    let all: Vec<String> = (0..12).rev().map(|p| format!("'p{p:02}'")).collect();
    let text = format!(
        "SELECT pk, sk FROM tbl WHERE pk IN [{}] ORDER BY pk",
        all.join(", ")
    );
    let page = |token: Option<String>, limit: Option<i32>| {
        let db = db.clone();
        let text = text.clone();
        async move {
            run(
                &db,
                ExecuteStatementInput {
                    next_token: token,
                    limit,
                    ..stmt(&text)
                },
            )
            .await
            .unwrap()
        }
    };
    // Ten partitions, then the other two.
    let first = page(None, None).await;
    let got = keys(first.items.as_ref().unwrap());
    assert_eq!(got.len(), 16);
    assert_eq!(got.last().unwrap(), &("p09".to_owned(), 1));
    let second = page(first.next_token.clone(), None).await;
    assert_eq!(keys(&second.items.unwrap()), k(&[("p10", 1), ("p11", 1)]));
    assert_eq!(second.next_token, None);

    // A Limit counts items over the partitions, stopping mid-partition.
    let mut token = None;
    let mut seen = Vec::new();
    let mut pages = 0;
    loop {
        let out = page(token, Some(4)).await;
        let got = keys(out.items.as_ref().unwrap());
        assert!(got.len() <= 4);
        seen.extend(got);
        pages += 1;
        token = out.next_token;
        if token.is_none() {
            break;
        }
    }
    let mut want = Vec::new();
    for p in 0..12 {
        for sk in 1..=(if p < 3 { 3 } else { 1 }) {
            want.push((format!("p{p:02}"), sk));
        }
    }
    assert_eq!(seen, want);
    assert!(pages >= 5, "{pages}");

    // A token of one statement is refused by a statement of another shape.
    let single = run(
        &db,
        ExecuteStatementInput {
            next_token: first.next_token,
            ..stmt("SELECT * FROM tbl WHERE pk = 'p00'")
        },
    )
    .await;
    assert_message(single, "Invalid NextToken");
}

#[tokio::test]
async fn a_point_select_is_a_get_item() {
    let db = engine().await;
    let capacity = Some(ReturnConsumedCapacity::Total);
    let out = run(
        &db,
        ExecuteStatementInput {
            return_consumed_capacity: capacity.clone(),
            // A Query stopping at its Limit hands back a NextToken; a GetItem never does.
            limit: Some(1),
            ..stmt("SELECT n FROM tbl WHERE pk = 'p00' AND sk = 2")
        },
    )
    .await
    .unwrap();
    assert_eq!(out.items, Some(vec![item! { "n" => 20 }]));
    assert_eq!(out.next_token, None);
    let get = db
        .get_item(GetItemInput {
            return_consumed_capacity: capacity,
            ..GetItemInput::new("tbl", item! { "pk" => "p00", "sk" => 2 })
        })
        .await
        .unwrap();
    assert_eq!(out.consumed_capacity, get.consumed_capacity);
    assert_eq!(
        items(&db, "SELECT * FROM tbl WHERE sk = 9 AND pk = 'p00'").await,
        vec![]
    );
}

#[tokio::test]
async fn exists_outside_a_transaction_is_refused() {
    let db = engine().await;
    assert_message(
        run(
            &db,
            stmt("EXISTS(SELECT * FROM tbl WHERE pk = 'p00' AND sk = 1 AND n = 10)"),
        )
        .await,
        "EXISTS can only be used in ExecuteTransaction write requests.",
    );
}

#[tokio::test]
async fn key_type_mistakes_have_partiqls_texts() {
    let db = engine().await;
    for (text, message) in [
        (
            "SELECT * FROM tbl WHERE pk = 1",
            "Key attribute's data type should match its data type in table's schema: Key pk",
        ),
        (
            "SELECT * FROM tbl WHERE pk IN ['p00', 2]",
            "Key attribute's data type should match its data type in table's schema: Key pk",
        ),
        (
            "SELECT * FROM tbl WHERE pk = 'p00' AND sk > 'x'",
            "Key attribute's data type should match its data type in table's schema: Key sk",
        ),
        (
            "UPDATE tbl SET n = 1 WHERE pk = 'p00' AND sk = '1'",
            "Key attribute's data type should match its data type in table's schema: Key sk",
        ),
        (
            "DELETE FROM tbl WHERE pk = TRUE AND sk = 1",
            "Key value must be of type S, N, or B. Key name: pk, Key type: BOOL",
        ),
        (
            "UPDATE tbl SET n = 1 WHERE pk = [1] AND sk = 1",
            "Key value must be of type S, N, or B. Key name: pk, Key type: L",
        ),
    ] {
        assert_message(run(&db, stmt(text)).await, message);
    }
    assert_eq!(
        items(&db, "SELECT * FROM tbl WHERE pk = 'p00' AND sk = 1")
            .await
            .len(),
        1
    );
}
