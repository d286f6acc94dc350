//! The DynamoDB Streams API: ListStreams, DescribeStream, GetShardIterator, GetRecords.

use ddbmock_core::operation::{
    DescribeStreamInput, DescribeStreamOutput, GetRecordsInput, GetRecordsOutput,
    GetShardIteratorInput, GetShardIteratorOutput, KeyType, ListStreamsInput, ListStreamsOutput,
    OperationType, ShardFilterType, ShardIteratorType, StreamStatus, StreamViewType,
};

use crate::support::{round_trip, s};

const STREAM_ARN: &str =
    "arn:aws:dynamodb:us-west-2:111122223333:table/Forum/stream/2015-05-20T20:51:10.252";

#[test]
fn list_streams() {
    let input: ListStreamsInput = round_trip("{}");
    assert_eq!(input, ListStreamsInput::default());
    let filtered: ListStreamsInput =
        round_trip(r#"{"TableName": "Forum", "Limit": 2, "ExclusiveStartStreamArn": "arn:x"}"#);
    assert_eq!(filtered.limit, Some(2));
    // The API Reference's example elides its remaining output; the three streams it shows are kept.
    let output: ListStreamsOutput = round_trip(
        r#"{
            "Streams": [
                {
                    "StreamArn": "arn:aws:dynamodb:us-wesst-2:111122223333:table/Forum/stream/2015-05-20T20:51:10.252",
                    "TableName": "Forum",
                    "StreamLabel": "2015-05-20T20:51:10.252"
                },
                {
                    "StreamArn": "arn:aws:dynamodb:us-west-2:111122223333:table/Forum/stream/2015-05-20T20:50:02.714",
                    "TableName": "Forum",
                    "StreamLabel": "2015-05-20T20:50:02.714"
                },
                {
                    "StreamArn": "arn:aws:dynamodb:us-west-2:111122223333:table/Forum/stream/2015-05-19T23:03:50.641",
                    "TableName": "Forum",
                    "StreamLabel": "2015-05-19T23:03:50.641"
                }
            ],
            "LastEvaluatedStreamArn": "arn:aws:dynamodb:us-west-2:111122223333:table/Forum/stream/2015-05-19T23:03:50.641"
        }"#,
    );
    let streams = output.streams.expect("Streams");
    assert_eq!(
        streams[1].stream_label.as_deref(),
        Some("2015-05-20T20:50:02.714")
    );
    assert_eq!(streams[2].table_name.as_deref(), Some("Forum"));
}

#[test]
fn describe_stream() {
    let input: DescribeStreamInput = round_trip(&format!(r#"{{"StreamArn": "{STREAM_ARN}"}}"#));
    assert_eq!(input.stream_arn.as_deref(), Some(STREAM_ARN));
    // The API Reference's example shows CreationRequestDateTime as a date string and ends the shard list
    // with a stray comma; DynamoDB Streams sends epoch seconds, as here.
    let output: DescribeStreamOutput = round_trip(&format!(
        r#"{{
            "StreamDescription": {{
                "StreamArn": "{STREAM_ARN}",
                "StreamLabel": "2015-05-20T20:51:10.252",
                "StreamStatus": "ENABLED",
                "StreamViewType": "NEW_AND_OLD_IMAGES",
                "CreationRequestDateTime": 1.432155070252E9,
                "TableName": "Forum",
                "KeySchema": [
                    {{"AttributeName": "ForumName","KeyType": "HASH"}},
                    {{"AttributeName": "Subject","KeyType": "RANGE"}}
                ],
                "Shards": [
                    {{
                        "SequenceNumberRange": {{
                            "EndingSequenceNumber": "20500000000000000910398",
                            "StartingSequenceNumber": "20500000000000000910398"
                        }},
                        "ShardId": "shardId-00000001414562045508-2bac9cd2"
                    }},
                    {{
                        "ParentShardId": "shardId-00000001414562045508-2bac9cd2",
                        "SequenceNumberRange": {{
                            "EndingSequenceNumber": "820400000000000001192334",
                            "StartingSequenceNumber": "820400000000000001192334"
                        }},
                        "ShardId": "shardId-00000001414576573621-f55eea83"
                    }},
                    {{
                        "ParentShardId": "shardId-00000001414576573621-f55eea83",
                        "SequenceNumberRange": {{
                            "EndingSequenceNumber": "1683700000000000001135967",
                            "StartingSequenceNumber": "1683700000000000001135967"
                        }},
                        "ShardId": "shardId-00000001414592258131-674fd923"
                    }},
                    {{
                        "ParentShardId": "shardId-00000001414592258131-674fd923",
                        "SequenceNumberRange": {{"StartingSequenceNumber": "2574600000000000000935255"}},
                        "ShardId": "shardId-00000001414608446368-3a1afbaf"
                    }}
                ]
            }}
        }}"#
    ));
    let description = output.stream_description.expect("StreamDescription");
    assert_eq!(description.stream_status, Some(StreamStatus::Enabled));
    assert_eq!(
        description.stream_view_type,
        Some(StreamViewType::NewAndOldImages)
    );
    let keys = description.key_schema.expect("KeySchema");
    assert_eq!(keys[1].key_type, Some(KeyType::Range));
    let shards = description.shards.expect("Shards");
    assert_eq!(shards.len(), 4);
    assert_eq!(shards[0].parent_shard_id, None);
    let open = shards[3]
        .sequence_number_range
        .as_ref()
        .expect("SequenceNumberRange");
    assert_eq!(open.ending_sequence_number, None);
    assert_eq!(
        open.starting_sequence_number.as_deref(),
        Some("2574600000000000000935255")
    );
}

#[test]
fn describe_stream_with_a_shard_filter() {
    let input: DescribeStreamInput = round_trip(&format!(
        r#"{{"StreamArn": "{STREAM_ARN}", "Limit": 100, "ExclusiveStartShardId": "shardId-1",
             "ShardFilter": {{"Type": "CHILD_SHARDS", "ShardId": "shardId-0"}}}}"#
    ));
    let filter = input.shard_filter.expect("ShardFilter");
    assert_eq!(filter.r#type, Some(ShardFilterType::ChildShards));
}

#[test]
fn get_shard_iterator() {
    let input: GetShardIteratorInput = round_trip(&format!(
        r#"{{
            "StreamArn": "{STREAM_ARN}",
            "ShardId": "00000001414576573621-f55eea83",
            "ShardIteratorType": "TRIM_HORIZON"
        }}"#
    ));
    assert_eq!(
        input.shard_iterator_type,
        Some(ShardIteratorType::TrimHorizon)
    );
    let after: GetShardIteratorInput = round_trip(
        r#"{"StreamArn": "a", "ShardId": "s", "ShardIteratorType": "AFTER_SEQUENCE_NUMBER",
            "SequenceNumber": "300000000000000499659"}"#,
    );
    assert_eq!(
        after.sequence_number.as_deref(),
        Some("300000000000000499659")
    );
    let output: GetShardIteratorOutput = round_trip(
        r#"{"ShardIterator": "arn:aws:dynamodb:us-west-2:111122223333:table/Forum/stream/2015-05-20T20:51:10.252|1|AAAAAAAAAAEvJp6D+zaQ...  <remaining characters omitted> ..."}"#,
    );
    assert!(output.shard_iterator.is_some());
}

#[test]
fn get_records() {
    let input: GetRecordsInput = round_trip(
        r#"{"ShardIterator": "arn:aws:dynamodb:us-west-2:111122223333:table/Forum/stream/2015-05-20T20:51:10.252|1|AAAAAAAAAAEvJp6D+zaQ...  <remaining characters omitted> ..."}"#,
    );
    assert_eq!(input.limit, None);
    let output: GetRecordsOutput = round_trip(
        r#"{
            "NextShardIterator": "arn:aws:dynamodb:us-west-2:111122223333:table/Forum/stream/2015-05-20T20:51:10.252|1|AAAAAAAAAAGQBYshYDEe ... <remaining characters omitted> ...",
            "Records": [
                {
                    "awsRegion": "us-west-2",
                    "dynamodb": {
                        "ApproximateCreationDateTime": 1.46480431E9,
                        "Keys": {
                            "ForumName": {"S": "DynamoDB"},
                            "Subject": {"S": "DynamoDB Thread 3"}
                        },
                        "SequenceNumber": "300000000000000499659",
                        "SizeBytes": 41,
                        "StreamViewType": "KEYS_ONLY"
                    },
                    "eventID": "e2fd9c34eff2d779b297b26f5fef4206",
                    "eventName": "INSERT",
                    "eventSource": "aws:dynamodb",
                    "eventVersion": "1.0"
                },
                {
                    "awsRegion": "us-west-2",
                    "dynamodb": {
                        "ApproximateCreationDateTime": 1.46480527E9,
                        "Keys": {
                            "ForumName": {"S": "DynamoDB"},
                            "Subject": {"S": "DynamoDB Thread 1"}
                        },
                        "SequenceNumber": "400000000000000499660",
                        "SizeBytes": 41,
                        "StreamViewType": "KEYS_ONLY"
                    },
                    "eventID": "4b25bd0da9a181a155114127e4837252",
                    "eventName": "MODIFY",
                    "eventSource": "aws:dynamodb",
                    "eventVersion": "1.0"
                },
                {
                    "awsRegion": "us-west-2",
                    "dynamodb": {
                        "ApproximateCreationDateTime": 1.46480646E9,
                        "Keys": {
                            "ForumName": {"S": "DynamoDB"},
                            "Subject": {"S": "DynamoDB Thread 2"}
                        },
                        "SequenceNumber": "500000000000000499661",
                        "SizeBytes": 41,
                        "StreamViewType": "KEYS_ONLY"
                    },
                    "eventID": "740280c73a3df7842edab3548a1b08ad",
                    "eventName": "REMOVE",
                    "eventSource": "aws:dynamodb",
                    "eventVersion": "1.0"
                }
            ]
        }"#,
    );
    let records = output.records.expect("Records");
    assert_eq!(records.len(), 3);
    let first = &records[0];
    assert_eq!(
        first.event_id.as_deref(),
        Some("e2fd9c34eff2d779b297b26f5fef4206")
    );
    assert_eq!(first.event_name, Some(OperationType::Insert));
    assert_eq!(first.event_source.as_deref(), Some("aws:dynamodb"));
    assert_eq!(first.event_version.as_deref(), Some("1.0"));
    assert_eq!(first.aws_region.as_deref(), Some("us-west-2"));
    let change = first.dynamodb.as_ref().expect("dynamodb");
    assert_eq!(change.approximate_creation_date_time, Some(1_464_804_310.0));
    assert_eq!(change.size_bytes, Some(41));
    assert_eq!(change.stream_view_type, Some(StreamViewType::KeysOnly));
    assert_eq!(
        s(change.keys.as_ref().and_then(|keys| keys.get("Subject"))),
        "DynamoDB Thread 3"
    );
    assert_eq!(records[1].event_name, Some(OperationType::Modify));
    assert_eq!(records[2].event_name, Some(OperationType::Remove));
}

#[test]
fn a_ttl_removal_record_carries_its_images_and_user_identity() {
    let output: GetRecordsOutput = round_trip(
        r#"{"Records": [{
            "eventID": "1", "eventName": "REMOVE", "eventVersion": "1.1", "eventSource": "aws:dynamodb",
            "awsRegion": "us-east-1",
            "dynamodb": {"ApproximateCreationDateTime": 1700000000, "Keys": {"pk": {"S": "a"}},
                         "OldImage": {"pk": {"S": "a"}, "ttl": {"N": "1"}},
                         "NewImage": {"pk": {"S": "a"}},
                         "SequenceNumber": "1", "SizeBytes": 20, "StreamViewType": "NEW_AND_OLD_IMAGES"},
            "userIdentity": {"PrincipalId": "dynamodb.amazonaws.com", "Type": "Service"}
        }]}"#,
    );
    let records = output.records.expect("Records");
    let identity = records[0].user_identity.as_ref().expect("userIdentity");
    assert_eq!(
        identity.principal_id.as_deref(),
        Some("dynamodb.amazonaws.com")
    );
    assert_eq!(identity.r#type.as_deref(), Some("Service"));
    let change = records[0].dynamodb.as_ref().expect("dynamodb");
    assert!(change.old_image.is_some() && change.new_image.is_some());
}
