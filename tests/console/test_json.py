"""The console's item formats, run in the browser as the page runs them: plain JSON keeps
DynamoDB's 38-digit numbers exact both ways, converts every type it can carry, and refuses sets
and binary (which it cannot) with a message instead of changing them."""

from playwright.sync_api import expect

CONVERT = """async ([plain, dynamo]) => {
  const j = await import('/ddbmock/console/js/json.js');
  const item = j.dynamoItem(j.parseExact(plain));
  return { item, back: j.stringifyExact(j.plainItem(dynamo)) };
}"""


def load(server, page):
    page.goto(server.console)
    expect(page.get_by_role("heading", name="Tables")).to_be_visible()


def test_plain_json_numbers_stay_exact(server, page):
    load(server, page)
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


def test_an_attribute_named_proto_is_an_attribute(server, page):
    load(server, page)
    # Passed and returned as JSON text: Playwright's own object passing would drop the name.
    result = page.evaluate(
        """async () => {
          const j = await import('/ddbmock/console/js/json.js');
          const item = j.dynamoItem(j.parseExact('{"__proto__": "x"}'));
          return [JSON.stringify(item), j.stringifyExact(j.plainItem(item)), Object.getPrototypeOf(item) === Object.prototype];
        }"""
    )
    assert result == ['{"__proto__":{"S":"x"}}', '{\n  "__proto__": "x"\n}', True]


def test_what_plain_json_cannot_carry_is_refused(server, page):
    load(server, page)
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
