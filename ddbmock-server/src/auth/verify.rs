//! Signature verification: the canonical request and string to sign of SigV4, computed from the
//! request as received, signed with the `aws-sigv4` crate's primitives, and compared.
//!
//! The payload hash in the canonical request is always the SHA-256 of the body received, never the
//! `X-Amz-Content-Sha256` header: trusting the header would let anyone holding one signed request
//! replay it with another body. A header that disagrees with the body is refused as a mismatched
//! signature, which is what DynamoDB answers for a body that is not the one signed (it is not S3:
//! there is no `XAmzContentSHA256Mismatch` in its protocol).

use std::time::SystemTime;

use ddbmock_core::Error;
use ddbmock_core::error::msg::protocol as msg;
use sha2::{Digest, Sha256};

use super::parse::{Signature, percent_decode};
use super::{Request, Scope};

/// Checks that `signature` is `secret`'s signature of `request`.
pub(crate) fn signature(
    request: &Request<'_>,
    signature: &Signature<'_>,
    scope: &Scope<'_>,
    secret: &str,
    date: SystemTime,
) -> Result<(), Error> {
    let body_hash = hex::encode(Sha256::digest(request.body));
    let canonical = canonical_request(request, signature, &body_hash);
    let string_to_sign = format!(
        "AWS4-HMAC-SHA256\n{}\n{}/{}/{}/{}\n{}",
        signature.date,
        scope.date,
        scope.region,
        scope.service,
        scope.terminator,
        hex::encode(Sha256::digest(canonical.as_bytes()))
    );
    let key = aws_sigv4::sign::v4::generate_signing_key(secret, date, scope.region, scope.service);
    let expected = aws_sigv4::sign::v4::calculate_signature(key, string_to_sign.as_bytes());
    let declared_hash_matches = request
        .headers
        .get_all("x-amz-content-sha256")
        .iter()
        .all(|declared| declared.as_bytes() == body_hash.as_bytes());
    // Exactly as computed: lowercase hex. AWS compares the strings, so an uppercase rendering of
    // the right signature is a mismatch there too.
    if declared_hash_matches && super::same(expected.as_bytes(), signature.signature.as_bytes()) {
        Ok(())
    } else {
        Err(msg::signature_mismatch(&canonical, &string_to_sign))
    }
}

/// SigV4's canonical request: method, URI, query, signed headers, and `body_hash`, the received
/// payload's hash.
fn canonical_request(request: &Request<'_>, signature: &Signature<'_>, body_hash: &str) -> String {
    let mut out = String::with_capacity(256);
    out.push_str(request.method);
    out.push('\n');
    // Services other than S3 sign the path encoded once more than it travels.
    let path = if request.path.is_empty() {
        "/"
    } else {
        request.path
    };
    encode_into(&mut out, path, true);
    out.push('\n');
    out.push_str(&canonical_query(request.query, signature.in_query));
    out.push('\n');
    for name in signature.signed_headers.split(';') {
        out.push_str(name);
        out.push(':');
        let values: Vec<String> = request
            .headers
            .get_all(name)
            .iter()
            .map(|v| collapse_spaces(&String::from_utf8_lossy(v.as_bytes())))
            .collect();
        out.push_str(&values.join(","));
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&signature.signed_headers);
    out.push('\n');
    out.push_str(body_hash);
    out
}

fn canonical_query(query: &str, without_signature: bool) -> String {
    let mut pairs: Vec<(String, String)> = query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(key), percent_decode(value))
        })
        .filter(|(key, _)| !(without_signature && key == "X-Amz-Signature"))
        .map(|(key, value)| {
            let (mut k, mut v) = (String::new(), String::new());
            encode_into(&mut k, &key, false);
            encode_into(&mut v, &value, false);
            (k, v)
        })
        .collect();
    pairs.sort();
    let joined: Vec<String> = pairs.into_iter().map(|(k, v)| format!("{k}={v}")).collect();
    joined.join("&")
}

/// SigV4's URI encoding: every byte but `A-Za-z0-9-._~` (and `/` in paths) as `%XX`.
fn encode_into(out: &mut String, text: &str, keep_slash: bool) {
    for byte in text.bytes() {
        let plain = byte.is_ascii_alphanumeric()
            || matches!(byte, b'-' | b'.' | b'_' | b'~')
            || (keep_slash && byte == b'/');
        if plain {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
}

fn collapse_spaces(value: &str) -> String {
    value.split_whitespace().collect::<Vec<_>>().join(" ")
}
