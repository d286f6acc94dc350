"""``mock_dynamodb``: the botocore hook and the engines it routes to.

botocore emits ``before-send.<service>.<operation>`` with the prepared request just before it
would open a connection; a handler that returns a response ends the request there. The handler
registered here (in botocore's built-in handlers, so every session made after import has it, as
moto does) answers DynamoDB's and DynamoDB Streams' requests from the innermost active mock, through
the server's own HTTP handler in Rust, and returns ``None`` for anything else, which botocore then
sends as usual.
"""

import functools
import io
import json
import os
import threading
from urllib.parse import urlsplit

import botocore.handlers
from botocore.awsrequest import AWSResponse

from ddbmock import _native

# The mocks entered and not yet exited, innermost last. Shared by all threads, as boto3 clients
# are: a client used in a worker thread reaches the mock its test entered.
_active = []
_active_lock = threading.Lock()

# What boto3 needs before it sends anything, set while a mock is active when the environment has
# none, so that tests need no AWS configuration; any key is accepted.
_DEFAULT_ENV = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
}


class _Raw(io.BytesIO):
    """The response body as botocore reads it (``stream()``, as urllib3's response offers)."""

    def stream(self, **kwargs):
        chunk = self.read()
        while chunk:
            yield chunk
            chunk = self.read()


def _body_bytes(body):
    if body is None:
        return b""
    if isinstance(body, (bytes, bytearray)):
        return bytes(body)
    if isinstance(body, str):
        return body.encode("utf-8")
    return body.read()


def _header_bytes(value):
    return value.encode("latin-1") if isinstance(value, str) else bytes(value)


def _before_send(request, **kwargs):
    try:
        mock = _active[-1]
    except IndexError:
        return None
    url = urlsplit(request.url)
    path = (url.path or "/") + (f"?{url.query}" if url.query else "")
    headers = [(str(name), _header_bytes(value)) for name, value in request.headers.items()]
    status, answer_headers, body = mock._engine.handle(
        request.method, path, headers, _body_bytes(request.body)
    )
    return AWSResponse(request.url, status, dict(answer_headers), _Raw(body))


# Registered once, at import: sessions copy the built-in handlers when they are made.
for _event in ("before-send.dynamodb", "before-send.dynamodb-streams"):
    if (_event, _before_send) not in botocore.handlers.BUILTIN_HANDLERS:
        botocore.handlers.BUILTIN_HANDLERS.append((_event, _before_send))


def _register_on_default_session():
    # boto3's default session may exist already (a client made at import time): it has copied
    # the built-in handlers without this one.
    try:
        import boto3
    except ImportError:
        return
    session = boto3.DEFAULT_SESSION
    if session is not None:
        events = session._session.get_component("event_emitter")
        for event in ("before-send.dynamodb", "before-send.dynamodb-streams"):
            events.unregister(event, _before_send)
            events.register(event, _before_send)


_register_on_default_session()


class Mock:
    """An active engine: what ``with mock_dynamodb() as mock`` gives, and the ``ddbmock`` fixture."""

    def __init__(self, engine, clock):
        self._engine = engine
        self.clock = clock

    def capacity_report(self):
        """The capacity report (units, sizes, throttling, monthly cost per table) as a dict."""
        return json.loads(self._engine.capacity_report_json())

    def server(self):
        """Serves this engine on the network (127.0.0.1, a free port) for clients that are not
        boto3: ``with mock.server() as s: s.endpoint``."""
        return self._engine.serve()


def _paths(fixtures):
    """The fixture files as a list of paths (``str``), or TypeError naming the bad one."""
    # A lone path is a sequence of characters: refused, not loaded letter by letter.
    if isinstance(fixtures, (str, bytes, os.PathLike)) or not hasattr(fixtures, "__iter__"):
        raise TypeError(f"fixtures must be a list of paths, not {type(fixtures).__name__}")
    paths = []
    for i, path in enumerate(fixtures):
        if not isinstance(path, (str, os.PathLike)):
            raise TypeError(f"fixtures[{i}] must be a path (str or os.PathLike), not {type(path).__name__}")
        paths.append(os.fspath(path))
    return paths


class mock_dynamodb:
    """Routes boto3's DynamoDB and DynamoDB Streams requests to a fresh ddbmock engine.

    A context manager (``with mock_dynamodb() as mock:``) or a decorator (each call of the
    function gets a fresh engine). Options:

    - ``db``: a SQLite file for the store (created when missing, kept afterwards); memory otherwise.
    - ``status_delay``: seconds a table stays ``CREATING``/``UPDATING`` (0: ``ACTIVE`` at once).
    - ``clock``: a ``ddbmock.Clock`` the engine reads its time from (``clock.advance(seconds)``
      expires TTL items and ages streams); the system clock otherwise.
    - ``fixtures``: fixture files loaded, in order, into each fresh engine before it serves: the
      files ``#[ddbmock::test(fixtures(...))]`` takes (ddbmock's ``{"Tables", "Items"}``, a
      ``CreateTable`` request, a ``BatchWriteItem`` request, a DynamoDB export's data file or
      directory), paths relative to the current directory. Their tables are ``ACTIVE`` and their
      writes are not in the capacity report. A file that cannot be loaded raises
      ``ddbmock.FixtureError`` naming the file and the place in it.
    - ``throttle``: enforce provisioned throughput as DynamoDB does, with its 300-second burst
      allowance (``ddbmock --throttle``): requests beyond a table's or index's capacity get
      ``ProvisionedThroughputExceededException``. Turn boto3's retries off to see it.
    """

    def __init__(self, db=None, *, status_delay=0.0, clock=None, fixtures=(), throttle=False):
        if db is not None and not isinstance(db, (str, os.PathLike)):
            raise TypeError(f"db must be a path (str or os.PathLike), not {type(db).__name__}")
        if isinstance(status_delay, bool) or not isinstance(status_delay, (int, float)):
            raise TypeError(f"status_delay must be a number of seconds, not {type(status_delay).__name__}")
        if clock is not None and not isinstance(clock, _native.Clock):
            raise TypeError(f"clock must be a ddbmock.Clock, not {type(clock).__name__}")
        if not isinstance(throttle, bool):
            raise TypeError(f"throttle must be True or False, not {type(throttle).__name__}")
        self._options = {
            "db": db,
            "status_delay": float(status_delay),
            "clock": clock,
            "fixtures": _paths(fixtures),
            "throttle": throttle,
        }
        self._entered = []
        self._saved_env = []

    def _new_engine(self):
        options = self._options
        db = None if options["db"] is None else os.fspath(options["db"])
        return _native.Engine(
            db, options["status_delay"], options["clock"], options["fixtures"], options["throttle"]
        )

    def __enter__(self):
        mock = Mock(self._new_engine(), self._options["clock"])
        saved = {name: os.environ.get(name) for name in _DEFAULT_ENV}
        for name, value in _DEFAULT_ENV.items():
            os.environ.setdefault(name, value)
        self._saved_env.append(saved)
        with _active_lock:
            _active.append(mock)
        self._entered.append(mock)
        return mock

    def __exit__(self, *exc):
        mock = self._entered.pop()
        with _active_lock:
            _active.remove(mock)
        for name, value in self._saved_env.pop().items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        return False

    def __call__(self, func):
        if not callable(func):
            raise TypeError(f"mock_dynamodb() decorates a function, not {type(func).__name__}")

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            with self:
                return func(*args, **kwargs)

        return wrapper


def server(db=None, *, status_delay=0.0, clock=None, fixtures=(), throttle=False):
    """Starts ddbmock's network server on a fresh engine (options as ``mock_dynamodb``), on
    127.0.0.1 and a free port: ``with ddbmock.server() as s: boto3.client(..., endpoint_url=s.endpoint)``."""
    mock = mock_dynamodb(db, status_delay=status_delay, clock=clock, fixtures=fixtures, throttle=throttle)
    return mock._new_engine().serve()
