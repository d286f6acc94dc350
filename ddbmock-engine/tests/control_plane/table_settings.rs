//! Server-side encryption and warm throughput on tables: described and kept.

use super::*;

async fn sse_of(db: &Engine) -> Option<serde_json::Value> {
    let table = db
        .describe_table(DescribeTableInput {
            table_name: Some("tbl".into()),
        })
        .await
        .unwrap()
        .table
        .unwrap();
    table
        .sse_description
        .map(|d| serde_json::to_value(d).unwrap())
}

#[tokio::test]
async fn sse_specification_is_described_and_kept() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("db.sqlite");
    {
        let db = sqlite(&path);
        db.create_table(wire(json!({
            "TableName": "tbl",
            "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
            "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
            "BillingMode": "PAY_PER_REQUEST",
            "SSESpecification": {"Enabled": true, "SSEType": "KMS", "KMSMasterKeyId": "1234abcd-12ab-34cd-56ef-1234567890ab"}
        })))
        .await
        .unwrap();
    }
    let db = sqlite(&path);
    assert_eq!(
        sse_of(&db).await,
        Some(json!({"Status": "ENABLED", "SSEType": "KMS",
            "KMSMasterKeyArn": "arn:aws:kms:us-east-1:000000000000:key/1234abcd-12ab-34cd-56ef-1234567890ab"}))
    );
    db.update_table(wire(
        json!({"TableName": "tbl", "SSESpecification": {"Enabled": false}}),
    ))
    .await
    .unwrap();
    assert_eq!(
        sse_of(&db).await,
        None,
        "the AWS owned key is not described"
    );
    db.update_table(wire(
        json!({"TableName": "tbl", "SSESpecification": {"Enabled": true}}),
    ))
    .await
    .unwrap();
    assert_eq!(
        sse_of(&db).await.unwrap()["KMSMasterKeyArn"],
        "arn:aws:kms:us-east-1:000000000000:alias/aws/dynamodb"
    );
    assert_error(
        db.update_table(wire(
            json!({"TableName": "tbl", "SSESpecification": {"Enabled": true, "SSEType": "DES"}}),
        ))
        .await,
        "ValidationException",
        "1 validation error detected: Value 'DES' at 'sSESpecification.sSEType' failed to satisfy constraint: Member must satisfy enum value set: [AES256, KMS]",
    );
}

#[tokio::test]
async fn warm_throughput_is_described_and_kept() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("db.sqlite");
    let warm = |db: Engine| async move {
        let t = db
            .describe_table(DescribeTableInput {
                table_name: Some("tbl".into()),
            })
            .await
            .unwrap()
            .table
            .unwrap();
        serde_json::to_value(t.warm_throughput).unwrap()
    };
    {
        let db = sqlite(&path);
        db.create_table(wire(json!({
            "TableName": "tbl",
            "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
            "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
            "BillingMode": "PAY_PER_REQUEST",
            "WarmThroughput": {"ReadUnitsPerSecond": 15000, "WriteUnitsPerSecond": 5000}
        })))
        .await
        .unwrap();
        // WarmThroughput alone is something to update.
        db.update_table(wire(
            json!({"TableName": "tbl", "WarmThroughput": {"ReadUnitsPerSecond": 20000}}),
        ))
        .await
        .unwrap();
    }
    assert_eq!(
        warm(sqlite(&path)).await,
        json!({"ReadUnitsPerSecond": 20000, "WriteUnitsPerSecond": 5000, "Status": "ACTIVE"})
    );
}
