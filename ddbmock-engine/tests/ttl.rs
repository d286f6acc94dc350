//! Time to live on the engine: the sweeper deletes exactly the expired items, at the right moment,
//! as REMOVE stream records of the TTL service; UpdateTimeToLive's rules.

mod streams_support;

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use ddbmock_core::operation::*;
use ddbmock_engine::{Clock, DynamoDb, Engine, EngineConfig};
use streams_support::*;

async fn set_ttl(db: &Engine, table: &str, on: bool, attr: &str) -> ddbmock_core::Result<()> {
    db.update_time_to_live(UpdateTimeToLiveInput {
        table_name: Some(table.to_owned()),
        time_to_live_specification: Some(TimeToLiveSpecification {
            enabled: Some(on),
            attribute_name: Some(attr.to_owned()),
        }),
    })
    .await
    .map(|_| ())
}

#[tokio::test]
async fn items_expire_exactly_when_they_should() {
    let db = engine();
    let arn = create(&db, "tbl", Some(StreamViewType::NewAndOldImages))
        .await
        .latest_stream_arn
        .unwrap();
    set_ttl(&db, "tbl", true, "exp").await.unwrap();
    let six_years = 6 * 365 * 86_400;
    put(&db, "tbl", item(&[("pk", s("a")), ("exp", n(T0 + 10))])).await;
    put(&db, "tbl", item(&[("pk", s("b")), ("exp", n(T0 + 20))])).await;
    put(&db, "tbl", item(&[("pk", s("text")), ("exp", s("1"))])).await;
    put(&db, "tbl", item(&[("pk", s("none"))])).await;
    put(
        &db,
        "tbl",
        item(&[("pk", s("ancient")), ("exp", n(T0 - six_years))]),
    )
    .await;
    put(
        &db,
        "tbl",
        item(&[("pk", s("frac")), ("exp", n("1700000010.5"))]),
    )
    .await;

    db.clock().advance(Duration::from_secs(10));
    assert!(
        get(&db, "tbl", "a").await.is_some(),
        "not at its expiry second itself"
    );
    db.clock().advance(Duration::from_millis(1));
    assert!(get(&db, "tbl", "a").await.is_none(), "gone just after");
    assert!(get(&db, "tbl", "frac").await.is_some());
    assert!(get(&db, "tbl", "b").await.is_some());
    db.clock().advance(Duration::from_secs(10));
    for gone in ["b", "frac"] {
        assert!(get(&db, "tbl", gone).await.is_none(), "{gone}");
    }
    let records = read_all(&db, &arn).await;
    db.clock().advance(Duration::from_secs(86_400 * 365));
    for kept in ["text", "none", "ancient"] {
        assert!(
            get(&db, "tbl", kept).await.is_some(),
            "{kept} never expires"
        );
    }
    let d = describe(&db, "tbl").await;
    assert_eq!(d.item_count, Some(3));

    let removes: Vec<_> = records
        .iter()
        .filter(|r| r.event_name == Some(OperationType::Remove))
        .collect();
    let mut removed = events(&removes.iter().map(|r| (*r).clone()).collect::<Vec<_>>());
    // One sweep deletes in key order, not expiry order.
    removed.sort();
    assert_eq!(
        removed,
        [("REMOVE", "a"), ("REMOVE", "b"), ("REMOVE", "frac")]
            .map(|(e, k)| (e.to_owned(), k.to_owned()))
    );
    for r in &removes {
        let id = r.user_identity.as_ref().unwrap();
        assert_eq!(id.r#type.as_deref(), Some("Service"));
        assert_eq!(id.principal_id.as_deref(), Some("dynamodb.amazonaws.com"));
        assert!(r.dynamodb.as_ref().unwrap().old_image.is_some());
    }
    let wire = serde_json::to_value(removes[0]).unwrap();
    assert_eq!(
        wire["userIdentity"],
        serde_json::json!({"PrincipalId": "dynamodb.amazonaws.com", "Type": "Service"})
    );
    assert!(
        records
            .iter()
            .filter(|r| r.event_name == Some(OperationType::Insert))
            .all(|r| r.user_identity.is_none())
    );
}

#[tokio::test]
async fn a_deletion_delay_keeps_expired_items_readable_for_a_while() {
    let config = EngineConfig {
        ttl_deletion_delay: Duration::from_secs(3600),
        ..EngineConfig::default()
    };
    let db = Engine::memory_with_config(Clock::manual(start()), config);
    create(&db, "tbl", None).await;
    set_ttl(&db, "tbl", true, "exp").await.unwrap();
    put(&db, "tbl", item(&[("pk", s("a")), ("exp", n(T0))])).await;
    db.clock().advance(Duration::from_secs(3600));
    assert!(
        get(&db, "tbl", "a").await.is_some(),
        "expired, not yet deleted"
    );
    db.clock().advance(Duration::from_secs(1));
    assert!(get(&db, "tbl", "a").await.is_none());
}

#[tokio::test]
async fn disabling_ttl_stops_deletions() {
    let db = engine();
    create(&db, "tbl", None).await;
    set_ttl(&db, "tbl", true, "exp").await.unwrap();
    put(&db, "tbl", item(&[("pk", s("a")), ("exp", n(T0 + 7200))])).await;
    db.clock().advance(Duration::from_secs(3600));
    set_ttl(&db, "tbl", false, "exp").await.unwrap();
    db.clock().advance(Duration::from_secs(7200));
    assert!(get(&db, "tbl", "a").await.is_some());
    assert_eq!(db.sweep_expired_items().unwrap(), 0);
}

#[tokio::test]
async fn update_time_to_live_rules() {
    let db = engine();
    create(&db, "tbl", None).await;
    assert_error(
        set_ttl(&db, "tbl", false, "exp").await,
        "ValidationException",
        "TimeToLive is already disabled",
    );
    set_ttl(&db, "tbl", true, "exp").await.unwrap();
    assert_error(
        set_ttl(&db, "tbl", true, "exp").await,
        "ValidationException",
        "TimeToLive is already enabled",
    );
    assert_error(
        set_ttl(&db, "tbl", true, "other").await,
        "ValidationException",
        "TimeToLive is active on a different AttributeName: current AttributeName is exp",
    );
    assert_error(
        set_ttl(&db, "tbl", false, "exp").await,
        "ValidationException",
        "Time to live has been modified multiple times within a fixed interval",
    );
    db.clock().advance(Duration::from_secs(3600));
    set_ttl(&db, "tbl", false, "exp").await.unwrap();
    let d = db
        .describe_time_to_live(DescribeTimeToLiveInput {
            table_name: Some("tbl".into()),
        })
        .await
        .unwrap()
        .time_to_live_description
        .unwrap();
    assert_eq!(d.time_to_live_status, Some(TimeToLiveStatus::Disabled));
}

#[tokio::test]
async fn the_system_clock_sweeper_runs_in_the_background() {
    let config = EngineConfig {
        ttl_sweep_interval: Duration::from_millis(5),
        ..EngineConfig::default()
    };
    let db = Engine::memory_with_config(Clock::system(), config);
    create(&db, "tbl", None).await;
    set_ttl(&db, "tbl", true, "exp").await.unwrap();
    let past = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
        - 1;
    put(&db, "tbl", item(&[("pk", s("a")), ("exp", n(past))])).await;
    // A generous bound: this checks that deletion happens, not how fast.
    for _ in 0..1000 {
        if get(&db, "tbl", "a").await.is_none() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    panic!("the background sweeper never deleted the expired item");
}
