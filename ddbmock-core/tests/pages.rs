//! The paginators and the short constructors against the engine, over several pages.

use ddbmock_core::operation::*;
use ddbmock_core::pages::{Pages, list_streams_all, list_tables_all, query_all, scan_all};
use ddbmock_core::{DynamoDb, item};
use ddbmock_engine::Engine;

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
