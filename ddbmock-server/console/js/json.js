// Items in DynamoDB JSON ({"S": "x"}) and in plain JSON ("x"), and the conversions between them.
//
// DynamoDB numbers have up to 38 digits; a JavaScript number keeps about 16. So plain JSON is read
// and written here with numbers kept as their text (a `Num`), never as floating point: an item
// shown in plain JSON and saved back is the item it was.

/** A number as written: its decimal text, exact. */
export class Num {
  constructor(text) {
    this.text = text;
  }
}

// An own property even for the name "__proto__", which DynamoDB allows as an attribute name.
function put(object, key, value) {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** Parses JSON text, numbers as `Num`; throws a SyntaxError naming the offset. */
export function parseExact(text) {
  let at = 0;
  const fail = (what) => {
    throw new SyntaxError(`${what} at offset ${at}`);
  };
  const space = () => {
    while (at < text.length && " \t\r\n".includes(text[at])) at++;
  };
  // Nesting is bounded so that a hostile paste cannot overflow the stack.
  const value = (depth) => {
    if (depth > 64) fail("Nested too deeply");
    space();
    const c = text[at];
    if (c === "{") {
      at++;
      const object = {};
      space();
      if (text[at] === "}") {
        at++;
        return object;
      }
      for (;;) {
        space();
        if (text[at] !== '"') fail("Expected a string key");
        const key = string();
        space();
        if (text[at] !== ":") fail("Expected ':'");
        at++;
        put(object, key, value(depth + 1));
        space();
        if (text[at] === ",") {
          at++;
          continue;
        }
        if (text[at] === "}") {
          at++;
          return object;
        }
        fail("Expected ',' or '}'");
      }
    }
    if (c === "[") {
      at++;
      const array = [];
      space();
      if (text[at] === "]") {
        at++;
        return array;
      }
      for (;;) {
        array.push(value(depth + 1));
        space();
        if (text[at] === ",") {
          at++;
          continue;
        }
        if (text[at] === "]") {
          at++;
          return array;
        }
        fail("Expected ',' or ']'");
      }
    }
    if (c === '"') return string();
    for (const [word, meaning] of [["true", true], ["false", false], ["null", null]]) {
      if (text.startsWith(word, at)) {
        at += word.length;
        return meaning;
      }
    }
    NUMBER.lastIndex = at;
    const number = NUMBER.exec(text);
    if (number) {
      at += number[0].length;
      return new Num(number[0]);
    }
    return fail(at >= text.length ? "Unexpected end of JSON" : `Unexpected ${JSON.stringify(c)}`);
  };
  const string = () => {
    const start = at;
    at++;
    while (at < text.length && text[at] !== '"') at += text[at] === "\\" ? 2 : 1;
    if (at >= text.length) fail("Unterminated string");
    at++;
    return JSON.parse(text.slice(start, at));
  };
  const result = value(0);
  space();
  if (at < text.length) fail("Unexpected text after the JSON value");
  return result;
}

/** JSON text of `value` (which may hold `Num`s), indented by two spaces. */
export function stringifyExact(value, indent = "") {
  if (value instanceof Num) return value.text;
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const inner = indent + "  ";
    return `[\n${value.map((v) => inner + stringifyExact(v, inner)).join(",\n")}\n${indent}]`;
  }
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 0) return "{}";
    const inner = indent + "  ";
    const lines = entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${stringifyExact(v, inner)}`);
    return `{\n${lines.join(",\n")}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/** Thrown when an item holds a type that plain JSON cannot carry (sets, binary). */
export class NotPlain extends Error {}

/** One DynamoDB JSON attribute value to plain JSON. */
export function toPlain(attribute) {
  const [type, v] = Object.entries(attribute)[0] ?? [];
  switch (type) {
    case "S":
      return v;
    case "N":
      return new Num(v);
    case "BOOL":
      return v;
    case "NULL":
      return null;
    case "L":
      return v.map(toPlain);
    case "M":
      return plainItem(v);
    default:
      throw new NotPlain(`Plain JSON has no ${type ?? "empty"} value; edit this item in DynamoDB JSON.`);
  }
}

/** An item (attribute name to DynamoDB JSON value) to a plain JSON object. */
export function plainItem(item) {
  const out = {};
  for (const [name, value] of Object.entries(item)) put(out, name, toPlain(value));
  return out;
}

/** One plain JSON value to DynamoDB JSON. */
export function fromPlain(value) {
  if (value instanceof Num) return { N: value.text };
  if (typeof value === "number") return { N: String(value) };
  if (typeof value === "string") return { S: value };
  if (typeof value === "boolean") return { BOOL: value };
  if (value === null) return { NULL: true };
  if (Array.isArray(value)) return { L: value.map(fromPlain) };
  return { M: dynamoItem(value) };
}

/** A plain JSON object to an item in DynamoDB JSON. */
export function dynamoItem(object) {
  if (object === null || typeof object !== "object" || Array.isArray(object)) {
    throw new TypeError("An item is a JSON object");
  }
  const out = {};
  for (const [name, value] of Object.entries(object)) put(out, name, fromPlain(value));
  return out;
}

/** A short one-line rendering of an attribute value, for tables and lists. */
export function brief(attribute, limit = 60) {
  const [type, v] = Object.entries(attribute ?? {})[0] ?? [];
  let text;
  switch (type) {
    case "S":
    case "N":
    case "B":
      text = v;
      break;
    case "BOOL":
      text = String(v);
      break;
    case "NULL":
      text = "null";
      break;
    case "SS":
    case "NS":
    case "BS":
      text = `${type} [${v.join(", ")}]`;
      break;
    default:
      text = JSON.stringify(v);
  }
  return text.length > limit ? text.slice(0, limit - 1) + "…" : text;
}
