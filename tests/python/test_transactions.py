"""Transactions through boto3: all-or-nothing writes, the cancellation reasons boto3 exposes, and
TransactGetItems."""

import pytest
from botocore.exceptions import ClientError

from conftest import error_of


def _put(table, sk, **extra):
    return {"Put": {"TableName": table, "Item": {"pk": {"S": "tx"}, "sk": {"S": sk}}, **extra}}


def test_a_cancelled_transaction_writes_nothing(ddb, table):
    ddb.put_item(TableName=table, Item={"pk": {"S": "tx"}, "sk": {"S": "taken"}})
    with pytest.raises(ddb.exceptions.TransactionCanceledException) as e:
        ddb.transact_write_items(
            TransactItems=[
                _put(table, "new"),
                _put(table, "taken", ConditionExpression="attribute_not_exists(pk)"),
            ]
        )
    assert error_of(e) == (
        "TransactionCanceledException",
        "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]",
    )
    assert e.value.response["CancellationReasons"] == [
        {"Code": "None"},
        {"Code": "ConditionalCheckFailed", "Message": "The conditional request failed"},
    ]
    missing = ddb.get_item(TableName=table, Key={"pk": {"S": "tx"}, "sk": {"S": "new"}})
    assert "Item" not in missing


def test_transact_get_sees_a_committed_transaction(ddb, table):
    ddb.transact_write_items(
        TransactItems=[
            _put(table, "a"),
            {
                "Update": {
                    "TableName": table,
                    "Key": {"pk": {"S": "tx"}, "sk": {"S": "b"}},
                    "UpdateExpression": "SET n = :n",
                    "ExpressionAttributeValues": {":n": {"N": "7"}},
                }
            },
        ]
    )
    got = ddb.transact_get_items(
        TransactItems=[
            {"Get": {"TableName": table, "Key": {"pk": {"S": "tx"}, "sk": {"S": s}}}} for s in ("a", "b", "c")
        ]
    )["Responses"]
    assert got[0]["Item"] == {"pk": {"S": "tx"}, "sk": {"S": "a"}}
    assert got[1]["Item"]["n"] == {"N": "7"}
    assert got[2] == {}


def test_two_actions_on_one_item_are_refused(ddb, table):
    with pytest.raises(ClientError) as e:
        ddb.transact_write_items(TransactItems=[_put(table, "same"), _put(table, "same")])
    assert error_of(e) == (
        "ValidationException",
        "Transaction request cannot include multiple operations on one item",
    )
