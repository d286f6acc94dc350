//! The expression parsers never panic: random token streams and random strings get either a compiled
//! expression or a `ValidationException`.

use std::collections::HashMap;

use ddbmock_core::model::AttributeValue;
use ddbmock_engine::expr::{ConditionKind, ExprContext};
use proptest::prelude::*;

const TOKENS: &[&str] = &[
    "a",
    "#n",
    ":v",
    "status",
    "b",
    "(",
    ")",
    "[",
    "]",
    "0",
    "12",
    ",",
    ".",
    "=",
    "<>",
    "<",
    "<=",
    ">",
    ">=",
    "+",
    "-",
    "AND",
    "OR",
    "NOT",
    "BETWEEN",
    "IN",
    "SET",
    "REMOVE",
    "ADD",
    "DELETE",
    "size",
    "contains",
    "begins_with",
    "attribute_exists",
    "attribute_not_exists",
    "attribute_type",
    "if_not_exists",
    "list_append",
    "#",
    ":",
    "!",
    "é",
    " ",
];

fn compile_all(text: &str) {
    let names = HashMap::from([("#n".to_owned(), "n".to_owned())]);
    let values = HashMap::from([(":v".to_owned(), AttributeValue::N("1".into()))]);
    let item = HashMap::from([("a".to_owned(), AttributeValue::N("2".into()))]);
    let mut cx = ExprContext::new(Some(&names), Some(&values));
    for kind in [ConditionKind::Condition, ConditionKind::KeyCondition] {
        if let Ok(c) = cx.condition(text, kind) {
            let _ = c.evaluate(Some(&item));
        }
    }
    if let Ok(u) = cx.update(text) {
        let _ = u.apply(&mut item.clone());
    }
    if let Ok(p) = cx.projection(text) {
        let _ = p.apply(&item);
    }
    let _ = cx.key_condition(text);
    let _ = cx.finish();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn token_streams_never_panic(tokens in prop::collection::vec(prop::sample::select(TOKENS), 0..40)) {
        compile_all(&tokens.join(" "));
        compile_all(&tokens.concat());
    }

    #[test]
    fn strings_never_panic(text in "\\PC{0,60}") {
        compile_all(&text);
    }
}
