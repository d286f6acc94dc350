// The console's only way to the server: DynamoDB's JSON API (X-Amz-Target POSTs, signed), and
// ddbmock's capacity report (GET /ddbmock/capacity, signed the same way).

import { sign } from "./sigv4.js";

const DYNAMODB = "DynamoDB_20120810";
const STREAMS = "DynamoDBStreams_20120810";

/** An error answer, as DynamoDB words it: `type` is the exception's short name. */
export class ApiError extends Error {
  constructor(type, message, status) {
    super(message);
    this.type = type;
    this.status = status;
  }

  /** `Type: message`, DynamoDB's words unchanged. */
  toString() {
    return this.message ? `${this.type}: ${this.message}` : this.type;
  }
}

/** Errors that mean "these credentials are not accepted here". */
const REFUSALS = new Set([
  "UnrecognizedClientException",
  "InvalidSignatureException",
  "MissingAuthenticationTokenException",
  "IncompleteSignatureException",
  "AccessDeniedException",
]);

export function isRefusal(error) {
  return error instanceof ApiError && REFUSALS.has(error.type);
}

// A server started without --auth takes any key; this one names the console in its logs.
const ANY_KEY = { accessKeyId: "ddbmock-console", secretAccessKey: "ddbmock-console" };

export class Api {
  constructor() {
    this.credentials = ANY_KEY;
    this.region = "us-east-1";
  }

  /** Reads the server's region from its health answer (`healthy: dynamodb.REGION.amazonaws.com `). */
  async discoverRegion() {
    try {
      const text = await (await fetch("/")).text();
      const found = /dynamodb\.([^\s]+)\.amazonaws\.com/.exec(text);
      if (found) this.region = found[1];
    } catch {
      // The API calls report an unreachable server themselves.
    }
    return this.region;
  }

  signedIn() {
    return this.credentials !== ANY_KEY;
  }

  signIn(accessKeyId, secretAccessKey, region) {
    this.credentials = { accessKeyId, secretAccessKey };
    this.region = region;
  }

  signOut() {
    this.credentials = ANY_KEY;
  }

  /** Calls a DynamoDB operation; its answer's JSON, or throws an `ApiError`. */
  dynamodb(operation, input = {}) {
    return this.call(`${DYNAMODB}.${operation}`, input);
  }

  /** Calls a DynamoDB Streams operation. */
  streams(operation, input = {}) {
    return this.call(`${STREAMS}.${operation}`, input);
  }

  async call(target, input) {
    const body = JSON.stringify(input);
    const headers = { "content-type": "application/x-amz-json-1.0", "x-amz-target": target };
    return this.send("POST", "/", headers, body);
  }

  /** ddbmock's capacity planning report. */
  capacity() {
    return this.send("GET", "/ddbmock/capacity", {}, "");
  }

  async send(method, path, headers, body) {
    const signature = await sign({ method, host: location.host, path, headers, body }, this.credentials, this.region);
    let response;
    try {
      response = await fetch(path, {
        method,
        headers: { ...headers, ...signature },
        body: method === "GET" ? undefined : body,
        cache: "no-store",
      });
    } catch (error) {
      throw new ApiError("NetworkError", `The server did not answer (${error.message}).`, 0);
    }
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : {};
    } catch {
      // Not JSON: DynamoDB's 404 body, or an empty 413.
    }
    if (response.ok && json !== null) return json;
    if (json && typeof json.__type === "string") {
      const type = json.__type.split("#").pop();
      throw new ApiError(type, json.message ?? json.Message ?? "", response.status);
    }
    throw new ApiError(`HTTP ${response.status}`, text.trim(), response.status);
  }

  /** Every table name, following ListTables' pages. */
  async tableNames() {
    const names = [];
    let start;
    do {
      const page = await this.dynamodb("ListTables", start ? { ExclusiveStartTableName: start } : {});
      names.push(...page.TableNames);
      start = page.LastEvaluatedTableName;
    } while (start);
    return names;
  }

  async describe(tableName) {
    return (await this.dynamodb("DescribeTable", { TableName: tableName })).Table;
  }
}
