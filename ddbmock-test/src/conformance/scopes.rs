//! Scope scenarios: a table's ARN, its stream's ARN and DescribeEndpoints name one region and one
//! account, whichever door and scope the client has; a table ARN of another account is access
//! denied.

use ddbmock_core::DynamoDb;
use ddbmock_core::operation::*;

use super::support::*;

/// The table ARN, the stream ARN and DescribeEndpoints agree on the client's region and account,
/// and another account's ARN of the same table gets `AccessDeniedException`.
pub async fn arns_name_the_clients_scope(db: &dyn DynamoDb) {
    let name = unique_name("scope");
    let mut input = table_input(&name, false);
    input.stream_specification = Some(StreamSpecification {
        stream_enabled: Some(true),
        stream_view_type: Some(StreamViewType::KeysOnly),
    });
    db.create_table(input).await.expect("create table");
    until_active(db, &name).await;
    let table = describe(db, &name).await;
    let arn = table.table_arn.expect("a table ARN");
    let parts: Vec<&str> = arn.splitn(6, ':').collect();
    let [_, _, _, region, account, resource] = parts[..] else {
        panic!("not an ARN: {arn}");
    };
    assert!(arn.starts_with("arn:aws:dynamodb:"), "{arn}");
    assert_eq!(resource, format!("table/{name}"));
    assert!(!region.is_empty() && account.len() == 12, "{arn}");
    let stream = table.latest_stream_arn.expect("a stream ARN");
    assert!(stream.starts_with(&format!("{arn}/stream/")), "{stream}");
    let endpoints = db
        .describe_endpoints(DescribeEndpointsInput::default())
        .await
        .expect("describe endpoints")
        .endpoints
        .expect("endpoints");
    assert_eq!(
        endpoints[0].address.as_deref(),
        Some(format!("dynamodb.{region}.amazonaws.com").as_str())
    );
    let stranger = if account == "111122223333" {
        "444455556666"
    } else {
        "111122223333"
    };
    let foreign = format!("arn:aws:dynamodb:{region}:{stranger}:table/{name}");
    assert_error(
        db.get_item(GetItemInput {
            table_name: Some(foreign.clone()),
            key: Some(item(&[("pk", s("a"))])),
            ..Default::default()
        })
        .await,
        "AccessDeniedException",
        &format!(
            "User: arn:aws:iam::{account}:root is not authorized to perform: dynamodb:GetItem on resource: {foreign} because no resource-based policy allows the dynamodb:GetItem action"
        ),
    );
    db.delete_table(DeleteTableInput {
        table_name: Some(name),
    })
    .await
    .expect("delete table");
}
