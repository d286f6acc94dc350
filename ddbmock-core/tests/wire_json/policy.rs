//! PutResourcePolicy, GetResourcePolicy and DeleteResourcePolicy, by their request and response
//! syntax.

use ddbmock_core::operation::{
    DeleteResourcePolicyInput, DeleteResourcePolicyOutput, GetResourcePolicyInput,
    GetResourcePolicyOutput, PutResourcePolicyInput, PutResourcePolicyOutput,
};

use crate::support::round_trip;

const ARN: &str = "arn:aws:dynamodb:us-west-2:123456789012:table/Music";

#[test]
fn put_resource_policy() {
    let input: PutResourcePolicyInput = round_trip(&format!(
        r#"{{"ResourceArn": "{ARN}", "Policy": "{{\"Version\":\"2012-10-17\"}}",
            "ExpectedRevisionId": "NO_POLICY", "ConfirmRemoveSelfResourceAccess": false}}"#
    ));
    assert_eq!(input.resource_arn.as_deref(), Some(ARN));
    assert_eq!(input.policy.as_deref(), Some(r#"{"Version":"2012-10-17"}"#));
    assert_eq!(input.expected_revision_id.as_deref(), Some("NO_POLICY"));
    assert_eq!(input.confirm_remove_self_resource_access, Some(false));
    let output: PutResourcePolicyOutput = round_trip(r#"{"RevisionId": "1709841168699"}"#);
    assert_eq!(output.revision_id.as_deref(), Some("1709841168699"));
}

#[test]
fn get_resource_policy() {
    let input: GetResourcePolicyInput = round_trip(&format!(r#"{{"ResourceArn": "{ARN}"}}"#));
    assert_eq!(input.resource_arn.as_deref(), Some(ARN));
    let output: GetResourcePolicyOutput =
        round_trip(r#"{"Policy": "{}", "RevisionId": "1709841168699"}"#);
    assert_eq!(output.policy.as_deref(), Some("{}"));
}

#[test]
fn delete_resource_policy() {
    let input: DeleteResourcePolicyInput = round_trip(&format!(
        r#"{{"ResourceArn": "{ARN}", "ExpectedRevisionId": "1709841168699"}}"#
    ));
    assert_eq!(input.expected_revision_id.as_deref(), Some("1709841168699"));
    let output: DeleteResourcePolicyOutput = round_trip(r#"{"RevisionId": "1709841168699"}"#);
    assert_eq!(output.revision_id.as_deref(), Some("1709841168699"));
}
