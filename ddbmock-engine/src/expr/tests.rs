//! Tests of the parser, the resolver and the evaluators over every construct.

use std::collections::HashMap;

use super::*;
use ddbmock_core::model::{AttributeValue as V, Item};

fn names() -> HashMap<String, String> {
    HashMap::from([
        ("#a".to_owned(), "a".to_owned()),
        ("#s".to_owned(), "status".to_owned()),
    ])
}

fn values() -> HashMap<String, V> {
    HashMap::from([
        (":n".to_owned(), V::N("5".into())),
        (":one".to_owned(), V::N("1".into())),
        (":s".to_owned(), V::S("ab".into())),
        (":t".to_owned(), V::S("S".into())),
        (":b".to_owned(), V::Bool(true)),
        (":l".to_owned(), V::L(vec![V::N("9".into())])),
        (":ss".to_owned(), V::Ss(vec!["x".into(), "y".into()])),
    ])
}

fn cond_err(text: &str) -> String {
    let (n, v) = (names(), values());
    ExprContext::new(Some(&n), Some(&v))
        .condition(text, ConditionKind::Condition)
        .unwrap_err()
        .message()
}

fn update_err(text: &str) -> String {
    let (n, v) = (names(), values());
    ExprContext::new(Some(&n), Some(&v))
        .update(text)
        .unwrap_err()
        .message()
}

fn proj_err(text: &str) -> String {
    let n = names();
    ExprContext::new(Some(&n), None)
        .projection(text)
        .unwrap_err()
        .message()
}

fn item() -> Item {
    HashMap::from([
        ("a".to_owned(), V::N("5".into())),
        ("s".to_owned(), V::S("abc".into())),
        ("status".to_owned(), V::S("S".into())),
        (
            "m".to_owned(),
            V::M(HashMap::from([(
                "k".to_owned(),
                V::L(vec![V::N("1".into())]),
            )])),
        ),
        ("tags".to_owned(), V::Ss(vec!["x".into()])),
        (
            "l".to_owned(),
            V::L(vec![V::S("p".into()), V::N("2".into())]),
        ),
    ])
}

fn holds(text: &str) -> bool {
    let (n, v) = (names(), values());
    let c = ExprContext::new(Some(&n), Some(&v))
        .condition(text, ConditionKind::Filter)
        .unwrap_or_else(|e| panic!("{text}: {e}"));
    c.evaluate(Some(&item())).unwrap()
}

fn updated(text: &str) -> Item {
    let (n, v) = (names(), values());
    let u = ExprContext::new(Some(&n), Some(&v))
        .update(text)
        .unwrap_or_else(|e| panic!("{text}: {e}"));
    let mut it = item();
    u.apply(&mut it).unwrap_or_else(|e| panic!("{text}: {e}"));
    it
}

const CONDITIONS: &[&str] = &[
    "a = :n",
    "a <> :n AND s < :s OR NOT s >= :s",
    "a BETWEEN :one AND :n",
    "a IN (:one, :n, #a)",
    "attribute_exists(#a.b[1].c) AND attribute_not_exists(x)",
    "attribute_type(a, :t) OR begins_with(s, :s) OR contains(tags, :s)",
    "size(s) > :one AND (a = :n OR a = :one)",
    "(a) = :n",
    "NOT (a = :n AND s = :s)",
    "a = :n AND (s = :s AND a = :one)",
    "m.k[0] <= size(l)",
    "x between :one and :n and y in (:n)",
];

const UPDATES: &[&str] = &[
    "SET a = :n",
    "SET a = a + :one, b = :n - a REMOVE c, d[1] ADD e :one DELETE f :ss",
    "DELETE f :ss SET x = if_not_exists(x, :n)",
    "SET l = list_append(l, :l), m.k[2] = (:n)",
    "SET y = (a + :one)",
    "remove a.b.c add n :one",
];

const PROJECTIONS: &[&str] = &["a", "a, b.c, #a[1][2].d", "l[0], l[1]"];

#[test]
fn round_trip_conditions() {
    for text in CONDITIONS {
        let ast = parse_condition(text, ConditionKind::Condition).unwrap();
        let printed = ast.to_string();
        let again = parse_condition(&printed, ConditionKind::Condition).unwrap();
        assert_eq!(ast, again, "{text} printed as {printed}");
    }
}

#[test]
fn round_trip_updates_and_projections() {
    for text in UPDATES {
        let ast = parse_update(text).unwrap();
        assert_eq!(parse_update(&ast.to_string()).unwrap(), ast, "{text}");
    }
    for text in PROJECTIONS {
        let ast = parse_projection(text).unwrap();
        assert_eq!(parse_projection(&ast.to_string()).unwrap(), ast, "{text}");
    }
}

#[test]
fn precedence_not_and_or() {
    let ast = parse_condition("a = :a OR b = :b AND NOT c = :c", ConditionKind::Filter).unwrap();
    let ast::SynCond::Or(_, right) = ast else {
        panic!("{ast:?}")
    };
    assert!(matches!(*right, ast::SynCond::And(_, ref r) if matches!(**r, ast::SynCond::Not(_))));
}

#[test]
fn syntax_errors_name_token_and_neighbours() {
    for (text, msg) in [
        ("a =", r#"Syntax error; token: "<EOF>", near: "=""#),
        ("a", r#"Syntax error; token: "<EOF>", near: "a""#),
        ("a = :n AND", r#"Syntax error; token: "<EOF>", near: "AND""#),
        (
            "attribute_type()",
            r#"Syntax error; token: ")", near: "()""#,
        ),
        (
            "a BETWEEN :one OR :n",
            r#"Syntax error; token: "OR", near: ":one OR :n""#,
        ),
        ("a = :n)", r#"Syntax error; token: ")", near: ":n)""#),
    ] {
        assert_eq!(
            cond_err(text),
            format!("Invalid ConditionExpression: {msg}")
        );
    }
    for (text, msg) in [
        ("SET", r#"Syntax error; token: "<EOF>", near: "SET""#),
        ("SET a = :n +", r#"Syntax error; token: "<EOF>", near: "+""#),
        (
            "SET numx / :v",
            r#"Syntax error; token: "/", near: "numx / :v""#,
        ),
        (
            "ADD hits : incr",
            r#"Syntax error; token: ":", near: "hits : incr""#,
        ),
        (
            "INVALID SYNTAX HERE",
            r#"Syntax error; token: "INVALID", near: "INVALID SYNTAX""#,
        ),
        ("SET a = :n,", r#"Syntax error; token: "<EOF>", near: ",""#),
    ] {
        assert_eq!(update_err(text), format!("Invalid UpdateExpression: {msg}"));
    }
    assert_eq!(
        proj_err("!!!"),
        r#"Invalid ProjectionExpression: Syntax error; token: "!", near: "!!""#
    );
    assert_eq!(
        proj_err("a..b"),
        r#"Invalid ProjectionExpression: Syntax error; token: ".", near: "..b""#
    );
}

#[test]
fn condition_resolve_errors() {
    let p = "Invalid ConditionExpression: ";
    for (text, msg) in [
        ("((a = :n))", "The expression has redundant parentheses;"),
        (
            "status = :n",
            "Attribute name is a reserved keyword; reserved keyword: status",
        ),
        (
            "#x = :n",
            "An expression attribute name used in the document path is not defined; attribute name: #x",
        ),
        (
            "a = :x",
            "An expression attribute value used in expression is not defined; attribute value: :x",
        ),
        ("foo(a)", "Invalid function name; function: foo"),
        (
            "size(a)",
            "The function is not allowed to be used this way in an expression; function: size",
        ),
        (
            "contains(a, :s) = :b",
            "The function is not allowed to be used this way in an expression; function: contains",
        ),
        (
            "attribute_exists(a, s)",
            "Incorrect number of operands for operator or function; operator or function: attribute_exists, number of operands: 2",
        ),
        (
            "attribute_exists(:n)",
            "Operator or function requires a document path; operator or function: attribute_exists",
        ),
        (
            "begins_with(a, :n)",
            "Incorrect operand type for operator or function; operator or function: begins_with, operand type: N",
        ),
        (
            "attribute_type(a, :s)",
            "Invalid attribute type name found; type: ab, valid types: {B,NULL,SS,BOOL,L,BS,N,NS,S,M}",
        ),
        (
            "attribute_type(a, :n)",
            "Incorrect operand type for operator or function; operator or function: attribute_type, operand type: N",
        ),
        (
            "a = a",
            "The first operand must be distinct from the remaining operands for this operator or function; operator: =, first operand: [a]",
        ),
        (
            "a > :b",
            "Incorrect operand type for operator or function; operator or function: >, operand type: BOOL",
        ),
        (
            "a BETWEEN :n AND :one",
            "The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {N:5}, upper bound operand: AttributeValue: {N:1}",
        ),
        (
            "a BETWEEN :n AND :s",
            "The BETWEEN operator requires same data type for lower and upper bounds; lower bound operand: AttributeValue: {N:5}, upper bound operand: AttributeValue: {S:ab}",
        ),
        (
            "size(:b) > :n",
            "Incorrect operand type for operator or function; operator or function: size, operand type: BOOL",
        ),
    ] {
        assert_eq!(cond_err(text), format!("{p}{msg}"), "{text}");
    }
    let many = (0..101).map(|_| ":n").collect::<Vec<_>>().join(", ");
    assert_eq!(
        cond_err(&format!("a IN ({many})")),
        format!("{p}The IN operator is provided with too many operands; number of operands: 101")
    );
}

#[test]
fn update_resolve_errors() {
    let p = "Invalid UpdateExpression: ";
    for (text, msg) in [
        (
            "SET a = :n SET b = :n",
            r#"The "SET" section can only be used once in an update expression;"#,
        ),
        (
            "SET status = :n",
            "Attribute name is a reserved keyword; reserved keyword: status",
        ),
        (
            "SET a = :zz",
            "An expression attribute value used in expression is not defined; attribute value: :zz",
        ),
        (
            "SET a = :n, a.b = :n",
            "Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a, b]",
        ),
        (
            "SET a.b = :n REMOVE a[1]",
            "Two document paths conflict with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a, [1]]",
        ),
        (
            "ADD a :s",
            "Incorrect operand type for operator or function; operator: ADD, operand type: STRING",
        ),
        (
            "DELETE a :n",
            "Incorrect operand type for operator or function; operator: DELETE, operand type: NUMBER",
        ),
        (
            "SET a = a + :s",
            "Incorrect operand type for operator or function; operator or function: +, operand type: S",
        ),
        (
            "SET a = list_append(a, :n)",
            "Incorrect operand type for operator or function; operator or function: list_append, operand type: N",
        ),
        (
            "SET a = if_not_exists(:n, :n)",
            "Operator or function requires a document path; operator or function: if_not_exists",
        ),
        ("SET a = size(b)", "Invalid function name; function: size"),
    ] {
        assert_eq!(update_err(text), format!("{p}{msg}"), "{text}");
    }
}

#[test]
fn projection_errors() {
    let p = "Invalid ProjectionExpression: ";
    assert_eq!(
        proj_err("x, a.b, a"),
        format!(
            "{p}Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a, b], path two: [a]"
        )
    );
    assert_eq!(
        proj_err("#a, #a"),
        format!(
            "{p}Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [a], path two: [a]"
        )
    );
    assert_eq!(
        proj_err("l[0], l[0]"),
        format!(
            "{p}Two document paths overlap with each other; must remove or rewrite one of these paths; path one: [l, [0]], path two: [l, [0]]"
        )
    );
    assert_eq!(
        proj_err("a.#u"),
        format!(
            "{p}An expression attribute name used in the document path is not defined; attribute name: #u"
        )
    );
    let deep = (0..33).map(|_| "a").collect::<Vec<_>>().join(".");
    assert_eq!(
        proj_err(&deep),
        format!("{p}The document path has too many nesting levels; nesting levels: 33")
    );
}

#[test]
fn unused_names_and_values_over_all_expressions() {
    let (n, v) = (names(), values());
    let mut cx = ExprContext::new(Some(&n), Some(&v));
    cx.condition("#a = :n", ConditionKind::Condition).unwrap();
    assert_eq!(
        cx.finish().unwrap_err().message(),
        "Value provided in ExpressionAttributeNames unused in expressions: keys: {#s}"
    );
    let mut cx = ExprContext::new(Some(&n), Some(&v));
    cx.update("SET #a = :n, #s = :one").unwrap();
    assert_eq!(
        cx.finish().unwrap_err().message(),
        "Value provided in ExpressionAttributeValues unused in expressions: keys: {:b, :l, :s, :ss, :t}"
    );
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let deep = format!("{}a = :n{}", "(".repeat(2000), ")".repeat(2000));
    let e = cond_err(&deep);
    assert!(
        e.starts_with("Invalid ConditionExpression: Syntax error; token: \"(\""),
        "{e}"
    );
    let huge = "(".repeat(100_000);
    assert_eq!(
        cond_err(&huge),
        "Invalid ConditionExpression: Expression size has exceeded the maximum allowed size; expression size: 100000"
    );
    let e = update_err(&format!("SET a = {}", "(".repeat(3000)));
    assert!(e.contains("Syntax error"), "{e}");
    let e = cond_err(&format!("{}a = :n", "NOT ".repeat(1000)));
    assert!(e.contains("Syntax error"), "{e}");
}

#[test]
fn evaluates_conditions() {
    for (text, want) in [
        ("a = :n", true),
        ("a <> :n", false),
        ("nope <> :n", true),
        ("nope = :n", false),
        ("s < :s", false),
        ("s > :s", true),
        ("a > :s", false),
        ("a BETWEEN :one AND :n", true),
        ("a IN (:one, :s)", false),
        ("a IN (:one, :n)", true),
        ("begins_with(s, :s)", true),
        ("contains(s, :s)", true),
        ("contains(l, :n)", false),
        ("contains(tags, :s)", false),
        ("attribute_type(#s, :t)", true),
        ("size(s) = :n", false),
        ("size(l) < :n", true),
        ("size(a) <> :n", true),
        ("size(a) = :n", false),
        ("attribute_exists(m.k[0])", true),
        ("attribute_exists(m.k[1])", false),
        ("NOT attribute_exists(m.k[1]) AND a = :n", true),
        ("a = :one OR a = :n", true),
    ] {
        assert_eq!(holds(text), want, "{text}");
    }
}

#[test]
fn applies_updates() {
    let it = updated("SET a = a + :one, b = :n - a");
    assert_eq!(
        (it["a"].clone(), it["b"].clone()),
        (V::N("6".into()), V::N("0".into()))
    );
    let it = updated("SET l[1] = :s, l[9] = :n, m.k[0] = :s, m.fresh = :one");
    assert_eq!(
        it["l"],
        V::L(vec![V::S("p".into()), V::S("ab".into()), V::N("5".into())])
    );
    assert_eq!(it["m"].as_m().unwrap()["fresh"], V::N("1".into()));
    let it = updated("REMOVE l[0], l[1], s ADD tags :ss, a :one, fresh :one DELETE nothing :ss");
    assert_eq!(it["l"], V::L(vec![]));
    assert!(!it.contains_key("s"));
    assert_eq!(it["tags"], V::Ss(vec!["x".into(), "y".into()]));
    assert_eq!(
        (it["a"].clone(), it["fresh"].clone()),
        (V::N("6".into()), V::N("1".into()))
    );
    let it = updated("DELETE tags :ss");
    assert!(!it.contains_key("tags"));
    let it =
        updated("SET l = list_append(:l, l), x = if_not_exists(x, :s), a = if_not_exists(a, :s)");
    assert_eq!(it["l"].as_l().unwrap().len(), 3);
    assert_eq!(
        (it["x"].clone(), it["a"].clone()),
        (V::S("ab".into()), V::N("5".into()))
    );
}

#[test]
fn update_runtime_errors() {
    let (n, v) = (names(), values());
    let run = |text: &str| {
        let u = ExprContext::new(Some(&n), Some(&v)).update(text).unwrap();
        u.apply(&mut item()).unwrap_err().message()
    };
    let invalid = "The document path provided in the update expression is invalid for update";
    assert_eq!(run("SET nope.x = :n"), invalid);
    assert_eq!(run("SET a.x = :n"), invalid);
    assert_eq!(run("SET m.k[5].x = :n"), invalid);
    let dtype = "An operand in the update expression has an incorrect data type";
    assert_eq!(run("SET a = s + :one"), dtype);
    assert_eq!(run("ADD s :one"), dtype);
    assert_eq!(run("ADD tags :one"), dtype);
    assert_eq!(
        run("SET a = nope"),
        "The provided expression refers to an attribute that does not exist in the item"
    );
    let u = ExprContext::new(Some(&n), Some(&v))
        .update("SET a.b = :n")
        .unwrap();
    assert!(u.touches("a") && !u.touches("b"));
    assert_eq!(
        u.check_keys(&["pk", "a"]).unwrap_err().message(),
        "One or more parameter values were invalid: Cannot update attribute a. This attribute is part of the key"
    );
}

#[test]
fn key_conditions() {
    let v = values();
    let kc = |text: &str| ExprContext::new(None, Some(&v)).key_condition(text);
    let k = kc(":n = pk AND sk BETWEEN :one AND :n").unwrap();
    let (hash, range) = k.for_schema("pk", Some("sk")).unwrap();
    assert_eq!(hash, V::N("5".into()));
    assert!(range.unwrap().matches(&V::N("3".into())));
    let k = kc("pk = :n AND :s < sk").unwrap();
    assert_eq!(k.terms[1].op, KeyOp::Gt);
    let p = "Invalid KeyConditionExpression: ";
    for (text, msg) in [
        (
            "pk = :n OR sk = :n",
            "Invalid operator used in KeyConditionExpression: OR",
        ),
        (
            "pk = :n AND contains(sk, :s)",
            "Invalid operator used in KeyConditionExpression: contains",
        ),
        (
            "pk = :n AND pk = :one",
            "KeyConditionExpressions must only contain one condition per key",
        ),
        (
            "pk.x = :n",
            "KeyConditionExpressions cannot have conditions on nested attributes",
        ),
        (
            "pk = sk",
            "Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition",
        ),
        (
            "size(pk) = :n",
            "KeyConditionExpressions cannot contain nested operations",
        ),
    ] {
        // The two texts about nesting carry no prefix in DynamoDB's answer.
        let expected = if msg.contains("nested") {
            msg.to_owned()
        } else {
            format!("{p}{msg}")
        };
        assert_eq!(kc(text).unwrap_err().message(), expected, "{text}");
    }
    let k = kc("sk = :n").unwrap();
    assert_eq!(
        k.for_schema("pk", Some("sk")).unwrap_err().message(),
        "Query condition missed key schema element: pk"
    );
}
