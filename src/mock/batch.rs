//! Partial batches: holding back some requests of `BatchWriteItem` and `BatchGetItem` and returning
//! them as unprocessed, merged with whatever the wrapped implementation left unprocessed itself.

use std::collections::HashMap;

use super::Mock;
use crate::operation::{
    BatchGetItemInput, BatchGetItemOutput, BatchWriteItemInput, BatchWriteItemOutput,
    KeysAndAttributes, WriteRequest,
};
use crate::{DynamoDb, Result};

impl<D: DynamoDb> Mock<D> {
    /// Splits `requests` into those sent and those held back. Tables are visited in name order (a
    /// `HashMap`'s own order changes from run to run), so a seed always holds back the same requests.
    fn hold_back<T>(
        &self,
        requests: HashMap<String, Vec<T>>,
    ) -> (HashMap<String, Vec<T>>, HashMap<String, Vec<T>>) {
        let mut tables: Vec<_> = requests.into_iter().collect();
        tables.sort_by(|a, b| a.0.cmp(&b.0));
        let mut sent = HashMap::new();
        let mut held = HashMap::new();
        let mut state = self.state();
        for (table, list) in tables {
            let (mut s, mut h) = (Vec::new(), Vec::new());
            for request in list {
                if state.rng.chance(self.unprocessed) {
                    h.push(request);
                } else {
                    s.push(request);
                }
            }
            if !s.is_empty() {
                sent.insert(table.clone(), s);
            }
            if !h.is_empty() {
                held.insert(table, h);
            }
        }
        (sent, held)
    }

    pub(super) async fn split_batch_write(
        &self,
        mut input: BatchWriteItemInput,
    ) -> Result<BatchWriteItemOutput> {
        if self.unprocessed <= 0.0 {
            return self.inner.batch_write_item(input).await;
        }
        let (sent, held) = self.hold_back(input.request_items.take().unwrap_or_default());
        // DynamoDB refuses an empty batch, so when everything is held back nothing is sent.
        let mut output = if sent.is_empty() {
            BatchWriteItemOutput::default()
        } else {
            input.request_items = Some(sent);
            self.inner.batch_write_item(input).await?
        };
        let unprocessed = output.unprocessed_items.get_or_insert_with(HashMap::new);
        merge::<WriteRequest>(unprocessed, held);
        Ok(output)
    }

    pub(super) async fn split_batch_get(
        &self,
        mut input: BatchGetItemInput,
    ) -> Result<BatchGetItemOutput> {
        if self.unprocessed <= 0.0 {
            return self.inner.batch_get_item(input).await;
        }
        let mut settings = HashMap::new();
        let keys = input
            .request_items
            .take()
            .unwrap_or_default()
            .into_iter()
            .map(|(table, mut k)| {
                let keys = k.keys.take().unwrap_or_default();
                settings.insert(table.clone(), k);
                (table, keys)
            })
            .collect();
        let (sent, held) = self.hold_back(keys);
        let with_settings = |keys: HashMap<String, Vec<_>>| -> HashMap<String, KeysAndAttributes> {
            keys.into_iter()
                .map(|(table, keys)| {
                    let mut k = settings.get(&table).cloned().unwrap_or_default();
                    k.keys = Some(keys);
                    (table, k)
                })
                .collect()
        };
        let held = with_settings(held);
        let mut output = if sent.is_empty() {
            BatchGetItemOutput {
                responses: Some(HashMap::new()),
                ..Default::default()
            }
        } else {
            input.request_items = Some(with_settings(sent));
            self.inner.batch_get_item(input).await?
        };
        let unprocessed = output.unprocessed_keys.get_or_insert_with(HashMap::new);
        for (table, mut k) in held {
            match unprocessed.get_mut(&table) {
                Some(existing) => existing
                    .keys
                    .get_or_insert_with(Vec::new)
                    .extend(k.keys.take().unwrap_or_default()),
                None => {
                    unprocessed.insert(table, k);
                }
            }
        }
        Ok(output)
    }
}

fn merge<T>(into: &mut HashMap<String, Vec<T>>, from: HashMap<String, Vec<T>>) {
    for (table, list) in from {
        into.entry(table).or_default().extend(list);
    }
}
