"""The `ddbmock` package's own API: `mock_dynamodb` as context manager and decorator, what it
routes and what it leaves alone, its options (SQLite store, status delay, clock), `server()`,
`capacity_report()`, the pytest fixture, and the exceptions its bad arguments raise."""

import os
import re
import urllib.error
import urllib.request

import boto3
import botocore.config
import pytest
from botocore.exceptions import ClientError, EndpointConnectionError

import ddbmock

START = 1_800_000_000
# Nothing listens here: a request that reaches the network fails to connect.
NOWHERE = "http://127.0.0.1:9"


def client(service="dynamodb", endpoint=None):
    return boto3.client(
        service,
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="AKIDEXAMPLE",
        aws_secret_access_key="secret",
        config=botocore.config.Config(retries={"total_max_attempts": 1}, connect_timeout=1),
    )


def create(ddb, name="items", **extra):
    return ddb.create_table(
        TableName=name,
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
        **extra,
    )["TableDescription"]


def test_a_client_made_before_the_mock_is_served_inside_it_and_not_after():
    ddb = client(endpoint=NOWHERE)
    with ddbmock.mock_dynamodb():
        create(ddb)
        assert ddb.list_tables()["TableNames"] == ["items"]
    with pytest.raises(EndpointConnectionError):
        ddb.list_tables()


def test_other_services_pass_through():
    with ddbmock.mock_dynamodb():
        with pytest.raises(EndpointConnectionError):
            client("s3", endpoint=NOWHERE).list_buckets()


def test_each_mock_and_each_decorated_call_has_a_fresh_engine():
    calls = []

    @ddbmock.mock_dynamodb()
    def make_a_table(n):
        ddb = client()
        calls.append(ddb.list_tables()["TableNames"])
        create(ddb)
        return n

    assert make_a_table(1) == 1 and make_a_table(2) == 2
    assert make_a_table.__name__ == "make_a_table"
    assert calls == [[], []]
    with ddbmock.mock_dynamodb():
        create(client(), "outer")
        with ddbmock.mock_dynamodb():
            assert client().list_tables()["TableNames"] == []
        assert client().list_tables()["TableNames"] == ["outer"]


def test_streams_clients_are_served():
    with ddbmock.mock_dynamodb():
        arn = create(client(), StreamSpecification={"StreamEnabled": True, "StreamViewType": "KEYS_ONLY"})[
            "LatestStreamArn"
        ]
        assert [s["StreamArn"] for s in client("dynamodbstreams").list_streams()["Streams"]] == [arn]


def test_tests_need_no_aws_configuration(monkeypatch):
    for name in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", "/dev/null")
    monkeypatch.setenv("AWS_CONFIG_FILE", "/dev/null")
    with ddbmock.mock_dynamodb():
        assert boto3.client("dynamodb", region_name="us-east-1").list_tables()["TableNames"] == []
    assert "AWS_ACCESS_KEY_ID" not in os.environ


def test_a_sqlite_store_outlives_the_mock(tmp_path):
    path = tmp_path / "tables.sqlite"
    with ddbmock.mock_dynamodb(db=path):
        create(client())
        client().put_item(TableName="items", Item={"pk": {"S": "kept"}})
    with ddbmock.mock_dynamodb(db=str(path)):
        assert client().get_item(TableName="items", Key={"pk": {"S": "kept"}})["Item"] == {"pk": {"S": "kept"}}


def test_a_file_that_is_not_a_store_is_a_store_error(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("these are my notes, not a database; " * 10)
    with pytest.raises(ddbmock.StoreError) as e:
        with ddbmock.mock_dynamodb(db=path):
            pass
    assert str(e.value) == f"{path} is not a ddbmock database (not an SQLite file); it was left untouched"
    assert path.read_text() == "these are my notes, not a database; " * 10


def test_status_delay_runs_on_the_clock():
    clock = ddbmock.Clock(START)
    with ddbmock.mock_dynamodb(status_delay=30, clock=clock):
        ddb = client()
        assert create(ddb)["TableStatus"] == "CREATING"
        with pytest.raises(ClientError) as e:
            ddb.put_item(TableName="items", Item={"pk": {"S": "a"}})
        assert e.value.response["Error"]["Code"] == "ResourceNotFoundException"
        clock.advance(30)
        assert ddb.describe_table(TableName="items")["Table"]["TableStatus"] == "ACTIVE"
        assert ddb.describe_table(TableName="items")["Table"]["CreationDateTime"].timestamp() == START


def test_clock_moves_only_when_told():
    clock = ddbmock.Clock(START)
    assert clock.now() == START
    clock.advance(1.5)
    clock.advance(0)
    assert clock.now() == START + 1.5
    clock.set(START + 100)
    assert clock.now() == START + 100
    assert repr(clock) == f"ddbmock.Clock({START + 100})"


def test_capacity_report_is_a_dict():
    with ddbmock.mock_dynamodb() as mock:
        create(client())
        client().put_item(TableName="items", Item={"pk": {"S": "a"}})
        client().get_item(TableName="items", Key={"pk": {"S": "a"}})
        report = mock.capacity_report()
    usage = report["Tables"]["items"]["Usage"]
    assert (usage["TotalWriteUnits"], usage["TotalReadUnits"]) == (1.0, 0.5)
    assert report["Tables"]["items"]["ItemCount"] == 1


def test_server_serves_on_a_free_port_until_stopped():
    with ddbmock.server() as server:
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+", server.endpoint)
        assert repr(server) == f'ddbmock.Server("{server.endpoint}")'
        with urllib.request.urlopen(server.endpoint + "/") as health:
            assert health.read() == b"healthy: dynamodb.us-east-1.amazonaws.com "
        create(client(endpoint=server.endpoint))
        assert client(endpoint=server.endpoint).list_tables()["TableNames"] == ["items"]
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(server.endpoint + "/", timeout=2)
    server.stop()  # again: nothing to do


def test_a_mocks_server_shares_its_engine():
    with ddbmock.mock_dynamodb() as mock:
        create(client())
        with mock.server() as server:
            assert client(endpoint=server.endpoint).list_tables()["TableNames"] == ["items"]


@pytest.mark.parametrize(
    "options, error, message",
    [
        ({"status_delay": -1}, ValueError, "status_delay must be a finite, non-negative number of seconds, not -1"),
        ({"status_delay": float("inf")}, ValueError, "status_delay must be a finite, non-negative number of seconds, not inf"),
        ({"status_delay": "soon"}, TypeError, "status_delay must be a number of seconds, not str"),
        ({"db": 42}, TypeError, "db must be a path (str or os.PathLike), not int"),
        ({"clock": 1.0}, TypeError, "clock must be a ddbmock.Clock, not float"),
    ],
)
def test_bad_options_raise_clear_exceptions(options, error, message):
    with pytest.raises(error) as e:
        with ddbmock.mock_dynamodb(**options):
            pass
    assert str(e.value) == message
    with pytest.raises(error) as e:
        ddbmock.server(**options)
    assert str(e.value) == message


def test_bad_clock_arguments_raise_value_errors():
    with pytest.raises(ValueError) as e:
        ddbmock.Clock(-5)
    assert str(e.value) == "start must be a finite, non-negative number of seconds, not -5"
    clock = ddbmock.Clock(START)
    with pytest.raises(ValueError) as e:
        clock.advance(float("nan"))
    assert str(e.value) == "advance must be a finite, non-negative number of seconds, not NaN"
    with pytest.raises(ValueError) as e:
        clock.advance(-1)
    assert str(e.value) == "advance must be a finite, non-negative number of seconds, not -1"
    with pytest.raises(TypeError):
        clock.advance("1")
    assert clock.now() == START


def test_the_decorator_wants_a_function():
    with pytest.raises(TypeError) as e:
        ddbmock.mock_dynamodb()(42)
    assert str(e.value) == "mock_dynamodb() decorates a function, not int"


def test_a_request_that_is_not_http_is_a_value_error():
    with ddbmock.mock_dynamodb() as mock:
        with pytest.raises(ValueError) as e:
            mock._engine.handle("PO ST", "/", [], b"")
        assert str(e.value) == 'invalid HTTP method "PO ST"'


def test_the_fixture_is_an_active_mock(ddbmock):
    create(client())
    assert ddbmock.capacity_report()["Tables"]["items"]["ItemCount"] == 0


@pytest.mark.ddbmock(status_delay=10, clock=ddbmock.Clock(START))
def test_the_marker_passes_options_to_the_fixture(ddbmock):
    assert create(client())["TableStatus"] == "CREATING"
    ddbmock.clock.advance(10)
    assert client().describe_table(TableName="items")["Table"]["TableStatus"] == "ACTIVE"
