//! Resource policies: put, read, revised, deleted, on tables and streams, and the requests DynamoDB refuses.

use super::*;

fn policy(action: &str) -> String {
    format!(
        "{{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{{\"Effect\": \"Allow\", \"Principal\": {{\"AWS\": \"000000000000\"}}, \"Action\": \"{action}\", \"Resource\": \"*\"}}]\n}}"
    )
}

fn compact(action: &str) -> String {
    format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"AWS":"000000000000"}},"Action":"{action}","Resource":"*"}}]}}"#
    )
}

async fn put_policy(
    db: &Engine,
    arn: &str,
    document: &str,
    expected: Option<&str>,
) -> ddbmock_core::Result<String> {
    db.put_resource_policy(PutResourcePolicyInput {
        resource_arn: Some(arn.to_owned()),
        policy: Some(document.to_owned()),
        expected_revision_id: expected.map(str::to_owned),
        confirm_remove_self_resource_access: None,
    })
    .await
    .map(|o| o.revision_id.expect("a revision id"))
}

async fn get_policy(db: &Engine, arn: &str) -> ddbmock_core::Result<(String, String)> {
    db.get_resource_policy(GetResourcePolicyInput {
        resource_arn: Some(arn.to_owned()),
    })
    .await
    .map(|o| (o.policy.unwrap(), o.revision_id.unwrap()))
}

async fn delete_policy(
    db: &Engine,
    arn: &str,
    expected: Option<&str>,
) -> ddbmock_core::Result<DeleteResourcePolicyOutput> {
    db.delete_resource_policy(DeleteResourcePolicyInput {
        resource_arn: Some(arn.to_owned()),
        expected_revision_id: expected.map(str::to_owned),
    })
    .await
}

#[tokio::test]
async fn a_policy_is_put_read_revised_and_deleted() {
    on_both_stores(|db| async move {
        let not_found = format!("Resource-based policy not found for the provided ResourceArn: {ARN}");
        assert_error(get_policy(&db, ARN).await, "PolicyNotFoundException", &not_found);

        let first = put_policy(&db, ARN, &policy("dynamodb:*"), Some("NO_POLICY"))
            .await
            .unwrap();
        assert_eq!(first, "1700000000000", "epoch milliseconds");
        // Whitespace counts toward the size, but DynamoDB keeps the document without it.
        assert_eq!(get_policy(&db, ARN).await.unwrap(), (compact("dynamodb:*"), first.clone()));
        // The same document again is no change.
        assert_eq!(put_policy(&db, ARN, &policy("dynamodb:*"), None).await.unwrap(), first);

        let second = put_policy(&db, ARN, &policy("dynamodb:GetItem"), Some(&first))
            .await
            .unwrap();
        assert!(second > first, "{second} follows {first}");
        assert_eq!(get_policy(&db, ARN).await.unwrap(), (compact("dynamodb:GetItem"), second.clone()));

        assert_error(
            put_policy(&db, ARN, &policy("dynamodb:PutItem"), Some(&first)).await,
            "PolicyNotFoundException",
            &format!("Resource-based policy not found for the provided ResourceArn: Requested update for policy with revision id {first}, but the policy associated to target table tbl has revision id {second}."),
        );
        assert_error(
            put_policy(&db, ARN, &policy("dynamodb:PutItem"), Some("NO_POLICY")).await,
            "PolicyNotFoundException",
            &format!("Resource-based policy not found for the provided ResourceArn: Requested policy update expecting none to be present for table tbl, but a policy exists with revision id {second}."),
        );
        assert_error(
            delete_policy(&db, ARN, Some("unknown")).await,
            "PolicyNotFoundException",
            &format!("Resource-based policy not found for the provided ResourceArn: Requested update for policy with revision id unknown, but the policy associated to target table tbl has revision id {second}."),
        );
        assert_eq!(get_policy(&db, ARN).await.unwrap().1, second, "failed calls change nothing");

        let deleted = delete_policy(&db, ARN, Some(&second)).await.unwrap();
        assert_eq!(deleted.revision_id.as_deref(), Some(second.as_str()));
        assert_error(get_policy(&db, ARN).await, "PolicyNotFoundException", &not_found);
        assert_error(delete_policy(&db, ARN, None).await, "PolicyNotFoundException", &not_found);
    })
    .await;
}

#[tokio::test]
async fn a_stream_has_a_policy_of_its_own() {
    on_both_stores(|db| async move {
        let stream = db
            .describe_table(DescribeTableInput {
                table_name: Some("tbl".into()),
            })
            .await
            .unwrap()
            .table
            .unwrap()
            .latest_stream_arn
            .unwrap();
        put_policy(&db, &stream, &policy("dynamodb:GetRecords"), None)
            .await
            .unwrap();
        assert_eq!(
            get_policy(&db, &stream).await.unwrap().0,
            compact("dynamodb:GetRecords")
        );
        assert_error(
            get_policy(&db, ARN).await,
            "PolicyNotFoundException",
            &format!("Resource-based policy not found for the provided ResourceArn: {ARN}"),
        );
    })
    .await;
}

#[tokio::test]
async fn a_policy_goes_with_its_table() {
    let db = engine();
    create(&db, "tbl", None).await;
    put_policy(&db, ARN, &policy("dynamodb:*"), None)
        .await
        .unwrap();
    db.delete_table(DeleteTableInput {
        table_name: Some("tbl".into()),
    })
    .await
    .unwrap();
    assert_error(
        get_policy(&db, ARN).await,
        "ResourceNotFoundException",
        "Requested resource not found: Table: tbl not found",
    );
    create(&db, "tbl", None).await;
    assert_error(
        get_policy(&db, ARN).await,
        "PolicyNotFoundException",
        &format!("Resource-based policy not found for the provided ResourceArn: {ARN}"),
    );
}

#[tokio::test]
async fn a_policy_survives_reopening_the_file() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let path = dir.path().join("db.sqlite");
    let revision = {
        let db = sqlite(&path);
        create(&db, "tbl", None).await;
        put_policy(&db, ARN, &policy("dynamodb:*"), None)
            .await
            .unwrap()
    };
    let db = sqlite(&path);
    assert_eq!(
        get_policy(&db, ARN).await.unwrap(),
        (compact("dynamodb:*"), revision)
    );
}

#[tokio::test]
async fn policy_requests_dynamodb_refuses() {
    let db = engine();
    create(&db, "tbl", Some(StreamViewType::KeysOnly)).await;
    let invalid = "One or more parameter values were invalid";
    let rows: Vec<(String, String, &str, String)> = vec![
        ("tbl".into(), policy("dynamodb:*"), "ValidationException",
            format!("{invalid}: ARNs must start with 'arn:': tbl")),
        ("arn:aws:dynamodb:eu-west-1:000000000000:table/tbl".into(), policy("dynamodb:*"), "ValidationException",
            format!("{invalid}: Invalid resource Arn: arn:aws:dynamodb:eu-west-1:000000000000:table/tbl")),
        ("arn:aws-cn:dynamodb:us-east-1:000000000000:table/tbl".into(), policy("dynamodb:*"), "ValidationException",
            format!("{invalid}: Invalid resource Arn: arn:aws-cn:dynamodb:us-east-1:000000000000:table/tbl")),
        ("arn:aws:dynamodb:us-east-1:111111111111:table/tbl".into(), policy("dynamodb:*"), "ValidationException",
            "This action is only supported by accounts that match the resource owner\u{2019}s account.".into()),
        (format!("{ARN}/index/gsi"), policy("dynamodb:*"), "ValidationException",
            format!("{invalid}: Invalid resource arn provided, only table or stream is accepted. Provided resource arn: {ARN}/index/gsi")),
        (format!("{ARN}/backup/0170"), policy("dynamodb:*"), "ValidationException",
            format!("{invalid}: Provided Arn is not a DynamoDB resource arn: {ARN}/backup/0170")),
        (format!("{ARN}x"), policy("dynamodb:*"), "ResourceNotFoundException",
            "Requested resource not found: Table: tblx not found".into()),
        (format!("{ARN}/stream/2000-01-01T00:00:00.000"), policy("dynamodb:*"), "ResourceNotFoundException",
            "Requested resource not found: Stream: 2000-01-01T00:00:00.000 not found for Table: tbl".into()),
        (ARN.into(), format!("{}{}", policy("dynamodb:*"), " ".repeat(20481)), "ValidationException",
            format!("{invalid}: Maximum policy size of 20480 bytes exceeded")),
        (ARN.into(), "{not json".into(), "ValidationException",
            format!("{invalid}: Invalid policy document: This policy contains invalid Json")),
        (ARN.into(), String::new(), "ValidationException",
            format!("{invalid}: Invalid policy document: This policy contains invalid Json")),
        (ARN.into(), r#"{"Version":"2012-10-17","Statement":[]}"#.into(), "ValidationException",
            format!("{invalid}: Invalid policy document: Could not parse the policy: Statement is empty!")),
        (ARN.into(), r#"{"Statement":[{"Effect":"Allow","Action":"dynamodb:*","Principal":"*"}]}"#.into(), "ValidationException",
            format!("{invalid}: Invalid policy document: Missing required field Resource")),
    ];
    for (arn, document, exception, message) in rows {
        assert_error(
            put_policy(&db, &arn, &document, None).await,
            exception,
            &message,
        );
    }
    // The largest document accepted: 20480 bytes, whitespace included.
    let base = policy("dynamodb:*");
    let largest = format!("{base}{}", " ".repeat(20480 - base.len()));
    put_policy(&db, ARN, &largest, None).await.unwrap();

    assert_error(
        db.put_resource_policy(wire(json!({}))).await,
        "ValidationException",
        "2 validation errors detected: Value null at 'resourceArn' failed to satisfy constraint: Member must not be null; Value null at 'policy' failed to satisfy constraint: Member must not be null",
    );
    assert_error(
        db.delete_resource_policy(wire(json!({"ResourceArn": ARN, "ExpectedRevisionId": ""})))
            .await,
        "ValidationException",
        "1 validation error detected: Value '' at 'expectedRevisionId' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
    assert_error(
        db.get_resource_policy(wire(json!({"ResourceArn": ""})))
            .await,
        "ValidationException",
        "1 validation error detected: Value '' at 'resourceArn' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
}
