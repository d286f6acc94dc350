"""TTL and streams on a manual clock (`ddbmock.Clock`): items expire when the test moves time,
and the deletion reaches the stream as DynamoDB's service record. Both the in-process door and a
`ddbmock.server()` on the same kind of engine read the clock."""

import boto3
import botocore.config
import pytest

import ddbmock
from conftest import unique

START = 1_800_000_000


@pytest.fixture(params=["in-process", "server"])
def clocked(request):
    """(client factory, clock): an engine on a manual clock, reached through either door."""
    clock = ddbmock.Clock(START)

    def factory(endpoint):
        def client(service="dynamodb"):
            return boto3.client(
                service,
                endpoint_url=endpoint,
                region_name="us-east-1",
                aws_access_key_id="AKIDEXAMPLE",
                aws_secret_access_key="secret",
                config=botocore.config.Config(retries={"total_max_attempts": 1}),
            )

        return client

    if request.param == "in-process":
        with ddbmock.mock_dynamodb(clock=clock):
            yield factory(None), clock
    else:
        with ddbmock.server(clock=clock) as server:
            yield factory(server.endpoint), clock


def _records(streams, arn):
    shard = streams.describe_stream(StreamArn=arn)["StreamDescription"]["Shards"][0]["ShardId"]
    iterator = streams.get_shard_iterator(StreamArn=arn, ShardId=shard, ShardIteratorType="TRIM_HORIZON")
    return streams.get_records(ShardIterator=iterator["ShardIterator"])["Records"]


def test_items_expire_when_the_clock_passes_their_time(clocked):
    client, clock = clocked
    ddb = client()
    name = unique("ttl")
    arn = ddb.create_table(
        TableName=name,
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
        StreamSpecification={"StreamEnabled": True, "StreamViewType": "OLD_IMAGE"},
    )["TableDescription"]["LatestStreamArn"]
    ddb.update_time_to_live(TableName=name, TimeToLiveSpecification={"Enabled": True, "AttributeName": "expires"})
    ddb.put_item(TableName=name, Item={"pk": {"S": "soon"}, "expires": {"N": str(START + 60)}})
    ddb.put_item(TableName=name, Item={"pk": {"S": "later"}, "expires": {"N": str(START + 3600)}})
    key = {"pk": {"S": "soon"}}

    clock.advance(30)
    assert "Item" in ddb.get_item(TableName=name, Key=key)
    clock.advance(31)
    assert "Item" not in ddb.get_item(TableName=name, Key=key)
    assert "Item" in ddb.get_item(TableName=name, Key={"pk": {"S": "later"}})
    assert clock.now() == START + 61

    removed = [r for r in _records(client("dynamodbstreams"), arn) if r["eventName"] == "REMOVE"]
    assert len(removed) == 1
    assert removed[0]["userIdentity"] == {"Type": "Service", "PrincipalId": "dynamodb.amazonaws.com"}
    assert removed[0]["dynamodb"]["OldImage"]["pk"] == {"S": "soon"}


def test_stream_records_carry_the_clocks_time(clocked):
    client, clock = clocked
    ddb = client()
    name = unique("clock")
    arn = ddb.create_table(
        TableName=name,
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
        StreamSpecification={"StreamEnabled": True, "StreamViewType": "KEYS_ONLY"},
    )["TableDescription"]["LatestStreamArn"]
    ddb.put_item(TableName=name, Item={"pk": {"S": "a"}})
    clock.advance(7200)
    ddb.put_item(TableName=name, Item={"pk": {"S": "b"}})
    times = [r["dynamodb"]["ApproximateCreationDateTime"].timestamp() for r in _records(client("dynamodbstreams"), arn)]
    assert times == [START, START + 7200]
