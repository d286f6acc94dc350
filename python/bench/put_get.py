"""boto3 put_item + get_item per second, in one run: ddbmock in-process, moto's mock_aws, and
ddbmock's network server (started in a thread by ``ddbmock.server()``).

Not part of the test suite: it needs moto, which the suite's virtualenv does not carry.

    python3 -m venv target/bench-venv
    target/bench-venv/bin/pip install boto3 "moto[dynamodb]" maturin
    VIRTUAL_ENV=$PWD/target/bench-venv target/bench-venv/bin/maturin develop --release -m python/Cargo.toml
    target/bench-venv/bin/python python/bench/put_get.py [--seconds 5]
"""

import argparse
import time

import boto3

TABLE = "bench"


def client(endpoint=None):
    return boto3.client(
        "dynamodb",
        endpoint_url=endpoint,
        region_name="us-east-1",
        aws_access_key_id="AKIDEXAMPLE",
        aws_secret_access_key="secret",
    )


def workload(ddb, seconds):
    """Pairs of put_item and get_item on distinct keys for `seconds`: calls per second."""
    ddb.create_table(
        TableName=TABLE,
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
    )
    item = {"pk": {"S": ""}, "name": {"S": "Ada Lovelace"}, "n": {"N": "42"}, "tags": {"SS": ["a", "b"]}}
    # Warm-up: botocore loads and caches its models on the first calls.
    for i in range(20):
        ddb.put_item(TableName=TABLE, Item={**item, "pk": {"S": f"warm{i}"}})
    calls, started = 0, time.perf_counter()
    while time.perf_counter() - started < seconds:
        key = {"pk": {"S": f"k{calls}"}}
        ddb.put_item(TableName=TABLE, Item={**item, **key})
        assert ddb.get_item(TableName=TABLE, Key=key)["Item"]["n"] == {"N": "42"}
        calls += 2
    return calls / (time.perf_counter() - started)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=5.0)
    seconds = parser.parse_args().seconds

    import ddbmock
    import moto

    rates = {}
    with ddbmock.mock_dynamodb():
        rates["ddbmock in-process"] = workload(client(), seconds)
    with moto.mock_aws():
        rates["moto mock_aws"] = workload(client(), seconds)
    with ddbmock.server() as server:
        rates["ddbmock server (HTTP, localhost)"] = workload(client(server.endpoint), seconds)
    moto_rate = rates["moto mock_aws"]
    for name, rate in rates.items():
        print(f"{name:34} {rate:8.0f} calls/s  {rate / moto_rate:5.1f}x moto")


if __name__ == "__main__":
    main()
