"""Markup a person can use: every control has a label, the views are reached by keyboard, and each
view fits a narrow window (no sideways scrolling of the page) as well as 1280x800."""

import pytest
from playwright.sync_api import expect

from conftest import UNLABELLED, shot, unique

VIEWS = ["tables", "items", "capacity", "streams"]

# What shows once a view has loaded its data.
READY = {
    "tables": ".details dl.facts",
    "items": "form[aria-label='Scan or query']",
    "capacity": "table.report",
    "streams": "ol.records li",
}


@pytest.fixture(scope="module")
def table(server):
    name = unique("layout")
    client = server.client()
    client.create_table(
        TableName=name,
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}, {"AttributeName": "sk", "AttributeType": "N"}],
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "sk", "KeyType": "RANGE"}],
        BillingMode="PAY_PER_REQUEST",
        StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_IMAGE"},
    )
    client.put_item(TableName=name, Item={"pk": {"S": "a" * 200}, "sk": {"N": "1"}, "note": {"S": "long " * 80}})
    yield name
    client.delete_table(TableName=name)


OVERFLOW = "() => document.documentElement.scrollWidth - window.innerWidth"


# One page for all views (a fragment change, not a reload): each page load costs the run seconds.
def test_every_control_has_a_label(server, page, table):
    for view in VIEWS:
        page.goto(f"{server.console}#/{view}/{table}")
        expect(page.locator(READY[view]).first).to_be_visible()
        assert page.evaluate(UNLABELLED) == [], view


def test_each_view_fits_a_narrow_window(server, browser, table):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    wider = {}
    for view in VIEWS:
        page.goto(f"{server.console}#/{view}/{table}")
        expect(page.locator(READY[view]).first).to_be_visible()
        if view == "items":
            page.get_by_role("button", name="Run").click()
            expect(page.get_by_role("region", name="Results").locator("tbody tr")).to_have_count(1)
        overflow = page.evaluate(OVERFLOW)
        shot(page, f"narrow-{view}")
        if overflow > 0:
            wider[view] = overflow
    # The create form with its indexes open, and the delete dialog.
    page.goto(f"{server.console}#/tables/{table}")
    page.get_by_role("button", name="Create table").click()
    page.get_by_role("button", name="Add global secondary index").click()
    page.get_by_role("button", name="Add local secondary index").click()
    shot(page, "narrow-create")
    if (overflow := page.evaluate(OVERFLOW)) > 0:
        wider["create form"] = overflow
    page.get_by_role("button", name="Delete table").click()
    dialog = page.get_by_role("dialog", name=f"Delete table {table}?")
    expect(dialog).to_be_visible()
    box = dialog.bounding_box()
    shot(page, "narrow-delete")
    if box["x"] < 0 or box["x"] + box["width"] > 390:
        wider["delete dialog"] = box
    dialog.get_by_role("button", name="Cancel").click()
    context.close()
    assert wider == {}, f"views wider than a 390px window, by so many px: {wider}"


def test_the_views_are_reached_by_keyboard(server, page):
    page.goto(server.console + "#/streams")
    # The view's heading takes the focus, so that a screen reader announces it.
    expect(page.get_by_role("heading", name="Streams")).to_be_focused()
    # Back through the views to the skip link, which comes first.
    page.keyboard.press("Shift+Tab")
    expect(page.get_by_role("link", name="Streams")).to_be_focused()
    page.keyboard.press("Shift+Tab")
    expect(page.get_by_role("link", name="Capacity")).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Capacity")).to_be_focused()
    expect(page.get_by_role("link", name="Capacity")).to_have_attribute("aria-current", "page")
    for _ in range(5):
        page.keyboard.press("Shift+Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
    # It leads to the view, and leaves the view where it was.
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Capacity")).to_be_focused()
