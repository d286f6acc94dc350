"""A server started with --auth: the console asks for a key and signs every request with SigV4 in
the browser (WebCrypto), its API calls and the capacity report alike; a wrong key is refused with
DynamoDB's error."""

import re

import pytest
from playwright.sync_api import expect

from conftest import Server, shot, unique


@pytest.fixture(scope="module")
def verifying():
    s = Server("--auth", "AKIDCONSOLE:right-secret", "--region", "eu-west-1")
    yield s
    s.stop()


def test_the_console_signs_in_and_signs_its_requests(verifying, page):
    name = unique("signed")
    verifying.client("AKIDCONSOLE", "right-secret", "eu-west-1").create_table(
        TableName=name,
        AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
        KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
        BillingMode="PAY_PER_REQUEST",
    )
    page.goto(verifying.console)
    form = page.get_by_role("region", name="Sign in")
    expect(form).to_be_visible()
    # The region comes from the server's health answer.
    expect(form.get_by_label("Region")).to_have_value("eu-west-1")
    shot(page, "sign-in")

    form.get_by_label("Access key ID").fill("AKIDSTRANGER")
    form.get_by_label("Secret access key").fill("right-secret")
    form.get_by_role("button", name="Sign in").click()
    expect(form.get_by_role("alert")).to_have_text(
        "UnrecognizedClientException: The security token included in the request is invalid."
    )
    form.get_by_label("Access key ID").fill("AKIDCONSOLE")
    form.get_by_label("Secret access key").fill("wrong-secret")
    form.get_by_role("button", name="Sign in").click()
    expect(form.get_by_role("alert")).to_have_text(
        re.compile(r"^InvalidSignatureException: The request signature we calculated does not match the signature you provided\.")
    )

    form.get_by_label("Access key ID").fill("AKIDCONSOLE")
    form.get_by_label("Secret access key").fill("right-secret")
    form.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Tables")).to_be_visible()
    expect(page.get_by_text("Signed in as AKIDCONSOLE")).to_be_visible()
    page.get_by_role("link", name=name).click()
    expect(page.get_by_role("region", name="Table details")).to_contain_text("id (S, partition)")

    # GET /ddbmock/capacity, signed the same way.
    page.get_by_role("link", name="Capacity").click()
    report = page.get_by_role("table", name="Capacity planning report")
    expect(report.get_by_role("row", name=re.compile(name))).to_have_count(1)
    expect(page.get_by_role("alert")).to_have_text("")

    page.get_by_role("button", name="Sign out").click()
    expect(form).to_be_visible()
