//! Table settings scenarios: `SSESpecification`, `WarmThroughput` and `OnDemandThroughput` given
//! to CreateTable and UpdateTable, as DescribeTable reports them, and the values DynamoDB refuses.

use ddbmock_core::DynamoDb;
use ddbmock_core::operation::*;

use super::control_plane_support::*;
use super::support::*;

const KEY_ID: &str = "1234abcd-12ab-34cd-56ef-1234567890ab";

fn on_demand(name: &str) -> CreateTableInput {
    let mut input = table_input(name, false);
    input.provisioned_throughput = None;
    input.billing_mode = Some(BillingMode::PayPerRequest);
    input
}

fn sse(enabled: bool, sse_type: Option<SseType>, key: Option<&str>) -> Option<SseSpecification> {
    Some(SseSpecification {
        enabled: Some(enabled),
        sse_type,
        kms_master_key_id: key.map(str::to_owned),
    })
}

async fn update(db: &dyn DynamoDb, input: UpdateTableInput) {
    let table = input.table_name.clone().expect("a table name");
    db.update_table(input).await.expect("update table");
    until_active(db, &table).await;
}

/// Encryption with a customer key is described with the key's ARN; turning it off (the AWS owned
/// key) leaves nothing to describe; turning it on without a key uses DynamoDB's AWS managed key.
pub async fn sse_specification_described(db: &dyn DynamoDb) {
    let name = unique_name("sse");
    db.create_table(CreateTableInput {
        sse_specification: sse(true, Some(SseType::Kms), Some(KEY_ID)),
        ..on_demand(&name)
    })
    .await
    .expect("create table");
    until_active(db, &name).await;
    let table = describe(db, &name).await;
    let arn = table.table_arn.expect("a table ARN");
    let parts = Arn::parse(&arn);
    let kms = format!("arn:aws:kms:{}:{}:", parts.region, parts.account);
    let kms_described = |key: String| {
        Some(SseDescription {
            status: Some(SseStatus::Enabled),
            sse_type: Some(SseType::Kms),
            kms_master_key_arn: Some(key),
            inaccessible_encryption_date_time: None,
        })
    };
    assert_eq!(
        table.sse_description,
        kms_described(format!("{kms}key/{KEY_ID}"))
    );

    update(
        db,
        UpdateTableInput {
            table_name: Some(name.clone()),
            sse_specification: sse(false, None, None),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(
        describe(db, &name).await.sse_description,
        None,
        "the AWS owned key is not described"
    );

    update(
        db,
        UpdateTableInput {
            table_name: Some(name.clone()),
            sse_specification: sse(true, None, None),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(
        describe(db, &name).await.sse_description,
        kms_described(format!("{kms}alias/aws/dynamodb"))
    );
}

/// Warm throughput given at creation is described ACTIVE, and an update of one member keeps the
/// other; `OnDemandThroughput` is described as given, at creation and after an update.
pub async fn warm_and_on_demand_throughput_described(db: &dyn DynamoDb) {
    let name = unique_name("warm");
    db.create_table(CreateTableInput {
        warm_throughput: Some(WarmThroughput {
            read_units_per_second: Some(15000),
            write_units_per_second: Some(5000),
        }),
        on_demand_throughput: Some(OnDemandThroughput {
            max_read_request_units: Some(100),
            max_write_request_units: Some(50),
        }),
        ..on_demand(&name)
    })
    .await
    .expect("create table");
    until_active(db, &name).await;
    let table = describe(db, &name).await;
    assert_eq!(
        table.warm_throughput,
        Some(TableWarmThroughputDescription {
            read_units_per_second: Some(15000),
            write_units_per_second: Some(5000),
            status: Some(TableStatus::Active),
        })
    );
    assert_eq!(
        table.on_demand_throughput,
        Some(OnDemandThroughput {
            max_read_request_units: Some(100),
            max_write_request_units: Some(50),
        })
    );

    // WarmThroughput alone is something to update.
    update(
        db,
        UpdateTableInput {
            table_name: Some(name.clone()),
            warm_throughput: Some(WarmThroughput {
                read_units_per_second: Some(20000),
                write_units_per_second: None,
            }),
            ..Default::default()
        },
    )
    .await;
    let table = eventually(
        "warm throughput",
        || describe(db, &name),
        |t| {
            t.warm_throughput
                .as_ref()
                .is_some_and(|w| w.status == Some(TableStatus::Active))
        },
    )
    .await;
    assert_eq!(
        table.warm_throughput,
        Some(TableWarmThroughputDescription {
            read_units_per_second: Some(20000),
            write_units_per_second: Some(5000),
            status: Some(TableStatus::Active),
        })
    );

    update(
        db,
        UpdateTableInput {
            table_name: Some(name.clone()),
            on_demand_throughput: Some(OnDemandThroughput {
                max_read_request_units: Some(200),
                max_write_request_units: Some(80),
            }),
            ..Default::default()
        },
    )
    .await;
    assert_eq!(
        describe(db, &name).await.on_demand_throughput,
        Some(OnDemandThroughput {
            max_read_request_units: Some(200),
            max_write_request_units: Some(80),
        })
    );
}

fn max_units(read: Option<i64>, write: Option<i64>) -> Option<OnDemandThroughput> {
    Some(OnDemandThroughput {
        max_read_request_units: read,
        max_write_request_units: write,
    })
}

/// An `SSEType` outside DynamoDB's enumeration, `OnDemandThroughput` on a provisioned table, and
/// on-demand maximums below 1 are refused by CreateTable (which creates nothing) and by
/// UpdateTable (which changes nothing); UpdateTable takes -1, which removes a maximum.
pub async fn table_settings_validation(db: &dyn DynamoDb) {
    let invalid = "One or more parameter values were invalid";
    let rows = [
        (
            CreateTableInput {
                on_demand_throughput: max_units(Some(10), None),
                ..table_input(&unique_name("on-demand-invalid"), false)
            },
            format!(
                "{invalid}: MaxReadRequestUnits for OnDemandThroughput cannot be specified when the table BillingMode is PROVISIONED"
            ),
        ),
        (
            CreateTableInput {
                on_demand_throughput: max_units(None, Some(5)),
                ..table_input(&unique_name("on-demand-invalid"), false)
            },
            format!(
                "{invalid}: MaxWriteRequestUnits for OnDemandThroughput cannot be specified when the table BillingMode is PROVISIONED"
            ),
        ),
        (
            CreateTableInput {
                on_demand_throughput: max_units(Some(0), Some(5)),
                ..on_demand(&unique_name("on-demand-invalid"))
            },
            format!(
                "{invalid}: Requested MaxReadRequestUnits for OnDemandThroughput for table is outside of valid range"
            ),
        ),
        (
            CreateTableInput {
                on_demand_throughput: max_units(Some(5), Some(-1)),
                ..on_demand(&unique_name("on-demand-invalid"))
            },
            format!(
                "{invalid}: Requested MaxWriteRequestUnits for OnDemandThroughput for table is outside of valid range"
            ),
        ),
    ];
    for (input, message) in rows {
        let name = input.table_name.clone().expect("a table name");
        assert_error(
            db.create_table(input).await,
            "ValidationException",
            &message,
        );
        assert_error(
            db.describe_table(DescribeTableInput {
                table_name: Some(name.clone()),
            })
            .await,
            "ResourceNotFoundException",
            &format!("Requested resource not found: Table: {name} not found"),
        );
    }

    let invalid_type = "1 validation error detected: Value 'DES' at 'sSESpecification.sSEType' failed to satisfy constraint: Member must satisfy enum value set: [AES256, KMS]";
    let name = unique_name("sse-invalid");
    assert_error(
        db.create_table(CreateTableInput {
            sse_specification: sse(true, Some(SseType::from("DES")), None),
            ..on_demand(&name)
        })
        .await,
        "ValidationException",
        invalid_type,
    );
    assert_error(
        db.describe_table(DescribeTableInput {
            table_name: Some(name.clone()),
        })
        .await,
        "ResourceNotFoundException",
        &format!("Requested resource not found: Table: {name} not found"),
    );

    db.create_table(on_demand(&name))
        .await
        .expect("create table");
    until_active(db, &name).await;
    assert_error(
        db.update_table(UpdateTableInput {
            table_name: Some(name.clone()),
            sse_specification: sse(true, Some(SseType::from("DES")), None),
            ..Default::default()
        })
        .await,
        "ValidationException",
        invalid_type,
    );
    assert_error(
        db.update_table(UpdateTableInput {
            table_name: Some(name.clone()),
            on_demand_throughput: max_units(Some(-2), None),
            ..Default::default()
        })
        .await,
        "ValidationException",
        &format!(
            "{invalid}: Requested MaxReadRequestUnits for OnDemandThroughput for table is outside of valid range"
        ),
    );
    let table = describe(db, &name).await;
    assert_eq!(
        (
            table.table_status,
            table.sse_description,
            table.on_demand_throughput
        ),
        (Some(TableStatus::Active), None, None),
        "refused updates change nothing"
    );

    let provisioned = new_table(db, "on-demand-provisioned", false).await;
    assert_error(
        db.update_table(UpdateTableInput {
            table_name: Some(provisioned),
            on_demand_throughput: max_units(Some(10), Some(10)),
            ..Default::default()
        })
        .await,
        "ValidationException",
        &format!(
            "{invalid}: MaxReadRequestUnits for OnDemandThroughput cannot be specified when the table BillingMode is PROVISIONED"
        ),
    );
    update(
        db,
        UpdateTableInput {
            table_name: Some(name.clone()),
            on_demand_throughput: max_units(Some(-1), Some(-1)),
            ..Default::default()
        },
    )
    .await;
}
