//! Running the several Queries of one SELECT over several partition keys (`IN`, `OR`), a page at
//! a time, and the `NextToken` that says where the next page starts.
//!
//! A page reads at most [`PARTITIONS_PER_PAGE`] partitions ("results are returned in pages of up
//! to 10 items; if the IN list contains more values, you must use the NextToken", the Developer
//! Guide's operator table), stops where a Query stops (its `Limit`, its 1 MB), and bills the sum
//! of its Queries.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as TOKEN;
use serde::{Deserialize, Serialize};

use crate::engine::Engine;
use ddbmock_core::Result;
use ddbmock_core::error::msg;
use ddbmock_core::model::Item;
use ddbmock_core::operation::{Capacity, ConsumedCapacity, QueryInput};

/// The most partitions one page reads.
pub(crate) const PARTITIONS_PER_PAGE: usize = 10;

/// Where a statement's next page starts.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct Resume {
    /// For several Queries: the one to go on with.
    pub(crate) part: Option<usize>,
    /// The key to go on after (a Query's or Scan's last evaluated key).
    pub(crate) key: Option<Item>,
}

/// The token of several Queries; a single read's token is its last evaluated key alone.
#[derive(Serialize, Deserialize)]
struct PartToken {
    part: usize,
    key: Option<Item>,
}

impl Resume {
    /// `NextToken`, opaque to the caller as DynamoDB's is.
    pub(crate) fn encode(&self) -> String {
        // Attribute values and plain numbers always serialize.
        let json = match self.part {
            None => serde_json::to_vec(&self.key),
            Some(part) => serde_json::to_vec(&PartToken {
                part,
                key: self.key.clone(),
            }),
        };
        TOKEN.encode(json.unwrap_or_default())
    }

    /// A `NextToken` back; anything ddbmock did not issue is DynamoDB's `Invalid NextToken`.
    pub(crate) fn decode(token: &str) -> Result<Resume> {
        let bytes = TOKEN
            .decode(token)
            .map_err(|_| msg::partiql::invalid_next_token())?;
        // An item's attributes are objects, so a numeric `part` tells the two kinds apart.
        let value: serde_json::Value =
            serde_json::from_slice(&bytes).map_err(|_| msg::partiql::invalid_next_token())?;
        if value.get("part").is_some_and(serde_json::Value::is_u64) {
            let t: PartToken =
                serde_json::from_value(value).map_err(|_| msg::partiql::invalid_next_token())?;
            return Ok(Resume {
                part: Some(t.part),
                key: t.key,
            });
        }
        let key: Item =
            serde_json::from_value(value).map_err(|_| msg::partiql::invalid_next_token())?;
        Ok(Resume {
            part: None,
            key: Some(key),
        })
    }
}

/// One page of several Queries: the items, where to go on from, and what they cost.
pub(crate) struct Page {
    pub(crate) items: Vec<Item>,
    pub(crate) next: Option<Resume>,
    pub(crate) last_evaluated_key: Option<Item>,
    pub(crate) consumed_capacity: Option<ConsumedCapacity>,
}

impl Engine {
    /// Runs `queries` from `resume` for one page; `limit` bounds the items evaluated, over all
    /// the page's Queries, as one Query's `Limit` does.
    pub(crate) fn run_queries(
        &self,
        queries: &[QueryInput],
        limit: Option<i32>,
        resume: Option<Resume>,
    ) -> Result<Page> {
        let (mut part, mut start) = match resume {
            None => (0, None),
            Some(Resume {
                part: Some(part),
                key,
            }) if part < queries.len() => (part, key),
            Some(_) => return Err(msg::partiql::invalid_next_token()),
        };
        let mut page = Page {
            items: Vec::new(),
            next: None,
            last_evaluated_key: None,
            consumed_capacity: None,
        };
        let mut remaining = limit;
        let mut read = 0;
        while part < queries.len() {
            if read == PARTITIONS_PER_PAGE || remaining == Some(0) {
                page.next = Some(Resume {
                    part: Some(part),
                    key: None,
                });
                break;
            }
            let mut q = queries[part].clone();
            q.limit = remaining;
            q.exclusive_start_key = start.take();
            let out = self.query_now(q)?;
            read += 1;
            add_capacity(&mut page.consumed_capacity, out.consumed_capacity);
            page.items.extend(out.items.unwrap_or_default());
            remaining = remaining.map(|r| r.saturating_sub(out.scanned_count.unwrap_or(0)));
            if let Some(last) = out.last_evaluated_key {
                page.last_evaluated_key = Some(last.clone());
                page.next = Some(Resume {
                    part: Some(part),
                    key: Some(last),
                });
                break;
            }
            part += 1;
        }
        Ok(page)
    }
}

/// Adds `more` into `total`: every unit count, the table's and each index's.
fn add_capacity(total: &mut Option<ConsumedCapacity>, more: Option<ConsumedCapacity>) {
    let Some(more) = more else { return };
    let Some(t) = total else {
        *total = Some(more);
        return;
    };
    add_units(&mut t.capacity_units, more.capacity_units);
    add_units(&mut t.read_capacity_units, more.read_capacity_units);
    add_units(&mut t.write_capacity_units, more.write_capacity_units);
    if let Some(c) = more.table {
        add_part(t.table.get_or_insert_with(Capacity::default), c);
    }
    for (mine, theirs) in [
        (&mut t.local_secondary_indexes, more.local_secondary_indexes),
        (
            &mut t.global_secondary_indexes,
            more.global_secondary_indexes,
        ),
    ] {
        for (name, c) in theirs.into_iter().flatten() {
            add_part(mine.get_or_insert_default().entry(name).or_default(), c);
        }
    }
}

fn add_part(total: &mut Capacity, more: Capacity) {
    add_units(&mut total.capacity_units, more.capacity_units);
    add_units(&mut total.read_capacity_units, more.read_capacity_units);
    add_units(&mut total.write_capacity_units, more.write_capacity_units);
}

fn add_units(total: &mut Option<f64>, more: Option<f64>) {
    if let Some(m) = more {
        *total = Some(total.unwrap_or(0.0) + m);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ddbmock_core::item;

    #[test]
    fn tokens_round_trip_and_refuse_what_was_not_issued() {
        for r in [
            Resume {
                part: None,
                key: Some(item! { "part" => 1 }),
            },
            Resume {
                part: Some(3),
                key: None,
            },
            Resume {
                part: Some(0),
                key: Some(item! { "pk" => "a", "sk" => 2 }),
            },
        ] {
            assert_eq!(Resume::decode(&r.encode()).unwrap(), r);
        }
        for bad in ["", "not a token", &TOKEN.encode(b"[1]")] {
            assert_eq!(
                Resume::decode(bad).unwrap_err().message(),
                "Invalid NextToken"
            );
        }
    }

    #[test]
    fn capacities_add_up_per_table_and_index() {
        let one = || ConsumedCapacity {
            table_name: Some("t".into()),
            capacity_units: Some(0.5),
            table: Some(Capacity {
                capacity_units: Some(0.5),
                ..Default::default()
            }),
            global_secondary_indexes: Some(
                [(
                    "g".to_owned(),
                    Capacity {
                        capacity_units: Some(1.0),
                        ..Default::default()
                    },
                )]
                .into(),
            ),
            ..Default::default()
        };
        let mut total = None;
        add_capacity(&mut total, Some(one()));
        add_capacity(&mut total, None);
        add_capacity(&mut total, Some(one()));
        let total = total.unwrap();
        assert_eq!(total.capacity_units, Some(1.0));
        assert_eq!(total.table.unwrap().capacity_units, Some(1.0));
        assert_eq!(
            total.global_secondary_indexes.unwrap()["g"].capacity_units,
            Some(2.0)
        );
    }
}
