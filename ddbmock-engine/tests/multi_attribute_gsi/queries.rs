//! Query on a multi-attribute index: each condition shape, each error, paging and start keys, legacy KeyConditions, partition-only keys.

use super::*;

#[tokio::test]
async fn query_shapes_select_and_order_by_the_sort_attributes_in_turn() {
    let db = table().await;
    seed(&db).await;
    let cases: Vec<(&str, Q, Vec<&str>)> = vec![
        (
            "partition only: ordered by round, then bracket, then seq",
            q("tenant = :t AND area = :r", part()),
            vec!["m1", "m2", "m3", "m4", "m5", "m6"],
        ),
        (
            "first sort attribute equal",
            q(
                "tenant = :t AND area = :r AND round = :a",
                with(part(), &[(":a", n(1))]),
            ),
            vec!["m1", "m2", "m3", "m4"],
        ),
        (
            "first sort attribute in a range (numbers by value, not text)",
            q(
                "tenant = :t AND area = :r AND round > :a",
                with(part(), &[(":a", n(1))]),
            ),
            vec!["m5", "m6"],
        ),
        (
            "BETWEEN on the first",
            q(
                "tenant = :t AND area = :r AND round BETWEEN :a AND :b",
                with(part(), &[(":a", n(2)), (":b", n(10))]),
            ),
            vec!["m5", "m6"],
        ),
        (
            "equal, then begins_with",
            q(
                "tenant = :t AND area = :r AND round = :a AND begins_with(bracket, :b)",
                with(part(), &[(":a", n(1)), (":b", s("upper"))]),
            ),
            vec!["m3", "m4"],
        ),
        (
            "equal, equal, then <= on the last",
            q(
                "area = :r AND seq <= :c AND tenant = :t AND bracket = :b AND round = :a",
                with(part(), &[(":a", n(1)), (":b", s("lower")), (":c", n(6))]),
            ),
            vec!["m1"],
        ),
        (
            "every attribute equal",
            q(
                "tenant = :t AND area = :r AND round = :a AND bracket = :b AND seq = :c",
                with(part(), &[(":a", n(1)), (":b", s("lower")), (":c", n(7))]),
            ),
            vec!["m2"],
        ),
        (
            "equal then < on the second, whose prefix is a shorter value",
            q(
                "tenant = :t AND area = :r AND round = :a AND bracket < :b",
                with(part(), &[(":a", n(1)), (":b", s("upper2"))]),
            ),
            vec!["m1", "m2", "m3"],
        ),
        (
            "equal then >= on the second",
            q(
                "tenant = :t AND area = :r AND round = :a AND bracket >= :b",
                with(part(), &[(":a", n(1)), (":b", s("upper"))]),
            ),
            vec!["m3", "m4"],
        ),
        (
            "another partition with the same values",
            q(
                "tenant = :t AND area = :r",
                vec![(":t", s("w")), (":r", s("us"))],
            ),
            vec!["x1"],
        ),
    ];
    for (what, query, want) in cases {
        assert_eq!(ids(&db, &query).await.unwrap(), want, "{what}");
        let mut reversed = query;
        reversed.forward = false;
        let mut want = want;
        want.reverse();
        assert_eq!(ids(&db, &reversed).await.unwrap(), want, "{what}, backward");
    }
}

#[tokio::test]
async fn query_errors() {
    let db = table().await;
    seed(&db).await;
    let cases: Vec<(&str, Q, &str)> = vec![
        (
            "a partition attribute missing",
            q("tenant = :t", vec![(":t", s("w"))]),
            "Query condition missed key schema element: area",
        ),
        (
            "a partition attribute missing, with a sort condition",
            q(
                "area = :r AND round = :a",
                vec![(":r", s("eu")), (":a", n(1))],
            ),
            "Query condition missed key schema element: tenant",
        ),
        (
            "a partition attribute compared by range",
            q(
                "tenant = :t AND area > :r",
                vec![(":t", s("w")), (":r", s("a"))],
            ),
            "Query key condition not supported",
        ),
        (
            "a skipped sort attribute",
            q(
                "tenant = :t AND area = :r AND bracket = :b",
                with(part(), &[(":b", s("lower"))]),
            ),
            "Query condition missed key schema element: round",
        ),
        (
            "a skipped sort attribute in the middle",
            q(
                "tenant = :t AND area = :r AND round = :a AND seq = :c",
                with(part(), &[(":a", n(1)), (":c", n(1))]),
            ),
            "Query condition missed key schema element: bracket",
        ),
        (
            "a range condition before another condition",
            q(
                "tenant = :t AND area = :r AND round > :a AND bracket = :b",
                with(part(), &[(":a", n(1)), (":b", s("lower"))]),
            ),
            "Query key condition not supported",
        ),
        (
            "a condition on an attribute outside the key",
            q(
                "tenant = :t AND area = :r AND xyz = :a",
                with(part(), &[(":a", n(1))]),
            ),
            "Query condition missed key schema element: round",
        ),
        (
            "a value of the wrong type",
            q(
                "tenant = :t AND area = :r AND round = :a",
                with(part(), &[(":a", s("1"))]),
            ),
            "One or more parameter values were invalid: Condition parameter type does not match schema type",
        ),
        (
            "begins_with on a number",
            q(
                "tenant = :t AND area = :r AND begins_with(round, :a)",
                with(part(), &[(":a", n(1))]),
            ),
            "Invalid KeyConditionExpression: Incorrect operand type for operator or function; operator or function: begins_with, operand type: N",
        ),
    ];
    for (what, query, text) in cases {
        assert_eq!(ids(&db, &query).await.unwrap_err(), text, "{what}");
    }
}

#[tokio::test]
async fn paging_carries_every_key_attribute() {
    let db = table().await;
    seed(&db).await;
    for forward in [true, false] {
        let mut seen = Vec::new();
        let mut start: Option<HashMap<String, AttributeValue>> = None;
        loop {
            let mut input = query_input(&Q {
                cond: "tenant = :t AND area = :r AND round = :a",
                values: with(part(), &[(":a", n(1))]),
                forward,
            });
            input.limit = Some(1);
            input.exclusive_start_key = start.take();
            let out = db.query(input).await.unwrap();
            for item in out.items.unwrap_or_default() {
                seen.push(item["id"].clone());
            }
            match out.last_evaluated_key {
                Some(k) => {
                    let mut names: Vec<&str> = k.keys().map(String::as_str).collect();
                    names.sort_unstable();
                    assert_eq!(names, ["area", "bracket", "id", "round", "seq", "tenant"]);
                    start = Some(k);
                }
                None => break,
            }
        }
        let mut want = vec![s("m1"), s("m2"), s("m3"), s("m4")];
        if !forward {
            want.reverse();
        }
        assert_eq!(seen, want, "forward {forward}");
    }
}

#[tokio::test]
async fn a_start_key_outside_the_condition_is_refused() {
    let db = table().await;
    seed(&db).await;
    let start = |round: i64| {
        // Sorts after m3 (1, upper, 1) and before m4 (1, upper2, 0).
        match_item("m5", "w", "eu", round, "upper", 5)
    };
    let mut input = query_input(&q(
        "tenant = :t AND area = :r AND round = :a AND bracket > :b",
        with(part(), &[(":a", n(1)), (":b", s("a"))]),
    ));
    input.exclusive_start_key = Some(start(2));
    assert_eq!(
        db.query(input.clone()).await.unwrap_err().message(),
        "The provided starting key does not match the range key predicate"
    );
    input.exclusive_start_key = Some(start(1));
    assert_eq!(
        db.query(input).await.unwrap().items.unwrap().len(),
        1,
        "after (1, upper, 5): m4 only"
    );
}

#[tokio::test]
async fn legacy_key_conditions_take_the_same_shapes() {
    let db = table().await;
    seed(&db).await;
    let cond = |op, values: Vec<AttributeValue>| Condition {
        attribute_value_list: Some(values),
        comparison_operator: Some(op),
    };
    let query = |conditions: Vec<(&str, Condition)>| QueryInput {
        table_name: Some("tbl".into()),
        index_name: Some("gsi".into()),
        key_conditions: Some(
            conditions
                .into_iter()
                .map(|(k, c)| (k.to_owned(), c))
                .collect(),
        ),
        ..Default::default()
    };
    let out = db
        .query(query(vec![
            ("tenant", cond(ComparisonOperator::Eq, vec![s("w")])),
            ("area", cond(ComparisonOperator::Eq, vec![s("eu")])),
            ("round", cond(ComparisonOperator::Eq, vec![n(1)])),
            (
                "bracket",
                cond(ComparisonOperator::BeginsWith, vec![s("upper")]),
            ),
        ]))
        .await
        .unwrap();
    let ids: Vec<_> = out.items.unwrap().iter().map(|i| i["id"].clone()).collect();
    assert_eq!(ids, [s("m3"), s("m4")]);

    let err = db
        .query(query(vec![
            ("tenant", cond(ComparisonOperator::Eq, vec![s("w")])),
            ("area", cond(ComparisonOperator::Eq, vec![s("eu")])),
            ("bracket", cond(ComparisonOperator::Eq, vec![s("upper")])),
        ]))
        .await
        .unwrap_err();
    assert_eq!(
        err.message(),
        "Query condition missed key schema element: round"
    );
}

#[tokio::test]
async fn a_key_of_partition_attributes_only() {
    let db = Engine::memory();
    let mut input = create_input(vec![hash("tenant"), hash("area")]);
    input.attribute_definitions = Some(
        ["id", "tenant", "area"]
            .iter()
            .map(|a| def(a, ScalarAttributeType::S))
            .collect(),
    );
    db.create_table(input).await.unwrap();
    seed(&db).await;
    let mut got = ids(&db, &q("tenant = :t AND area = :r", part()))
        .await
        .unwrap();
    got.sort();
    assert_eq!(got, ["m1", "m2", "m3", "m4", "m5", "m6"]);
    assert_eq!(
        ids(
            &db,
            &q(
                "tenant = :t AND area = :r AND round = :a",
                with(part(), &[(":a", n(1))])
            )
        )
        .await
        .unwrap_err(),
        // Every key attribute has its condition: the extra one is beyond the key.
        "Query key condition not supported"
    );
}
