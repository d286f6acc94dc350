"""ddbmock for Python: boto3 served in-process by ddbmock's Rust engine, no server, no socket.

    import boto3, ddbmock

    with ddbmock.mock_dynamodb():
        ddb = boto3.client("dynamodb", region_name="us-east-1")
        ddb.list_tables()

Every boto3 client and resource for ``dynamodb`` and ``dynamodbstreams`` created after
``import ddbmock`` (the pytest plugin imports it when pytest starts) is answered by the engine
while a mock is active; other services are not touched.
"""

from ddbmock._mock import Mock, mock_dynamodb, server
from ddbmock._native import Clock, FixtureError, Server, StoreError

__all__ = ["Clock", "FixtureError", "Mock", "Server", "StoreError", "mock_dynamodb", "server"]
