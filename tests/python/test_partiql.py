"""PartiQL through boto3: ExecuteStatement, BatchExecuteStatement and ExecuteTransaction, with their
errors as botocore reports them."""

import pytest
from botocore.exceptions import ClientError


def test_execute_statement(ddb, table):
    ddb.execute_statement(
        Statement=f"INSERT INTO \"{table}\" VALUE {{'pk': ?, 'sk': 'a', 'n': 1}}",
        Parameters=[{"S": "p"}],
    )
    out = ddb.execute_statement(Statement=f"SELECT n FROM \"{table}\" WHERE pk = 'p'")
    assert out["Items"] == [{"n": {"N": "1"}}]
    with pytest.raises(ClientError) as e:
        ddb.execute_statement(Statement=f"INSERT INTO \"{table}\" VALUE {{'pk': 'p', 'sk': 'a'}}")
    assert e.value.response["Error"] == {
        "Code": "DuplicateItemException",
        "Message": "Duplicate primary key exists in table",
    }


def test_batch_execute_statement(ddb, table):
    out = ddb.batch_execute_statement(
        Statements=[
            {"Statement": f"INSERT INTO \"{table}\" VALUE {{'pk': 'b', 'sk': 'x', 'v': ?}}", "Parameters": [{"N": "7"}]},
            {"Statement": f"INSERT INTO \"{table}\" VALUE {{'pk': 'b', 'sk': 'y'}}"},
        ],
        ReturnConsumedCapacity="TOTAL",
    )
    assert out["Responses"] == [{"TableName": table}, {"TableName": table}]
    assert out["ConsumedCapacity"] == [{"TableName": table, "CapacityUnits": 2.0, "WriteCapacityUnits": 2.0}]

    out = ddb.batch_execute_statement(
        Statements=[
            {"Statement": f"SELECT v FROM \"{table}\" WHERE pk = 'b' AND sk = 'x'", "ConsistentRead": True},
            {"Statement": f"SELECT * FROM \"{table}\" WHERE pk = 'b'"},
        ]
    )
    assert out["Responses"] == [
        {"TableName": table, "Item": {"v": {"N": "7"}}},
        {
            "TableName": table,
            "Error": {"Code": "ValidationError", "Message": "Only single item select is supported"},
        },
    ]

    with pytest.raises(ClientError) as e:
        ddb.batch_execute_statement(
            Statements=[
                {"Statement": f"SELECT * FROM \"{table}\" WHERE pk = 'b' AND sk = 'x'"},
                {"Statement": f"DELETE FROM \"{table}\" WHERE pk = 'b' AND sk = 'y'"},
            ]
        )
    assert e.value.response["Error"] == {
        "Code": "ValidationException",
        "Message": "Read and write requests together in the same batch is not supported.",
    }


def test_execute_transaction(ddb, table):
    ddb.execute_transaction(
        TransactStatements=[
            {"Statement": f"INSERT INTO \"{table}\" VALUE {{'pk': 't', 'sk': '1', 'n': 1}}"},
            {"Statement": f"INSERT INTO \"{table}\" VALUE {{'pk': 't', 'sk': '2', 'n': 2}}"},
        ],
        ClientRequestToken="partiql-token-1",
    )
    out = ddb.execute_transaction(
        TransactStatements=[
            {"Statement": f"SELECT n FROM \"{table}\" WHERE pk = 't' AND sk = '2'"},
            {"Statement": f"SELECT n FROM \"{table}\" WHERE pk = 't' AND sk = '9'"},
        ],
        ReturnConsumedCapacity="TOTAL",
    )
    assert out["Responses"] == [{"Item": {"n": {"N": "2"}}}, {}]
    assert out["ConsumedCapacity"] == [{"TableName": table, "CapacityUnits": 4.0, "ReadCapacityUnits": 4.0}]

    with pytest.raises(ClientError) as e:
        ddb.execute_transaction(
            TransactStatements=[
                {"Statement": f"UPDATE \"{table}\" SET n = 5 WHERE pk = 't' AND sk = '1'"},
                {
                    "Statement": f"EXISTS(SELECT * FROM \"{table}\" WHERE pk = 't' AND sk = '2' AND n = 9)",
                    "ReturnValuesOnConditionCheckFailure": "ALL_OLD",
                },
            ]
        )
    assert e.value.response["Error"] == {
        "Code": "TransactionCanceledException",
        "Message": "Transaction cancelled, please refer cancellation reasons for specific reasons "
        "[None, ConditionalCheckFailed]",
    }
    assert e.value.response["CancellationReasons"] == [
        {"Code": "None"},
        {
            "Code": "ConditionalCheckFailed",
            "Message": "The conditional request failed",
            "Item": {"pk": {"S": "t"}, "sk": {"S": "2"}, "n": {"N": "2"}},
        },
    ]
    item = ddb.get_item(TableName=table, Key={"pk": {"S": "t"}, "sk": {"S": "1"}})["Item"]
    assert item["n"] == {"N": "1"}

    with pytest.raises(ClientError) as e:
        ddb.execute_transaction(
            TransactStatements=[{"Statement": f"DELETE FROM \"{table}\" WHERE pk = 't' AND sk = '1'"}],
            ClientRequestToken="partiql-token-1",
        )
    assert e.value.response["Error"]["Code"] == "IdempotentParameterMismatchException"
