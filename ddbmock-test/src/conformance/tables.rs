//! Table lifecycle scenarios: CreateTable, DescribeTable, ListTables, UpdateTable, DeleteTable.

use ddbmock_core::DynamoDb;
use ddbmock_core::operation::*;

use super::support::*;

const INVALID: &str = "One or more parameter values were invalid";

/// Create, describe, list and delete a table, checking the description DynamoDB returns.
pub async fn table_lifecycle(db: &dyn DynamoDb) {
    let name = unique_name("life");
    let created = db
        .create_table(table_input(&name, true))
        .await
        .unwrap()
        .table_description
        .unwrap();
    assert_eq!(created.table_name.as_deref(), Some(name.as_str()));
    assert!(matches!(
        created.table_status,
        Some(TableStatus::Active | TableStatus::Creating)
    ));
    assert_eq!(created.item_count, Some(0));
    assert_eq!(created.table_size_bytes, Some(0));
    assert!(
        created
            .table_arn
            .as_deref()
            .unwrap()
            .ends_with(&format!(":table/{name}"))
    );
    assert!(
        created
            .table_arn
            .as_deref()
            .unwrap()
            .starts_with("arn:aws:dynamodb:")
    );
    let pt = created.provisioned_throughput.clone().unwrap();
    assert_eq!(
        (pt.read_capacity_units, pt.write_capacity_units),
        (Some(5), Some(5))
    );
    assert_eq!(pt.number_of_decreases_today, Some(0));
    assert!(created.creation_date_time.unwrap() > 1.6e9);
    assert_eq!(created.key_schema.as_ref().unwrap().len(), 2);
    assert_eq!(created.deletion_protection_enabled, Some(false));
    assert_eq!(created.table_id.as_deref().map(str::len), Some(36));

    let described = describe(db, &name).await;
    assert_eq!(described.table_arn, created.table_arn);
    assert_eq!(
        described.attribute_definitions,
        created.attribute_definitions
    );

    assert_error(
        db.create_table(table_input(&name, true)).await,
        "ResourceInUseException",
        &format!("Table already exists: {name}"),
    );

    let listed = db.list_tables(ListTablesInput::default()).await.unwrap();
    assert!(listed.table_names.unwrap().contains(&name));

    let deleted = db
        .delete_table(DeleteTableInput {
            table_name: Some(name.clone()),
        })
        .await
        .unwrap()
        .table_description
        .unwrap();
    assert_eq!(deleted.table_status, Some(TableStatus::Deleting));
    assert_error(
        db.describe_table(DescribeTableInput {
            table_name: Some(name.clone()),
        })
        .await,
        "ResourceNotFoundException",
        &format!("Requested resource not found: Table: {name} not found"),
    );
    assert_error(
        db.delete_table(DeleteTableInput {
            table_name: Some(name.clone()),
        })
        .await,
        "ResourceNotFoundException",
        &format!("Requested resource not found: Table: {name} not found"),
    );
}

/// ListTables pages in name order with `Limit` and `ExclusiveStartTableName`.
pub async fn list_tables_pages(db: &dyn DynamoDb) {
    let prefix = unique_name("pages");
    let names: Vec<String> = (0..3).map(|i| format!("{prefix}-{i}")).collect();
    for n in &names {
        db.create_table(table_input(n, false)).await.unwrap();
    }
    // Start just before our tables so the pages hold only them (the endpoint may hold others).
    let page = db
        .list_tables(ListTablesInput {
            exclusive_start_table_name: Some(format!("{prefix}-")),
            limit: Some(2),
        })
        .await
        .unwrap();
    assert_eq!(page.table_names.as_deref(), Some(&names[..2]));
    assert_eq!(
        page.last_evaluated_table_name.as_deref(),
        Some(names[1].as_str())
    );
    let page = db
        .list_tables(ListTablesInput {
            exclusive_start_table_name: page.last_evaluated_table_name,
            limit: Some(1),
        })
        .await
        .unwrap();
    assert_eq!(page.table_names.as_deref(), Some(&names[2..]));

    assert_error(
        db.list_tables(ListTablesInput {
            limit: Some(0),
            ..Default::default()
        })
        .await,
        "ValidationException",
        "1 validation error detected: Value '0' at 'limit' failed to satisfy constraint: Member must have value greater than or equal to 1",
    );
    assert_error(
        db.list_tables(ListTablesInput {
            limit: Some(101),
            ..Default::default()
        })
        .await,
        "ValidationException",
        "1 validation error detected: Value '101' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100",
    );
    for n in &names {
        db.delete_table(DeleteTableInput {
            table_name: Some(n.clone()),
        })
        .await
        .unwrap();
    }
}

/// CreateTable's checks of names, key schemas, attribute definitions and billing.
pub async fn create_table_validation(db: &dyn DynamoDb) {
    let name = unique_name("bad");
    let with = |f: &dyn Fn(&mut CreateTableInput)| {
        let mut i = table_input(&name, true);
        f(&mut i);
        i
    };
    assert_error(
        db.create_table(with(&|i| i.table_name = Some("a;".into())))
            .await,
        "ValidationException",
        "2 validation errors detected: Value 'a;' at 'tableName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; Value 'a;' at 'tableName' failed to satisfy constraint: Member must have length greater than or equal to 3",
    );
    assert_error(
        db.create_table(with(&|i| i.table_name = None)).await,
        "ValidationException",
        "1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null",
    );
    assert_error(
        db.create_table(with(&|i| i.billing_mode = Some(BillingMode::from("FREE"))))
            .await,
        "ValidationException",
        "1 validation error detected: Value 'FREE' at 'billingMode' failed to satisfy constraint: Member must satisfy enum value set: [PROVISIONED, PAY_PER_REQUEST]",
    );
    assert_error(
        db.create_table(with(&|i| i.provisioned_throughput = None))
            .await,
        "ValidationException",
        &format!(
            "{INVALID}: ReadCapacityUnits and WriteCapacityUnits must both be specified when BillingMode is PROVISIONED"
        ),
    );
    assert_error(
        db.create_table(with(&|i| i.billing_mode = Some(BillingMode::PayPerRequest)))
            .await,
        "ValidationException",
        &format!(
            "{INVALID}: Neither ReadCapacityUnits nor WriteCapacityUnits can be specified when BillingMode is PAY_PER_REQUEST"
        ),
    );
    assert_error(
        db.create_table(with(&|i| {
            i.key_schema = Some(vec![key("pk", KeyType::Hash)]);
        }))
        .await,
        "ValidationException",
        &format!(
            "{INVALID}: Number of attributes in KeySchema does not exactly match number of attributes defined in AttributeDefinitions"
        ),
    );
    assert_error(
        db.create_table(with(&|i| {
            i.key_schema = Some(vec![key("zz", KeyType::Hash)]);
            i.attribute_definitions = Some(vec![def("pk", ScalarAttributeType::S)]);
        }))
        .await,
        "ValidationException",
        &format!(
            "{INVALID}: Some index key attributes are not defined in AttributeDefinitions. Keys: [zz], AttributeDefinitions: [pk]"
        ),
    );
    assert_error(
        db.create_table(with(&|i| {
            i.key_schema = Some(vec![key("sk", KeyType::Range), key("pk", KeyType::Hash)]);
        }))
        .await,
        "ValidationException",
        "Invalid KeySchema: The first KeySchemaElement is not a HASH key type",
    );
    assert_error(
        db.create_table(with(&|i| {
            i.key_schema = Some(vec![key("pk", KeyType::Hash), key("pk", KeyType::Range)]);
        }))
        .await,
        "ValidationException",
        "Both the Hash Key and the Range Key element in the KeySchema have the same name",
    );
    assert_error(
        db.create_table(with(&|i| {
            i.key_schema = Some(vec![key("pk", KeyType::Hash), key("sk", KeyType::Hash)]);
        }))
        .await,
        "ValidationException",
        "Invalid KeySchema: The second KeySchemaElement is not a RANGE key type",
    );
    // Nothing above created the table.
    assert_error(
        db.describe_table(DescribeTableInput {
            table_name: Some(name.clone()),
        })
        .await,
        "ResourceNotFoundException",
        &format!("Requested resource not found: Table: {name} not found"),
    );
}

fn lsi(name: &str, range: &str, projection: ProjectionType) -> LocalSecondaryIndex {
    LocalSecondaryIndex {
        index_name: Some(name.to_owned()),
        key_schema: Some(vec![key("pk", KeyType::Hash), key(range, KeyType::Range)]),
        projection: Some(Projection {
            projection_type: Some(projection),
            non_key_attributes: None,
        }),
    }
}

/// CreateTable's checks of local and global secondary index definitions.
pub async fn create_table_indexes_validation(db: &dyn DynamoDb) {
    let name = unique_name("idx");
    let base = || {
        let mut i = table_input(&name, true);
        i.attribute_definitions
            .as_mut()
            .unwrap()
            .push(def("lsk", ScalarAttributeType::S));
        i
    };
    let mut i = base();
    i.local_secondary_indexes = Some(vec![]);
    assert_error(
        db.create_table(i).await,
        "ValidationException",
        &format!("{INVALID}: List of LocalSecondaryIndexes is empty"),
    );

    let mut i = base();
    i.local_secondary_indexes = Some(vec![
        lsi("one", "lsk", ProjectionType::All),
        lsi("one", "lsk", ProjectionType::All),
    ]);
    assert_error(
        db.create_table(i).await,
        "ValidationException",
        &format!("{INVALID}: Duplicate index name: one"),
    );

    let mut i = base();
    let mut bad = lsi("one", "lsk", ProjectionType::KeysOnly);
    bad.projection.as_mut().unwrap().non_key_attributes = Some(vec!["x".into()]);
    i.local_secondary_indexes = Some(vec![bad]);
    assert_error(
        db.create_table(i).await,
        "ValidationException",
        &format!("{INVALID}: ProjectionType is KEYS_ONLY, but NonKeyAttributes is specified"),
    );

    let mut i = base();
    i.local_secondary_indexes = Some(
        (0..6)
            .map(|n| lsi(&format!("lsi{n}"), "lsk", ProjectionType::All))
            .collect(),
    );
    assert_error(
        db.create_table(i).await,
        "ValidationException",
        &format!("{INVALID}: Number of LocalSecondaryIndexes exceeds per-table limit of 5"),
    );

    let mut i = base();
    i.global_secondary_indexes = Some(vec![GlobalSecondaryIndex {
        index_name: Some("gsi1".into()),
        key_schema: Some(vec![key("lsk", KeyType::Hash)]),
        projection: Some(Projection {
            projection_type: Some(ProjectionType::All),
            non_key_attributes: None,
        }),
        ..Default::default()
    }]);
    assert_error(
        db.create_table(i).await,
        "ValidationException",
        &format!("{INVALID}: ProvisionedThroughput must be specified for index: gsi1"),
    );

    // Index names have the length and characters of table names, and each index needs its key
    // schema and projection: checked with the request's other constraints, before anything else.
    let mut i = base();
    i.local_secondary_indexes = Some(vec![lsi("l1", "lsk", ProjectionType::All)]);
    i.global_secondary_indexes = Some(vec![GlobalSecondaryIndex {
        index_name: Some("by;lsk".into()),
        key_schema: None,
        projection: None,
        provisioned_throughput: Some(throughput(1, 1)),
        ..Default::default()
    }]);
    assert_error(
        db.create_table(i).await,
        "ValidationException",
        "4 validation errors detected: \
         Value 'l1' at 'localSecondaryIndexes.1.member.indexName' failed to satisfy constraint: Member must have length greater than or equal to 3; \
         Value 'by;lsk' at 'globalSecondaryIndexes.1.member.indexName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+; \
         Value null at 'globalSecondaryIndexes.1.member.keySchema' failed to satisfy constraint: Member must not be null; \
         Value null at 'globalSecondaryIndexes.1.member.projection' failed to satisfy constraint: Member must not be null",
    );

    // A valid table with one of each: the description lists both indexes.
    let mut i = base();
    i.local_secondary_indexes = Some(vec![lsi("by_lsk", "lsk", ProjectionType::KeysOnly)]);
    i.global_secondary_indexes = Some(vec![GlobalSecondaryIndex {
        index_name: Some("gsi1".into()),
        key_schema: Some(vec![key("lsk", KeyType::Hash), key("sk", KeyType::Range)]),
        projection: Some(Projection {
            projection_type: Some(ProjectionType::All),
            non_key_attributes: None,
        }),
        provisioned_throughput: Some(throughput(1, 1)),
        ..Default::default()
    }]);
    let d = db.create_table(i).await.unwrap().table_description.unwrap();
    let g = &d.global_secondary_indexes.unwrap()[0];
    assert_eq!(g.index_status, Some(IndexStatus::Active));
    assert!(
        g.index_arn
            .as_deref()
            .unwrap()
            .ends_with(&format!("table/{name}/index/gsi1"))
    );
    assert_eq!(
        d.local_secondary_indexes.unwrap()[0].index_name.as_deref(),
        Some("by_lsk")
    );
    db.delete_table(DeleteTableInput {
        table_name: Some(name),
    })
    .await
    .unwrap();
}

/// UpdateTable changes billing, throughput and deletion protection, with DynamoDB's checks.
pub async fn update_table_changes(db: &dyn DynamoDb) {
    let name = new_table(db, "upd", false).await;
    let upd = |f: &dyn Fn(&mut UpdateTableInput)| {
        let mut i = UpdateTableInput {
            table_name: Some(name.clone()),
            ..Default::default()
        };
        f(&mut i);
        i
    };
    assert_error(
        db.update_table(upd(&|_| {})).await,
        "ValidationException",
        "At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled, GlobalSecondaryIndexUpdates, SSESpecification, ReplicaUpdates, MultiAccountReplicaReady, ReplicaTransitRoleArn, MultiRegionConsistency, DeletionProtectionEnabled, OnDemandThroughput, WarmThroughput or TableClass is required",
    );
    assert_error(
        db.update_table(upd(&|i| i.provisioned_throughput = Some(throughput(5, 5))))
            .await,
        "ValidationException",
        "The provisioned throughput for the table will not change. The requested value equals the current value. Current ReadCapacityUnits provisioned for the table: 5. Requested ReadCapacityUnits: 5. Current WriteCapacityUnits provisioned for the table: 5. Requested WriteCapacityUnits: 5. Refer to the Amazon DynamoDB Developer Guide for current limits and how to request higher limits.",
    );
    let d = db
        .update_table(upd(&|i| i.provisioned_throughput = Some(throughput(10, 3))))
        .await
        .unwrap();
    until_active(db, &name).await;
    let pt = d.table_description.unwrap().provisioned_throughput.unwrap();
    assert_eq!(
        (pt.read_capacity_units, pt.write_capacity_units),
        (Some(10), Some(3))
    );

    let d = db
        .update_table(upd(&|i| i.billing_mode = Some(BillingMode::PayPerRequest)))
        .await
        .unwrap();
    until_active(db, &name).await;
    let summary = d.table_description.unwrap().billing_mode_summary.unwrap();
    assert_eq!(summary.billing_mode, Some(BillingMode::PayPerRequest));
    assert_eq!(
        describe(db, &name)
            .await
            .billing_mode_summary
            .unwrap()
            .billing_mode,
        Some(BillingMode::PayPerRequest)
    );
    db.delete_table(DeleteTableInput {
        table_name: Some(name),
    })
    .await
    .unwrap();
}

/// A protected table cannot be deleted until protection is turned off.
pub async fn deletion_protection(db: &dyn DynamoDb) {
    let name = unique_name("prot");
    let mut input = table_input(&name, false);
    input.deletion_protection_enabled = Some(true);
    let d = db
        .create_table(input)
        .await
        .unwrap()
        .table_description
        .unwrap();
    assert_eq!(d.deletion_protection_enabled, Some(true));
    let arn = d.table_arn.unwrap();
    assert_error(
        db.delete_table(DeleteTableInput {
            table_name: Some(name.clone()),
        })
        .await,
        "ValidationException",
        &format!(
            "Resource cannot be deleted as it is currently protected against deletion. Disable deletion protection first. Resource: {arn}"
        ),
    );
    db.update_table(UpdateTableInput {
        table_name: Some(name.clone()),
        deletion_protection_enabled: Some(false),
        ..Default::default()
    })
    .await
    .unwrap();
    until_active(db, &name).await;
    db.delete_table(DeleteTableInput {
        table_name: Some(name),
    })
    .await
    .unwrap();
}
