//! PutResourcePolicy, GetResourcePolicy, DeleteResourcePolicy: the resource-based policy of a
//! table or of its stream, kept with the table (so DeleteTable drops it), with revision ids.
//!
//! The engine enforces no policy: it keeps and returns it, with DynamoDB's checks of the
//! document's form and size and of `ExpectedRevisionId`.

use super::extras::PolicyRecord;
use super::{Engine, validate};
use ddbmock_core::error::msg::policy as p;
use ddbmock_core::error::msg::table::{self as m, ConstraintErrors};
use ddbmock_core::error::{Error, Result};
use ddbmock_core::operation::*;

/// DynamoDB's limit on a policy document, in bytes, whitespace included.
const MAX_POLICY_BYTES: usize = 20480;

/// `ExpectedRevisionId`'s value for "no policy in place".
const NO_POLICY: &str = "NO_POLICY";

/// What a `ResourceArn` names: a table, or the stream with this label of a table.
struct Resource {
    table: String,
    stream_label: Option<String>,
}

impl Engine {
    pub(crate) fn put_resource_policy_now(
        &self,
        input: PutResourcePolicyInput,
    ) -> Result<PutResourcePolicyOutput> {
        let mut errors = ConstraintErrors::new();
        resource_arn_member(&mut errors, &input.resource_arn);
        validate::required(&mut errors, "policy", &input.policy);
        revision_member(&mut errors, &input.expected_revision_id);
        errors.into_result()?;
        let arn = input.resource_arn.unwrap_or_default();
        let resource = self.policy_resource(&arn)?;
        let document = input.policy.unwrap_or_default();
        if document.len() > MAX_POLICY_BYTES {
            return Err(p::policy_too_large(MAX_POLICY_BYTES));
        }
        let document = check_document(&document)?;
        let expected = input.expected_revision_id;
        let now_ms = (self.inner.clock.epoch_seconds() * 1000.0) as i64;
        let mut revision = String::new();
        self.change_policy(&resource, |policies, table| {
            let current = policies.iter().position(|r| r.resource_arn == arn);
            match (&expected, current.map(|i| &policies[i])) {
                (Some(e), Some(c)) if e == NO_POLICY => {
                    return Err(p::policy_exists(table, &c.revision));
                }
                (Some(e), Some(c)) if *e != c.revision => {
                    return Err(p::revision_mismatch(e, table, &c.revision));
                }
                (Some(e), None) if e != NO_POLICY => return Err(p::policy_not_found(&arn)),
                // The same document again changes nothing, its revision included.
                (_, Some(c)) if c.document == document => {
                    revision = c.revision.clone();
                    return Ok(());
                }
                _ => {}
            }
            // Revision ids are epoch milliseconds, and so ordered; two puts within one
            // millisecond (or a clock set back) still get increasing ones.
            let last = policies
                .iter()
                .filter_map(|r| r.revision.parse::<i64>().ok())
                .max()
                .unwrap_or(0);
            revision = now_ms.max(last + 1).to_string();
            let record = PolicyRecord {
                resource_arn: arn.clone(),
                document: document.clone(),
                revision: revision.clone(),
            };
            match current {
                Some(i) => policies[i] = record,
                None => policies.push(record),
            }
            Ok(())
        })?;
        Ok(PutResourcePolicyOutput {
            revision_id: Some(revision),
        })
    }

    pub(crate) fn get_resource_policy_now(
        &self,
        input: GetResourcePolicyInput,
    ) -> Result<GetResourcePolicyOutput> {
        let mut errors = ConstraintErrors::new();
        resource_arn_member(&mut errors, &input.resource_arn);
        errors.into_result()?;
        let arn = input.resource_arn.unwrap_or_default();
        let resource = self.policy_resource(&arn)?;
        let table = self
            .table_any(&resource.table)
            .ok_or_else(|| m::table_not_found_named(&resource.table))?;
        let policy = table
            .extras
            .policies
            .iter()
            .find(|r| r.resource_arn == arn)
            .ok_or_else(|| p::policy_not_found(&arn))?;
        Ok(GetResourcePolicyOutput {
            policy: Some(policy.document.clone()),
            revision_id: Some(policy.revision.clone()),
        })
    }

    pub(crate) fn delete_resource_policy_now(
        &self,
        input: DeleteResourcePolicyInput,
    ) -> Result<DeleteResourcePolicyOutput> {
        let mut errors = ConstraintErrors::new();
        resource_arn_member(&mut errors, &input.resource_arn);
        revision_member(&mut errors, &input.expected_revision_id);
        errors.into_result()?;
        let arn = input.resource_arn.unwrap_or_default();
        let resource = self.policy_resource(&arn)?;
        let expected = input.expected_revision_id;
        let mut revision = String::new();
        self.change_policy(&resource, |policies, table| {
            let i = policies
                .iter()
                .position(|r| r.resource_arn == arn)
                .ok_or_else(|| p::policy_not_found(&arn))?;
            let current = &policies[i].revision;
            if let Some(e) = &expected
                && e != current
            {
                return Err(p::revision_mismatch(e, table, current));
            }
            revision = policies.remove(i).revision;
            Ok(())
        })?;
        Ok(DeleteResourcePolicyOutput {
            revision_id: Some(revision),
        })
    }

    /// Applies `change` to the policies of `resource`'s table (given its name), under the
    /// catalog lock, persisted.
    fn change_policy(
        &self,
        resource: &Resource,
        change: impl FnOnce(&mut Vec<PolicyRecord>, &str) -> Result<()>,
    ) -> Result<()> {
        let name = &resource.table;
        self.change_table(
            name,
            || m::table_not_found_named(name),
            |t| {
                if let Some(label) = &resource.stream_label
                    && t.description.latest_stream_label.as_deref() != Some(label.as_str())
                {
                    return Err(p::stream_not_found(label, name));
                }
                let mut next = t.clone();
                change(&mut next.extras.policies, name)?;
                Ok(next)
            },
        )
        .map(|_| ())
    }

    /// What `arn` names, or DynamoDB's error for an ARN a policy cannot be attached to. The table
    /// need not exist (its lookup words its own error); a stream's label is checked against the
    /// table's then.
    fn policy_resource(&self, arn: &str) -> Result<Resource> {
        if !arn.starts_with("arn:") {
            return Err(p::arn_without_prefix(arn));
        }
        let config = &self.inner.config;
        let parts: Vec<&str> = arn.splitn(6, ':').collect();
        let [_, partition, service, region, account, resource] = parts.as_slice() else {
            return Err(p::invalid_resource_arn(arn));
        };
        if *partition != "aws" || *service != "dynamodb" || *region != config.region {
            return Err(p::invalid_resource_arn(arn));
        }
        if *account != config.account_id {
            return Err(p::other_account());
        }
        let Some(path) = resource.strip_prefix("table/") else {
            return Err(p::invalid_resource_arn(arn));
        };
        let (table, rest) = match path.split_once('/') {
            Some((table, rest)) => (table, Some(rest)),
            None => (path, None),
        };
        if table.is_empty() {
            return Err(p::invalid_resource_arn(arn));
        }
        let stream_label = match rest {
            None => None,
            Some(rest) => match rest.split_once('/') {
                Some(("stream", label)) if !label.is_empty() && !label.contains('/') => {
                    Some(label.to_owned())
                }
                Some(("index", _)) => return Err(p::not_table_or_stream(arn)),
                _ => return Err(p::not_a_resource_arn(arn)),
            },
        };
        Ok(Resource {
            table: table.to_owned(),
            stream_label,
        })
    }
}

/// Records a missing `ResourceArn` or one outside 1 to 1283 characters.
fn resource_arn_member(errors: &mut ConstraintErrors, arn: &Option<String>) {
    validate::required(errors, "resourceArn", arn);
    if let Some(a) = arn {
        errors.length("resourceArn", a, a.chars().count(), 1, 1283);
    }
}

/// Records an `ExpectedRevisionId` outside 1 to 255 characters.
fn revision_member(errors: &mut ConstraintErrors, revision: &Option<String>) {
    if let Some(r) = revision {
        errors.length("expectedRevisionId", r, r.chars().count(), 1, 255);
    }
}

/// The document as DynamoDB keeps it (without the whitespace between JSON tokens), or its error
/// for a document that is not JSON, has an empty `Statement` list, or a statement without
/// `Resource`.
fn check_document(document: &str) -> Result<String, Error> {
    let value: serde_json::Value =
        serde_json::from_str(document).map_err(|_| p::policy_not_json())?;
    let statements = match value.get("Statement") {
        Some(serde_json::Value::Array(list)) => list.iter().collect(),
        Some(one) => vec![one],
        None => Vec::new(),
    };
    if statements.is_empty() {
        return Err(p::empty_statement());
    }
    if statements.iter().any(|s| s.get("Resource").is_none()) {
        return Err(p::missing_resource());
    }
    Ok(compact(document))
}

/// `json` without whitespace outside its strings, keys in the order written.
fn compact(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}
