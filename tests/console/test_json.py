"""Pure functions of the console, run in the browser as the page runs them: plain JSON keeps
DynamoDB's 38-digit numbers exact both ways, converts every type it can carry, and refuses sets
and binary (which it cannot) with a message instead of changing them; the create form's request
carries every index it was given."""

import pytest
from playwright.sync_api import expect

CONVERT = """async ([plain, dynamo]) => {
  const j = await import('/ddbmock/console/js/json.js');
  const item = j.dynamoItem(j.parseExact(plain));
  return { item, back: j.stringifyExact(j.plainItem(dynamo)) };
}"""


@pytest.fixture(scope="module")
def page(server, browser):
    """One loaded page for the module: its tests only call the console's modules, which keep no
    state between calls, and a page load per test would cost the run seconds."""
    context = browser.new_context()
    p = context.new_page()
    errors = []
    p.on("pageerror", lambda e: errors.append(f"page error: {e}"))
    p.goto(server.console)
    expect(p.get_by_role("heading", name="Tables")).to_be_visible()
    yield p
    context.close()
    assert not errors, errors


def test_plain_json_numbers_stay_exact(page):
    digits38 = "12345678901234567890123456789012345678"
    plain = f'{{"n": {digits38}, "f": -0.000000000000000000001, "e": 1.5E+30, "l": [1, "two", true, null, {{"m": 3}}]}}'
    dynamo = {"n": {"N": digits38}, "l": {"L": [{"N": "1"}, {"S": "two"}, {"BOOL": True}, {"NULL": True}, {"M": {"m": {"N": "3"}}}]}}
    result = page.evaluate(CONVERT, [plain, dynamo])
    assert result["item"] == {
        "n": {"N": digits38},
        "f": {"N": "-0.000000000000000000001"},
        "e": {"N": "1.5E+30"},
        "l": {"L": [{"N": "1"}, {"S": "two"}, {"BOOL": True}, {"NULL": True}, {"M": {"m": {"N": "3"}}}]},
    }
    assert result["back"] == (
        "{\n"
        f'  "n": {digits38},\n'
        '  "l": [\n    1,\n    "two",\n    true,\n    null,\n    {\n      "m": 3\n    }\n  ]\n'
        "}"
    )


def test_an_attribute_named_proto_is_an_attribute(page):
    # Passed and returned as JSON text: Playwright's own object passing would drop the name.
    result = page.evaluate(
        """async () => {
          const j = await import('/ddbmock/console/js/json.js');
          const item = j.dynamoItem(j.parseExact('{"__proto__": "x"}'));
          return [JSON.stringify(item), j.stringifyExact(j.plainItem(item)), Object.getPrototypeOf(item) === Object.prototype];
        }"""
    )
    assert result == ['{"__proto__":{"S":"x"}}', '{\n  "__proto__": "x"\n}', True]


def test_what_plain_json_cannot_carry_is_refused(page):
    messages = page.evaluate(
        """async () => {
          const j = await import('/ddbmock/console/js/json.js');
          const out = [];
          for (const item of [{ s: { SS: ['a'] } }, { b: { B: 'AA==' } }]) {
            try { j.plainItem(item); out.push('accepted'); } catch (e) { out.push(e.message); }
          }
          for (const text of ['{"a": 1,}', '[' .repeat(100), '{"a": 01}']) {
            try { j.parseExact(text); out.push('accepted'); } catch (e) { out.push(e.message); }
          }
          return out;
        }"""
    )
    assert messages == [
        "Plain JSON has no SS value; edit this item in DynamoDB JSON.",
        "Plain JSON has no B value; edit this item in DynamoDB JSON.",
        "Expected a string key at offset 8",
        "Nested too deeply at offset 65",
        "Expected ',' or '}' at offset 7",
    ]


def test_the_create_form_request_carries_every_index(page):
    # What the form sends for two global indexes and a local one, on demand and provisioned.
    request = """async (billing) => {
      const c = await import('/ddbmock/console/js/create_table.js');
      const index = (kind, name, pk, sk, projection, nonKey = []) =>
        ({ kind, name, pk, pkType: 'S', sk, skType: 'N', projection, nonKey, rcu: '2', wcu: '3' });
      return c.createRequest({
        name: 't', pk: 'id', pkType: 'S', sk: 'at', skType: 'N', billing, rcu: '5', wcu: '1', stream: '',
        indexes: [
          index('global', 'g1', 'colour', '', 'ALL'),
          index('local', 'l1', '', 'size', 'INCLUDE', ['colour', 'note']),
          index('global', 'g2', 'shape', 'at', 'KEYS_ONLY'),
        ],
      });
    }"""
    on_demand = page.evaluate(request, "PAY_PER_REQUEST")
    assert on_demand == {
        "TableName": "t",
        "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}, {"AttributeName": "at", "KeyType": "RANGE"}],
        "BillingMode": "PAY_PER_REQUEST",
        "GlobalSecondaryIndexes": [
            {"IndexName": "g1", "KeySchema": [{"AttributeName": "colour", "KeyType": "HASH"}], "Projection": {"ProjectionType": "ALL"}},
            {
                "IndexName": "g2",
                "KeySchema": [{"AttributeName": "shape", "KeyType": "HASH"}, {"AttributeName": "at", "KeyType": "RANGE"}],
                "Projection": {"ProjectionType": "KEYS_ONLY"},
            },
        ],
        # A local index takes the table's partition key.
        "LocalSecondaryIndexes": [
            {
                "IndexName": "l1",
                "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}, {"AttributeName": "size", "KeyType": "RANGE"}],
                "Projection": {"ProjectionType": "INCLUDE", "NonKeyAttributes": ["colour", "note"]},
            }
        ],
        # Each attribute once, in the order the keys name them.
        "AttributeDefinitions": [
            {"AttributeName": "id", "AttributeType": "S"},
            {"AttributeName": "at", "AttributeType": "N"},
            {"AttributeName": "colour", "AttributeType": "S"},
            {"AttributeName": "shape", "AttributeType": "S"},
            {"AttributeName": "size", "AttributeType": "N"},
        ],
    }
    provisioned = page.evaluate(request, "PROVISIONED")
    assert provisioned["ProvisionedThroughput"] == {"ReadCapacityUnits": 5, "WriteCapacityUnits": 1}
    # Each global index its own capacity; a local index has none (it shares the table's).
    assert [i["ProvisionedThroughput"] for i in provisioned["GlobalSecondaryIndexes"]] == [
        {"ReadCapacityUnits": 2, "WriteCapacityUnits": 3}
    ] * 2
    assert "ProvisionedThroughput" not in provisioned["LocalSecondaryIndexes"][0]
