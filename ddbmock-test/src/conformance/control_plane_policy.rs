//! Resource policy scenarios: PutResourcePolicy, GetResourcePolicy and DeleteResourcePolicy on a
//! table and on its stream, revision ids, and the requests DynamoDB refuses.
//!
//! The texts are DynamoDB's as observed on the service: the API Reference names the exceptions
//! (`PolicyNotFoundException`, `ValidationException`, `ResourceNotFoundException`) but gives no
//! message texts.

use ddbmock_core::operation::*;
use ddbmock_core::{DynamoDb, Error};

use super::control_plane_support::*;
use super::support::*;

const INVALID: &str = "One or more parameter values were invalid";
const VALIDATION: &str = "ValidationException";
const POLICY_NOT_FOUND: &str = "PolicyNotFoundException";

/// A policy allowing `action` to `account`, with whitespace, as a user writes it.
fn policy(account: &str, action: &str) -> String {
    format!(
        "{{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [{{\"Effect\": \"Allow\", \"Principal\": {{\"AWS\": \"{account}\"}}, \"Action\": \"{action}\", \"Resource\": \"*\"}}]\n}}"
    )
}

/// The same policy as DynamoDB keeps it: without the whitespace.
fn compact(account: &str, action: &str) -> String {
    format!(
        r#"{{"Version":"2012-10-17","Statement":[{{"Effect":"Allow","Principal":{{"AWS":"{account}"}},"Action":"{action}","Resource":"*"}}]}}"#
    )
}

async fn put_policy(
    db: &dyn DynamoDb,
    arn: &str,
    document: &str,
    expected: Option<&str>,
) -> Result<String, Error> {
    db.put_resource_policy(PutResourcePolicyInput {
        resource_arn: Some(arn.to_owned()),
        policy: Some(document.to_owned()),
        expected_revision_id: expected.map(str::to_owned),
        confirm_remove_self_resource_access: None,
    })
    .await
    .map(|o| o.revision_id.expect("a revision id"))
}

async fn get_policy(db: &dyn DynamoDb, arn: &str) -> Result<(String, String), Error> {
    db.get_resource_policy(GetResourcePolicyInput {
        resource_arn: Some(arn.to_owned()),
    })
    .await
    .map(|o| {
        (
            o.policy.expect("a policy"),
            o.revision_id.expect("a revision id"),
        )
    })
}

async fn delete_policy(
    db: &dyn DynamoDb,
    arn: &str,
    expected: Option<&str>,
) -> Result<Option<String>, Error> {
    db.delete_resource_policy(DeleteResourcePolicyInput {
        resource_arn: Some(arn.to_owned()),
        expected_revision_id: expected.map(str::to_owned),
    })
    .await
    .map(|o| o.revision_id)
}

/// A table's policy is put, read back compacted, revised under `ExpectedRevisionId`, refused on a
/// stale revision, and deleted; its stream has a policy of its own.
pub async fn resource_policy_lifecycle(db: &dyn DynamoDb) {
    let name = unique_name("policy");
    let mut input = table_input(&name, false);
    input.stream_specification = Some(StreamSpecification {
        stream_enabled: Some(true),
        stream_view_type: Some(StreamViewType::KeysOnly),
    });
    db.create_table(input).await.expect("create table");
    until_active(db, &name).await;
    let table = describe(db, &name).await;
    let arn = table.table_arn.expect("a table ARN");
    let stream = table.latest_stream_arn.expect("a stream ARN");
    let account = Arn::parse(&arn).account.to_owned();
    let not_found = format!("Resource-based policy not found for the provided ResourceArn: {arn}");
    assert_error(get_policy(db, &arn).await, POLICY_NOT_FOUND, &not_found);

    let first = put_policy(db, &arn, &policy(&account, "dynamodb:*"), Some("NO_POLICY"))
        .await
        .unwrap();
    assert!(!first.is_empty(), "a revision id");
    assert_eq!(
        get_policy(db, &arn).await.unwrap(),
        (compact(&account, "dynamodb:*"), first.clone())
    );
    assert_eq!(
        put_policy(db, &arn, &policy(&account, "dynamodb:*"), None)
            .await
            .unwrap(),
        first,
        "the same document again is no change"
    );

    let second = put_policy(
        db,
        &arn,
        &policy(&account, "dynamodb:GetItem"),
        Some(&first),
    )
    .await
    .unwrap();
    assert_ne!(second, first, "a new revision");
    assert_eq!(
        get_policy(db, &arn).await.unwrap(),
        (compact(&account, "dynamodb:GetItem"), second.clone())
    );
    assert_error(
        put_policy(
            db,
            &arn,
            &policy(&account, "dynamodb:PutItem"),
            Some(&first),
        )
        .await,
        POLICY_NOT_FOUND,
        &format!(
            "Resource-based policy not found for the provided ResourceArn: Requested update for policy with revision id {first}, but the policy associated to target table {name} has revision id {second}."
        ),
    );
    assert_error(
        put_policy(
            db,
            &arn,
            &policy(&account, "dynamodb:PutItem"),
            Some("NO_POLICY"),
        )
        .await,
        POLICY_NOT_FOUND,
        &format!(
            "Resource-based policy not found for the provided ResourceArn: Requested policy update expecting none to be present for table {name}, but a policy exists with revision id {second}."
        ),
    );
    assert_error(
        delete_policy(db, &arn, Some("unknown")).await,
        POLICY_NOT_FOUND,
        &format!(
            "Resource-based policy not found for the provided ResourceArn: Requested update for policy with revision id unknown, but the policy associated to target table {name} has revision id {second}."
        ),
    );
    assert_eq!(
        get_policy(db, &arn).await.unwrap().1,
        second,
        "refused calls change nothing"
    );

    put_policy(db, &stream, &policy(&account, "dynamodb:GetRecords"), None)
        .await
        .unwrap();
    assert_eq!(
        get_policy(db, &stream).await.unwrap().0,
        compact(&account, "dynamodb:GetRecords")
    );

    assert_eq!(
        delete_policy(db, &arn, Some(&second)).await.unwrap(),
        Some(second)
    );
    assert_error(get_policy(db, &arn).await, POLICY_NOT_FOUND, &not_found);
    assert_error(
        delete_policy(db, &arn, None).await,
        POLICY_NOT_FOUND,
        &not_found,
    );
    assert_eq!(
        get_policy(db, &stream).await.unwrap().0,
        compact(&account, "dynamodb:GetRecords"),
        "the stream's policy is its own"
    );
}

/// ARNs and documents PutResourcePolicy refuses, the largest document it takes, and the members
/// the three operations check before anything else.
pub async fn resource_policy_validation(db: &dyn DynamoDb) {
    let (name, arn) = table_with_index(db, "policy-invalid").await;
    let parts = Arn::parse(&arn);
    let account = parts.account.to_owned();
    let document = policy(&account, "dynamodb:*");
    let other_region = parts.in_other_region();
    let other_partition = parts.in_other_partition();
    let invalid_json =
        format!("{INVALID}: Invalid policy document: This policy contains invalid Json");
    let rows: Vec<(String, String, &str, String)> = vec![
        (name.clone(), document.clone(), VALIDATION,
            format!("{INVALID}: ARNs must start with 'arn:': {name}")),
        (other_region.clone(), document.clone(), VALIDATION,
            format!("{INVALID}: Invalid resource Arn: {other_region}")),
        (other_partition.clone(), document.clone(), VALIDATION,
            format!("{INVALID}: Invalid resource Arn: {other_partition}")),
        (parts.in_other_account(), document.clone(), VALIDATION,
            "This action is only supported by accounts that match the resource owner\u{2019}s account.".into()),
        (format!("{arn}/index/gsi"), document.clone(), VALIDATION,
            format!("{INVALID}: Invalid resource arn provided, only table or stream is accepted. Provided resource arn: {arn}/index/gsi")),
        (format!("{arn}/backup/01700000000000-abcdefgh"), document.clone(), VALIDATION,
            format!("{INVALID}: Provided Arn is not a DynamoDB resource arn: {arn}/backup/01700000000000-abcdefgh")),
        (format!("{arn}x"), document.clone(), "ResourceNotFoundException",
            format!("Requested resource not found: Table: {name}x not found")),
        (format!("{arn}/stream/2000-01-01T00:00:00.000"), document.clone(), "ResourceNotFoundException",
            format!("Requested resource not found: Stream: 2000-01-01T00:00:00.000 not found for Table: {name}")),
        (arn.clone(), format!("{document}{}", " ".repeat(20481)), VALIDATION,
            format!("{INVALID}: Maximum policy size of 20480 bytes exceeded")),
        (arn.clone(), "{not json".into(), VALIDATION, invalid_json.clone()),
        (arn.clone(), String::new(), VALIDATION, invalid_json),
        (arn.clone(), r#"{"Version":"2012-10-17","Statement":[]}"#.into(), VALIDATION,
            format!("{INVALID}: Invalid policy document: Could not parse the policy: Statement is empty!")),
        (arn.clone(), r#"{"Statement":[{"Effect":"Allow","Action":"dynamodb:*","Principal":"*"}]}"#.into(), VALIDATION,
            format!("{INVALID}: Invalid policy document: Missing required field Resource")),
    ];
    for (resource, document, exception, message) in rows {
        assert_error(
            put_policy(db, &resource, &document, None).await,
            exception,
            &message,
        );
    }
    assert_error(
        get_policy(db, &arn).await,
        POLICY_NOT_FOUND,
        &format!("Resource-based policy not found for the provided ResourceArn: {arn}"),
    );

    // The largest document taken: 20480 bytes, whitespace included.
    let largest = format!("{document}{}", " ".repeat(20480 - document.len()));
    put_policy(db, &arn, &largest, None).await.unwrap();
    assert_eq!(
        get_policy(db, &arn).await.unwrap().0,
        compact(&account, "dynamodb:*")
    );

    assert_error(
        db.put_resource_policy(PutResourcePolicyInput::default())
            .await,
        VALIDATION,
        "2 validation errors detected: Value null at 'resourceArn' failed to satisfy constraint: Member must not be null; Value null at 'policy' failed to satisfy constraint: Member must not be null",
    );
    assert_error(
        delete_policy(db, &arn, Some("")).await,
        VALIDATION,
        "1 validation error detected: Value '' at 'expectedRevisionId' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
    assert_error(
        get_policy(db, "").await,
        VALIDATION,
        "1 validation error detected: Value '' at 'resourceArn' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
}
