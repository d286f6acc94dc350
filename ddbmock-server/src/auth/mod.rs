//! SigV4 authentication, checked the way DynamoDB checks it, in DynamoDB's order.
//!
//! Every request needs a well-formed signature, in an `Authorization` header or a presigned query:
//! none gives `MissingAuthenticationTokenException`, missing parts `IncompleteSignatureException`.
//! By default ([`Auth::any_key`]) any key and any signature are then accepted, as DynamoDB Local
//! does; [`Auth::verify`] knows a set of keys and checks the signature itself, the credential
//! scope (region, service, terminator, date) and the date (15 minutes either way), with DynamoDB's
//! errors.
//!
//! Verifying runs in two steps so that the server can refuse a stranger before reading a byte of
//! the body: [`Auth::admit`] looks at the headers alone (signature present and well formed, date
//! fresh, scope right, key known); [`Auth::check`] adds the signature itself, which covers the body.
//! Admin routes (`/ddbmock/*`) also take the token of [`Auth::with_token`], for tools that do not
//! sign.
//!
//! The credential's region (and, through [`Auth::with_account`], its key's account) picks the
//! tables a request reaches; a server that keeps regions apart takes any region name, a `--shared`
//! one only its own ([`Regions`]).

mod date;
mod parse;
mod verify;

use std::borrow::Cow;
use std::collections::HashMap;
use std::time::{Duration, SystemTime};

use ddbmock_core::Error;
use ddbmock_core::error::msg::protocol as msg;
use hyper::HeaderMap;

use parse::Signature;

/// How far a request's date may be from the server's clock.
const SKEW: Duration = Duration::from_secs(15 * 60);

/// Which credentials the server accepts.
#[derive(Clone, Default)]
pub struct Auth {
    /// Secret access keys by access key id; `None` accepts any key without checking signatures.
    keys: Option<HashMap<String, String>>,
    /// The bearer token admin routes take instead of a signature, when verifying.
    token: Option<String>,
    /// The account of each access key id that has one of its own (`--auth KEY:SECRET@ACCOUNT`);
    /// every other key is in the server's home account.
    accounts: HashMap<String, String>,
}

/// Which regions a credential may be scoped to.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Regions<'a> {
    /// Only the server's (`--shared`, where one region's tables serve every request).
    Only(&'a str),
    /// Any region name (the server keeps each region's tables apart).
    Any,
}

impl<'a> From<&'a str> for Regions<'a> {
    fn from(region: &'a str) -> Self {
        Regions::Only(region)
    }
}

// Secrets stay out of logs and panics: only the key ids show.
impl std::fmt::Debug for Auth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut ids: Option<Vec<&String>> = self.keys.as_ref().map(|k| k.keys().collect());
        if let Some(ids) = &mut ids {
            ids.sort();
        }
        f.debug_struct("Auth")
            .field("key_ids", &ids)
            .field("token", &self.token.as_ref().map(|_| "…"))
            .field("accounts", &self.accounts.len())
            .finish()
    }
}

impl Auth {
    /// Any well-formed signature, with any key (the default).
    pub fn any_key() -> Self {
        Auth::default()
    }

    /// Only these `(access key id, secret access key)` pairs, with signatures verified.
    pub fn verify(keys: impl IntoIterator<Item = (String, String)>) -> Self {
        Auth {
            keys: Some(keys.into_iter().collect()),
            token: None,
            accounts: HashMap::new(),
        }
    }

    /// Puts access key id `key` in `account` (12 digits): its requests reach that account's tables,
    /// and a table ARN of another account is refused to it as access denied. Keys not given an
    /// account are in the server's home account (`000000000000` unless configured otherwise).
    pub fn with_account(mut self, key: impl Into<String>, account: impl Into<String>) -> Self {
        self.accounts.insert(key.into(), account.into());
        self
    }

    /// The account `key` was given with [`Auth::with_account`], if any.
    pub fn account_of(&self, key: &str) -> Option<&str> {
        self.accounts.get(key).map(String::as_str)
    }

    /// Also accepts `Authorization: Bearer <token>` on admin routes (`/ddbmock/*`) when verifying.
    pub fn with_token(mut self, token: impl Into<String>) -> Self {
        self.token = Some(token.into());
        self
    }

    /// Whether signatures are verified.
    pub fn is_verifying(&self) -> bool {
        self.keys.is_some()
    }

    /// Checks `request`'s signature at time `now`, for credentials scoped to `regions`.
    pub(crate) fn check<'r>(
        &self,
        request: &Request<'_>,
        now: SystemTime,
        regions: impl Into<Regions<'r>>,
    ) -> Result<(), Error> {
        self.checked(request, now, regions.into()).map(drop)
    }

    /// [`Auth::check`], answering with the credential's access key id and region.
    pub(crate) fn checked<'a>(
        &self,
        request: &Request<'a>,
        now: SystemTime,
        regions: Regions<'_>,
    ) -> Result<Credential<'a>, Error> {
        let signature = parse::signature(request)?;
        match self.admitted(&signature, now, regions)? {
            Admitted::Verify(scope, secret, date) => {
                verify::signature(request, &signature, &scope, secret, date)?;
                Ok(Credential::of(&signature, &scope))
            }
            Admitted::AnyKey(scope) => Ok(Credential::of(&signature, &scope)),
        }
    }

    /// The checks of [`Auth::check`] that need no body: everything but the signature itself. A
    /// request that passes may still be refused once its body is read.
    pub(crate) fn admit<'r>(
        &self,
        request: &Request<'_>,
        now: SystemTime,
        regions: impl Into<Regions<'r>>,
    ) -> Result<(), Error> {
        let signature = parse::signature(request)?;
        self.admitted(&signature, now, regions.into()).map(drop)
    }

    /// An admin request (`/ddbmock/*`): open unless verifying; then signed, or carrying the token.
    pub(crate) fn check_admin<'r>(
        &self,
        request: &Request<'_>,
        now: SystemTime,
        regions: impl Into<Regions<'r>>,
    ) -> Result<(), Error> {
        if !self.is_verifying() {
            return Ok(());
        }
        let bearer = request
            .headers
            .get("authorization")
            .and_then(|v| v.as_bytes().strip_prefix(b"Bearer "));
        match bearer {
            Some(sent) => match &self.token {
                Some(token) if same(sent.trim_ascii(), token.as_bytes()) => Ok(()),
                _ => Err(msg::unrecognized_client()),
            },
            None => self.check(request, now, regions),
        }
    }

    /// `signature`'s checks short of the signature itself, in DynamoDB's order; when verifying, the
    /// scope, the key's secret and the request's date for [`verify::signature`].
    fn admitted<'s>(
        &'s self,
        signature: &'s Signature<'_>,
        now: SystemTime,
        regions: Regions<'_>,
    ) -> Result<Admitted<'s>, Error> {
        let Some(date) = date::parse(signature.date) else {
            return Err(msg::bad_date(signature.date));
        };
        let Some(keys) = &self.keys else {
            // Any key: the region still names the request's tables (and their file), so it must be
            // a region name.
            let scope = well_formed(signature)?;
            if matches!(regions, Regions::Any) && !ddbmock_engine::engine::is_region(scope.region) {
                return Err(msg::bad_scope(&[scope_region(scope.region)]));
            }
            return Ok(Admitted::AnyKey(scope));
        };
        check_date(signature.date, date, now, signature.expires)?;
        if !signature
            .signed_headers
            .split(';')
            .any(|h| h.eq_ignore_ascii_case("host"))
        {
            return Err(msg::host_not_signed());
        }
        let scope = well_formed(signature)?;
        // DynamoDB lists every scope problem at once, region first (as recorded by dynalite).
        let mut problems = Vec::new();
        let region_ok = match regions {
            Regions::Only(region) => scope.region == region,
            Regions::Any => ddbmock_engine::engine::is_region(scope.region),
        };
        if !region_ok {
            problems.push(scope_region(scope.region));
        }
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
        Ok(Admitted::Verify(scope, secret, date))
    }
}

/// A signature that passed the checks made before the body is read.
enum Admitted<'s> {
    /// To verify against the body, with the key's secret, at the signature's date.
    Verify(Scope<'s>, &'s str, SystemTime),
    /// Any key is accepted: the well-formed credential's scope.
    AnyKey(Scope<'s>),
}

/// The scope's region is not one the server serves: coral's text. (It lives here rather than beside
/// the other scope texts in `ddbmock_core::error::msg::protocol` because only the server reads
/// credential scopes.)
pub(crate) fn scope_region(region: &str) -> String {
    format!("Credential should be scoped to a valid region, not '{region}'.")
}

/// Who signed a request, and for which region: what picks its scope. Borrowed from the request
/// when the signature is in its `Authorization` header (nearly always), so that a request copies
/// nothing for it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Credential<'a> {
    pub(crate) key_id: Cow<'a, str>,
    pub(crate) region: Cow<'a, str>,
}

impl<'a> Credential<'a> {
    /// The credential of `scope`, parsed from `signature`'s credential.
    fn of(signature: &Signature<'a>, scope: &Scope<'_>) -> Self {
        let part = |part: &str| match &signature.credential {
            Cow::Borrowed(text) => within(text, part),
            // A presigned query's credential was percent-decoded into a string of its own.
            Cow::Owned(_) => Cow::Owned(part.to_owned()),
        };
        Credential {
            key_id: part(scope.key_id),
            region: part(scope.region),
        }
    }
}

/// `part`, a slice of `text`, borrowed from `text` itself for as long as `text` lives: its place
/// is found from the two addresses (a slice's parts keep pointing into the text they were cut from).
/// Were `part` not inside `text`, it is copied instead.
fn within<'a>(text: &'a str, part: &str) -> Cow<'a, str> {
    let start = (part.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
    start
        .checked_add(part.len())
        .and_then(|end| text.get(start..end))
        .filter(|found| std::ptr::eq(found.as_ptr(), part.as_ptr()))
        .map_or_else(|| Cow::Owned(part.to_owned()), Cow::Borrowed)
}

/// Whether `a` and `b` are equal, in time that depends on their lengths only: a signature or token
/// compared byte by byte until the first difference would tell an attacker how much was right.
pub(crate) fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
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
    let mut parts = parse::split_ascii(credential, b'/');
    let parts: [Option<&str>; 6] = std::array::from_fn(|_| parts.next());
    match parts {
        [
            Some(key_id),
            Some(date),
            Some(region),
            Some(service),
            Some(terminator),
            None,
        ] => Ok(Scope {
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
