//! Scan scenarios: paging, filters, Select, parallel segments, and every validation message.

use std::collections::BTreeSet;

use ddbmock_core::DynamoDb;
use ddbmock_core::operation::*;

use super::reads::*;
use super::support::*;

const VALIDATION: &str = "ValidationException";

/// A paged scan visits every item once; the segments of a parallel scan split the items between
/// them, each item in exactly one, whatever the number of segments.
pub async fn scan_paging_and_segments(db: &dyn DynamoDb) {
    let t = keyed_table(db, "scan", "S", Some("N")).await;
    let mut keys = BTreeSet::new();
    for p in 0..40 {
        for i in 0..3 {
            put(
                db,
                &t,
                item(&[
                    ("pk", s(&format!("p{p}"))),
                    ("sk", n(&i.to_string())),
                    ("v", n(&(p % 4).to_string())),
                ]),
            )
            .await;
            keys.insert(format!("p{p}/{i}"));
        }
    }
    let key_of = |i: &ddbmock_core::model::Item| match (i.get("pk"), i.get("sk")) {
        (
            Some(ddbmock_core::model::AttributeValue::S(p)),
            Some(ddbmock_core::model::AttributeValue::N(s)),
        ) => {
            format!("{p}/{s}")
        }
        _ => panic!("item without its key: {i:?}"),
    };
    let (full, _) = scan_all(db, scan_input(&t)).await;
    assert_eq!(full.iter().map(key_of).collect::<BTreeSet<_>>(), keys);
    assert_eq!(full.len(), keys.len());
    let (paged, pages) = scan_all(
        db,
        ScanInput {
            limit: Some(7),
            ..scan_input(&t)
        },
    )
    .await;
    assert_eq!(paged, full, "pages follow the same order as one scan");
    assert_eq!(pages, 120 / 7 + 1);
    // Items of a partition are contiguous and in sort order.
    let order: Vec<String> = full.iter().map(key_of).collect();
    for w in order.windows(2) {
        let (a, b) = (w[0].split_once('/').unwrap(), w[1].split_once('/').unwrap());
        if a.0 == b.0 {
            assert!(a.1 < b.1, "{w:?}");
        }
    }

    for total in [1, 2, 3, 8, 50] {
        let mut seen = Vec::new();
        for segment in 0..total {
            let (items, _) = scan_all(
                db,
                ScanInput {
                    segment: Some(segment),
                    total_segments: Some(total),
                    limit: Some(5),
                    ..scan_input(&t)
                },
            )
            .await;
            seen.extend(items.iter().map(key_of));
        }
        assert_eq!(seen.len(), keys.len(), "{total} segments");
        assert_eq!(
            seen.into_iter().collect::<BTreeSet<_>>(),
            keys,
            "{total} segments"
        );
    }

    // Filters, Count and ScannedCount; Select COUNT; projections.
    let out = db
        .scan(ScanInput {
            filter_expression: Some("v = :z".into()),
            expression_attribute_values: Some(item(&[(":z", n("0"))])),
            limit: Some(30),
            ..scan_input(&t)
        })
        .await
        .unwrap();
    assert_eq!(out.scanned_count, Some(30));
    assert!(out.count.unwrap() < 30);
    assert!(out.last_evaluated_key.is_some());
    let out = db
        .scan(ScanInput {
            scan_filter: Some([("v".to_owned(), legacy(ComparisonOperator::Lt, &[n("2")]))].into()),
            select: Some(Select::Count),
            ..scan_input(&t)
        })
        .await
        .unwrap();
    assert_eq!(
        (out.items, out.count, out.scanned_count),
        (None, Some(60), Some(120))
    );
    let out = db
        .scan(ScanInput {
            attributes_to_get: Some(vec!["v".into()]),
            limit: Some(1),
            ..scan_input(&t)
        })
        .await
        .unwrap();
    assert_eq!(out.items.unwrap()[0].keys().collect::<Vec<_>>(), ["v"]);
}

/// Every Scan validation, with DynamoDB's message.
pub async fn scan_validation(db: &dyn DynamoDb) {
    let t = keyed_table(db, "sval", "S", None).await;
    for i in 0..20 {
        put(db, &t, item(&[("pk", s(&format!("k{i}")))])).await;
    }
    let first_of_segment_1 = db
        .scan(ScanInput {
            segment: Some(1),
            total_segments: Some(2),
            limit: Some(1),
            ..scan_input(&t)
        })
        .await
        .unwrap()
        .last_evaluated_key
        .expect("segment 1 of 2 has items");
    let cases: Vec<(ScanInput, &str)> = vec![
        (
            ScanInput {
                segment: Some(1),
                ..scan_input(&t)
            },
            "The TotalSegments parameter is required but was not present in the request when Segment parameter is present",
        ),
        (
            ScanInput {
                total_segments: Some(2),
                ..scan_input(&t)
            },
            "The Segment parameter is required but was not present in the request when parameter TotalSegments is present",
        ),
        (
            ScanInput {
                segment: Some(2),
                total_segments: Some(2),
                ..scan_input(&t)
            },
            "The Segment parameter is zero-based and must be less than parameter TotalSegments: Segment: 2 is not less than TotalSegments: 2",
        ),
        (
            ScanInput {
                segment: Some(0),
                total_segments: Some(1_000_001),
                ..scan_input(&t)
            },
            "1 validation error detected: Value '1000001' at 'totalSegments' failed to satisfy constraint: Member must have value less than or equal to 1000000",
        ),
        (
            ScanInput {
                segment: Some(-1),
                total_segments: Some(0),
                ..scan_input(&t)
            },
            "2 validation errors detected: Value '-1' at 'segment' failed to satisfy constraint: Member must have value greater than or equal to 0; Value '0' at 'totalSegments' failed to satisfy constraint: Member must have value greater than or equal to 1",
        ),
        (
            ScanInput {
                limit: Some(0),
                ..scan_input(&t)
            },
            "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1",
        ),
        (
            ScanInput {
                segment: Some(0),
                total_segments: Some(2),
                exclusive_start_key: Some(first_of_segment_1),
                ..scan_input(&t)
            },
            "The provided starting key is invalid: Invalid ExclusiveStartKey. Please use ExclusiveStartKey with correct Segment. TotalSegments: 2 Segment: 0",
        ),
        (
            ScanInput {
                exclusive_start_key: Some(item(&[("pk", n("1"))])),
                ..scan_input(&t)
            },
            "The provided starting key is invalid: The provided key element does not match the schema",
        ),
        (
            ScanInput {
                exclusive_start_key: Some(item(&[("pk", s("a")), ("x", s("b"))])),
                ..scan_input(&t)
            },
            "The provided starting key is invalid: The provided key element does not match the schema",
        ),
        (
            ScanInput {
                index_name: Some("idx".into()),
                ..scan_input(&t)
            },
            "The table does not have the specified index: idx",
        ),
        (
            ScanInput {
                select: Some(Select::AllProjectedAttributes),
                ..scan_input(&t)
            },
            "ALL_PROJECTED_ATTRIBUTES can be used only when Querying using an IndexName",
        ),
        (
            ScanInput {
                select: Some(Select::AllAttributes),
                attributes_to_get: Some(vec!["a".into()]),
                ..scan_input(&t)
            },
            "Cannot specify the AttributesToGet when choosing to get ALL_ATTRIBUTES",
        ),
        (
            ScanInput {
                expression_attribute_names: Some([("#a".to_owned(), "a".to_owned())].into()),
                ..scan_input(&t)
            },
            "ExpressionAttributeNames can only be specified when using expressions",
        ),
        (
            ScanInput {
                expression_attribute_values: Some(item(&[(":a", s("a"))])),
                ..scan_input(&t)
            },
            "ExpressionAttributeValues can only be specified when using expressions: FilterExpression is null",
        ),
        (
            ScanInput {
                projection_expression: Some("a".into()),
                attributes_to_get: Some(vec!["a".into()]),
                ..scan_input(&t)
            },
            "Can not use both expression and non-expression parameters in the same request: Non-expression parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}",
        ),
        (
            ScanInput {
                select: Some(Select::Unknown("SOME".into())),
                ..scan_input(&t)
            },
            "1 validation error detected: Value 'SOME' at 'select' failed to satisfy constraint: Member must satisfy enum value set: [SPECIFIC_ATTRIBUTES, COUNT, ALL_ATTRIBUTES, ALL_PROJECTED_ATTRIBUTES]",
        ),
    ];
    for (input, message) in cases {
        assert_error(db.scan(input).await, VALIDATION, message);
    }
    // "If you provide Segment, you must also provide TotalSegments" (API Reference, Scan), Segment 0
    // included.
    assert_error(
        db.scan(ScanInput {
            segment: Some(0),
            ..scan_input(&t)
        })
        .await,
        VALIDATION,
        "The TotalSegments parameter is required but was not present in the request when Segment parameter is present",
    );
}
