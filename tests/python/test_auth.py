"""Signature verification (`--auth KEY:SECRET`) against botocore's own SigV4 signer: the right key
passes, a wrong secret or an unknown key gets DynamoDB's error. Needs DDBMOCK_BIN (set by ./test.sh)."""

import os
import re
import subprocess

import boto3
import botocore.config
import pytest
from botocore.exceptions import ClientError

BIN = os.environ.get("DDBMOCK_BIN")
pytestmark = pytest.mark.skipif(not BIN, reason="DDBMOCK_BIN names no ddbmock binary to start")


@pytest.fixture(scope="module")
def verifying_endpoint():
    process = subprocess.Popen(
        [BIN, "--port", "0", "--log", "off", "--auth", "AKIDVERIFY:right-secret", "--region", "eu-west-1"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        line = process.stdout.readline()
        match = re.search(r"http://[0-9.:]+", line)
        assert match, f"no endpoint in {line!r}"
        yield match.group(0)
    finally:
        process.terminate()
        process.wait(timeout=10)


def client(endpoint, key, secret, region="eu-west-1"):
    return boto3.client(
        "dynamodb",
        endpoint_url=endpoint,
        region_name=region,
        aws_access_key_id=key,
        aws_secret_access_key=secret,
        config=botocore.config.Config(retries={"total_max_attempts": 1}),
    )


def test_the_right_key_passes(verifying_endpoint):
    assert client(verifying_endpoint, "AKIDVERIFY", "right-secret").list_tables()["TableNames"] == []


def test_a_wrong_secret_is_an_invalid_signature(verifying_endpoint):
    with pytest.raises(ClientError) as e:
        client(verifying_endpoint, "AKIDVERIFY", "wrong-secret").list_tables()
    error = e.value.response["Error"]
    assert error["Code"] == "InvalidSignatureException"
    assert error["Message"].startswith(
        "The request signature we calculated does not match the signature you provided. "
        "Check your AWS Secret Access Key and signing method. "
        "Consult the service documentation for details.\n\nThe Canonical String for this request should have been\n'POST\n/\n"
    )


def test_an_unknown_key_is_unrecognized(verifying_endpoint):
    with pytest.raises(ClientError) as e:
        client(verifying_endpoint, "AKIDOTHER", "right-secret").list_tables()
    error = e.value.response["Error"]
    assert (error["Code"], error["Message"]) == (
        "UnrecognizedClientException",
        "The security token included in the request is invalid.",
    )


def test_another_region_has_tables_of_its_own(verifying_endpoint):
    # A verifying server keeps regions apart as any other does (`--shared` with `--auth` refuses
    # other regions: test_regions.py).
    other = client(verifying_endpoint, "AKIDVERIFY", "right-secret", region="us-west-2")
    assert other.list_tables()["TableNames"] == []
