//! Parser tests: the tree each construct gives, and the error each malformed statement gets.

use super::ast::*;
use super::parse;

fn path(head: &str, steps: Vec<Step>) -> Path {
    Path {
        head: head.into(),
        steps,
    }
}

fn p(head: &str) -> Box<Expr> {
    Box::new(Expr::Path(path(head, vec![])))
}

fn select(src: &str) -> Select {
    match parse(src).unwrap().statement {
        Statement::Select(s) => s,
        other => panic!("{other:?}"),
    }
}

fn err(src: &str) -> String {
    parse(src).unwrap_err().message()
}

#[test]
fn select_with_projection_index_and_nested_paths() {
    let s = select(r#"select a.b[0]."C d", e FROM "t"."i" WHERE x = 1;"#);
    assert_eq!(
        s.projection,
        vec![
            path(
                "a",
                vec![
                    Step::Field("b".into()),
                    Step::Index(0),
                    Step::Field("C d".into())
                ]
            ),
            path("e", vec![]),
        ]
    );
    assert_eq!(
        s.from,
        Source {
            table: "t".into(),
            index: Some("i".into())
        }
    );
    assert_eq!(
        s.filter,
        Some(Expr::Cmp(
            p("x"),
            CmpOp::Eq,
            Box::new(Expr::Num("1".into()))
        ))
    );
}

#[test]
fn precedence_or_and_not_comparison() {
    let s = select("SELECT * FROM t WHERE NOT a = 1 OR b < 2 AND c IS NOT MISSING");
    let a = Expr::Not(Box::new(Expr::Cmp(
        p("a"),
        CmpOp::Eq,
        Box::new(Expr::Num("1".into())),
    )));
    let b = Expr::Cmp(p("b"), CmpOp::Lt, Box::new(Expr::Num("2".into())));
    let c = Expr::Is(p("c"), true, IsWhat::Missing);
    assert_eq!(
        s.filter,
        Some(Expr::Or(
            Box::new(a),
            Box::new(Expr::And(Box::new(b), Box::new(c)))
        ))
    );
}

#[test]
fn between_in_functions_and_parameters() {
    let parsed =
        parse("SELECT * FROM t WHERE a BETWEEN ? AND 3 AND b NOT IN [?, 'x'] AND size(c) >= 2")
            .unwrap();
    assert_eq!(parsed.parameters, 2);
    let Statement::Select(s) = parsed.statement else {
        panic!()
    };
    let between = Expr::Between(
        p("a"),
        Box::new(Expr::Param(0)),
        Box::new(Expr::Num("3".into())),
    );
    let not_in = Expr::Not(Box::new(Expr::In(
        p("b"),
        vec![Expr::Param(1), Expr::Str("x".into())],
    )));
    let size = Expr::Cmp(
        Box::new(Expr::Call(
            "size".into(),
            vec![Expr::Path(path("c", vec![]))],
        )),
        CmpOp::Ge,
        Box::new(Expr::Num("2".into())),
    );
    assert_eq!(
        s.filter,
        Some(Expr::And(
            Box::new(Expr::And(Box::new(between), Box::new(not_in))),
            Box::new(size)
        ))
    );
}

#[test]
fn literals_of_every_type() {
    let Statement::Insert(i) = parse(
        "INSERT INTO t VALUE {'s': 'it''s', 'n': -1.5e3, 'b': TRUE, 'z': null, 'l': [1, [2]], 'm': {}, 'ns': <<1, 2>>}",
    )
    .unwrap()
    .statement
    else {
        panic!()
    };
    assert_eq!(
        i.item,
        Expr::Tuple(vec![
            ("s".into(), Expr::Str("it's".into())),
            ("n".into(), Expr::Num("-1.5e3".into())),
            ("b".into(), Expr::Bool(true)),
            ("z".into(), Expr::Null),
            (
                "l".into(),
                Expr::List(vec![
                    Expr::Num("1".into()),
                    Expr::List(vec![Expr::Num("2".into())])
                ])
            ),
            ("m".into(), Expr::Tuple(vec![])),
            (
                "ns".into(),
                Expr::Bag(vec![Expr::Num("1".into()), Expr::Num("2".into())])
            ),
        ])
    );
}

#[test]
fn update_and_delete_clauses() {
    let Statement::Update(u) =
        parse("UPDATE t SET a = a + 1, b = 'x' REMOVE c SET d = list_append(d, [1]) WHERE k = 1 RETURNING MODIFIED OLD *")
            .unwrap()
            .statement
    else {
        panic!()
    };
    assert_eq!(u.actions.len(), 4);
    assert_eq!(
        u.actions[0],
        Action::Set(
            path("a", vec![]),
            Expr::Arith(p("a"), true, Box::new(Expr::Num("1".into())))
        )
    );
    assert_eq!(u.actions[2], Action::Remove(path("c", vec![])));
    assert_eq!(u.returning, Some(Returning::ModifiedOld));
    let Statement::Delete(d) = parse("DELETE FROM \"t\" WHERE k = 1 RETURNING ALL OLD *")
        .unwrap()
        .statement
    else {
        panic!()
    };
    assert_eq!(d.returning, Some(Returning::AllOld));
}

#[test]
fn malformed_statements() {
    let prefix = "Statement wasn't well formed, can't be processed: ";
    for (src, detail) in [
        ("", "Expected data manipulation"),
        ("CREATE TABLE t", "Expected data manipulation"),
        ("SELECT * FROM", "Unexpected end of statement"),
        ("SELECT * FROM t WHERE", "Unexpected end of statement"),
        (
            "SELECT * FROM t WHERE a = 'x",
            "Unterminated string literal",
        ),
        ("SELECT * FROM t t2", "Unexpected token"),
        ("SELECT * FROM t WHERE a = 1 b", "Unexpected token"),
        ("SELECT * FROM t WHERE a == 1", "Unexpected token"),
        ("SELECT * FROM t WHERE a[-1] = 1", "Unexpected token"),
        (
            "SELECT * FROM t WHERE a[99999999999] = 1",
            "Unexpected token",
        ),
        ("SELECT FROM t", "Unexpected keyword"),
        ("SELECT * FROM t WHERE a IS 1", "Unexpected token"),
        ("UPDATE t WHERE a = 1", "Unexpected keyword"),
        ("INSERT INTO t VALUES {'a': 1}", "Unexpected keyword"),
        ("SELECT * FROM t WHERE a = 1;;", "Unexpected token"),
    ] {
        assert_eq!(err(src), format!("{prefix}{detail}"), "{src}");
    }
}

#[test]
fn nesting_is_bounded() {
    let deep = format!(
        "SELECT * FROM t WHERE {}a = 1{}",
        "(".repeat(500),
        ")".repeat(500)
    );
    assert_eq!(
        err(&deep),
        "Statement wasn't well formed, can't be processed: Expression nesting is too deep"
    );
    let long_chain = format!("SELECT * FROM t WHERE a = 1{}", " AND a = 1".repeat(500));
    assert_eq!(
        err(&long_chain),
        "Statement wasn't well formed, can't be processed: Expression nesting is too deep"
    );
    let nested_list = format!(
        "INSERT INTO t VALUE {{'a': {}1{}}}",
        "[".repeat(90),
        "]".repeat(90)
    );
    assert!(parse(&nested_list).is_ok());
    // Chains at the bound parse; siblings do not count.
    let chain = format!("SELECT * FROM t WHERE a = 1{}", " AND a = 1".repeat(90));
    assert!(parse(&chain).is_ok());
    let wide = format!("SELECT * FROM t WHERE a IN [{}1]", "1, ".repeat(5000));
    assert!(parse(&wide).is_ok());
}
