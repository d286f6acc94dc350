//! PartiQL through the AWS SDK bridge (feature `aws`): `execute_statement`,
//! `batch_execute_statement` and `execute_transaction` on the real SDK client, with their
//! per-statement errors and cancellation reasons as the SDK's typed values.
#![cfg(feature = "aws")]

use aws_sdk_dynamodb::error::ProvideErrorMetadata;
use aws_sdk_dynamodb::types::{
    BatchStatementErrorCodeEnum, BatchStatementRequest, ParameterizedStatement,
    ReturnConsumedCapacity, ReturnValuesOnConditionCheckFailure,
};
use aws_support::{create_table, n, s};
use ddbmock::Engine;

mod aws_support;

fn batch_statement(text: &str) -> BatchStatementRequest {
    BatchStatementRequest::builder()
        .statement(text)
        .build()
        .unwrap()
}

fn parameterized(text: &str) -> ParameterizedStatement {
    ParameterizedStatement::builder()
        .statement(text)
        .build()
        .unwrap()
}

#[tokio::test]
async fn partiql_through_the_sdk() {
    let client = ddbmock::aws::client(&Engine::memory());
    create_table(&client, "tbl", None).await;

    client
        .execute_statement()
        .statement(r#"INSERT INTO "tbl" VALUE {'pk': ?, 'sk': 1, 'v': 'one'}"#)
        .parameters(s("a"))
        .send()
        .await
        .unwrap();
    let out = client
        .execute_statement()
        .statement(r#"SELECT v FROM "tbl" WHERE pk = 'a'"#)
        .send()
        .await
        .unwrap();
    assert_eq!(out.items()[0]["v"], s("one"));

    let out = client
        .batch_execute_statement()
        .statements(batch_statement(
            r#"INSERT INTO "tbl" VALUE {'pk': 'b', 'sk': 2}"#,
        ))
        .statements(batch_statement(
            r#"INSERT INTO "tbl" VALUE {'pk': 'a', 'sk': 1}"#,
        ))
        .return_consumed_capacity(ReturnConsumedCapacity::Total)
        .send()
        .await
        .unwrap();
    let responses = out.responses();
    assert_eq!(responses[0].table_name(), Some("tbl"));
    assert!(responses[0].error().is_none());
    let error = responses[1].error().unwrap();
    assert_eq!(
        error.code(),
        Some(&BatchStatementErrorCodeEnum::DuplicateItem)
    );
    assert_eq!(
        error.message(),
        Some("Duplicate primary key exists in table")
    );
    assert_eq!(out.consumed_capacity()[0].capacity_units(), Some(1.0));

    let out = client
        .batch_execute_statement()
        .statements(batch_statement(
            r#"SELECT * FROM "tbl" WHERE pk = 'b' AND sk = 2"#,
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(out.responses()[0].item().unwrap()["pk"], s("b"));

    let error = client
        .execute_transaction()
        .transact_statements(parameterized(
            r#"UPDATE "tbl" SET v = 'two' WHERE pk = 'b' AND sk = 2"#,
        ))
        .transact_statements(
            ParameterizedStatement::builder()
                .statement(r#"EXISTS(SELECT * FROM "tbl" WHERE pk = 'a' AND sk = 1 AND v = 'x')"#)
                .return_values_on_condition_check_failure(
                    ReturnValuesOnConditionCheckFailure::AllOld,
                )
                .build()
                .unwrap(),
        )
        .send()
        .await
        .unwrap_err()
        .into_service_error();
    assert!(error.is_transaction_canceled_exception(), "{error:?}");
    assert_eq!(
        error.message(),
        Some(
            "Transaction cancelled, please refer cancellation reasons for specific reasons [None, ConditionalCheckFailed]"
        )
    );
    let aws_sdk_dynamodb::operation::execute_transaction::ExecuteTransactionError::TransactionCanceledException(cancelled) = error else {
        unreachable!()
    };
    let reasons = cancelled.cancellation_reasons();
    assert_eq!(reasons[0].code(), Some("None"));
    assert_eq!(reasons[1].code(), Some("ConditionalCheckFailed"));
    assert_eq!(reasons[1].item().unwrap()["v"], s("one"));

    client
        .execute_transaction()
        .transact_statements(parameterized(
            r#"UPDATE "tbl" SET v = 'two' WHERE pk = 'b' AND sk = 2"#,
        ))
        .client_request_token("sdk-token")
        .send()
        .await
        .unwrap();
    let out = client
        .execute_transaction()
        .transact_statements(parameterized(
            r#"SELECT v FROM "tbl" WHERE pk = 'b' AND sk = 2"#,
        ))
        .transact_statements(parameterized(
            r#"SELECT sk FROM "tbl" WHERE pk = 'a' AND sk = 1"#,
        ))
        .send()
        .await
        .unwrap();
    let items: Vec<_> = out.responses().iter().map(|r| r.item().cloned()).collect();
    assert_eq!(items[0].as_ref().unwrap()["v"], s("two"));
    assert_eq!(items[1].as_ref().unwrap()["sk"], n("1"));
}
