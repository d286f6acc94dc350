//! CreateTable, DescribeTable, ListTables, UpdateTable, DeleteTable.

use ddbmock_core::operation::{
    CreateTableInput, CreateTableOutput, DeleteTableInput, DeleteTableOutput, DescribeTableInput,
    DescribeTableOutput, KeyType, ListTablesInput, ListTablesOutput, ProjectionType,
    ScalarAttributeType, TableStatus, UpdateTableInput, UpdateTableOutput,
};

use crate::support::round_trip;

const THREAD_DESCRIPTION: &str = r#"{
    "TableArn": "arn:aws:dynamodb:us-west-2:123456789012:table/Thread",
    "AttributeDefinitions": [
        {"AttributeName": "ForumName", "AttributeType": "S"},
        {"AttributeName": "LastPostDateTime", "AttributeType": "S"},
        {"AttributeName": "Subject", "AttributeType": "S"}
    ],
    "CreationDateTime": 1.36372808007E9,
    "ItemCount": 0,
    "KeySchema": [
        {"AttributeName": "ForumName", "KeyType": "HASH"},
        {"AttributeName": "Subject", "KeyType": "RANGE"}
    ],
    "LocalSecondaryIndexes": [
        {
            "IndexArn": "arn:aws:dynamodb:us-west-2:123456789012:table/Thread/index/LastPostIndex",
            "IndexName": "LastPostIndex",
            "IndexSizeBytes": 0,
            "ItemCount": 0,
            "KeySchema": [
                {"AttributeName": "ForumName", "KeyType": "HASH"},
                {"AttributeName": "LastPostDateTime", "KeyType": "RANGE"}
            ],
            "Projection": {"ProjectionType": "KEYS_ONLY"}
        }
    ],
    "ProvisionedThroughput": {
        "NumberOfDecreasesToday": 0,
        "ReadCapacityUnits": 5,
        "WriteCapacityUnits": 5
    },
    "TableName": "Thread",
    "TableSizeBytes": 0,
    "TableStatus": "CREATING"
}"#;

#[test]
fn create_table_request() {
    let input: CreateTableInput = round_trip(
        r#"{
            "AttributeDefinitions": [
                {"AttributeName": "ForumName", "AttributeType": "S"},
                {"AttributeName": "Subject", "AttributeType": "S"},
                {"AttributeName": "LastPostDateTime", "AttributeType": "S"}
            ],
            "TableName": "Thread",
            "KeySchema": [
                {"AttributeName": "ForumName", "KeyType": "HASH"},
                {"AttributeName": "Subject", "KeyType": "RANGE"}
            ],
            "LocalSecondaryIndexes": [
                {
                    "IndexName": "LastPostIndex",
                    "KeySchema": [
                        {"AttributeName": "ForumName", "KeyType": "HASH"},
                        {"AttributeName": "LastPostDateTime", "KeyType": "RANGE"}
                    ],
                    "Projection": {"ProjectionType": "KEYS_ONLY"}
                }
            ],
            "ProvisionedThroughput": {"ReadCapacityUnits": 5, "WriteCapacityUnits": 5}
        }"#,
    );
    assert_eq!(input.table_name.as_deref(), Some("Thread"));
    let keys = input.key_schema.expect("KeySchema");
    assert_eq!(keys[0].attribute_name.as_deref(), Some("ForumName"));
    assert_eq!(keys[1].key_type, Some(KeyType::Range));
    let defs = input.attribute_definitions.expect("AttributeDefinitions");
    assert_eq!(defs[2].attribute_type, Some(ScalarAttributeType::S));
    let lsi = &input
        .local_secondary_indexes
        .expect("LocalSecondaryIndexes")[0];
    assert_eq!(lsi.index_name.as_deref(), Some("LastPostIndex"));
    let projection = lsi.projection.as_ref().expect("Projection");
    assert_eq!(projection.projection_type, Some(ProjectionType::KeysOnly));
    let throughput = input.provisioned_throughput.expect("ProvisionedThroughput");
    assert_eq!(throughput.read_capacity_units, Some(5));
    assert_eq!(throughput.write_capacity_units, Some(5));
    assert_eq!(input.billing_mode, None);
}

#[test]
fn create_table_response() {
    let output: CreateTableOutput =
        round_trip(&format!(r#"{{"TableDescription": {THREAD_DESCRIPTION}}}"#));
    let table = output.table_description.expect("TableDescription");
    assert_eq!(table.table_status, Some(TableStatus::Creating));
    assert_eq!(table.creation_date_time, Some(1_363_728_080.07));
    assert_eq!(table.item_count, Some(0));
    assert_eq!(
        table.table_arn.as_deref(),
        Some("arn:aws:dynamodb:us-west-2:123456789012:table/Thread")
    );
    let lsi = &table
        .local_secondary_indexes
        .expect("LocalSecondaryIndexes")[0];
    assert_eq!(
        lsi.index_arn.as_deref(),
        Some("arn:aws:dynamodb:us-west-2:123456789012:table/Thread/index/LastPostIndex")
    );
    let throughput = table.provisioned_throughput.expect("ProvisionedThroughput");
    assert_eq!(throughput.number_of_decreases_today, Some(0));
}

#[test]
fn describe_table() {
    let input: DescribeTableInput = round_trip(r#"{"TableName":"Thread"}"#);
    assert_eq!(input.table_name.as_deref(), Some("Thread"));
    let active = THREAD_DESCRIPTION
        .replace("CREATING", "ACTIVE")
        .replace("1.36372808007E9", "1.363729002358E9");
    let output: DescribeTableOutput = round_trip(&format!(r#"{{"Table": {active}}}"#));
    let table = output.table.expect("Table");
    assert_eq!(table.table_status, Some(TableStatus::Active));
    assert_eq!(table.creation_date_time, Some(1_363_729_002.358));
}

#[test]
fn list_tables() {
    let input: ListTablesInput = round_trip(r#"{"ExclusiveStartTableName": "Forum", "Limit": 3}"#);
    assert_eq!(input.exclusive_start_table_name.as_deref(), Some("Forum"));
    assert_eq!(input.limit, Some(3));
    let output: ListTablesOutput = round_trip(
        r#"{"LastEvaluatedTableName": "Thread", "TableNames": ["Forum","Reply","Thread"]}"#,
    );
    assert_eq!(output.last_evaluated_table_name.as_deref(), Some("Thread"));
    assert_eq!(
        output.table_names,
        Some(vec![
            "Forum".to_owned(),
            "Reply".to_owned(),
            "Thread".to_owned()
        ])
    );
}

#[test]
fn update_table() {
    let input: UpdateTableInput = round_trip(
        r#"{
            "TableName": "Thread",
            "ProvisionedThroughput": {"ReadCapacityUnits": 10, "WriteCapacityUnits": 10}
        }"#,
    );
    let throughput = input.provisioned_throughput.expect("ProvisionedThroughput");
    assert_eq!(throughput.read_capacity_units, Some(10));
    let updating = THREAD_DESCRIPTION.replace("CREATING", "UPDATING").replace(
        r#""NumberOfDecreasesToday": 0,"#,
        r#""LastIncreaseDateTime": 1.363801701282E9, "NumberOfDecreasesToday": 0,"#,
    );
    let output: UpdateTableOutput = round_trip(&format!(r#"{{"TableDescription": {updating}}}"#));
    let table = output.table_description.expect("TableDescription");
    assert_eq!(table.table_status, Some(TableStatus::Updating));
    let throughput = table.provisioned_throughput.expect("ProvisionedThroughput");
    assert_eq!(throughput.last_increase_date_time, Some(1_363_801_701.282));
}

#[test]
fn update_table_index_updates_and_stream() {
    let input: UpdateTableInput = round_trip(
        r#"{
            "TableName": "Thread",
            "AttributeDefinitions": [{"AttributeName": "Author", "AttributeType": "S"}],
            "BillingMode": "PAY_PER_REQUEST",
            "GlobalSecondaryIndexUpdates": [
                {"Create": {
                    "IndexName": "ByAuthor",
                    "KeySchema": [{"AttributeName": "Author", "KeyType": "HASH"}],
                    "Projection": {"ProjectionType": "INCLUDE", "NonKeyAttributes": ["Subject"]},
                    "OnDemandThroughput": {"MaxReadRequestUnits": 10, "MaxWriteRequestUnits": 5}
                }},
                {"Update": {
                    "IndexName": "ByDate",
                    "ProvisionedThroughput": {"ReadCapacityUnits": 1, "WriteCapacityUnits": 1}
                }},
                {"Delete": {"IndexName": "Old"}}
            ],
            "StreamSpecification": {"StreamEnabled": true, "StreamViewType": "NEW_AND_OLD_IMAGES"},
            "SSESpecification": {"Enabled": true, "SSEType": "KMS", "KMSMasterKeyId": "alias/k"},
            "TableClass": "STANDARD_INFREQUENT_ACCESS",
            "DeletionProtectionEnabled": true
        }"#,
    );
    let updates = input.global_secondary_index_updates.expect("updates");
    let create = updates[0].create.as_ref().expect("Create");
    let projection = create.projection.as_ref().expect("Projection");
    assert_eq!(
        projection.non_key_attributes,
        Some(vec!["Subject".to_owned()])
    );
    let on_demand = create
        .on_demand_throughput
        .as_ref()
        .expect("OnDemandThroughput");
    assert_eq!(on_demand.max_read_request_units, Some(10));
    assert!(updates[1].update.is_some());
    let delete = updates[2].delete.as_ref().expect("Delete");
    assert_eq!(delete.index_name.as_deref(), Some("Old"));
    let sse = input.sse_specification.expect("SSESpecification");
    assert_eq!(sse.kms_master_key_id.as_deref(), Some("alias/k"));
    assert_eq!(input.deletion_protection_enabled, Some(true));
}

#[test]
fn delete_table() {
    let input: DeleteTableInput = round_trip(r#"{"TableName": "Reply"}"#);
    assert_eq!(input.table_name.as_deref(), Some("Reply"));
    let output: DeleteTableOutput = round_trip(
        r#"{
            "TableDescription": {
                "TableArn": "arn:aws:dynamodb:us-west-2:123456789012:table/Reply",
                "ItemCount": 0,
                "ProvisionedThroughput": {
                    "NumberOfDecreasesToday": 0,
                    "ReadCapacityUnits": 5,
                    "WriteCapacityUnits": 5
                },
                "TableName": "Reply",
                "TableSizeBytes": 0,
                "TableStatus": "DELETING"
            }
        }"#,
    );
    let table = output.table_description.expect("TableDescription");
    assert_eq!(table.table_status, Some(TableStatus::Deleting));
}

/// A description with every member DynamoDB returns today survives the round trip.
#[test]
fn table_description_with_every_member() {
    let output: DescribeTableOutput = round_trip(
        r#"{"Table": {
            "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"},
                                     {"AttributeName": "gk", "AttributeType": "N"}],
            "TableName": "t",
            "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
            "TableStatus": "ACTIVE",
            "CreationDateTime": 1700000000.123,
            "ProvisionedThroughput": {"NumberOfDecreasesToday": 0, "ReadCapacityUnits": 0,
                                      "WriteCapacityUnits": 0},
            "TableSizeBytes": 12,
            "ItemCount": 1,
            "TableArn": "arn:aws:dynamodb:us-east-1:000000000000:table/t",
            "TableId": "6f8e2a0c-1b2d-4e5f-8a9b-0c1d2e3f4a5b",
            "BillingModeSummary": {"BillingMode": "PAY_PER_REQUEST",
                                   "LastUpdateToPayPerRequestDateTime": 1700000000.5},
            "GlobalSecondaryIndexes": [{
                "IndexName": "g", "KeySchema": [{"AttributeName": "gk", "KeyType": "HASH"}],
                "Projection": {"ProjectionType": "ALL"}, "IndexStatus": "ACTIVE",
                "Backfilling": false,
                "ProvisionedThroughput": {"NumberOfDecreasesToday": 0, "ReadCapacityUnits": 0,
                                          "WriteCapacityUnits": 0},
                "IndexSizeBytes": 0, "ItemCount": 0,
                "IndexArn": "arn:aws:dynamodb:us-east-1:000000000000:table/t/index/g",
                "OnDemandThroughput": {"MaxReadRequestUnits": -1, "MaxWriteRequestUnits": -1},
                "WarmThroughput": {"ReadUnitsPerSecond": 12000, "WriteUnitsPerSecond": 4000,
                                   "Status": "ACTIVE"}
            }],
            "StreamSpecification": {"StreamEnabled": true, "StreamViewType": "KEYS_ONLY"},
            "LatestStreamLabel": "2023-11-14T22:13:20.123",
            "LatestStreamArn": "arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/2023-11-14T22:13:20.123",
            "SSEDescription": {"Status": "ENABLED", "SSEType": "KMS",
                               "KMSMasterKeyArn": "arn:aws:kms:us-east-1:000000000000:key/k"},
            "TableClassSummary": {"TableClass": "STANDARD"},
            "DeletionProtectionEnabled": false,
            "OnDemandThroughput": {"MaxReadRequestUnits": -1, "MaxWriteRequestUnits": -1},
            "WarmThroughput": {"ReadUnitsPerSecond": 12000, "WriteUnitsPerSecond": 4000,
                               "Status": "ACTIVE"}
        }}"#,
    );
    let table = output.table.expect("Table");
    assert_eq!(
        table.table_id.as_deref(),
        Some("6f8e2a0c-1b2d-4e5f-8a9b-0c1d2e3f4a5b")
    );
    let gsi = &table
        .global_secondary_indexes
        .expect("GlobalSecondaryIndexes")[0];
    assert_eq!(gsi.backfilling, Some(false));
    let warm = table.warm_throughput.expect("WarmThroughput");
    assert_eq!(warm.read_units_per_second, Some(12000));
    let sse = table.sse_description.expect("SSEDescription");
    assert_eq!(
        sse.kms_master_key_arn.as_deref(),
        Some("arn:aws:kms:us-east-1:000000000000:key/k")
    );
    assert_eq!(table.deletion_protection_enabled, Some(false));
}

#[test]
fn absent_members_are_none_and_not_serialized() {
    let input: CreateTableInput = serde_json::from_str("{}").expect("parses");
    assert_eq!(input, CreateTableInput::default());
    assert_eq!(serde_json::to_string(&input).expect("serializes"), "{}");
    let null: CreateTableInput = serde_json::from_str(r#"{"TableName": null}"#).expect("parses");
    assert_eq!(null.table_name, None);
}

#[test]
fn unknown_members_are_ignored() {
    let input: DescribeTableInput =
        serde_json::from_str(r#"{"TableName": "t", "Bogus": {"x": [1]}}"#).expect("parses");
    assert_eq!(input.table_name.as_deref(), Some("t"));
}

#[test]
fn unknown_enum_values_are_kept_for_the_engine_to_reject() {
    let input: CreateTableInput =
        serde_json::from_str(r#"{"BillingMode": "ON_DEMAND"}"#).expect("parses");
    let mode = input.billing_mode.expect("BillingMode");
    assert!(!mode.is_known());
    assert_eq!(mode.as_str(), "ON_DEMAND");
}

#[test]
fn a_string_where_a_number_belongs_does_not_parse() {
    let result = serde_json::from_str::<ListTablesInput>(r#"{"Limit": "3"}"#);
    assert!(result.is_err());
}
