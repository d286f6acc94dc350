//! Authentication: DynamoDB's errors for missing, incomplete and wrong signatures, and the AWS SigV4
//! test suite's `get-vanilla` vector for the verifier.

use std::time::{Duration, UNIX_EPOCH};

use hyper::header::{HeaderName, HeaderValue};

use super::*;

const SECRET: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
    let mut map = HeaderMap::new();
    for (name, value) in pairs {
        map.append(
            HeaderName::from_bytes(name.as_bytes()).unwrap(),
            HeaderValue::from_str(value).unwrap(),
        );
    }
    map
}

fn request<'a>(headers: &'a HeaderMap, query: &'a str) -> Request<'a> {
    Request {
        method: "GET",
        path: "/",
        query,
        headers,
        body: b"",
    }
}

fn vanilla(signature: &str) -> HeaderMap {
    let auth = format!(
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature={signature}"
    );
    headers(&[
        ("host", "example.amazonaws.com"),
        ("x-amz-date", "20150830T123600Z"),
        ("authorization", &auth),
    ])
}

const VANILLA_SIGNATURE: &str = "5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31";

fn at(text: &str) -> SystemTime {
    date::parse(text).unwrap()
}

#[track_caller]
fn message(result: Result<(), Error>) -> (String, String) {
    let error = result.unwrap_err();
    (error.type_name().to_owned(), error.message())
}

#[test]
fn verifies_the_sigv4_test_suite_vector() {
    let map = vanilla(VANILLA_SIGNATURE);
    let req = request(&map, "");
    let sig = parse::signature(&req).unwrap();
    let scope = well_formed(&sig).unwrap();
    assert!(verify::signature(&req, &sig, &scope, SECRET, at("20150830T123600Z")).is_ok());

    let map = vanilla(&VANILLA_SIGNATURE.replace('5', "6"));
    let req = request(&map, "");
    let sig = parse::signature(&req).unwrap();
    let scope = well_formed(&sig).unwrap();
    let (kind, text) = message(verify::signature(
        &req,
        &sig,
        &scope,
        SECRET,
        at("20150830T123600Z"),
    ));
    assert_eq!(kind, "InvalidSignatureException");
    assert_eq!(
        text,
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n\nThe Canonical String for this request should have been\n'GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'\n\nThe String-to-Sign should have been\n'AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\nbb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63'\n"
    );
}

#[test]
fn a_missing_or_foreign_authorization_is_a_missing_token() {
    let expected = (
        "MissingAuthenticationTokenException".to_owned(),
        "Request is missing Authentication Token".to_owned(),
    );
    for auth in [None, Some("AWS4"), Some("Basic abc"), Some("")] {
        let map = match auth {
            Some(a) => headers(&[("authorization", a)]),
            None => HeaderMap::new(),
        };
        assert_eq!(
            message(Auth::any_key().check(&request(&map, ""), SystemTime::now(), "us-east-1")),
            expected
        );
    }
}

#[test]
fn an_incomplete_authorization_lists_what_is_missing() {
    let map = headers(&[("authorization", "AWS4-")]);
    assert_eq!(
        message(Auth::any_key().check(&request(&map, ""), SystemTime::now(), "us-east-1")),
        (
            "IncompleteSignatureException".to_owned(),
            "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=AWS4-".to_owned()
        )
    );
    let map = headers(&[
        (
            "authorization",
            "AWS4-HMAC-SHA256 Credential=a/b/c/d/e, Signature=x",
        ),
        ("x-amz-date", "20260101T000000Z"),
    ]);
    assert_eq!(
        message(Auth::any_key().check(&request(&map, ""), SystemTime::now(), "us-east-1")).1,
        "Authorization header requires 'SignedHeaders' parameter. Authorization=AWS4-HMAC-SHA256 Credential=a/b/c/d/e, Signature=x"
    );
}

#[test]
fn any_key_still_wants_a_well_formed_signature() {
    let check = |auth: &str, date: &str| {
        let map = headers(&[("authorization", auth), ("x-amz-date", date)]);
        Auth::any_key().check(&request(&map, ""), UNIX_EPOCH, "us-east-1")
    };
    let good = "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000";
    // Any key, any signature, any date: the harness and old recordings send fixed dates.
    assert!(check(good, "20260101T000000Z").is_ok());
    assert_eq!(
        message(check(good, "201")).1,
        "Date must be in ISO-8601 'basic format'. Got '201'. See http://en.wikipedia.org/wiki/ISO_8601"
    );
    assert_eq!(
        message(check(&good.replace("SHA256", "SHA25"), "20260101T000000Z")).1,
        "Unsupported AWS 'algorithm': 'AWS4-HMAC-SHA25' (only AWS4-HMAC-SHA256 for now). "
    );
    assert_eq!(
        message(check(
            "AWS4-HMAC-SHA256 Credential=a/b/c/d/, SignedHeaders=host, Signature=0",
            "20260101T000000Z"
        ))
        .1,
        "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got 'a/b/c/d'"
    );
}

#[test]
fn presigned_queries_need_every_parameter() {
    let map = HeaderMap::new();
    assert_eq!(
        message(Auth::any_key().check(&request(&map, "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20260101T000000Z"), SystemTime::now(), "us-east-1")),
        (
            "IncompleteSignatureException".to_owned(),
            "AWS query-string parameters must include 'X-Amz-Credential'. AWS query-string parameters must include 'X-Amz-Signature'. AWS query-string parameters must include 'X-Amz-SignedHeaders'. Re-examine the query-string parameters.".to_owned()
        )
    );
    let full = "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKID%2F20260101%2Fus-east-1%2Fdynamodb%2Faws4_request&X-Amz-Date=20260101T000000Z&X-Amz-SignedHeaders=host&X-Amz-Signature=00";
    assert!(
        Auth::any_key()
            .check(&request(&map, full), SystemTime::now(), "us-east-1")
            .is_ok()
    );
    let map = headers(&[("authorization", "AWS4-HMAC-SHA256 x")]);
    assert_eq!(
        message(Auth::any_key().check(&request(&map, full), SystemTime::now(), "us-east-1")).1,
        "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header."
    );
}

#[test]
fn verifying_checks_date_scope_and_key() {
    let auth = Auth::verify([("AKIDEXAMPLE".to_owned(), SECRET.to_owned())]);
    let now = at("20150830T123600Z");
    // The vector is signed for service "service": DynamoDB's scope check refuses it first.
    let map = vanilla(VANILLA_SIGNATURE);
    assert_eq!(
        message(auth.check(&request(&map, ""), now, "us-east-1")),
        (
            "InvalidSignatureException".to_owned(),
            "Credential should be scoped to correct service: 'dynamodb'.".to_owned()
        )
    );
    assert_eq!(
        message(auth.check(
            &request(&map, ""),
            now + Duration::from_secs(16 * 60),
            "us-east-1"
        ))
        .1,
        "Signature expired: 20150830T123600Z is now earlier than 20150830T123700Z (20150830T125200Z - 15 min.)"
    );
    assert_eq!(
        message(auth.check(
            &request(&map, ""),
            now - Duration::from_secs(16 * 60),
            "us-east-1"
        ))
        .1,
        "Signature not yet current: 20150830T123600Z is still later than 20150830T123500Z (20150830T122000Z + 15 min.)"
    );
    let unknown = Auth::verify([("OTHER".to_owned(), SECRET.to_owned())]);
    let map = headers(&[
        ("host", "example.amazonaws.com"),
        ("x-amz-date", "20150830T123600Z"),
        (
            "authorization",
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=00",
        ),
    ]);
    assert_eq!(
        message(unknown.check(&request(&map, ""), now, "us-east-1")),
        (
            "UnrecognizedClientException".to_owned(),
            "The security token included in the request is invalid.".to_owned()
        )
    );
    let map = headers(&[
        ("x-amz-date", "20150830T123600Z"),
        (
            "authorization",
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150831/us-east-1/dynamo/x, SignedHeaders=x-amz-date, Signature=00",
        ),
    ]);
    assert_eq!(
        message(auth.check(&request(&map, ""), now, "us-east-1")).1,
        "'Host' must be a 'SignedHeader' in the AWS Authorization."
    );
    let map = headers(&[
        ("x-amz-date", "20150830T123600Z"),
        (
            "authorization",
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150831/us-east-1/dynamo/x, SignedHeaders=host;x-amz-date, Signature=00",
        ),
    ]);
    assert_eq!(
        message(auth.check(&request(&map, ""), now, "us-east-1")).1,
        "Credential should be scoped to correct service: 'dynamodb'. Credential should be scoped with a valid terminator: 'aws4_request', not 'x'. Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '20150831' != '20150830', from '20150830T123600Z'."
    );
}

#[test]
fn verifying_wants_the_servers_region_and_lowercase_hex() {
    let auth = Auth::verify([("AKIDEXAMPLE".to_owned(), SECRET.to_owned())]);
    let now = at("20150830T123600Z");
    let map = headers(&[
        ("x-amz-date", "20150830T123600Z"),
        (
            "authorization",
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/eu-west-1/dynamo/aws4_request, SignedHeaders=host;x-amz-date, Signature=00",
        ),
    ]);
    assert_eq!(
        message(auth.check(&request(&map, ""), now, "us-east-1")),
        (
            "InvalidSignatureException".to_owned(),
            "Credential should be scoped to a valid region, not 'eu-west-1'. Credential should be scoped to correct service: 'dynamodb'.".to_owned()
        )
    );
    // The headers-only step refuses the same way, before any body.
    assert_eq!(
        message(auth.admit(&request(&map, ""), now, "us-east-1")).1,
        "Credential should be scoped to a valid region, not 'eu-west-1'. Credential should be scoped to correct service: 'dynamodb'."
    );
    // The vector's signature, right but in uppercase hex, is a mismatch.
    let map = vanilla(&VANILLA_SIGNATURE.to_ascii_uppercase());
    let req = request(&map, "");
    let sig = parse::signature(&req).unwrap();
    let scope = well_formed(&sig).unwrap();
    let (kind, text) = message(verify::signature(
        &req,
        &sig,
        &scope,
        SECRET,
        at("20150830T123600Z"),
    ));
    assert_eq!(kind, "InvalidSignatureException");
    assert!(text.starts_with("The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n\nThe Canonical String"));
}

#[test]
fn admin_routes_take_a_signature_or_the_token() {
    let auth = Auth::verify([("AKIDEXAMPLE".to_owned(), SECRET.to_owned())]).with_token("t0k");
    let now = SystemTime::now();
    let check = |value: Option<&str>| {
        let map = match value {
            Some(v) => headers(&[("authorization", v)]),
            None => HeaderMap::new(),
        };
        auth.check_admin(&request(&map, ""), now, "us-east-1")
    };
    assert!(check(Some("Bearer t0k")).is_ok());
    assert_eq!(
        message(check(Some("Bearer t0K"))),
        (
            "UnrecognizedClientException".to_owned(),
            "The security token included in the request is invalid.".to_owned()
        )
    );
    assert_eq!(
        message(check(None)).1,
        "Request is missing Authentication Token"
    );
    // Not verifying: open, as before.
    assert!(
        Auth::any_key()
            .check_admin(&request(&HeaderMap::new(), ""), now, "us-east-1")
            .is_ok()
    );
}

#[test]
fn ascii_splits_cut_where_str_splits_cut() {
    for text in ["", "a", "/", "a/b", "/a//b/", "k/é/ü", "no separator"] {
        assert_eq!(
            super::parse::split_ascii(text, b'/').collect::<Vec<_>>(),
            text.split('/').collect::<Vec<_>>(),
            "{text:?}"
        );
        assert_eq!(
            super::parse::split_once_ascii(text, b'/'),
            text.split_once('/'),
            "{text:?}"
        );
    }
}

#[test]
fn the_credential_is_borrowed_from_a_header_and_copied_from_a_query() {
    let good = "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-west-2/dynamodb/aws4_request/, SignedHeaders=host;x-amz-date, Signature=0000";
    let map = headers(&[("authorization", good), ("x-amz-date", "20260101T000000Z")]);
    let credential = Auth::any_key()
        .checked(&request(&map, ""), UNIX_EPOCH, Regions::Any)
        .unwrap();
    assert!(matches!(credential.key_id, Cow::Borrowed("AKID")));
    assert!(matches!(credential.region, Cow::Borrowed("us-west-2")));

    let map = HeaderMap::new();
    let query = "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKID%2F20260101%2Fus-west-2%2Fdynamodb%2Faws4_request&X-Amz-Date=20260101T000000Z&X-Amz-SignedHeaders=host&X-Amz-Signature=00";
    let credential = Auth::any_key()
        .checked(&request(&map, query), UNIX_EPOCH, Regions::Any)
        .unwrap();
    assert!(matches!(&credential.key_id, Cow::Owned(k) if k == "AKID"));
    assert!(matches!(&credential.region, Cow::Owned(r) if r == "us-west-2"));
}

#[test]
fn a_part_is_borrowed_only_from_inside_its_text() {
    let text = "key/20260101/region";
    assert!(matches!(
        within(text, &text[4..12]),
        Cow::Borrowed("20260101")
    ));
    assert!(matches!(within(text, &text[13..]), Cow::Borrowed("region")));
    let elsewhere = String::from("20260101");
    assert!(matches!(within(text, &elsewhere), Cow::Owned(s) if s == "20260101"));
    assert!(matches!(within(&text[..3], &text[4..12]), Cow::Owned(s) if s == "20260101"));
}
