use ddbmock::mock::{Mock, Operation, errors, ops};
use ddbmock::operation::{CreateTableInput, PutItemInput, ScalarAttributeType::S};
use ddbmock::{DynamoDb, Engine, Error, item};

#[ddbmock::test]
async fn the_second_put_fails(db: Engine) -> Result<(), Error> {
    db.create_table(CreateTableInput::new("users", "id", S)).await?;
    let mock = Mock::new(db).fail_nth_of::<ops::PutItem>(2, errors::internal_server_error());
    let put = || mock.put_item(PutItemInput::new("users", item! { "id" => "u1" }));
    put().await?;
    assert_eq!(put().await.unwrap_err(), errors::internal_server_error());
    assert_eq!(mock.calls_to(Operation::PutItem).len(), 2);
    Ok(())
}
