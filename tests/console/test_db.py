"""The console on a server started with --db (SQLite in a file): a table created, written and read
through the console is there, with its item, after the server restarts on the same file."""

import re

from playwright.sync_api import expect

from conftest import Server, unique


def test_the_console_on_a_db_server_and_after_its_restart(page, tmp_path):
    path = tmp_path / "console.db"
    name = unique("kept")
    server = Server("--db", str(path))
    try:
        page.goto(server.console)
        page.get_by_role("button", name="Create table").click()
        form = page.locator("#create-table form")
        form.get_by_label("Table name").fill(name)
        form.get_by_label("Partition key", exact=True).fill("id")
        form.get_by_role("button", name="Add global secondary index").click()
        index = form.get_by_role("group", name="Global secondary index 1")
        index.get_by_label("Index name").fill("byColour")
        index.get_by_label("Index partition key", exact=True).fill("colour")
        form.get_by_role("button", name="Create", exact=True).click()
        details = page.get_by_role("region", name="Table details")
        expect(details.get_by_role("row", name=re.compile("byColour"))).to_contain_text("colour (S, partition)")

        details.get_by_role("link", name="Browse items").click()
        page.get_by_role("radio", name="Plain JSON").check()
        page.get_by_label("Item JSON").fill('{"id": "a", "colour": "red", "n": 12345678901234567890.5}')
        page.get_by_role("button", name="Put item").click()
        expect(page.get_by_role("region", name="Item").get_by_role("status")).to_have_text("Saved the item (2 WCU).")
    finally:
        server.stop()

    # The same file, a new process (and port): the console finds the table, its index and its item.
    server = Server("--db", str(path))
    try:
        page.goto(f"{server.console}#/tables/{name}")
        details = page.get_by_role("region", name="Table details")
        expect(details.get_by_role("row", name=re.compile("byColour"))).to_contain_text("colour (S, partition)")
        details.get_by_role("link", name="Browse items").click()
        page.get_by_role("radio", name="Query").check()
        page.get_by_label("Read from").select_option("byColour")
        page.get_by_label("colour (S) =").fill("red")
        page.get_by_role("button", name="Run").click()
        results = page.get_by_role("region", name="Results")
        expect(results.locator("tbody tr")).to_have_count(1)
        expect(results.locator("tbody")).to_contain_text("12345678901234567890.5")
        assert server.client().get_item(TableName=name, Key={"id": {"S": "a"}})["Item"]["n"] == {"N": "12345678901234567890.5"}
    finally:
        server.stop()
