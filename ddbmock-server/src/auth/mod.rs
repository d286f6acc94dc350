//! SigV4 authentication, checked the way DynamoDB checks it, in DynamoDB's order.
//!
//! Every request needs a well-formed signature, in an `Authorization` header or a presigned query:
//! none gives `MissingAuthenticationTokenException`, missing parts `IncompleteSignatureException`.
//! By default ([`Auth::any_key`]) any key and any signature are then accepted, as DynamoDB Local
//! does; [`Auth::verify`] knows a set of keys and checks the signature itself, the credential
//! scope and the date (15 minutes either way), with DynamoDB's errors.

mod date;
mod parse;
mod verify;

use std::collections::HashMap;
use std::time::{Duration, SystemTime};

use ddbmock_core::Error;
use ddbmock_core::error::msg::protocol as msg;
use hyper::HeaderMap;

use parse::Signature;

/// How far a request's date may be from the server's clock.
const SKEW: Duration = Duration::from_secs(15 * 60);

/// Which credentials the server accepts.
#[derive(Clone, Debug, Default)]
pub struct Auth {
    /// Secret access keys by access key id; `None` accepts any key without checking signatures.
    keys: Option<HashMap<String, String>>,
}

impl Auth {
    /// Any well-formed signature, with any key (the default).
    pub fn any_key() -> Self {
        Auth { keys: None }
    }

    /// Only these `(access key id, secret access key)` pairs, with signatures verified.
    pub fn verify(keys: impl IntoIterator<Item = (String, String)>) -> Self {
        Auth {
            keys: Some(keys.into_iter().collect()),
        }
    }

    /// Whether signatures are verified.
    pub fn is_verifying(&self) -> bool {
        self.keys.is_some()
    }

    /// Checks `request`'s signature at time `now`.
    pub(crate) fn check(&self, request: &Request<'_>, now: SystemTime) -> Result<(), Error> {
        let signature = parse::signature(request)?;
        let Some(date) = date::parse(signature.date) else {
            return Err(msg::bad_date(signature.date));
        };
        let Some(keys) = &self.keys else {
            return well_formed(&signature).map(drop);
        };
        check_date(signature.date, date, now, signature.expires)?;
        if !signature
            .signed_headers
            .split(';')
            .any(|h| h.eq_ignore_ascii_case("host"))
        {
            return Err(msg::host_not_signed());
        }
        let scope = well_formed(&signature)?;
        let mut problems = Vec::new();
        if scope.service != "dynamodb" {
            problems.push(msg::scope_service());
        }
        if scope.terminator != "aws4_request" {
            problems.push(msg::scope_terminator(scope.terminator));
        }
        if signature.date.get(..8) != Some(scope.date) {
            problems.push(msg::scope_date(scope.date, signature.date));
        }
        if !problems.is_empty() {
            return Err(msg::bad_scope(&problems));
        }
        let Some(secret) = keys.get(scope.key_id) else {
            return Err(msg::unrecognized_client());
        };
        verify::signature(request, &signature, &scope, secret, date)
    }
}

/// What a request carries for authentication; `body` is the body as sent (before decompression).
pub(crate) struct Request<'a> {
    pub(crate) method: &'a str,
    pub(crate) path: &'a str,
    pub(crate) query: &'a str,
    pub(crate) headers: &'a HeaderMap,
    pub(crate) body: &'a [u8],
}

/// The five parts of a credential: `keyid/date/region/service/aws4_request`.
pub(crate) struct Scope<'a> {
    key_id: &'a str,
    date: &'a str,
    region: &'a str,
    service: &'a str,
    terminator: &'a str,
}

/// The checks DynamoDB makes of every signature: the algorithm and the credential's shape.
fn well_formed<'s>(signature: &'s Signature<'_>) -> Result<Scope<'s>, Error> {
    if signature.algorithm != "AWS4-HMAC-SHA256" {
        return Err(msg::unsupported_algorithm(signature.algorithm));
    }
    // DynamoDB ignores trailing slashes in the credential.
    let credential = signature.credential.trim_end_matches('/');
    let parts: Vec<&str> = credential.split('/').collect();
    match parts[..] {
        [key_id, date, region, service, terminator] => Ok(Scope {
            key_id,
            date,
            region,
            service,
            terminator,
        }),
        _ => Err(msg::credential_elements(credential)),
    }
}

fn check_date(
    text: &str,
    date: SystemTime,
    now: SystemTime,
    expires: Option<u64>,
) -> Result<(), Error> {
    let window = expires.map_or(SKEW, |secs| SKEW.max(Duration::from_secs(secs)));
    let earliest = now.checked_sub(window).unwrap_or(now);
    if date < earliest {
        return Err(msg::signature_expired(
            text,
            &date::format(earliest),
            &date::format(now),
        ));
    }
    let latest = now + SKEW;
    if date > latest {
        return Err(msg::signature_not_yet_current(
            text,
            &date::format(latest),
            &date::format(now),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests;
