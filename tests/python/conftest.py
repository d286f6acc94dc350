"""boto3 against ddbmock through two doors, every test through each: in-process (the `ddbmock`
Python package's `mock_dynamodb()`, a fresh engine per test) and a running ddbmock server.

The server's endpoint comes from DDBMOCK_ENDPOINT (./test.sh starts a server and sets it). Every test
creates its own uniquely named tables, so the suite can also run against DynamoDB Local or DynamoDB.
"""

import json
import os
import urllib.error
import urllib.request
import uuid

import boto3
import botocore.config
import pytest
from botocore.exceptions import ClientError

import ddbmock

ENDPOINT = os.environ.get("DDBMOCK_ENDPOINT", "http://127.0.0.1:8000")


class Door:
    """How a test reaches ddbmock: `endpoint` None for in-process, where `mock` is the active mock."""

    def __init__(self, name, endpoint=None, mock=None):
        self.name = name
        self.endpoint = endpoint
        self.mock = mock

    def client(self, service="dynamodb", **config):
        # Error-path tests must see the first answer, not a retried one.
        config.setdefault("retries", {"total_max_attempts": 1, "mode": "standard"})
        return boto3.client(
            service,
            endpoint_url=self.endpoint,
            region_name="us-east-1",
            aws_access_key_id="AKIDEXAMPLE",
            aws_secret_access_key="secret",
            config=botocore.config.Config(**config),
        )

    def resource(self):
        return boto3.resource(
            "dynamodb",
            endpoint_url=self.endpoint,
            region_name="us-east-1",
            aws_access_key_id="AKIDEXAMPLE",
            aws_secret_access_key="secret",
        )

    def post(self, target, body, headers=None):
        """A raw POST (no SDK): (status, parsed JSON body)."""
        headers = {
            "Content-Type": "application/x-amz-json-1.0",
            "X-Amz-Target": target,
            **(headers or {}),
        }
        if self.mock is not None:
            sent = [(name, value.encode()) for name, value in headers.items()]
            status, _, answer = self.mock._engine.handle("POST", "/", sent, body.encode())
            return status, json.loads(answer)
        request = urllib.request.Request(self.endpoint, data=body.encode(), method="POST", headers=headers)
        try:
            with urllib.request.urlopen(request) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as e:
            return e.code, json.loads(e.read())


@pytest.fixture(params=["in-process", "server"])
def door(request):
    """Each test that uses it runs twice: in-process on a fresh engine, and against the server."""
    if request.param == "in-process":
        with ddbmock.mock_dynamodb() as mock:
            yield Door("in-process", mock=mock)
    else:
        yield Door("server", endpoint=ENDPOINT)


@pytest.fixture
def ddb(door):
    """A low-level DynamoDB client through the test's door."""
    return door.client()


@pytest.fixture
def resource(door):
    return door.resource()


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
