//! The PartiQL parser and ExecuteStatement never panic or hang: random token streams, random text
//! and deeply nested statements get a result or a `ValidationException`, within a time bound, and
//! a statement that fails leaves the table as it was.

use std::time::{Duration, Instant};

use ddbmock_core::item;
use ddbmock_core::model::AttributeValue;
use ddbmock_core::operation::ScalarAttributeType::S;
use ddbmock_core::operation::*;
use ddbmock_engine::partiql::parse;
use ddbmock_engine::{DynamoDb, Engine};
use proptest::prelude::*;

const TOKENS: &[&str] = &[
    "SELECT",
    "INSERT",
    "INTO",
    "UPDATE",
    "DELETE",
    "FROM",
    "WHERE",
    "VALUE",
    "SET",
    "REMOVE",
    "RETURNING",
    "ALL",
    "OLD",
    "NEW",
    "MODIFIED",
    "AND",
    "OR",
    "NOT",
    "IS",
    "MISSING",
    "NULL",
    "IN",
    "BETWEEN",
    "TRUE",
    "FALSE",
    "*",
    "\"tbl\"",
    "tbl",
    "pk",
    "a",
    "\"b c\"",
    "'s'",
    "'it''s'",
    "1",
    "-2.5e3",
    "?",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    "<<",
    ">>",
    ",",
    ".",
    ":",
    ";",
    "=",
    "<>",
    "!=",
    "<",
    "<=",
    ">",
    ">=",
    "+",
    "-",
    "begins_with",
    "contains",
    "size",
    "attribute_type",
    "list_append",
    "set_add",
    "set_delete",
    "'",
    "\"",
    "é",
    "0",
    "ORDER",
    "BY",
    "ASC",
    "DESC",
    "EXISTS",
    "sk",
];

fn statement() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(TOKENS), 0..40).prop_map(|t| t.join(" "))
}

/// A statement nested `depth` levels through one of the recursive constructs.
fn nested() -> impl Strategy<Value = String> {
    (0usize..9, 0usize..400).prop_map(|(kind, depth)| match kind {
        0 => format!(
            "SELECT * FROM tbl WHERE {}a = 1{}",
            "(".repeat(depth),
            ")".repeat(depth)
        ),
        1 => format!("SELECT * FROM tbl WHERE {}a = 1", "NOT ".repeat(depth)),
        2 => format!(
            "INSERT INTO tbl VALUE {{'pk': 'k', 'a': {}1{}}}",
            "[".repeat(depth),
            "]".repeat(depth)
        ),
        3 => format!("SELECT * FROM tbl WHERE a = 1{}", " OR a = 1".repeat(depth)),
        // Several partitions: chains of ORs on the key, nested lists in IN, long ORDER BYs.
        4 => format!(
            "SELECT * FROM tbl WHERE pk = 'k'{} ORDER BY pk DESC",
            " OR pk = ?".repeat(depth)
        ),
        5 => format!(
            "SELECT * FROM tbl WHERE pk IN [{}'k'{}]",
            "[".repeat(depth),
            "]".repeat(depth)
        ),
        6 => format!(
            "EXISTS(SELECT * FROM tbl WHERE {}pk = 'k'{} AND a = 1)",
            "(".repeat(depth),
            ")".repeat(depth)
        ),
        7 => format!(
            "INSERT INTO tbl VALUE {{'pk': 'n', 'a': {}<<1>>{}}}",
            "{'m': ".repeat(depth),
            "}".repeat(depth)
        ),
        _ => format!(
            "SELECT * FROM tbl WHERE pk = 'k' ORDER BY pk{}",
            ", pk ASC".repeat(depth)
        ),
    })
}

fn engine() -> Engine {
    let db = Engine::memory();
    futures_block(db.create_table(CreateTableInput::new("tbl", "pk", S))).unwrap();
    futures_block(db.put_item(PutItemInput::new("tbl", item! { "pk" => "k", "a" => 1 }))).unwrap();
    db
}

fn futures_block<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap()
        .block_on(f)
}

fn check(db: &Engine, text: &str) {
    let start = Instant::now();
    let parsed = parse(text);
    if let Err(e) = &parsed {
        assert_eq!(e.type_name(), "ValidationException", "{text}: {e:?}");
    }
    let out = futures_block(db.execute_statement(ExecuteStatementInput {
        statement: Some(text.to_owned()),
        parameters: Some(vec![AttributeValue::from("k"); 3]),
        ..Default::default()
    }));
    if let Err(e) = &out {
        assert!(
            matches!(
                e.type_name(),
                "ValidationException"
                    | "ConditionalCheckFailedException"
                    | "DuplicateItemException"
                    | "ResourceNotFoundException"
            ),
            "{text}: {e:?}"
        );
    }
    assert!(start.elapsed() < Duration::from_secs(2), "{text}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn token_streams_parse_or_fail_cleanly(text in statement()) {
        check(&engine(), &text);
    }

    #[test]
    fn any_text_parses_or_fails_cleanly(text in "\\PC{0,80}") {
        check(&engine(), &text);
    }

    #[test]
    fn deep_nesting_is_bounded(text in nested()) {
        check(&engine(), &text);
    }
}

#[test]
fn a_failed_statement_leaves_the_table_unchanged() {
    let db = engine();
    for text in [
        "UPDATE tbl SET a = 2 WHERE pk = 'k' AND a = 5",
        "INSERT INTO tbl VALUE {'pk': 'k', 'a': 3}",
        "DELETE FROM tbl WHERE pk = 'k' AND a = 9",
        "UPDATE tbl SET a = 'x' + 1 WHERE pk = 'k'",
    ] {
        assert!(
            futures_block(db.execute_statement(ExecuteStatementInput {
                statement: Some(text.into()),
                ..Default::default()
            }))
            .is_err()
        );
    }
    let got = futures_block(db.get_item(GetItemInput::new("tbl", item! { "pk" => "k" })));
    assert_eq!(got.unwrap().item, Some(item! { "pk" => "k", "a" => 1 }));
}
