"""The pytest plugin (entry point ``pytest11``): the ``ddbmock`` fixture, an active mock for the
test; ``@pytest.mark.ddbmock(db=..., status_delay=..., clock=..., fixtures=[...], throttle=True)``
passes options to it."""

import pytest

from ddbmock._mock import mock_dynamodb


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "ddbmock(db=None, status_delay=0, clock=None, fixtures=(), throttle=False): "
        "options of the ddbmock fixture",
    )


@pytest.fixture
def ddbmock(request):
    """boto3's DynamoDB served in-process for this test; the value is the ``ddbmock.Mock``."""
    marker = request.node.get_closest_marker("ddbmock")
    options = dict(marker.kwargs) if marker else {}
    with mock_dynamodb(**options) as mock:
        yield mock
