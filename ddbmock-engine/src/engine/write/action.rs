//! A planned write on one item: its table and key, its effect (put, update, delete, or only a
//! condition check) and its condition, checked against the table's schema when it is planned; and
//! what it turns the item into.

use std::collections::HashMap;
use std::sync::Arc;

use super::check_item;
use super::legacy_updates::apply_attribute_updates;
use crate::engine::change::check_index_keys;
use crate::engine::expressions;
use crate::engine::keys::{validated_item_storage_key, validated_storage_key};
use crate::engine::table::Table;
use crate::expr::{Condition, UpdateExpr, UpdatedPaths};
use ddbmock_core::error::{Result, msg};
use ddbmock_core::model::{Item, item_size};
use ddbmock_core::operation::{
    AttributeAction, AttributeValueUpdate, ReturnValuesOnConditionCheckFailure,
};

/// What an action does to its item.
pub(crate) enum Effect {
    /// Replaces the item (PutItem, a batch put, a transaction's Put).
    Put(Arc<Item>),
    /// Updates the item, or creates it from its key (UpdateItem, a transaction's Update). Boxed,
    /// as is the condition, so that batches of actions move small values.
    Update(Box<Update>),
    /// Removes the item.
    Delete,
    /// Changes nothing: only the condition counts (a transaction's ConditionCheck).
    Check,
}

/// An update: an `UpdateExpression`, or legacy `AttributeUpdates` (DynamoDB refuses both at once).
#[derive(Default)]
pub(crate) struct Update {
    pub(crate) expression: Option<UpdateExpr>,
    pub(crate) legacy: HashMap<String, AttributeValueUpdate>,
}

impl Update {
    /// Whether every action only takes something away (`REMOVE`, `DELETE`, legacy `DELETE`), and
    /// there is at least one: DynamoDB then creates no item where there was none. An update with no
    /// action at all still creates the item from its key.
    fn only_takes_away(&self) -> bool {
        match &self.expression {
            Some(expression) => expression.only_takes_away(),
            None => {
                !self.legacy.is_empty()
                    && self
                        .legacy
                        .values()
                        .all(|u| u.action == Some(AttributeAction::Delete))
            }
        }
    }
}

/// What an update wrote, for `UPDATED_OLD` and `UPDATED_NEW`.
pub(crate) enum Touched {
    /// The paths of an update expression.
    Paths(UpdatedPaths),
    /// The attributes named in `AttributeUpdates` (none when there were none).
    Names(Vec<String>),
}

impl Touched {
    /// The part of `item` the update wrote; `None` when that is nothing.
    pub(crate) fn pick(&self, item: Option<&Item>) -> Option<Item> {
        let item = item?;
        let picked: Item = match self {
            Touched::Paths(paths) => paths.project(item),
            Touched::Names(names) => item
                .iter()
                .filter(|(k, _)| names.contains(*k))
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect(),
        };
        (!picked.is_empty()).then_some(picked)
    }
}

/// One item's write, validated against its table.
pub(crate) struct Action {
    pub(crate) table: Arc<Table>,
    /// The key a keyed action names; empty for a put, whose key is in its item (see [`Action::named`]).
    pub(crate) key: Item,
    /// The item's storage key.
    pub(crate) storage_key: Vec<u8>,
    pub(crate) effect: Effect,
    pub(crate) condition: Option<Box<Condition>>,
    /// Whether a failed condition reports the item as it was (`ReturnValuesOnConditionCheckFailure`).
    pub(crate) on_failure: Option<ReturnValuesOnConditionCheckFailure>,
}

impl Action {
    /// A put of `item`, which must carry the table's key and satisfy its indexes. The checks that
    /// need no table (names, size) are the caller's, before it looked the table up
    /// ([`validate::put_values`](crate::engine::validate::put_values)).
    pub(crate) fn put(table: Arc<Table>, item: Item, condition: Option<Condition>) -> Result<Self> {
        let storage_key = validated_item_storage_key(&table.key, &item)?;
        check_index_keys(&table, &item)?;
        Ok(Action {
            // A put's key is in its item: copying it out would cost every PutItem a map.
            key: Item::new(),
            storage_key,
            table,
            effect: Effect::Put(Arc::new(item)),
            condition: condition.map(Box::new),
            on_failure: None,
        })
    }

    /// An update, delete or condition check of the item at `key`, which must be exactly the table's
    /// key. An update may not touch a key attribute.
    pub(crate) fn keyed(
        table: Arc<Table>,
        key: Item,
        effect: Effect,
        condition: Option<Condition>,
    ) -> Result<Self> {
        let storage_key = validated_storage_key(&table.key, &key)?;
        if let Effect::Update(update) = &effect {
            if let Some(name) = update.legacy.keys().find(|n| table.key.is_key(n)) {
                return Err(msg::item::cannot_update_key(name));
            }
            if let Some(expression) = &update.expression {
                let keys: Vec<&str> = table.key.attrs().map(|a| a.name.as_str()).collect();
                expression.check_keys(&keys)?;
            }
        }
        Ok(Action {
            storage_key,
            table,
            key,
            effect,
            condition: condition.map(Box::new),
            on_failure: None,
        })
    }

    /// The same action, reporting the item as it was when its condition fails, if so asked.
    pub(crate) fn on_failure(mut self, v: Option<ReturnValuesOnConditionCheckFailure>) -> Self {
        self.on_failure = v;
        self
    }

    /// The attributes that name the action's item (its key attributes among them): the put item, or
    /// the key. Enough for what reads only the key, such as item collection metrics.
    pub(crate) fn named(&self) -> &Item {
        match &self.effect {
            Effect::Put(item) => item,
            Effect::Update(_) | Effect::Delete | Effect::Check => &self.key,
        }
    }

    /// Whether the action writes its item (all but a condition check).
    pub(crate) fn writes(&self) -> bool {
        !matches!(self.effect, Effect::Check)
    }

    /// The size the action adds to a transaction's aggregate: its item's, or its key's.
    pub(crate) fn aggregate_size(&self) -> usize {
        item_size(self.named())
    }

    /// The item after this action, from the item `old` as it is now (`None`: absent), and what an
    /// update wrote; or why the action fails: its condition (`ConditionalCheckFailedException`, with
    /// the item when asked for), or its update.
    pub(crate) fn evaluate(&self, old: Option<&Arc<Item>>) -> Result<(Option<Arc<Item>>, Touched)> {
        expressions::check_condition(
            self.condition.as_deref(),
            old.map(|o| &**o),
            self.on_failure.as_ref(),
        )?;
        let untouched = Touched::Names(Vec::new());
        match &self.effect {
            Effect::Put(item) => Ok((Some(item.clone()), untouched)),
            Effect::Delete => Ok((None, untouched)),
            Effect::Check => Ok((old.cloned(), untouched)),
            Effect::Update(update) if old.is_none() && update.only_takes_away() => {
                Ok((None, Touched::Names(Vec::new())))
            }
            Effect::Update(update) => {
                let mut item: Item = old.map_or_else(|| self.key.clone(), |o| (**o).clone());
                let names = apply_attribute_updates(&mut item, &update.legacy)?;
                let touched = match &update.expression {
                    Some(expression) => Touched::Paths(expression.apply(&mut item)?),
                    None => Touched::Names(names),
                };
                check_item(&self.table, &item)?;
                Ok((Some(Arc::new(item)), touched))
            }
        }
    }
}
