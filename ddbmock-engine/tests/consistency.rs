//! The eventual consistency simulation (`EngineConfig::consistency`) against a model that keeps
//! every state the table went through: strongly consistent reads (GetItem, Query and Scan with
//! `ConsistentRead`, TransactGetItems) and conditions always see the latest state; in the worst
//! case, eventually consistent reads and global index reads see exactly the state of the lag ago,
//! and with a seeded delay some state from within the lag; on both stores. Then what the model
//! leaves out: seeded delays repeat run to run, a local index's fetched items are as stale as its
//! entries, and the default is strongly consistent.

use std::collections::BTreeMap;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use ddbmock_core::model::{AttributeValue, Item};
use ddbmock_core::operation::*;
use ddbmock_engine::{Clock, Consistency, DynamoDb, Engine, Staleness};
use proptest::prelude::*;

fn block<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime")
        .block_on(f)
}

const LAG: Duration = Duration::from_millis(100);

fn s(v: &str) -> AttributeValue {
    AttributeValue::S(v.to_owned())
}

fn n(v: u8) -> AttributeValue {
    AttributeValue::N(v.to_string())
}

fn attr(name: &str, ty: ScalarAttributeType) -> AttributeDefinition {
    AttributeDefinition {
        attribute_name: Some(name.into()),
        attribute_type: Some(ty),
    }
}

fn key_elem(name: &str, ty: KeyType) -> KeySchemaElement {
    KeySchemaElement {
        attribute_name: Some(name.into()),
        key_type: Some(ty),
    }
}

/// Table `tbl`: `pk` (S) and `sk` (N), a global index `by_g` on `g` (S), all projected.
async fn create(db: &Engine) {
    db.create_table(CreateTableInput {
        table_name: Some("tbl".into()),
        attribute_definitions: Some(vec![
            attr("pk", ScalarAttributeType::S),
            attr("sk", ScalarAttributeType::N),
            attr("g", ScalarAttributeType::S),
        ]),
        key_schema: Some(vec![
            key_elem("pk", KeyType::Hash),
            key_elem("sk", KeyType::Range),
        ]),
        global_secondary_indexes: Some(vec![GlobalSecondaryIndex {
            index_name: Some("by_g".into()),
            key_schema: Some(vec![key_elem("g", KeyType::Hash)]),
            projection: Some(Projection {
                projection_type: Some(ProjectionType::All),
                non_key_attributes: None,
            }),
            ..Default::default()
        }]),
        billing_mode: Some(BillingMode::PayPerRequest),
        ..Default::default()
    })
    .await
    .expect("create table");
}

const PKS: [&str; 2] = ["a", "b"];
const SKS: u8 = 3;
const GS: [&str; 2] = ["x", "y"];

#[derive(Clone, Debug)]
enum Op {
    /// Puts item (pk, sk) with `g` (none: not in the index) and a value.
    Put(usize, u8, Option<usize>, u8),
    /// Puts the item only if it does not exist.
    PutNew(usize, u8, u8),
    /// Sets `v` of an existing item (the condition fails on a missing one).
    Bump(usize, u8),
    Delete(usize, u8),
    /// Moves the clock by that many milliseconds.
    Advance(u64),
}

fn op() -> impl Strategy<Value = Op> {
    let pk = 0..PKS.len();
    prop_oneof![
        4 => (pk.clone(), 0..SKS, proptest::option::of(0..GS.len()), any::<u8>())
            .prop_map(|(p, k, g, v)| Op::Put(p, k, g, v)),
        1 => (pk.clone(), 0..SKS, any::<u8>()).prop_map(|(p, k, v)| Op::PutNew(p, k, v)),
        1 => (pk.clone(), 0..SKS).prop_map(|(p, k)| Op::Bump(p, k)),
        2 => (pk, 0..SKS).prop_map(|(p, k)| Op::Delete(p, k)),
        2 => (0u64..150).prop_map(Op::Advance),
    ]
}

type Key = (usize, u8);
type State = BTreeMap<Key, Item>;

/// The model: every state the table went through, with the clock when it began.
struct Model {
    states: Vec<(u64, State)>,
}

impl Model {
    fn latest(&self) -> &State {
        &self.states.last().expect("a state").1
    }

    fn write(&mut self, now: u64, change: impl FnOnce(&mut State)) {
        let mut next = self.latest().clone();
        change(&mut next);
        self.states.push((now, next));
    }

    /// The state at microsecond `at`: the last one begun by then.
    fn at(&self, at: u64) -> &State {
        let i = self.states.iter().rposition(|(t, _)| *t <= at).unwrap_or(0);
        &self.states[i].1
    }

    /// Every state a read at `now` may see of `key` with a lag: the one at `now − lag` and each
    /// later one.
    fn allowed(&self, key: &Key, now: u64, lag: u64) -> Vec<Option<&Item>> {
        let from = self
            .states
            .iter()
            .rposition(|(t, _)| *t <= now.saturating_sub(lag))
            .unwrap_or(0);
        self.states[from..]
            .iter()
            .map(|(_, s)| s.get(key))
            .collect()
    }
}

fn item_key(p: usize, k: u8) -> Item {
    [("pk".to_owned(), s(PKS[p])), ("sk".to_owned(), n(k))].into()
}

fn micros(clock: &Clock) -> u64 {
    clock
        .now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_micros() as u64)
        .unwrap_or(0)
}

async fn get(db: &Engine, key: &Key, consistent: bool) -> Option<Item> {
    db.get_item(GetItemInput {
        table_name: Some("tbl".into()),
        key: Some(item_key(key.0, key.1)),
        consistent_read: Some(consistent),
        ..Default::default()
    })
    .await
    .expect("get")
    .item
}

/// Partition `p`, a page of at most two items at a time.
async fn query(db: &Engine, p: usize, consistent: bool) -> Vec<Item> {
    query_in(db, p, consistent, true).await
}

/// [`query`], in descending order unless `forward`.
async fn query_in(db: &Engine, p: usize, consistent: bool, forward: bool) -> Vec<Item> {
    let mut items = Vec::new();
    let mut start = None;
    loop {
        let out = db
            .query(QueryInput {
                table_name: Some("tbl".into()),
                key_condition_expression: Some("pk = :p".into()),
                expression_attribute_values: Some([(":p".to_owned(), s(PKS[p]))].into()),
                consistent_read: Some(consistent),
                limit: Some(2),
                scan_index_forward: Some(forward),
                exclusive_start_key: start.take(),
                ..Default::default()
            })
            .await
            .expect("query");
        items.extend(out.items.expect("items"));
        match out.last_evaluated_key {
            Some(k) => start = Some(k),
            None => return items,
        }
    }
}

async fn scan(db: &Engine, index: Option<&str>, consistent: bool) -> Vec<Item> {
    let mut items = db
        .scan(ScanInput {
            table_name: Some("tbl".into()),
            index_name: index.map(str::to_owned),
            consistent_read: Some(consistent),
            ..Default::default()
        })
        .await
        .expect("scan")
        .items
        .expect("items");
    items.sort_by_key(|i| format!("{:?}{:?}", i.get("pk"), i.get("sk")));
    items
}

async fn by_g(db: &Engine, g: &str) -> Vec<Item> {
    let mut items = db
        .query(QueryInput {
            table_name: Some("tbl".into()),
            index_name: Some("by_g".into()),
            key_condition_expression: Some("g = :g".into()),
            expression_attribute_values: Some([(":g".to_owned(), s(g))].into()),
            ..Default::default()
        })
        .await
        .expect("query the index")
        .items
        .expect("items");
    items.sort_by_key(|i| format!("{:?}{:?}", i.get("pk"), i.get("sk")));
    items
}

async fn transact_get(db: &Engine, keys: &[Key]) -> Vec<Option<Item>> {
    db.transact_get_items(TransactGetItemsInput {
        transact_items: Some(
            keys.iter()
                .map(|k| TransactGetItem {
                    get: Some(Get {
                        key: Some(item_key(k.0, k.1)),
                        table_name: Some("tbl".into()),
                        ..Default::default()
                    }),
                })
                .collect(),
        ),
        ..Default::default()
    })
    .await
    .expect("transact get")
    .responses
    .expect("responses")
    .into_iter()
    .map(|r| r.item)
    .collect()
}

fn sorted(state: &State, keep: impl Fn(&Item) -> bool) -> Vec<Item> {
    let mut items: Vec<Item> = state.values().filter(|i| keep(i)).cloned().collect();
    items.sort_by_key(|i| format!("{:?}{:?}", i.get("pk"), i.get("sk")));
    items
}

/// Applies `op` to the engine and the model; a conditional write must succeed exactly when the
/// latest state says so.
async fn apply(
    db: &Engine,
    model: &mut Model,
    clock: &Clock,
    op: &Op,
) -> Result<(), TestCaseError> {
    let now = micros(clock);
    match *op {
        Op::Put(p, k, g, v) => {
            let mut it = item_key(p, k);
            it.insert("v".into(), n(v));
            if let Some(g) = g {
                it.insert("g".into(), s(GS[g]));
            }
            db.put_item(PutItemInput {
                table_name: Some("tbl".into()),
                item: Some(it.clone()),
                ..Default::default()
            })
            .await
            .expect("put");
            model.write(now, |s| {
                s.insert((p, k), it);
            });
        }
        Op::PutNew(p, k, v) => {
            let mut it = item_key(p, k);
            it.insert("v".into(), n(v));
            let done = db
                .put_item(PutItemInput {
                    table_name: Some("tbl".into()),
                    item: Some(it.clone()),
                    condition_expression: Some("attribute_not_exists(pk)".into()),
                    ..Default::default()
                })
                .await;
            let exists = model.latest().contains_key(&(p, k));
            prop_assert_eq!(done.is_ok(), !exists, "{:?}", done);
            if !exists {
                model.write(now, |s| {
                    s.insert((p, k), it);
                });
            }
        }
        Op::Bump(p, k) => {
            let done = db
                .update_item(UpdateItemInput {
                    table_name: Some("tbl".into()),
                    key: Some(item_key(p, k)),
                    update_expression: Some("SET v = :v".into()),
                    condition_expression: Some("attribute_exists(pk)".into()),
                    expression_attribute_values: Some([(":v".to_owned(), n(255))].into()),
                    ..Default::default()
                })
                .await;
            let exists = model.latest().contains_key(&(p, k));
            prop_assert_eq!(done.is_ok(), exists, "{:?}", done);
            if exists {
                model.write(now, |s| {
                    if let Some(it) = s.get_mut(&(p, k)) {
                        it.insert("v".into(), n(255));
                    }
                });
            }
        }
        Op::Delete(p, k) => {
            db.delete_item(DeleteItemInput {
                table_name: Some("tbl".into()),
                key: Some(item_key(p, k)),
                ..Default::default()
            })
            .await
            .expect("delete");
            model.write(now, |s| {
                s.remove(&(p, k));
            });
        }
        Op::Advance(ms) => {
            clock.advance(Duration::from_millis(ms));
        }
    }
    Ok(())
}

fn all_keys() -> Vec<Key> {
    (0..PKS.len())
        .flat_map(|p| (0..SKS).map(move |k| (p, k)))
        .collect()
}

/// Strongly consistent reads see the latest state.
async fn check_strong(db: &Engine, model: &Model) -> Result<(), TestCaseError> {
    let latest = model.latest();
    let keys = all_keys();
    for key in &keys {
        let got = get(db, key, true).await;
        prop_assert_eq!(got.as_ref(), latest.get(key));
    }
    for (p, pk) in PKS.iter().enumerate() {
        prop_assert_eq!(
            query(db, p, true).await,
            sorted(latest, |i| i.get("pk") == Some(&s(pk)))
        );
    }
    prop_assert_eq!(scan(db, None, true).await, sorted(latest, |_| true));
    let expected: Vec<Option<Item>> = keys.iter().map(|k| latest.get(k).cloned()).collect();
    prop_assert_eq!(transact_get(db, &keys).await, expected);
    Ok(())
}

/// In the worst case, eventually consistent reads see exactly the state of the lag ago.
async fn check_oldest(db: &Engine, model: &Model, now: u64) -> Result<(), TestCaseError> {
    let then = model.at(now.saturating_sub(LAG.as_micros() as u64));
    for key in &all_keys() {
        let got = get(db, key, false).await;
        prop_assert_eq!(got.as_ref(), then.get(key), "{:?}", key);
    }
    for (p, pk) in PKS.iter().enumerate() {
        let mut expected = sorted(then, |i| i.get("pk") == Some(&s(pk)));
        prop_assert_eq!(query(db, p, false).await, expected.clone());
        expected.reverse();
        prop_assert_eq!(query_in(db, p, false, false).await, expected);
    }
    prop_assert_eq!(scan(db, None, false).await, sorted(then, |_| true));
    for g in GS {
        prop_assert_eq!(
            by_g(db, g).await,
            sorted(then, |i| i.get("g") == Some(&s(g)))
        );
    }
    prop_assert_eq!(
        scan(db, Some("by_g"), false).await,
        sorted(then, |i| i.contains_key("g"))
    );
    Ok(())
}

/// With seeded delays, each item an eventually consistent read returns is in some state of
/// the lag's window.
async fn check_seeded(db: &Engine, model: &Model, now: u64) -> Result<(), TestCaseError> {
    let lag = LAG.as_micros() as u64;
    for key in &all_keys() {
        let seen = get(db, key, false).await;
        let allowed = model.allowed(key, now, lag);
        prop_assert!(
            allowed.contains(&seen.as_ref()),
            "{:?} saw {:?}, allowed {:?}",
            key,
            seen,
            allowed
        );
    }
    for it in scan(db, None, false).await {
        let key = (
            PKS.iter()
                .position(|p| it.get("pk") == Some(&s(p)))
                .expect("pk"),
            (0..SKS).find(|k| it.get("sk") == Some(&n(*k))).expect("sk"),
        );
        prop_assert!(
            model.allowed(&key, now, lag).contains(&Some(&it)),
            "{:?}",
            it
        );
    }
    Ok(())
}

fn engine(sqlite: bool, staleness: Staleness, clock: &Clock) -> Engine {
    let builder = Engine::builder()
        .clock(clock.clone())
        .consistency(Consistency::Eventual {
            lag: LAG,
            staleness,
        });
    let builder = if sqlite {
        builder.temp_sqlite()
    } else {
        builder
    };
    builder.build().expect("engine")
}

fn run(sqlite: bool, staleness: Staleness, ops: &[Op]) -> Result<(), TestCaseError> {
    block(async {
        let clock = Clock::manual(UNIX_EPOCH + Duration::from_secs(1_800_000_000));
        let db = engine(sqlite, staleness, &clock);
        create(&db).await;
        let mut model = Model {
            states: vec![(0, State::new())],
        };
        for op in ops {
            apply(&db, &mut model, &clock, op).await?;
            check_strong(&db, &model).await?;
            let now = micros(&clock);
            match staleness {
                Staleness::Oldest => check_oldest(&db, &model, now).await?,
                _ => check_seeded(&db, &model, now).await?,
            }
        }
        Ok(())
    })
}

fn staleness() -> impl Strategy<Value = Staleness> {
    prop_oneof![
        Just(Staleness::Oldest),
        any::<u64>().prop_map(Staleness::Seeded)
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn reads_match_the_model_in_memory(
        staleness in staleness(),
        ops in proptest::collection::vec(op(), 1..30),
    ) {
        run(false, staleness, &ops)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]
    #[test]
    fn reads_match_the_model_on_sqlite(
        staleness in staleness(),
        ops in proptest::collection::vec(op(), 1..30),
    ) {
        run(true, staleness, &ops)?;
    }
}

/// Which of twenty items written at one instant eventually consistent reads see half the lag
/// later, with seed `seed`, on a clock starting at `start`, in table `table`.
async fn seeded_sightings(start: SystemTime, table: &str, seed: u64) -> Vec<bool> {
    let clock = Clock::manual(start);
    let db = Engine::builder()
        .clock(clock.clone())
        .consistency(Consistency::Eventual {
            lag: LAG,
            staleness: Staleness::Seeded(seed),
        })
        .build()
        .expect("engine");
    db.create_table(CreateTableInput {
        table_name: Some(table.into()),
        attribute_definitions: Some(vec![attr("pk", ScalarAttributeType::S)]),
        key_schema: Some(vec![key_elem("pk", KeyType::Hash)]),
        billing_mode: Some(BillingMode::PayPerRequest),
        ..Default::default()
    })
    .await
    .expect("create");
    let key = |i: usize| -> Item { [("pk".to_owned(), s(&format!("{table}{i}")))].into() };
    for i in 0..20 {
        db.put_item(PutItemInput {
            table_name: Some(table.into()),
            item: Some(key(i)),
            ..Default::default()
        })
        .await
        .expect("put");
    }
    clock.advance(LAG / 2);
    let mut seen = Vec::new();
    for i in 0..20 {
        let got = db
            .get_item(GetItemInput {
                table_name: Some(table.into()),
                key: Some(key(i)),
                ..Default::default()
            })
            .await
            .expect("get");
        seen.push(got.item.is_some());
    }
    clock.advance(LAG / 2);
    let scanned = db
        .scan(ScanInput {
            table_name: Some(table.into()),
            ..Default::default()
        })
        .await
        .expect("scan");
    assert_eq!(
        scanned.count,
        Some(20),
        "every write is seen once the lag has passed"
    );
    seen
}

/// The default stale mode draws each write's delay from the seed and the write's rank: the
/// same writes in the same order see the same stale reads, whatever the clock's start or the
/// names; some writes are seen before the lag has passed and some not; another seed differs.
#[tokio::test]
async fn seeded_delays_repeat_whatever_the_clock_or_names() {
    let one = seeded_sightings(UNIX_EPOCH + Duration::from_secs(1), "one", 0).await;
    let two = seeded_sightings(SystemTime::now(), "two", 0).await;
    assert_eq!(one, two);
    assert!(one.contains(&true) && one.contains(&false), "{one:?}");
    assert_ne!(seeded_sightings(SystemTime::now(), "three", 1).await, one);
}

/// A local index with only keys projected fetches the rest from the table: an eventually
/// consistent query fetches the item as stale as the index entry that led to it.
#[tokio::test]
async fn local_index_fetches_are_as_stale_as_their_entries() {
    let clock = Clock::manual(UNIX_EPOCH + Duration::from_secs(1_800_000_000));
    let db = Engine::builder()
        .clock(clock.clone())
        .consistency(Consistency::oldest(LAG))
        .build()
        .expect("engine");
    db.create_table(CreateTableInput {
        table_name: Some("tbl".into()),
        attribute_definitions: Some(vec![
            attr("pk", ScalarAttributeType::S),
            attr("sk", ScalarAttributeType::N),
            attr("l", ScalarAttributeType::S),
        ]),
        key_schema: Some(vec![
            key_elem("pk", KeyType::Hash),
            key_elem("sk", KeyType::Range),
        ]),
        local_secondary_indexes: Some(vec![LocalSecondaryIndex {
            index_name: Some("by_l".into()),
            key_schema: Some(vec![
                key_elem("pk", KeyType::Hash),
                key_elem("l", KeyType::Range),
            ]),
            projection: Some(Projection {
                projection_type: Some(ProjectionType::KeysOnly),
                non_key_attributes: None,
            }),
        }]),
        billing_mode: Some(BillingMode::PayPerRequest),
        ..Default::default()
    })
    .await
    .expect("create");
    let put = |v: &'static str| {
        let db = db.clone();
        async move {
            let mut it = item_key(0, 1);
            it.insert("l".into(), s("m"));
            it.insert("v".into(), s(v));
            db.put_item(PutItemInput {
                table_name: Some("tbl".into()),
                item: Some(it),
                ..Default::default()
            })
            .await
            .expect("put");
        }
    };
    put("old").await;
    clock.advance(LAG);
    put("new").await;
    let v_of = |consistent: bool| {
        let db = db.clone();
        async move {
            let items = db
                .query(QueryInput {
                    table_name: Some("tbl".into()),
                    index_name: Some("by_l".into()),
                    key_condition_expression: Some("pk = :p".into()),
                    expression_attribute_values: Some([(":p".to_owned(), s("a"))].into()),
                    select: Some(Select::AllAttributes),
                    consistent_read: Some(consistent),
                    ..Default::default()
                })
                .await
                .expect("query")
                .items
                .expect("items");
            items
                .iter()
                .map(|i| i.get("v").cloned())
                .collect::<Vec<_>>()
        }
    };
    assert_eq!(v_of(false).await, vec![Some(s("old"))]);
    assert_eq!(v_of(true).await, vec![Some(s("new"))]);
}

/// Off by default: every read sees the latest write, as before the simulation existed.
#[tokio::test]
async fn reads_are_strongly_consistent_by_default() {
    let clock = Clock::manual(UNIX_EPOCH + Duration::from_secs(1_800_000_000));
    let db = Engine::builder().clock(clock).build().expect("engine");
    assert_eq!(db.config().consistency, Consistency::Strong);
    create(&db).await;
    let mut it = item_key(0, 0);
    it.insert("g".into(), s("x"));
    db.put_item(PutItemInput {
        table_name: Some("tbl".into()),
        item: Some(it.clone()),
        ..Default::default()
    })
    .await
    .expect("put");
    assert_eq!(get(&db, &(0, 0), false).await, Some(it.clone()));
    assert_eq!(by_g(&db, "x").await, vec![it]);
}
