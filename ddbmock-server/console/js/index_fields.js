// One secondary index in the create-table form: a fieldset with its name, key schema, projection
// and (for a global index on a provisioned table) its own capacity, and the CreateTable member it
// becomes. Local indexes share the table's partition key, so they ask only for a sort key.

import { h, field, select } from "./ui.js";

export const KEY_TYPES = [
  ["S", "String (S)"],
  ["N", "Number (N)"],
  ["B", "Binary (B)"],
];
const PROJECTIONS = [
  ["ALL", "All attributes (ALL)"],
  ["KEYS_ONLY", "Keys only (KEYS_ONLY)"],
  ["INCLUDE", "Keys and listed attributes (INCLUDE)"],
];
const KINDS = { global: "Global secondary index", local: "Local secondary index" };

/**
 * The fieldset of one index of `kind` ("global" or "local"), its capacity fields enabled when
 * `provisioned`. `remove()` runs when its Remove button is pressed. Returns `{ kind, element,
 * number(n), provisioned(on), read() }`: `number` titles it ("Global secondary index 2"),
 * `provisioned` enables or disables its capacity, `read` gives its fields' values.
 */
export function indexFields(kind, provisioned, remove) {
  const input = (attributes = {}) => h("input", { spellcheck: "false", ...attributes });
  const name = input();
  const pk = input();
  const pkType = select(KEY_TYPES);
  const sk = input();
  const skType = select(KEY_TYPES);
  const projection = select(PROJECTIONS);
  const nonKey = input({ disabled: true });
  projection.addEventListener("change", () => {
    nonKey.disabled = projection.value !== "INCLUDE";
  });
  const rcu = input({ type: "number", min: "1", value: "5", disabled: !provisioned });
  const wcu = input({ type: "number", min: "1", value: "5", disabled: !provisioned });
  const legend = h("legend", {});
  const removeButton = h("button", { type: "button", class: "small", onclick: remove }, "Remove");
  const global = kind === "global";
  const element = h(
    "fieldset",
    { class: "index" },
    legend,
    field("Index name", name),
    global ? [field("Index partition key", pk), field("Index partition key type", pkType)] : null,
    field(global ? "Index sort key (optional)" : "Index sort key", sk, global ? null : "The partition key is the table's."),
    field("Index sort key type", skType),
    field("Projection", projection),
    field("Non-key attributes (INCLUDE)", nonKey, "Names separated by commas."),
    global ? [field("Index read capacity units", rcu), field("Index write capacity units", wcu)] : null,
    h("div", { class: "actions" }, removeButton),
  );
  return {
    kind,
    element,
    number(n) {
      legend.textContent = `${KINDS[kind]} ${n}`;
      removeButton.setAttribute("aria-label", `Remove ${KINDS[kind].toLowerCase()} ${n}`);
    },
    provisioned(on) {
      rcu.disabled = wcu.disabled = !on;
    },
    read() {
      const value = (control) => control.value.trim();
      return {
        kind,
        name: value(name),
        pk: global ? value(pk) : "",
        pkType: pkType.value,
        sk: value(sk),
        skType: skType.value,
        projection: projection.value,
        nonKey: nonKey.disabled ? [] : nonKeyNames(nonKey.value),
        rcu: value(rcu),
        wcu: value(wcu),
      };
    },
  };
}

/** `"a, b,,c "` as `["a", "b", "c"]`. */
export function nonKeyNames(text) {
  return text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/**
 * The CreateTable entry of an index read by `read()`; `key(name, type, keyType)` adds its key
 * attributes to the table's definitions and gives its key schema entries.
 */
export function indexRequest(index, key, provisioned) {
  const projection = { ProjectionType: index.projection };
  // Sent whenever INCLUDE is chosen, even empty, so that DynamoDB says what it thinks of it.
  if (index.projection === "INCLUDE") projection.NonKeyAttributes = index.nonKey;
  const entry = {
    IndexName: index.name,
    KeySchema: [...key(index.pk, index.pkType, "HASH"), ...key(index.sk, index.skType, "RANGE")],
    Projection: projection,
  };
  if (provisioned) entry.ProvisionedThroughput = { ReadCapacityUnits: Number(index.rcu), WriteCapacityUnits: Number(index.wcu) };
  return entry;
}
