//! TagResource, UntagResource, ListTagsOfResource.

use ddbmock_core::operation::{
    ListTagsOfResourceInput, ListTagsOfResourceOutput, TagResourceInput, TagResourceOutput,
    UntagResourceInput, UntagResourceOutput,
};

use crate::support::round_trip;

const ARN: &str = "arn:aws:dynamodb:us-east-1:123456789012:table/Forum";

#[test]
fn tag_resource() {
    let input: TagResourceInput = round_trip(&format!(
        r#"{{"ResourceArn": "{ARN}", "Tags": [{{"Key": "Owner", "Value": "blueTeam"}}]}}"#
    ));
    assert_eq!(input.resource_arn.as_deref(), Some(ARN));
    let tags = input.tags.expect("Tags");
    assert_eq!(tags[0].key.as_deref(), Some("Owner"));
    assert_eq!(tags[0].value.as_deref(), Some("blueTeam"));
    let output: TagResourceOutput = round_trip("{}");
    assert_eq!(output, TagResourceOutput::default());
}

#[test]
fn untag_resource() {
    let input: UntagResourceInput = round_trip(&format!(
        r#"{{"ResourceArn": "{ARN}", "TagKeys": ["Owner"]}}"#
    ));
    assert_eq!(input.tag_keys, Some(vec!["Owner".to_owned()]));
    let output: UntagResourceOutput = round_trip("{}");
    assert_eq!(output, UntagResourceOutput::default());
}

#[test]
fn list_tags_of_resource() {
    let input: ListTagsOfResourceInput = round_trip(&format!(
        r#"{{"ResourceArn": "{ARN}", "NextToken": "abc"}}"#
    ));
    assert_eq!(input.next_token.as_deref(), Some("abc"));
    let output: ListTagsOfResourceOutput = round_trip(
        r#"{"Tags": [{"Key": "Owner", "Value": "blueTeam"}, {"Key": "Env", "Value": ""}],
            "NextToken": "def"}"#,
    );
    assert_eq!(output.tags.map(|tags| tags.len()), Some(2));
    assert_eq!(output.next_token.as_deref(), Some("def"));
}
