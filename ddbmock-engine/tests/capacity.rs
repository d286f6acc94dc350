//! The throughput simulation and the planning report, on a manual clock.

use std::time::{Duration, UNIX_EPOCH};

use ddbmock_core::model::{AttributeValue, Item};
use ddbmock_core::operation::*;
use ddbmock_engine::engine::meter::ThrottleConfig;
use ddbmock_engine::{Clock, DynamoDb, Engine, EngineConfig};

fn block<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap()
        .block_on(f)
}

fn engine(throttle: bool) -> Engine {
    let config = EngineConfig {
        throttle: ThrottleConfig {
            enabled: throttle,
            ..Default::default()
        },
        ..Default::default()
    };
    Engine::memory_with_config(
        Clock::manual(UNIX_EPOCH + Duration::from_secs(1_800_000_000)),
        config,
    )
}

async fn create(db: &Engine, wcu: i64) {
    db.create_table(CreateTableInput {
        table_name: Some("tbl".into()),
        attribute_definitions: Some(vec![AttributeDefinition {
            attribute_name: Some("pk".into()),
            attribute_type: Some(ScalarAttributeType::S),
        }]),
        key_schema: Some(vec![KeySchemaElement {
            attribute_name: Some("pk".into()),
            key_type: Some(KeyType::Hash),
        }]),
        provisioned_throughput: Some(ProvisionedThroughput {
            read_capacity_units: Some(5),
            write_capacity_units: Some(wcu),
        }),
        ..Default::default()
    })
    .await
    .unwrap();
}

fn put(n: u32) -> PutItemInput {
    let item = Item::from([("pk".to_owned(), AttributeValue::S(format!("k{n}")))]);
    PutItemInput {
        table_name: Some("tbl".into()),
        item: Some(item),
        ..Default::default()
    }
}

#[test]
fn a_provisioned_table_bursts_then_throttles_then_recovers() {
    block(async {
        let db = engine(true);
        create(&db, 5).await;
        // 5 WCU bank 300 seconds of unused capacity: 1,500 one-unit writes.
        for n in 0..1500 {
            db.put_item(put(n))
                .await
                .unwrap_or_else(|e| panic!("write {n}: {e}"));
        }
        let err = db.put_item(put(1500)).await.unwrap_err();
        assert_eq!(err.type_name(), "ProvisionedThroughputExceededException");
        assert_eq!(
            err.message(),
            "The level of configured provisioned throughput for the table was exceeded. Consider increasing your provisioning level with the UpdateTable API."
        );
        assert!(err.is_throttling());
        db.clock().advance(Duration::from_secs(1));
        db.put_item(put(1501)).await.unwrap();
        // Reads have their own bucket.
        db.get_item(GetItemInput {
            table_name: Some("tbl".into()),
            key: Some(Item::from([(
                "pk".to_owned(),
                AttributeValue::S("k1".into()),
            )])),
            ..Default::default()
        })
        .await
        .unwrap();

        let report = db.capacity_report();
        let t = &report.tables["tbl"];
        assert_eq!(t.usage.total_write_units, 1501.0);
        assert_eq!(t.usage.total_read_units, 0.5);
        assert_eq!(t.usage.throttled_requests, 1);
        assert_eq!(t.usage.peak_write_units_per_second, 1500.0);
        assert_eq!(t.item_count, 1501);
    });
}

#[test]
fn throughput_is_not_enforced_by_default() {
    block(async {
        let db = engine(false);
        create(&db, 1).await;
        for n in 0..400 {
            db.put_item(put(n)).await.unwrap();
        }
    });
}

#[test]
fn the_report_prices_a_scripted_workload() {
    block(async {
        let db = engine(false);
        create(&db, 5).await;
        // 10 writes of 1 unit in each of 10 seconds: 100 write units over 10 s, peak 10/s.
        for s in 0..10 {
            for n in 0..10 {
                db.put_item(put(s * 10 + n)).await.unwrap();
            }
            db.clock().advance(Duration::from_secs(1));
        }
        let t = &db.capacity_report().tables["tbl"];
        assert_eq!(t.usage.total_write_units, 100.0);
        assert_eq!(t.usage.peak_write_units_per_second, 10.0);
        assert_eq!(t.usage.p99_write_units_per_second, 10.0);
        assert_eq!(t.usage.active_seconds, 10);
        // On demand: 10 units/s all month = 26,280,000 units at $0.625 per million.
        let storage = t.table_size_bytes as f64 / 1e9 * 0.25;
        assert!((t.monthly_cost_on_demand - (26_280_000.0 * 0.625 / 1e6 + storage)).abs() < 1e-9);
        // Provisioned at the peak: 10 WCU for 730 hours at $0.00065.
        assert!((t.monthly_cost_provisioned - (10.0 * 0.00065 * 730.0 + storage)).abs() < 1e-9);
    });
}
