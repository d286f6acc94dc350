use ddbmock::operation::{CreateTableInput, GetItemInput, PutItemInput, ScalarAttributeType::S};
use ddbmock::{DynamoDb, Engine, Error, item};

#[ddbmock::test]
async fn a_user_reads_back(db: Engine) -> Result<(), Error> {
    db.create_table(CreateTableInput::new("users", "id", S)).await?;
    db.put_item(PutItemInput::new("users", item! { "id" => "u1", "name" => "Ada" })).await?;
    let found = db.get_item(GetItemInput::new("users", item! { "id" => "u1" })).await?;
    assert_eq!(found.item.unwrap()["name"], "Ada".into());
    Ok(())
}
