//! TagResource, UntagResource, ListTagsOfResource: tags of a table, addressed by its ARN.

use super::Engine;
use ddbmock_core::error::msg::table::ConstraintErrors;
use ddbmock_core::error::{Result, msg};
use ddbmock_core::operation::*;

/// DynamoDB's limit of tags per table.
use ddbmock_core::limits::MAX_TAGS;

impl Engine {
    /// The table name an ARN of this engine's tables names, or DynamoDB's error.
    fn table_of_arn(&self, arn: Option<&str>) -> Result<String> {
        let arn = arn
            .filter(|a| !a.is_empty())
            .ok_or_else(msg::tags::missing_table_arn)?;
        let prefix = self.arn("");
        match arn.strip_prefix(&prefix) {
            Some(name) if !name.is_empty() && !name.contains('/') => Ok(name.to_owned()),
            _ => Err(msg::tags::invalid_resource_arn(arn)),
        }
    }

    pub(crate) fn tag_resource_now(&self, input: TagResourceInput) -> Result<TagResourceOutput> {
        let name = self.table_of_arn(input.resource_arn.as_deref())?;
        let tags = input.tags.unwrap_or_default();
        if tags.is_empty() {
            return Err(msg::tags::no_tags());
        }
        for t in &tags {
            let key_len = t.key.as_deref().map_or(0, |k| k.chars().count());
            if !(1..=128).contains(&key_len) {
                return Err(msg::tags::tag_key_length());
            }
            if t.value.as_deref().map_or(0, |v| v.chars().count()) > 256 {
                return Err(msg::tags::tag_value_length());
            }
        }
        let arn = input.resource_arn.clone().unwrap_or_default();
        self.change_table(
            &name,
            || msg::tags::resource_not_found(&arn),
            |t| {
                let mut next = t.clone();
                for tag in tags {
                    match next.tags.iter_mut().find(|e| e.key == tag.key) {
                        Some(existing) => existing.value = tag.value,
                        None => next.tags.push(tag),
                    }
                }
                if next.tags.len() > MAX_TAGS {
                    return Err(msg::tags::too_many_tags(MAX_TAGS, &name));
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
            || msg::tags::resource_not_found(&arn),
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
        let table = self
            .table_any(&name)
            .ok_or_else(|| msg::tags::resource_not_found(&arn))?;
        Ok(ListTagsOfResourceOutput {
            tags: Some(table.tags.clone()),
            next_token: None,
        })
    }
}
