//! Creating a table with a multi-attribute index key, DescribeTable, and the key schema's validation.

use super::*;

#[tokio::test]
async fn describe_table_lists_every_key_attribute_in_order() {
    let db = table().await;
    let d = db
        .describe_table(DescribeTableInput {
            table_name: Some("tbl".into()),
        })
        .await
        .unwrap()
        .table
        .unwrap();
    let g = &d.global_secondary_indexes.unwrap()[0];
    assert_eq!(g.key_schema.as_deref(), Some(&gsi_schema()[..]));
}

#[tokio::test]
async fn key_schema_validation_texts() {
    let cases: Vec<(&str, Vec<KeySchemaElement>, &str)> = vec![
        (
            "five partition attributes",
            vec![
                hash("tenant"),
                hash("area"),
                hash("round"),
                hash("bracket"),
                hash("seq"),
            ],
            "Invalid KeySchema: A global secondary index supports up to 4 HASH KeySchemaElements",
        ),
        (
            "a partition attribute after a sort attribute",
            vec![hash("tenant"), range("round"), hash("area")],
            "Invalid KeySchema: A HASH KeySchemaElement follows a RANGE KeySchemaElement",
        ),
        (
            "an attribute twice",
            vec![hash("tenant"), hash("area"), range("tenant")],
            "Invalid KeySchema: The attribute tenant appears more than once in the KeySchema",
        ),
        (
            "a sort attribute first",
            vec![range("round"), hash("tenant"), hash("area")],
            "Invalid KeySchema: The first KeySchemaElement is not a HASH key type",
        ),
        (
            "an undefined attribute",
            vec![hash("tenant"), hash("nowhere"), range("round")],
            "One or more parameter values were invalid: Some index key attributes are not defined in AttributeDefinitions. Keys: [tenant, nowhere, round], AttributeDefinitions: [id, tenant, area, round, bracket, seq]",
        ),
        (
            // Two elements keep their one-attribute-each meaning and text.
            "the same attribute as partition and sort key",
            vec![hash("tenant"), range("tenant")],
            "Both the Hash Key and the Range Key element in the KeySchema have the same name",
        ),
    ];
    for (what, key, text) in cases {
        let db = Engine::memory();
        let err = db.create_table(create_input(key)).await.unwrap_err();
        assert_eq!(err.message(), text, "{what}");
        assert!(
            db.list_tables(ListTablesInput::default())
                .await
                .unwrap()
                .table_names
                .unwrap_or_default()
                .is_empty(),
            "{what}: nothing created"
        );
    }
}

#[tokio::test]
async fn five_sort_attributes_are_refused() {
    use ScalarAttributeType::S;
    let db = Engine::memory();
    let mut input = create_input(vec![
        hash("tenant"),
        range("a1"),
        range("a2"),
        range("a3"),
        range("a4"),
        range("a5"),
    ]);
    input.attribute_definitions = Some(
        ["id", "tenant", "a1", "a2", "a3", "a4", "a5"]
            .iter()
            .map(|a| def(a, S))
            .collect(),
    );
    let err = db.create_table(input.clone()).await.unwrap_err();
    assert_eq!(
        err.message(),
        "Invalid KeySchema: A global secondary index supports up to 4 RANGE KeySchemaElements"
    );
    // Four of each is the limit, and accepted.
    let mut four = input;
    four.attribute_definitions
        .as_mut()
        .unwrap()
        .push(def("a6", S));
    four.global_secondary_indexes.as_mut().unwrap()[0].key_schema = Some(vec![
        hash("tenant"),
        hash("a5"),
        hash("id"),
        hash("a6"),
        range("a1"),
        range("a2"),
        range("a3"),
        range("a4"),
    ]);
    db.create_table(four).await.unwrap();
}

#[tokio::test]
async fn tables_and_local_indexes_keep_two_elements() {
    let db = Engine::memory();
    let mut input = create_input(gsi_schema());
    input.key_schema = Some(vec![hash("id"), range("round"), range("seq")]);
    let err = db.create_table(input).await.unwrap_err();
    assert_eq!(
        err.message(),
        "1 validation error detected: Value '[KeySchemaElement(attributeName=id, keyType=HASH), KeySchemaElement(attributeName=round, keyType=RANGE), KeySchemaElement(attributeName=seq, keyType=RANGE)]' at 'keySchema' failed to satisfy constraint: Member must have length less than or equal to 2"
    );

    let mut input = create_input(gsi_schema());
    input.key_schema = Some(vec![hash("tenant"), range("id")]);
    input.local_secondary_indexes = Some(vec![LocalSecondaryIndex {
        index_name: Some("lsi".into()),
        key_schema: Some(vec![hash("tenant"), range("round"), range("seq")]),
        projection: all(),
    }]);
    let err = db.create_table(input).await.unwrap_err();
    assert_eq!(
        err.message(),
        "1 validation error detected: Value '[KeySchemaElement(attributeName=tenant, keyType=HASH), KeySchemaElement(attributeName=round, keyType=RANGE), KeySchemaElement(attributeName=seq, keyType=RANGE)]' at 'localSecondaryIndexes.1.member.keySchema' failed to satisfy constraint: Member must have length less than or equal to 2"
    );
}
