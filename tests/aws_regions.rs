//! Regions and accounts through the SDK bridge: SDK clients on two scopes of one `Scopes` see
//! disjoint tables, each with its region's and account's ARNs, stream ARNs, stream records and
//! endpoint, and a table ARN of another account is access denied.
#![cfg(feature = "aws")]

use aws_sdk_dynamodb::error::ProvideErrorMetadata;
use aws_sdk_dynamodb::types::StreamViewType;
use aws_sdk_dynamodbstreams::types::ShardIteratorType;
use aws_support::{create_table, n, s};
use ddbmock::Engine;

mod aws_support;

#[tokio::test]
async fn clients_in_two_regions_see_disjoint_tables_with_their_own_arns() {
    let scopes = Engine::builder().scopes().unwrap();
    let us = ddbmock::aws::client(&scopes.engine("000000000000", "us-east-1").unwrap());
    let eu = ddbmock::aws::client(&scopes.engine("000000000000", "eu-west-1").unwrap());
    assert_eq!(eu.config().region().map(|r| r.as_ref()), Some("eu-west-1"));
    for (client, region) in [(&us, "us-east-1"), (&eu, "eu-west-1")] {
        // One name in both regions: two tables, no ResourceInUseException.
        let table = create_table(client, "orders", Some(StreamViewType::NewImage)).await;
        assert_eq!(
            table.table_arn(),
            Some(format!("arn:aws:dynamodb:{region}:000000000000:table/orders").as_str())
        );
        let stream = table.latest_stream_arn().unwrap();
        assert!(
            stream.starts_with(&format!(
                "arn:aws:dynamodb:{region}:000000000000:table/orders/stream/"
            )),
            "{stream}"
        );
        let endpoints = client.describe_endpoints().send().await.unwrap();
        assert_eq!(
            endpoints.endpoints()[0].address(),
            format!("dynamodb.{region}.amazonaws.com")
        );
    }
    create_table(&eu, "only-eu", None).await;
    let listed = |client: aws_sdk_dynamodb::Client| async move {
        client
            .list_tables()
            .send()
            .await
            .unwrap()
            .table_names()
            .to_vec()
    };
    assert_eq!(listed(us.clone()).await, ["orders"]);
    assert_eq!(listed(eu.clone()).await, ["only-eu", "orders"]);
    us.put_item()
        .table_name("orders")
        .item("pk", s("a"))
        .item("sk", n("1"))
        .send()
        .await
        .unwrap();
    let scanned = eu.scan().table_name("orders").send().await.unwrap();
    assert_eq!(scanned.count(), 0);
}

#[tokio::test]
async fn stream_records_name_their_region() {
    let scopes = Engine::builder().scopes().unwrap();
    let engine = scopes.engine("000000000000", "ap-southeast-2").unwrap();
    let client = ddbmock::aws::client(&engine);
    let streams = ddbmock::aws::streams_client(&engine);
    let table = create_table(&client, "events", Some(StreamViewType::KeysOnly)).await;
    client
        .put_item()
        .table_name("events")
        .item("pk", s("a"))
        .item("sk", n("1"))
        .send()
        .await
        .unwrap();
    let arn = table.latest_stream_arn().unwrap();
    let listed = streams.list_streams().send().await.unwrap();
    assert_eq!(listed.streams()[0].stream_arn(), Some(arn));
    let described = streams
        .describe_stream()
        .stream_arn(arn)
        .send()
        .await
        .unwrap();
    let shard = described.stream_description().unwrap().shards()[0]
        .shard_id()
        .unwrap()
        .to_owned();
    let iterator = streams
        .get_shard_iterator()
        .stream_arn(arn)
        .shard_id(shard)
        .shard_iterator_type(ShardIteratorType::TrimHorizon)
        .send()
        .await
        .unwrap();
    let records = streams
        .get_records()
        .shard_iterator(iterator.shard_iterator().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(records.records().len(), 1);
    assert_eq!(records.records()[0].aws_region(), Some("ap-southeast-2"));
}

#[tokio::test]
async fn another_accounts_table_arn_is_access_denied() {
    let scopes = Engine::builder().region("eu-west-1").scopes().unwrap();
    let home = ddbmock::aws::client(scopes.home());
    let other = ddbmock::aws::client(&scopes.engine("111122223333", "eu-west-1").unwrap());
    let arn = create_table(&other, "orders", None)
        .await
        .table_arn()
        .unwrap()
        .to_owned();
    assert_eq!(arn, "arn:aws:dynamodb:eu-west-1:111122223333:table/orders");
    // Its own account reaches it by ARN.
    other
        .get_item()
        .table_name(&arn)
        .key("pk", s("a"))
        .key("sk", n("1"))
        .send()
        .await
        .unwrap();
    let error = home
        .get_item()
        .table_name(&arn)
        .key("pk", s("a"))
        .key("sk", n("1"))
        .send()
        .await
        .unwrap_err()
        .into_service_error();
    assert_eq!(error.code(), Some("AccessDeniedException"));
    assert_eq!(
        error.message(),
        Some(
            "User: arn:aws:iam::000000000000:root is not authorized to perform: dynamodb:GetItem on resource: arn:aws:dynamodb:eu-west-1:111122223333:table/orders because no resource-based policy allows the dynamodb:GetItem action"
        )
    );
    assert!(
        home.list_tables()
            .send()
            .await
            .unwrap()
            .table_names()
            .is_empty()
    );
}
