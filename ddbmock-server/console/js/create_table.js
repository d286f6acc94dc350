// The create-table form: keys, billing, stream, and any number of global and local secondary
// indexes (see index_fields.js), sent as one CreateTable request. It checks nothing itself: what
// DynamoDB refuses, it shows in DynamoDB's words.

import { h, field, select, messages, guarded } from "./ui.js";
import { KEY_TYPES, indexFields, indexRequest } from "./index_fields.js";

const STREAMS = [
  ["", "No stream"],
  ["NEW_AND_OLD_IMAGES", "New and old images"],
  ["NEW_IMAGE", "New image"],
  ["OLD_IMAGE", "Old image"],
  ["KEYS_ONLY", "Keys only"],
];

/** The form; `created(name)` runs after DynamoDB accepted the table. */
export function createForm(api, created) {
  const errors = messages("alert");
  const input = (name, attributes = {}) => h("input", { name, spellcheck: "false", ...attributes });
  const billing = select(
    [
      ["PAY_PER_REQUEST", "On demand"],
      ["PROVISIONED", "Provisioned"],
    ],
    { name: "billing" },
  );
  const rcu = input("rcu", { type: "number", min: "1", value: "5", disabled: true });
  const wcu = input("wcu", { type: "number", min: "1", value: "5", disabled: true });
  const provisioned = () => billing.value === "PROVISIONED";

  // The indexes in the order they were added; each knows its kind and reads its own fields.
  let indexes = [];
  const indexList = h("div", { class: "index-list" });
  const renumber = () => {
    for (const kind of ["global", "local"]) {
      indexes.filter((i) => i.kind === kind).forEach((index, n) => index.number(n + 1));
    }
  };
  const add = (kind) => {
    const index = indexFields(kind, provisioned(), () => {
      indexes = indexes.filter((i) => i !== index);
      index.element.remove();
      renumber();
      // The focus would otherwise fall to the page's start.
      (kind === "global" ? addGlobal : addLocal).focus();
    });
    indexes.push(index);
    indexList.append(index.element);
    renumber();
    index.element.querySelector("input")?.focus();
  };
  const addGlobal = h("button", { type: "button", onclick: () => add("global") }, "Add global secondary index");
  const addLocal = h("button", { type: "button", onclick: () => add("local") }, "Add local secondary index");

  billing.addEventListener("change", () => {
    rcu.disabled = wcu.disabled = !provisioned();
    for (const index of indexes) index.provisioned(provisioned());
  });
  const form = h(
    "form",
    { class: "form grid" },
    field("Table name", input("name")),
    h(
      "fieldset",
      {},
      h("legend", {}, "Primary key"),
      field("Partition key", input("pk")),
      field("Partition key type", select(KEY_TYPES, { name: "pkType" })),
      field("Sort key (optional)", input("sk")),
      field("Sort key type", select(KEY_TYPES, { name: "skType" })),
    ),
    h(
      "fieldset",
      {},
      h("legend", {}, "Capacity and stream"),
      field("Billing mode", billing),
      field("Read capacity units", rcu),
      field("Write capacity units", wcu),
      field("Stream", select(STREAMS, { name: "stream" })),
    ),
    h(
      "div",
      { class: "indexes" },
      indexList,
      h("div", { class: "actions" }, addGlobal, addLocal),
    ),
    h("div", { class: "actions" }, h("button", { type: "submit", class: "primary" }, "Create")),
    errors.element,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const text = (name) => String(data.get(name) ?? "").trim();
    const request = createRequest({
      name: text("name"),
      pk: text("pk"),
      pkType: text("pkType"),
      sk: text("sk"),
      skType: text("skType"),
      billing: text("billing"),
      rcu: text("rcu"),
      wcu: text("wcu"),
      stream: text("stream"),
      indexes: indexes.map((i) => i.read()),
    });
    const answer = await guarded(errors, () => api.dynamodb("CreateTable", request));
    if (answer) {
      form.reset();
      rcu.disabled = wcu.disabled = true;
      for (const index of indexes) index.element.remove();
      indexes = [];
      created(request.TableName);
    }
  });
  return form;
}

/**
 * The CreateTable request a form describes: `{ name, pk, pkType, sk, skType, billing, rcu, wcu,
 * stream, indexes }`, each index as `indexFields(...).read()` gives it.
 */
export function createRequest(form) {
  const definitions = [];
  const key = (name, type, keyType) => {
    if (!name) return [];
    // The same name with two types is sent as it is: DynamoDB is the one to say what is wrong.
    if (!definitions.some((d) => d.AttributeName === name && d.AttributeType === type)) {
      definitions.push({ AttributeName: name, AttributeType: type });
    }
    return [{ AttributeName: name, KeyType: keyType }];
  };
  const request = {
    TableName: form.name,
    KeySchema: [...key(form.pk, form.pkType, "HASH"), ...key(form.sk, form.skType, "RANGE")],
    BillingMode: form.billing,
  };
  const provisioned = form.billing === "PROVISIONED";
  if (provisioned) request.ProvisionedThroughput = { ReadCapacityUnits: Number(form.rcu), WriteCapacityUnits: Number(form.wcu) };
  if (form.stream) request.StreamSpecification = { StreamEnabled: true, StreamViewType: form.stream };
  const indexes = form.indexes ?? [];
  const global = indexes.filter((i) => i.kind === "global").map((i) => indexRequest(i, key, provisioned));
  // A local index shares the table's partition key; the form asks only for its sort key.
  const local = indexes
    .filter((i) => i.kind === "local")
    .map((i) => indexRequest({ ...i, pk: form.pk, pkType: form.pkType }, key, false));
  if (global.length) request.GlobalSecondaryIndexes = global;
  if (local.length) request.LocalSecondaryIndexes = local;
  request.AttributeDefinitions = definitions;
  return request;
}
