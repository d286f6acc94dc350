// Small DOM helpers shared by the views: element building (text only, never HTML strings, so no
// value from a table can become markup), error and status regions, formatting.

/**
 * `h("button", { type: "button", onclick }, "Save")`: an element with attributes (functions become
 * listeners, `false`/`null` are left out) and children (strings become text).
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    if (typeof value === "function") element.addEventListener(name.replace(/^on/, ""), value);
    else if (name === "value") element.value = value;
    else element.setAttribute(name, value === true ? "" : String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces `element`'s children. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

let ids = 0;

/** A fresh element id, for label `for=` links. */
export function uid(prefix) {
  ids += 1;
  return `${prefix}-${ids}`;
}

/** A labelled control: `[label, control]`, linked by id. */
export function field(text, control, hint) {
  if (!control.id) control.id = uid("f");
  const label = h("label", { for: control.id }, text);
  const parts = [label, control];
  if (hint) {
    const hintId = uid("hint");
    control.setAttribute("aria-describedby", hintId);
    parts.push(h("small", { id: hintId, class: "hint" }, hint));
  }
  return h("div", { class: "field" }, parts);
}

/** A `<select>` of `options` (values, or `[value, text]` pairs). */
export function select(options, attributes = {}) {
  return h(
    "select",
    attributes,
    options.map((o) => (Array.isArray(o) ? h("option", { value: o[0] }, o[1]) : h("option", { value: o }, o))),
  );
}

/**
 * A message region: `alert` for errors (read out at once), `status` for outcomes. `show(text)` sets
 * it, `clear()` empties it.
 */
export function messages(role) {
  const element = h("div", { role, class: role === "alert" ? "error" : "status" });
  return {
    element,
    show(text) {
      element.textContent = String(text);
    },
    clear() {
      element.textContent = "";
    },
  };
}

/** Runs `action`, showing what it throws in `errors`; returns its result, or undefined on error. */
export async function guarded(errors, action) {
  errors.clear();
  try {
    return await action();
  } catch (error) {
    errors.show(error);
    return undefined;
  }
}

/** Bytes in a readable unit. */
export function bytes(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(1)} MiB`;
}

/** A number of units, at most two decimals. */
export function units(n) {
  return String(Math.round(n * 100) / 100);
}

/** The view's heading, focused so that keyboard and screen reader users land on the new view. */
export function heading(text) {
  return h("h1", { tabindex: "-1", class: "view-title" }, text);
}

/** Calls `tick` now and every `ms` until the returned stop function is called; never overlapping. */
export function every(ms, tick) {
  let stopped = false;
  let timer;
  const run = async () => {
    if (stopped) return;
    try {
      await tick();
    } catch (error) {
      // A tick shows its own errors; this only keeps a stray one from stopping the loop.
      console.error(error);
    } finally {
      if (!stopped) timer = setTimeout(run, ms);
    }
  };
  run();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
