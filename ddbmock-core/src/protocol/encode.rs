//! Response bodies: an operation's output, or DynamoDB's error body.
//!
//! Error bodies keep DynamoDB's member names and order: `__type` first, then `message`, except that
//! `SerializationException` and `TransactionCanceledException` spell it `Message` (coral's and
//! DynamoDB's models differ there), and `TransactionCanceledException` puts its `CancellationReasons`
//! before it. A conditional check failure carries the old `Item` when it was asked for.

use serde::Serialize;

use crate::error::{CancellationReason, Error};
use crate::model::Item;

#[derive(Serialize)]
struct ErrorBody<'a> {
    #[serde(rename = "__type")]
    type_: String,
    #[serde(
        rename = "CancellationReasons",
        skip_serializing_if = "Option::is_none"
    )]
    reasons: Option<&'a [CancellationReason]>,
    #[serde(rename = "Message", skip_serializing_if = "Option::is_none")]
    upper_message: Option<String>,
    #[serde(rename = "message", skip_serializing_if = "Option::is_none")]
    message: Option<String>,
    #[serde(rename = "Item", skip_serializing_if = "Option::is_none")]
    item: Option<&'a Item>,
}

/// DynamoDB's body for `error`. An empty message is left out, as DynamoDB leaves it out of bare
/// `SerializationException` and `UnknownOperationException` bodies.
pub(super) fn error_body(error: &Error) -> Vec<u8> {
    let text = error.message();
    let text = (!text.is_empty()).then_some(text);
    let capitalized = matches!(
        error,
        Error::Serialization(_) | Error::TransactionCanceled { .. }
    );
    let (reasons, item) = match error {
        Error::TransactionCanceled { reasons, .. } => (Some(reasons.as_slice()), None),
        Error::ConditionalCheckFailed { item, .. } => (None, item.as_ref()),
        _ => (None, None),
    };
    let (upper_message, message) = if capitalized {
        (text, None)
    } else {
        (None, text)
    };
    let body = ErrorBody {
        type_: format!("{}#{}", error.namespace(), error.type_name()),
        reasons,
        upper_message,
        message,
        item,
    };
    // Serializing strings and attribute values cannot fail; the fallback keeps the type regardless.
    serde_json::to_vec(&body).unwrap_or_else(|_| {
        format!(
            r#"{{"__type":"{}#{}"}}"#,
            error.namespace(),
            error.type_name()
        )
        .into_bytes()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::msg;
    use crate::model::AttributeValue;

    fn text(error: &Error) -> String {
        String::from_utf8(error_body(error)).unwrap()
    }

    #[test]
    fn errors_have_dynamodbs_bodies() {
        assert_eq!(
            text(&msg::table_not_found()),
            r#"{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found"}"#
        );
        assert_eq!(
            text(&msg::validation("bad")),
            r#"{"__type":"com.amazon.coral.validate#ValidationException","message":"bad"}"#
        );
        assert_eq!(
            text(&msg::protocol::malformed_json()),
            r#"{"__type":"com.amazon.coral.service#SerializationException"}"#
        );
        assert_eq!(
            text(&msg::protocol::serialization(
                "NUMBER_VALUE cannot be converted to String"
            )),
            r#"{"__type":"com.amazon.coral.service#SerializationException","Message":"NUMBER_VALUE cannot be converted to String"}"#
        );
        assert_eq!(
            text(&msg::protocol::unknown_operation()),
            r#"{"__type":"com.amazon.coral.service#UnknownOperationException"}"#
        );
        assert_eq!(
            text(&msg::protocol::missing_authentication_token()),
            r#"{"__type":"com.amazon.coral.service#MissingAuthenticationTokenException","message":"Request is missing Authentication Token"}"#
        );
    }

    #[test]
    fn conditional_check_failure_carries_the_item() {
        let item: Item = [("k".to_owned(), AttributeValue::S("v".into()))].into();
        let error = Error::ConditionalCheckFailed {
            message: "The conditional request failed".into(),
            item: Some(item),
        };
        assert_eq!(
            text(&error),
            r#"{"__type":"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException","message":"The conditional request failed","Item":{"k":{"S":"v"}}}"#
        );
    }

    #[test]
    fn transaction_cancellation_lists_reasons_first() {
        let error = Error::TransactionCanceled {
            message: "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]".into(),
            reasons: vec![
                CancellationReason { code: Some("None".into()), ..Default::default() },
                CancellationReason {
                    code: Some("ConditionalCheckFailed".into()),
                    message: Some("The conditional request failed".into()),
                    item: None,
                },
            ],
        };
        assert_eq!(
            text(&error),
            r#"{"__type":"com.amazonaws.dynamodb.v20120810#TransactionCanceledException","CancellationReasons":[{"Code":"None"},{"Code":"ConditionalCheckFailed","Message":"The conditional request failed"}],"Message":"Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]"}"#
        );
    }
}
