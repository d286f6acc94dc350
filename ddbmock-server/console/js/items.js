// The items view: Scan and Query forms (key condition, filter, index, names and values, page size),
// pages forward and back (a stack of ExclusiveStartKeys), the results as a table, and the item
// editor (editor.js) for the row chosen.

import { h, fill, field, select, messages, guarded, heading, units } from "./ui.js";
import { brief } from "./json.js";
import { editor } from "./editor.js";

const SORT_OPERATORS = [
  ["", "Any sort key"],
  ["=", "="],
  ["<", "<"],
  ["<=", "<="],
  [">", ">"],
  [">=", ">="],
  ["between", "between"],
  ["begins_with", "begins with"],
];

export async function mount(container, api, tableName) {
  const errors = messages("alert");
  const names = await guarded(errors, () => api.tableNames());
  const tablePicker = select([["", "Choose a table"], ...(names ?? []).map((n) => [n, n])], { name: "table" });
  tablePicker.value = tableName ?? "";
  tablePicker.addEventListener("change", () => {
    location.hash = `#/items/${encodeURIComponent(tablePicker.value)}`;
  });
  const head = h("div", { class: "view-head" }, heading("Items"), h("div", { class: "actions" }, field("Table", tablePicker)));
  fill(container, head, errors.element);
  if (!tableName) {
    container.append(h("p", { class: "muted" }, "Choose a table to scan or query its items."));
    return;
  }
  const table = await guarded(errors, () => api.describe(tableName));
  if (!table) return;
  const state = { table, pages: [undefined], page: 0, request: null };
  const results = h("section", { class: "card results", "aria-label": "Results" });
  const edit = editor(api, table, () => run(state.page));
  const form = queryForm(table, () => {
    state.pages = [undefined];
    run(0);
  });

  // Runs the form's request for page `page`, from the key that page starts at.
  const run = async (page) => {
    const request = await guarded(errors, () => form.request());
    if (!request) return;
    const start = state.pages[page];
    if (start) request.ExclusiveStartKey = start;
    const operation = form.mode() === "query" ? "Query" : "Scan";
    const answer = await guarded(errors, () => api.dynamodb(operation, request));
    if (!answer) return;
    state.page = page;
    state.pages.length = page + 1;
    if (answer.LastEvaluatedKey) state.pages.push(answer.LastEvaluatedKey);
    showResults(results, table, answer, state, run, edit);
  };

  container.append(h("div", { class: "split items" }, h("div", {}, form.element, results), edit.element));
  fill(results, h("p", { class: "muted" }, "Run a scan or a query to see items."));
}

function keyNames(schema) {
  return {
    hash: schema.find((k) => k.KeyType === "HASH")?.AttributeName,
    range: schema.find((k) => k.KeyType === "RANGE")?.AttributeName,
  };
}

function keyType(table, name) {
  return table.AttributeDefinitions.find((d) => d.AttributeName === name)?.AttributeType ?? "S";
}

/** The Scan/Query form; `request()` builds the request (throwing on JSON it cannot read). */
function queryForm(table, submit) {
  const indexes = [...(table.GlobalSecondaryIndexes ?? []), ...(table.LocalSecondaryIndexes ?? [])];
  const indexPicker = select([["", `Table ${table.TableName}`], ...indexes.map((i) => [i.IndexName, `Index ${i.IndexName}`])], { name: "index" });
  const modeScan = h("input", { type: "radio", name: "mode", value: "scan", id: "mode-scan", checked: true });
  const modeQuery = h("input", { type: "radio", name: "mode", value: "query", id: "mode-query" });
  const pk = h("input", { name: "pk", spellcheck: "false" });
  const sortOp = select(SORT_OPERATORS, { name: "sortOp" });
  const sk = h("input", { name: "sk", spellcheck: "false" });
  const sk2 = h("input", { name: "sk2", spellcheck: "false", disabled: true });
  const filter = h("input", { name: "filter", spellcheck: "false", placeholder: "e.g. #s = :s" });
  const projection = h("input", { name: "projection", spellcheck: "false" });
  const namesField = h("textarea", { name: "names", rows: "2", spellcheck: "false", placeholder: '{"#s": "status"}' });
  const valuesField = h("textarea", { name: "values", rows: "2", spellcheck: "false", placeholder: '{":s": {"S": "open"}}' });
  const limit = h("input", { name: "limit", type: "number", min: "1", value: "25" });
  const consistent = h("input", { type: "checkbox", name: "consistent", id: "consistent" });
  const descending = h("input", { type: "checkbox", name: "descending", id: "descending" });
  const keyFields = h("fieldset", { class: "key-fields", disabled: true }, h("legend", {}, "Key condition"));

  // The key fields follow the index chosen: its partition key, its sort key (if any).
  const currentKeys = () => {
    const index = indexes.find((i) => i.IndexName === indexPicker.value);
    return keyNames(index ? index.KeySchema : table.KeySchema);
  };
  const relabel = () => {
    const keys = currentKeys();
    fill(
      keyFields,
      h("legend", {}, "Key condition"),
      field(`${keys.hash} (${keyType(table, keys.hash)}) =`, pk),
      keys.range ? [field(`${keys.range} (${keyType(table, keys.range)})`, sortOp), field("Sort key value", sk), field("Second value (between)", sk2)] : null,
    );
  };
  sortOp.addEventListener("change", () => {
    sk2.disabled = sortOp.value !== "between";
  });
  indexPicker.addEventListener("change", relabel);
  const mode = () => (modeQuery.checked ? "query" : "scan");
  const syncMode = () => {
    keyFields.disabled = mode() !== "query";
    descending.disabled = mode() !== "query";
  };
  modeScan.addEventListener("change", syncMode);
  modeQuery.addEventListener("change", syncMode);
  relabel();
  syncMode();

  const element = h(
    "form",
    { class: "card form grid", "aria-label": "Scan or query" },
    h(
      "fieldset",
      { class: "inline" },
      h("legend", {}, "Operation"),
      h("span", {}, modeScan, h("label", { for: "mode-scan" }, "Scan")),
      h("span", {}, modeQuery, h("label", { for: "mode-query" }, "Query")),
    ),
    field("Read from", indexPicker),
    keyFields,
    h(
      "fieldset",
      {},
      h("legend", {}, "Filter and projection"),
      field("Filter expression", filter),
      field("Projection expression", projection),
      field("Expression attribute names (JSON)", namesField),
      field("Expression attribute values (DynamoDB JSON)", valuesField),
    ),
    h(
      "fieldset",
      { class: "inline" },
      h("legend", {}, "Paging and reads"),
      field("Page size (Limit)", limit),
      h("span", {}, consistent, h("label", { for: "consistent" }, "Consistent read")),
      h("span", {}, descending, h("label", { for: "descending" }, "Descending")),
    ),
    h("div", { class: "actions" }, h("button", { type: "submit", class: "primary" }, "Run")),
  );
  element.addEventListener("submit", (event) => {
    event.preventDefault();
    submit();
  });

  const json = (textarea, what) => {
    const text = textarea.value.trim();
    if (!text) return {};
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new Error(`${what} is not JSON: ${error.message}`);
    }
  };
  const request = () => {
    const names = json(namesField, "Expression attribute names");
    const values = json(valuesField, "Expression attribute values");
    const request = { TableName: table.TableName, ReturnConsumedCapacity: "TOTAL" };
    if (indexPicker.value) request.IndexName = indexPicker.value;
    if (mode() === "query") {
      // The key condition's placeholders are the console's own (#k0, :k0…), beside the user's.
      const keys = currentKeys();
      const value = (name, text) => ({ [keyType(table, name)]: text });
      names["#k0"] = keys.hash;
      values[":k0"] = value(keys.hash, pk.value);
      let condition = "#k0 = :k0";
      if (keys.range && sortOp.value) {
        names["#k1"] = keys.range;
        values[":k1"] = value(keys.range, sk.value);
        if (sortOp.value === "between") {
          values[":k2"] = value(keys.range, sk2.value);
          condition += " AND #k1 BETWEEN :k1 AND :k2";
        } else if (sortOp.value === "begins_with") {
          condition += " AND begins_with(#k1, :k1)";
        } else {
          condition += ` AND #k1 ${sortOp.value} :k1`;
        }
      }
      request.KeyConditionExpression = condition;
      if (descending.checked) request.ScanIndexForward = false;
    }
    if (filter.value.trim()) request.FilterExpression = filter.value.trim();
    if (projection.value.trim()) request.ProjectionExpression = projection.value.trim();
    if (Object.keys(names).length) request.ExpressionAttributeNames = names;
    if (Object.keys(values).length) request.ExpressionAttributeValues = values;
    if (limit.value) request.Limit = Number(limit.value);
    if (consistent.checked) request.ConsistentRead = true;
    return request;
  };
  return { element, request, mode };
}

function showResults(results, table, answer, state, run, edit) {
  const { hash, range } = keyNames(table.KeySchema);
  const columns = [hash, range].filter(Boolean);
  for (const item of answer.Items) for (const name of Object.keys(item)) if (!columns.includes(name)) columns.push(name);
  const consumed = answer.ConsumedCapacity ? ` · ${units(answer.ConsumedCapacity.CapacityUnits)} RCU` : "";
  const keyLabel = (item) => columns.slice(0, range ? 2 : 1).map((c) => brief(item[c], 30)).join(" / ");
  fill(
    results,
    h("h2", {}, "Results"),
    h(
      "p",
      { class: "summary", role: "status" },
      `Page ${state.page + 1} · ${answer.Count} items (${answer.ScannedCount} scanned)${consumed}`,
      answer.LastEvaluatedKey ? "" : " · last page",
    ),
    h(
      "div",
      { class: "actions pager" },
      h("button", { type: "button", disabled: state.page === 0, onclick: () => run(state.page - 1) }, "Previous page"),
      h("button", { type: "button", disabled: !answer.LastEvaluatedKey, onclick: () => run(state.page + 1) }, "Next page"),
    ),
    h(
      "div",
      { class: "scroll" },
      h(
        "table",
        { class: "items-table" },
        h("caption", { class: "visually-hidden" }, `Items of ${table.TableName}`),
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, h("span", { class: "visually-hidden" }, "Open")), columns.map((c) => h("th", { scope: "col" }, c)))),
        h(
          "tbody",
          {},
          answer.Items.map((item) =>
            h(
              "tr",
              {},
              h("td", {}, h("button", { type: "button", class: "small", "aria-label": `Open ${keyLabel(item)}`, onclick: () => edit.open(item) }, "Open")),
              columns.map((c) => h("td", {}, item[c] ? brief(item[c]) : "")),
            ),
          ),
        ),
      ),
    ),
  );
}
