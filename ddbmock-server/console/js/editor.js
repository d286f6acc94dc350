// The item editor: one item as DynamoDB JSON or plain JSON (switching converts the text), and the
// writes: PutItem, UpdateItem (an update expression on the item's key), DeleteItem, each with an
// optional condition expression and its names and values. Numbers stay exact in both formats.

import { h, field, messages, guarded, units } from "./ui.js";
import { parseExact, stringifyExact, plainItem, dynamoItem } from "./json.js";

/** The editor for items of `table`; `written()` runs after each successful write. */
export function editor(api, table, written) {
  const errors = messages("alert");
  const status = messages("status");
  const dynamoFormat = h("input", { type: "radio", name: "format", value: "dynamodb", id: "format-dynamodb", checked: true });
  const plainFormat = h("input", { type: "radio", name: "format", value: "plain", id: "format-plain" });
  const text = h("textarea", { id: "item-text", rows: "14", spellcheck: "false", class: "code" });
  const condition = h("input", { name: "condition", spellcheck: "false", placeholder: "e.g. attribute_not_exists(pk)" });
  const update = h("input", { name: "update", spellcheck: "false", placeholder: "e.g. SET #n = :n" });
  const names = h("textarea", { name: "writeNames", rows: "2", spellcheck: "false", placeholder: '{"#n": "name"}' });
  const values = h("textarea", { name: "writeValues", rows: "2", spellcheck: "false", placeholder: '{":n": {"S": "x"}}' });
  let format = "dynamodb";

  /** The item in the text box, in DynamoDB JSON, whatever the format shown. */
  const item = () => {
    const parsed = format === "plain" ? parseExact(text.value) : JSON.parse(text.value);
    return format === "plain" ? dynamoItem(parsed) : parsed;
  };
  const show = (dynamo) => {
    text.value = format === "plain" ? stringifyExact(plainItem(dynamo)) : JSON.stringify(dynamo, null, 2);
  };
  const switchTo = (wanted) => {
    if (wanted === format) return;
    errors.clear();
    try {
      const current = text.value.trim() ? item() : {};
      const previous = format;
      format = wanted;
      try {
        show(current);
      } catch (error) {
        format = previous;
        throw error;
      }
    } catch (error) {
      errors.show(error.message);
      (format === "plain" ? plainFormat : dynamoFormat).checked = true;
    }
  };
  dynamoFormat.addEventListener("change", () => switchTo("dynamodb"));
  plainFormat.addEventListener("change", () => switchTo("plain"));

  const key = (full) => {
    const out = {};
    for (const k of table.KeySchema) if (full[k.AttributeName] !== undefined) out[k.AttributeName] = full[k.AttributeName];
    return out;
  };
  const json = (field, what) => {
    const t = field.value.trim();
    if (!t) return undefined;
    try {
      return JSON.parse(t);
    } catch (error) {
      throw new Error(`${what} is not JSON: ${error.message}`);
    }
  };
  // The parts every write shares: the condition and the expression names and values.
  const common = () => {
    const request = { TableName: table.TableName, ReturnConsumedCapacity: "TOTAL" };
    if (condition.value.trim()) request.ConditionExpression = condition.value.trim();
    const n = json(names, "Expression attribute names");
    const v = json(values, "Expression attribute values");
    if (n) request.ExpressionAttributeNames = n;
    if (v) request.ExpressionAttributeValues = v;
    return request;
  };
  const consumed = (answer) => (answer.ConsumedCapacity ? ` (${units(answer.ConsumedCapacity.CapacityUnits)} WCU)` : "");
  const write = async (operation, build, done) => {
    status.clear();
    const answer = await guarded(errors, async () => api.dynamodb(operation, build()));
    if (!answer) return;
    done(answer);
    written();
  };

  const put = () =>
    write(
      "PutItem",
      () => ({ ...common(), Item: item() }),
      (answer) => status.show(`Saved the item${consumed(answer)}.`),
    );
  const updateItem = () =>
    write(
      "UpdateItem",
      () => ({ ...common(), Key: key(item()), UpdateExpression: update.value.trim() || undefined, ReturnValues: "ALL_NEW" }),
      (answer) => {
        if (answer.Attributes) show(answer.Attributes);
        status.show(`Updated the item${consumed(answer)}.`);
      },
    );
  const remove = () =>
    write(
      "DeleteItem",
      () => ({ ...common(), Key: key(item()) }),
      (answer) => status.show(`Deleted the item${consumed(answer)}.`),
    );

  const element = h(
    "section",
    { class: "card editor", "aria-labelledby": "editor-title" },
    h("h2", { id: "editor-title" }, "Item"),
    h(
      "fieldset",
      { class: "inline" },
      h("legend", {}, "Format"),
      h("span", {}, dynamoFormat, h("label", { for: "format-dynamodb" }, "DynamoDB JSON")),
      h("span", {}, plainFormat, h("label", { for: "format-plain" }, "Plain JSON")),
    ),
    field("Item JSON", text),
    field("Condition expression", condition),
    field("Update expression", update, "For Update item: applied to the item with the key above."),
    field("Expression attribute names (JSON)", names),
    field("Expression attribute values (DynamoDB JSON)", values),
    h(
      "div",
      { class: "actions" },
      h("button", { type: "button", class: "primary", onclick: put }, "Put item"),
      h("button", { type: "button", onclick: updateItem }, "Update item"),
      h("button", { type: "button", class: "danger", onclick: remove }, "Delete item"),
      h(
        "button",
        {
          type: "button",
          onclick: () => {
            errors.clear();
            status.clear();
            show(Object.fromEntries(table.KeySchema.map((k) => [k.AttributeName, blank(keyType(table, k.AttributeName))])));
            text.focus();
          },
        },
        "New item",
      ),
    ),
    errors.element,
    status.element,
  );
  return {
    element,
    open(dynamo) {
      errors.clear();
      status.clear();
      try {
        show(dynamo);
      } catch (error) {
        // Sets and binary have no plain JSON form: such an item opens in DynamoDB JSON.
        format = "dynamodb";
        dynamoFormat.checked = true;
        show(dynamo);
        errors.show(error.message);
      }
      text.focus();
    },
  };
}

function keyType(table, name) {
  return table.AttributeDefinitions.find((d) => d.AttributeName === name)?.AttributeType ?? "S";
}

/** An empty value of a key type, for a new item's template. */
function blank(type) {
  return { [type]: type === "N" ? "0" : "" };
}
