//! TagResource, UntagResource, ListTagsOfResource: tags of a table, addressed by its ARN.

use super::Engine;
use ddbmock_core::error::msg::table::ConstraintErrors;
use ddbmock_core::error::{Error, Result, msg};
use ddbmock_core::operation::*;

/// DynamoDB's limit of tags per table.
const MAX_TAGS: usize = 50;

impl Engine {
    /// The table name an ARN of this engine's tables names, or DynamoDB's error.
    fn table_of_arn(&self, arn: Option<&str>) -> Result<String> {
        let arn = arn
            .filter(|a| !a.is_empty())
            .ok_or_else(|| msg::validation("Invalid TableArn"))?;
        let prefix = self.arn("");
        match arn.strip_prefix(&prefix) {
            Some(name) if !name.is_empty() && !name.contains('/') => Ok(name.to_owned()),
            _ => Err(msg::validation(format!(
                "Invalid TableArn: Invalid ResourceArn provided as input {arn}"
            ))),
        }
    }

    pub(crate) fn tag_resource_now(&self, input: TagResourceInput) -> Result<TagResourceOutput> {
        let name = self.table_of_arn(input.resource_arn.as_deref())?;
        let tags = input.tags.unwrap_or_default();
        if tags.is_empty() {
            return Err(msg::validation(
                "Atleast one Tag needs to be provided as Input.",
            ));
        }
        for t in &tags {
            let key_len = t.key.as_deref().map_or(0, |k| k.chars().count());
            if !(1..=128).contains(&key_len) {
                return Err(msg::table::invalid_parameter(
                    "Tag key must be between 1 and 128 characters",
                ));
            }
            if t.value.as_deref().map_or(0, |v| v.chars().count()) > 256 {
                return Err(msg::table::invalid_parameter(
                    "Tag value must be between 0 and 256 characters",
                ));
            }
        }
        let arn = input.resource_arn.clone().unwrap_or_default();
        self.change_table(
            &name,
            || not_found(&arn),
            |t| {
                let mut next = t.clone();
                for tag in tags {
                    match next.tags.iter_mut().find(|e| e.key == tag.key) {
                        Some(existing) => existing.value = tag.value,
                        None => next.tags.push(tag),
                    }
                }
                if next.tags.len() > MAX_TAGS {
                    return Err(Error::LimitExceeded(format!(
                        "The number of tags exceeds the limit of {MAX_TAGS} for table {name}"
                    )));
                }
                Ok(next)
            },
        )?;
        Ok(TagResourceOutput {})
    }

    pub(crate) fn untag_resource_now(
        &self,
        input: UntagResourceInput,
    ) -> Result<UntagResourceOutput> {
        let name = self.table_of_arn(input.resource_arn.as_deref())?;
        let mut errors = ConstraintErrors::new();
        crate::engine::validate::required(&mut errors, "tagKeys", &input.tag_keys);
        errors.into_result()?;
        let keys = input.tag_keys.unwrap_or_default();
        let arn = input.resource_arn.clone().unwrap_or_default();
        self.change_table(
            &name,
            || not_found(&arn),
            |t| {
                let mut next = t.clone();
                next.tags
                    .retain(|tag| !keys.iter().any(|k| tag.key.as_deref() == Some(k)));
                Ok(next)
            },
        )?;
        Ok(UntagResourceOutput {})
    }

    pub(crate) fn list_tags_of_resource_now(
        &self,
        input: ListTagsOfResourceInput,
    ) -> Result<ListTagsOfResourceOutput> {
        let name = self.table_of_arn(input.resource_arn.as_deref())?;
        let arn = input.resource_arn.clone().unwrap_or_default();
        let table = self.table_any(&name).map_err(|_| not_found(&arn))?;
        Ok(ListTagsOfResourceOutput {
            tags: Some(table.tags.clone()),
            next_token: None,
        })
    }
}

/// DynamoDB's text, with its misspelling of "ResourceArn", for a tag operation on a missing table.
fn not_found(arn: &str) -> Error {
    Error::ResourceNotFound(format!(
        "Requested resource not found: ResourcArn: {arn} not found"
    ))
}
