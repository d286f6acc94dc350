//! TagResource, UntagResource, ListTagsOfResource: tags of a table, addressed by its ARN.

use super::Engine;
use ddbmock_core::error::msg::table::ConstraintErrors;
use ddbmock_core::error::{Result, msg};
use ddbmock_core::operation::*;

/// DynamoDB's bounds on a tag's key and value, in characters.
const MAX_TAG_KEY_CHARS: usize = 128;
const MAX_TAG_VALUE_CHARS: usize = 256;

/// Refuses a tag list DynamoDB refuses (TagResource, CreateTable): each key present, of 1 to 128
/// characters tags take and without the reserved `aws:` prefix; each value present, of at most
/// 256 such characters; no key twice.
pub(crate) fn check_tags(tags: &[Tag]) -> Result<()> {
    let mut seen = std::collections::HashSet::with_capacity(tags.len());
    for t in tags {
        let key = check_tag_key(t.key.as_deref())?;
        let value = t.value.as_deref();
        match value {
            Some(v) if v.chars().count() <= MAX_TAG_VALUE_CHARS && v.chars().all(tag_char) => {}
            _ => return Err(msg::tags::invalid_tag_value(value)),
        }
        if key.starts_with("aws:") {
            return Err(msg::tags::tag_key_reserved_prefix(key));
        }
        if !seen.insert(key) {
            return Err(msg::tags::duplicate_tag_key(key));
        }
    }
    Ok(())
}

/// A tag key that is present, of 1 to 128 characters tags take; DynamoDB's error otherwise.
fn check_tag_key(key: Option<&str>) -> Result<&str> {
    match key {
        Some(k)
            if (1..=MAX_TAG_KEY_CHARS).contains(&k.chars().count()) && k.chars().all(tag_char) =>
        {
            Ok(k)
        }
        _ => Err(msg::tags::invalid_tag_key(key)),
    }
}

/// A character of a tag key or value: letters, numbers, separators (Unicode `L`, `N`, `Z`) and
/// `_ . : / = + - @`. `Z` is White_Space without the control characters (tab, newline) it holds.
fn tag_char(c: char) -> bool {
    c.is_alphabetic()
        || c.is_numeric()
        || (c.is_whitespace() && !c.is_control())
        || "_.:/=+-@".contains(c)
}

/// DynamoDB's limit of tags per table.
use ddbmock_core::limits::MAX_TAGS;

impl Engine {
    /// The table name an ARN of this engine's tables names, or DynamoDB's error: a table ARN of
    /// another account is refused for `action` as access denied (no resource policy shares it).
    fn table_of_arn(&self, arn: Option<&str>, action: &str) -> Result<String> {
        let arn = arn
            .filter(|a| !a.is_empty())
            .ok_or_else(msg::tags::missing_table_arn)?;
        let prefix = self.arn("");
        match arn.strip_prefix(&prefix) {
            Some(name) if !name.is_empty() && !name.contains('/') => Ok(name.to_owned()),
            _ => {
                let account = &self.inner.config.account_id;
                if is_foreign_table_arn(arn, account) {
                    Err(msg::tags::access_denied(action, arn, account))
                } else {
                    Err(msg::tags::invalid_resource_arn(arn))
                }
            }
        }
    }

    pub(crate) fn tag_resource_now(&self, input: TagResourceInput) -> Result<TagResourceOutput> {
        let name = self.table_of_arn(input.resource_arn.as_deref(), "TagResource")?;
        let tags = input.tags.unwrap_or_default();
        if tags.is_empty() {
            return Err(msg::tags::no_tags());
        }
        check_tags(&tags)?;
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
        let name = self.table_of_arn(input.resource_arn.as_deref(), "UntagResource")?;
        let mut errors = ConstraintErrors::new();
        crate::engine::validate::required(&mut errors, "tagKeys", &input.tag_keys);
        errors.into_result()?;
        let keys = input.tag_keys.unwrap_or_default();
        if keys.is_empty() {
            return Err(msg::tags::no_tag_keys());
        }
        for k in &keys {
            check_tag_key(Some(k))?;
        }
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
        let name = self.table_of_arn(input.resource_arn.as_deref(), "ListTagsOfResource")?;
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

/// Whether `arn` is a DynamoDB table ARN (`arn:<partition>:dynamodb:<region>:<account>:table/<name>`)
/// of an account other than `account`.
pub(super) fn is_foreign_table_arn(arn: &str, account: &str) -> bool {
    // Every item operation asks this of its table name, nearly always a plain name: no split then.
    if !arn.starts_with("arn:") {
        return false;
    }
    let mut parts = arn.splitn(6, ':');
    let parts: [Option<&str>; 6] = std::array::from_fn(|_| parts.next());
    match parts {
        [
            Some("arn"),
            Some(_),
            Some("dynamodb"),
            Some(_),
            Some(owner),
            Some(resource),
        ] => {
            owner != account
                && resource
                    .strip_prefix("table/")
                    .is_some_and(|name| !name.is_empty() && !name.contains('/'))
        }
        _ => false,
    }
}
