//! Stream records: what DynamoDB writes to a stream for one item change, shaped by the view type.

use std::hash::{BuildHasher, RandomState};
use std::time::{SystemTime, UNIX_EPOCH};

use super::Origin;
use crate::engine::change::Change;
use crate::engine::keys::key_of;
use ddbmock_core::model::item_size;
use ddbmock_core::operation::{Identity, OperationType, Record, StreamRecord, StreamViewType};

/// The record of `change`, or `None` when nothing changed.
pub(crate) fn build(
    change: &Change,
    view: &StreamViewType,
    seq: u128,
    now: SystemTime,
    region: &str,
    origin: Origin,
) -> Option<Record> {
    let (old, new) = (change.old.as_deref(), change.new.as_deref());
    let event = match (old, new) {
        (None, Some(_)) => OperationType::Insert,
        (Some(_), Some(_)) => OperationType::Modify,
        (Some(_), None) => OperationType::Remove,
        (None, None) => return None,
    };
    let keys = key_of(&change.table.key, new.or(old)?);
    let (new_image, old_image) = match view {
        StreamViewType::KeysOnly => (None, None),
        StreamViewType::NewImage => (new.cloned(), None),
        StreamViewType::OldImage => (None, old.cloned()),
        _ => (new.cloned(), old.cloned()),
    };
    // DynamoDB does not document its formula; this counts the key and the images it carries, by
    // the item size formula, which is what the record's size is made of.
    let size = item_size(&keys)
        + new_image.as_ref().map_or(0, item_size)
        + old_image.as_ref().map_or(0, item_size);
    let seconds = now
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    Some(Record {
        event_id: Some(event_id(seq)),
        event_name: Some(event),
        event_version: Some("1.1".to_owned()),
        event_source: Some("aws:dynamodb".to_owned()),
        aws_region: Some(region.to_owned()),
        dynamodb: Some(StreamRecord {
            // DynamoDB rounds the creation time down to the second.
            approximate_creation_date_time: Some(seconds as f64),
            keys: Some(keys),
            new_image,
            old_image,
            sequence_number: Some(seq.to_string()),
            size_bytes: Some(i64::try_from(size).unwrap_or(i64::MAX)),
            stream_view_type: Some(view.clone()),
        }),
        user_identity: (origin == Origin::TimeToLive).then(|| Identity {
            principal_id: Some("dynamodb.amazonaws.com".to_owned()),
            r#type: Some("Service".to_owned()),
        }),
    })
}

/// 32 hex digits, unique per record, like DynamoDB's event ids.
fn event_id(seq: u128) -> String {
    let a = RandomState::new().hash_one(seq);
    let b = RandomState::new().hash_one(seq.wrapping_add(1));
    format!("{a:016x}{b:016x}")
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::engine::keys::{KeyAttr, KeySchema};
    use crate::engine::table::{Stats, Table};
    use ddbmock_core::model::{AttributeType, AttributeValue, Item};

    fn images(r: &Record) -> (Option<&Item>, Option<&Item>) {
        let d = r.dynamodb.as_ref();
        (
            d.and_then(|d| d.new_image.as_ref()),
            d.and_then(|d| d.old_image.as_ref()),
        )
    }

    fn change(old: Option<Item>, new: Option<Item>) -> Change {
        let table = Table {
            name: String::new(),
            arn: String::new(),
            description: Default::default(),
            key: KeySchema::simple(
                KeyAttr {
                    name: "pk".into(),
                    ty: AttributeType::S,
                },
                None,
            ),
            space: 1,
            indexes: vec![],
            stats: Arc::new(Stats::default()),
            tags: vec![],
            ttl: None,
            extras: Default::default(),
            transition: None,
            live: Default::default(),
            deleting: Vec::new(),
        };
        Change::new(
            Arc::new(table),
            vec![],
            old.map(Arc::new),
            new.map(Arc::new),
        )
    }

    fn item(v: &str) -> Item {
        [
            ("pk".to_owned(), AttributeValue::S("a".into())),
            ("v".to_owned(), AttributeValue::S(v.into())),
        ]
        .into()
    }

    #[test]
    fn view_types_choose_images() {
        let c = change(Some(item("1")), Some(item("2")));
        let at = UNIX_EPOCH;
        let r = |v| build(&c, &v, 1, at, "r", Origin::Request).unwrap();
        let both = r(StreamViewType::NewAndOldImages);
        assert_eq!(both.event_name, Some(OperationType::Modify));
        assert_eq!(images(&both), (Some(&item("2")), Some(&item("1"))));
        assert_eq!(
            images(&r(StreamViewType::NewImage)),
            (Some(&item("2")), None)
        );
        assert_eq!(
            images(&r(StreamViewType::OldImage)),
            (None, Some(&item("1")))
        );
        assert_eq!(images(&r(StreamViewType::KeysOnly)), (None, None));
        assert!(both.user_identity.is_none());
        assert_eq!(both.event_id.as_ref().map(String::len), Some(32));
    }

    #[test]
    fn event_names_and_identity() {
        let ins = change(None, Some(item("1")));
        let rem = change(Some(item("1")), None);
        let view = StreamViewType::NewAndOldImages;
        let r = build(&ins, &view, 1, UNIX_EPOCH, "r", Origin::Request).unwrap();
        assert_eq!(r.event_name, Some(OperationType::Insert));
        let r = build(&rem, &view, 2, UNIX_EPOCH, "r", Origin::TimeToLive).unwrap();
        assert_eq!(r.event_name, Some(OperationType::Remove));
        let id = r.user_identity.unwrap();
        assert_eq!(id.r#type.as_deref(), Some("Service"));
        assert_eq!(id.principal_id.as_deref(), Some("dynamodb.amazonaws.com"));
        assert!(
            build(
                &change(None, None),
                &view,
                3,
                UNIX_EPOCH,
                "r",
                Origin::Request
            )
            .is_none()
        );
    }
}
