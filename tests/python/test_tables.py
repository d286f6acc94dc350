"""Table lifecycle through boto3: create, describe, list (paged), update, delete."""

import pytest
from botocore.exceptions import ClientError

from conftest import error_of, unique


def test_create_describe_list_delete(ddb):
    name = unique()
    out = ddb.create_table(
        TableName=name,
        KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
        ProvisionedThroughput={"ReadCapacityUnits": 5, "WriteCapacityUnits": 5},
    )
    desc = out["TableDescription"]
    assert desc["TableName"] == name
    assert desc["KeySchema"] == [{"AttributeName": "id", "KeyType": "HASH"}]
    assert desc["TableArn"].endswith(f":table/{name}")
    ddb.get_waiter("table_exists").wait(TableName=name, WaiterConfig={"Delay": 0.05})
    table = ddb.describe_table(TableName=name)["Table"]
    assert table["TableStatus"] == "ACTIVE"
    assert table["ItemCount"] == 0
    assert table["ProvisionedThroughput"]["ReadCapacityUnits"] == 5
    assert name in ddb.list_tables()["TableNames"]
    ddb.delete_table(TableName=name)
    with pytest.raises(ClientError) as e:
        ddb.describe_table(TableName=name)
    assert error_of(e)[0] == "ResourceNotFoundException"


def test_list_tables_pages(ddb):
    names = sorted(unique("page") for _ in range(3))
    for name in names:
        ddb.create_table(
            TableName=name,
            KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST",
        )
    seen = []
    for page in ddb.get_paginator("list_tables").paginate(PaginationConfig={"PageSize": 2}):
        assert len(page["TableNames"]) <= 2
        seen.extend(page["TableNames"])
    assert seen == sorted(seen)
    assert set(names) <= set(seen)
    for name in names:
        ddb.delete_table(TableName=name)


def test_update_table_billing_mode(ddb, table):
    ddb.update_table(
        TableName=table,
        BillingMode="PROVISIONED",
        ProvisionedThroughput={"ReadCapacityUnits": 3, "WriteCapacityUnits": 4},
    )
    ddb.get_waiter("table_exists").wait(TableName=table, WaiterConfig={"Delay": 0.05})
    desc = ddb.describe_table(TableName=table)["Table"]
    assert desc["BillingModeSummary"]["BillingMode"] == "PROVISIONED"
    assert desc["ProvisionedThroughput"]["WriteCapacityUnits"] == 4


def test_creating_an_existing_table_is_in_use(ddb, table):
    with pytest.raises(ClientError) as e:
        ddb.create_table(
            TableName=table,
            KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
            AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
            BillingMode="PAY_PER_REQUEST",
        )
    code, message = error_of(e)
    assert code == "ResourceInUseException"
    assert message == f"Table already exists: {table}"


def test_tags_and_ttl(ddb, table):
    arn = ddb.describe_table(TableName=table)["Table"]["TableArn"]
    ddb.tag_resource(ResourceArn=arn, Tags=[{"Key": "team", "Value": "a"}])
    assert ddb.list_tags_of_resource(ResourceArn=arn)["Tags"] == [{"Key": "team", "Value": "a"}]
    ddb.untag_resource(ResourceArn=arn, TagKeys=["team"])
    assert ddb.list_tags_of_resource(ResourceArn=arn)["Tags"] == []
    ddb.update_time_to_live(
        TableName=table, TimeToLiveSpecification={"Enabled": True, "AttributeName": "expires"}
    )
    ttl = ddb.describe_time_to_live(TableName=table)["TimeToLiveDescription"]
    assert ttl["AttributeName"] == "expires"
    assert ttl["TimeToLiveStatus"] in ("ENABLED", "ENABLING")
