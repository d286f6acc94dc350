"""A table's life in the console, as a person would click through it: create it, put three items,
query them, edit one, see a stream record arrive, watch the capacity chart move under a burst of
writes, delete the table. Each view is screenshotted on the way. The stream comes before the burst,
which would throttle its write until the table's bucket refilled."""

import re

from playwright.sync_api import expect

from conftest import UNLABELLED, shot, unique

SAVED = re.compile(r"^Saved the item \(\d WCU\)\.$")


def test_a_table_from_creation_to_deletion(server, page):
    name = unique("orders")
    page.goto(server.console)
    expect(page.get_by_role("heading", name="Tables")).to_be_visible()

    # --- Create: provisioned 1 WCU (so a burst is throttled), a stream, two global indexes and a
    # local one, each with its own key schema and projection. ---
    page.get_by_role("button", name="Create table").click()
    form = page.locator("#create-table form")
    form.get_by_label("Table name").fill(name)
    form.get_by_label("Partition key", exact=True).fill("customer")
    form.get_by_label("Sort key (optional)").fill("order")
    form.get_by_label("Billing mode").select_option("PROVISIONED")
    form.get_by_label("Read capacity units", exact=True).fill("5")
    form.get_by_label("Write capacity units", exact=True).fill("1")
    form.get_by_label("Stream").select_option("NEW_AND_OLD_IMAGES")
    add_global = form.get_by_role("button", name="Add global secondary index")
    add_global.click()
    first = form.get_by_role("group", name="Global secondary index 1")
    expect(first.get_by_label("Index name")).to_be_focused()
    first.get_by_label("Index name").fill("byStatus")
    first.get_by_label("Index partition key", exact=True).fill("status")
    add_global.click()
    second = form.get_by_role("group", name="Global secondary index 2")
    # Two indexes of one name: DynamoDB's error, as it comes.
    second.get_by_label("Index name").fill("byStatus")
    second.get_by_label("Index partition key", exact=True).fill("warehouse")
    form.get_by_role("button", name="Create", exact=True).click()
    expect(form.get_by_role("alert")).to_have_text(
        "ValidationException: One or more parameter values were invalid: Duplicate index name: byStatus"
    )
    second.get_by_label("Index name").fill("byWarehouse")
    second.get_by_label("Index sort key (optional)").fill("placed")
    second.get_by_label("Index sort key type").select_option("N")
    second.get_by_label("Projection").select_option("KEYS_ONLY")
    second.get_by_label("Index read capacity units").fill("2")
    second.get_by_label("Index write capacity units").fill("3")
    # A third, removed again: the rest keep their fields and the focus goes back to the button.
    add_global.click()
    form.get_by_role("button", name="Remove global secondary index 3").click()
    expect(form.get_by_role("group", name="Global secondary index 3")).to_have_count(0)
    expect(add_global).to_be_focused()
    form.get_by_role("button", name="Add local secondary index").click()
    local = form.get_by_role("group", name="Local secondary index 1")
    local.get_by_label("Index name").fill("byPlaced")
    local.get_by_label("Index sort key", exact=True).fill("placed")
    local.get_by_label("Index sort key type").select_option("N")
    local.get_by_label("Projection").select_option("INCLUDE")
    local.get_by_label("Non-key attributes (INCLUDE)").fill("status, total")
    assert page.evaluate(UNLABELLED) == []
    shot(page, "tables-create")
    form.get_by_role("button", name="Create", exact=True).click()
    details = page.get_by_role("region", name="Table details")
    expect(details.get_by_role("heading", name=name)).to_be_visible()
    expect(details).to_contain_text("customer (S, partition), order (S, sort)")
    expect(details).to_contain_text("Provisioned: 5 RCU, 1 WCU")
    expect(details).to_contain_text("NEW_AND_OLD_IMAGES")
    by_status = details.get_by_role("row", name=re.compile("byStatus"))
    expect(by_status).to_contain_text("Global")
    expect(by_status).to_contain_text("status (S, partition)")
    expect(by_status).to_contain_text("ALL")
    expect(by_status).to_contain_text("5 / 5")
    by_warehouse = details.get_by_role("row", name=re.compile("byWarehouse"))
    expect(by_warehouse).to_contain_text("warehouse (S, partition), placed (N, sort)")
    expect(by_warehouse).to_contain_text("KEYS_ONLY")
    expect(by_warehouse).to_contain_text("2 / 3")
    by_placed = details.get_by_role("row", name=re.compile("byPlaced"))
    expect(by_placed).to_contain_text("Local")
    expect(by_placed).to_contain_text("customer (S, partition), placed (N, sort)")
    expect(by_placed).to_contain_text("INCLUDE status, total")
    shot(page, "tables")

    # DynamoDB's own error, word for word, when the name is taken.
    page.get_by_role("button", name="Create table").click()
    form.get_by_label("Table name").fill(name)
    form.get_by_label("Partition key", exact=True).fill("customer")
    form.get_by_role("button", name="Create", exact=True).click()
    expect(form.get_by_role("alert")).to_have_text(f"ResourceInUseException: Table already exists: {name}")

    # --- Put three items: two in DynamoDB JSON, one in plain JSON. ---
    details.get_by_role("link", name="Browse items").click()
    expect(page.get_by_role("heading", name="Items")).to_be_visible()
    item = page.get_by_label("Item JSON")
    put = page.get_by_role("button", name="Put item")
    editor = page.get_by_role("region", name="Item")
    for order, status, total in [("o1", "open", "12.5"), ("o2", "shipped", "40")]:
        item.fill(
            f'{{"customer": {{"S": "alice"}}, "order": {{"S": "{order}"}}, '
            f'"status": {{"S": "{status}"}}, "total": {{"N": "{total}"}}}}'
        )
        put.click()
        # One unit for the table, one for the index entry the status makes.
        expect(editor.get_by_role("status")).to_have_text("Saved the item (2 WCU).")
    page.get_by_role("radio", name="Plain JSON").check()
    item.fill('{"customer": "bob", "order": "o3", "status": "open", "total": 12345678901234567890.123456789}')
    put.click()
    expect(editor.get_by_role("status")).to_have_text(SAVED)

    # --- Query alice's orders, one per page, forward and back. ---
    page.get_by_role("radio", name="Query").check()
    page.get_by_label("customer (S) =").fill("alice")
    page.get_by_label("Page size (Limit)").fill("1")
    page.get_by_role("button", name="Run").click()
    results = page.get_by_role("region", name="Results")
    expect(results.get_by_role("status")).to_have_text(re.compile(r"^Page 1 · 1 items \(1 scanned\) · 0\.5 RCU$"))
    expect(results.locator("tbody tr")).to_have_count(1)
    expect(results.locator("tbody")).to_contain_text("o1")
    results.get_by_role("button", name="Next page").click()
    expect(results.get_by_role("status")).to_have_text(re.compile(r"^Page 2 · 1 items"))
    expect(results.locator("tbody")).to_contain_text("o2")
    results.get_by_role("button", name="Previous page").click()
    expect(results.get_by_role("status")).to_have_text(re.compile(r"^Page 1 · 1 items"))
    expect(results.locator("tbody")).to_contain_text("o1")
    # Through the index, with a filter and its own names and values.
    page.get_by_label("Page size (Limit)").fill("25")
    page.get_by_label("Read from").select_option("byStatus")
    page.get_by_label("status (S) =").fill("open")
    page.get_by_label("Filter expression").fill("#t > :min")
    page.get_by_label("Expression attribute names (JSON)").first.fill('{"#t": "total"}')
    page.get_by_label("Expression attribute values (DynamoDB JSON)").first.fill('{":min": {"N": "100"}}')
    page.get_by_role("button", name="Run").click()
    expect(results.get_by_role("status")).to_have_text(re.compile(r"^Page 1 · 1 items \(2 scanned\)"))
    expect(results.locator("tbody")).to_contain_text("12345678901234567890.123456789")
    shot(page, "items-query")

    # --- Edit: open bob's order, which shows in plain JSON with its 29 digits intact. ---
    results.get_by_role("button", name="Open bob / o3").click()
    expect(item).to_have_value(re.compile(r'"total": 12345678901234567890\.123456789'))
    item.fill(item.input_value().replace('"open"', '"paid"'))
    # A conditional put that fails shows DynamoDB's error and writes nothing.
    page.get_by_label("Condition expression").fill("attribute_not_exists(customer)")
    put.click()
    expect(editor.get_by_role("alert")).to_have_text("ConditionalCheckFailedException: The conditional request failed")
    page.get_by_label("Condition expression").fill("#s = :was")
    page.get_by_label("Expression attribute names (JSON)").last.fill('{"#s": "status"}')
    page.get_by_label("Expression attribute values (DynamoDB JSON)").last.fill('{":was": {"S": "open"}}')
    put.click()
    expect(editor.get_by_role("status")).to_have_text(SAVED)
    # And an update expression, whose new item comes back into the editor.
    page.get_by_role("radio", name="DynamoDB JSON").check()
    page.get_by_label("Condition expression").fill("")
    page.get_by_label("Update expression").fill("SET #s = :now")
    page.get_by_label("Expression attribute values (DynamoDB JSON)").last.fill('{":now": {"S": "delivered"}}')
    page.get_by_role("button", name="Update item").click()
    expect(editor.get_by_role("status")).to_have_text(re.compile(r"^Updated the item \(\d WCU\)\.$"))
    expect(item).to_have_value(re.compile(r'"status": \{\s*"S": "delivered"'))
    stored = server.client().get_item(TableName=name, Key={"customer": {"S": "bob"}, "order": {"S": "o3"}})["Item"]
    assert stored["status"] == {"S": "delivered"}
    assert stored["total"] == {"N": "12345678901234567890.123456789"}
    shot(page, "items-editor")

    # --- Streams: the records so far, then a new one arriving live. ---
    page.get_by_role("link", name="Streams").click()
    # The Items view has a "Table" picker too: wait for the Streams view before choosing in it.
    expect(page.get_by_role("heading", name="Streams")).to_be_visible()
    page.get_by_label("Table").select_option(name)
    records = page.get_by_role("list", name="Stream records, newest first")
    expect(records.locator("li").first).to_be_visible()
    client = server.client()
    client.put_item(TableName=name, Item={"customer": {"S": "carol"}, "order": {"S": "live"}})
    expect(records.locator("li").first).to_contain_text("INSERT customer=carol, order=live")
    shot(page, "streams")

    # --- Capacity: a burst of 10 KB writes against 1 WCU moves the chart and gets throttled. ---
    page.get_by_role("link", name="Capacity").click()
    chart = page.locator(f'figure[data-subject="{name}"] svg.chart')
    expect(chart).to_have_attribute("data-peak-write", "0")
    throttled = 0
    for i in range(60):
        try:
            client.put_item(TableName=name, Item={"customer": {"S": "burst"}, "order": {"S": str(i)}, "pad": {"S": "x" * 10_000}})
        except client.exceptions.ProvisionedThroughputExceededException:
            throttled += 1
    assert throttled > 0
    expect(chart).not_to_have_attribute("data-peak-write", "0")
    expect(chart).not_to_have_attribute("data-throttles", "0")
    expect(chart.locator("path.throttle").first).to_be_attached()
    expect(chart.locator("line.provisioned.write")).to_be_attached()
    report = page.get_by_role("table", name="Capacity planning report")
    expect(report.get_by_role("row", name=re.compile(name)).first).to_contain_text(re.compile(r"\$\d+\.\d\d"))
    peak = float(chart.get_attribute("data-peak-write"))
    assert peak > 1, peak
    # An index that consumed capacity is charted against its own provisioned capacity (5 / 5), not
    # the table's (5 / 1).
    index_chart = page.locator(f'figure[data-subject="{name}/byStatus"] svg.chart')
    expect(index_chart).to_have_attribute("aria-label", re.compile(r"; provisioned 5 read, 5 write; "))
    # The table's size over time grew with the burst: its ends in words and as attributes.
    sizes = report.get_by_role("row", name=re.compile(name)).first.locator("svg.sparkline")
    expect(sizes).to_have_attribute("aria-label", re.compile(rf"^Size of {name} over the last \d+ seconds: .+ then, .+ now$"))
    assert int(sizes.get_attribute("data-last")) > int(sizes.get_attribute("data-first")) + 10_000
    shot(page, "capacity")

    # --- Delete the table: a dialog asks for its name; cancelling changes nothing. ---
    page.get_by_role("link", name="Tables").click()
    page.get_by_role("link", name=name).click()
    delete = page.get_by_role("button", name="Delete table")
    delete.click()
    dialog = page.get_by_role("dialog", name=f"Delete table {name}?")
    typed = dialog.get_by_label(f"Type {name} to confirm")
    expect(typed).to_be_focused()
    expect(dialog.get_by_role("button", name="Delete", exact=True)).to_be_disabled()
    assert page.evaluate(UNLABELLED) == []
    typed.fill(name[:-1])
    expect(dialog.get_by_role("button", name="Delete", exact=True)).to_be_disabled()
    dialog.get_by_role("button", name="Cancel").click()
    expect(dialog).to_have_count(0)
    expect(delete).to_be_focused()
    # Escape cancels too, even with the name typed.
    delete.click()
    typed.fill(name)
    page.keyboard.press("Escape")
    expect(dialog).to_have_count(0)
    assert server.client().describe_table(TableName=name)["Table"]["TableStatus"] == "ACTIVE"
    expect(page.get_by_role("link", name=name)).to_have_count(1)
    delete.click()
    typed.fill(name)
    typed.press("Enter")
    expect(page.get_by_role("status").first).to_have_text(f"Deleted table {name} (status DELETING).")
    expect(page.get_by_role("link", name=name)).to_have_count(0)
    assert name not in server.client().list_tables()["TableNames"]
    shot(page, "tables-deleted")
