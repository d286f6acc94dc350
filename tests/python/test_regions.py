"""Regions and accounts: boto3 clients in two regions on one server see different tables, each with
its region's ARNs (as on DynamoDB); `--auth KEY:SECRET@ACCOUNT` keys see their account's tables and
are refused another account's table ARN; `--shared` puts every region in one set of tables. The
servers with options of their own need DDBMOCK_BIN (set by ./test.sh)."""

import os
import re
import subprocess

import boto3
import botocore.config
import pytest
from botocore.exceptions import ClientError

from conftest import ENDPOINT, error_of, unique

BIN = os.environ.get("DDBMOCK_BIN")
needs_bin = pytest.mark.skipif(not BIN, reason="DDBMOCK_BIN names no ddbmock binary to start")


def client(endpoint, region, key="AKIDEXAMPLE", secret="secret"):
    return boto3.client(
        "dynamodb",
        endpoint_url=endpoint,
        region_name=region,
        aws_access_key_id=key,
        aws_secret_access_key=secret,
        config=botocore.config.Config(retries={"total_max_attempts": 1, "mode": "standard"}),
    )


def create(ddb, name):
    return ddb.create_table(
        TableName=name,
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
    )["TableDescription"]


def test_clients_in_two_regions_see_different_tables():
    eu, us = client(ENDPOINT, "eu-west-1"), client(ENDPOINT, "us-east-1")
    name = unique("region")
    arn = create(eu, name)["TableArn"]
    try:
        assert re.fullmatch(rf"arn:aws:dynamodb:eu-west-1:\d{{12}}:table/{name}", arn), arn
        assert name in eu.list_tables()["TableNames"]
        assert name not in us.list_tables()["TableNames"]
        with pytest.raises(ClientError) as e:
            us.describe_table(TableName=name)
        assert error_of(e) == (
            "ResourceNotFoundException",
            f"Requested resource not found: Table: {name} not found",
        )
        # The same name in us-east-1 is another table, with its own ARN.
        us_arn = create(us, name)["TableArn"]
        assert us_arn == arn.replace(":eu-west-1:", ":us-east-1:")
        us.delete_table(TableName=name)
    finally:
        eu.delete_table(TableName=name)


def test_describe_endpoints_names_the_clients_region():
    for region in ["eu-west-1", "us-east-1"]:
        endpoints = client(ENDPOINT, region).describe_endpoints()["Endpoints"]
        assert endpoints[0]["Address"] == f"dynamodb.{region}.amazonaws.com"


def start(*args):
    process = subprocess.Popen(
        [BIN, "--port", "0", "--log", "off", *args], stdout=subprocess.PIPE, text=True
    )
    line = process.stdout.readline()
    match = re.search(r"http://[0-9.:]+", line)
    assert match, f"no endpoint in {line!r}"
    return process, match.group(0)


@pytest.fixture
def accounts_endpoint():
    process, endpoint = start(
        "--auth", "AKIDHOME:home-secret", "--auth", "AKIDOTHER:other-secret@111122223333"
    )
    try:
        yield endpoint
    finally:
        process.terminate()
        process.wait(timeout=10)


@needs_bin
def test_keys_mapped_to_accounts_see_their_own_tables(accounts_endpoint):
    home = client(accounts_endpoint, "eu-west-1", "AKIDHOME", "home-secret")
    other = client(accounts_endpoint, "eu-west-1", "AKIDOTHER", "other-secret")
    arn = create(other, "orders")["TableArn"]
    assert arn == "arn:aws:dynamodb:eu-west-1:111122223333:table/orders"
    assert home.list_tables()["TableNames"] == []
    assert "Item" not in other.get_item(TableName=arn, Key={"pk": {"S": "a"}})
    with pytest.raises(ClientError) as e:
        home.get_item(TableName=arn, Key={"pk": {"S": "a"}})
    assert error_of(e) == (
        "AccessDeniedException",
        "User: arn:aws:iam::000000000000:root is not authorized to perform: dynamodb:GetItem on "
        f"resource: {arn} because no resource-based policy allows the dynamodb:GetItem action",
    )


@needs_bin
def test_shared_merges_every_region():
    process, endpoint = start("--shared")
    try:
        create(client(endpoint, "eu-west-1"), "merged")
        described = client(endpoint, "us-west-2").describe_table(TableName="merged")["Table"]
        assert described["TableArn"] == "arn:aws:dynamodb:us-east-1:000000000000:table/merged"
    finally:
        process.terminate()
        process.wait(timeout=10)


@needs_bin
def test_shared_with_auth_refuses_another_region():
    process, endpoint = start("--shared", "--auth", "AKIDVERIFY:right-secret", "--region", "eu-west-1")
    try:
        with pytest.raises(ClientError) as e:
            client(endpoint, "us-west-2", "AKIDVERIFY", "right-secret").list_tables()
        assert error_of(e) == (
            "InvalidSignatureException",
            "Credential should be scoped to a valid region, not 'us-west-2'.",
        )
    finally:
        process.terminate()
        process.wait(timeout=10)


def create_streamed(ddb, name):
    return ddb.create_table(
        TableName=name,
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
        StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"},
    )["TableDescription"]


def test_a_legacy_global_table_spans_two_regions():
    """Global tables version 2017.11.29 through botocore: CreateGlobalTable of two regions' tables,
    described and listed from either region, a region removed, and DynamoDB's exception types."""
    us, eu = client(ENDPOINT, "us-east-1"), client(ENDPOINT, "eu-west-1")
    name = unique("legacy")
    create_streamed(us, name)
    try:
        with pytest.raises(ClientError) as e:
            us.create_global_table(
                GlobalTableName=name,
                ReplicationGroup=[{"RegionName": "us-east-1"}, {"RegionName": "eu-west-1"}],
            )
        assert error_of(e) == (
            "TableNotFoundException",
            f"Table not found: Table: '{name}' not found in region: 'eu-west-1'.",
        )
        create_streamed(eu, name)
        created = us.create_global_table(
            GlobalTableName=name,
            ReplicationGroup=[{"RegionName": "us-east-1"}, {"RegionName": "eu-west-1"}],
        )["GlobalTableDescription"]
        assert created["GlobalTableName"] == name
        assert created["ReplicationGroup"] == [
            {"RegionName": "eu-west-1"},
            {"RegionName": "us-east-1"},
        ]
        assert re.fullmatch(rf"arn:aws:dynamodb::\d{{12}}:global-table/{name}", created["GlobalTableArn"])
        described = eu.describe_global_table(GlobalTableName=name)["GlobalTableDescription"]
        assert described["GlobalTableArn"] == created["GlobalTableArn"]
        assert described["CreationDateTime"] == created["CreationDateTime"]
        listed = eu.list_global_tables(RegionName="us-east-1")["GlobalTables"]
        assert {"GlobalTableName": name, "ReplicationGroup": created["ReplicationGroup"]} in listed
        assert "GlobalTableVersion" not in us.describe_table(TableName=name)["Table"]
        settings = us.describe_global_table_settings(GlobalTableName=name)["ReplicaSettings"]
        assert [s["RegionName"] for s in settings] == ["eu-west-1", "us-east-1"]
        assert {s["ReplicaBillingModeSummary"]["BillingMode"] for s in settings} == {"PAY_PER_REQUEST"}

        with pytest.raises(ClientError) as e:
            us.create_global_table(GlobalTableName=name, ReplicationGroup=[{"RegionName": "us-east-1"}])
        assert error_of(e) == (
            "GlobalTableAlreadyExistsException",
            f"The specified global table already exists: {name}",
        )
        with pytest.raises(ClientError) as e:
            us.update_global_table(
                GlobalTableName=name, ReplicaUpdates=[{"Create": {"RegionName": "eu-west-1"}}]
            )
        assert error_of(e) == (
            "ReplicaAlreadyExistsException",
            "The specified replica is already part of the global table: eu-west-1",
        )
        updated = us.update_global_table(
            GlobalTableName=name, ReplicaUpdates=[{"Delete": {"RegionName": "eu-west-1"}}]
        )["GlobalTableDescription"]
        assert updated["ReplicationGroup"] == [{"RegionName": "us-east-1"}]
        with pytest.raises(ClientError) as e:
            us.update_global_table(
                GlobalTableName=name, ReplicaUpdates=[{"Delete": {"RegionName": "eu-west-1"}}]
            )
        assert error_of(e) == (
            "ReplicaNotFoundException",
            "The specified replica is no longer part of the global table: eu-west-1",
        )
        eu.delete_table(TableName=name)
    finally:
        us.delete_table(TableName=name)
    with pytest.raises(ClientError) as e:
        us.describe_global_table(GlobalTableName=name)
    assert error_of(e) == (
        "GlobalTableNotFoundException",
        f"The specified global table does not exist: {name}",
    )
