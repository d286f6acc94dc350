// AWS Signature Version 4 for the console's requests, with the browser's WebCrypto.
//
// WebCrypto (crypto.subtle) exists only in a secure context: https, or http on 127.0.0.1 or
// localhost. Elsewhere `canSign()` is false and requests carry a well-formed signature that proves
// nothing, which a server without --auth accepts (as DynamoDB Local does) and one with it refuses.

const encoder = new TextEncoder();

/** Whether this page can compute signatures. */
export function canSign() {
  return typeof crypto !== "undefined" && crypto.subtle !== undefined;
}

function hex(buffer) {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("");
}

async function sha256(text) {
  return crypto.subtle.digest("SHA-256", encoder.encode(text));
}

async function hmac(key, text) {
  const raw = typeof key === "string" ? encoder.encode(key) : key;
  const imported = await crypto.subtle.importKey("raw", raw, { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return crypto.subtle.sign("HMAC", imported, encoder.encode(text));
}

/** `YYYYMMDDTHHMMSSZ`, SigV4's timestamp. */
export function amzDate(now) {
  return now.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

// RFC 3986 encoding: encodeURIComponent leaves !'()* alone, SigV4 does not.
function rfc3986(text) {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => "%" + c.charCodeAt(0).toString(16).toUpperCase());
}

/** The canonical URI: services other than S3 sign each path segment encoded once more than it travels. */
export function canonicalUri(path) {
  return path.split("/").map(rfc3986).join("/") || "/";
}

/**
 * The headers that sign a request: `x-amz-date` and `authorization`.
 *
 * `request` is `{ method, host, path, headers, body }`, where `headers` are the others sent (all
 * signed) and `host` the Host header the browser will send (`location.host`).
 */
export async function sign(request, credentials, region, now = new Date()) {
  const date = amzDate(now);
  const day = date.slice(0, 8);
  const scope = `${day}/${region}/dynamodb/aws4_request`;
  const headers = { host: request.host, "x-amz-date": date };
  for (const [name, value] of Object.entries(request.headers)) headers[name.toLowerCase()] = String(value);
  const names = Object.keys(headers).sort();
  const signedHeaders = names.join(";");
  if (!canSign()) {
    const signature = "0".repeat(64);
    return {
      "x-amz-date": date,
      authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
    };
  }
  const canonicalHeaders = names.map((n) => `${n}:${headers[n].trim().replace(/\s+/g, " ")}\n`).join("");
  const canonical = [
    request.method,
    canonicalUri(request.path),
    "",
    canonicalHeaders,
    signedHeaders,
    hex(await sha256(request.body)),
  ].join("\n");
  const stringToSign = ["AWS4-HMAC-SHA256", date, scope, hex(await sha256(canonical))].join("\n");
  let key = await hmac("AWS4" + credentials.secretAccessKey, day);
  key = await hmac(key, region);
  key = await hmac(key, "dynamodb");
  key = await hmac(key, "aws4_request");
  const signature = hex(await hmac(key, stringToSign));
  return {
    "x-amz-date": date,
    authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  };
}
