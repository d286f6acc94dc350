"""`mock_dynamodb(fixtures=[...])`: the fixture files of `#[ddbmock::test(fixtures(...))]`
(tests/fixtures/, the same files the Rust tests load) seed each fresh engine, through the Rust
loader; what a bad fixture raises."""

from pathlib import Path

import boto3
import botocore.config
import pytest

import ddbmock

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
START = 1_800_000_000


def fixture(name):
    return str(FIXTURES / name)


def client():
    return boto3.client(
        "dynamodb",
        region_name="us-east-1",
        aws_access_key_id="AKIDEXAMPLE",
        aws_secret_access_key="secret",
        config=botocore.config.Config(retries={"total_max_attempts": 1}),
    )


def ids(table):
    items = client().scan(TableName=table)["Items"]
    return sorted(item["id"]["S"] for item in items)


def test_ddbmocks_own_format_seeds_tables_and_items():
    with ddbmock.mock_dynamodb(fixtures=[fixture("users.json")]) as mock:
        ddb = client()
        assert ddb.list_tables()["TableNames"] == ["users"]
        assert ddb.get_item(TableName="users", Key={"id": {"S": "u-2"}})["Item"] == {
            "id": {"S": "u-2"},
            "name": {"S": "Grace"},
        }
        # The fixture's writes are set-up, not the test's: the report starts at zero.
        report = mock.capacity_report()["Tables"]["users"]
    assert report["ItemCount"] == 2
    assert report["Usage"]["TotalWriteUnits"] == 0


def test_formats_mix_and_load_in_order():
    files = [
        FIXTURES / "users.json",  # os.PathLike as well as str
        fixture("formats/create_table.json"),
        fixture("formats/batch_large.json"),
        fixture("formats/export/manifest-summary.json"),
    ]
    with ddbmock.mock_dynamodb(fixtures=files):
        assert ids("users") == ["u-1", "u-2"]
        people = client().scan(TableName="people", Select="COUNT")["Count"]
        assert people == 63
        assert client().get_item(TableName="people", Key={"id": {"S": "x-2"}})["Item"] == {
            "id": {"S": "x-2"},
            "n": {"N": "2"},
        }


def test_each_entry_starts_from_the_fixtures_again():
    seen = []

    @ddbmock.mock_dynamodb(fixtures=[fixture("users.json")])
    def change_the_table():
        seen.append(ids("users"))
        client().delete_item(TableName="users", Key={"id": {"S": "u-1"}})
        client().put_item(TableName="users", Item={"id": {"S": "u-3"}})

    change_the_table()
    change_the_table()
    assert seen == [["u-1", "u-2"], ["u-1", "u-2"]]


def test_fixture_tables_are_active_under_a_status_delay():
    clock = ddbmock.Clock(START)
    with ddbmock.mock_dynamodb(fixtures=[fixture("users.json")], status_delay=60, clock=clock):
        table = client().describe_table(TableName="users")["Table"]
        assert table["TableStatus"] == "ACTIVE"
        assert table["CreationDateTime"].timestamp() == START
        client().put_item(TableName="users", Item={"id": {"S": "u-3"}})


def test_fixtures_load_into_a_sqlite_store(tmp_path):
    db = tmp_path / "seeded.sqlite"
    with ddbmock.mock_dynamodb(db=db, fixtures=[fixture("users.json")]):
        client().put_item(TableName="users", Item={"id": {"S": "u-3"}})
    with ddbmock.mock_dynamodb(db=db):
        assert ids("users") == ["u-1", "u-2", "u-3"]


def test_the_server_takes_fixtures():
    with ddbmock.server(fixtures=[fixture("users.json")]) as server:
        remote = boto3.client(
            "dynamodb",
            endpoint_url=server.endpoint,
            region_name="us-east-1",
            aws_access_key_id="AKIDEXAMPLE",
            aws_secret_access_key="secret",
        )
        assert remote.scan(TableName="users")["Count"] == 2


@pytest.mark.ddbmock(fixtures=[fixture("users.json")])
def test_the_marker_passes_fixtures_to_the_fixture(ddbmock):
    assert ids("users") == ["u-1", "u-2"]


@pytest.mark.parametrize(
    "files, message",
    [
        (
            ["formats/create_table.json", "bad/batch_bad_item.json"],
            '{bad/batch_bad_item.json}: fixture request 27 of table "people": BatchWriteItem failed with '
            "ValidationException: One or more parameter values were invalid: Missing the key id in the item",
        ),
        (
            ["bad/batch_no_table.json"],
            '{bad/batch_no_table.json}: fixture request 0 of table "ghosts": BatchWriteItem failed with '
            "ResourceNotFoundException: Requested resource not found",
        ),
        (
            ["bad/syntax/people.json"],
            "fixture {bad/syntax/people.json} is not valid: EOF while parsing an object at line 3 column 0",
        ),
        (
            ["bad/unknown.json"],
            "fixture {bad/unknown.json} is not valid: unknown format: expected ddbmock's "
            '{"Tables", "Items"}, a CreateTable request, a BatchWriteItem request (with or without '
            '"RequestItems"), DynamoDB export data ({"Item": …} lines) or an export\'s manifest-summary.json',
        ),
        (
            ["users.json", "users.json"],
            '{users.json}: fixture table "users": CreateTable failed with ResourceInUseException: '
            "Table already exists: users",
        ),
    ],
)
def test_a_bad_fixture_raises_fixture_error_naming_file_and_place(files, message):
    for name in files:
        message = message.replace("{" + name + "}", fixture(name))
    with pytest.raises(ddbmock.FixtureError) as e:
        with ddbmock.mock_dynamodb(fixtures=[fixture(name) for name in files]):
            pytest.fail("a mock whose fixtures failed was entered")
    assert str(e.value) == message
    with pytest.raises(ddbmock.FixtureError):
        ddbmock.server(fixtures=[fixture(name) for name in files])


def test_a_missing_fixture_file_names_its_path(tmp_path):
    missing = tmp_path / "nothing.json"
    with pytest.raises(ddbmock.FixtureError) as e:
        with ddbmock.mock_dynamodb(fixtures=[missing]):
            pass
    assert str(e.value) == f"cannot read fixture {missing}: No such file or directory (os error 2)"


def test_a_failed_mock_routes_nothing():
    with pytest.raises(ddbmock.FixtureError):
        with ddbmock.mock_dynamodb(fixtures=[fixture("bad/unknown.json")]):
            pass
    from ddbmock import _mock

    assert _mock._active == []


@pytest.mark.parametrize(
    "fixtures, message",
    [
        ("users.json", "fixtures must be a list of paths, not str"),
        (FIXTURES / "users.json", "fixtures must be a list of paths, not PosixPath"),
        (7, "fixtures must be a list of paths, not int"),
        (["users.json", None], "fixtures[1] must be a path (str or os.PathLike), not NoneType"),
    ],
)
def test_fixtures_must_be_a_list_of_paths(fixtures, message):
    with pytest.raises(TypeError) as e:
        ddbmock.mock_dynamodb(fixtures=fixtures)
    assert str(e.value) == message
