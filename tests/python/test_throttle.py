"""`mock_dynamodb(throttle=True)`: provisioned throughput enforced as `ddbmock --throttle` does
(DynamoDB's 300-second burst allowance, refilled at the provisioned rate on the engine's clock),
seen by boto3 as ProvisionedThroughputExceededException when its retries are off."""

import boto3
import botocore.config
import pytest
from botocore.exceptions import ClientError

import ddbmock

START = 1_800_000_000
# The engine's text (DynamoDB's API Reference gives the exception, not its message: unconfirmed).
EXCEEDED = (
    "The level of configured provisioned throughput for the table was exceeded. "
    "Consider increasing your provisioning level with the UpdateTable API."
)


def client(endpoint=None):
    return boto3.client(
        "dynamodb",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="AKIDEXAMPLE",
        aws_secret_access_key="secret",
        # One attempt, no retry (boto3's `max_attempts` counts retries; `total_max_attempts`
        # counts the first attempt too): boto3 would otherwise retry the throttled request.
        config=botocore.config.Config(retries={"total_max_attempts": 1, "mode": "standard"}),
    )


def provisioned_table(ddb, wcu=1):
    ddb.create_table(
        TableName="burst",
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
        ProvisionedThroughput={"ReadCapacityUnits": 1, "WriteCapacityUnits": wcu},
    )


def put_100_units(ddb, n):
    """PutItem of a 100 KB item (attribute names and values: 102,400 bytes), 100 write units."""
    blob = "x" * (100 * 1024 - len("pk") - len(str(n)) - len("blob"))
    return ddb.put_item(
        TableName="burst",
        Item={"pk": {"S": str(n)}, "blob": {"S": blob}},
        ReturnConsumedCapacity="TOTAL",
    )


def burst(ddb, writes):
    """Sends `writes` 100-unit puts; the error codes, None for each that succeeded."""
    codes = []
    for n in range(writes):
        try:
            assert put_100_units(ddb, n)["ConsumedCapacity"]["CapacityUnits"] == 100.0
            codes.append(None)
        except ClientError as e:
            codes.append(e.response["Error"]["Code"])
            assert e.response["Error"]["Message"] == EXCEEDED
    return codes


def test_a_burst_over_capacity_is_throttled_until_the_clock_refills_it():
    clock = ddbmock.Clock(START)
    with ddbmock.mock_dynamodb(throttle=True, clock=clock) as mock:
        ddb = client()
        provisioned_table(ddb)
        # 1 WCU holds 300 units of burst: three 100-unit writes take it all, the fourth is refused.
        assert burst(ddb, 5) == [None, None, None] + ["ProvisionedThroughputExceededException"] * 2
        with pytest.raises(ddb.exceptions.ProvisionedThroughputExceededException):
            put_100_units(ddb, 9)
        # A refused write changed nothing.
        assert ddb.scan(TableName="burst", Select="COUNT")["Count"] == 3
        usage = mock.capacity_report()["Tables"]["burst"]["Usage"]
        assert (usage["TotalWriteUnits"], usage["ThrottledRequests"]) == (300.0, 3)
        # 100 seconds at 1 WCU refill 100 units: one more write.
        clock.advance(100)
        assert burst(ddb, 2) == [None, "ProvisionedThroughputExceededException"]


def test_without_throttle_the_same_burst_passes():
    clock = ddbmock.Clock(START)
    with ddbmock.mock_dynamodb(clock=clock) as mock:
        ddb = client()
        provisioned_table(ddb)
        assert burst(ddb, 5) == [None] * 5
        assert mock.capacity_report()["Tables"]["burst"]["Usage"]["ThrottledRequests"] == 0


def test_the_server_throttles_too():
    with ddbmock.server(throttle=True, clock=ddbmock.Clock(START)) as server:
        ddb = client(server.endpoint)
        provisioned_table(ddb)
        assert burst(ddb, 4) == [None, None, None, "ProvisionedThroughputExceededException"]


def test_throttle_must_be_a_bool():
    with pytest.raises(TypeError) as e:
        ddbmock.mock_dynamodb(throttle="yes")
    assert str(e.value) == "throttle must be True or False, not str"
