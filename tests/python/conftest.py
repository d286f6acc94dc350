"""boto3 against a running ddbmock server.

The server's endpoint comes from DDBMOCK_ENDPOINT (./test.sh starts a server and sets it). Every test
creates its own uniquely named tables, so the suite can also run against DynamoDB Local or DynamoDB.
"""

import os
import uuid

import boto3
import botocore.config
import pytest
from botocore.exceptions import ClientError

ENDPOINT = os.environ.get("DDBMOCK_ENDPOINT", "http://127.0.0.1:8000")


def _client():
    return boto3.client(
        "dynamodb",
        endpoint_url=ENDPOINT,
        region_name="us-east-1",
        aws_access_key_id="AKIDEXAMPLE",
        aws_secret_access_key="secret",
        # Error-path tests must see the first answer, not a retried one.
        config=botocore.config.Config(retries={"max_attempts": 1, "mode": "standard"}),
    )


@pytest.fixture(scope="session")
def ddb():
    """A low-level DynamoDB client on the server."""
    return _client()


@pytest.fixture(scope="session")
def resource():
    return boto3.resource(
        "dynamodb",
        endpoint_url=ENDPOINT,
        region_name="us-east-1",
        aws_access_key_id="AKIDEXAMPLE",
        aws_secret_access_key="secret",
    )


def unique(prefix="t"):
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


@pytest.fixture
def table(ddb):
    """A fresh table with hash key `pk` (S) and range key `sk` (S), deleted afterwards."""
    name = unique()
    ddb.create_table(
        TableName=name,
        KeySchema=[
            {"AttributeName": "pk", "KeyType": "HASH"},
            {"AttributeName": "sk", "KeyType": "RANGE"},
        ],
        AttributeDefinitions=[
            {"AttributeName": "pk", "AttributeType": "S"},
            {"AttributeName": "sk", "AttributeType": "S"},
        ],
        BillingMode="PAY_PER_REQUEST",
    )
    ddb.get_waiter("table_exists").wait(TableName=name, WaiterConfig={"Delay": 0.05})
    yield name
    try:
        ddb.delete_table(TableName=name)
    except ClientError:
        pass


def error_of(excinfo):
    """(code, message) of a ClientError, as boto3 reports them."""
    err = excinfo.value.response["Error"]
    return err["Code"], err["Message"]


def served(ddb, call):
    """Runs `call`; skips the test when the server does not serve that operation yet."""
    try:
        return call()
    except ClientError as e:
        if e.response["Error"]["Code"] == "UnknownOperationException":
            pytest.skip(e.response["Error"]["Message"] or "operation not served")
        raise
