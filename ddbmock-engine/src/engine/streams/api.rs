//! The DynamoDB Streams operations: ListStreams, DescribeStream, GetShardIterator, GetRecords.

use std::time::UNIX_EPOCH;

use async_trait::async_trait;

use super::iterator::Position;
use super::{ITERATOR_LIFETIME, ShardLog, State, StreamLog, time};
use crate::engine::Engine;
use ddbmock_core::api::DynamoDbStreams;
use ddbmock_core::error::Result;
use ddbmock_core::error::msg::streams as m;
use ddbmock_core::error::msg::table::ConstraintErrors;
use ddbmock_core::operation::*;

/// The most streams or shards one ListStreams or DescribeStream returns.
use ddbmock_core::limits::MAX_STREAM_PAGE as MAX_PAGE;
/// The most records one GetRecords returns.
use ddbmock_core::limits::MAX_STREAM_RECORDS as MAX_RECORDS;
/// The most data one GetRecords returns: 1 MB.
use ddbmock_core::limits::MAX_STREAM_RECORDS_BYTES as MAX_BYTES;

/// Checks a string member's length bounds, as the Streams API's shape validator does.
fn length(errors: &mut ConstraintErrors, member: &str, v: Option<&str>, min: usize, max: usize) {
    if let Some(v) = v {
        errors.length(member, v, v.len(), min, max);
    }
}

fn required<T>(errors: &mut ConstraintErrors, member: &str, v: Option<T>) {
    if v.is_none() {
        errors.null(member);
    }
}

fn shard_description(s: &ShardLog) -> Shard {
    Shard {
        shard_id: Some(s.id.clone()),
        sequence_number_range: Some(SequenceNumberRange {
            starting_sequence_number: Some(s.start_seq.to_string()),
            ending_sequence_number: s.closed.map(|(_, end)| end.to_string()),
        }),
        parent_shard_id: s.parent.clone(),
    }
}

fn epoch_seconds(t: std::time::SystemTime) -> f64 {
    t.duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs_f64())
        .unwrap_or(0.0)
}

fn find<'a>(st: &'a State, arn: &str, shard_id: &str) -> Result<(&'a StreamLog, &'a ShardLog)> {
    let log = st.log(arn).ok_or_else(|| m::stream_not_found(arn))?;
    let shard = log
        .shards
        .iter()
        .find(|s| s.id == shard_id)
        .ok_or_else(m::shard_not_found)?;
    Ok((log, shard))
}

impl Engine {
    fn list_streams_now(&self, input: ListStreamsInput) -> Result<ListStreamsOutput> {
        let mut errors = ConstraintErrors::new();
        if input.table_name.is_some() {
            errors.name("tableName", input.table_name.as_deref());
        }
        errors.at_least("limit", input.limit.map(i64::from), 1);
        let start = input.exclusive_start_stream_arn.as_deref();
        length(&mut errors, "exclusiveStartStreamArn", start, 37, 1024);
        errors.into_result()?;
        let limit = input
            .limit
            .and_then(|l| usize::try_from(l).ok())
            .unwrap_or(MAX_PAGE)
            .min(MAX_PAGE);
        let mut st = self.inner.streams.state.lock();
        st.maintain(self.inner.clock.now());
        let mut matching = st
            .logs()
            .filter(|l| {
                input
                    .table_name
                    .as_deref()
                    .is_none_or(|t| l.table_name == t)
            })
            .filter(|l| start.is_none_or(|s| l.arn.as_str() > s));
        let streams: Vec<Stream> = matching
            .by_ref()
            .take(limit)
            .map(|l| Stream {
                stream_arn: Some(l.arn.clone()),
                table_name: Some(l.table_name.clone()),
                stream_label: Some(l.label.clone()),
            })
            .collect();
        let more = matching.next().is_some();
        Ok(ListStreamsOutput {
            last_evaluated_stream_arn: if more {
                streams.last().and_then(|s| s.stream_arn.clone())
            } else {
                None
            },
            streams: Some(streams),
        })
    }

    fn describe_stream_now(&self, input: DescribeStreamInput) -> Result<DescribeStreamOutput> {
        let mut errors = ConstraintErrors::new();
        let arn = input.stream_arn.as_deref();
        required(&mut errors, "streamArn", arn);
        length(&mut errors, "streamArn", arn, 37, 1024);
        errors.at_least("limit", input.limit.map(i64::from), 1);
        let start = input.exclusive_start_shard_id.as_deref();
        length(&mut errors, "exclusiveStartShardId", start, 28, 65);
        if let Some(f) = &input.shard_filter {
            errors.enum_value(
                "shardFilter.type",
                f.r#type.as_ref().map(|t| t.as_str()),
                ShardFilterType::VALUES,
            );
            length(
                &mut errors,
                "shardFilter.shardId",
                f.shard_id.as_deref(),
                28,
                65,
            );
        }
        errors.into_result()?;
        let arn = arn.unwrap_or_default();
        let limit = input
            .limit
            .and_then(|l| usize::try_from(l).ok())
            .unwrap_or(MAX_PAGE)
            .min(MAX_PAGE);
        let mut st = self.inner.streams.state.lock();
        st.maintain(self.inner.clock.now());
        let log = st.log(arn).ok_or_else(|| m::stream_not_found(arn))?;
        let parent = input
            .shard_filter
            .as_ref()
            .filter(|f| f.r#type == Some(ShardFilterType::ChildShards))
            .and_then(|f| f.shard_id.as_deref());
        let skip = start
            .and_then(|s| log.shards.iter().position(|x| x.id == s))
            .map_or(0, |i| i + 1);
        let mut matching = log
            .shards
            .iter()
            .skip(skip)
            .filter(|s| parent.is_none_or(|p| s.parent.as_deref() == Some(p)));
        let shards: Vec<Shard> = matching
            .by_ref()
            .take(limit)
            .map(shard_description)
            .collect();
        let more = matching.next().is_some();
        Ok(DescribeStreamOutput {
            stream_description: Some(StreamDescription {
                stream_arn: Some(log.arn.clone()),
                stream_label: Some(log.label.clone()),
                stream_status: Some(if log.disabled_at.is_some() {
                    StreamStatus::Disabled
                } else {
                    StreamStatus::Enabled
                }),
                stream_view_type: Some(log.view_type.clone()),
                creation_request_date_time: Some(epoch_seconds(log.created)),
                table_name: Some(log.table_name.clone()),
                key_schema: Some(log.key_schema.clone()),
                last_evaluated_shard_id: if more {
                    shards.last().and_then(|s| s.shard_id.clone())
                } else {
                    None
                },
                shards: Some(shards),
            }),
        })
    }

    fn get_shard_iterator_now(
        &self,
        input: GetShardIteratorInput,
    ) -> Result<GetShardIteratorOutput> {
        let mut errors = ConstraintErrors::new();
        let arn = input.stream_arn.as_deref();
        required(&mut errors, "streamArn", arn);
        length(&mut errors, "streamArn", arn, 37, 1024);
        let shard_id = input.shard_id.as_deref();
        required(&mut errors, "shardId", shard_id);
        length(&mut errors, "shardId", shard_id, 28, 65);
        required(
            &mut errors,
            "shardIteratorType",
            input.shard_iterator_type.as_ref(),
        );
        errors.enum_value(
            "shardIteratorType",
            input.shard_iterator_type.as_ref().map(|t| t.as_str()),
            ShardIteratorType::VALUES,
        );
        let seq_text = input.sequence_number.as_deref();
        length(&mut errors, "sequenceNumber", seq_text, 21, 40);
        errors.into_result()?;
        let (arn, shard_id) = (arn.unwrap_or_default(), shard_id.unwrap_or_default());
        let kind = input
            .shard_iterator_type
            .unwrap_or(ShardIteratorType::TrimHorizon);
        let now = self.inner.clock.now();
        let mut st = self.inner.streams.state.lock();
        st.maintain(now);
        let last_seq = st.last_seq();
        let (_, shard) = find(&st, arn, shard_id)?;
        let after = match &kind {
            ShardIteratorType::TrimHorizon => shard.trimmed_through,
            ShardIteratorType::Latest => shard.closed.map_or(last_seq, |(_, end)| end),
            ShardIteratorType::AtSequenceNumber | ShardIteratorType::AfterSequenceNumber => {
                let text = seq_text.ok_or_else(|| m::sequence_number_required(kind.as_str()))?;
                let seq = text
                    .parse::<u128>()
                    .ok()
                    .filter(|s| {
                        *s >= shard.start_seq && shard.closed.is_none_or(|(_, end)| *s <= end)
                    })
                    .ok_or_else(|| m::invalid_sequence_number(text))?;
                if seq <= shard.trimmed_through {
                    return Err(m::trimmed());
                }
                if kind == ShardIteratorType::AtSequenceNumber {
                    seq - 1
                } else {
                    seq
                }
            }
            _ => shard.trimmed_through,
        };
        let position = Position {
            arn: arn.to_owned(),
            shard_id: shard_id.to_owned(),
            after,
            issued: now,
        };
        Ok(GetShardIteratorOutput {
            shard_iterator: Some(position.encode()),
        })
    }

    fn get_records_now(&self, input: GetRecordsInput) -> Result<GetRecordsOutput> {
        let mut errors = ConstraintErrors::new();
        let text = input.shard_iterator.as_deref();
        required(&mut errors, "shardIterator", text);
        length(&mut errors, "shardIterator", text, 1, 2048);
        let limit = input.limit.map(i64::from);
        errors.at_least("limit", limit, 1);
        errors.at_most("limit", limit, MAX_RECORDS);
        errors.into_result()?;
        let position = Position::decode(text.unwrap_or_default())?;
        let now = self.inner.clock.now();
        if position.issued + ITERATOR_LIFETIME < now {
            return Err(m::expired_iterator(
                &time::java_date(position.issued),
                &time::java_date(now),
            ));
        }
        let mut st = self.inner.streams.state.lock();
        st.maintain(now);
        let (_, shard) = find(&st, &position.arn, &position.shard_id)?;
        if position.after < shard.trimmed_through {
            return Err(m::trimmed());
        }
        let limit = usize::try_from(limit.unwrap_or(MAX_RECORDS)).unwrap_or(1000);
        let mut records = Vec::new();
        let mut bytes = 0;
        let mut after = position.after;
        for stored in shard.records.range(shard.first_after(position.after)..) {
            let size = stored
                .record
                .dynamodb
                .as_ref()
                .and_then(|d| d.size_bytes)
                .unwrap_or(0);
            if records.len() == limit || (!records.is_empty() && bytes + size > MAX_BYTES) {
                break;
            }
            bytes += size;
            after = stored.seq;
            records.push((*stored.record).clone());
        }
        // A closed shard read to its end has no next iterator: the reader moves to the child shard.
        let exhausted = shard.closed.is_some() && shard.first_after(after) == shard.records.len();
        let next = (!exhausted).then(|| {
            Position {
                after,
                issued: now,
                ..position
            }
            .encode()
        });
        Ok(GetRecordsOutput {
            records: Some(records),
            next_shard_iterator: next,
        })
    }
}

ddbmock_core::streams_operations!(
    ddbmock_core::impl_operations,
    [] DynamoDbStreams for Engine => crate::engine::engine_call
);
