// The create-table form: keys, billing, stream, and one optional global secondary index, sent as a
// CreateTable request. It checks nothing itself: what DynamoDB refuses, it shows in DynamoDB's words.

import { h, field, select, messages, guarded } from "./ui.js";

const KEY_TYPES = [
  ["S", "String (S)"],
  ["N", "Number (N)"],
  ["B", "Binary (B)"],
];
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
  billing.addEventListener("change", () => {
    rcu.disabled = wcu.disabled = billing.value !== "PROVISIONED";
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
      "fieldset",
      {},
      h("legend", {}, "Global secondary index (optional)"),
      field("Index name", input("gsi")),
      field("Index partition key", input("gsiPk")),
      field("Index partition key type", select(KEY_TYPES, { name: "gsiPkType" })),
      field("Index sort key", input("gsiSk")),
      field("Index sort key type", select(KEY_TYPES, { name: "gsiSkType" })),
    ),
    h("div", { class: "actions" }, h("button", { type: "submit", class: "primary" }, "Create")),
    errors.element,
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const request = createRequest(new FormData(form));
    const answer = await guarded(errors, () => api.dynamodb("CreateTable", request));
    if (answer) {
      form.reset();
      rcu.disabled = wcu.disabled = true;
      created(request.TableName);
    }
  });
  return form;
}

/** The CreateTable request the form's `data` describes. */
export function createRequest(data) {
  const text = (name) => String(data.get(name) ?? "").trim();
  const definitions = [];
  const key = (nameField, typeField, keyType) => {
    const name = text(nameField);
    if (!name) return [];
    const type = text(typeField);
    // The same name with two types is sent as it is: DynamoDB is the one to say what is wrong.
    if (!definitions.some((d) => d.AttributeName === name && d.AttributeType === type)) {
      definitions.push({ AttributeName: name, AttributeType: type });
    }
    return [{ AttributeName: name, KeyType: keyType }];
  };
  const request = {
    TableName: text("name"),
    KeySchema: [...key("pk", "pkType", "HASH"), ...key("sk", "skType", "RANGE")],
    BillingMode: text("billing"),
  };
  const provisioned = text("billing") === "PROVISIONED";
  const throughput = () => ({ ReadCapacityUnits: Number(text("rcu")), WriteCapacityUnits: Number(text("wcu")) });
  if (provisioned) request.ProvisionedThroughput = throughput();
  if (text("stream")) request.StreamSpecification = { StreamEnabled: true, StreamViewType: text("stream") };
  if (text("gsi")) {
    const index = {
      IndexName: text("gsi"),
      KeySchema: [...key("gsiPk", "gsiPkType", "HASH"), ...key("gsiSk", "gsiSkType", "RANGE")],
      Projection: { ProjectionType: "ALL" },
    };
    if (provisioned) index.ProvisionedThroughput = throughput();
    request.GlobalSecondaryIndexes = [index];
  }
  request.AttributeDefinitions = definitions;
  return request;
}
