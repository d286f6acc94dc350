"""Errors as boto3 reports them: exception code and message text, exactly."""

import json
import urllib.request

import pytest
from botocore.exceptions import ClientError

from conftest import ENDPOINT, error_of


def test_missing_table(ddb):
    with pytest.raises(ddb.exceptions.ResourceNotFoundException) as e:
        ddb.get_item(TableName="no-such-table", Key={"pk": {"S": "x"}})
    assert error_of(e) == ("ResourceNotFoundException", "Requested resource not found")


def test_key_schema_mismatch(ddb, table):
    with pytest.raises(ClientError) as e:
        ddb.get_item(TableName=table, Key={"pk": {"S": "x"}})
    assert error_of(e) == ("ValidationException", "The provided key element does not match the schema")


def test_empty_string_set(ddb, table):
    with pytest.raises(ClientError) as e:
        ddb.put_item(TableName=table, Item={"pk": {"S": "a"}, "sk": {"S": "b"}, "s": {"SS": []}})
    assert error_of(e) == (
        "ValidationException",
        "One or more parameter values were invalid: An string set  may not be empty",
    )


def test_table_name_too_short(ddb):
    with pytest.raises(ClientError) as e:
        ddb.describe_table(TableName="ab")
    code, message = error_of(e)
    assert code == "ValidationException"
    assert "Member must have length greater than or equal to 3" in message


def _post(target, body, headers=None):
    request = urllib.request.Request(
        ENDPOINT,
        data=body.encode(),
        method="POST",
        headers={
            "Content-Type": "application/x-amz-json-1.0",
            "X-Amz-Target": target,
            **(headers or {}),
        },
    )
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


def test_unsigned_requests_are_refused():
    status, body = _post("DynamoDB_20120810.ListTables", "{}")
    assert status == 400
    assert body == {
        "__type": "com.amazon.coral.service#MissingAuthenticationTokenException",
        "message": "Request is missing Authentication Token",
    }


def test_unknown_operation():
    status, body = _post("DynamoDB_20120810.Nope", "{}")
    assert (status, body) == (400, {"__type": "com.amazon.coral.service#UnknownOperationException"})


def test_serialization_exception_via_botocore(ddb):
    # botocore validates types client-side; switch that off to send DynamoDB a wrong type.
    import boto3
    import botocore.config

    raw = boto3.client(
        "dynamodb",
        endpoint_url=ENDPOINT,
        region_name="us-east-1",
        aws_access_key_id="AKIDEXAMPLE",
        aws_secret_access_key="secret",
        config=botocore.config.Config(parameter_validation=False, retries={"max_attempts": 1}),
    )
    with pytest.raises(ClientError) as e:
        raw.list_tables(Limit="5")
    assert error_of(e) == ("SerializationException", "STRING_VALUE cannot be converted to Integer")
