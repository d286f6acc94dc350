// The tables view: the list (ListTables), one table described (DescribeTable, DescribeTimeToLive),
// create (see create_table.js) and delete (confirmed in confirm.js). Errors are DynamoDB's, shown as they come.

import { h, fill, messages, guarded, bytes, heading } from "./ui.js";
import { createForm } from "./create_table.js";
import { confirmDelete } from "./confirm.js";

/** An outcome to show on the next mount (a deleted table's status, after the list reloads). */
let flash = "";

export async function mount(container, api, selected) {
  const errors = messages("alert");
  const status = messages("status");
  status.show(flash);
  flash = "";
  const list = h("ul", { class: "table-list", "aria-label": "Tables" });
  const details = h("section", { class: "card details", "aria-label": "Table details" });
  const createButton = h("button", { type: "button", "aria-expanded": "false", "aria-controls": "create-table" }, "Create table");
  const createSection = h("section", { id: "create-table", class: "card", hidden: true, "aria-labelledby": "create-table-title" });

  const refresh = async () => {
    const names = await guarded(errors, () => api.tableNames());
    if (!names) return;
    fill(
      list,
      names.length === 0 ? h("li", { class: "muted" }, "No tables yet.") : null,
      names.map((name) =>
        h("li", {}, h("a", { href: `#/tables/${encodeURIComponent(name)}`, "aria-current": name === selected ? "true" : null }, name)),
      ),
    );
  };

  createButton.addEventListener("click", () => {
    const open = createSection.hidden;
    createSection.hidden = !open;
    createButton.setAttribute("aria-expanded", String(open));
    if (open) createSection.querySelector("input")?.focus();
  });
  fill(
    createSection,
    h("h2", { id: "create-table-title" }, "Create table"),
    createForm(api, (name) => {
      location.hash = `#/tables/${encodeURIComponent(name)}`;
    }),
  );

  fill(
    container,
    h("div", { class: "view-head" }, heading("Tables"), h("div", { class: "actions" }, createButton, h("button", { type: "button", onclick: () => refresh() }, "Refresh"))),
    errors.element,
    status.element,
    createSection,
    h("div", { class: "split" }, h("nav", { class: "card", "aria-label": "Table list" }, list), details),
  );

  await refresh();
  if (selected) await describe(api, selected, details, errors);
  else fill(details, h("p", { class: "muted" }, "Choose a table to see its keys, indexes, size and settings."));
}

async function describe(api, name, details, errors) {
  const table = await guarded(errors, () => api.describe(name));
  if (!table) {
    fill(details, h("p", { class: "muted" }, `No description of ${name}.`));
    return;
  }
  // TTL has an operation of its own; its error (if any) does not hide the rest.
  let ttl = null;
  try {
    ttl = (await api.dynamodb("DescribeTimeToLive", { TableName: name })).TimeToLiveDescription;
  } catch (error) {
    ttl = { TimeToLiveStatus: String(error) };
  }
  const remove = async () => {
    if (!(await confirmDelete(name))) return;
    const answer = await guarded(errors, () => api.dynamodb("DeleteTable", { TableName: name }));
    if (!answer) return;
    flash = `Deleted table ${name} (status ${answer.TableDescription.TableStatus}).`;
    location.hash = "#/tables";
  };
  fill(
    details,
    h("h2", {}, name),
    h(
      "div",
      { class: "actions" },
      h("a", { class: "button", href: `#/items/${encodeURIComponent(name)}` }, "Browse items"),
      h("a", { class: "button", href: `#/streams/${encodeURIComponent(name)}` }, "Stream"),
      h("button", { type: "button", class: "danger", onclick: remove }, "Delete table"),
    ),
    h("dl", { class: "facts" }, facts(table, ttl)),
    indexes(table),
  );
}

function keyText(schema, definitions) {
  const type = (name) => definitions.find((d) => d.AttributeName === name)?.AttributeType ?? "?";
  return schema.map((k) => `${k.AttributeName} (${type(k.AttributeName)}, ${k.KeyType === "HASH" ? "partition" : "sort"})`).join(", ");
}

function throughput(table) {
  if (table.BillingModeSummary?.BillingMode === "PAY_PER_REQUEST") return "On demand";
  const p = table.ProvisionedThroughput ?? {};
  return `Provisioned: ${p.ReadCapacityUnits ?? "?"} RCU, ${p.WriteCapacityUnits ?? "?"} WCU`;
}

function facts(table, ttl) {
  const stream = table.StreamSpecification?.StreamEnabled
    ? `${table.StreamSpecification.StreamViewType} (${table.LatestStreamArn ?? "no ARN"})`
    : "Off";
  const ttlText = ttl?.AttributeName ? `${ttl.TimeToLiveStatus} on ${ttl.AttributeName}` : (ttl?.TimeToLiveStatus ?? "DISABLED");
  const rows = [
    ["Status", table.TableStatus],
    ["Keys", keyText(table.KeySchema, table.AttributeDefinitions)],
    ["Capacity", throughput(table)],
    ["Items", String(table.ItemCount)],
    ["Size", bytes(table.TableSizeBytes)],
    ["Stream", stream],
    ["Time to live", ttlText],
    ["Created", new Date(table.CreationDateTime * 1000).toLocaleString()],
    ["ARN", table.TableArn],
  ];
  if (table.TableClassSummary?.TableClass) rows.push(["Table class", table.TableClassSummary.TableClass]);
  if (table.DeletionProtectionEnabled) rows.push(["Deletion protection", "On"]);
  return rows.map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]);
}

function indexes(table) {
  const all = [
    ...(table.GlobalSecondaryIndexes ?? []).map((i) => ({ ...i, kind: "Global" })),
    ...(table.LocalSecondaryIndexes ?? []).map((i) => ({ ...i, kind: "Local" })),
  ];
  if (all.length === 0) return h("p", { class: "muted" }, "No secondary indexes.");
  const projection = (p) => (p?.ProjectionType === "INCLUDE" ? `INCLUDE ${p.NonKeyAttributes.join(", ")}` : (p?.ProjectionType ?? ""));
  const capacity = (i) =>
    i.ProvisionedThroughput?.ReadCapacityUnits ? `${i.ProvisionedThroughput.ReadCapacityUnits} / ${i.ProvisionedThroughput.WriteCapacityUnits}` : "–";
  return h(
    "div",
    { class: "scroll" },
    h(
      "table",
      {},
      h("caption", {}, "Secondary indexes"),
      h("thead", {}, h("tr", {}, ["Name", "Kind", "Keys", "Projection", "Status", "Items", "Size", "RCU / WCU"].map((c) => h("th", { scope: "col" }, c)))),
      h(
        "tbody",
        {},
        all.map((i) =>
          h(
            "tr",
            {},
            h("th", { scope: "row" }, i.IndexName),
            h("td", {}, i.kind),
            h("td", {}, keyText(i.KeySchema, table.AttributeDefinitions)),
            h("td", {}, projection(i.Projection)),
            h("td", {}, i.IndexStatus ?? "ACTIVE"),
            h("td", {}, String(i.ItemCount ?? 0)),
            h("td", {}, bytes(i.IndexSizeBytes ?? 0)),
            h("td", {}, capacity(i)),
          ),
        ),
      ),
    ),
  );
}
