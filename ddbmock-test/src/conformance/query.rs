//! Query scenarios: key conditions in both forms, sort order of each key type, filters, Select,
//! paging, the 1 MB page, and every validation message.

use ddbmock_core::DynamoDb;
use ddbmock_core::model::AttributeValue;
use ddbmock_core::operation::*;

use super::reads::*;
use super::support::*;

const VALIDATION: &str = "ValidationException";

/// Sort keys come back in DynamoDB's order for each type, forward and backward: numbers by value
/// (negatives, fractions, exponents), strings and binaries by unsigned bytes (UTF-8 for strings).
pub async fn query_sort_order(db: &dyn DynamoDb) {
    let cases: Vec<(&str, Vec<AttributeValue>)> = vec![
        (
            "N",
            [
                "-10000000000",
                "-100",
                "-2.5",
                "-1",
                "0",
                "0.001",
                "1",
                "10",
                "100000000000000000000",
            ]
            .iter()
            .map(|v| n(v))
            .collect(),
        ),
        (
            "S",
            ["A", "Z", "a", "aa", "ab", "b", "é", "ö", "中", "中文", "😀"]
                .iter()
                .map(|v| s(v))
                .collect(),
        ),
        (
            "B",
            vec![
                b(&[0]),
                b(&[0, 0]),
                b(&[0, 1]),
                b(&[1]),
                b(&[0x7F]),
                b(&[0x80]),
                b(&[0xFF]),
            ],
        ),
    ];
    for (ty, sorted) in cases {
        let t = keyed_table(db, "qorder", "S", Some(ty)).await;
        // Written in an order unlike the sorted one.
        for v in sorted
            .iter()
            .rev()
            .step_by(2)
            .chain(sorted.iter().step_by(2))
        {
            put(db, &t, item(&[("pk", s("p")), ("sk", v.clone())])).await;
        }
        for v in sorted.iter() {
            put(db, &t, item(&[("pk", s("p")), ("sk", v.clone())])).await;
        }
        put(
            db,
            &t,
            item(&[("pk", s("other")), ("sk", sorted[0].clone())]),
        )
        .await;
        let q = query_input(&t, "pk = :p", &[(":p", s("p"))]);
        let out = db.query(q.clone()).await.unwrap();
        assert_eq!(column(&out.items.unwrap(), "sk"), sorted, "{ty} forward");
        let out = db
            .query(QueryInput {
                scan_index_forward: Some(false),
                ..q
            })
            .await
            .unwrap();
        let mut reversed = sorted.clone();
        reversed.reverse();
        assert_eq!(column(&out.items.unwrap(), "sk"), reversed, "{ty} backward");
    }
}

/// Each sort key operator, as an expression and as legacy `KeyConditions`, on N, S and B keys.
pub async fn query_key_conditions(db: &dyn DynamoDb) {
    let t = keyed_table(db, "qcond", "N", Some("N")).await;
    for i in -5..5 {
        put(db, &t, item(&[("pk", n("7")), ("sk", n(&i.to_string()))])).await;
    }
    let sks = |out: QueryOutput| column(&out.items.unwrap(), "sk");
    let nums = |v: &[i32]| v.iter().map(|i| n(&i.to_string())).collect::<Vec<_>>();
    let cases: Vec<(&str, ComparisonOperator, Vec<AttributeValue>, Vec<i32>)> = vec![
        ("sk = :a", ComparisonOperator::Eq, vec![n("-2")], vec![-2]),
        (
            "sk < :a",
            ComparisonOperator::Lt,
            vec![n("-2")],
            vec![-5, -4, -3],
        ),
        (
            "sk <= :a",
            ComparisonOperator::Le,
            vec![n("-2")],
            vec![-5, -4, -3, -2],
        ),
        ("sk > :a", ComparisonOperator::Gt, vec![n("2")], vec![3, 4]),
        (
            "sk >= :a",
            ComparisonOperator::Ge,
            vec![n("2")],
            vec![2, 3, 4],
        ),
        (
            "sk BETWEEN :a AND :b",
            ComparisonOperator::Between,
            vec![n("-1"), n("1.5")],
            vec![-1, 0, 1],
        ),
    ];
    for (expr, op, values, expected) in cases {
        let mut vals = vec![(":p", n("7")), (":a", values[0].clone())];
        if values.len() > 1 {
            vals.push((":b", values[1].clone()));
        }
        let out = db
            .query(query_input(&t, &format!("pk = :p AND {expr}"), &vals))
            .await
            .unwrap();
        assert_eq!(sks(out), nums(&expected), "{expr}");
        let out = db
            .query(QueryInput {
                table_name: Some(t.clone()),
                key_conditions: Some(
                    [
                        ("pk".to_owned(), legacy(ComparisonOperator::Eq, &[n("7")])),
                        ("sk".to_owned(), legacy(op.clone(), &values)),
                    ]
                    .into(),
                ),
                ..Default::default()
            })
            .await
            .unwrap();
        assert_eq!(sks(out), nums(&expected), "legacy {op}");
    }
    // A key on the right of the operator.
    let out = db
        .query(query_input(
            &t,
            ":p = pk AND :a < sk",
            &[(":p", n("7")), (":a", n("3"))],
        ))
        .await
        .unwrap();
    assert_eq!(sks(out), nums(&[4]));

    // begins_with on strings and binaries, including a prefix ending in 0xFF.
    let t = keyed_table(db, "qbegins", "S", Some("S")).await;
    for v in ["a", "ab", "abc", "abd", "ac", "b", "中文", "中"] {
        put(db, &t, item(&[("pk", s("p")), ("sk", s(v))])).await;
    }
    let out = db
        .query(query_input(
            &t,
            "pk = :p AND begins_with(sk, :x)",
            &[(":p", s("p")), (":x", s("ab"))],
        ))
        .await
        .unwrap();
    assert_eq!(sks(out), vec![s("ab"), s("abc"), s("abd")]);
    let out = db
        .query(query_input(
            &t,
            "pk = :p AND begins_with(sk, :x)",
            &[(":p", s("p")), (":x", s("中"))],
        ))
        .await
        .unwrap();
    assert_eq!(sks(out), vec![s("中"), s("中文")]);
    let t = keyed_table(db, "qbeginsb", "B", Some("B")).await;
    for v in [
        &[1u8][..],
        &[1, 0xFF],
        &[1, 0xFF, 0],
        &[1, 0xFF, 0xFF],
        &[2],
        &[0xFF],
    ] {
        put(db, &t, item(&[("pk", b(&[9])), ("sk", b(v))])).await;
    }
    let out = db
        .query(query_input(
            &t,
            "pk = :p AND begins_with(sk, :x)",
            &[(":p", b(&[9])), (":x", b(&[1, 0xFF]))],
        ))
        .await
        .unwrap();
    assert_eq!(
        sks(out),
        vec![b(&[1, 0xFF]), b(&[1, 0xFF, 0]), b(&[1, 0xFF, 0xFF])]
    );
    let out = db
        .query(query_input(
            &t,
            "pk = :p AND begins_with(sk, :x)",
            &[(":p", b(&[9])), (":x", b(&[0xFF]))],
        ))
        .await
        .unwrap();
    assert_eq!(sks(out), vec![b(&[0xFF])]);
}

/// `Limit` counts items read before the filter; `LastEvaluatedKey` resumes exactly after the last
/// item read, forward and backward; `Count` and `ScannedCount` differ by what the filter dropped.
pub async fn query_paging_and_filters(db: &dyn DynamoDb) {
    let t = keyed_table(db, "qpage", "S", Some("N")).await;
    for i in 0..10 {
        put(
            db,
            &t,
            item(&[
                ("pk", s("p")),
                ("sk", n(&i.to_string())),
                ("odd", n(&(i % 2).to_string())),
            ]),
        )
        .await;
    }
    let q = query_input(&t, "pk = :p", &[(":p", s("p"))]);
    let out = db
        .query(QueryInput {
            limit: Some(3),
            ..q.clone()
        })
        .await
        .unwrap();
    assert_eq!((out.count, out.scanned_count), (Some(3), Some(3)));
    assert_eq!(
        out.last_evaluated_key,
        Some(item(&[("pk", s("p")), ("sk", n("2"))]))
    );
    let (all, pages) = query_all(
        db,
        QueryInput {
            limit: Some(3),
            ..q.clone()
        },
    )
    .await;
    assert_eq!(column(&all, "sk").len(), 10);
    // 3 + 3 + 3 + 1: a page that fills its Limit exactly still carries LastEvaluatedKey.
    assert_eq!(pages, 4);
    let (back, _) = query_all(
        db,
        QueryInput {
            limit: Some(4),
            scan_index_forward: Some(false),
            ..q.clone()
        },
    )
    .await;
    let mut expected = column(&all, "sk");
    expected.reverse();
    assert_eq!(column(&back, "sk"), expected);

    // The filter runs after Limit: 4 read, 2 kept.
    let filtered = QueryInput {
        limit: Some(4),
        filter_expression: Some("odd = :t".into()),
        expression_attribute_values: Some(item(&[(":p", s("p")), (":t", n("1"))])),
        ..q.clone()
    };
    let out = db.query(filtered.clone()).await.unwrap();
    assert_eq!((out.count, out.scanned_count), (Some(2), Some(4)));
    assert_eq!(column(&out.items.unwrap(), "sk"), vec![n("1"), n("3")]);
    let (odd, _) = query_all(db, filtered).await;
    assert_eq!(odd.len(), 5);

    // Legacy QueryFilter with ConditionalOperator OR.
    let out = db
        .query(QueryInput {
            table_name: Some(t.clone()),
            key_conditions: Some(
                [("pk".to_owned(), legacy(ComparisonOperator::Eq, &[s("p")]))].into(),
            ),
            query_filter: Some(
                [
                    ("odd".to_owned(), legacy(ComparisonOperator::Eq, &[n("1")])),
                    (
                        "missing".to_owned(),
                        legacy(ComparisonOperator::NotNull, &[]),
                    ),
                ]
                .into(),
            ),
            conditional_operator: Some(ConditionalOperator::Or),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!((out.count, out.scanned_count), (Some(5), Some(10)));

    // Resuming from a start key that is not an item's.
    let out = db
        .query(QueryInput {
            exclusive_start_key: Some(item(&[("pk", s("p")), ("sk", n("4.5"))])),
            ..q.clone()
        })
        .await
        .unwrap();
    assert_eq!(
        column(&out.items.unwrap(), "sk"),
        (5..10).map(|i| n(&i.to_string())).collect::<Vec<_>>()
    );

    // Select COUNT; projections; an empty partition.
    let out = db
        .query(QueryInput {
            select: Some(Select::Count),
            ..q.clone()
        })
        .await
        .unwrap();
    assert_eq!(
        (out.items, out.count, out.scanned_count),
        (None, Some(10), Some(10))
    );
    let out = db
        .query(QueryInput {
            projection_expression: Some("sk".into()),
            limit: Some(1),
            ..q.clone()
        })
        .await
        .unwrap();
    assert_eq!(out.items, Some(vec![item(&[("sk", n("0"))])]));
    let out = db
        .query(QueryInput {
            table_name: Some(t.clone()),
            key_conditions: Some(
                [("pk".to_owned(), legacy(ComparisonOperator::Eq, &[s("p")]))].into(),
            ),
            attributes_to_get: Some(vec!["odd".into()]),
            select: Some(Select::SpecificAttributes),
            limit: Some(1),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(out.items, Some(vec![item(&[("odd", n("0"))])]));
    let out = db
        .query(query_input(&t, "pk = :p", &[(":p", s("nobody"))]))
        .await
        .unwrap();
    assert_eq!(
        (out.items, out.count, out.last_evaluated_key),
        (Some(vec![]), Some(0), None)
    );
}

/// A table without a sort key: a query reads at most its one item, and cannot be resumed.
pub async fn query_hash_only_table(db: &dyn DynamoDb) {
    for ty in ["S", "N", "B"] {
        let t = keyed_table(db, "qhash", ty, None).await;
        let key = match ty {
            "S" => s("k"),
            "N" => n("-3.5"),
            _ => b(&[0, 1]),
        };
        put(db, &t, item(&[("pk", key.clone()), ("v", n("1"))])).await;
        let out = db
            .query(QueryInput {
                limit: Some(1),
                ..query_input(&t, "pk = :p", &[(":p", key.clone())])
            })
            .await
            .unwrap();
        assert_eq!(
            out.items,
            Some(vec![item(&[("pk", key.clone()), ("v", n("1"))])])
        );
        assert_eq!(out.last_evaluated_key, None, "{ty}");
        assert_error(
            db.query(QueryInput {
                exclusive_start_key: Some(item(&[("pk", key.clone())])),
                ..query_input(&t, "pk = :p", &[(":p", key.clone())])
            })
            .await,
            VALIDATION,
            "The query can return at most one row and cannot be restarted",
        );
        assert_error(
            db.query(query_input(
                &t,
                "pk = :p AND sk = :s",
                &[(":p", key.clone()), (":s", key)],
            ))
            .await,
            VALIDATION,
            "Query key condition not supported",
        );
    }
}

/// A page stops once it has read 1 MB (measured before the filter), with `LastEvaluatedKey`.
pub async fn query_one_megabyte_pages(db: &dyn DynamoDb) {
    let t = keyed_table(db, "qmb", "S", Some("N")).await;
    let blob = "x".repeat(100 * 1024);
    for i in 0..15 {
        put(
            db,
            &t,
            item(&[
                ("pk", s("p")),
                ("sk", n(&i.to_string())),
                ("blob", s(&blob)),
            ]),
        )
        .await;
    }
    let q = QueryInput {
        filter_expression: Some("attribute_not_exists(nothing)".into()),
        ..query_input(&t, "pk = :p", &[(":p", s("p"))])
    };
    let out = db.query(q.clone()).await.unwrap();
    // Ten items of 100 KB and a little stay under 1 MB; the eleventh reaches it.
    assert_eq!((out.count, out.scanned_count), (Some(11), Some(11)));
    assert_eq!(
        out.last_evaluated_key,
        Some(item(&[("pk", s("p")), ("sk", n("10"))]))
    );
    let (all, pages) = query_all(db, q).await;
    assert_eq!((all.len(), pages), (15, 2));
    let out = db
        .query(QueryInput {
            select: Some(Select::Count),
            ..query_input(&t, "pk = :p", &[(":p", s("p"))])
        })
        .await
        .unwrap();
    assert_eq!(out.scanned_count, Some(11), "COUNT pages are 1 MB too");
}

/// Every Query validation, with DynamoDB's message.
pub async fn query_validation(db: &dyn DynamoDb) {
    let t = keyed_table(db, "qval", "S", Some("N")).await;
    let q = |cond: &str, values: &[(&str, AttributeValue)]| query_input(&t, cond, values);
    let cases: Vec<(QueryInput, &str)> = vec![
        (
            QueryInput {
                table_name: Some(t.clone()),
                ..Default::default()
            },
            "Either the KeyConditions or KeyConditionExpression parameter must be specified in the request.",
        ),
        (
            q("sk = :s", &[(":s", n("1"))]),
            "Query condition missed key schema element: pk",
        ),
        (
            q("pk > :p", &[(":p", s("a"))]),
            "Query key condition not supported",
        ),
        (
            q("pk = :p AND color = :s", &[(":p", s("a")), (":s", n("1"))]),
            "Query condition missed key schema element: sk",
        ),
        (
            q("pk = :p", &[(":p", n("1"))]),
            "One or more parameter values were invalid: Condition parameter type does not match schema type",
        ),
        (
            q("pk = :p AND sk > :s", &[(":p", s("a")), (":s", s("1"))]),
            "One or more parameter values were invalid: Condition parameter type does not match schema type",
        ),
        (
            q(
                "pk = :p AND sk BETWEEN :a AND :b",
                &[(":p", s("a")), (":a", n("2")), (":b", n("1"))],
            ),
            "Invalid KeyConditionExpression: The BETWEEN operator requires upper bound to be greater than or equal to lower bound; lower bound operand: AttributeValue: {N:2}, upper bound operand: AttributeValue: {N:1}",
        ),
        (
            q("pk = :p", &[(":p", s(""))]),
            "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain an empty string value. Key: pk",
        ),
        (
            QueryInput {
                index_name: Some("nope".into()),
                ..q("pk = :p", &[(":p", s("a"))])
            },
            "The table does not have the specified index: nope",
        ),
        (
            QueryInput {
                limit: Some(0),
                ..q("pk = :p", &[(":p", s("a"))])
            },
            // Query's Limit moved to DynamoDB's newer wording: no value quoted, the wire's name.
            "1 validation error detected: Value at 'Limit' failed to satisfy constraint: Member must have value greater than or equal to 1",
        ),
        (
            QueryInput {
                select: Some(Select::AllProjectedAttributes),
                ..q("pk = :p", &[(":p", s("a"))])
            },
            "ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName",
        ),
        (
            QueryInput {
                select: Some(Select::Count),
                projection_expression: Some("v".into()),
                ..q("pk = :p", &[(":p", s("a"))])
            },
            "Cannot specify the ProjectionExpression when choosing to get only the Count",
        ),
        (
            QueryInput {
                select: Some(Select::AllAttributes),
                projection_expression: Some("v".into()),
                ..q("pk = :p", &[(":p", s("a"))])
            },
            "Cannot specify the ProjectionExpression when choosing to get ALL_ATTRIBUTES",
        ),
        (
            QueryInput {
                select: Some(Select::SpecificAttributes),
                ..q("pk = :p", &[(":p", s("a"))])
            },
            "Must specify the AttributesToGet or ProjectionExpression when choosing to get SPECIFIC_ATTRIBUTES",
        ),
        (
            QueryInput {
                filter_expression: Some("sk > :s".into()),
                ..q("pk = :p", &[(":p", s("a")), (":s", n("1"))])
            },
            "Filter Expression can only contain non-primary key attributes: Primary key attribute: sk",
        ),
        (
            QueryInput {
                exclusive_start_key: Some(item(&[("pk", s("b")), ("sk", n("1"))])),
                ..q("pk = :p", &[(":p", s("a"))])
            },
            "The provided starting key is outside query boundaries based on provided conditions",
        ),
        (
            QueryInput {
                exclusive_start_key: Some(item(&[("pk", s("a")), ("sk", n("1"))])),
                ..q("pk = :p AND sk > :s", &[(":p", s("a")), (":s", n("5"))])
            },
            "The provided starting key does not match the range key predicate",
        ),
        (
            QueryInput {
                exclusive_start_key: Some(item(&[("pk", s("a"))])),
                ..q("pk = :p", &[(":p", s("a"))])
            },
            "The provided starting key is invalid: The provided key element does not match the schema",
        ),
        (
            QueryInput {
                exclusive_start_key: Some(item(&[("pk", s("a")), ("sk", s("1"))])),
                ..q("pk = :p", &[(":p", s("a"))])
            },
            "The provided starting key is invalid: The provided key element does not match the schema",
        ),
    ];
    for (input, message) in cases {
        assert_error(db.query(input).await, VALIDATION, message);
    }

    let legacy_query = |conds: Vec<(&str, Condition)>| QueryInput {
        table_name: Some(t.clone()),
        key_conditions: Some(conds.into_iter().map(|(k, c)| (k.to_owned(), c)).collect()),
        ..Default::default()
    };
    let eq = legacy(ComparisonOperator::Eq, &[s("a")]);
    let legacy_cases: Vec<(QueryInput, &str)> = vec![
        (
            legacy_query(vec![("pk", legacy(ComparisonOperator::Ne, &[s("a")]))]),
            "Query key condition not supported",
        ),
        (
            legacy_query(vec![
                ("pk", eq.clone()),
                ("sk", legacy(ComparisonOperator::Ne, &[n("1")])),
            ]),
            "Attempted conditional constraint is not an indexable operation",
        ),
        (
            legacy_query(vec![
                ("pk", eq.clone()),
                ("sk", legacy(ComparisonOperator::Between, &[n("1")])),
            ]),
            "The attempted filter operation is not supported for the provided filter argument count",
        ),
        (
            legacy_query(vec![
                ("pk", eq.clone()),
                ("sk", legacy(ComparisonOperator::BeginsWith, &[n("1")])),
            ]),
            "One or more parameter values were invalid: ComparisonOperator BEGINS_WITH is not valid for N AttributeValue type",
        ),
        (
            legacy_query(vec![
                ("pk", eq.clone()),
                ("sk", legacy(ComparisonOperator::Between, &[n("2"), n("1")])),
            ]),
            "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound",
        ),
        (
            legacy_query(vec![("sk", legacy(ComparisonOperator::Eq, &[n("1")]))]),
            "Query condition missed key schema element: pk",
        ),
        (
            legacy_query(vec![]),
            "Conditions can be of length 1 or 2 only",
        ),
        (
            QueryInput {
                query_filter: Some([("pk".to_owned(), eq.clone())].into()),
                ..legacy_query(vec![("pk", eq.clone())])
            },
            "QueryFilter can only contain non-primary key attributes: Primary key attribute: pk",
        ),
        (
            QueryInput {
                filter_expression: Some("v = :v".into()),
                query_filter: Some([("v".to_owned(), eq.clone())].into()),
                expression_attribute_values: Some(item(&[(":v", n("1"))])),
                ..legacy_query(vec![("pk", eq.clone())])
            },
            "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {QueryFilter} Expression parameters: {FilterExpression}",
        ),
        (
            QueryInput {
                expression_attribute_values: Some(item(&[(":v", n("1"))])),
                ..legacy_query(vec![("pk", eq.clone())])
            },
            "ExpressionAttributeValues can only be specified when using expressions: FilterExpression and KeyConditionExpression are null",
        ),
        (
            QueryInput {
                conditional_operator: Some(ConditionalOperator::Or),
                ..legacy_query(vec![("pk", eq.clone())])
            },
            "ConditionalOperator cannot be used without Filter or Expected",
        ),
        (
            QueryInput {
                attributes_to_get: Some(vec!["a".into(), "a".into()]),
                ..legacy_query(vec![("pk", eq.clone())])
            },
            "One or more parameter values were invalid: Duplicate value in attribute name: a",
        ),
        (
            QueryInput {
                attributes_to_get: Some(vec!["a".into()]),
                select: Some(Select::Count),
                ..legacy_query(vec![("pk", eq.clone())])
            },
            "Cannot specify the AttributesToGet when choosing to get only the Count",
        ),
    ];
    for (input, message) in legacy_cases {
        assert_error(db.query(input).await, VALIDATION, message);
    }
    assert_error(
        db.query(QueryInput {
            table_name: Some("no-such-table".into()),
            ..q("pk = :p", &[(":p", s("a"))])
        })
        .await,
        "ResourceNotFoundException",
        "Requested resource not found",
    );
}
