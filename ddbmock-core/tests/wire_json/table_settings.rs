//! `SSESpecification`, `WarmThroughput` and `OnDemandThroughput` in CreateTable and UpdateTable,
//! and `SSEDescription`, `WarmThroughput` and `OnDemandThroughput` in a table description (of the
//! table and of its global index), by their request and response syntax, every member filled.

use ddbmock_core::operation::{
    CreateTableInput, DescribeTableOutput, IndexStatus, OnDemandThroughput, SseStatus, SseType,
    TableStatus, UpdateTableInput, WarmThroughput,
};

use crate::support::round_trip;

const KEY: &str = "arn:aws:kms:us-west-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

#[test]
fn create_table_settings() {
    let input: CreateTableInput = round_trip(&format!(
        r#"{{"TableName": "Music",
            "AttributeDefinitions": [{{"AttributeName": "Artist", "AttributeType": "S"}},
                                     {{"AttributeName": "AlbumTitle", "AttributeType": "S"}}],
            "KeySchema": [{{"AttributeName": "Artist", "KeyType": "HASH"}}],
            "BillingMode": "PAY_PER_REQUEST",
            "GlobalSecondaryIndexes": [{{"IndexName": "AlbumTitleIndex",
                "KeySchema": [{{"AttributeName": "AlbumTitle", "KeyType": "HASH"}}],
                "Projection": {{"ProjectionType": "KEYS_ONLY"}},
                "OnDemandThroughput": {{"MaxReadRequestUnits": 40, "MaxWriteRequestUnits": 20}},
                "WarmThroughput": {{"ReadUnitsPerSecond": 12000, "WriteUnitsPerSecond": 4000}}}}],
            "SSESpecification": {{"Enabled": true, "SSEType": "KMS", "KMSMasterKeyId": "{KEY}"}},
            "WarmThroughput": {{"ReadUnitsPerSecond": 15000, "WriteUnitsPerSecond": 5000}},
            "OnDemandThroughput": {{"MaxReadRequestUnits": 100, "MaxWriteRequestUnits": -1}}}}"#
    ));
    let sse = input.sse_specification.expect("SSESpecification");
    assert_eq!(
        (sse.enabled, sse.sse_type, sse.kms_master_key_id.as_deref()),
        (Some(true), Some(SseType::Kms), Some(KEY))
    );
    assert_eq!(
        input.warm_throughput,
        Some(WarmThroughput {
            read_units_per_second: Some(15000),
            write_units_per_second: Some(5000),
        })
    );
    assert_eq!(
        input.on_demand_throughput,
        Some(OnDemandThroughput {
            max_read_request_units: Some(100),
            max_write_request_units: Some(-1),
        })
    );
    let gsi = &input.global_secondary_indexes.expect("an index")[0];
    assert_eq!(
        gsi.on_demand_throughput
            .as_ref()
            .and_then(|o| o.max_read_request_units),
        Some(40)
    );
    assert_eq!(
        gsi.warm_throughput
            .as_ref()
            .and_then(|w| w.write_units_per_second),
        Some(4000)
    );
}

#[test]
fn update_table_settings() {
    let input: UpdateTableInput = round_trip(&format!(
        r#"{{"TableName": "Music",
            "GlobalSecondaryIndexUpdates": [
                {{"Update": {{"IndexName": "AlbumTitleIndex",
                    "OnDemandThroughput": {{"MaxReadRequestUnits": 50, "MaxWriteRequestUnits": 25}},
                    "WarmThroughput": {{"ReadUnitsPerSecond": 13000, "WriteUnitsPerSecond": 4500}}}}}}],
            "SSESpecification": {{"Enabled": false, "SSEType": "AES256", "KMSMasterKeyId": "{KEY}"}},
            "OnDemandThroughput": {{"MaxReadRequestUnits": 200, "MaxWriteRequestUnits": 80}},
            "WarmThroughput": {{"ReadUnitsPerSecond": 20000, "WriteUnitsPerSecond": 6000}}}}"#
    ));
    let sse = input.sse_specification.expect("SSESpecification");
    assert_eq!(
        (sse.enabled, sse.sse_type),
        (Some(false), Some(SseType::Aes256))
    );
    assert_eq!(
        input
            .on_demand_throughput
            .and_then(|o| o.max_write_request_units),
        Some(80)
    );
    assert_eq!(
        input.warm_throughput.and_then(|w| w.read_units_per_second),
        Some(20000)
    );
    let update = input.global_secondary_index_updates.expect("index updates")[0]
        .update
        .clone()
        .expect("an index update");
    assert_eq!(
        update.warm_throughput.and_then(|w| w.read_units_per_second),
        Some(13000)
    );
    assert_eq!(
        update
            .on_demand_throughput
            .and_then(|o| o.max_read_request_units),
        Some(50)
    );
}

#[test]
fn described_table_settings() {
    let output: DescribeTableOutput = round_trip(&format!(
        r#"{{"Table": {{"TableName": "Music", "TableStatus": "ACTIVE",
            "GlobalSecondaryIndexes": [{{"IndexName": "AlbumTitleIndex", "IndexStatus": "ACTIVE",
                "OnDemandThroughput": {{"MaxReadRequestUnits": 40, "MaxWriteRequestUnits": 20}},
                "WarmThroughput": {{"ReadUnitsPerSecond": 12000, "WriteUnitsPerSecond": 4000, "Status": "UPDATING"}}}}],
            "SSEDescription": {{"Status": "ENABLED", "SSEType": "KMS", "KMSMasterKeyArn": "{KEY}",
                                "InaccessibleEncryptionDateTime": 1709841168.699}},
            "OnDemandThroughput": {{"MaxReadRequestUnits": 100, "MaxWriteRequestUnits": 50}},
            "WarmThroughput": {{"ReadUnitsPerSecond": 15000, "WriteUnitsPerSecond": 5000, "Status": "ACTIVE"}}}}}}"#
    ));
    let table = output.table.expect("a table");
    let sse = table.sse_description.expect("SSEDescription");
    assert_eq!(
        (sse.status, sse.sse_type, sse.kms_master_key_arn.as_deref()),
        (Some(SseStatus::Enabled), Some(SseType::Kms), Some(KEY))
    );
    assert_eq!(
        sse.inaccessible_encryption_date_time,
        Some(1_709_841_168.699)
    );
    assert_eq!(
        table
            .on_demand_throughput
            .and_then(|o| o.max_read_request_units),
        Some(100)
    );
    let warm = table.warm_throughput.expect("WarmThroughput");
    assert_eq!(
        (
            warm.read_units_per_second,
            warm.write_units_per_second,
            warm.status
        ),
        (Some(15000), Some(5000), Some(TableStatus::Active))
    );
    let gsi = &table.global_secondary_indexes.expect("an index")[0];
    let gsi_warm = gsi
        .warm_throughput
        .as_ref()
        .expect("the index's WarmThroughput");
    assert_eq!(
        (gsi_warm.read_units_per_second, gsi_warm.status.clone()),
        (Some(12000), Some(IndexStatus::Updating))
    );
    assert_eq!(
        gsi.on_demand_throughput
            .as_ref()
            .and_then(|o| o.max_write_request_units),
        Some(20)
    );
}
