//! Messages of the wire protocol: bodies DynamoDB cannot read, unknown operations, and authentication.
//!
//! Serialization texts are those DynamoDB's JSON reader (a Jackson-based coral codec) gives, as
//! dynalite's tests recorded them against DynamoDB; the authentication texts are coral's, as DynamoDB
//! returns them (quoted by dynalite and Dynoxide). An empty message means DynamoDB sends the exception
//! with no message member at all.

use crate::error::Error;

/// A body that is not JSON at all: DynamoDB answers with the bare exception type, no message.
pub fn malformed_json() -> Error {
    Error::Serialization(String::new())
}

/// A member of the wrong JSON type, with DynamoDB's text for that combination (see `protocol::decode`).
pub fn serialization(text: impl Into<String>) -> Error {
    Error::Serialization(text.into())
}

/// An `X-Amz-Target` that names no operation of the API: DynamoDB sends no message.
pub fn unknown_operation() -> Error {
    Error::UnknownOperation(String::new())
}

/// No `Authorization` header (or one that is not SigV4) and no presigned query.
pub fn missing_authentication_token() -> Error {
    Error::MissingAuthenticationToken("Request is missing Authentication Token".to_owned())
}

/// An `Authorization` header without some of its parts; `missing` lists them in DynamoDB's order
/// (`Credential`, `Signature`, `SignedHeaders`), `no_date` adds the date-header complaint.
pub fn incomplete_authorization(missing: &[&str], no_date: bool, header: &str) -> Error {
    let mut text = String::new();
    for part in missing {
        text.push_str(&format!(
            "Authorization header requires '{part}' parameter. "
        ));
    }
    if no_date {
        text.push_str(
            "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. ",
        );
    }
    text.push_str("Authorization=");
    text.push_str(header);
    Error::IncompleteSignature(text)
}

/// A presigned query without some of its parameters (each named as `'X-Amz-…'`).
pub fn incomplete_query(missing: &[&str]) -> Error {
    let mut text = String::new();
    for param in missing {
        text.push_str(&format!(
            "AWS query-string parameters must include '{param}'. "
        ));
    }
    text.push_str("Re-examine the query-string parameters.");
    Error::IncompleteSignature(text)
}

/// Both an `Authorization` header and a presigned query.
pub fn header_and_query_auth() -> Error {
    Error::InvalidSignature(
        "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header."
            .to_owned(),
    )
}

/// A signing algorithm other than `AWS4-HMAC-SHA256`.
pub fn unsupported_algorithm(algorithm: &str) -> Error {
    Error::IncompleteSignature(format!(
        "Unsupported AWS 'algorithm': '{algorithm}' (only AWS4-HMAC-SHA256 for now). "
    ))
}

/// A credential scope that is not `keyid/date/region/service/aws4_request`.
pub fn credential_elements(credential: &str) -> Error {
    Error::IncompleteSignature(format!(
        "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '{credential}'"
    ))
}

/// A date that is not ISO 8601 basic format (`20260101T000000Z`).
pub fn bad_date(date: &str) -> Error {
    Error::IncompleteSignature(format!(
        "Date must be in ISO-8601 'basic format'. Got '{date}'. See http://en.wikipedia.org/wiki/ISO_8601"
    ))
}

/// Credential-scope problems found when verifying, joined as DynamoDB joins them.
pub fn bad_scope(problems: &[String]) -> Error {
    Error::InvalidSignature(problems.join(" "))
}

/// The scope's service is not `dynamodb`.
pub fn scope_service() -> String {
    "Credential should be scoped to correct service: 'dynamodb'.".to_owned()
}

/// The scope's terminator is not `aws4_request`.
pub fn scope_terminator(term: &str) -> String {
    format!("Credential should be scoped with a valid terminator: 'aws4_request', not '{term}'.")
}

/// The scope's date is not the request's date.
pub fn scope_date(scope_date: &str, date: &str) -> String {
    let day = date.get(..8).unwrap_or(date);
    format!(
        "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '{scope_date}' != '{day}', from '{date}'."
    )
}

/// `Host` left out of the signed headers.
pub fn host_not_signed() -> Error {
    Error::InvalidSignature("'Host' must be a 'SignedHeader' in the AWS Authorization.".to_owned())
}

/// A date more than 15 minutes in the past; times are ISO 8601 basic format.
pub fn signature_expired(date: &str, earliest: &str, now: &str) -> Error {
    Error::InvalidSignature(format!(
        "Signature expired: {date} is now earlier than {earliest} ({now} - 15 min.)"
    ))
}

/// A date more than 15 minutes in the future.
pub fn signature_not_yet_current(date: &str, latest: &str, now: &str) -> Error {
    Error::InvalidSignature(format!(
        "Signature not yet current: {date} is still later than {latest} ({now} + 15 min.)"
    ))
}

/// An access key ddbmock was not told about (`--auth`).
pub fn unrecognized_client() -> Error {
    Error::UnrecognizedClient("The security token included in the request is invalid.".to_owned())
}

/// A signature that does not match; DynamoDB shows what it computed.
pub fn signature_mismatch(canonical_request: &str, string_to_sign: &str) -> Error {
    Error::InvalidSignature(format!(
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n\nThe Canonical String for this request should have been\n'{canonical_request}'\n\nThe String-to-Sign should have been\n'{string_to_sign}'\n"
    ))
}

// Member type errors: Jackson's texts, as DynamoDB's JSON reader gives them (`protocol::decode` picks
// one from what was sent and what the member is).

/// A scalar of the wrong kind: `token` is Jackson's (`NUMBER_VALUE`, `TRUE_VALUE`, …), `class` the
/// member's Java type (`String`, `Integer`, `Long`, `Boolean`).
pub fn cannot_convert(token: &str, class: &str) -> Error {
    serialization(format!("{token} cannot be converted to {class}"))
}

/// A JSON array where a non-list member was expected; `class` is the member's full Java class.
pub fn unrecognized_collection(class: &str) -> Error {
    serialization(format!("Unrecognized collection type class {class}"))
}

/// A JSON array where a map member was expected; `value_class` is the map's value class.
pub fn unrecognized_map(value_class: &str) -> Error {
    serialization(format!(
        "Unrecognized collection type java.util.Map<java.lang.String, {value_class}>"
    ))
}

/// A JSON object where a scalar or a list was expected.
pub fn start_of_structure() -> Error {
    serialization("Start of structure or map found where not expected")
}

/// A scalar where a list, map or structure member was expected.
pub fn unexpected_field_type() -> Error {
    serialization("Unexpected field type")
}

/// A scalar where an attribute value was expected.
pub fn unexpected_value_type() -> Error {
    serialization("Unexpected value type in payload")
}

/// A string where a boolean was expected.
pub fn unexpected_token() -> Error {
    serialization("Unexpected token received from parser")
}

/// A number or boolean where a binary was expected.
pub fn not_base64_string() -> Error {
    serialization("only base-64-encoded strings are convertible to bytes")
}

/// A binary whose base64 text is not a multiple of 4 long.
pub fn base64_length(length: usize) -> Error {
    serialization(format!(
        "Base64 encoded length is expected a multiple of 4 bytes but found: {length}"
    ))
}

/// A binary whose base64 text is otherwise invalid ("dectected" is DynamoDB's spelling).
pub fn base64_last_character() -> Error {
    serialization("Invalid last non-pad Base64 character dectected")
}
