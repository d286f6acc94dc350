"""Item CRUD through boto3 (client and resource), batch operations, and the features that turn on as
the engine gains them (expressions, Query, transactions)."""

from decimal import Decimal

import pytest
from botocore.exceptions import ClientError

from conftest import served


def test_put_get_delete(ddb, table):
    item = {
        "pk": {"S": "u1"},
        "sk": {"S": "profile"},
        "n": {"N": "1.50"},
        "b": {"B": b"\x00\x01"},
        "ss": {"SS": ["a", "b"]},
        "m": {"M": {"x": {"L": [{"NULL": True}, {"BOOL": False}]}}},
    }
    ddb.put_item(TableName=table, Item=item)
    got = ddb.get_item(TableName=table, Key={"pk": {"S": "u1"}, "sk": {"S": "profile"}})["Item"]
    assert got["n"] == {"N": "1.5"}
    assert got["b"] == {"B": b"\x00\x01"}
    assert sorted(got["ss"]["SS"]) == ["a", "b"]
    assert got["m"] == item["m"]
    old = ddb.delete_item(
        TableName=table,
        Key={"pk": {"S": "u1"}, "sk": {"S": "profile"}},
        ReturnValues="ALL_OLD",
    )["Attributes"]
    assert old["pk"] == {"S": "u1"}
    assert "Item" not in ddb.get_item(TableName=table, Key={"pk": {"S": "u1"}, "sk": {"S": "profile"}})


def test_resource_round_trip(resource, table):
    t = resource.Table(table)
    t.put_item(Item={"pk": "a", "sk": "b", "count": 3, "price": Decimal("9.99"), "tags": {"x", "y"}})
    item = t.get_item(Key={"pk": "a", "sk": "b"})["Item"]
    assert item == {"pk": "a", "sk": "b", "count": 3, "price": Decimal("9.99"), "tags": {"x", "y"}}


def test_update_item_with_attribute_updates(ddb, table):
    key = {"pk": {"S": "c"}, "sk": {"S": "1"}}
    out = ddb.update_item(
        TableName=table,
        Key=key,
        AttributeUpdates={"n": {"Action": "ADD", "Value": {"N": "5"}}},
        ReturnValues="ALL_NEW",
    )
    assert out["Attributes"]["n"] == {"N": "5"}
    ddb.update_item(TableName=table, Key=key, AttributeUpdates={"n": {"Action": "ADD", "Value": {"N": "-1.5"}}})
    assert ddb.get_item(TableName=table, Key=key)["Item"]["n"] == {"N": "3.5"}


def test_batch_write_and_get(ddb, table):
    requests = [
        {"PutRequest": {"Item": {"pk": {"S": "batch"}, "sk": {"S": f"{i:02d}"}, "v": {"N": str(i)}}}}
        for i in range(25)
    ]
    out = ddb.batch_write_item(RequestItems={table: requests})
    assert out["UnprocessedItems"] == {}
    keys = [{"pk": {"S": "batch"}, "sk": {"S": f"{i:02d}"}} for i in range(0, 25, 5)]
    got = ddb.batch_get_item(RequestItems={table: {"Keys": keys}})
    values = sorted(int(item["v"]["N"]) for item in got["Responses"][table])
    assert values == [0, 5, 10, 15, 20]


def test_condition_expression(ddb, table):
    item = {"pk": {"S": "cond"}, "sk": {"S": "1"}}
    ddb.put_item(TableName=table, Item=item)
    try:
        ddb.put_item(TableName=table, Item=item, ConditionExpression="attribute_not_exists(pk)")
    except ClientError as e:
        error = e.response["Error"]
        assert (error["Code"], error["Message"]) == (
            "ConditionalCheckFailedException",
            "The conditional request failed",
        )
    else:
        pytest.skip("condition expressions are not wired into the engine yet")


def test_query_pages(ddb, table):
    for i in range(7):
        ddb.put_item(TableName=table, Item={"pk": {"S": "q"}, "sk": {"S": f"{i:02d}"}})
    paginator = ddb.get_paginator("query")
    pages = list(
        served(
            ddb,
            lambda: list(
                paginator.paginate(
                    TableName=table,
                    KeyConditionExpression="pk = :p",
                    ExpressionAttributeValues={":p": {"S": "q"}},
                    PaginationConfig={"PageSize": 3},
                )
            ),
        )
    )
    sks = [item["sk"]["S"] for page in pages for item in page["Items"]]
    assert sks == [f"{i:02d}" for i in range(7)]
    assert len(pages) >= 3


def test_transact_write(ddb, table):
    served(
        ddb,
        lambda: ddb.transact_write_items(
            TransactItems=[
                {"Put": {"TableName": table, "Item": {"pk": {"S": "tx"}, "sk": {"S": "1"}}}},
                {"Put": {"TableName": table, "Item": {"pk": {"S": "tx"}, "sk": {"S": "2"}}}},
            ]
        ),
    )
    got = ddb.batch_get_item(
        RequestItems={table: {"Keys": [{"pk": {"S": "tx"}, "sk": {"S": s}} for s in ("1", "2")]}}
    )
    assert len(got["Responses"][table]) == 2
