//! Resource-based policies: PutResourcePolicy, GetResourcePolicy, DeleteResourcePolicy.

use serde::{Deserialize, Serialize};

/// `PutResourcePolicyInput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct PutResourcePolicyInput {
    /// The Amazon Resource Name (ARN) of the DynamoDB resource to which the policy will be attached: a table or a stream.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource_arn: Option<String>,
    /// An Amazon Web Services resource-based policy document in JSON format, of at most 20 KB.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy: Option<String>,
    /// The revision ID the policy in place must have (`NO_POLICY`: no policy in place).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected_revision_id: Option<String>,
    /// Set to true to confirm that you want to remove your permissions to change the policy of this resource in the future.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub confirm_remove_self_resource_access: Option<bool>,
}

/// `PutResourcePolicyOutput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct PutResourcePolicyOutput {
    /// A unique string that represents the revision ID of the policy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision_id: Option<String>,
}

/// `GetResourcePolicyInput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetResourcePolicyInput {
    /// The Amazon Resource Name (ARN) of the DynamoDB resource to which the policy is attached.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource_arn: Option<String>,
}

/// `GetResourcePolicyOutput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct GetResourcePolicyOutput {
    /// The resource-based policy document attached to the resource.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy: Option<String>,
    /// A unique string that represents the revision ID of the policy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision_id: Option<String>,
}

/// `DeleteResourcePolicyInput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DeleteResourcePolicyInput {
    /// The Amazon Resource Name (ARN) of the DynamoDB resource from which the policy will be removed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub resource_arn: Option<String>,
    /// The revision ID the policy in place must have.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected_revision_id: Option<String>,
}

/// `DeleteResourcePolicyOutput`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct DeleteResourcePolicyOutput {
    /// A unique string that represents the revision ID of the policy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub revision_id: Option<String>,
}
