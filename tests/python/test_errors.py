"""Errors as boto3 reports them: exception code and message text, exactly."""

import pytest
from botocore.exceptions import ClientError

from conftest import error_of


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


def test_unsigned_requests_are_refused(door):
    status, body = door.post("DynamoDB_20120810.ListTables", "{}")
    assert status == 400
    assert body == {
        "__type": "com.amazon.coral.service#MissingAuthenticationTokenException",
        "message": "Request is missing Authentication Token",
    }


def test_unknown_operation(door):
    status, body = door.post("DynamoDB_20120810.Nope", "{}")
    assert (status, body) == (400, {"__type": "com.amazon.coral.service#UnknownOperationException"})


def test_serialization_exception_via_botocore(door):
    # botocore validates types client-side; switch that off to send DynamoDB a wrong type.
    raw = door.client(parameter_validation=False)
    with pytest.raises(ClientError) as e:
        raw.list_tables(Limit="5")
    assert error_of(e) == ("SerializationException", "STRING_VALUE cannot be converted to Integer")
