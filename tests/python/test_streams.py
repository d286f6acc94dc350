"""DynamoDB Streams through boto3's `dynamodbstreams` client: the standard consumer loop."""

from conftest import unique


def test_consume_a_stream_with_the_standard_loop(door, ddb):
    name = unique("stream")
    created = ddb.create_table(
        TableName=name,
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
        StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"},
    )
    arn = created["TableDescription"]["LatestStreamArn"]
    ddb.put_item(TableName=name, Item={"pk": {"S": "a"}, "v": {"N": "1"}})
    ddb.put_item(TableName=name, Item={"pk": {"S": "a"}, "v": {"N": "2"}})
    ddb.delete_item(TableName=name, Key={"pk": {"S": "a"}})

    streams = door.client("dynamodbstreams")
    listed = streams.list_streams(TableName=name)["Streams"]
    assert [s["StreamArn"] for s in listed] == [arn]

    events = []
    description = streams.describe_stream(StreamArn=arn)["StreamDescription"]
    assert description["StreamStatus"] == "ENABLED"
    assert description["StreamViewType"] == "NEW_AND_OLD_IMAGES"
    for shard in description["Shards"]:
        iterator = streams.get_shard_iterator(
            StreamArn=arn, ShardId=shard["ShardId"], ShardIteratorType="TRIM_HORIZON"
        )["ShardIterator"]
        while iterator:
            page = streams.get_records(ShardIterator=iterator, Limit=100)
            events.extend(page["Records"])
            if not page["Records"]:
                break
            iterator = page.get("NextShardIterator")

    assert [e["eventName"] for e in events] == ["INSERT", "MODIFY", "REMOVE"]
    assert events[0]["eventSource"] == "aws:dynamodb"
    assert events[0]["dynamodb"]["Keys"] == {"pk": {"S": "a"}}
    assert events[1]["dynamodb"]["OldImage"]["v"] == {"N": "1"}
    assert events[1]["dynamodb"]["NewImage"]["v"] == {"N": "2"}
    assert "NewImage" not in events[2]["dynamodb"]
    sequence = [int(e["dynamodb"]["SequenceNumber"]) for e in events]
    assert sequence == sorted(sequence)
    ddb.delete_table(TableName=name)
