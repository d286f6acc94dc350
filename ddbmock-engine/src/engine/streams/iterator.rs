//! Shard iterators: opaque to clients, self-contained here (no server-side state), shaped like
//! DynamoDB's (`{stream ARN}|1|{opaque}`).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

use ddbmock_core::error::{Result, msg::streams as m};

/// A position in a shard: the next record read is the first with a sequence number after `after`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Position {
    pub(crate) arn: String,
    pub(crate) shard_id: String,
    pub(crate) after: u128,
    /// When the iterator was handed out: it expires 15 minutes later.
    pub(crate) issued: SystemTime,
}

impl Position {
    /// The iterator string.
    pub(crate) fn encode(&self) -> String {
        let micros = self
            .issued
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_micros())
            .unwrap_or(0);
        let inner = format!("{}|{}|{micros}", self.shard_id, self.after);
        format!("{}|1|{}", self.arn, URL_SAFE_NO_PAD.encode(inner))
    }

    /// Parses an iterator string; anything this module did not make is invalid.
    pub(crate) fn decode(text: &str) -> Result<Position> {
        let mut parts = text.splitn(3, '|');
        let (Some(arn), Some("1"), Some(opaque)) = (parts.next(), parts.next(), parts.next())
        else {
            return Err(m::invalid_iterator());
        };
        let bytes = URL_SAFE_NO_PAD
            .decode(opaque)
            .map_err(|_| m::invalid_iterator())?;
        let inner = String::from_utf8(bytes).map_err(|_| m::invalid_iterator())?;
        let mut fields = inner.split('|');
        let (Some(shard_id), Some(after), Some(micros), None) =
            (fields.next(), fields.next(), fields.next(), fields.next())
        else {
            return Err(m::invalid_iterator());
        };
        let after = after.parse::<u128>().map_err(|_| m::invalid_iterator())?;
        let micros = micros.parse::<u64>().map_err(|_| m::invalid_iterator())?;
        if !arn.starts_with("arn:") || shard_id.is_empty() {
            return Err(m::invalid_iterator());
        }
        Ok(Position {
            arn: arn.to_owned(),
            shard_id: shard_id.to_owned(),
            after,
            issued: UNIX_EPOCH + Duration::from_micros(micros),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_rejects_garbage() {
        let p = Position {
            arn: "arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/2015-06-27T00:48:05.899"
                .into(),
            shard_id: "shardId-00000001435366085899-0000abcd".into(),
            after: 100_000_000_000_000_000_007,
            issued: UNIX_EPOCH + Duration::from_micros(1_435_366_085_899_123),
        };
        let text = p.encode();
        assert!(text.starts_with("arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/"));
        assert_eq!(Position::decode(&text).unwrap(), p);
        for bad in [
            "",
            "x",
            "arn:a|1|",
            "arn:a|2|YQ",
            "arn:a|1|!!",
            "arn:a|1|YXxifGM",
        ] {
            assert_eq!(
                Position::decode(bad).unwrap_err().message(),
                "Invalid ShardIterator",
                "{bad}"
            );
        }
    }
}
