"""boto3 clients in several threads share one engine: every write lands, and atomic counters
count every increment (the native module releases the GIL while the engine works)."""

import threading

THREADS = 8
EACH = 25


def _run_threads(work):
    errors = []

    def guarded(n):
        try:
            work(n)
        except BaseException as e:  # reported by the main thread
            errors.append(e)

    threads = [threading.Thread(target=guarded, args=(n,)) for n in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_threads_share_one_engine(door, ddb, table):
    # boto3 clients are thread-safe; one per thread as well, made here (sessions are not).
    clients = [door.client() for _ in range(THREADS)]
    counter = {"pk": {"S": "counter"}, "sk": {"S": "0"}}

    def work(n):
        client = clients[n]
        for i in range(EACH):
            client.put_item(TableName=table, Item={"pk": {"S": f"t{n}"}, "sk": {"S": f"{i:03d}"}})
            # Every other increment goes through the shared client.
            (ddb if i % 2 else client).update_item(
                TableName=table,
                Key=counter,
                UpdateExpression="ADD n :one",
                ExpressionAttributeValues={":one": {"N": "1"}},
            )

    _run_threads(work)
    assert ddb.get_item(TableName=table, Key=counter)["Item"]["n"] == {"N": str(THREADS * EACH)}
    for n in range(THREADS):
        page = ddb.query(
            TableName=table,
            KeyConditionExpression="pk = :p",
            ExpressionAttributeValues={":p": {"S": f"t{n}"}},
            Select="COUNT",
        )
        assert page["Count"] == EACH


def test_conditional_writes_race_to_one_winner(ddb, table):
    winners = []

    def work(n):
        try:
            ddb.put_item(
                TableName=table,
                Item={"pk": {"S": "lock"}, "sk": {"S": "0"}, "owner": {"N": str(n)}},
                ConditionExpression="attribute_not_exists(pk)",
            )
            winners.append(n)
        except ddb.exceptions.ConditionalCheckFailedException:
            pass

    _run_threads(work)
    assert len(winners) == 1
    item = ddb.get_item(TableName=table, Key={"pk": {"S": "lock"}, "sk": {"S": "0"}})["Item"]
    assert item["owner"] == {"N": str(winners[0])}
