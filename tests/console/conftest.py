"""The web console in a real headless Chromium, against ddbmock servers this suite starts.

Needs DDBMOCK_BIN (the `ddbmock` binary; ./test.sh sets it) and Debian's `chromium` package
(CHROMIUM names another binary). Playwright drives the system's Chromium through
`executable_path`: it downloads no browser of its own. Screenshots of each view go to
target/console-screenshots/.
"""

import os
import re
import shutil
import subprocess
import uuid
from pathlib import Path

import boto3
import botocore.config
import pytest
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "target" / "console-screenshots"
BIN = os.environ.get("DDBMOCK_BIN", str(ROOT / "target" / "debug" / "ddbmock"))
CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")


class Server:
    """A `ddbmock` process on a free port; its console URL and endpoint from the startup lines."""

    def __init__(self, *args):
        if not Path(BIN).is_file():
            pytest.fail(f"no ddbmock binary at {BIN}: build it (cargo build --bin ddbmock) or set DDBMOCK_BIN")
        self.process = subprocess.Popen(
            [BIN, "--port", "0", "--log", "warn", *args], stdout=subprocess.PIPE, text=True
        )
        lines = [self.process.stdout.readline() for _ in range(3)]
        self.endpoint = re.search(r"http://[0-9.:]+", lines[0]).group(0)
        console = re.fullmatch(r"  console: (\S+)\n", lines[2])
        assert console, f"no console line in {lines!r}"
        self.console = console.group(1)

    def client(self, key="AKIDEXAMPLE", secret="secret", region="us-east-1"):
        return boto3.client(
            "dynamodb",
            endpoint_url=self.endpoint,
            region_name=region,
            aws_access_key_id=key,
            aws_secret_access_key=secret,
            config=botocore.config.Config(retries={"max_attempts": 1}),
        )

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


@pytest.fixture(scope="session")
def server():
    # --throttle: provisioned capacity is enforced, so that the chart has throttles to mark.
    s = Server("--throttle")
    yield s
    s.stop()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM:
        pytest.fail("no Chromium: install Debian's chromium package (apt-get install chromium) or set CHROMIUM")
    with sync_playwright() as p:
        # No sandbox: CI runs as root, where Chromium's sandbox refuses to start.
        b = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield b
        b.close()


@pytest.fixture
def page(browser):
    """A fresh page at 1280x800 that fails the test on any script error or logged error."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    p = context.new_page()
    problems = []
    p.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    # The browser logs every 4xx answer as an error; DynamoDB's errors are expected, and asserted.
    p.on(
        "console",
        lambda m: problems.append(f"console {m.type}: {m.text}")
        if m.type == "error" and not m.text.startswith("Failed to load resource")
        else None,
    )
    p.set_default_timeout(10_000)
    yield p
    context.close()
    assert not problems, problems


# Controls without an accessible name: no <label>, no aria-label.
UNLABELLED = """() => [...document.querySelectorAll('input, select, textarea')]
    .filter((e) => !e.closest('[hidden]') && e.labels.length === 0 && !e.getAttribute('aria-label'))
    .map((e) => e.outerHTML)"""


def shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def unique(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:8]}"
