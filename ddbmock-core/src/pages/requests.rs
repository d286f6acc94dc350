//! [`Paginated`] and [`SendPage`] for each paginated request of DynamoDB (Query, Scan, ListTables,
//! ListTagsOfResource) and of DynamoDB Streams (ListStreams, DescribeStream).

use std::future::Future;

use super::paginated::{Paginated, SendPage, follow};
use crate::api::{DynamoDb, DynamoDbStreams};
use crate::error::Result;
use crate::model::Item;
use crate::operation::{
    DescribeStreamInput, DescribeStreamOutput, ListStreamsInput, ListStreamsOutput,
    ListTablesInput, ListTablesOutput, ListTagsOfResourceInput, ListTagsOfResourceOutput,
    QueryInput, QueryOutput, ScanInput, ScanOutput, Shard, Stream, Tag,
};

impl<D: DynamoDb + ?Sized> SendPage<D> for QueryInput {
    fn send(self, db: &D) -> impl Future<Output = Result<QueryOutput>> + Send {
        db.query(self)
    }
}

impl Paginated for QueryInput {
    type Output = QueryOutput;
    type Entry = Item;

    fn next(self, output: &QueryOutput) -> Result<Option<Self>> {
        let start = self.exclusive_start_key.as_ref();
        let last = output.last_evaluated_key.as_ref();
        Ok(
            follow(start, last, "LastEvaluatedKey")?.map(|key| QueryInput {
                exclusive_start_key: Some(key),
                ..self
            }),
        )
    }

    fn entries(output: QueryOutput) -> Vec<Item> {
        output.items.unwrap_or_default()
    }
}

impl<D: DynamoDb + ?Sized> SendPage<D> for ScanInput {
    fn send(self, db: &D) -> impl Future<Output = Result<ScanOutput>> + Send {
        db.scan(self)
    }
}

impl Paginated for ScanInput {
    type Output = ScanOutput;
    type Entry = Item;

    fn next(self, output: &ScanOutput) -> Result<Option<Self>> {
        let start = self.exclusive_start_key.as_ref();
        let last = output.last_evaluated_key.as_ref();
        Ok(
            follow(start, last, "LastEvaluatedKey")?.map(|key| ScanInput {
                exclusive_start_key: Some(key),
                ..self
            }),
        )
    }

    fn entries(output: ScanOutput) -> Vec<Item> {
        output.items.unwrap_or_default()
    }
}

impl<D: DynamoDb + ?Sized> SendPage<D> for ListTablesInput {
    fn send(self, db: &D) -> impl Future<Output = Result<ListTablesOutput>> + Send {
        db.list_tables(self)
    }
}

impl Paginated for ListTablesInput {
    type Output = ListTablesOutput;
    type Entry = String;

    fn next(self, output: &ListTablesOutput) -> Result<Option<Self>> {
        let start = self.exclusive_start_table_name.as_ref();
        let last = output.last_evaluated_table_name.as_ref();
        Ok(
            follow(start, last, "LastEvaluatedTableName")?.map(|name| ListTablesInput {
                exclusive_start_table_name: Some(name),
                ..self
            }),
        )
    }

    fn entries(output: ListTablesOutput) -> Vec<String> {
        output.table_names.unwrap_or_default()
    }
}

impl<D: DynamoDb + ?Sized> SendPage<D> for ListTagsOfResourceInput {
    fn send(self, db: &D) -> impl Future<Output = Result<ListTagsOfResourceOutput>> + Send {
        db.list_tags_of_resource(self)
    }
}

impl Paginated for ListTagsOfResourceInput {
    type Output = ListTagsOfResourceOutput;
    type Entry = Tag;

    fn next(self, output: &ListTagsOfResourceOutput) -> Result<Option<Self>> {
        let start = self.next_token.as_ref();
        let last = output.next_token.as_ref();
        Ok(
            follow(start, last, "NextToken")?.map(|token| ListTagsOfResourceInput {
                next_token: Some(token),
                ..self
            }),
        )
    }

    fn entries(output: ListTagsOfResourceOutput) -> Vec<Tag> {
        output.tags.unwrap_or_default()
    }
}

impl<D: DynamoDbStreams + ?Sized> SendPage<D> for ListStreamsInput {
    fn send(self, db: &D) -> impl Future<Output = Result<ListStreamsOutput>> + Send {
        db.list_streams(self)
    }
}

impl Paginated for ListStreamsInput {
    type Output = ListStreamsOutput;
    type Entry = Stream;

    fn next(self, output: &ListStreamsOutput) -> Result<Option<Self>> {
        let start = self.exclusive_start_stream_arn.as_ref();
        let last = output.last_evaluated_stream_arn.as_ref();
        Ok(
            follow(start, last, "LastEvaluatedStreamArn")?.map(|arn| ListStreamsInput {
                exclusive_start_stream_arn: Some(arn),
                ..self
            }),
        )
    }

    fn entries(output: ListStreamsOutput) -> Vec<Stream> {
        output.streams.unwrap_or_default()
    }
}

impl<D: DynamoDbStreams + ?Sized> SendPage<D> for DescribeStreamInput {
    fn send(self, db: &D) -> impl Future<Output = Result<DescribeStreamOutput>> + Send {
        db.describe_stream(self)
    }
}

impl Paginated for DescribeStreamInput {
    type Output = DescribeStreamOutput;
    type Entry = Shard;

    fn next(self, output: &DescribeStreamOutput) -> Result<Option<Self>> {
        let start = self.exclusive_start_shard_id.as_ref();
        let description = output.stream_description.as_ref();
        let last = description.and_then(|d| d.last_evaluated_shard_id.as_ref());
        Ok(
            follow(start, last, "LastEvaluatedShardId")?.map(|id| DescribeStreamInput {
                exclusive_start_shard_id: Some(id),
                ..self
            }),
        )
    }

    fn entries(output: DescribeStreamOutput) -> Vec<Shard> {
        output
            .stream_description
            .and_then(|d| d.shards)
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::operation::StreamDescription;

    /// The message of the error for a page whose `member` repeats its request's start.
    fn repeats(member: &str) -> String {
        format!("pagination: {member} repeats the start of the request that returned it")
    }

    #[test]
    fn query_and_scan_follow_last_evaluated_key_and_refuse_a_repeat() {
        let key = crate::item! { "pk" => "u1" };
        let first = QueryInput::new("t", "pk = :pk");
        let output = QueryOutput {
            last_evaluated_key: Some(key.clone()),
            ..Default::default()
        };
        let second = first.next(&output).ok().flatten().unwrap_or_default();
        assert_eq!(second.exclusive_start_key, Some(key.clone()));
        assert_eq!(second.key_condition_expression.as_deref(), Some("pk = :pk"));
        let e = second.next(&output).unwrap_err();
        assert_eq!(e.type_name(), "InternalServerError");
        assert_eq!(e.message(), repeats("LastEvaluatedKey"));
        assert_eq!(ScanInput::new("t").next(&ScanOutput::default()), Ok(None));
        let scanned = ScanOutput {
            last_evaluated_key: Some(key.clone()),
            ..Default::default()
        };
        let second = ScanInput::new("t").next(&scanned).ok().flatten();
        let second = second.unwrap_or_default();
        assert_eq!(second.table_name.as_deref(), Some("t"));
        assert_eq!(
            second.next(&scanned).unwrap_err().message(),
            repeats("LastEvaluatedKey")
        );
    }

    #[test]
    fn the_lists_follow_their_own_member_and_refuse_a_repeat() {
        let names = ListTablesOutput {
            last_evaluated_table_name: Some("a".into()),
            ..Default::default()
        };
        let next = ListTablesInput::default().next(&names).ok().flatten();
        let next = next.unwrap_or_default();
        assert_eq!(next.exclusive_start_table_name.as_deref(), Some("a"));
        let e = next.next(&names).unwrap_err();
        assert_eq!(e.message(), repeats("LastEvaluatedTableName"));

        let tags = ListTagsOfResourceOutput {
            next_token: Some("2".into()),
            ..Default::default()
        };
        let input = ListTagsOfResourceInput {
            resource_arn: Some("arn".into()),
            next_token: None,
        };
        let next = input.next(&tags).ok().flatten().unwrap_or_default();
        assert_eq!(next.next_token.as_deref(), Some("2"));
        assert_eq!(next.resource_arn.as_deref(), Some("arn"));
        let e = next.next(&tags).unwrap_err();
        assert_eq!(e.message(), repeats("NextToken"));

        let streams = ListStreamsOutput {
            last_evaluated_stream_arn: Some("s".into()),
            ..Default::default()
        };
        let next = ListStreamsInput::default().next(&streams).ok().flatten();
        let next = next.unwrap_or_default();
        assert_eq!(next.exclusive_start_stream_arn.as_deref(), Some("s"));
        let e = next.next(&streams).unwrap_err();
        assert_eq!(e.message(), repeats("LastEvaluatedStreamArn"));

        let shards = DescribeStreamOutput {
            stream_description: Some(StreamDescription {
                last_evaluated_shard_id: Some("shardId-1".into()),
                ..Default::default()
            }),
        };
        let next = DescribeStreamInput::default().next(&shards).ok().flatten();
        let next = next.unwrap_or_default();
        assert_eq!(next.exclusive_start_shard_id.as_deref(), Some("shardId-1"));
        let e = next.next(&shards).unwrap_err();
        assert_eq!(e.message(), repeats("LastEvaluatedShardId"));
        let last = DescribeStreamOutput::default();
        assert_eq!(DescribeStreamInput::default().next(&last), Ok(None));
        assert!(DescribeStreamInput::entries(last).is_empty());
    }
}
