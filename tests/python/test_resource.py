"""Resource-level boto3 (`boto3.resource("dynamodb")`): Table.put_item with Python values,
batch_writer over more than one batch, query and scan with `Key`/`Attr` conditions."""

from decimal import Decimal

import pytest
from boto3.dynamodb.conditions import Attr, Key
from botocore.exceptions import ClientError

from conftest import error_of


def test_put_item_and_get_item_with_python_values(resource, table):
    t = resource.Table(table)
    t.put_item(Item={"pk": "user#1", "sk": "profile", "age": 41, "score": Decimal("1.50"), "tags": {"a", "b"}, "raw": b"\x00\xff"})
    item = t.get_item(Key={"pk": "user#1", "sk": "profile"})["Item"]
    assert item == {
        "pk": "user#1",
        "sk": "profile",
        "age": Decimal(41),
        "score": Decimal("1.5"),
        "tags": {"a", "b"},
        "raw": item["raw"],
    }
    assert item["raw"].value == b"\x00\xff"
    assert "Item" not in t.get_item(Key={"pk": "user#1", "sk": "other"})


def test_batch_writer_flushes_every_batch(resource, table):
    t = resource.Table(table)
    # 60 puts and 5 deletes: three BatchWriteItem calls of up to 25, then one for the rest.
    with t.batch_writer() as batch:
        for i in range(60):
            batch.put_item(Item={"pk": "batch", "sk": f"{i:03d}", "n": i})
        for i in range(0, 50, 10):
            batch.delete_item(Key={"pk": "batch", "sk": f"{i:03d}"})
    items = t.query(KeyConditionExpression=Key("pk").eq("batch"))["Items"]
    assert len(items) == 55
    assert {int(item["n"]) for item in items} == set(range(60)) - {0, 10, 20, 30, 40}


def test_query_with_key_conditions(resource, table):
    t = resource.Table(table)
    for i in range(10):
        t.put_item(Item={"pk": "order", "sk": f"2026-01-{i + 1:02d}", "total": i * 10})
    t.put_item(Item={"pk": "order", "sk": "note", "total": 0})
    t.put_item(Item={"pk": "other", "sk": "2026-01-05", "total": 5})

    january = t.query(KeyConditionExpression=Key("pk").eq("order") & Key("sk").begins_with("2026-01"))
    assert [item["sk"] for item in january["Items"]] == [f"2026-01-{d:02d}" for d in range(1, 11)]

    between = t.query(
        KeyConditionExpression=Key("pk").eq("order") & Key("sk").between("2026-01-03", "2026-01-05"),
        ScanIndexForward=False,
    )
    assert [item["sk"] for item in between["Items"]] == ["2026-01-05", "2026-01-04", "2026-01-03"]

    filtered = t.query(
        KeyConditionExpression=Key("pk").eq("order") & Key("sk").gt("2026-01-05"),
        FilterExpression=Attr("total").gte(80),
    )
    assert [int(item["total"]) for item in filtered["Items"]] == [80, 90]
    assert filtered["ScannedCount"] == 6

    first = t.query(KeyConditionExpression=Key("pk").eq("order"), Limit=4)
    assert len(first["Items"]) == 4
    rest = t.query(KeyConditionExpression=Key("pk").eq("order"), ExclusiveStartKey=first["LastEvaluatedKey"])
    assert len(first["Items"]) + len(rest["Items"]) == 11


def test_a_failed_condition_through_the_resource(resource, table):
    t = resource.Table(table)
    t.put_item(Item={"pk": "c", "sk": "1", "v": 1})
    with pytest.raises(ClientError) as e:
        t.put_item(Item={"pk": "c", "sk": "1", "v": 2}, ConditionExpression=Attr("pk").not_exists())
    assert error_of(e) == ("ConditionalCheckFailedException", "The conditional request failed")
    assert t.get_item(Key={"pk": "c", "sk": "1"})["Item"]["v"] == 1
    t.update_item(
        Key={"pk": "c", "sk": "1"},
        UpdateExpression="SET v = v + :one",
        ConditionExpression=Attr("v").eq(1),
        ExpressionAttributeValues={":one": 1},
    )
    assert t.get_item(Key={"pk": "c", "sk": "1"})["Item"]["v"] == 2
