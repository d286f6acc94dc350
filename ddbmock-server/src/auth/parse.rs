//! Reading a signature out of an `Authorization` header or a presigned query, with DynamoDB's
//! errors for what is missing.

use std::borrow::Cow;

use ddbmock_core::Error;
use ddbmock_core::error::msg::protocol as msg;
use hyper::header::{AUTHORIZATION, DATE, HeaderName};

use super::Request;

/// Named once: a header looked up by a `&str` name is parsed and checked on every lookup.
const X_AMZ_DATE: HeaderName = HeaderName::from_static("x-amz-date");

/// A signature's parts, as sent.
pub(crate) struct Signature<'a> {
    pub(crate) algorithm: &'a str,
    pub(crate) credential: Cow<'a, str>,
    pub(crate) signed_headers: Cow<'a, str>,
    pub(crate) signature: Cow<'a, str>,
    pub(crate) date: &'a str,
    /// `X-Amz-Expires` of a presigned query.
    pub(crate) expires: Option<u64>,
    /// Whether the signature came in the query string (which is then signed without it).
    pub(crate) in_query: bool,
}

/// The signature of `request`, or DynamoDB's error for a missing or incomplete one.
pub(crate) fn signature<'a>(request: &Request<'a>) -> Result<Signature<'a>, Error> {
    let header = request
        .headers
        .get(AUTHORIZATION)
        .map(|v| std::str::from_utf8(v.as_bytes()).unwrap_or(""));
    let in_query = query_param(request.query, "X-Amz-Algorithm").is_some();
    match (header, in_query) {
        (Some(_), true) => Err(msg::header_and_query_auth()),
        (None, true) => from_query(request.query),
        (header, false) => from_header(header.unwrap_or(""), request),
    }
}

fn from_header<'a>(header: &'a str, request: &Request<'a>) -> Result<Signature<'a>, Error> {
    // Header values hold no whitespace but spaces and tabs (hyper refuses the rest), which is all
    // `trim_ascii` trims; `trim` would also look for Unicode spaces, at several times the cost.
    let trimmed = header.trim_ascii();
    if !trimmed.starts_with("AWS4-") {
        return Err(msg::missing_authentication_token());
    }
    let (algorithm, params) = split_once_ascii(trimmed, b' ').unwrap_or((trimmed, ""));
    let (mut credential, mut signed_headers, mut signature) = ("", "", "");
    for param in split_ascii(params, b',') {
        if let Some((key, value)) = split_once_ascii(param.trim_ascii(), b'=') {
            match key.trim_ascii() {
                "Credential" => credential = value.trim_ascii(),
                "SignedHeaders" => signed_headers = value.trim_ascii(),
                "Signature" => signature = value.trim_ascii(),
                _ => {}
            }
        }
    }
    let date = [&X_AMZ_DATE, &DATE]
        .into_iter()
        .find_map(|name| request.headers.get(name))
        .map(|v| std::str::from_utf8(v.as_bytes()).unwrap_or(""));
    let missing: Vec<&str> = [
        ("Credential", credential),
        ("Signature", signature),
        ("SignedHeaders", signed_headers),
    ]
    .iter()
    .filter(|(_, value)| value.is_empty())
    .map(|(name, _)| *name)
    .collect();
    let Some(date) = date.filter(|_| missing.is_empty()) else {
        return Err(msg::incomplete_authorization(
            &missing,
            date.is_none(),
            header,
        ));
    };
    Ok(Signature {
        algorithm,
        credential: Cow::Borrowed(credential),
        signed_headers: Cow::Borrowed(signed_headers),
        signature: Cow::Borrowed(signature),
        date,
        expires: None,
        in_query: false,
    })
}

fn from_query(query: &str) -> Result<Signature<'_>, Error> {
    let get = |name| query_param(query, name).filter(|v| !v.is_empty());
    let names = [
        "X-Amz-Algorithm",
        "X-Amz-Credential",
        "X-Amz-Signature",
        "X-Amz-SignedHeaders",
        "X-Amz-Date",
    ];
    let missing: Vec<&str> = names.into_iter().filter(|n| get(n).is_none()).collect();
    if !missing.is_empty() {
        return Err(msg::incomplete_query(&missing));
    }
    let raw = |name| get(name).unwrap_or("");
    Ok(Signature {
        algorithm: raw("X-Amz-Algorithm"),
        credential: Cow::Owned(percent_decode(raw("X-Amz-Credential"))),
        signed_headers: Cow::Owned(percent_decode(raw("X-Amz-SignedHeaders"))),
        signature: Cow::Owned(percent_decode(raw("X-Amz-Signature"))),
        date: raw("X-Amz-Date"),
        expires: get("X-Amz-Expires").and_then(|v| v.parse().ok()),
        in_query: true,
    })
}

/// The raw (still percent-encoded) value of `name` in `query`.
pub(crate) fn query_param<'q>(query: &'q str, name: &str) -> Option<&'q str> {
    query.split('&').find_map(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        (key == name).then_some(value)
    })
}

/// Decodes `%XX` escapes; invalid escapes are kept as they are.
pub(crate) fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2]))
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `text` split at each `sep`, an ASCII byte, as `str::split` splits it.
///
/// Why not `str::split`: every request splits its signature's parts, and the `char` searcher's
/// set-up and its portable memchr cost several times the search on parts this short; the
/// `memchr` crate's vector search costs less than a byte-by-byte walk even there (parsing the
/// harness's 230-byte `Authorization` header took 2.7k instructions walked, 1.8k searched).
pub(super) fn split_ascii(text: &str, sep: u8) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let current = rest?;
        match memchr::memchr(sep, current.as_bytes()) {
            // `sep` is ASCII, so the bytes either side of it are character boundaries.
            Some(i) => {
                rest = Some(&current[i + 1..]);
                Some(&current[..i])
            }
            None => {
                rest = None;
                Some(current)
            }
        }
    })
}

/// `text` split at its first `sep`, an ASCII byte, as `str::split_once` splits it.
pub(super) fn split_once_ascii(text: &str, sep: u8) -> Option<(&str, &str)> {
    let i = memchr::memchr(sep, text.as_bytes())?;
    Some((&text[..i], &text[i + 1..]))
}
