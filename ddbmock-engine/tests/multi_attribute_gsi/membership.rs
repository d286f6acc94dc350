//! Index entries only for items with every key attribute of its type, as attributes change.

use super::*;

#[tokio::test]
async fn entries_only_for_items_with_every_key_attribute() {
    let db = table().await;
    let everything = || q("tenant = :t AND area = :r", part());
    put(&db, match_item("m1", "w", "eu", 1, "lower", 1)).await;
    assert_eq!(ids(&db, &everything()).await.unwrap(), ["m1"]);
    assert_eq!(index_count(&db).await, 1);

    // Each key attribute's removal takes the item out; putting it back brings it in again.
    for attr in ["tenant", "area", "round", "bracket", "seq"] {
        db.update_item(UpdateItemInput {
            table_name: Some("tbl".into()),
            key: Some([("id".to_owned(), s("m1"))].into()),
            update_expression: Some(format!("REMOVE {attr}")),
            ..Default::default()
        })
        .await
        .unwrap();
        assert!(ids(&db, &everything()).await.unwrap().is_empty(), "{attr}");
        assert_eq!(index_count(&db).await, 0, "{attr}");
        put(&db, match_item("m1", "w", "eu", 1, "lower", 1)).await;
        assert_eq!(ids(&db, &everything()).await.unwrap(), ["m1"], "{attr}");
    }

    // A key attribute of the wrong type is refused, as for any index key.
    let mut wrong = match_item("m2", "w", "eu", 1, "lower", 1);
    wrong.insert("seq".into(), s("one"));
    let err = db
        .put_item(PutItemInput {
            table_name: Some("tbl".into()),
            item: Some(wrong),
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert_eq!(
        err.message(),
        "One or more parameter values were invalid: Type mismatch for Index Key seq Expected: N Actual: S IndexName: gsi"
    );

    // Changing a partition attribute moves the entry to another partition.
    put(&db, match_item("m1", "w", "us", 1, "lower", 1)).await;
    assert!(ids(&db, &everything()).await.unwrap().is_empty());
    assert_eq!(
        ids(
            &db,
            &q(
                "tenant = :t AND area = :r",
                vec![(":t", s("w")), (":r", s("us"))]
            )
        )
        .await
        .unwrap(),
        ["m1"]
    );
    assert_eq!(index_count(&db).await, 1);
}
