//! The paginators and the short constructors against the engine, over several pages; and the
//! paginators' guarantees (retry after an error, no endless loop, `Send`) against an engine behind
//! a scripted wrapper.

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Context, Poll, Waker};
use std::time::{Duration, SystemTime};

use async_trait::async_trait;
use ddbmock_core::error::msg;
use ddbmock_core::model::Item;
use ddbmock_core::operation::*;
use ddbmock_core::pages::{
    DynamoDbExt, DynamoDbStreamsExt, Pages, list_streams_all, list_tables_all, query_all, scan_all,
};
use ddbmock_core::{DynamoDb, DynamoDbStreams, Error, Result, item};
use ddbmock_engine::{Clock, Engine};
use futures_core::stream::FusedStream;
use futures_util::{StreamExt, TryStreamExt};

fn block_on<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap()
        .block_on(f)
}

async fn create_table(db: &dyn DynamoDb, name: &str) {
    use ScalarAttributeType::{N, S};
    let input = CreateTableInput::new(name, "pk", S).range("sk", N);
    db.create_table(input).await.unwrap();
}

#[test]
fn query_scan_and_list_tables_follow_every_page() {
    block_on(async {
        let db = Engine::memory();
        for t in ["t_a", "t_b", "t_c"] {
            create_table(&db, t).await;
        }
        for n in 0..7 {
            let user = if n % 2 == 0 { "u1" } else { "u2" };
            let item = item! { "pk" => user, "sk" => n, "status" => "open" };
            db.put_item(PutItemInput::new("t_a", item)).await.unwrap();
        }

        // u1 holds 0, 2, 4, 6: two a page, and the last page may be empty.
        let query = QueryInput {
            limit: Some(2),
            scan_index_forward: Some(false),
            ..QueryInput::new("t_a", "pk = :pk AND #sk >= :min")
                .value(":pk", "u1")
                .value(":min", 0)
                .name("#sk", "sk")
        };
        let mut pages = Pages::new(&db, query.clone());
        let mut calls = 0;
        while pages.next_page().await.unwrap().is_some() {
            calls += 1;
        }
        assert!(calls >= 2, "{calls} pages");
        let items = query_all(&db, query).await.unwrap();
        let sks: Vec<_> = items
            .iter()
            .map(|i| i["sk"].as_n().unwrap_or("?"))
            .collect();
        assert_eq!(sks, ["6", "4", "2", "0"]);

        let scan = ScanInput {
            limit: Some(3),
            ..ScanInput::new("t_a").filter("pk = :pk").value(":pk", "u2")
        };
        assert_eq!(scan_all(&db, scan).await.unwrap().len(), 3);
        assert_eq!(scan_all(&db, ScanInput::new("t_a")).await.unwrap().len(), 7);

        let one_a_page = ListTablesInput {
            limit: Some(1),
            ..Default::default()
        };
        assert_eq!(
            list_tables_all(&db, one_a_page).await.unwrap(),
            ["t_a", "t_b", "t_c"]
        );
    });
}

#[test]
fn get_update_and_delete_by_key() {
    block_on(async {
        let db = Engine::memory();
        create_table(&db, "things").await;
        let key = item! { "pk" => "u1", "sk" => 1 };
        let mut full = key.clone();
        full.insert("n".into(), 1.into());
        db.put_item(PutItemInput::new("things", full))
            .await
            .unwrap();
        let put_again =
            PutItemInput::new("things", key.clone()).condition("attribute_not_exists(pk)");
        let e = db.put_item(put_again).await.unwrap_err();
        assert_eq!(e.type_name(), "ConditionalCheckFailedException");

        let update = UpdateItemInput::new("things", key.clone(), "SET #n = #n + :one")
            .name("#n", "n")
            .value(":one", 1);
        db.update_item(update).await.unwrap();
        let got = db
            .get_item(GetItemInput::new("things", key.clone()))
            .await
            .unwrap();
        assert_eq!(got.item.unwrap()["n"], 2.into());

        db.delete_item(DeleteItemInput::new("things", key.clone()))
            .await
            .unwrap();
        let got = db.get_item(GetItemInput::new("things", key)).await.unwrap();
        assert_eq!(got.item, None);
    });
}

#[test]
fn list_streams_follows_every_page() {
    block_on(async {
        let db = Engine::memory();
        for name in ["s_1", "s_2", "s_3"] {
            let input = CreateTableInput {
                stream_specification: Some(StreamSpecification {
                    stream_enabled: Some(true),
                    stream_view_type: Some(StreamViewType::KeysOnly),
                }),
                ..CreateTableInput::new(name, "pk", ScalarAttributeType::S)
            };
            db.create_table(input).await.unwrap();
        }
        let one_a_page = ListStreamsInput {
            limit: Some(1),
            ..Default::default()
        };
        let mut pages = Pages::new(&db, one_a_page.clone());
        let first = pages.next_page().await.unwrap().unwrap_or_default();
        assert_eq!(first.streams.map(|s| s.len()), Some(1));
        assert!(first.last_evaluated_stream_arn.is_some());
        let streams = list_streams_all(&db, one_a_page).await.unwrap();
        let mut tables: Vec<_> = streams
            .iter()
            .filter_map(|s| s.table_name.as_deref())
            .collect();
        tables.sort();
        assert_eq!(tables, ["s_1", "s_2", "s_3"]);
    });
}

/// An engine behind a script, for what the engine never does: the call numbered `fail`, counting
/// from one, fails with `ProvisionedThroughputExceededException`; Query answers with `stuck` as
/// its `LastEvaluatedKey` when that is set; ListTagsOfResource hands out the tags two at a time,
/// its `NextToken` being the index of the next tag; with `pause`, each call waits once (returns
/// `Pending`) before it answers, as a call over a network would.
struct Scripted {
    engine: Engine,
    calls: AtomicUsize,
    fail: usize,
    stuck: Option<Item>,
    pause: bool,
}

impl Scripted {
    fn new(engine: Engine) -> Self {
        Scripted {
            engine,
            calls: AtomicUsize::new(0),
            fail: 0,
            stuck: None,
            pause: false,
        }
    }

    fn calls(&self) -> usize {
        self.calls.load(Ordering::SeqCst)
    }

    /// Counts a call, and fails the scripted one.
    fn call(&self) -> Result<()> {
        let n = self.calls.fetch_add(1, Ordering::SeqCst) + 1;
        if n == self.fail {
            return Err(msg::throughput_exceeded());
        }
        Ok(())
    }

    async fn query_stuck(&self, input: QueryInput) -> Result<QueryOutput> {
        let mut output = self.engine.query(input).await?;
        if let Some(key) = &self.stuck {
            output.last_evaluated_key = Some(key.clone());
        }
        Ok(output)
    }

    async fn tags_two_a_page(
        &self,
        input: ListTagsOfResourceInput,
    ) -> Result<ListTagsOfResourceOutput> {
        let start = match input.next_token.as_deref() {
            None => 0,
            Some(token) => token
                .parse::<usize>()
                .map_err(|_| msg::validation("bad NextToken"))?,
        };
        let every = ListTagsOfResourceInput {
            next_token: None,
            ..input
        };
        let tags = self.engine.list_tags_of_resource(every).await?.tags;
        let tags = tags.unwrap_or_default();
        let page: Vec<Tag> = tags.iter().skip(start).take(2).cloned().collect();
        let end = start + page.len();
        Ok(ListTagsOfResourceOutput {
            tags: Some(page),
            next_token: (end < tags.len()).then(|| end.to_string()),
        })
    }
}

/// A future that is `Pending` once (waking its task at once), then ready.
async fn pending_once() {
    let mut waited = false;
    std::future::poll_fn(|cx| {
        if std::mem::replace(&mut waited, true) {
            Poll::Ready(())
        } else {
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    })
    .await;
}

/// The body of each of `Scripted`'s methods: count the call, then answer from the script or the
/// engine.
macro_rules! scripted {
    (@answer $db:ident, $input:ident, Query $method:ident) => {
        $db.query_stuck($input).await
    };
    (@answer $db:ident, $input:ident, ListTagsOfResource $method:ident) => {
        $db.tags_two_a_page($input).await
    };
    (@answer $db:ident, $input:ident, $Wire:ident $method:ident) => {
        $db.engine.$method($input).await
    };
    ($db:ident, $input:ident, $Wire:ident $method:ident $($rest:tt)*) => {{
        $db.call()?;
        if $db.pause {
            pending_once().await;
        }
        scripted!(@answer $db, $input, $Wire $method)
    }};
}

ddbmock_core::dynamodb_operations!(ddbmock_core::impl_operations, [] DynamoDb for Scripted => scripted);

/// An engine with table `orders` (`pk` S, `sk` N): `u1` holds `sk` 0 to 6, `u2` holds 0 to 2.
async fn orders() -> Engine {
    let db = Engine::memory();
    create_table(&db, "orders").await;
    for (user, n) in (0..7).map(|n| ("u1", n)).chain((0..3).map(|n| ("u2", n))) {
        let item = item! { "pk" => user, "sk" => n };
        db.put_item(PutItemInput::new("orders", item))
            .await
            .unwrap();
    }
    db
}

/// u1's orders, two a page: pages of 2, 2, 2 and 1.
fn two_a_page() -> QueryInput {
    QueryInput {
        limit: Some(2),
        ..QueryInput::new("orders", "pk = :pk").value(":pk", "u1")
    }
}

/// The number of items on each page.
fn counts(pages: &[QueryOutput]) -> Vec<usize> {
    pages
        .iter()
        .map(|p| p.items.as_ref().map_or(0, Vec::len))
        .collect()
}

/// The `sk` of each item.
fn sks(items: &[Item]) -> Vec<&str> {
    items
        .iter()
        .map(|i| i.get("sk").and_then(|v| v.as_n()).unwrap_or("?"))
        .collect()
}

#[tokio::test]
async fn the_query_stream_yields_each_page_and_all_collects_their_items() {
    let db = orders().await;
    let mut pages = db.query_pages(two_a_page());
    assert!(!pages.is_terminated());
    let outputs: Vec<QueryOutput> = (&mut pages).try_collect().await.unwrap();
    assert_eq!(counts(&outputs), [2, 2, 2, 1]);
    assert!(pages.is_terminated());
    assert!(pages.next().await.is_none(), "an ended stream stays ended");
    assert!(pages.next_page().await.unwrap().is_none());

    let paged: Vec<Item> = outputs.into_iter().flat_map(|p| p.items.unwrap()).collect();
    let unlimited = QueryInput {
        limit: None,
        ..two_a_page()
    };
    let whole = db.query(unlimited).await.unwrap().items;
    assert_eq!(Some(&paged), whole.as_ref());
    assert_eq!(sks(&paged), ["0", "1", "2", "3", "4", "5", "6"]);
    assert_eq!(db.query_pages(two_a_page()).all().await.unwrap(), paged);
    assert_eq!(query_all(&db, two_a_page()).await.unwrap(), paged);

    // `dyn DynamoDb` has the paginators too.
    let shared: Arc<dyn DynamoDb> = Arc::new(db.clone());
    assert_eq!(shared.query_pages(two_a_page()).all().await.unwrap(), paged);
}

#[tokio::test]
async fn scan_and_list_tables_streams_yield_each_page() {
    let db = orders().await;
    let three_a_page = ScanInput {
        limit: Some(3),
        ..ScanInput::new("orders")
    };
    let pages: Vec<ScanOutput> = db
        .scan_pages(three_a_page.clone())
        .try_collect()
        .await
        .unwrap();
    let counts: Vec<_> = pages.iter().map(|p| p.count).collect();
    assert_eq!(counts, [Some(3), Some(3), Some(3), Some(1)]);
    let paged: Vec<Item> = pages.into_iter().flat_map(|p| p.items.unwrap()).collect();
    let whole = db.scan(ScanInput::new("orders")).await.unwrap().items;
    assert_eq!(Some(&paged), whole.as_ref());
    assert_eq!(db.scan_pages(three_a_page).all().await.unwrap(), paged);

    for name in ["t_b", "t_c"] {
        create_table(&db, name).await;
    }
    let two_tables_a_page = ListTablesInput {
        limit: Some(2),
        ..Default::default()
    };
    let pages: Vec<_> = db
        .list_tables_pages(two_tables_a_page.clone())
        .map_ok(|p| p.table_names.unwrap_or_default())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(pages, [vec!["orders", "t_b"], vec!["t_c"]]);
    let names = db.list_tables_pages(two_tables_a_page).all().await.unwrap();
    assert_eq!(names, ["orders", "t_b", "t_c"]);
}

/// Five tags on `orders`, and its ARN.
async fn five_tags(db: &Engine) -> (Option<String>, Vec<Tag>) {
    let table = DescribeTableInput {
        table_name: Some("orders".into()),
    };
    let arn = db
        .describe_table(table)
        .await
        .unwrap()
        .table
        .unwrap()
        .table_arn;
    let tags: Vec<Tag> = (1..=5)
        .map(|n| Tag {
            key: Some(format!("k{n}")),
            value: Some(format!("v{n}")),
        })
        .collect();
    let tag = TagResourceInput {
        resource_arn: arn.clone(),
        tags: Some(tags.clone()),
    };
    db.tag_resource(tag).await.unwrap();
    (arn, tags)
}

#[tokio::test]
async fn list_tags_of_resource_follows_next_token() {
    let db = orders().await;
    let (resource_arn, tags) = five_tags(&db).await;
    let input = ListTagsOfResourceInput {
        resource_arn,
        next_token: None,
    };
    let mut listed = db
        .list_tags_of_resource_pages(input.clone())
        .all()
        .await
        .unwrap();
    listed.sort_by(|a, b| a.key.cmp(&b.key));
    assert_eq!(listed, tags);

    // The engine lists every tag at once; the script pages them two at a time.
    let db = Scripted::new(db);
    let pages: Vec<ListTagsOfResourceOutput> = db
        .list_tags_of_resource_pages(input.clone())
        .try_collect()
        .await
        .unwrap();
    let tokens: Vec<_> = pages.iter().map(|p| p.next_token.as_deref()).collect();
    assert_eq!(tokens, [Some("2"), Some("4"), None]);
    let mut paged = db.list_tags_of_resource_pages(input).all().await.unwrap();
    paged.sort_by(|a, b| a.key.cmp(&b.key));
    assert_eq!(paged, tags);
    assert_eq!(db.calls(), 6);
}

#[tokio::test]
async fn list_streams_and_describe_stream_yield_each_page() {
    let start = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
    let db = Engine::memory_with_clock(Clock::manual(start));
    let mut stream_arn = None;
    for name in ["s_1", "s_2", "s_3"] {
        let input = CreateTableInput {
            stream_specification: Some(StreamSpecification {
                stream_enabled: Some(true),
                stream_view_type: Some(StreamViewType::KeysOnly),
            }),
            ..CreateTableInput::new(name, "pk", ScalarAttributeType::S)
        };
        let created = db.create_table(input).await.unwrap();
        stream_arn = created.table_description.unwrap().latest_stream_arn;
    }
    let one_a_page = ListStreamsInput {
        limit: Some(1),
        ..Default::default()
    };
    let pages: Vec<ListStreamsOutput> = db
        .list_streams_pages(one_a_page.clone())
        .try_collect()
        .await
        .unwrap();
    let counts: Vec<_> = pages
        .iter()
        .map(|p| p.streams.as_ref().map(Vec::len))
        .collect();
    assert_eq!(counts, [Some(1), Some(1), Some(1)]);
    let streams = db.list_streams_pages(one_a_page).all().await.unwrap();
    assert_eq!(streams.len(), 3);
    assert_eq!(
        streams.last().and_then(|s| s.stream_arn.clone()),
        stream_arn
    );

    // A shard a page, over the four shards of 12 hours (a new one every four).
    for n in 0..3 {
        db.clock().advance(Duration::from_secs(4 * 3600));
        let item = item! { "pk" => format!("p{n}") };
        db.put_item(PutItemInput::new("s_3", item)).await.unwrap();
    }
    let every = DescribeStreamInput {
        stream_arn,
        ..Default::default()
    };
    let whole = db.describe_stream(every.clone()).await.unwrap();
    let whole = whole.stream_description.unwrap().shards.unwrap();
    assert_eq!(whole.len(), 4);
    let one_shard_a_page = DescribeStreamInput {
        limit: Some(1),
        ..every
    };
    let pages: Vec<DescribeStreamOutput> = db
        .describe_stream_pages(one_shard_a_page.clone())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(pages.len(), 4);
    let shards = db
        .describe_stream_pages(one_shard_a_page)
        .all()
        .await
        .unwrap();
    assert_eq!(shards, whole);
}

#[tokio::test]
async fn a_failed_call_is_retried_by_polling_again() {
    // The second call, for the second page, is throttled.
    let db = Scripted {
        fail: 2,
        ..Scripted::new(orders().await)
    };
    let answers: Vec<Result<QueryOutput>> = db.query_pages(two_a_page()).collect().await;
    let shape: Vec<_> = answers
        .iter()
        .map(|a| a.as_ref().map(|p| p.items.as_ref().map_or(0, Vec::len)))
        .map(|a| a.map_err(|e| (e.type_name(), e.message())))
        .collect();
    let throttled = msg::throughput_exceeded();
    let throttled = Err((throttled.type_name(), throttled.message()));
    assert_eq!(shape, [Ok(2), throttled, Ok(2), Ok(2), Ok(1)]);
    assert_eq!(
        shape[1],
        Err((
            "ProvisionedThroughputExceededException",
            "The level of configured provisioned throughput for the table was exceeded. \
             Consider increasing your provisioning level with the UpdateTable API."
                .to_owned()
        ))
    );
    assert_eq!(db.calls(), 5, "four pages and one retry");
    let items: Vec<Item> = answers
        .into_iter()
        .filter_map(|a| a.ok())
        .flat_map(|p| p.items.unwrap())
        .collect();
    assert_eq!(sks(&items), ["0", "1", "2", "3", "4", "5", "6"]);

    // The same with `next_page`: the failed first page is asked for again.
    let db = Scripted { fail: 1, ..db };
    db.calls.store(0, Ordering::SeqCst);
    let mut pages = db.query_pages(two_a_page());
    let e = pages.next_page().await.unwrap_err();
    assert_eq!(e.type_name(), "ProvisionedThroughputExceededException");
    assert!(format!("{pages:?}").contains("sending: false"), "{pages:?}");
    let first = pages.next_page().await.unwrap().unwrap();
    assert_eq!(sks(first.items.as_deref().unwrap()), ["0", "1"]);

    // `all` stops at the first error.
    db.calls.store(0, Ordering::SeqCst);
    let e = db.query_pages(two_a_page()).all().await.unwrap_err();
    assert_eq!(e.type_name(), "ProvisionedThroughputExceededException");
    assert_eq!(db.calls(), 1);
}

#[tokio::test]
async fn a_dropped_next_page_leaves_its_call_in_flight_for_the_next() {
    let db = Scripted {
        pause: true,
        ..Scripted::new(orders().await)
    };
    let mut pages = db.query_pages(two_a_page());
    {
        // Polled once and dropped, as a timeout would.
        let waiting = std::pin::pin!(pages.next_page());
        let mut cx = Context::from_waker(Waker::noop());
        assert!(waiting.poll(&mut cx).is_pending());
    }
    assert!(format!("{pages:?}").contains("sending: true"), "{pages:?}");
    assert_eq!(db.calls(), 1);
    let first = pages.next_page().await.unwrap().unwrap();
    assert_eq!(sks(first.items.as_deref().unwrap()), ["0", "1"]);
    assert_eq!(
        db.calls(),
        1,
        "the call in flight was finished, not sent again"
    );
    let rest = pages.all().await.unwrap();
    assert_eq!(sks(&rest), ["2", "3", "4", "5", "6"]);
}

/// The message of the error for a Query page that repeats its start.
const REPEATED_KEY: &str =
    "pagination: LastEvaluatedKey repeats the start of the request that returned it";

#[tokio::test]
async fn a_page_repeating_its_start_key_ends_the_stream_with_an_error() {
    // A fake that always answers with the same LastEvaluatedKey.
    let db = Scripted {
        stuck: Some(item! { "pk" => "u1", "sk" => 0 }),
        ..Scripted::new(orders().await)
    };
    // At most five answers, so that a broken guard fails the test rather than hanging it.
    let mut pages = db.query_pages(two_a_page());
    let answers: Vec<Result<QueryOutput>> = (&mut pages).take(5).collect().await;
    assert_eq!(answers.len(), 2, "{answers:?}");
    assert!(answers[0].is_ok());
    let e = answers[1].as_ref().unwrap_err();
    assert_eq!(e.type_name(), "InternalServerError");
    assert_eq!(e.message(), REPEATED_KEY);
    assert!(pages.is_terminated());
    assert_eq!(db.calls(), 2);

    let limited = tokio::time::timeout(Duration::from_secs(30), async {
        let all = db.query_pages(two_a_page()).all().await;
        (all, query_all(&db, two_a_page()).await)
    });
    let (all, old) = limited.await.expect("the guard ends the paging");
    assert_eq!(all.unwrap_err().message(), REPEATED_KEY);
    assert_eq!(old.unwrap_err().message(), REPEATED_KEY);
}

/// Compiles only for `Send` values.
fn assert_send<T: Send>(_: &T) {}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_are_send_and_can_be_held_across_awaits_in_a_spawned_task() {
    let db: Arc<dyn DynamoDb> = Arc::new(orders().await);
    let task = tokio::spawn(async move {
        let mut pages = db.query_pages(two_a_page());
        assert_send(&pages);
        let mut items = 0;
        while let Some(page) = pages.next().await {
            items += page?.items.map_or(0, |i| i.len());
            tokio::task::yield_now().await;
        }
        Ok::<_, Error>(items)
    });
    assert_eq!(task.await.unwrap().unwrap(), 7);

    let engine = Arc::new(Engine::memory());
    let task = tokio::spawn(async move {
        let mut pages = engine.list_streams_pages(ListStreamsInput::default());
        assert_send(&pages);
        let first = pages.next_page().await?;
        tokio::task::yield_now().await;
        Ok::<_, Error>((first, pages.next_page().await?))
    });
    let (first, second) = task.await.unwrap().unwrap();
    assert_eq!(first.map(|p| p.streams), Some(Some(vec![])));
    assert_eq!(second, None);
}
